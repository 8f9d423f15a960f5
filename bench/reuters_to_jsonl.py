#!/usr/bin/env python3
"""Convert Reuters-21578 SGML files into a newsmine JSONL corpus for benchmarks.

Reads every reut2-*.sgm file of INPUT_DIR (latin-1, in sorted order) and writes
one JSON line per article that has a <BODY>:

    {"id": "reuters-NEWID", "date": "YYYY-MM-DD", "text": BODY}

The date comes from <DATE> ("26-FEB-1987 15:01:01.79" -> "1987-02-26") and is
left out when it cannot be parsed. SGML entities (&lt; &amp; &#3; ...) are
decoded, then control characters are removed (tab and line feed are kept), so
the text is what a reader of the article would see. The full collection gives
19,043 articles, about 16 MB of text.

--repeat N writes the corpus N times, with ids suffixed "-copyK" (K = 1..N-1;
the first copy keeps the plain ids). This is a quick way to get a corpus of
100 MB or more for throughput runs. The copies are verbatim, so they inflate
passage reuse and near-duplicate pairs enormously: fine for measuring speed,
meaningless for measuring quality.

Usage:
    python3 bench/reuters_to_jsonl.py /work/shared/data/reuters21578 reuters.jsonl
    python3 bench/reuters_to_jsonl.py /work/shared/data/reuters21578 reuters-x7.jsonl --repeat 7

Standard library only.
"""

import argparse
import html
import json
import pathlib
import re
import sys

ARTICLE = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
NEWID = re.compile(r'\bNEWID="(\d+)"')
DATE = re.compile(r"<DATE>\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})", re.S)
BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
# C0 controls except tab and line feed, DEL, and C1 controls.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
MONTHS = {m: i + 1 for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"])}


def parse_date(record):
    """Returns "YYYY-MM-DD" from the record's <DATE>, or None."""
    match = DATE.search(record)
    if not match:
        return None
    day, month, year = int(match.group(1)), MONTHS.get(match.group(2).upper()), int(match.group(3))
    if month is None or not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def clean(body):
    """Decodes SGML entities and removes control characters."""
    return CONTROL.sub("", html.unescape(body))


def articles(input_dir):
    """Yields (newid, date or None, text) for every article with a <BODY>."""
    files = sorted(pathlib.Path(input_dir).glob("reut2-*.sgm"))
    if not files:
        raise SystemExit(f"reuters_to_jsonl: no reut2-*.sgm files in {input_dir}")
    for path in files:
        content = path.read_text(encoding="latin-1")
        for match in ARTICLE.finditer(content):
            newid = NEWID.search(match.group(1))
            body = BODY.search(match.group(2))
            if newid is None or body is None:
                continue
            yield newid.group(1), parse_date(match.group(2)), clean(body.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input_dir", help="directory holding reut2-*.sgm")
    parser.add_argument("output", help="JSONL file to write")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="write the corpus N times (ids of copies end in -copyK)")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    corpus = list(articles(args.input_dir))
    text_bytes = 0
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        for copy in range(args.repeat):
            suffix = f"-copy{copy}" if copy else ""
            for newid, date, text in corpus:
                record = {"id": f"reuters-{newid}{suffix}"}
                if date:
                    record["date"] = date
                record["text"] = text
                out.write(json.dumps(record, ensure_ascii=False))
                out.write("\n")
                text_bytes += len(text.encode("utf-8"))
    print(f"reuters_to_jsonl: {len(corpus) * args.repeat} articles ({len(corpus)} x {args.repeat}), "
          f"{text_bytes / 1e6:.1f} MB of text -> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
