package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/pipeline"
)

func init() {
	register(command{name: "parse", summary: "split, tokenize, tag and parse raw text into CoNLL-U", run: runParse})
}

// runParse implements "eventwire parse [--format conllu|json] [FILE...|-]":
// each file (or standard input) is one document of raw text; its sentences
// come out as CoNLL-U with # sent_id, # text and TokenRange byte offsets into
// the file in MISC, or as JSON Lines, one sentence per line.
func runParse(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("parse", "[FILE...|-]", stderr)
	format := fs.String("format", "conllu", "output format: conllu or json")
	cpuprofile := cpuProfileFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "conllu" && *format != "json" {
		return fmt.Errorf("%w: -format must be conllu or json, not %q", errUsage, *format)
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	stopProfile, err := startCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stopProfile()
	p, err := pipeline.Default()
	if err != nil {
		return fmt.Errorf("loading pipeline: %w", err)
	}
	w := p.NewWorker()
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	for _, name := range files {
		text, err := readInput(name)
		if err != nil {
			return err
		}
		doc := "stdin"
		if name != "-" {
			doc = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
		}
		for i, s := range w.Process(text) {
			s.ID = doc + "-" + strconv.Itoa(i+1)
			if *format == "json" {
				err = enc.Encode(jsonSentence(&s))
			} else {
				err = nlp.WriteConllu(out, &s)
			}
			if err != nil {
				return fmt.Errorf("writing %s: %w", doc, err)
			}
		}
	}
	return out.Flush()
}

func readInput(name string) (string, error) {
	var b []byte
	var err error
	if name == "-" {
		b, err = io.ReadAll(os.Stdin)
	} else {
		b, err = os.ReadFile(name)
	}
	if err != nil {
		return "", fmt.Errorf("reading input: %w", err)
	}
	return string(b), nil
}

// jsonWord and jsonSentence are the JSON Lines form of a parsed sentence.
type jsonWord struct {
	ID     int    `json:"id"`
	Form   string `json:"form"`
	Lemma  string `json:"lemma,omitempty"`
	UPOS   string `json:"upos,omitempty"`
	XPOS   string `json:"xpos,omitempty"`
	Feats  string `json:"feats,omitempty"`
	Head   int    `json:"head"`
	Deprel string `json:"deprel,omitempty"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

type jsonToken struct {
	First int    `json:"first"`
	Last  int    `json:"last"`
	Form  string `json:"form"`
}

type jsonSent struct {
	ID         string      `json:"sent_id"`
	Text       string      `json:"text"`
	Start      int         `json:"start"`
	End        int         `json:"end"`
	Words      []jsonWord  `json:"words"`
	MultiWords []jsonToken `json:"multiword_tokens,omitempty"`
}

func jsonSentence(s *nlp.Sentence) jsonSent {
	js := jsonSent{ID: s.ID, Text: s.Text, Start: s.Start, End: s.End, Words: make([]jsonWord, len(s.Words))}
	for k, w := range s.Words {
		js.Words[k] = jsonWord{w.ID, w.Form, w.Lemma, w.UPOS, w.XPOS, w.Feats, w.Head, w.Deprel, w.Start, w.End}
	}
	for _, m := range s.MultiWords {
		js.MultiWords = append(js.MultiWords, jsonToken{m.First, m.Last, m.Form})
	}
	return js
}
