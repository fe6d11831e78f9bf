package extract

import (
	"strings"
	"testing"
)

// A heading the extraction library glues to the paragraph after it is
// parted from it again (and dropped when it is the title).
func TestHeadingNotGluedToParagraph(t *testing.T) {
	const body = `<article><h1>Clashes in Khartoum</h1><p>Sudan's army attacked rebels in Khartoum on Monday. Residents said the fighting lasted for several hours and spread to
two districts in the south of the capital, where shops stayed closed.</p></article></body></html>`
	const first = "Sudan's army attacked rebels in Khartoum on Monday."
	for _, title := range []string{"Example", "Clashes in Khartoum", "Sudan news - Example"} {
		page := `<!doctype html><html><head><title>` + title + `</title></head><body><nav><a href="/">Home</a></nav>` + body
		p, err := HTML([]byte(page), "text/html", Options{})
		if err != nil {
			t.Fatal(err)
		}
		paras := strings.Split(p.Text, "\n\n")
		if strings.Contains(p.Text, "KhartoumSudan") || !strings.HasPrefix(paras[len(paras)-1], first) {
			t.Errorf("title %q: text %q\nwant a paragraph starting %q", title, p.Text, first)
		}
		if len(paras) == 2 && (paras[0] != "Clashes in Khartoum" || p.Title == paras[0]) {
			t.Errorf("title %q (page title %q): heading paragraph %q", title, p.Title, paras[0])
		}
	}
}
