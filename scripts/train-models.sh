#!/usr/bin/env bash
# Rebuilds every language model eventwire embeds, deterministically, from the
# UD English EWT treebank: the sentence-boundary model, the tagger (UPOS, XPOS,
# features, lemmas) and the dependency parser (trained on gold tags with noise,
# so it does not depend on the tagger model). About 10-15 minutes on 2 cores.
#
#   scripts/train-models.sh [UD_DIR]     (default ../shared/ud/en_ewt)
set -euo pipefail
cd "$(dirname "$0")/.."
ud="${1:-../shared/ud/en_ewt}"
[ -f "$ud/en_ewt-ud-train.conllu" ] || { echo "no en_ewt-ud-train.conllu in $ud" >&2; exit 1; }

echo "== sentence boundaries (internal/nlp/tokenize/sbd.model)"
go run ./internal/nlp/tokenize/train -ud "$ud"
echo "== tagger (internal/nlp/tag/model.bin)"
go run ./internal/nlp/tag/train -ud "$ud" -out internal/nlp/tag/model.bin
echo "== parser (internal/nlp/depparse/model.bin)"
go run ./internal/nlp/depparse/train -ud "$ud" -out internal/nlp/depparse/model.bin
echo "== accuracy on the test set"
go run ./cmd/eventwire eval ud "$ud/en_ewt-ud-test.conllu"
go run ./cmd/eventwire eval ud --raw "$ud/en_ewt-ud-test.conllu"
