package storetest

import (
	"slices"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/server/store"
)

func contestID(c *contests.Contest) string { return c.ID }

func contestCases() []contractCase {
	return []contractCase{
		{name: "contests/create and get by id and slug", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			c := NewContest("lsd-2025", NewUnit("T01", "Tỉnh Gia Lai", nil), baseTime)
			must(t, s.CreateContest(ctx, c))
			got, err := s.ContestByID(ctx, c.ID)
			must(t, err)
			sameStored(t, "Contest", got, c)
			got, err = s.ContestBySlug(ctx, c.Slug)
			must(t, err)
			sameStored(t, "Contest", got, c)
			_, err = s.ContestByID(ctx, store.NewID())
			wantCode(t, err, contests.CodeNotFound)
			_, err = s.ContestBySlug(ctx, "khong-co")
			wantCode(t, err, contests.CodeNotFound)
		}},
		{name: "contests/empty optional fields stay empty", run: func(t *testing.T, s store.Store) {
			c := NewContest("nhap", NewUnit("T01", "Tỉnh Gia Lai", nil), baseTime)
			c.Kind, c.Status = contests.KindEssay, contests.ContestDraft
			c.Description, c.BannerURL, c.EligibleUnitPath, c.Settings = "", "", "", nil
			c.StartsAt, c.EndsAt = time.Time{}, time.Time{}
			must(t, s.CreateContest(t.Context(), c))
			got, err := s.ContestByID(t.Context(), c.ID)
			must(t, err)
			sameStored(t, "Contest", got, c)
		}},
		{name: "contests/duplicate slug is a slug conflict", run: func(t *testing.T, s store.Store) {
			unit := NewUnit("T01", "Tỉnh Gia Lai", nil)
			must(t, s.CreateContest(t.Context(), NewContest("tuan-1", unit, baseTime)))
			wantConflict(t, s.CreateContest(t.Context(), NewContest("tuan-1", unit, baseTime)), "slug")
		}},
		{name: "contests/update replaces the fields", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			unit := NewUnit("T01", "Tỉnh Gia Lai", nil)
			c := NewContest("cu", unit, baseTime)
			taken := NewContest("da-co", unit, baseTime)
			must(t, s.CreateContest(ctx, c))
			must(t, s.CreateContest(ctx, taken))
			want := *c
			want.Slug, want.Title, want.Description = "moi", "Tên mới", "Mô tả mới"
			want.Status, want.EligibleUnitPath = contests.ContestClosed, "/khac/"
			want.Settings = []byte(`{"onePrizePerPerson":false}`)
			want.EndsAt, want.UpdatedAt = baseTime.Add(72*time.Hour), baseTime.Add(time.Hour)
			must(t, s.UpdateContest(ctx, &want))
			got, err := s.ContestByID(ctx, c.ID)
			must(t, err)
			sameStored(t, "Contest", got, &want)
			got, err = s.ContestBySlug(ctx, "moi")
			must(t, err)
			sameStored(t, "Contest", got, &want)

			clash := want
			clash.Slug = taken.Slug
			wantConflict(t, s.UpdateContest(ctx, &clash), "slug")
			wantCode(t, s.UpdateContest(ctx, NewContest("khong-co", unit, baseTime)), contests.CodeNotFound)
		}},
		{name: "contests/list by owner subtree newest first", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			province := NewUnit("T01", "Tỉnh Gia Lai", nil)
			ward := NewUnit("P01", "Phường An Biên", province)
			other := NewUnit("T02", "Tỉnh Cao Bằng", nil)
			oldest := NewContest("tinh-2024", province, baseTime.Add(-48*time.Hour))
			draft := NewContest("phuong-nhap", ward, baseTime.Add(-24*time.Hour))
			draft.Status = contests.ContestDraft
			closed := NewContest("phuong-xong", ward, baseTime.Add(-12*time.Hour))
			closed.Status = contests.ContestClosed
			newest := NewContest("tinh-2025", province, baseTime)
			elsewhere := NewContest("cao-bang", other, baseTime.Add(time.Hour))
			for _, c := range []*contests.Contest{draft, newest, elsewhere, oldest, closed} {
				must(t, s.CreateContest(ctx, c))
			}
			tests := []struct {
				name          string
				path          string
				publishedOnly bool
				want          []*contests.Contest
			}{
				{"province subtree", province.Path, false, []*contests.Contest{newest, closed, draft, oldest}},
				{"ward subtree", ward.Path, false, []*contests.Contest{closed, draft}},
				{"everything", "", false, []*contests.Contest{elsewhere, newest, closed, draft, oldest}},
				{"drafts hidden", province.Path, true, []*contests.Contest{newest, closed, oldest}},
				{"no contests there", "/nowhere/", false, nil},
			}
			for _, tc := range tests {
				got, err := s.ListContests(ctx, tc.path, tc.publishedOnly)
				must(t, err)
				if gotIDs, want := IDs(got, contestID), IDs(tc.want, contestID); !slices.Equal(gotIDs, want) {
					t.Errorf("%s: got %v, want %v", tc.name, gotIDs, want)
				}
			}
			all, err := s.ListContests(ctx, ward.Path, false)
			must(t, err)
			sameStored(t, "Contest", all[0], closed)
		}},
		{name: "contests/owned exactly at the given units newest first", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			province := NewUnit("T01", "Tỉnh Gia Lai", nil)
			ward := NewUnit("P01", "Phường An Biên", province)
			hamlet := NewUnit("KP1", "Khu phố 1", ward)
			sibling := NewUnit("P02", "Phường Rạch Giá", province)
			other := NewUnit("T02", "Tỉnh Cao Bằng", nil)
			atProvince := NewContest("tinh", province, baseTime.Add(-48*time.Hour))
			provinceDraft := NewContest("tinh-nhap", province, baseTime.Add(-36*time.Hour))
			provinceDraft.Status = contests.ContestDraft
			atWard := NewContest("phuong", ward, baseTime.Add(-24*time.Hour))
			wardClosed := NewContest("phuong-xong", ward, baseTime)
			wardClosed.Status = contests.ContestClosed
			atHamlet := NewContest("khu-pho", hamlet, baseTime.Add(time.Hour))
			atSibling := NewContest("phuong-khac", sibling, baseTime.Add(2*time.Hour))
			elsewhere := NewContest("cao-bang", other, baseTime.Add(3*time.Hour))
			for _, c := range []*contests.Contest{atWard, elsewhere, atProvince, atHamlet, wardClosed, provinceDraft, atSibling} {
				must(t, s.CreateContest(ctx, c))
			}
			tests := []struct {
				name          string
				paths         []string
				publishedOnly bool
				want          []*contests.Contest
			}{
				// The ancestors of the hamlet: never the hamlet's own, a
				// sibling's or another province's contests.
				{"ancestors, drafts included", []string{province.Path, ward.Path}, false, []*contests.Contest{wardClosed, atWard, provinceDraft, atProvince}},
				{"ancestors, drafts hidden, closed kept", []string{province.Path, ward.Path}, true, []*contests.Contest{wardClosed, atWard, atProvince}},
				{"one owner", []string{ward.Path}, false, []*contests.Contest{wardClosed, atWard}},
				{"no owners", nil, false, nil},
				{"nobody owns there", []string{"/nowhere/"}, false, nil},
			}
			for _, tc := range tests {
				got, err := s.ContestsOwnedAt(ctx, tc.paths, tc.publishedOnly)
				must(t, err)
				if gotIDs, want := IDs(got, contestID), IDs(tc.want, contestID); !slices.Equal(gotIDs, want) {
					t.Errorf("%s: got %v, want %v", tc.name, gotIDs, want)
				}
			}
			got, err := s.ContestsOwnedAt(ctx, []string{ward.Path}, false)
			must(t, err)
			sameStored(t, "Contest", got[1], atWard)
		}},
	}
}
