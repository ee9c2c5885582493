package api

import (
	"io/fs"
	"net/http"
)

// fsHTTP adapts an fs.FS for Fiber's filesystem middleware.
func fsHTTP(f fs.FS) http.FileSystem { return http.FS(f) }
