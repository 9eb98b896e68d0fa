"""Build src/seedx/resources/vocab.tsv.gz: normalized word counts from the news corpus.

Usage: python tools/build_vocab.py [../shared/corpus/news.jsonl.gz] [--min-count 3]
Only counts leave the corpus, never its text (see resources/vocab.README.md).
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter

import orjson

from seedx.resources import path
from seedx.stages.normalize import normalize_text

_WORD = re.compile(r"[^\W\d_]+")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default="../shared/corpus/news.jsonl.gz")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--max-words", type=int, default=200_000)
    args = ap.parse_args()
    counts: Counter[str] = Counter()
    with gzip.open(args.corpus, "rb") as f:
        for line in f:
            text = orjson.loads(line).get("text") or ""
            counts.update(w for w in _WORD.findall(normalize_text(text).text) if not w.isascii())
    out = path("vocab.tsv.gz")
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        for word, c in counts.most_common(args.max_words):
            if c < args.min_count:
                break
            f.write(f"{word}\t{c}\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
