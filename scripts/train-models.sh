#!/usr/bin/env bash
# Rebuilds every language model eventwire embeds, deterministically, from the
# UD English EWT treebank and the openly licensed part of UD English GUM: the
# sentence-boundary model (EWT), the tagger (UPOS, XPOS, features, lemmas;
# EWT + GUM train) and the dependency parser (EWT + GUM train, on gold tags
# with noise, so it does not depend on the tagger model). About 35 minutes on
# 2 shared cores.
#
#   scripts/train-models.sh [-o OUT_DIR] [EWT_DIR [GUM_DIR [REALNEWS_DIR]]]
#     (default ../shared/ud/en_ewt ../shared/ud/en_gum_ccby ../shared/realnews)
#
# The GUM train documents that are articles of the real-news evaluation set
# (REALNEWS_DIR/{gum-news,wikinews}.jsonl and eval/realnews/extra.jsonl:
# the 19 GUM_news_* documents of gum-news.jsonl's "train" articles) are left
# out of the tagger's and the parser's training (-exclude-text), so that the
# coder's real-news figures are measured on text the models never saw.
#
# Without -o the models overwrite the embedded files (internal/nlp/...); with
# -o they go to OUT_DIR/{sbd.model,tag.model.bin,parse.model.bin} and the
# embedded files are left alone, so a candidate can be measured before it is
# adopted. The accuracy report then scores the candidate tagger and parser
# (the sentence splitter of --raw stays the embedded one).
set -euo pipefail
outdir=""
if [ "${1:-}" = "-o" ]; then
	[ -n "${2:-}" ] || { echo "-o needs a directory" >&2; exit 2; }
	mkdir -p "$2"
	outdir="$(cd "$2" && pwd)"
	shift 2
fi
cd "$(dirname "$0")/.."
ud="${1:-../shared/ud/en_ewt}"
gum="${2:-../shared/ud/en_gum_ccby}"
realnews="${3:-../shared/realnews}"
[ -f "$ud/en_ewt-ud-train.conllu" ] || { echo "no en_ewt-ud-train.conllu in $ud" >&2; exit 1; }
[ -f "$gum/en_gum-ccby-train.conllu" ] || { echo "no en_gum-ccby-train.conllu in $gum" >&2; exit 1; }
for f in "$realnews/gum-news.jsonl" "$realnews/wikinews.jsonl" eval/realnews/extra.jsonl; do
	[ -f "$f" ] || { echo "no $f: the held-out real-news articles must be left out of training" >&2; exit 1; }
done
train="$ud/en_ewt-ud-train.conllu,$gum/en_gum-ccby-train.conllu"
heldout="$realnews/gum-news.jsonl,$realnews/wikinews.jsonl,eval/realnews/extra.jsonl"

sbd=internal/nlp/tokenize/sbd.model
tagger=internal/nlp/tag/model.bin
parser=internal/nlp/depparse/model.bin
models=()
if [ -n "$outdir" ]; then
	sbd="$outdir/sbd.model"
	tagger="$outdir/tag.model.bin"
	parser="$outdir/parse.model.bin"
	models=(--tagger-model "$tagger" --parser-model "$parser")
fi

echo "== sentence boundaries ($sbd)"
go run ./internal/nlp/tokenize/train -ud "$ud" -o "$sbd"
echo "== tagger ($tagger)"
go run ./internal/nlp/tag/train -ud "$ud" -train "$train" -case-lower 0.1 -case-upper 0.05 -proper-participle-adj -exclude-text "$heldout" -out "$tagger"
echo "== parser ($parser)"
go run ./internal/nlp/depparse/train -ud "$ud" -train "$train" -exclude-text "$heldout" -dev-sets "$ud/en_ewt-ud-dev.conllu,$gum/en_gum-ccby-dev.conllu" -out "$parser"
echo "== accuracy on the test sets"
for t in "$ud/en_ewt-ud-test.conllu" "$gum/en_gum-ccby-test.conllu"; do
	go run ./cmd/eventwire eval ud "${models[@]}" "$t"
	go run ./cmd/eventwire eval ud --raw "${models[@]}" "$t"
done
