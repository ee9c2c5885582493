package bench

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/contests/vnid"
	"hoithi/server/auth"
	"hoithi/server/store"
	"hoithi/server/store/sqlite"
)

// benchPassword is every seeded citizen's password.
const benchPassword = "hoithi-bench-2025"

// world is what the seeding left in the data directory.
type world struct {
	dir            string
	roundID        string // the open round the attempts play
	resultsRoundID string // a closed round with published standings
	users          []*contests.User
	jwtSecret      []byte
}

// writeSecrets puts fresh jwt_secret and data_key files in dir, as the
// server would generate them on first start.
func writeSecrets(dir string) (jwtSecret, dataKey []byte, err error) {
	gen := func(name string) ([]byte, error) {
		b := make([]byte, 32)
		rand.Read(b)
		s := hex.EncodeToString(b)
		return []byte(s), os.WriteFile(filepath.Join(dir, name), []byte(s+"\n"), 0o600)
	}
	if jwtSecret, err = gen("jwt_secret"); err != nil {
		return nil, nil, err
	}
	dataKey, err = gen("data_key")
	return jwtSecret, dataKey, err
}

// secretsDir makes a throw-away data directory holding fresh secrets
// (writeSecrets); the caller removes it.
func secretsDir(prefix string) (dir string, jwtSecret, dataKey []byte, err error) {
	if dir, err = os.MkdirTemp("", prefix); err != nil {
		return "", nil, nil, err
	}
	if jwtSecret, dataKey, err = writeSecrets(dir); err != nil {
		os.RemoveAll(dir)
		return "", nil, nil, err
	}
	return dir, jwtSecret, dataKey, nil
}

// orDiscard is logf, or a log that drops everything when logf is nil.
func orDiscard(logf func(string, ...any)) func(string, ...any) {
	if logf == nil {
		return func(string, ...any) {}
	}
	return logf
}

// seedWorld fills a new SQLite file in dir through the store (no server
// running): a province, a ward with four grassroots units, a published quiz
// contest of the ward with a bank of 300 questions, an open round and a
// closed one holding standingRows published standings, and people citizens
// of the ward sharing one password hash.
func seedWorld(ctx context.Context, dir string, people, standingRows int, logf func(string, ...any)) (*world, error) {
	jwtSecret, dataKey, err := writeSecrets(dir)
	if err != nil {
		return nil, err
	}
	b, err := openBase(ctx, dir, dataKey)
	if err != nil {
		return nil, err
	}
	defer b.st.Close()
	st, keys, grassroots, now := b.st, b.keys, b.grassroots, b.now
	ct, err := b.wardQuiz(ctx, "bench", "Tìm hiểu lịch sử Đảng bộ Phường An Biên (đo tải)",
		"Cuộc thi trắc nghiệm dùng để đo hiệu năng.", 24*time.Hour)
	if err != nil {
		return nil, err
	}
	bank := benchBank()
	if err := st.CreateQuestions(ctx, ct.ID, bank); err != nil {
		return nil, fmt.Errorf("questions: %w", err)
	}
	open := benchRound(ct.ID, 1, now.Add(-time.Minute), now.Add(time.Hour))
	closed := benchRound(ct.ID, 2, now.Add(-3*time.Hour), now.Add(-2*time.Hour))
	closed.Status, closed.ResultsAt = quiz.RoundResults, now.Add(-time.Hour)
	target := int64(standingRows)
	closed.TargetValue = &target
	for _, r := range []*quiz.Round{open, closed} {
		if err := r.Validate(); err != nil {
			return nil, fmt.Errorf("round %d: %w", r.No, err)
		}
		if err := r.Blueprint.Validate(bank); err != nil {
			return nil, fmt.Errorf("round %d blueprint: %w", r.No, err)
		}
		if err := st.CreateRound(ctx, r); err != nil {
			return nil, fmt.Errorf("round %d: %w", r.No, err)
		}
	}
	w := &world{dir: dir, roundID: open.ID, resultsRoundID: closed.ID, jwtSecret: jwtSecret}
	t0 := time.Now()
	if w.users, err = seedPeople(ctx, st, keys, grassroots, people, now); err != nil {
		return nil, err
	}
	logf("seeded %d users in %.1fs", people, time.Since(t0).Seconds())
	t0 = time.Now()
	if err := st.ReplaceStandings(ctx, closed.ID, benchStandings(closed, grassroots, standingRows)); err != nil {
		return nil, fmt.Errorf("standings: %w", err)
	}
	logf("seeded %d standings in %.1fs", standingRows, time.Since(t0).Seconds())
	return w, nil
}

func seedUnits(ctx context.Context, st store.Store) (ward *contests.Unit, grassroots []*contests.Unit, err error) {
	mk := func(code, name, kind string, parent *contests.Unit, headcount int) (*contests.Unit, error) {
		u := &contests.Unit{ID: store.NewID(), Code: code, Name: name, Kind: kind, Headcount: headcount, NameFold: contests.Fold(name)}
		parentPath := "/"
		if parent != nil {
			u.ParentID, parentPath = parent.ID, parent.Path
		}
		u.Path = contests.ChildPath(parentPath, u.ID)
		return u, st.CreateUnit(ctx, u)
	}
	province, err := mk("AG", "Tỉnh An Giang", contests.UnitProvince, nil, 1_900_000)
	if err != nil {
		return nil, nil, fmt.Errorf("units: %w", err)
	}
	if ward, err = mk("AB", "Phường An Biên", contests.UnitWard, province, 42_000); err != nil {
		return nil, nil, fmt.Errorf("units: %w", err)
	}
	for i, name := range []string{"Khu phố 1", "Khu phố 2", "Khu phố 3", "Chi bộ Trường THCS An Biên"} {
		g, err := mk(fmt.Sprintf("AB-%d", i+1), name, contests.UnitGrassroots, ward, 2_000)
		if err != nil {
			return nil, nil, fmt.Errorf("units: %w", err)
		}
		grassroots = append(grassroots, g)
	}
	return ward, grassroots, nil
}

// benchPhone is person i's phone as typed at login ("09" + 8 digits).
func benchPhone(i int) string { return fmt.Sprintf("09%08d", 10_000_000+i) }

// seedPeople creates n citizens with one precomputed hash: argon2id per
// person would make seeding, not the server, the slow part.
func seedPeople(ctx context.Context, st store.Store, keys *auth.Keys, units []*contests.Unit, n int, now time.Time) ([]*contests.User, error) {
	hash, err := auth.HashPassword(benchPassword)
	if err != nil {
		return nil, err
	}
	out := make([]*contests.User, n)
	for i := range n {
		phone, err := vnid.NormalizePhone(benchPhone(i))
		if err != nil {
			return nil, err
		}
		cccd := fmt.Sprintf("0892%08d", i)
		unit := units[i%len(units)]
		u := &contests.User{ID: store.NewID(), FullName: benchName(i), BirthDate: time.Date(1970+i%40, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC),
			Gender: []contests.Gender{contests.GenderMale, contests.GenderFemale}[i%2], Phone: phone,
			UnitID: unit.ID, UnitPath: unit.Path, Occupation: contests.Occupations[i%len(contests.Occupations)],
			CCCDHash: keys.HashCCCD(cccd), CCCDEnc: keys.Seal(cccd), CCCDMasked: vnid.Mask(cccd),
			PhoneKey: phone, CCCDKey: keys.HashCCCD(cccd), PasswordHash: hash, PasswordChangedAt: now, CreatedAt: now}
		if err := st.CreateUser(ctx, u); err != nil {
			return nil, fmt.Errorf("user %d: %w", i, err)
		}
		out[i] = u
	}
	return out, nil
}

var (
	familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ"}
	middleNames = []string{"Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu", "Quốc"}
	givenNames  = []string{"An", "Bình", "Châu", "Dũng", "Hạnh", "Khánh", "Linh", "Nam", "Phương", "Tâm", "Uyên", "Vinh"}
)

func benchName(i int) string {
	return familyNames[i%len(familyNames)] + " " + middleNames[i/7%len(middleNames)] + " " + givenNames[i/3%len(givenNames)]
}

// The bank spreads 300 questions over 4 topics × 3 difficulties (25 each),
// so every quota of benchBlueprint has ample supply.
var benchTopics = []string{"Lịch sử Đảng bộ", "Pháp luật", "Kinh tế - xã hội địa phương", "Văn hóa - xã hội"}

func benchBank() []quiz.Question {
	bank := make([]quiz.Question, 300)
	for i := range bank {
		correct := []string{"A", "B", "C", "D"}[i*7%4]
		bank[i] = quiz.Question{ID: fmt.Sprintf("Q%03d", i+1), Topic: benchTopics[i%4], Difficulty: quiz.Difficulty(1 + i/4%3),
			Text: fmt.Sprintf("Câu %d: Đại hội đại biểu Đảng bộ phường lần thứ mấy đã đề ra chủ trương xây dựng khu phố văn hóa kiểu mẫu?", i+1),
			Options: []quiz.Option{
				{ID: "A", Text: fmt.Sprintf("Đại hội lần thứ %d, nhiệm kỳ 2015–2020", 10+i%5)},
				{ID: "B", Text: fmt.Sprintf("Đại hội lần thứ %d, nhiệm kỳ 2020–2025", 11+i%5)},
				{ID: "C", Text: fmt.Sprintf("Đại hội lần thứ %d, nhiệm kỳ 2010–2015", 9+i%5)},
				{ID: "D", Text: "Chưa có đại hội nào đề ra chủ trương này"},
			},
			Correct: []string{correct}, Explanation: "Theo Nghị quyết Đại hội Đảng bộ phường.", Points: 1}
	}
	return bank
}

func benchBlueprint() quiz.Blueprint {
	return quiz.Blueprint{Quotas: []quiz.Quota{
		{Topic: benchTopics[0], Difficulty: quiz.DifficultyEasy, N: 3},
		{Topic: benchTopics[0], Difficulty: quiz.DifficultyMedium, N: 2},
		{Topic: benchTopics[0], Difficulty: quiz.DifficultyHard, N: 1},
		{Topic: benchTopics[1], Difficulty: quiz.DifficultyEasy, N: 2},
		{Topic: benchTopics[1], Difficulty: quiz.DifficultyMedium, N: 2},
		{Topic: benchTopics[1], Difficulty: quiz.DifficultyHard, N: 1},
		{Topic: benchTopics[2], N: 5},
		{Topic: benchTopics[3], Difficulty: quiz.DifficultyEasy, N: 2},
		{Difficulty: quiz.DifficultyHard, N: 2},
	}}
}

// benchRound is a weekly round as organizers set them: 20 questions by
// quotas, 10 minutes, prediction tie-break, the usual weekly prizes; 50
// attempts so that a long run does not exhaust its people.
func benchRound(contestID string, no int, opens, closes time.Time) *quiz.Round {
	return &quiz.Round{ID: store.NewID(), ContestID: contestID, No: no, Title: fmt.Sprintf("Tuần %d", no),
		OpensAt: opens, ClosesAt: closes, Blueprint: benchBlueprint(), TimeLimitSec: 600, MaxAttempts: quiz.MaxAttempts,
		Policy:     quiz.PolicyBest,
		Prediction: quiz.Prediction{Enabled: true, Text: "Có bao nhiêu người tham gia tuần này?", Target: quiz.TargetParticipants},
		Rule:       quiz.RankRule{Keys: []quiz.RankKey{quiz.KeyScoreDesc, quiz.KeyPredictionErrorAsc, quiz.KeyDurationAsc, quiz.KeySubmittedAsc}},
		Tiers:      quiz.WeeklyTiers(), TiePolicy: quiz.TieStrict, RevealAnswers: true,
		Status: quiz.RoundPublished, UpdatedAt: opens}
}

// base is what every bench seeding starts from: the store in the data
// directory, the keys, and the unit tree (a ward and its grass roots).
type base struct {
	st         *sqlite.DB
	keys       *auth.Keys
	ward       *contests.Unit
	grassroots []*contests.Unit
	now        time.Time
}

// wardQuiz stores a published quiz contest of the ward that started
// `started` ago and ends in 30 days.
func (b *base) wardQuiz(ctx context.Context, slug, title, description string, started time.Duration) (*contests.Contest, error) {
	ct := &contests.Contest{ID: store.NewID(), Slug: slug, Kind: contests.KindQuiz, Title: title, Description: description,
		OwnerUnitID: b.ward.ID, OwnerUnitPath: b.ward.Path, EligibleUnitPath: b.ward.Path, Status: contests.ContestPublished,
		StartsAt: b.now.Add(-started), EndsAt: b.now.Add(30 * 24 * time.Hour), CreatedAt: b.now, UpdatedAt: b.now}
	if err := b.st.CreateContest(ctx, ct); err != nil {
		return nil, fmt.Errorf("contest: %w", err)
	}
	return ct, nil
}

// openBase opens the SQLite store in dir and seeds the unit tree; the
// caller closes b.st.
func openBase(ctx context.Context, dir string, dataKey []byte) (*base, error) {
	keys, err := auth.NewKeys(dataKey)
	if err != nil {
		return nil, err
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, "hoithi.db"))
	if err != nil {
		return nil, err
	}
	ward, grassroots, err := seedUnits(ctx, st)
	if err != nil {
		st.Close()
		return nil, err
	}
	return &base{st: st, keys: keys, ward: ward, grassroots: grassroots, now: time.Now().UTC().Truncate(time.Millisecond)}, nil
}
