#!/usr/bin/env bash
# The sanitizer job: builds everything with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer in ./build-sanitize, runs the whole test suite
# there (any memory error, leak or undefined behaviour fails the test that hit
# it), then runs each libFuzzer target (tests/fuzz/) for SECONDS from its
# seed inputs (the sample corpus; the shipped entity model). A crash fails the job; its input is saved as
# build-sanitize/crash-TARGET-*.
#
#   tests/sanitize.sh                  # tests, then 30 s per fuzz target (what CI runs)
#   tests/sanitize.sh --fuzz-only 600  # ten minutes per fuzz target
set -euo pipefail
cd "$(dirname "$0")/.."
run_tests=1
if [[ ${1:-} == --fuzz-only ]]; then run_tests=0; shift; fi
seconds=${1:-30}
build=build-sanitize
jobs=$(nproc 2>/dev/null || echo 2)

# fuzzer-no-link: the libraries carry the coverage libFuzzer steers by; the
# tests run with it unused.
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DNEWSMINE_BUILD_BENCH=OFF -DNEWSMINE_BUILD_FUZZERS=ON \
      -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
      -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" > /dev/null
cmake --build "$build" -j "$jobs"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if (( run_tests )); then
  ctest --test-dir "$build" --output-on-failure -j "$jobs"
fi

rm -f "$build"/crash-*
for target_seeds in document_fuzzer:corpus/sample reader_fuzzer:corpus/sample ner_model_fuzzer:models/data/ner; do
  target=${target_seeds%%:*}
  seeds=${target_seeds#*:}
  work=$build/fuzz-corpus-$target
  mkdir -p "$work"
  echo "== $target for $seconds s"
  "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$build/crash-$target-" "$work" "$seeds" 2>&1 |
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY" || true
  if compgen -G "$build/crash-$target-*" > /dev/null; then
    echo "sanitize.sh: $target found a crash; input saved as $(ls "$build"/crash-"$target"-* | head -1)" >&2
    exit 1
  fi
done
echo "sanitize.sh: tests and fuzz targets passed under ASan and UBSan"
