package dedup

import (
	"testing"
)

// FuzzCanonicalURL checks that canonical URLs are fixed points and never
// panic on arbitrary input.
func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{"https://www.example.org/a/amp/?utm_source=x&b=1#f", "http://m.x.y:80/", "%zz", "https://[::1]:8080/p?amp"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c := CanonicalURL(raw)
		if c == "" {
			return
		}
		if again := CanonicalURL(c); again != c {
			t.Errorf("CanonicalURL(%q) = %q, but CanonicalURL of that is %q", raw, c, again)
		}
	})
}

// FuzzSimHash checks that case, punctuation and spacing do not change a
// SimHash.
func FuzzSimHash(f *testing.F) {
	f.Add("The army said on Monday that its forces had repelled an attack.")
	f.Fuzz(func(t *testing.T, text string) {
		h1, n1 := SimHash(text)
		h2, n2 := SimHash(NormalizeText(text))
		if h1 != h2 || n1 != n2 {
			t.Errorf("SimHash(%q) = %x/%d, of its normal form %x/%d", text, h1, n1, h2, n2)
		}
	})
}
