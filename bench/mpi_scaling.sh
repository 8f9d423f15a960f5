#!/usr/bin/env bash
# Distributed runs at 1..MAX_RANKS ranks on one machine (loopback), beside the
# one-process run: wall time, rank 0's seconds per step, bytes the ranks
# exchanged and each rank's peak memory, from summary.json; every output file
# compared with the one-process run's.
#
# Usage: bench/mpi_scaling.sh CORPUS [MAX_RANKS] [WORK_DIR]     (4, /tmp/newsmine-mpi)
# Environment: THREADS per rank (1), BUILD (build). Ranks beyond the cores
# share them (--oversubscribe), which shows the serial steps and the total work.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$1 max_ranks=${2:-4} work=${3:-/tmp/newsmine-mpi}
newsmine=${BUILD:-$root/build}/pipeline/newsmine
threads=${THREADS:-1}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
mkdir -p "$work"

report() {  # report LABEL DIR TIME_FILE
  /usr/bin/python3 - "$1" "$2/summary.json" "$3" <<'PY'
import json, re, sys
label, summary, timing = sys.argv[1:]
s = json.load(open(summary))
peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(timing).read()).group(1))
st = {k: v["seconds"] for k, v in s["stages"].items()}
d = s.get("distributed", {})
articles = max(s["accepted"], 1)
steps = ", ".join(f"{k} {v:.2f}" for k, v in st.items())
print(f"{label}: wall {s['wall_seconds']:.2f} s, {s['accepted']} articles, {s['bytes'] / 1e6:.1f} MB, peak {peak / 1024:.0f} MB")
print(f"    seconds: {steps}")
if d:
    print(f"    exchanged: records {d['record_bytes'] / 1e6:.1f} MB ({d['record_bytes'] / articles:.0f} B/article), "
          f"names {d['names_bytes'] / 1e6:.2f} MB, terms {d['term_bytes'] / 1e6:.1f} MB, postings {d['posting_bytes'] / 1e6:.1f} MB, "
          f"candidates {d['similarity_candidates']}, rows {d['row_bytes'] / 1e6:.1f} MB "
          f"({d['rows_fetched']} fetched), pairs {d['pair_bytes'] / 1e6:.2f} MB")
    print(f"    passages: shingle keys {d['shingle_bytes'] / 1e6:.1f} MB, groups {d['group_bytes'] / 1e6:.1f} MB, "
          f"features {d['feature_bytes'] / 1e6:.1f} MB ({d['features_fetched']} fetched), passages {d['passage_bytes'] / 1e6:.2f} MB; "
          f"peak per rank {', '.join(str(round(k / 1024)) for k in d['peak_rss_kb'])} MB")
PY
}

rm -rf "$work/single"
/usr/bin/time -v -o "$work/single.time" "$newsmine" run "$corpus" --out "$work/single" --threads 2 --quiet --no-report
report "one process, 2 threads" "$work/single" "$work/single.time"
for ((ranks = 1; ranks <= max_ranks; ++ranks)); do
  rm -rf "$work/np$ranks"
  /usr/bin/time -v -o "$work/np$ranks.time" mpirun -np "$ranks" "$newsmine" run "$corpus" --out "$work/np$ranks" \
    --threads "$threads" --quiet --no-report
  report "$ranks ranks x $threads threads" "$work/np$ranks" "$work/np$ranks.time"
  for file in documents.jsonl similar.jsonl passages.jsonl clusters.jsonl reuse.jsonl rejected.jsonl; do
    cmp -s "$work/single/$file" "$work/np$ranks/$file" || { echo "mpi_scaling.sh: $file differs at $ranks ranks" >&2; exit 1; }
  done
done
echo "mpi_scaling.sh: every output file identical to the one-process run's at 1..$max_ranks ranks"
