// Package quiz is the pure engine of quiz contests: questions and their
// validation, paper blueprints and the seeded draw, scoring, which attempt of
// a round counts, the prediction target, ranking with configurable
// tie-breaks, prize allocation and collective (per unit) prizes.
//
// Everything here decides who wins prizes, so every function is
// deterministic: no clock, no global random source, no map iteration order
// leaking into a result. The same data always yields the same papers, the
// same ranking and the same winners, which is what an audit replays.
//
// The flow of a round:
//
//	plan, err := Prepare(bank, blueprint)          // once per round, cached
//	paper, _ := plan.Draw(AttemptSeed(secret, id)) // per attempt
//	err = CheckAnswer(paper, qid, optionIDs)       // per autosave
//	res, _ := Score(paper, plan.Key(), answers)    // at submit
//	entry, _ := RoundEntry(user, unitPath, attempts, PolicyBest, target)
//	ranked, _ := Rank(entries, rule)               // at round close
//	winners, _ := Allocate(ranked, tiers, opts)
//	units, _ := Collective(unitList, participants, winners, crule)
package quiz
