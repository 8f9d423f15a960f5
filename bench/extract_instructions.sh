#!/usr/bin/env bash
# Instructions per byte of article text that fact extraction (dates +
# numbers, FactExtractor, one thread) executes, counted by callgrind after a
# warm-up: a figure that does not move with the machine's load, unlike the
# MB/s of extract_throughput.
#
# Usage: bench/extract_instructions.sh [CORPUS] [WARM]
#        (defaults: /tmp/news-3mb.jsonl, /tmp/news-warm.jsonl; about a minute)
# Environment: BUILD (build directory, default: build beside this script)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
corpus=${1:-/tmp/news-3mb.jsonl}
warm=${2:-/tmp/news-warm.jsonl}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if ! valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" --toggle-collect='*counted_pass*' \
  "$build/bench/extract_instructions" "$warm" "$corpus" > "$out/stdout" 2> "$out/stderr"; then
  tail -5 "$out/stderr" >&2
  exit 1
fi
bytes=$(sed -n 's/^bytes \([0-9]*\) .*/\1/p' "$out/stdout")
instructions=$(sed -n 's/.*refs: *\([0-9,]*\).*/\1/p' "$out/stderr" | tr -d ,)
python3 -c "import sys; i, b = int(sys.argv[1]), int(sys.argv[2]); print(f'{i:,} instructions over {b:,} bytes: {i / b:.1f} per byte ({sys.argv[3]})')" \
  "$instructions" "$bytes" "$(cat "$out/stdout")"
