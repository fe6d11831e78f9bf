package pipeline

import (
	"sync"
	"testing"
)

func TestProcessParsesNews(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	w := p.NewWorker()
	text := "The French Senate adopted a resolution on Tuesday. Azerbaijan's NGOs didn't accept it."
	sents := w.Process(text)
	if len(sents) != 2 {
		t.Fatalf("%d sentences, want 2", len(sents))
	}
	s := sents[0]
	root, subj, obj := 0, "", ""
	for _, wd := range s.Words {
		if wd.Start < 0 || wd.End > len(text) || wd.Form != text[wd.Start:wd.End] {
			t.Errorf("word %q has offsets %d:%d", wd.Form, wd.Start, wd.End)
		}
		switch wd.Deprel {
		case "root":
			root = wd.ID
		}
	}
	for _, wd := range s.Words {
		if wd.Head == root && wd.Deprel == "nsubj" {
			subj = wd.Form
		}
		if wd.Head == root && wd.Deprel == "obj" {
			obj = wd.Form
		}
	}
	if root == 0 || s.Words[root-1].Lemma != "adopt" || subj != "Senate" || obj != "resolution" {
		t.Errorf("root %d (%+v), subject %q, object %q", root, s.Words[max(root-1, 0)], subj, obj)
	}
	// "didn't" is one token of two words: did n't.
	if len(sents[1].MultiWords) == 0 {
		t.Errorf("no multiword token in %q", sents[1].Text)
	}
}

// TestWorkersConcurrent runs several workers at once on shared models (run
// with -race).
func TestWorkersConcurrent(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	results := make([]int, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := p.NewWorker()
			n := 0
			for range 20 {
				for _, s := range w.Process("Police arrested 66 protesters in Tbilisi. The EU criticized the bill.") {
					n += len(s.Words)
				}
			}
			results[i] = n
		}()
	}
	wg.Wait()
	for i := range results {
		if results[i] != results[0] || results[0] == 0 {
			t.Fatalf("workers disagree: %v", results)
		}
	}
}
