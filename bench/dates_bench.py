"""Throughput of the dates stage beside dateparser's search_dates, and its
time on adversarial 1 MB inputs. A script, not a test: timings depend on the
machine; the ratio in one run is what to compare.

    .venv/bin/python bench/dates_bench.py --limit 2000 --dateparser-limit 200 --adversarial
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl.gz"


def load_texts(path: Path, limit: int) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in itertools.islice(f, limit)]


def bench_seedx(texts: list[str]) -> tuple[float, float, int]:
    """Seconds for normalize+tokenize+dates, seconds for dates alone, timexes found."""
    from seedx.document import Document
    from seedx.stages import dates
    from seedx.stages.normalize import normalize
    from seedx.stages.tokenize import tokenize

    warm = Document(id="w", raw=texts[0])
    dates.run(tokenize(normalize(warm)), {})
    docs = [Document(id=str(i), raw=t, published_input="2020-01-01") for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    for d in docs:
        tokenize(normalize(d))
    t1 = time.perf_counter()
    n = 0
    for d in docs:
        n += len(dates.run(d, {}).timexes)
    t2 = time.perf_counter()
    return t2 - t0, t2 - t1, n


def bench_dateparser(texts: list[str]) -> tuple[float, int]:
    from dateparser.search import search_dates

    search_dates(texts[0][:200], languages=["ar"])  # load its data before timing
    n = 0
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for t in texts:
            found = search_dates(t, languages=["ar"])
            n += len(found or [])
    return time.perf_counter() - t0, n


def adversarial_inputs(size: int = 1_000_000) -> dict[str, str]:
    """Long runs of digits, slashes, separators and month names, and a random mix of them."""
    rng = random.Random(0)
    pieces = ["1", "12", "2023", "1436", "/", "-", " ", "و", "هـ", "مايو", "كانون الثاني", "يناير", "رمضان",
              "11:30", "الساعة ", "يوم ", "الأحد ", "من ", "عام ", "٢٠٢٣", "."]
    mix = "".join(rng.choice(pieces) for _ in range(size // 2))[:size]
    return {
        "digits": "1" * size,
        "slashes": "1/" * (size // 2),
        "digits+spaces": "12 " * (size // 3),
        "year-dashes": "2015-" * (size // 5),
        "dates": "12/05/2023 " * (size // 11),
        "month names": "مايو " * (size // 5),
        "month+day runs": "7 كانون الثاني و" * (size // 16),
        "mix": mix,
    }


def bench_adversarial() -> list[tuple[str, float, float, int]]:
    """(name, seconds for normalize, seconds for the dates stage, timexes) per 1 MB input."""
    from seedx.document import Document
    from seedx.stages import dates
    from seedx.stages.normalize import normalize_text

    out = []
    for name, text in adversarial_inputs().items():
        doc = Document(id=name, raw=text, published_input="2020-01-01")
        t0 = time.perf_counter()
        doc.norm = normalize_text(text)
        t1 = time.perf_counter()
        dates.run(doc, {})
        t2 = time.perf_counter()
        out.append((name, t1 - t0, t2 - t1, len(doc.timexes)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=2000, help="articles for seedx")
    ap.add_argument("--dateparser-limit", type=int, default=200, help="articles for dateparser (it is slow)")
    ap.add_argument("--adversarial", action="store_true", help="also time 1 MB adversarial inputs")
    args = ap.parse_args(argv)

    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    texts = load_texts(args.corpus, max(args.limit, args.dateparser_limit))
    chars = sum(map(len, texts[: args.limit])) / max(1, min(args.limit, len(texts)))
    total, stage, n = bench_seedx(texts[: args.limit])
    k = min(args.limit, len(texts))
    print(f"articles: {k} (mean {chars:.0f} chars)")
    print(f"seedx normalize+tokenize+dates: {k / total:9.1f} articles/s  ({n} timexes)")
    print(f"seedx dates stage alone:        {k / stage:9.1f} articles/s")
    if args.dateparser_limit > 0:
        dp_texts = texts[: args.dateparser_limit]
        dp_time, dp_n = bench_dateparser(dp_texts)
        dp_rate = len(dp_texts) / dp_time
        print(f"dateparser search_dates (ar):   {dp_rate:9.1f} articles/s  ({dp_n} dates, {len(dp_texts)} articles)")
        print(f"ratio seedx (whole path) / dateparser: {k / total / dp_rate:.1f}x;"
              f" dates stage alone: {k / stage / dp_rate:.1f}x")
    if args.adversarial:
        worst = 0.0
        for name, t_norm, t_stage, found in bench_adversarial():
            worst = max(worst, t_stage)
            print(f"adversarial 1 MB {name:15}: dates {t_stage:6.3f} s  (normalize {t_norm:6.3f} s, {found} timexes)")
        print(f"adversarial worst dates-stage time: {worst:.3f} s ({'OK' if worst < 1.0 else 'OVER'} the 1 s budget)")
    print("Makefile: bench:\n\t.venv/bin/python bench/dates_bench.py --limit 2000 --dateparser-limit 200 --adversarial")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
