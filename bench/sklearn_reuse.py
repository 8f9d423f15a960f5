#!/usr/bin/python3
"""A scikit-learn baseline for passage reuse, scored like newsmine by score_reuse.

The usual way to find reused passages with off-the-shelf tools:
  1. split each article into sentences (a regular expression: . ! ? followed by
     white space and a capital or a quote, and blank lines), keeping UTF-8 byte
     offsets; sentences of fewer than --min-words words are left out;
  2. TfidfVectorizer over all sentences (lower-cased, English stop words,
     sublinear tf, L2-normalized rows);
  3. the sentence x sentence cosine product X·Xᵀ in chunks of --chunk rows (a
     sparse product, so memory stays bounded), keeping pairs of sentences of
     different articles with cosine >= --min-cosine;
  4. for each article pair, sentence matches (i, j), (i+1, j+1), ... merged
     into one passage, from the first sentence's first byte to the last one's
     last byte; its score is the mean cosine, its kind "exact" when the two
     texts have the same words.
The output has the fields of newsmine's passages.jsonl, sorted the same way, so
bench/score_reuse reads either. The time of steps 1-4 (reading and writing
excluded) is printed on stderr.

Usage:
    /usr/bin/python3 bench/sklearn_reuse.py /tmp/reuse/reuse.jsonl /tmp/reuse/sklearn-passages.jsonl

Needs Debian's python3-sklearn (scikit-learn, SciPy, NumPy).
"""

import argparse
import json
import re
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

SENTENCE_END = re.compile(r"(?<=[.!?])[\"')]*\s+(?=[\"'(]?[A-Z0-9])|\n\s*\n")
WORD = re.compile(r"[A-Za-z0-9]+")


def sentences(text, min_words):
    """Yields (start_char, end_char) of each sentence of text, trimmed."""
    begin = 0
    for match in list(SENTENCE_END.finditer(text)) + [None]:
        end = match.start() if match else len(text)
        piece = text[begin:end]
        stripped = piece.strip()
        if stripped and len(WORD.findall(stripped)) >= min_words:
            left = begin + (len(piece) - len(piece.lstrip()))
            yield left, left + len(stripped)
        begin = match.end() if match else len(text)


def byte_offset(text, char_index, ascii_only):
    """UTF-8 byte offset of a character index (in ASCII texts, the same number)."""
    return char_index if ascii_only else len(text[:char_index].encode("utf-8"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="JSONL articles (id, text)")
    parser.add_argument("output", help="passages.jsonl to write")
    parser.add_argument("--min-cosine", type=float, default=0.5, help="sentence pairs kept from this cosine")
    parser.add_argument("--min-words", type=int, default=4, help="shorter sentences are left out")
    parser.add_argument("--chunk", type=int, default=2000, help="rows of X per sparse product")
    args = parser.parse_args()

    ids, texts = [], []
    with open(args.corpus, encoding="utf-8") as corpus:
        for line in corpus:
            record = json.loads(line)
            ids.append(record["id"])
            texts.append(record["text"])

    started = time.perf_counter()
    sentence_doc, sentence_index, sentence_text, spans = [], [], [], []
    for d, text in enumerate(texts):
        ascii_only = text.isascii()
        for k, (start, end) in enumerate(sentences(text, args.min_words)):
            sentence_doc.append(d)
            sentence_index.append(k)
            sentence_text.append(text[start:end])
            spans.append((byte_offset(text, start, ascii_only), byte_offset(text, end, ascii_only)))
    sentence_doc = np.asarray(sentence_doc, dtype=np.int64)
    x = TfidfVectorizer(lowercase=True, stop_words="english", sublinear_tf=True).fit_transform(sentence_text)
    x = x.tocsr().astype(np.float32)
    xt = x.T.tocsr()

    # Sentence pairs (i < j) of different articles with cosine >= min_cosine.
    pairs = []
    for first in range(0, x.shape[0], args.chunk):
        product = (x[first:first + args.chunk] @ xt).tocoo()
        rows = product.row + first
        keep = (product.data >= args.min_cosine) & (product.col > rows)
        rows, cols, values = rows[keep], product.col[keep], product.data[keep]
        other = sentence_doc[rows] != sentence_doc[cols]
        pairs.append((rows[other], cols[other], values[other]))
    rows = np.concatenate([p[0] for p in pairs]) if pairs else np.array([], dtype=np.int64)
    cols = np.concatenate([p[1] for p in pairs]) if pairs else np.array([], dtype=np.int64)
    values = np.concatenate([p[2] for p in pairs]) if pairs else np.array([], dtype=np.float32)

    # Chains of consecutive matches per article pair.
    by_pair = {}
    for i, j, v in zip(rows.tolist(), cols.tolist(), values.tolist()):
        a, b = int(sentence_doc[i]), int(sentence_doc[j])
        by_pair.setdefault((a, b), {})[(i, j)] = v
    passages = []
    for (a, b), matches in by_pair.items():
        for (i, j) in sorted(matches):
            if (i - 1, j - 1) in matches:
                continue  # not the first of its chain
            scores = [matches[(i, j)]]
            last_i, last_j = i, j
            while (last_i + 1, last_j + 1) in matches and sentence_doc[last_i + 1] == a and sentence_doc[last_j + 1] == b:
                last_i, last_j = last_i + 1, last_j + 1
                scores.append(matches[(last_i, last_j)])
            a_start, a_end = spans[i][0], spans[last_i][1]
            b_start, b_end = spans[j][0], spans[last_j][1]
            passages.append((a, a_start, a_end, b, b_start, b_end, sum(scores) / len(scores)))
    passages.sort(key=lambda p: (p[0], p[3], p[1], p[2], p[4], p[5]))
    elapsed = time.perf_counter() - started

    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        for a, a_start, a_end, b, b_start, b_end, score in passages:
            a_bytes = texts[a].encode("utf-8")[a_start:a_end].decode("utf-8")
            b_bytes = texts[b].encode("utf-8")[b_start:b_end].decode("utf-8")
            exact = WORD.findall(a_bytes.lower()) == WORD.findall(b_bytes.lower())
            out.write(json.dumps({"a": ids[a], "a_start": a_start, "a_end": a_end,
                                  "b": ids[b], "b_start": b_start, "b_end": b_end,
                                  "score": round(min(score, 1.0), 6), "kind": "exact" if exact else "near",
                                  "a_text": a_bytes, "b_text": b_bytes}, ensure_ascii=False))
            out.write("\n")
    print(f"sklearn_reuse: {len(texts)} articles, {x.shape[0]} sentences, {len(rows)} sentence matches, "
          f"{len(passages)} passages in {elapsed:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
