package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"hoithi/contests/audit"
	"hoithi/server/store"
)

// runAudit handles `server audit verify`: it recomputes every audit chain
// and reports the first broken link of each.
func runAudit(args []string) error {
	if len(args) == 0 || args[0] != "verify" {
		return errors.New("usage: server audit verify [--data-dir D] [--mongodb-uri U]")
	}
	st, err := openCommandStore("audit verify", args[1:])
	if err != nil {
		return err
	}
	defer st.Close()
	broken, err := verifyChains(context.Background(), st, os.Stdout)
	if err != nil {
		return err
	}
	if broken > 0 {
		return fmt.Errorf("%d audit chain(s) broken", broken)
	}
	return nil
}

// verifyChains checks every chain page by page, each page anchored on the
// last entry of the one before, and returns how many chains are broken.
func verifyChains(ctx context.Context, log store.AuditLog, out io.Writer) (int, error) {
	chains, err := log.AuditChains(ctx)
	if err != nil {
		return 0, err
	}
	broken := 0
	for _, chain := range chains {
		var anchor *audit.Entry
		count := 0
		for {
			page, err := log.AuditEntries(ctx, chain, seqOf(anchor), 1000)
			if err != nil {
				return broken, err
			}
			if len(page) == 0 {
				fmt.Fprintf(out, "%s: %d entries, intact\n", chain, count)
				break
			}
			if i, ok := audit.VerifyAfter(anchor, page); !ok {
				e := page[i]
				fmt.Fprintf(out, "%s: BROKEN at entry %d (seq %d, %s %s by %s at %s)\n", chain, count+i+1, e.Seq, e.Action, e.Subject, e.ActorID, e.At.Format("2006-01-02 15:04:05"))
				broken++
				break
			}
			count += len(page)
			anchor = &page[len(page)-1]
		}
	}
	return broken, nil
}

func seqOf(e *audit.Entry) uint64 {
	if e == nil {
		return 0
	}
	return e.Seq
}
