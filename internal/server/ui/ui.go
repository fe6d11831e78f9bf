// Package ui embeds the built web interface of eventwire serve: FS is the
// content of dist/, with index.html at its root. The assets are built from
// web/ and committed, so a fresh clone needs no npm.
package ui

import (
	"embed"
	"io/fs"
)

//go:embed dist
var dist embed.FS

// FS returns the built interface, rooted at dist/.
func FS() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil { // dist is embedded: cannot fail
		panic(err)
	}
	return sub
}
