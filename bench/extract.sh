#!/usr/bin/env bash
# Speed: all dev texts (somalia + kenya) through `conflict-events extract` as one whole process,
# the warm per-article latency of the seed article, and the start-up time.
# Data are read from ../shared/eval; the benchmark is skipped when they are absent.
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL="${EVAL_DIR:-../shared/eval}"
PY=.venv/bin/python
CLI=.venv/bin/conflict-events
if [ ! -d "$EVAL/dev" ]; then echo "evaluation data not found at $EVAL: skipped"; exit 0; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat "$EVAL/dev/somalia.jsonl" "$EVAL/dev/kenya.jsonl" > "$tmp/dev.jsonl"
n=$(wc -l < "$tmp/dev.jsonl")
start=$(date +%s.%N)
"$CLI" extract --input "$tmp/dev.jsonl" --output "$tmp/out.jsonl" --no-progress
end=$(date +%s.%N)
$PY -c "n, s = $n, $end - $start; print(f'extract: {n} texts in {s:.2f} s as one process ({n / s:.0f} texts/s)')"
$PY - "$EVAL" <<'PY'
import sys, time, statistics
from datetime import date
from pathlib import Path
t0 = time.perf_counter()
from app.extraction import get_extractor
ex = get_extractor()
print(f"start-up (import + load): {time.perf_counter() - t0:.2f} s")
text = (Path(sys.argv[1]) / "cases" / "iraq_strikes_2023-11-21.txt").read_text()
for _ in range(5):
    ex.extract(text, date(2023, 11, 21))
runs = []
for _ in range(50):
    t = time.perf_counter(); ex.extract(text, date(2023, 11, 21)); runs.append((time.perf_counter() - t) * 1000)
print(f"seed article warm: median {statistics.median(runs):.2f} ms, max {max(runs):.2f} ms")
PY
