#!/usr/bin/env bash
# Rebuilds every language model eventwire embeds, deterministically, from the
# UD English EWT treebank and the openly licensed part of UD English GUM: the
# sentence-boundary model (EWT), the tagger (UPOS, XPOS, features, lemmas;
# EWT + GUM train) and the dependency parser (EWT + GUM train, on gold tags
# with noise, so it does not depend on the tagger model). About 35 minutes on
# 2 shared cores.
#
#   scripts/train-models.sh [EWT_DIR [GUM_DIR]]
#     (default ../shared/ud/en_ewt ../shared/ud/en_gum_ccby)
set -euo pipefail
cd "$(dirname "$0")/.."
ud="${1:-../shared/ud/en_ewt}"
gum="${2:-../shared/ud/en_gum_ccby}"
[ -f "$ud/en_ewt-ud-train.conllu" ] || { echo "no en_ewt-ud-train.conllu in $ud" >&2; exit 1; }
[ -f "$gum/en_gum-ccby-train.conllu" ] || { echo "no en_gum-ccby-train.conllu in $gum" >&2; exit 1; }
train="$ud/en_ewt-ud-train.conllu,$gum/en_gum-ccby-train.conllu"

echo "== sentence boundaries (internal/nlp/tokenize/sbd.model)"
go run ./internal/nlp/tokenize/train -ud "$ud"
echo "== tagger (internal/nlp/tag/model.bin)"
go run ./internal/nlp/tag/train -ud "$ud" -train "$train" -case-lower 0.1 -case-upper 0.05 -out internal/nlp/tag/model.bin
echo "== parser (internal/nlp/depparse/model.bin)"
go run ./internal/nlp/depparse/train -ud "$ud" -train "$train" -out internal/nlp/depparse/model.bin
echo "== accuracy on the test sets"
for t in "$ud/en_ewt-ud-test.conllu" "$gum/en_gum-ccby-test.conllu"; do
	go run ./cmd/eventwire eval ud "$t"
	go run ./cmd/eventwire eval ud --raw "$t"
done
