"""Names harvested from the news corpus by their head nouns: a gazetteer that fits the news.

ANERgazet and NERAr miss many places and people of current news (Tunisian
towns, Korean names). A word that mostly appears right after مدينة/ولاية/بلدة
is a place; one that mostly appears right after a person's title is a name.
Only the harvested words leave the corpus, with their counts.
"""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

from seedx.stages.ner.lexicon import core

LOC_HEADS = ("مدينه", "بلده", "قريه", "ولايه", "محافظه", "معتمديه", "مخيم", "عاصمه", "مقاطعه", "اقليم", "ضاحيه",
             "حي", "بلدات", "مدن", "قري")
PER_HEADS = ("السيد", "السيده", "الشيخ", "الدكتور", "الدكتوره", "المهندس", "الاستاذ", "الحاج", "الفنان", "الفنانه",
             "اللاعب", "النجم", "النجمه", "الكاتب", "الشاعر", "المطرب", "الاعلامي", "الاعلاميه", "الداعيه",
             "الشهيد", "الاسير", "الامير", "الاميره", "الملك", "المواطن", "المواطنه")


def harvest(corpus_text: Path, *, min_after: int = 5, min_ratio: float = 0.25) -> dict[str, list[tuple[str, int]]]:
    """{LOC: [(key, count)], PER: [...]} from a normalized, space-tokenized corpus (one paragraph a line)."""
    freq: Counter[str] = Counter()
    after: dict[str, Counter[str]] = {"LOC": Counter(), "PER": Counter()}
    loc_heads, per_heads = frozenset(LOC_HEADS), frozenset(PER_HEADS)
    with open(corpus_text, encoding="utf-8") as f:
        for line in f:
            words = line.split()
            freq.update(words)
            for i in range(len(words) - 1):
                w = words[i]
                if w in per_heads:
                    after["PER"][words[i + 1]] += 1
                elif w in loc_heads or (len(w) > 2 and w[0] in "وفب" and w[1:] in loc_heads):
                    after["LOC"][words[i + 1]] += 1
    out: dict[str, list[tuple[str, int]]] = {}
    for label, counts in after.items():
        keep = []
        for w, c in counts.most_common():
            if c < min_after:
                break
            if len(w) > 2 and not w.isdigit() and c / freq[w] >= min_ratio:
                keep.append((core(w), c))
        out[label] = keep
    return out


def save(names: dict[str, list[tuple[str, int]]], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        for label, items in names.items():
            for key, count in items:
                f.write(f"{label}\t{key}\t{count}\n")


def load(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                label, key, _ = line.rstrip("\n").split("\t")
                out.setdefault(label, []).append(key)
    return out
