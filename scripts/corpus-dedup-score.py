#!/usr/bin/env python3
"""Score the article de-duplication of an ingest of a corpusgen corpus.

usage: scripts/corpus-dedup-score.py CORPUS.jsonl.gz STORE.db

The corpus labels every document (kind original, republished or edited,
copy_of); the store records each input document in its copies table with the
article it was stored as (origin FILE:LINE). A document is "found" as a copy
when the store stored it under another document's article. Prints pairwise
figures: copies found of the copies generated (recall, by kind) and the share
of found copies that are copies of that very original (precision).
"""
import gzip, json, sqlite3, sys

corpus, db = sys.argv[1], sys.argv[2]
docs = []
with gzip.open(corpus, "rt", encoding="utf-8") as f:
    for line in f:
        docs.append(json.loads(line))
con = sqlite3.connect(db)
line_of = {}   # copies.id -> corpus line (1-based)
article_of = {}  # corpus line -> article id it was stored as
for cid, aid, origin in con.execute("SELECT id, article_id, origin FROM copies"):
    ln = int(origin.rsplit(":", 1)[1])
    line_of[cid] = ln
    article_of[ln] = aid
# The document each article was first stored from.
first_line = {aid: line_of[aid] for aid in set(article_of.values()) if aid in line_of}
index = {d["id"]: i + 1 for i, d in enumerate(docs)}
gen = {"republished": 0, "edited": 0}
found = {"republished": 0, "edited": 0}
found_total = correct = 0
for ln, aid in article_of.items():
    d = docs[ln - 1]
    if d["kind"] in gen:
        gen[d["kind"]] += 1
    orig_line = first_line.get(aid)
    if orig_line is None or orig_line == ln:
        continue  # stored as a new article
    found_total += 1
    o = docs[orig_line - 1]
    root = o["id"] if o["kind"] == "original" else o.get("copy_of")
    if d.get("copy_of") == root:
        correct += 1
        found[d["kind"]] += 1
for k in gen:
    print(f"{k}: {found[k]} of {gen[k]} found ({100.0 * found[k] / max(gen[k], 1):.1f}%)")
print(f"copies found: {found_total}, of them copies of that original: {correct} (precision {correct / max(found_total, 1):.3f})")
