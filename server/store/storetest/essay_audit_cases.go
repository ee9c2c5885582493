package storetest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/audit"
	"hoithi/server/store"
)

func auditSeq(e audit.Entry) string { return fmt.Sprint(e.Seq) }

// appendAll stores entries in order on chain.
func appendAll(t *testing.T, s store.Store, chain string, entries []audit.Entry) {
	t.Helper()
	for _, e := range entries {
		must(t, s.AppendAudit(t.Context(), chain, e))
	}
}

// sameAuditEntries compares entries field by field and, beyond sameStored,
// Data byte for byte (the hash covers those exact bytes) and the chain's
// integrity from anchor.
func sameAuditEntries(t *testing.T, what string, anchor *audit.Entry, got, want []audit.Entry) {
	t.Helper()
	if !slices.Equal(IDs(got, auditSeq), IDs(want, auditSeq)) {
		t.Fatalf("%s: seqs %v, want %v", what, IDs(got, auditSeq), IDs(want, auditSeq))
	}
	sameStored(t, what, got, want)
	for i := range got {
		if !bytes.Equal(got[i].Data, want[i].Data) {
			t.Errorf("%s[%d].Data = %s, want exactly %s", what, i, got[i].Data, want[i].Data)
		}
	}
	if at, ok := audit.VerifyAfter(anchor, got); !ok {
		t.Errorf("%s: the chain read back breaks at entry %d", what, at)
	}
}

func auditCases() []contractCase {
	return []contractCase{
		{name: "audit/append a chain, read the last entry and pages that verify", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			chain, other := "contest:"+store.NewID(), "contest:"+store.NewID()
			entries := auditChain(t, 5, baseTime)
			appendAll(t, s, chain, entries)
			otherEntries := auditChain(t, 2, baseTime.Add(time.Hour))
			appendAll(t, s, other, otherEntries)

			last, err := s.LastAudit(ctx, chain)
			must(t, err)
			sameAuditEntries(t, "LastAudit", &entries[3], []audit.Entry{*last}, entries[4:])
			last, err = s.LastAudit(ctx, other)
			must(t, err)
			sameAuditEntries(t, "LastAudit of the other chain", &otherEntries[0], []audit.Entry{*last}, otherEntries[1:])

			got, err := s.AuditEntries(ctx, chain, 0, 100)
			must(t, err)
			sameAuditEntries(t, "AuditEntries", nil, got, entries)
			if at, ok := audit.Verify(got); !ok {
				t.Errorf("the whole chain read back breaks at entry %d", at)
			}

			for _, page := range []struct {
				after    uint64
				limit    int
				from, to int
			}{{0, 2, 0, 2}, {2, 2, 2, 4}, {4, 2, 4, 5}, {1, 3, 1, 4}, {5, 2, 5, 5}, {9, 2, 5, 5}} {
				got, err := s.AuditEntries(ctx, chain, page.after, page.limit)
				must(t, err)
				var anchor *audit.Entry
				if page.from > 0 {
					anchor = &entries[page.from-1]
				}
				sameAuditEntries(t, fmt.Sprintf("AuditEntries after %d limit %d", page.after, page.limit), anchor, got, entries[page.from:page.to])
			}
		}},
		{name: "audit/a taken seq is a conflict and changes nothing", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			chain := "contest:" + store.NewID()
			entries := auditChain(t, 2, baseTime)
			appendAll(t, s, chain, entries)

			// Another instance read entry 1 as the head and appended its own
			// entry 2: a fork, refused.
			fork, err := audit.Append(&entries[0], audit.Entry{At: baseTime.Add(time.Hour), ActorID: "judge-z",
				Action: audit.ActionScoreChanged, Subject: "work:X", Data: json.RawMessage(`{"total":1}`)})
			must(t, err)
			wantCode(t, s.AppendAudit(ctx, chain, fork), contests.CodeConflict)
			wantCode(t, s.AppendAudit(ctx, chain, entries[0]), contests.CodeConflict)

			got, err := s.AuditEntries(ctx, chain, 0, 10)
			must(t, err)
			sameAuditEntries(t, "chain after refused appends", nil, got, entries)

			// Sequence numbers are per chain.
			elsewhere := "contest:" + store.NewID()
			must(t, s.AppendAudit(ctx, elsewhere, fork))
			last, err := s.LastAudit(ctx, elsewhere)
			must(t, err)
			sameStored(t, "LastAudit of a chain holding one entry 2", last, &fork)
		}},
		{name: "audit/data is kept byte for byte, even when not canonical", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			chain := "contest:" + store.NewID()
			entries := auditChain(t, 3, baseTime)
			// Written by hand rather than by Append: spaces, unsorted keys,
			// a trailing-zero number, an escaped "<" and a raw "é". The hash
			// covers these bytes, so any re-encoding breaks the chain.
			entries[1].Data = json.RawMessage("{ \"z\" : 1.50,\n  \"a\" : \"\\u003cb\\u003e Bé & \\\"x\\\"\" }")
			entries[1].Hash = audit.HashOf(entries[1])
			entries[2].PrevHash = entries[1].Hash
			entries[2].Hash = audit.HashOf(entries[2])
			if _, ok := audit.Verify(entries); !ok {
				t.Fatal("the hand-made chain does not verify before storing")
			}
			appendAll(t, s, chain, entries)

			got, err := s.AuditEntries(ctx, chain, 0, 10)
			must(t, err)
			sameAuditEntries(t, "AuditEntries", nil, got, entries)
			last, err := s.LastAudit(ctx, chain)
			must(t, err)
			sameAuditEntries(t, "LastAudit", &entries[1], []audit.Entry{*last}, entries[2:])
		}},
		{name: "audit/an empty chain has no last entry; every chain is listed", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			chains, err := s.AuditChains(ctx)
			must(t, err)
			if len(chains) != 0 {
				t.Errorf("AuditChains of an empty store = %v, want none", chains)
			}
			_, err = s.LastAudit(ctx, "contest:none")
			wantCode(t, err, contests.CodeNotFound)
			got, err := s.AuditEntries(ctx, "contest:none", 0, 10)
			must(t, err)
			if len(got) != 0 {
				t.Errorf("AuditEntries of an empty chain = %v, want none", IDs(got, auditSeq))
			}

			want := []string{"contest:b-" + store.NewID(), "contest:a-" + store.NewID(), "contest:c-" + store.NewID()}
			for i, chain := range want {
				appendAll(t, s, chain, auditChain(t, i+1, baseTime))
			}
			chains, err = s.AuditChains(ctx)
			must(t, err)
			slices.Sort(chains) // the port promises no order
			slices.Sort(want)
			if !slices.Equal(chains, want) {
				t.Errorf("AuditChains = %v, want %v, each once", chains, want)
			}
		}},
		{name: "audit/concurrent appends of one seq: exactly one wins", needsAtomic: true, run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			chain := "contest:" + store.NewID()
			head := auditChain(t, 1, baseTime)
			appendAll(t, s, chain, head)
			const racers = 10
			results := make([]error, racers)
			entries := make([]audit.Entry, racers)
			start := make(chan struct{})
			var done sync.WaitGroup
			for i := range racers {
				e, err := audit.Append(&head[0], audit.Entry{At: baseTime.Add(time.Minute), ActorID: fmt.Sprintf("judge-%d", i),
					Action: audit.ActionWorkViewed, Subject: "work:K7M-4QX-9TB"})
				must(t, err)
				entries[i] = e
				done.Go(func() {
					<-start
					results[i] = s.AppendAudit(ctx, chain, entries[i])
				})
			}
			close(start)
			done.Wait()
			winner, conflicts := raceOutcome(t, results)
			if winner < 0 || conflicts != racers-1 {
				t.Fatalf("one winner and %d conflicts expected, got winner %d and %d conflicts", racers-1, winner, conflicts)
			}
			got, err := s.AuditEntries(ctx, chain, 0, 10)
			must(t, err)
			sameAuditEntries(t, "chain after the race", nil, got, []audit.Entry{head[0], entries[winner]})
		}},
	}
}
