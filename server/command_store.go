package main

import (
	"context"
	"flag"

	"hoithi/server/store"
)

// openCommandStore parses the flags of a command that only reads the store
// (`audit verify`, `results verify`: the environment first, then
// --data-dir/--mongodb-uri and the rest of the store's flags) and opens the
// store. The caller closes it.
func openCommandStore(name string, args []string) (store.Store, error) {
	c := configFromEnv()
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	c.bindFlags(fs)
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	st, _, err := app(context.Background(), c, c.logger())
	return st, err
}
