package stats

import (
	"context"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// The computations behind the statistics snapshots: each streams the
// participation records of a round (EachParticipation) and never holds
// them; people are looked up in batches as the records pass.

// peopleBatch is how many records wait for one UsersByIDs call.
const peopleBatch = 500

// statsUnits returns the units statistics are broken down by: the
// contest's eligible subtree (its owner's when unset).
func (st *Service) statsUnits(ctx context.Context, ct *contests.Contest) ([]contests.Unit, error) {
	path := ct.EligibleUnitPath
	if path == "" {
		path = ct.OwnerUnitPath
	}
	list, err := st.store.UnitsUnder(ctx, path)
	if err != nil {
		return nil, err
	}
	out := make([]contests.Unit, len(list))
	for i, u := range list {
		out[i] = *u
	}
	return out, nil
}

func (st *Service) computeRound(ctx context.Context, roundID string) (Round, error) {
	r, err := st.store.Round(ctx, roundID)
	if err != nil {
		return Round{}, err
	}
	ct, err := st.store.ContestByID(ctx, r.ContestID)
	if err != nil {
		return Round{}, err
	}
	units, err := st.statsUnits(ctx, ct)
	if err != nil {
		return Round{}, err
	}
	acc := quiz.NewAccumulator(r.ClosesAt)
	if err := st.eachWithPeople(ctx, r.ID, acc.Add); err != nil {
		return Round{}, err
	}
	return Round{Stats: acc.Result(units)}, nil
}

// computeContest adds up every round of a contest, each person once (at
// the unit of the latest round they played); ages are taken at the last
// round's close.
func (st *Service) computeContest(ctx context.Context, contestID string) (Contest, error) {
	ct, err := st.store.ContestByID(ctx, contestID)
	if err != nil {
		return Contest{}, err
	}
	units, err := st.statsUnits(ctx, ct)
	if err != nil {
		return Contest{}, err
	}
	rounds, err := st.store.RoundsOf(ctx, contestID)
	if err != nil {
		return Contest{}, err
	}
	var ageOn time.Time
	for _, r := range rounds {
		if r.ClosesAt.After(ageOn) {
			ageOn = r.ClosesAt
		}
	}
	acc := quiz.NewDistinctAccumulator(ageOn)
	lines := make([]RoundLine, 0, len(rounds))
	for _, r := range rounds {
		line := RoundLine{ID: r.ID, No: r.No, Title: r.Title}
		err := st.eachWithPeople(ctx, r.ID, func(p *quiz.Participation, who quiz.Person) {
			line.Counts.Add(quiz.RecordCounts(p))
			acc.Add(p, who)
		})
		if err != nil {
			return Contest{}, err
		}
		lines = append(lines, line)
	}
	return Contest{Stats: acc.Result(units), Rounds: lines}, nil
}

// computeItems analyses a round's final attempts against the bank's
// current key, as the results are computed.
func (st *Service) computeItems(ctx context.Context, roundID string) (Items, error) {
	r, err := st.store.Round(ctx, roundID)
	if err != nil {
		return Items{}, err
	}
	bank, err := st.store.Questions(ctx, r.ContestID)
	if err != nil {
		return Items{}, err
	}
	key := make(quiz.AnswerKey, len(bank))
	for _, q := range bank {
		key[q.ID] = q.Correct
	}
	acc := quiz.NewItemAccumulator(key)
	err = st.store.EachParticipation(ctx, r.ID, func(p *quiz.Participation) error {
		acc.Add(p)
		return ctx.Err()
	})
	if err != nil {
		return Items{}, err
	}
	byID := map[string]quiz.ItemStat{}
	for _, it := range acc.Result() {
		byID[it.QuestionID] = it
	}
	out := Items{Attempts: acc.Attempts()}
	for _, q := range bank {
		if it, ok := byID[q.ID]; ok {
			out.Rows = append(out.Rows, ItemRow{Question: q, Stat: it})
		}
	}
	return out, nil
}

// eachWithPeople streams a round's records to fn with their people, looked
// up peopleBatch at a time (records wait in a small buffer meanwhile).
func (st *Service) eachWithPeople(ctx context.Context, roundID string, fn func(*quiz.Participation, quiz.Person)) error {
	batch := make([]*quiz.Participation, 0, peopleBatch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		ids := make([]string, len(batch))
		for i, p := range batch {
			ids[i] = p.UserID
		}
		users, err := st.store.UsersByIDs(ctx, ids)
		if err != nil {
			return err
		}
		for _, p := range batch {
			who := quiz.Person{UserID: p.UserID}
			if u := users[p.UserID]; u != nil {
				who = quiz.Person{UserID: u.ID, UnitPath: u.UnitPath, Occupation: u.Occupation, Gender: u.Gender, BirthDate: u.BirthDate}
			}
			fn(p, who)
		}
		batch = batch[:0]
		return nil
	}
	err := st.store.EachParticipation(ctx, roundID, func(p *quiz.Participation) error {
		batch = append(batch, p)
		if len(batch) == peopleBatch {
			return flush()
		}
		return ctx.Err()
	})
	if err != nil {
		return err
	}
	return flush()
}
