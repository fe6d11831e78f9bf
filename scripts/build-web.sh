#!/usr/bin/env bash
# Rebuilds the web interface from web/ and copies it into
# internal/server/ui/dist, which the eventwire binary embeds. The output is
# committed so a fresh clone builds the binary without npm; run this after
# changing web/ and commit internal/server/ui/dist with the change.
#
# Needs node >= 20 and npm; installs exactly web/package-lock.json, runs the
# unit tests (web/test), type-checks and builds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/web"
npm ci --no-audit --no-fund
npm test
npm run build
out="$root/internal/server/ui/dist"
rm -rf "$out"
mkdir -p "$out"
cp -R dist/. "$out/"
# The digest of the sources the build came from; internal/server/ui's test
# recomputes it and fails when web/ changed without a rebuild.
"$root/scripts/web-source-digest.sh" > "$root/internal/server/ui/source.sha256"
echo "web interface built into internal/server/ui/dist:"
(cd "$out" && find . -type f -printf '%8s  %p\n' | sort -k2)
