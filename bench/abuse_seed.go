package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"time"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/server/auth"
	"hoithi/server/blob"
	"hoithi/server/store"
)

// dossierWorld is what the abuse bench seeded for its dossier.
type dossierWorld struct {
	contestID string
	organizer *contests.User
}

// seedDossier stores, in dir as `server serve --data-dir dir` reads it, a
// ward essay contest with n accepted video works of size bytes each (random
// bytes: nothing compresses them on the way), their identity sheets, and
// the ward's organizer.
func seedDossier(ctx context.Context, dir string, dataKey []byte, n int, size int64) (*dossierWorld, error) {
	b, err := openBase(ctx, dir, dataKey)
	if err != nil {
		return nil, err
	}
	defer b.st.Close()
	blobs, err := blob.NewFS(filepath.Join(dir, "blobs"))
	if err != nil {
		return nil, err
	}
	now := b.now
	settings, _ := json.Marshal(map[string]any{"deadline": now.Add(-time.Hour)})
	ct := &contests.Contest{ID: store.NewID(), Slug: "bench-dossier", Kind: contests.KindEssay, Title: "Chính luận (đo hồ sơ chuyển tiếp)",
		OwnerUnitID: b.ward.ID, OwnerUnitPath: b.ward.Path, EligibleUnitPath: b.ward.Path, Status: contests.ContestPublished,
		StartsAt: now.Add(-30 * 24 * time.Hour), EndsAt: now.Add(30 * 24 * time.Hour), Settings: settings, CreatedAt: now, UpdatedAt: now}
	if err := b.st.CreateContest(ctx, ct); err != nil {
		return nil, fmt.Errorf("contest: %w", err)
	}
	// The dossier holds the works forwarded up: the province's contest
	// receives each one (as forwardWorks would make it).
	province, err := b.st.UnitByID(ctx, b.ward.ParentID)
	if err != nil {
		return nil, fmt.Errorf("province: %w", err)
	}
	up := &contests.Contest{ID: store.NewID(), Slug: "bench-dossier-tinh", Kind: contests.KindEssay, Title: "Chính luận cấp tỉnh (đo hồ sơ)",
		OwnerUnitID: province.ID, OwnerUnitPath: province.Path, EligibleUnitPath: province.Path, Status: contests.ContestPublished,
		StartsAt: ct.StartsAt, EndsAt: ct.EndsAt, Settings: settings, CreatedAt: now, UpdatedAt: now}
	if err := b.st.CreateContest(ctx, up); err != nil {
		return nil, fmt.Errorf("province contest: %w", err)
	}
	for i := range n {
		id, stored, sum, err := blobs.Put(ctx, io.LimitReader(&randomBytes{r: rand.NewChaCha8([32]byte{byte(i)})}, size), size)
		if err != nil {
			return nil, fmt.Errorf("work file: %w", err)
		}
		w := &essay.Work{ID: store.NewID(), ContestID: ct.ID, Category: essay.CatVideo, Title: fmt.Sprintf("Video số %d", i+1),
			Files:    []essay.StoredFile{{BlobID: id, SHA256: sum, File: essay.File{Name: "video.mp4", Kind: essay.FileMP4, Bytes: stored, MediaSeconds: 240}}},
			AuthorID: store.NewID(), UnitPath: b.ward.Path, Receipt: fmt.Sprintf("BEN-CH%d", i), Status: essay.WorkAccepted,
			Code: fmt.Sprintf("V%03d", i+1), Round: 1, Version: 1, SubmittedAt: now, UpdatedAt: now}
		if err := b.st.CreateWork(ctx, w); err != nil {
			return nil, fmt.Errorf("work: %w", err)
		}
		if err := b.st.PutIdentity(ctx, &essay.Identity{WorkID: w.ID, ContestID: ct.ID, UpdatedAt: now,
			Author: essay.Person{FullName: benchName(i), UnitName: b.ward.Name}}); err != nil {
			return nil, fmt.Errorf("identity: %w", err)
		}
		fw := *w
		fw.ID, fw.ContestID, fw.Code, fw.Status, fw.Round = essay.ForwardedWorkID(w.ID, up.ID), up.ID, "", essay.WorkSubmitted, 0
		fw.Origin = &essay.Origin{ContestID: ct.ID, WorkID: w.ID, ContestName: ct.Title, UnitName: b.ward.Name, Final: 90 - float64(i)}
		if err := b.st.CreateWork(ctx, &fw); err != nil {
			return nil, fmt.Errorf("forwarded work: %w", err)
		}
	}
	org := &contests.User{ID: store.NewID(), FullName: "Ban Tổ chức Phường An Biên", Phone: "+84900000001", PhoneKey: "+84900000001",
		UnitID: b.ward.ID, UnitPath: b.ward.Path, CreatedAt: now,
		Grants: []contests.Grant{{Role: contests.RoleOrganizer, UnitID: b.ward.ID, UnitPath: b.ward.Path}}}
	if err := b.st.CreateUser(ctx, org); err != nil {
		return nil, fmt.Errorf("organizer: %w", err)
	}
	return &dossierWorld{contestID: ct.ID, organizer: org}, nil
}

// randomBytes reads from a seeded ChaCha8 stream: incompressible, fast.
type randomBytes struct{ r *rand.ChaCha8 }

func (r *randomBytes) Read(p []byte) (int, error) { return r.r.Read(p) }

// issueToken signs an access token for u with the data directory's secret.
func issueToken(jwtSecret []byte, u *contests.User) (string, error) {
	tokens, err := auth.NewTokens(jwtSecret, nil)
	if err != nil {
		return "", err
	}
	return tokens.Issue(u)
}
