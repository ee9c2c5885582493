package api

import (
	"context"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// API models: what clients see. They are built from domain values field by
// field so a new domain field (a CCCD hash, a password hash) can never leak
// by accident.

type userDTO struct {
	ID         string    `json:"id"`
	FullName   string    `json:"fullName"`
	BirthDate  string    `json:"birthDate"`
	Gender     string    `json:"gender"`
	Phone      string    `json:"phone"`
	Email      string    `json:"email,omitempty"`
	Address    string    `json:"address,omitempty"`
	Occupation string    `json:"occupation"`
	CCCDMasked string    `json:"cccdMasked"`
	Unit       unitRef   `json:"unit"`
	Roles      []roleDTO `json:"roles"`
	CreatedAt  time.Time `json:"createdAt"`
	// LastSeenAt is the last login or token refresh; absent: never.
	LastSeenAt *time.Time `json:"lastSeenAt,omitempty"`
}

type unitRef struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	PathName string `json:"pathName"`
}

type roleDTO struct {
	Role     string `json:"role"`
	UnitID   string `json:"unitId"`
	UnitName string `json:"unitName"`
}

type unitDTO struct {
	ID        string `json:"id"`
	Code      string `json:"code"`
	Name      string `json:"name"`
	Kind      string `json:"kind"`
	ParentID  string `json:"parentId,omitempty"`
	Depth     int    `json:"depth"`
	Headcount int    `json:"headcount"`
	Target    int    `json:"target"`
	PathName  string `json:"pathName"`
}

type contestDTO struct {
	ID            string     `json:"id"`
	Slug          string     `json:"slug"`
	Kind          string     `json:"kind"`
	Title         string     `json:"title"`
	Description   string     `json:"description"`
	BannerURL     string     `json:"bannerUrl,omitempty"`
	Status        string     `json:"status"`
	OwnerUnitID   string     `json:"ownerUnitId"`
	OwnerUnitName string     `json:"ownerUnitName"`
	StartsAt      *time.Time `json:"startsAt,omitempty"`
	EndsAt        *time.Time `json:"endsAt,omitempty"`
	// HasOverall: the quiz ranks everyone across its rounds (its overall
	// standings are public once computed).
	HasOverall bool `json:"hasOverall,omitempty"`
}

type tokensDTO struct {
	AccessToken  string   `json:"accessToken"`
	RefreshToken string   `json:"refreshToken"`
	ExpiresIn    int      `json:"expiresIn"`
	User         *userDTO `json:"user,omitempty"`
}

func (s *Server) toUserDTO(ctx context.Context, u *contests.User) *userDTO {
	d := &userDTO{
		ID: u.ID, FullName: u.FullName, BirthDate: u.BirthDate.Format("2006-01-02"), Gender: string(u.Gender),
		Phone: u.Phone, Email: u.Email, Address: u.Address, Occupation: string(u.Occupation),
		CCCDMasked: u.CCCDMasked, CreatedAt: u.CreatedAt, Roles: []roleDTO{},
		Unit: unitRef{ID: u.UnitID, Name: s.unitNames.name(ctx, u.UnitID), PathName: s.unitNames.pathName(ctx, u.UnitPath)},
	}
	for _, g := range u.Grants {
		name := s.unitNames.name(ctx, g.UnitID)
		if g.UnitID == "" {
			name = "Toàn hệ thống"
		}
		d.Roles = append(d.Roles, roleDTO{Role: string(g.Role), UnitID: g.UnitID, UnitName: name})
	}
	if !u.LastSeenAt.IsZero() {
		at := u.LastSeenAt
		d.LastSeenAt = &at
	}
	return d
}

func (s *Server) toUnitDTO(ctx context.Context, u *contests.Unit) unitDTO {
	return unitDTO{ID: u.ID, Code: u.Code, Name: u.Name, Kind: u.Kind, ParentID: u.ParentID,
		Depth: contests.Depth(u.Path), Headcount: u.Headcount, Target: u.Target, PathName: s.unitNames.pathName(ctx, u.Path)}
}

func (s *Server) toContestDTO(ctx context.Context, c *contests.Contest) contestDTO {
	d := contestDTO{ID: c.ID, Slug: c.Slug, Kind: string(c.Kind), Title: c.Title, Description: c.Description,
		BannerURL: c.BannerURL, Status: string(c.Status), OwnerUnitID: c.OwnerUnitID,
		OwnerUnitName: s.unitNames.name(ctx, c.OwnerUnitID)}
	if !c.StartsAt.IsZero() {
		d.StartsAt = &c.StartsAt
	}
	if !c.EndsAt.IsZero() {
		d.EndsAt = &c.EndsAt
	}
	if c.Kind == contests.KindQuiz {
		settings, err := quiz.ParseSettings(c.Settings)
		d.HasOverall = err == nil && settings.Overall != nil
	}
	return d
}
