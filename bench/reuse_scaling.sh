#!/usr/bin/env bash
# Scaling of `newsmine run` with planted reuse: wall time and peak memory at
# several corpus sizes of news-like text.
#
# For each size N: generate_news writes N articles (a word trigram chain
# learned on Reuters-21578; up to MAX_WORDS words, about 1 KB an article at the
# default 330), inject_reuse copies N/100 passages per edit level between them
# (so recall is measured at every size), `newsmine run` runs under
# /usr/bin/time -v, and score_reuse scores its passages. One line per size:
# articles, MB of text, wall seconds, peak RSS, the passages and similarity
# stages, candidate pairs, recall per level and precision.
#
# Usage: bench/reuse_scaling.sh WORK_DIR N...     e.g. bench/reuse_scaling.sh /tmp/scale 10000 100000
# Environment: REUTERS_JSONL (made with reuters_to_jsonl.py when missing),
#   THREADS (2), MAX_WORDS (330), SEED (1), BUILD (build), KEEP=1 keeps the outputs.
set -euo pipefail

[[ $# -ge 2 ]] || { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
work=$1
shift
build=${BUILD:-$root/build}
mkdir -p "$work"
reuters=${REUTERS_JSONL:-$work/reuters.jsonl}
[[ -f $reuters ]] || python3 "$root/bench/reuters_to_jsonl.py" "$root/../shared/data/reuters21578" "$reuters"

printf '%-9s %8s %8s %9s %9s %9s %11s %8s %8s %8s %9s\n' articles MB wall_s peak_MB passages_s similar_s candidates verbatim light heavy precision
for n in "$@"; do
  dir=$work/n$n
  mkdir -p "$dir"
  "$build/bench/generate_news" "$reuters" --out "$dir/plain.jsonl" --articles "$n" --megabytes 1e9 \
    --max-words "${MAX_WORDS:-330}" --seed "${SEED:-1}" 2>"$dir/generate.log"
  "$build/bench/inject_reuse" "$dir/plain.jsonl" --out "$dir/corpus.jsonl" --truth "$dir/truth.jsonl" \
    --per-level $((n / 100)) --seed "${SEED:-1}" 2>"$dir/inject.log"
  rm -f "$dir/plain.jsonl"
  rm -rf "$dir/out"
  /usr/bin/time -v -o "$dir/time.txt" "$build/pipeline/newsmine" run "$dir/corpus.jsonl" --out "$dir/out" \
    --threads "${THREADS:-2}" --quiet
  "$build/bench/score_reuse" --corpus "$dir/corpus.jsonl" --truth "$dir/truth.jsonl" \
    --passages "$dir/out/passages.jsonl" >"$dir/score.txt"
  rss_kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$dir/time.txt")
  python3 - "$dir/out/summary.json" "$rss_kb" "$dir/score.txt" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
recall = {}
precision = float("nan")
for line in open(sys.argv[3]):
    f = line.split()
    if f and f[0] in ("verbatim", "light", "heavy"):
        recall[f[0]] = float(f[2])
    if f and f[0] == "precision":
        precision = float(f[1])
st = s["stages"]
print(f"{s['accepted']:<9d} {s['bytes'] / 1e6:8.1f} {s['wall_seconds']:8.1f} {int(sys.argv[2]) / 1024:9.0f} "
      f"{st['passages']['seconds']:9.1f} {st['similarity']['seconds']:9.1f} {s['passage_index']['candidate_pairs']:11d} "
      f"{recall.get('verbatim', 0):8.4f} {recall.get('light', 0):8.4f} {recall.get('heavy', 0):8.4f} {precision:9.4f}")
PY
  [[ -n ${KEEP:-} ]] || rm -rf "$dir/out" "$dir/corpus.jsonl"
done
