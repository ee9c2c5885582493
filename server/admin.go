package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"hoithi/contests"
	"hoithi/contests/account"
	"hoithi/contests/vnid"
	"hoithi/server/auth"
	"hoithi/server/store"
)

// runAdmin handles `server admin create`: the first administrator of a fresh
// installation, who then grants organizers through the web interface.
func runAdmin(args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return errors.New("usage: server admin create --phone P --password PW --name NAME")
	}
	c := configFromEnv()
	fs := flag.NewFlagSet("admin create", flag.ContinueOnError)
	c.bindFlags(fs)
	phone := fs.String("phone", "", "administrator's phone (login)")
	password := fs.String("password", "", "password, at least 8 characters")
	name := fs.String("name", "", "full name")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	p, err := vnid.NormalizePhone(*phone)
	if err != nil {
		return err
	}
	if err := account.CheckPassword(*password, account.Owner{Phone: p}); err != nil {
		return err
	}
	if contests.NFC(*name) == "" {
		return errors.New("--name is required")
	}
	log := c.logger()
	ctx := context.Background()
	st, _, err := app(ctx, c, log)
	if err != nil {
		return err
	}
	defer st.Close()
	hash, err := auth.HashPassword(*password)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	id := store.NewID()
	u := &contests.User{ID: id, FullName: contests.NFC(*name), Phone: p, PhoneKey: p,
		// An administrator has no CCCD on file: a per-account key keeps the
		// unique index satisfied without inventing a number.
		CCCDKey: "none#" + id, Occupation: contests.OccCivilServant, Gender: contests.GenderMale,
		PasswordHash: hash, PasswordChangedAt: now, CreatedAt: now,
		Grants: []contests.Grant{{Role: contests.RoleAdmin, UnitPath: "/"}}}
	if err := st.CreateUser(ctx, u); err != nil {
		return err
	}
	fmt.Printf("administrator %s created (login %s)\n", u.FullName, p)
	return nil
}
