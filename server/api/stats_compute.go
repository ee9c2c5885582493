package api

import (
	"context"
	"log/slog"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// The computations behind the statistics snapshots: each streams the
// participation records of a round (EachParticipation) and never holds
// them; people are looked up in batches as the records pass.

// statsMaxAge is how old a snapshot may be before a request refreshes it.
const statsMaxAge = time.Minute

// peopleBatch is how many records wait for one UsersByIDs call.
const peopleBatch = 500

// statsService computes and keeps the organizers' statistics.
type statsService struct {
	s        *Server
	rounds   *snapshots[roundStatsSnapshot]
	contests *snapshots[contestStatsSnapshot]
	items    *snapshots[itemsSnapshot]
}

type roundStatsSnapshot struct {
	stats quiz.RoundStats
}

// roundLine is one round's counts inside the whole contest's statistics.
type roundLine struct {
	ID    string `json:"id"`
	No    int    `json:"no"`
	Title string `json:"title"`
	quiz.Counts
}

type contestStatsSnapshot struct {
	stats  quiz.RoundStats
	rounds []roundLine
}

type itemsSnapshot struct {
	attempts int
	// rows are in the bank's order; a question since removed from the
	// bank keeps its figures with an empty text.
	rows []itemRow
}

type itemRow struct {
	question quiz.Question
	stat     quiz.ItemStat
}

func newStatsService(s *Server) *statsService {
	// One computation at a time for the whole server: statistics may take
	// one of the machine's cores, never the quizzes' share.
	jobs := make(chan struct{}, 1)
	log := s.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	st := &statsService{s: s}
	st.rounds = newSnapshots(statsMaxAge, s.Now, jobs, log, st.computeRound)
	st.contests = newSnapshots(statsMaxAge, s.Now, jobs, log, st.computeContest)
	st.items = newSnapshots(statsMaxAge, s.Now, jobs, log, st.computeItems)
	return st
}

// statsUnits returns the units statistics are broken down by: the
// contest's eligible subtree (its owner's when unset).
func (st *statsService) statsUnits(ctx context.Context, ct *contests.Contest) ([]contests.Unit, error) {
	path := ct.EligibleUnitPath
	if path == "" {
		path = ct.OwnerUnitPath
	}
	list, err := st.s.Store.UnitsUnder(ctx, path)
	if err != nil {
		return nil, err
	}
	out := make([]contests.Unit, len(list))
	for i, u := range list {
		out[i] = *u
	}
	return out, nil
}

func (st *statsService) computeRound(ctx context.Context, roundID string) (roundStatsSnapshot, error) {
	r, err := st.s.quiz.Round(ctx, roundID)
	if err != nil {
		return roundStatsSnapshot{}, err
	}
	ct, err := st.s.Store.ContestByID(ctx, r.ContestID)
	if err != nil {
		return roundStatsSnapshot{}, err
	}
	units, err := st.statsUnits(ctx, ct)
	if err != nil {
		return roundStatsSnapshot{}, err
	}
	acc := quiz.NewAccumulator(r.ClosesAt)
	if err := st.eachWithPeople(ctx, r.ID, acc.Add); err != nil {
		return roundStatsSnapshot{}, err
	}
	return roundStatsSnapshot{stats: acc.Result(units)}, nil
}

// computeContest adds up every round of a contest, each person once (at
// the unit of the latest round they played); ages are taken at the last
// round's close.
func (st *statsService) computeContest(ctx context.Context, contestID string) (contestStatsSnapshot, error) {
	ct, err := st.s.Store.ContestByID(ctx, contestID)
	if err != nil {
		return contestStatsSnapshot{}, err
	}
	units, err := st.statsUnits(ctx, ct)
	if err != nil {
		return contestStatsSnapshot{}, err
	}
	rounds, err := st.s.quiz.RoundsOf(ctx, contestID)
	if err != nil {
		return contestStatsSnapshot{}, err
	}
	var ageOn time.Time
	for _, r := range rounds {
		if r.ClosesAt.After(ageOn) {
			ageOn = r.ClosesAt
		}
	}
	acc := quiz.NewDistinctAccumulator(ageOn)
	lines := make([]roundLine, 0, len(rounds))
	for _, r := range rounds {
		line := roundLine{ID: r.ID, No: r.No, Title: r.Title}
		err := st.eachWithPeople(ctx, r.ID, func(p *quiz.Participation, who quiz.Person) {
			line.Counts.Add(quiz.RecordCounts(p))
			acc.Add(p, who)
		})
		if err != nil {
			return contestStatsSnapshot{}, err
		}
		lines = append(lines, line)
	}
	return contestStatsSnapshot{stats: acc.Result(units), rounds: lines}, nil
}

// computeItems analyses a round's final attempts against the bank's
// current key, as the results are computed.
func (st *statsService) computeItems(ctx context.Context, roundID string) (itemsSnapshot, error) {
	r, err := st.s.quiz.Round(ctx, roundID)
	if err != nil {
		return itemsSnapshot{}, err
	}
	bank, err := st.s.quiz.Questions(ctx, r.ContestID)
	if err != nil {
		return itemsSnapshot{}, err
	}
	key := make(quiz.AnswerKey, len(bank))
	for _, q := range bank {
		key[q.ID] = q.Correct
	}
	acc := quiz.NewItemAccumulator(key)
	err = st.s.quiz.EachParticipation(ctx, r.ID, func(p *quiz.Participation) error {
		acc.Add(p)
		return ctx.Err()
	})
	if err != nil {
		return itemsSnapshot{}, err
	}
	byID := map[string]quiz.ItemStat{}
	for _, it := range acc.Result() {
		byID[it.QuestionID] = it
	}
	out := itemsSnapshot{attempts: acc.Attempts()}
	for _, q := range bank {
		if it, ok := byID[q.ID]; ok {
			out.rows = append(out.rows, itemRow{question: q, stat: it})
		}
	}
	return out, nil
}

// eachWithPeople streams a round's records to fn with their people, looked
// up peopleBatch at a time (records wait in a small buffer meanwhile).
func (st *statsService) eachWithPeople(ctx context.Context, roundID string, fn func(*quiz.Participation, quiz.Person)) error {
	batch := make([]*quiz.Participation, 0, peopleBatch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		ids := make([]string, len(batch))
		for i, p := range batch {
			ids[i] = p.UserID
		}
		users, err := st.s.Store.UsersByIDs(ctx, ids)
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
	err := st.s.quiz.EachParticipation(ctx, roundID, func(p *quiz.Participation) error {
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
