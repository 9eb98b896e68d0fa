"""Gazetteers and cue words the tagger looks up, normalized like the text.

A lexicon is built once at training time from ANERgazet, NERAr (Buckwalter,
converted to Arabic script) and the cue lists in seedx/resources/ner, then
saved beside the model: the model's weights only make sense with the exact
lexicon it was trained with, so tagging never reads the sources again.
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

CUE_FILES = {"TITLE": "titles.txt", "SPEECH": "speech.txt", "TRIG-ORG": "triggers_org.txt",
             "TRIG-LOC": "triggers_loc.txt", "TRIG-MISC": "triggers_misc.txt"}
_ANERGAZET = {"PER": "AlignedPersGazetteer.txt", "LOC": "AlignedLocGazetteer.txt", "ORG": "AlignedOrgGazetteer.txt"}
_NERAR = {"PER": "dico-mono-PERS.norm", "LOC": "dico-mono-LOC.norm", "ORG": "dico-mono-ORG.norm"}
_MAX_SPAN = 6


def core(word: str) -> str:
    """A normalized stem without the article: the key gazetteers and cue lists match on."""
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    return word


@dataclass
class Lexicon:
    """Entries as tuples of `core` keys, by kind (GAZ-PER, TITLE, TRIG-ORG, ...)."""

    entries: dict[str, set[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(set))

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        self.single: dict[str, tuple[str, ...]] = {}
        self.parts: dict[str, tuple[str, ...]] = {}
        self.multi: dict[str, dict[str, dict[tuple[str, ...], str]]] = {"GAZ": defaultdict(dict),
                                                                           "SEEN": defaultdict(dict)}
        singles: dict[str, set[str]] = defaultdict(set)
        parts: dict[str, set[str]] = defaultdict(set)
        for kind, items in sorted(self.entries.items()):
            for entry in sorted(items):
                if len(entry) == 1:
                    singles[entry[0]].add(kind)
                else:
                    for w in entry:
                        parts[w].add(kind)
                    family, _, label = kind.partition("-")
                    if family in self.multi and len(entry) <= _MAX_SPAN:
                        self.multi[family][entry[0]][entry] = label
        # Tuples in a fixed order, not sets: feature order must not depend on string hashing, or two
        # training runs would number crfsuite's attributes differently.
        self.single = {w: tuple(sorted(k)) for w, k in singles.items()}
        self.parts = {w: tuple(sorted(k)) for w, k in parts.items()}
        self._lengths: dict[str, dict[str, tuple[int, ...]]] = {f: {} for f in self.multi}
        """Entry lengths by family and first key, longest first (filled on first use)."""
        self.known_places = frozenset(w for w, k in self.single.items() if "GAZ-LOC" in k)
        self.cue_words = frozenset(w for w, k in self.single.items() if any(x in CUE_FILES for x in k))
        self.org_heads = frozenset(w for w, k in self.single.items() if "TRIG-ORG" in k)

    def add(self, kind: str, words: Iterable[str]) -> None:
        self.entries[kind].add(tuple(words))

    def reindex(self) -> None:
        self._index()

    def matches(self, keys: list[str], family: str = "GAZ") -> list[str]:
        """Longest multi-word match of a family (GAZ: gazetteers, SEEN: training names) at each position,
        as B-/I-TYPE marks ("" for none)."""
        marks = [""] * len(keys)
        i = 0
        n = len(keys)
        table = self.multi[family]
        if not table or table.keys().isdisjoint(keys):  # the usual case: no entry starts in this sentence
            return marks
        lengths = self._lengths[family]
        while i < n:
            cands = table.get(keys[i])
            best = 0
            best_kind = ""
            if cands:
                ms = lengths.get(keys[i])
                if ms is None:
                    ms = lengths[keys[i]] = tuple(sorted({len(e) for e in cands}, reverse=True))
                for m in ms:  # longest first: the first entry found is the longest match
                    if i + m <= n:
                        kind = cands.get(tuple(keys[i : i + m]))
                        if kind is not None:
                            best, best_kind = m, kind
                            break
            if best:
                marks[i] = "B-" + best_kind
                for j in range(i + 1, i + best):
                    marks[j] = "I-" + best_kind
                i += best
            else:
                i += 1
        return marks

    def save(self, path: Path) -> None:
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
            for kind in sorted(self.entries):
                for entry in sorted(self.entries[kind]):
                    f.write(kind + "\t" + " ".join(entry) + "\n")

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        entries: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                kind, _, text = line.rstrip("\n").partition("\t")
                entries[kind].add(tuple(text.split(" ")))
        return cls(entries)


_SPLIT = re.compile(r"[^\W_]+")


def entry_keys(text: str) -> tuple[str, ...]:
    """Normalize a lexicon entry and turn it into match keys."""
    from seedx.stages.normalize import normalize_word

    return tuple(core(w) for w in _SPLIT.findall(normalize_word(text)))


def _anergazet(path: Path) -> Iterable[str]:
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith(("====", "****")):
                yield line


def _nerar(path: Path) -> Iterable[str]:
    from camel_tools.utils.charmap import CharMapper

    bw2ar = CharMapper.builtin_mapper("bw2ar")
    with open(path, encoding="latin-1") as f:
        for line in f:
            line = line.strip()
            if line and line.isascii():
                yield bw2ar.map_string(line)


def build_lexicon(ner_dir: Path, *, nerar: bool = True, harvested: Path | None = None,
                  ) -> tuple[Lexicon, dict[str, int]]:
    """The lexicon from ../shared/ner/gazetteers, the cue lists and harvested corpus names (HRV-*);
    also entry counts by source."""
    from seedx.resources import load_lines

    lex = Lexicon()
    counts: dict[str, int] = {}
    if harvested is not None:
        from seedx.stages.ner.harvest import load

        for label, keys in load(harvested).items():
            counts[f"harvested/{label}"] = len(keys)
            for k in keys:
                lex.add("HRV-" + label, (k,))
    gaz = ner_dir / "gazetteers"
    for label, name in _ANERGAZET.items():
        p = gaz / "anergazet" / name
        if p.exists():
            items = [k for k in map(entry_keys, _anergazet(p)) if k]
            counts[f"anergazet/{label}"] = len(items)
            for k in items:
                lex.add("GAZ-" + label, k)
    if nerar:
        for label, name in _NERAR.items():
            p = gaz / "nerar" / name
            if p.exists():
                items = [k for k in map(entry_keys, _nerar(p)) if k]
                counts[f"nerar/{label}"] = len(items)
                for k in items:
                    lex.add("GAZ-" + label, k)
    for kind, name in CUE_FILES.items():
        items = [k for k in map(entry_keys, load_lines(f"ner/{name}")) if k]
        counts[f"cues/{kind}"] = len(items)
        for k in items:
            lex.add(kind, k)
    lex.reindex()
    return lex, counts
