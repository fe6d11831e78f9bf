package ui

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/shareddata"
)

// assetRef finds the asset paths that the built files refer to: from the
// root ("/assets/x.js", "assets/x.js") or relative to the file ("./x.js").
var assetRef = regexp.MustCompile(`(?:assets/|\./)[A-Za-z0-9_.-]+\.(?:js|css|json|svg|png|woff2?)`)

// TestAssetsComplete checks that index.html and every asset it loads,
// directly or through a dynamic import, are embedded, and that no embedded
// asset is left over from an older build.
func TestAssetsComplete(t *testing.T) {
	f := FS()
	index, err := fs.ReadFile(f, "index.html")
	if err != nil {
		t.Fatalf("index.html: %v", err)
	}
	if !bytes.Contains(index, []byte(`<script type="module"`)) {
		t.Errorf("index.html loads no module script:\n%s", index)
	}
	seen := map[string]bool{}
	queue := []string{"index.html"}
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		b, err := fs.ReadFile(f, name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, ref := range assetRef.FindAllString(string(b), -1) {
			if rel, ok := strings.CutPrefix(ref, "./"); ok {
				ref = path.Join(path.Dir(name), rel)
			}
			if !seen[ref] {
				seen[ref] = true
				queue = append(queue, ref)
			}
		}
	}
	if len(seen) < 3 {
		t.Errorf("index.html reaches only %d assets: %v", len(seen), seen)
	}
	entries, err := fs.ReadDir(f, "assets")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !seen["assets/"+e.Name()] {
			t.Errorf("assets/%s is embedded but nothing loads it (left from an older build?)", e.Name())
		}
	}
}

// TestBuiltFromSources checks that dist/ was built from the current web/
// sources: source.sha256 must hold the digest scripts/web-source-digest.sh
// computes. After changing web/, run scripts/build-web.sh.
func TestBuiltFromSources(t *testing.T) {
	web := filepath.Join("..", "..", "..", "web")
	if _, err := os.Stat(filepath.Join(web, "package.json")); err != nil {
		shareddata.Skip(t, "web sources not found at %s: %v", web, err)
	}
	want, err := os.ReadFile("source.sha256")
	if err != nil {
		t.Fatal(err)
	}
	got, err := sourceDigest(web)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(string(want)) != got {
		t.Errorf("internal/server/ui/dist is stale: web/ sources have digest %s, the build recorded %s; run scripts/build-web.sh and commit internal/server/ui",
			got, strings.TrimSpace(string(want)))
	}
}

// sourceDigest is scripts/web-source-digest.sh in Go.
func sourceDigest(web string) (string, error) {
	var files []string
	for _, name := range []string{"index.html", "package.json", "package-lock.json", "tsconfig.json", "vite.config.ts", "public", "src"} {
		err := filepath.WalkDir(filepath.Join(web, name), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() {
				rel, err := filepath.Rel(web, path)
				if err != nil {
					return err
				}
				files = append(files, filepath.ToSlash(rel))
			}
			return nil
		})
		if err != nil {
			return "", fmt.Errorf("reading web sources: %w", err)
		}
	}
	sort.Strings(files)
	var list strings.Builder
	for _, name := range files {
		b, err := os.ReadFile(filepath.Join(web, filepath.FromSlash(name)))
		if err != nil {
			return "", fmt.Errorf("reading web sources: %w", err)
		}
		sum := sha256.Sum256(b)
		fmt.Fprintf(&list, "%s  %s\n", hex.EncodeToString(sum[:]), name)
	}
	sum := sha256.Sum256([]byte(list.String()))
	return hex.EncodeToString(sum[:]), nil
}
