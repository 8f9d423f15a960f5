#!/usr/bin/env bash
# End-to-end throughput of `newsmine run`: wall time, MB/s, docs/s, peak RSS.
#
# Runs `newsmine run INPUT --out DIR --threads N --quiet` under /usr/bin/time -v
# once per thread count and prints one line per run. MB/s is the article text
# bytes over the elapsed time, both from the run's summary.json (`bytes`,
# `wall_seconds`); docs/s is `accepted` over `wall_seconds`; peak RSS is the
# maximum resident set size /usr/bin/time reports. A second table gives the
# seconds of each stage from summary.json (tokenize and extract: CPU seconds
# summed over the threads; the others: elapsed).
#
# Usage: bench/run_pipeline.sh INPUT [THREADS...]      (default threads: 1 2)
# Environment:
#   NEWSMINE  the newsmine binary (default: build/pipeline/newsmine beside this script)
#   OUT       directory for the run outputs (default: a temporary directory, removed at exit)
#
#   python3 bench/reuters_to_jsonl.py /work/shared/data/reuters21578 /tmp/reuters-x7.jsonl --repeat 7
#   bench/run_pipeline.sh /tmp/reuters-x7.jsonl 1 2
set -euo pipefail

if [[ $# -lt 1 ]]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
input=$1
shift
threads=("$@")
[[ ${#threads[@]} -gt 0 ]] || threads=(1 2)

root=$(cd "$(dirname "$0")/.." && pwd)
newsmine=${NEWSMINE:-$root/build/pipeline/newsmine}
[[ -x $newsmine ]] || { echo "run_pipeline.sh: no newsmine binary at $newsmine (build first or set NEWSMINE)" >&2; exit 1; }
[[ -e $input ]] || { echo "run_pipeline.sh: no input $input" >&2; exit 1; }

if [[ -n ${OUT:-} ]]; then
  out=$OUT
  mkdir -p "$out"
else
  out=$(mktemp -d "${TMPDIR:-/tmp}/newsmine-bench.XXXXXX")
  trap 'rm -rf "$out"' EXIT
fi

echo "input: $input ($(du -h "$input" | cut -f1) on disk)"
echo "newsmine: $newsmine ($("$newsmine" --version 2>&1 | head -1))"
printf '%-8s %10s %10s %10s %10s %12s %10s\n' threads wall_s MB docs MB/s docs/s peak_RSS_MB
for n in "${threads[@]}"; do
  dir=$out/threads-$n
  rm -rf "$dir"
  /usr/bin/time -v -o "$dir.time" "$newsmine" run "$input" --out "$dir" --threads "$n" --quiet
  rss_kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$dir.time")
  python3 - "$dir/summary.json" "$n" "$rss_kb" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
wall, size, docs = summary["wall_seconds"], summary["bytes"], summary["accepted"]
print(f"{sys.argv[2]:<8} {wall:10.2f} {size / 1e6:10.1f} {docs:10d} {size / 1e6 / wall:10.2f} "
      f"{docs / wall:12.0f} {int(sys.argv[3]) / 1024:10.0f}")
PY
done
echo
python3 - "$out" "${threads[@]}" <<'PY'
import json, sys
runs = [(n, json.load(open(f"{sys.argv[1]}/threads-{n}/summary.json"))["stages"]) for n in sys.argv[2:]]
stages = list(runs[0][1])
print(f"{'threads':<8}" + "".join(f" {name:>15}" for name in stages))
for n, seconds in runs:
    print(f"{n:<8}" + "".join(f" {seconds[name]['seconds']:15.2f}" for name in stages))
PY
