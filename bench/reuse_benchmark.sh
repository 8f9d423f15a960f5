#!/usr/bin/env bash
# Injected-reuse benchmark on Reuters-21578: quality of newsmine's passages and
# of the scikit-learn baseline on the same corpus, with their times.
#
#  1. bench/reuters_to_jsonl.py turns the SGML files into JSONL;
#  2. inject_reuse copies PER_LEVEL passages of 2-5 sentences at each edit
#     level (verbatim, light ~3%, heavy ~15%) into other articles, with truth;
#  3. `newsmine run` (THREADS threads) under /usr/bin/time -v;
#  4. score_reuse: recall per level, precision, byte-range checks;
#  5. unless NO_SKLEARN=1, bench/sklearn_reuse.py (one thread, as scikit-learn
#     runs) on the same corpus, scored the same way.
#
# Usage: bench/reuse_benchmark.sh [WORK_DIR]       (default /tmp/newsmine-reuse)
# Environment: REUTERS (default ../shared/data/reuters21578 beside the checkout),
#   PER_LEVEL (1000), SEED (1), THREADS (2), NO_SKLEARN, BUILD (build).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/newsmine-reuse}
build=${BUILD:-$root/build}
reuters=${REUTERS:-$root/../shared/data/reuters21578}
mkdir -p "$work"

[[ -d $reuters ]] || { echo "reuse_benchmark.sh: no Reuters-21578 at $reuters" >&2; exit 1; }
[[ -f $work/reuters.jsonl ]] || python3 "$root/bench/reuters_to_jsonl.py" "$reuters" "$work/reuters.jsonl"
"$build/bench/inject_reuse" "$work/reuters.jsonl" --out "$work/reuse.jsonl" --truth "$work/truth.jsonl" \
  --per-level "${PER_LEVEL:-1000}" --seed "${SEED:-1}"

peak_mb() { sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$1" | awk '{printf "%.0f", $1 / 1024}'; }
wall() { sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1"; }

rm -rf "$work/out"
/usr/bin/time -v -o "$work/newsmine.time" "$build/pipeline/newsmine" run "$work/reuse.jsonl" --out "$work/out" \
  --threads "${THREADS:-2}" --quiet
echo "== newsmine run: wall $(wall "$work/newsmine.time"), peak $(peak_mb "$work/newsmine.time") MB"
python3 - "$work/out/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
stages = s["stages"]
print(f"   summary wall_seconds {s['wall_seconds']:.2f}; passages stage {stages['passages']['seconds']:.2f} s; "
      f"similarity stage {stages['similarity']['seconds']:.2f} s; tokenize (CPU, all threads) {stages['tokenize']['seconds']:.2f} s")
PY
"$build/bench/score_reuse" --corpus "$work/reuse.jsonl" --truth "$work/truth.jsonl" \
  --passages "$work/out/passages.jsonl" --errors "$work/newsmine-errors.txt"

if [[ -z ${NO_SKLEARN:-} ]]; then
  /usr/bin/time -v -o "$work/sklearn.time" /usr/bin/python3 "$root/bench/sklearn_reuse.py" "$work/reuse.jsonl" \
    "$work/sklearn-passages.jsonl"
  echo "== scikit-learn baseline: wall $(wall "$work/sklearn.time"), peak $(peak_mb "$work/sklearn.time") MB"
  "$build/bench/score_reuse" --corpus "$work/reuse.jsonl" --truth "$work/truth.jsonl" \
    --passages "$work/sklearn-passages.jsonl" --errors "$work/sklearn-errors.txt"
fi
