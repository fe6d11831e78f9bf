package geo

import (
	"bytes"
	"runtime"
	"testing"
)

// BenchmarkLoad measures loading the embedded gazetteer (decompression,
// parsing, indexing); heap-MB is the live heap it occupies.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	var g *Gazetteer
	for b.Loop() {
		var err error
		g, err = LoadGzip(bytes.NewReader(embedded), "gazetteer.tsv.gz")
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var before, after runtime.MemStats
	g = nil
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, _ = LoadGzip(bytes.NewReader(embedded), "gazetteer.tsv.gz")
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(g)
}

// seedMentions is an article's worth of mentions, ambiguous ones included.
var seedMentions = []Mention{
	{Text: "Azerbaijan", Sentence: "Non-Governmental Organizations of Azerbaijan held a meeting on France's actions against Azerbaijan."},
	{Text: "Paris", Sentence: "Armenian communities in France organized attacks on the Embassy of Azerbaijan in Paris."},
	{Text: "Algeria", Sentence: "More than 1.5 million people were killed by the French army in Algeria."},
	{Text: "Armenia", Sentence: "By supporting the occupation carried out by Armenia, it makes another mistake."},
	{Text: "Jabra, Tunisia", Sentence: "The summit held on the island of Jabra, Tunisia, shows the plan."},
	{Text: "Georgia", Sentence: "Election officials in Georgia and Atlanta began a recount."},
	{Text: "Atlanta", Sentence: "Election officials in Georgia and Atlanta began a recount."},
	{Text: "Tripoli", Sentence: "Clashes broke out in Tripoli."},
}

// BenchmarkResolveArticle reports mentions resolved per second.
func BenchmarkResolveArticle(b *testing.B) {
	g := mustDefault(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		g.ResolveArticle(seedMentions, Hints{Countries: []string{"AZE"}})
		n += len(seedMentions)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "mentions/s")
}

// BenchmarkSpot reports sentences scanned per second.
func BenchmarkSpot(b *testing.B) {
	g := mustDefault(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, m := range seedMentions {
			g.Spot(m.Sentence)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
