package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"time"

	"hoithi/contests"
	"hoithi/server/auth"
	"hoithi/server/store"
)

// Demo logins printed by `make run`. They exist only in a store seeded with
// --demo or `server seed`.
const demoPassword = "hoithi-demo"

var demoUsers = []struct {
	phone, cccd, name, birth string
	gender                   contests.Gender
	role                     contests.Role
	unitCode                 string
}{
	{"0901000000", "089085000001", "Quản Trị Viên", "1985-03-02", contests.GenderMale, contests.RoleAdmin, ""},
	{"0901000001", "089190000002", "Trần Thị Tổ Chức", "1990-07-15", contests.GenderFemale, contests.RoleOrganizer, "AG"},
	{"0901000002", "089201000003", "Lê Văn Dân", "2001-11-20", contests.GenderMale, contests.RoleCitizen, "AB-KP1"},
	// The head of Khu phố 1: organizer of a unit inside the ward's contest,
	// who reads (report access) only Khu phố 1's figures and weekly report.
	{"0901000003", "089188000004", "Lê Thị Tổ Trưởng", "1988-04-09", contests.GenderFemale, contests.RoleOrganizer, "AB-KP1"},
}

// demoUnits: headcount is the population (the school's chi bộ: its party
// members); target, the participants each is asked to bring, about a third
// of it. "Ngoài tỉnh" has neither.
var demoUnits = []struct {
	code, name, kind, parent string
	headcount, target        int
}{
	{"AG", "Tỉnh An Giang", contests.UnitProvince, "", 1_900_000, 600_000},
	{"AB", "Phường An Biên", contests.UnitWard, "AG", 42_000, 15_000},
	{"AB-KP1", "Khu phố 1", contests.UnitGrassroots, "AB", 2_100, 800},
	{"AB-KP2", "Khu phố 2", contests.UnitGrassroots, "AB", 1_850, 700},
	{"AB-THCS", "Chi bộ Trường THCS An Biên", contests.UnitGrassroots, "AB", 64, 30},
	{"RG", "Phường Rạch Giá", contests.UnitWard, "AG", 58_000, 20_000},
	{"AG-NT", "Ngoài tỉnh", contests.UnitOutOfProvince, "AG", 0, 0},
}

// seedDemo loads the demo ward, people and contest once; later calls find
// the province and return.
func seedDemo(ctx context.Context, st store.Store, keys *auth.Keys, log *slog.Logger) error {
	_, err := seedDemoData(ctx, st, keys, log)
	return err
}

// seedDemoData is seedDemo returning what the demo participants of the
// past round did (none when the demo was already there).
func seedDemoData(ctx context.Context, st store.Store, keys *auth.Keys, log *slog.Logger) ([]demoPlay, error) {
	if _, err := st.UnitByCode(ctx, "AG"); err == nil {
		return nil, nil
	} else if contests.ErrorCode(err) != contests.CodeNotFound {
		return nil, err
	}
	units := map[string]*contests.Unit{}
	for _, d := range demoUnits {
		u := &contests.Unit{ID: store.NewID(), Code: d.code, Name: d.name, Kind: d.kind, Headcount: d.headcount, Target: d.target, NameFold: contests.Fold(d.name)}
		parentPath := "/"
		if p := units[d.parent]; p != nil {
			u.ParentID, parentPath = p.ID, p.Path
		}
		u.Path = contests.ChildPath(parentPath, u.ID)
		if err := st.CreateUnit(ctx, u); err != nil {
			return nil, err
		}
		units[d.code] = u
	}
	hash, err := auth.HashPassword(demoPassword)
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	for _, d := range demoUsers {
		birth, _ := time.Parse("2006-01-02", d.birth)
		home := units["AB-KP1"]
		if d.unitCode != "" && d.role == contests.RoleCitizen {
			home = units[d.unitCode]
		}
		person := demoPerson{name: d.name, gender: d.gender, birth: birth, occupation: contests.OccCivilServant, phone: d.phone, cccd: d.cccd}
		u, err := demoUser(keys, person, home, hash, now)
		if err != nil {
			return nil, err
		}
		switch d.role {
		case contests.RoleAdmin:
			u.Grants = []contests.Grant{{Role: contests.RoleAdmin, UnitPath: "/"}}
		case contests.RoleOrganizer:
			g := units[d.unitCode]
			u.Grants = []contests.Grant{{Role: contests.RoleOrganizer, UnitID: g.ID, UnitPath: g.Path}}
		}
		if err := st.CreateUser(ctx, u); err != nil {
			return nil, err
		}
	}
	ward := units["AB"]
	c := &contests.Contest{ID: store.NewID(), Slug: "demo", Kind: contests.KindQuiz,
		Title: "Tìm hiểu 80 năm lịch sử Đảng bộ Phường An Biên",
		Description: "Cuộc thi trắc nghiệm trực tuyến dành cho cán bộ, đảng viên và nhân dân trên địa bàn phường.\n" +
			"Mỗi tuần một đợt thi, mỗi lượt 10 câu hỏi trong 10 phút, tối đa 3 lượt mỗi tuần.\n" +
			"Giải tuần: 1 giải Nhất, 2 giải Nhì, 3 giải Ba và 5 giải Khuyến khích.",
		OwnerUnitID: ward.ID, OwnerUnitPath: ward.Path, EligibleUnitPath: ward.Path, Status: contests.ContestPublished,
		StartsAt: now.Truncate(time.Hour).Add(-7 * 24 * time.Hour), EndsAt: now.Truncate(time.Hour).Add(28 * 24 * time.Hour), CreatedAt: now, UpdatedAt: now}
	if err := st.CreateContest(ctx, c); err != nil {
		return nil, err
	}
	past, bank, err := seedDemoQuiz(ctx, st, keys.SeedSecret(), c.ID, now)
	if err != nil {
		return nil, err
	}
	plays, err := seedDemoActivity(ctx, st, keys, c, past, bank)
	if err != nil {
		return nil, err
	}
	log.Info("demo data loaded", "units", len(demoUnits), "users", len(demoUsers), "contest", c.Slug, "participants", len(plays))
	return plays, nil
}

func printDemo(url string) {
	fmt.Printf("\nHội Thi is running: %s\n", url)
	fmt.Printf("  demo contest:  %s/c/demo\n", url)
	fmt.Printf("  organizer:     phone %s  password %s\n", demoUsers[1].phone, demoPassword)
	fmt.Printf("  citizen:       phone %s  password %s\n", demoUsers[2].phone, demoPassword)
	fmt.Printf("  khu phố 1:     phone %s  password %s  (its own figures only)\n", demoUsers[3].phone, demoPassword)
	fmt.Printf("  admin:         phone %s  password %s\n\n", demoUsers[0].phone, demoPassword)
}

func runSeed(args []string) error {
	c := configFromEnv()
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	c.bindFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := c.logger()
	ctx := context.Background()
	st, deps, err := app(ctx, c, log)
	if err != nil {
		return err
	}
	defer st.Close()
	return seedDemo(ctx, st, deps.Keys, log)
}
