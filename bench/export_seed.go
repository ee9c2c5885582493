package bench

import (
	"context"
	"fmt"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/contests/vnid"
	"hoithi/server/auth"
	"hoithi/server/store"
)

// exportWorld is what the export bench seeded: a round with computed
// results and the organizer who may export them.
type exportWorld struct {
	roundID   string
	organizer *contests.User
}

// exportSeedBatch is how many people are made before they are stored:
// their records are dropped once stored, so seeding a province does not
// hold half a million users in memory at once.
const exportSeedBatch = 5000

// seedExportWorld fills a new SQLite file in dir (whose secrets
// writeSecrets made) through the store: the bench unit tree, a ward quiz
// contest with a closed round whose results are computed, n citizens and
// one standing for each, and an organizer of the ward.
func seedExportWorld(ctx context.Context, dir string, dataKey []byte, n int, logf func(string, ...any)) (*exportWorld, error) {
	b, err := openBase(ctx, dir, dataKey)
	if err != nil {
		return nil, err
	}
	defer b.st.Close()
	st, keys, ward, grassroots, now := b.st, b.keys, b.ward, b.grassroots, b.now
	ct, err := b.wardQuiz(ctx, "bench-export", "Tìm hiểu lịch sử Đảng bộ Phường An Biên (đo xuất Excel)", "", 8*24*time.Hour)
	if err != nil {
		return nil, err
	}
	r := benchRound(ct.ID, 1, now.Add(-7*24*time.Hour), now.Add(-time.Hour))
	r.Status, r.ResultsAt = quiz.RoundResults, now.Add(-30*time.Minute)
	target := int64(n)
	r.TargetValue = &target
	if err := st.CreateRound(ctx, r); err != nil {
		return nil, fmt.Errorf("round: %w", err)
	}
	t0 := time.Now()
	ids, err := seedExportPeople(ctx, st, keys, grassroots, n, now)
	if err != nil {
		return nil, err
	}
	logf("seeded %d users in %.1fs", n, time.Since(t0).Seconds())
	t0 = time.Now()
	rows := benchStandings(r, grassroots, n)
	for i := range rows {
		// Person i stands at rank i+1, from the unit they registered in.
		rows[i].UserID, rows[i].UnitPath = ids[i], grassroots[i%len(grassroots)].Path
	}
	if err := st.ReplaceStandings(ctx, r.ID, rows); err != nil {
		return nil, fmt.Errorf("standings: %w", err)
	}
	logf("seeded %d standings in %.1fs", n, time.Since(t0).Seconds())
	org := &contests.User{ID: store.NewID(), FullName: "Ban Tổ chức Phường An Biên", Phone: "+84900000000", PhoneKey: "+84900000000",
		UnitID: ward.ID, UnitPath: ward.Path, CreatedAt: now,
		Grants: []contests.Grant{{Role: contests.RoleOrganizer, UnitID: ward.ID, UnitPath: ward.Path}}}
	if err := st.CreateUser(ctx, org); err != nil {
		return nil, fmt.Errorf("organizer: %w", err)
	}
	return &exportWorld{roundID: r.ID, organizer: org}, nil
}

// seedExportPeople stores n citizens spread over units, a batch at a time,
// sharing one password hash (argon2id per person would make seeding, not
// the export, the slow part), and returns their IDs in order.
func seedExportPeople(ctx context.Context, st store.Store, keys *auth.Keys, units []*contests.Unit, n int, now time.Time) ([]string, error) {
	hash, err := auth.HashPassword(benchPassword)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, n)
	batch := make([]*contests.User, 0, exportSeedBatch)
	for start := 0; start < n; start += exportSeedBatch {
		batch = batch[:0]
		for i := start; i < min(start+exportSeedBatch, n); i++ {
			phone := fmt.Sprintf("+849%08d", 10_000_000+i)
			cccd := fmt.Sprintf("0892%08d", i)
			cccdHash := keys.HashCCCD(cccd)
			unit := units[i%len(units)]
			batch = append(batch, &contests.User{ID: store.NewID(), FullName: benchName(i),
				BirthDate: time.Date(1960+i%45, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC),
				Gender:    []contests.Gender{contests.GenderMale, contests.GenderFemale}[i%2], Phone: phone,
				UnitID: unit.ID, UnitPath: unit.Path, Occupation: contests.Occupations[i%len(contests.Occupations)],
				CCCDHash: cccdHash, CCCDEnc: keys.Seal(cccd), CCCDMasked: vnid.Mask(cccd),
				PhoneKey: phone, CCCDKey: cccdHash, PasswordHash: hash, PasswordChangedAt: now, CreatedAt: now})
		}
		if err := createUsers(ctx, st, batch); err != nil {
			return nil, err
		}
		for _, u := range batch {
			ids = append(ids, u.ID)
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	return ids, nil
}

// createUsers stores a batch, in one transaction where the engine offers it.
func createUsers(ctx context.Context, st store.Store, users []*contests.User) error {
	if b, ok := st.(interface {
		CreateUsers(context.Context, []*contests.User) error
	}); ok {
		return b.CreateUsers(ctx, users)
	}
	for _, u := range users {
		if err := st.CreateUser(ctx, u); err != nil {
			return fmt.Errorf("user %s: %w", u.ID, err)
		}
	}
	return nil
}
