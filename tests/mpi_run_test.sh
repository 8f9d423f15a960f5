#!/usr/bin/env bash
# Distributed runs give the one-process output: `mpirun -np N newsmine run`
# for N = 1, 2, 3 (oversubscribed on a small machine) against `newsmine run`,
# byte for byte, on
#   - the sample corpus, with --strip-boilerplate;
#   - the sample corpus plus bad records (so rejections fall in every rank's share);
#   - with ../shared present: an injected-reuse corpus built from Reuters-21578,
#     as it is and with frequent shingles dropped, and its report.html.
# Then a fatal error: one line naming the rank, exit status 1.
#
# Usage: mpi_run_test.sh NEWSMINE MPIEXEC SOURCE_DIR SHARED_DIR [INJECT_REUSE]
set -euo pipefail
newsmine=$1 mpiexec=$2 source=$3 shared=$4 inject=${5:-}
# Open MPI refuses to start as root unless told it may (containers, CI).
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
# Under the sanitizer job: Open MPI's own allocations are not newsmine's
# leaks. Its plugins stay loaded so their frames have names to suppress by,
# and full stacks reach them through the uninstrumented libraries.
export OMPI_MCA_mca_base_component_disable_dlclose=1
export LSAN_OPTIONS="suppressions=$source/tests/lsan_mpi.supp:fast_unwind_on_malloc=0:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
work=$(mktemp -d "${TMPDIR:-/tmp}/newsmine_mpi.XXXXXX")
trap 'rm -rf "$work"' EXIT

compared=(documents.jsonl similar.jsonl passages.jsonl clusters.jsonl reuse.jsonl rejected.jsonl)

# same_output NAME EXTRA_FILES -- RUN_ARGS...
same_output() {
  local name=$1; shift
  local extra=()
  while [[ $1 != -- ]]; do extra+=("$1"); shift; done
  shift
  "$newsmine" run "$@" --out "$work/$name-single" --threads 2 --quiet --no-report
  for ranks in 1 2 3; do
    "$mpiexec" -np "$ranks" "$newsmine" run "$@" --out "$work/$name-$ranks" --threads 1 --quiet --no-report
    for file in "${compared[@]}" "${extra[@]}"; do
      if ! cmp -s "$work/$name-single/$file" "$work/$name-$ranks/$file"; then
        echo "FAIL: $name: $file with $ranks ranks differs from one process" >&2
        diff <(head -c 2000 "$work/$name-single/$file") <(head -c 2000 "$work/$name-$ranks/$file") | head -20 >&2
        exit 1
      fi
    done
    ls "$work/$name-$ranks"/.*.tmp >/dev/null 2>&1 && { echo "FAIL: $name: spill or part files left behind" >&2; exit 1; }
    grep -q "\"ranks\":$ranks," "$work/$name-$ranks/summary.json" || { echo "FAIL: $name: summary.json ranks" >&2; exit 1; }
  done
  local lines
  lines=$(wc -l < "$work/$name-single/documents.jsonl")
  echo "ok: $name: 1, 2 and 3 ranks identical to one process ($lines articles)"
}

# same_report NAME RUN_ARGS...: report.html of 2 and 3 ranks is one process's
# but for the times (the wall-time card and the table of stage times).
same_report() {
  local name=$1; shift
  local without_times='import re, sys
t = open(sys.argv[1]).read()
t = re.sub(r"<div class=\"card\"><b>[^<]*</b><span>wall time</span><span>[^<]*</span></div>", "", t)
print(re.sub(r"<details><summary>Time per stage</summary>.*?</details>", "", t, flags=re.S))'
  "$newsmine" run "$@" --out "$work/$name-single" --threads 2 --quiet
  for ranks in 2 3; do
    "$mpiexec" -np "$ranks" "$newsmine" run "$@" --out "$work/$name-$ranks" --threads 1 --quiet
    if ! cmp -s <(python3 -c "$without_times" "$work/$name-single/report.html") \
                <(python3 -c "$without_times" "$work/$name-$ranks/report.html"); then
      echo "FAIL: $name: report.html with $ranks ranks differs from one process beyond the times" >&2
      exit 1
    fi
  done
  echo "ok: $name: report.html of 2 and 3 ranks is one process's but for the times"
}

same_output sample cleaned.jsonl -- "$source/corpus/sample" --strip-boilerplate

mkdir -p "$work/mixed"
cp -r "$source/corpus/sample" "$work/mixed/sample"
printf '%s\n' '{"id":"a","text":"Oil rose 2% on Monday, traders in Baku said."}' '{broken' '' \
  '{"id":"b","text":"ALAT opened its terminal on 5 May 2023."}' '{"id":"c"}' '{"id":"d","text":"Oil rose 2% on Monday, traders in Baku said."}' \
  > "$work/mixed/more.jsonl"
printf 'binary\0data' > "$work/mixed/zz.txt"
same_output mixed -- "$work/mixed" "$work/missing.jsonl"
[[ $(wc -l < "$work/mixed-3/rejected.jsonl") -ge 4 ]] || { echo "FAIL: mixed: rejections missing" >&2; exit 1; }

reuters=$shared/data/reuters21578
if [[ -d $reuters && -n $inject ]] && command -v python3 >/dev/null; then
  python3 "$source/bench/reuters_to_jsonl.py" "$reuters" "$work/reuters.jsonl" >/dev/null
  head -n 4000 "$work/reuters.jsonl" > "$work/reuters-4k.jsonl"
  "$inject" "$work/reuters-4k.jsonl" --out "$work/reuse.jsonl" --truth "$work/truth.jsonl" --per-level 100 --seed 3 >/dev/null
  same_output reuters-reuse -- "$work/reuse.jsonl"
  # Shingles in more than 60 articles are dropped as boilerplate: the frequent
  # list every rank's alignment leaves out, and stars of shingles in 51-60.
  same_output reuters-frequent -- "$work/reuse.jsonl" --max-shingle-postings 60
  grep -q '"frequent_shingles":[1-9]' "$work/reuters-frequent-3/summary.json" ||
    { echo "FAIL: reuters-frequent: no frequent shingles to leave out" >&2; exit 1; }
  same_report reuters-report "$work/reuse.jsonl"
else
  echo "skipped: Reuters-21578 reuse corpus (no $reuters, inject_reuse or python3)"
fi

# A fatal error: every rank agrees, rank 0 prints one line, the job exits 1.
set +e
"$mpiexec" -np 2 "$newsmine" run "$work/nothing-here" --out "$work/fatal" --quiet > "$work/fatal.out" 2> "$work/fatal.err"
status=$?
set -e
errors=$(grep -c '^newsmine: error: rank 0: no readable input' "$work/fatal.err" || true)
if [[ $status -eq 0 || $errors -ne 1 ]]; then
  echo "FAIL: fatal error: exit $status, $errors error lines:" >&2
  cat "$work/fatal.err" >&2
  exit 1
fi
echo "ok: a fatal error stops every rank with one line: $(grep '^newsmine: error' "$work/fatal.err")"
