#!/usr/bin/env bash
# Sets up newsmine on Debian 12: installs the Debian packages that are missing,
# builds in ./build, then either runs the sample corpus (demo) or the tests (test).
#
#   bash setup.sh demo      # build and run `newsmine run corpus/sample --out out/sample`
#   bash setup.sh test      # build and run every test with CTest (also installs chromium, for the report's browser test)
#   bash setup.sh sanitize  # the tests under ASan and UBSan, then the fuzz targets (tests/sanitize.sh; clang)
set -euo pipefail
cd "$(dirname "$0")"

mode=${1:-demo}
packages=(build-essential cmake pkg-config libicu-dev libre2-dev libeigen3-dev libtbb-dev catch2
          libcli11-dev libsimdjson-dev zlib1g-dev libxxhash-dev libbenchmark-dev libexpat1-dev)
# The report's browser test opens report.html in headless Chromium; the
# distributed-run test runs 1-3 ranks under Open MPI's mpirun.
if [ "$mode" = test ] || [ "$mode" = sanitize ]; then packages+=(chromium libopenmpi-dev openmpi-bin); fi
# The sanitizer build is clang's, with its sanitizer and libFuzzer runtimes.
if [ "$mode" = sanitize ]; then packages+=(clang libclang-rt-14-dev); fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc 2>/dev/null || echo 2)
if [ "$mode" = sanitize ]; then exec bash tests/sanitize.sh; fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$jobs"

case "$mode" in
  demo)
    ./build/pipeline/newsmine run corpus/sample --out out/sample
    ;;
  test)
    ctest --test-dir build --output-on-failure -j "$jobs"
    ;;
  *)
    echo "usage: bash setup.sh [demo|test|sanitize]" >&2
    exit 2
    ;;
esac
