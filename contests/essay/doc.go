// Package essay holds the pure rules of essay contests (docs/domain.md §3;
// docs/architecture.md): category limits and submission checks, anonymous work
// codes, rubrics and score validation, judge assignment, score aggregation
// and discrepancy policies, advancement between rounds, prizes (tiers,
// special and collective prizes) and forwarding to the upper level.
//
// Nothing here performs I/O, reads the clock or the OS random source: times
// and seeds are parameters, so every decision can be replayed for an audit.
// Invalid input is reported as a *contests.Error with CodeInvalid whose
// Fields name the offending field ("title", "coauthors[2]", "scores.form",
// "works.<id>").
package essay
