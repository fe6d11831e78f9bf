#!/usr/bin/env bash
# Times a short eventwire command: runs it N times (default 10) under
# /usr/bin/time and prints the least and median wall time, the median
# user+system CPU time and the median peak RSS, and the machine's load average
# (1 min) before and after, which the wall time depends on. Used for the
# start-up table of docs/throughput.md:
#
#   scripts/startup-time.sh ./eventwire codes 19
#   scripts/startup-time.sh ./eventwire code /tmp/one.txt
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 BINARY ARGS..." >&2
  exit 2
fi
runs=${RUNS:-10}
load() { cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?"; }
load0=$(load)
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %U %S %M" "$@" 2>&1 >/dev/null | tail -n 1
done | python3 -c '
import statistics as st, sys
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
if not rows:
    sys.exit("no timings: did the command fail?")
w = [r[0] for r in rows]
c = [r[1] + r[2] for r in rows]
m = [r[3] / 1024 for r in rows]
print("wall min %.2f median %.2f s, CPU median %.2f s, RSS median %.0f MiB (%d runs)"
      % (min(w), st.median(w), st.median(c), st.median(m), len(rows)), end="")'
echo ", load $load0 → $(load)"
