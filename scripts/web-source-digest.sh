#!/usr/bin/env bash
# Prints the digest of the web interface's build inputs (web/index.html,
# package.json, package-lock.json, tsconfig.json, vite.config.ts, public/
# and src/): the SHA-256 of the lines "SHA256  PATH" of every file, sorted
# by path in byte order. build-web.sh records it in
# internal/server/ui/source.sha256; the test of internal/server/ui computes
# the same digest in Go and fails when the sources changed without a
# rebuild.
set -euo pipefail
cd "$(dirname "$0")/../web"
find index.html package.json package-lock.json tsconfig.json vite.config.ts public src -type f |
  LC_ALL=C sort |
  while IFS= read -r f; do printf '%s  %s\n' "$(sha256sum < "$f" | cut -d' ' -f1)" "$f"; done |
  sha256sum | cut -d' ' -f1
