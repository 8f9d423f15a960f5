#!/usr/bin/env bash
# Speed of fact extraction on a news corpus of at least 100 MB, next to the
# raw speed of one RE2 pass over the same bytes.
#
# 1. extract_throughput: dates + numbers (FactExtractor), one thread, one pass
#    over the corpus, beside one RE2 \d+ scan and a copy of the bytes.
# 2. `newsmine extract --threads 1` end to end (reading, JSON parsing, tokens,
#    dates, numbers, entities, writing documents.jsonl): wall time and MB/s of
#    article text.
# Without a CORPUS argument it generates /tmp/news-120mb.jsonl (about 120 MB
# of article text) from Reuters-21578 with bench/generate_news, once.
#
# Usage: bench/extract_speed.sh [CORPUS]
# Environment: BUILD (build directory, default: build beside this script),
#              REUTERS (default: ../shared/data/reuters21578 beside the checkout)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
corpus=${1:-}
if [[ -z $corpus ]]; then
  corpus=/tmp/news-120mb.jsonl
  if [[ ! -s $corpus ]]; then
    reuters=${REUTERS:-$root/../shared/data/reuters21578}
    [[ -d $reuters ]] || { echo "extract_speed.sh: no Reuters-21578 at $reuters (set REUTERS or pass a CORPUS)" >&2; exit 1; }
    python3 "$root/bench/reuters_to_jsonl.py" "$reuters" /tmp/reuters.jsonl
    "$build/bench/generate_news" /tmp/reuters.jsonl --out "$corpus" --megabytes 120 --seed 1
  fi
fi
[[ -e $corpus ]] || { echo "extract_speed.sh: no corpus $corpus" >&2; exit 1; }

echo "== dates + numbers, one thread ($corpus)"
report=$("$build/bench/extract_throughput" "$corpus")
echo "$report"
megabytes=$(echo "$report" | sed -n 's/^corpus .*articles, \([0-9.]*\) MB$/\1/p')

echo "== newsmine extract --threads 1, end to end"
start=$(date +%s.%N)
"$build/pipeline/newsmine" extract --threads 1 "$corpus" > /dev/null
end=$(date +%s.%N)
python3 -c "import sys; s = float(sys.argv[2]) - float(sys.argv[1]); mb = float(sys.argv[3]); print(f'newsmine extract  {s:.1f} s, {mb / s:.1f} MB/s of article text')" "$start" "$end" "$megabytes"
