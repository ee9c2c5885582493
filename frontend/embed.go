// Package frontend exposes the built single-page app to the server binary.
// Vite writes the app into dist/app (ignored by git); dist/.keep is tracked
// so `go build` works on a fresh clone before npm has run, in which case
// Built reports false and the server shows how to build the frontend.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// App returns the built app's files rooted at its index.html.
func App() fs.FS {
	sub, err := fs.Sub(dist, "dist/app")
	if err != nil {
		panic(err)
	}
	return sub
}

// Built reports whether the app was built into the binary.
func Built() bool {
	_, err := fs.Stat(dist, "dist/app/index.html")
	return err == nil
}
