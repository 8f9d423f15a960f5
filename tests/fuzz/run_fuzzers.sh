#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer and UBSan, coverage
# in the libraries too) in ./build-fuzz and runs each for SECONDS, starting
# from the sample corpus. Exits non-zero when a target finds a crash; the
# input that caused it is saved as build-fuzz/crash-<target>-*.
#
#   tests/fuzz/run_fuzzers.sh 30      # the short run CI does
#   tests/fuzz/run_fuzzers.sh 600     # ten minutes each
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DNEWSMINE_BUILD_FUZZERS=ON -DNEWSMINE_BUILD_TESTS=OFF -DNEWSMINE_BUILD_BENCH=OFF \
      -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" > /dev/null
cmake --build build-fuzz -j "$(nproc)" --target document_fuzzer reader_fuzzer
for target in document_fuzzer reader_fuzzer; do
  work=build-fuzz/corpus-$target
  mkdir -p "$work"
  echo "== $target, $seconds s"
  build-fuzz/tests/fuzz/$target -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="build-fuzz/crash-$target-" "$work" corpus/sample 2>&1 | grep -E "^#[0-9]+ +DONE|stat::number_of_executed_units|ERROR|SUMMARY|==[0-9]+==" || true
  if compgen -G "build-fuzz/crash-$target-*" > /dev/null; then
    echo "$target: crash found, input saved as $(ls build-fuzz/crash-$target-* | head -1)" >&2
    exit 1
  fi
done
