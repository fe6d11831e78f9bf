package main

import (
	"fmt"

	"github.com/eventwire/eventwire/internal/dict"
	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/gkg"
)

// newKnowledge returns the article knowledge extractor (entities, places,
// themes, tone) of every command that extracts knowledge: ingest and
// worker give it to the intake stage, so that the store keeps each
// article's knowledge; code --format gkg, gkg and eval gkg print or score
// it. It is built on the dictionaries set and the default gazetteer (none
// when noGeo).
func newKnowledge(set *dict.Set, noGeo bool) (*gkg.Extractor, error) {
	var gaz *geo.Gazetteer
	if !noGeo {
		g, err := geo.Default()
		if err != nil {
			return nil, fmt.Errorf("loading gazetteer: %w", err)
		}
		gaz = g
	}
	x, err := gkg.New(gkg.Options{Gazetteer: gaz, Dict: set})
	if err != nil {
		return nil, fmt.Errorf("loading article knowledge extractor: %w", err)
	}
	return x, nil
}
