// Package ui embeds the built web interface of eventwire serve: FS is the
// content of dist/, with index.html at its root. The assets are built from
// web/ by scripts/build-web.sh and committed, so a fresh clone builds the
// binary without npm; source.sha256 records the digest of the sources the
// build came from, and this package's test fails when web/ has changed
// since (see docs/web.md).
package ui

import (
	"embed"
	"io/fs"
)

//go:embed dist
var dist embed.FS

// FS returns the built interface, rooted at dist/. It is read-only and
// safe for concurrent use.
func FS() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil { // "dist" is a valid path: fs.Sub cannot fail
		panic(err)
	}
	return sub
}
