#!/usr/bin/env bash
# Opens report.html in headless Chromium and checks what a reader would see:
# the page renders, its script runs to the end with nothing on the console
# (no script error, no blocked fetch), and the planted shared paragraphs
# appear side by side in one passage, one copy per article.
#
#   tests/report_browser_test.sh NEWSMINE SOURCE_DIR [SHARED_DIR] [SCREENSHOT.png]
#
# Runs `NEWSMINE run` on SOURCE_DIR/corpus/sample (and on SHARED_DIR/seeds when
# that folder exists). SCREENSHOT, when given, receives the sample report drawn
# at 1280×2400 (how docs/report.png is made). Exits 77, which CTest counts as
# skipped, when Chromium is not installed (setup.sh test installs it).
set -euo pipefail

newsmine=$1
source_dir=$2
shared_dir=${3:-}
screenshot=${4:-}

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "report_browser_test: chromium is not installed; skipped"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
  echo "report_browser_test: FAIL: $*" >&2
  failures=$((failures + 1))
}

# browse URL OUT_PREFIX [chromium flags...]: dumps the DOM after scripts ran,
# with the page's console lines captured from Chromium's log.
browse() {
  local url=$1 prefix=$2
  shift 2
  timeout 120 "$browser" --headless=new --disable-gpu --no-sandbox --no-first-run --hide-scrollbars \
    --user-data-dir="$work/profile" --enable-logging=stderr --v=0 "$@" "$url" >"$prefix.out" 2>"$prefix.log" ||
    fail "chromium exited with status $? on $url"
}

# check_corpus NAME CORPUS ID_A ID_B TEXT: TEXT must be in both sides of one
# passage, the first side from article ID_A, the second from ID_B.
check_corpus() {
  local name=$1 corpus=$2 id_a=$3 id_b=$4 text=$5
  local out="$work/$name"
  "$newsmine" run "$corpus" --out "$out" --threads 2 --quiet
  local report="$out/report.html"
  [ -s "$report" ] || { fail "$name: no report.html written"; return; }

  browse "file://$report" "$work/$name-dom" --dump-dom
  local dom="$work/$name-dom.out"
  grep -q '<body data-ready="yes"' "$dom" || fail "$name: the page script did not run to its end"
  grep -q '<h2>Reused passages</h2>' "$dom" || fail "$name: the passages section is missing from the DOM"
  if grep -q ':CONSOLE' "$work/$name-dom.log"; then
    fail "$name: the page wrote to the console:"
    grep ':CONSOLE' "$work/$name-dom.log" >&2
  fi

  # One passage per record, one side per field.
  if ! awk -v a="data-doc=\"$id_a\"" -v b="data-doc=\"$id_b\"" -v text="$text" '
      BEGIN { RS = "<div class=\"passage\""; found = 0 }
      NR > 1 {
        n = split($0, sides, "<div class=\"side\"")
        if (n >= 3 && index(sides[2], a) && index(sides[2], text) && index(sides[3], b) && index(sides[3], text)) found = 1
      }
      END { exit found ? 0 : 1 }' "$dom"; then
    fail "$name: \"$text\" is not shown side by side for $id_a and $id_b"
  fi

  browse "file://$report" "$work/$name-shot" --screenshot="$work/$name.png" --window-size=1280,2400
  local bytes
  bytes=$(stat -c %s "$work/$name.png" 2>/dev/null || echo 0)
  # A blank 1280×2400 page compresses to a few kilobytes; a drawn report is far larger.
  [ "$bytes" -gt 50000 ] || fail "$name: the screenshot is missing or blank ($bytes bytes)"
  if grep -q ':CONSOLE' "$work/$name-shot.log"; then
    fail "$name: the page wrote to the console while drawing"
    grep ':CONSOLE' "$work/$name-shot.log" >&2
  fi
}

check_corpus sample "$source_dir/corpus/sample" 03_central_bank_rate 11_manat_outlook \
  "The bank said annual inflation accelerated to 5.2 percent in May from 3.5 percent in January"
if [ -n "$screenshot" ] && [ -f "$work/sample.png" ]; then cp "$work/sample.png" "$screenshot"; fi

if [ -n "$shared_dir" ] && [ -d "$shared_dir/seeds" ]; then
  check_corpus seeds "$shared_dir/seeds" 000_472165fa652a4c97 001_126efb9153f012d4 \
    "Earlier this year Azerbaijan participated"
else
  echo "report_browser_test: $shared_dir/seeds not present; seed check skipped"
fi

if [ "$failures" -gt 0 ]; then
  echo "report_browser_test: $failures check(s) failed" >&2
  exit 1
fi
echo "report_browser_test: report renders, no console output, shared passages side by side"
