"""CRF features: what a token looks like, what it is near, and what lists know of it.

Feature lists per word type are cached, and context features are the
neighbours' own lists under an offset prefix, so featurizing a sentence is
mostly list concatenation: the budget is 20k tokens a second on one core.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from seedx.generations import Generations
from seedx.stages.ner.lexicon import Lexicon, core


class View(NamedTuple):
    """The little the tagger needs to know of a token."""

    norm: str
    """Normalized surface."""
    clitic: str
    """Proclitics split off ("" when none)."""
    kind: str
    """Token kind (word, number, punct, hashtag, latin, ...)."""

    @property
    def stem(self) -> str:
        c = self.clitic
        w = self.norm.lstrip("#") if self.kind == "hashtag" else self.norm
        if not c:
            return w
        if c.endswith("ل") and w.startswith(c + "ل"):
            return "ا" + w[len(c) :]
        return w[len(c) :]


def view_of_word(word: str) -> View:
    """A View of a bare corpus token (CoNLL input), guessing kind and proclitics like the tokenizer."""
    from seedx.stages.normalize import normalize_word
    from seedx.stages.tokenize import split_clitics

    norm = normalize_word(word) or word
    if norm.isdigit() or norm.replace(".", "").replace(",", "").isdigit():
        kind = "number"
    elif norm.isalpha():
        kind = "latin" if norm.isascii() else "word"
    elif norm.startswith("#") and len(norm) > 1:
        kind = "hashtag"
    else:
        kind = "punct" if not any(ch.isalnum() for ch in norm) else "word"
    clitic = split_clitics(norm) if kind == "word" else ""
    return View(norm, clitic, kind)


_CONTEXT_KEYS = frozenset(("w", "s", "k1", "k2", "g", "gp", "t", "sn"))
_OFFSETS = (-2, -1, 1, 2)
CACHE_SIZE = 30_000
_KnownWord = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], str]
_FEATURE = re.compile(r"(-2|-1|1|2|)(w|s|c|al|kd|p\d+|x\d+|len|cap|k\d+|ks|g|sn|t|gp|snp)=(.*)", re.DOTALL)
"""A word feature ("s=قال") or a neighbour's ("-1s=قال"): offset, key, value."""


@dataclass
class Featurizer:
    """Turns sentences of Views into crfsuite feature lists."""

    lexicon: Lexicon
    clusters: dict[str, tuple[str, ...]]
    affix_max: int = 3
    """Longest prefix and suffix used as a feature."""
    cue_window: int = 0
    """Also mark a title, reporting verb or head noun up to this many words before (0: off)."""
    vectors: Any = None
    """Dense word features by word (crf.DenseVectors, .get(word) -> dict); None: binary features only."""

    cache_size: int = CACHE_SIZE
    """Most word types whose feature lists are kept: memory stays flat over a corpus (~1.8 KB each)."""

    def __post_init__(self) -> None:
        self._cache: dict[View, tuple[list[str], dict[int, list[str]], str]] = {}
        self._known: frozenset[str] | None = None
        self._known_words: Generations[View, _KnownWord] = Generations(self.cache_size // 2)
        """`_known_word`'s entries, at most cache_size in all, so memory stays flat over a corpus."""

    def restrict_to(self, known: frozenset[str] | None) -> None:
        """Let `tagging_items` leave out features outside `known` (the attributes a model has weights for).

        crfsuite ignores attributes it has no weights for, so the model scores the
        same; the lists are shorter to build and to hand over.
        """
        self._known = known
        self._known_words.clear()
        # Known bigram features by their left key: {left: right keys}, probed with the keys' cached hashes.
        pairs: dict[str, dict[str, set[str]]] = {"bg-=": {}, "bg+=": {}}
        for f in known or ():
            prefix = f[:4]
            if prefix in pairs and "|" in f:
                left, _, right = f[4:].partition("|")
                if prefix + left + "|" + right == f and "|" not in left:
                    pairs[prefix].setdefault(left, set()).add(right)
        self._bigrams: dict[str, dict[str, frozenset[str]]] = {
            p: {k: frozenset(v) for k, v in d.items()} for p, d in pairs.items()}
        # Known word features by key and value ({"w": {"قال", ...}}), by offset for context features ("" for
        # a word's own): a word's features are tested without first building the strings that are not known.
        self._known_vals: dict[str, dict[str, set[str]]] = {o: {} for o in ("", *map(str, _OFFSETS))}
        for f in known or ():
            m = _FEATURE.match(f)
            if m:
                self._known_vals[m.group(1)].setdefault(m.group(2), set()).add(m.group(3))
        self._ambiguous_bigrams = any("|" in f[4:].partition("|")[2] for f in known or ()
                                      if f.startswith(("bg-=", "bg+=")))

    @classmethod
    def from_config(cls, lexicon: Lexicon, clusters: dict[str, tuple[str, ...]], cfg: dict,
                    vectors: Any = None) -> Featurizer:
        """A featurizer with the feature options a model was trained with."""
        return cls(lexicon, clusters, affix_max=int(cfg.get("affix_max", 3)), cue_window=int(cfg.get("cue_window", 0)),
                   vectors=vectors if cfg.get("embeddings") else None)

    def items(self, views: list[View]) -> list[list[str]] | list[dict[str, float]]:
        """What crfsuite takes for a sentence: feature lists, or dicts when dense features are on."""
        feats = self.sentence(views)
        if self.vectors is None:
            return feats
        vec = self.vectors
        out: list[dict[str, float]] = []
        for v, f in zip(views, feats, strict=True):
            d = dict.fromkeys(f, 1.0)
            dense = vec.get(v.norm) or vec.get(v.stem)
            if dense:
                d.update(dense)
            out.append(d)
        return out

    def _word(self, v: View) -> tuple[list[str], dict[int, list[str]], str]:
        """A word type's own features, its features as a neighbour at each offset, and its match key."""
        hit = self._cache.get(v)
        if hit is not None:
            return hit
        own, key = self._own(v)
        feats = [f"{k}={val}" for k, val in own]
        shared = [(k, val) for k, val in own if k in _CONTEXT_KEYS]
        ctx = {o: [f"{o}{k}={val}" for k, val in shared] for o in _OFFSETS}
        out = (feats, ctx, key)
        _remember(self._cache, v, out, self.cache_size)
        return out

    def _known_word(self, v: View) -> _KnownWord:
        """`_word` without the features outside the known attributes, flat: ("bias" + own features,
        features as the word 2 before, 1 before, 1 after and 2 after a token, match key)."""
        hit = self._known_words.recent.get(v)
        return hit if hit is not None else self._known_words.miss(v, self._make_known_word)

    def _make_known_word(self, v: View) -> _KnownWord:
        known = self._known
        assert known is not None
        own, key = self._own(v)
        kv = self._known_vals
        mine = kv[""]
        # Tuples of strings, not lists: the collector stops tracking them, so a full cache costs
        # nothing to each garbage collection.
        feats = tuple(["bias"] * ("bias" in known) + [f"{k}={val}" for k, val in own if val in mine.get(k, ())])
        shared = [(k, val) for k, val in own if k in _CONTEXT_KEYS]
        m2, m1, p1, p2 = (tuple([f"{o}{k}={val}" for k, val in shared if val in offset.get(k, ())])
                          for o, offset in zip(_OFFSETS, (kv["-2"], kv["-1"], kv["1"], kv["2"]), strict=True))
        return feats, m2, m1, p1, p2, key

    def _own(self, v: View) -> tuple[list[tuple[str, str]], str]:
        stem = v.stem
        key = core(stem)
        low = v.norm.lower() if v.kind == "latin" else v.norm
        own: list[tuple[str, str]] = [("w", low), ("s", stem)]
        if v.clitic:
            own.append(("c", v.clitic))
        if key != stem:
            own.append(("al", "1"))
        own.append(("kd", v.kind))
        if v.kind in ("word", "hashtag", "latin"):
            for n in range(1, self.affix_max + 1):
                if len(key) > n:
                    own.append((f"p{n}", key[:n]))
                    own.append((f"x{n}", key[-n:]))
            own.append(("len", str(min(len(key), 9))))
            if v.kind == "latin":
                own.append(("cap", "1" if v.norm[:1].isupper() else "0"))
        cl = self.clusters.get(low) or self.clusters.get(stem)
        if cl:
            own.extend((f"k{i}", c) for i, c in enumerate(cl))
        if v.clitic:
            cs = self.clusters.get(stem)
            if cs:
                own.append(("ks", cs[-1]))
        kinds = self.lexicon.single.get(key)
        if kinds:
            for kd in kinds:
                if kd.startswith("GAZ-"):
                    own.append(("g", kd[4:]))
                elif kd.startswith("SEEN-"):
                    own.append(("sn", kd[5:]))
                else:
                    own.append(("t", kd))
        parts = self.lexicon.parts.get(key)
        if parts:
            own.extend(("gp", kd[4:]) for kd in parts if kd.startswith("GAZ-"))
            own.extend(("snp", kd[5:]) for kd in parts if kd.startswith("SEEN-"))
        return own, key

    def sentence(self, views: list[View]) -> list[list[str]]:
        """Feature lists for one sentence."""
        words = [self._word(v) for v in views]
        keys = [w[2] for w in words]
        marks = self.lexicon.matches(keys)
        seen = self.lexicon.matches(keys, "SEEN")
        n = len(views)
        cues = self._cues(keys) if self.cue_window else None
        out: list[list[str]] = []
        for i in range(n):
            f = ["bias", *words[i][0]]
            for o in _OFFSETS:
                j = i + o
                if 0 <= j < n:
                    f.extend(words[j][1][o])
                elif o in (-1, 1):
                    f.append(f"{o}BOUND")
            if i > 0:
                f.append("bg-=" + keys[i - 1] + "|" + keys[i])
            if i + 1 < n:
                f.append("bg+=" + keys[i] + "|" + keys[i + 1])
            f.extend(match_features(marks, seen, cues, i))
            out.append(f)
        return out

    def keys(self, views: list[View]) -> list[str]:
        """Match keys of the words (`core(v.stem)`), from the feature cache where it holds them."""
        if self._known is None:
            return [core(v.stem) for v in views]
        cache = self._known_words.recent
        return [(cache.get(v) or self._known_word(v))[5] for v in views]

    def tagging_items(self, views: list[View]) -> list[list[str]] | list[dict[str, float]]:
        """`items`, less the features outside the attributes given to `restrict_to` (all when none were).

        The same lists as `[f for f in items(views)[i] if f in known]`, in the same
        order, so crfsuite adds the same weights in the same order.
        """
        known = self._known
        if known is None or self.vectors is not None:
            return self.items(views)
        cache = self._known_words.recent
        words = [cache.get(v) or self._known_word(v) for v in views]
        keys = [w[5] for w in words]
        marks = self.lexicon.matches(keys)
        seen = self.lexicon.matches(keys, "SEEN")
        n = len(views)
        cues = self._cues(keys) if self.cue_window else None
        any_marks = bool(cues) or marks.count("") != n or seen.count("") != n
        if self._ambiguous_bigrams:  # a key with "|" in it: split the strings would not round-trip
            return [[x for x in f if x in known] for f in self.sentence(views)]
        bg_minus, bg_plus = self._bigrams["bg-="], self._bigrams["bg+="]
        # Padded so that every token has two neighbours each side; a padding word's context features
        # are the sentence-boundary features (-1BOUND, 1BOUND), or none.
        none: tuple[str, ...] = ()
        before = (none, none, ("-1BOUND",) if "-1BOUND" in known else none, none, none, "")
        after = (none, none, none, ("1BOUND",) if "1BOUND" in known else none, none, "")
        padded = [before, before, *words, after, after]
        last = n - 1
        out: list[list[str]] = []
        for i in range(n):
            f = [*padded[i + 2][0], *padded[i][1], *padded[i + 1][2], *padded[i + 3][3], *padded[i + 4][4]]
            if i > 0:
                rights = bg_minus.get(keys[i - 1])
                if rights is not None and keys[i] in rights:
                    f.append("bg-=" + keys[i - 1] + "|" + keys[i])
            if i < last:
                rights = bg_plus.get(keys[i])
                if rights is not None and keys[i + 1] in rights:
                    f.append("bg+=" + keys[i] + "|" + keys[i + 1])
            if any_marks:
                f.extend(x for x in match_features(marks, seen, cues, i) if x in known)
            out.append(f)
        return out

    def _cues(self, keys: list[str]) -> dict[int, list[str]]:
        """By position, the cue kinds (TITLE, SPEECH, TRIG-*) found 2..cue_window words before (none: absent)."""
        single = self.lexicon.cue_words
        kinds = self.lexicon.single
        out: dict[int, list[str]] = {}
        if single.isdisjoint(keys):
            return out
        for j, k in enumerate(keys):
            if k in single:
                for kd in kinds[k]:
                    if not kd.startswith(("GAZ-", "SEEN-")):
                        for i in range(j + 2, min(len(keys), j + self.cue_window + 1)):
                            out.setdefault(i, []).append("cw=" + kd)
        return out


def _remember(cache: dict, key: Any, value: Any, size: int) -> None:
    """Store in a bounded cache: when full, the older half goes (insertion order), so memory stays flat."""
    if len(cache) >= size:
        for k in list(itertools.islice(cache, max(1, size // 2))):
            del cache[k]
    cache[key] = value


def match_features(marks: list[str], seen: list[str], cues: dict[int, list[str]] | None, i: int) -> list[str]:
    """Token i's features from multi-word list matches (its own mark and its neighbours'), names seen in
    the corpus, and cue words before it: they depend on the sentence, so they are never cached per word."""
    extra: list[str] = []
    m = marks[i]
    if m:
        extra.append("gm=" + m)
        extra.append("gmt=" + m[2:])
    if i > 0 and marks[i - 1]:
        extra.append("-1gm=" + marks[i - 1])
    if i < len(marks) - 1 and marks[i + 1]:
        extra.append("+1gm=" + marks[i + 1])
    if seen[i]:
        extra.append("sm=" + seen[i])
    if cues and i in cues:
        extra.extend(cues[i])
    return extra
