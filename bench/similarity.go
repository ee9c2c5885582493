package bench

import (
	"context"
	"os"
	"time"

	"hoithi/contests/similarity"
)

// SimilarityConfig sizes a similarity run.
type SimilarityConfig struct {
	Works, Words int
	// Planted copies in the corpus; 0 means one work in 100.
	Planted int
	Seed    uint64
	Logf    func(format string, args ...any)
}

// SimilarityReport is the one JSON line `server bench similarity` prints.
type SimilarityReport struct {
	Works            int     `json:"works"`
	Words            int     `json:"words"`
	Seconds          float64 `json:"seconds"` // Find alone
	SyntheticSeconds float64 `json:"synthetic_seconds"`
	PairsFlagged     int     `json:"pairs_flagged"`
	Planted          int     `json:"planted"`
	Recall           float64 `json:"recall"`
	PeakRSSMB        float64 `json:"peak_rss_mb"` // this process, corpus included
	Candidates       int     `json:"candidates"`
	Fingerprints     int     `json:"fingerprints"`
}

// Similarity builds a synthetic corpus with planted copies, runs Find over
// it, and reports the time, the recall of the planted pairs and the peak
// memory.
func Similarity(ctx context.Context, cfg SimilarityConfig) (*SimilarityReport, error) {
	if cfg.Works <= 0 {
		cfg.Works = 20_000
	}
	if cfg.Words <= 0 {
		cfg.Words = 2_000
	}
	if cfg.Planted <= 0 {
		cfg.Planted = max(1, cfg.Works/100)
	}
	if cfg.Seed == 0 {
		cfg.Seed = 2025
	}
	if cfg.Logf == nil {
		cfg.Logf = func(string, ...any) {}
	}
	t0 := time.Now()
	docs, planted := similarity.Synthetic(cfg.Works, cfg.Words, cfg.Planted, cfg.Seed)
	synth := time.Since(t0)
	cfg.Logf("corpus of %d works × %d words in %.1fs; finding pairs", cfg.Works, cfg.Words, synth.Seconds())
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t0 = time.Now()
	res, err := similarity.Find(docs, similarity.Options{})
	took := time.Since(t0)
	if err != nil {
		return nil, err
	}
	flagged := make(map[[2]string]bool, len(res.Pairs))
	for _, p := range res.Pairs {
		flagged[[2]string{p.A, p.B}], flagged[[2]string{p.B, p.A}] = true, true
	}
	found := 0
	for _, p := range planted {
		if flagged[p] {
			found++
		}
	}
	rep := &SimilarityReport{Works: len(docs), Words: cfg.Words, Seconds: round2(took.Seconds()), SyntheticSeconds: round2(synth.Seconds()),
		PairsFlagged: len(res.Pairs), Planted: len(planted), Candidates: res.Stats.Candidates, Fingerprints: res.Stats.Fingerprints}
	if len(planted) > 0 {
		rep.Recall = round3(float64(found) / float64(len(planted)))
	}
	if _, peak, err := ProcMemory(os.Getpid()); err == nil {
		rep.PeakRSSMB = megabytes(peak)
	}
	return rep, nil
}
