"""CRF features: what a token looks like, what it is near, and what lists know of it.

Feature lists per word type are cached, and context features are the
neighbours' own lists under an offset prefix, so featurizing a sentence is
mostly list concatenation: the budget is 20k tokens a second on one core.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

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


_CONTEXT_KEYS = ("w", "s", "k1", "k2", "g", "gp", "t", "sn")
_OFFSETS = (-2, -1, 1, 2)


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

    def __post_init__(self) -> None:
        self._cache: dict[View, tuple[list[str], dict[int, list[str]], str]] = {}

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
        hit = self._cache.get(v)
        if hit is not None:
            return hit
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
        feats = [f"{k}={val}" for k, val in own]
        ctx = {o: [f"{o}{k}={val}" for k, val in own if k in _CONTEXT_KEYS] for o in _OFFSETS}
        out = (feats, ctx, key)
        if len(self._cache) < 500_000:
            self._cache[v] = out
        return out

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
            if marks[i]:
                f.append("gm=" + marks[i])
                f.append("gmt=" + marks[i][2:])
            if i > 0 and marks[i - 1]:
                f.append("-1gm=" + marks[i - 1])
            if i + 1 < n and marks[i + 1]:
                f.append("+1gm=" + marks[i + 1])
            if seen[i]:
                f.append("sm=" + seen[i])
            if cues is not None and cues[i]:
                f.extend(cues[i])
            out.append(f)
        return out

    def _cues(self, keys: list[str]) -> list[list[str]]:
        """For each position, the cue kinds (TITLE, SPEECH, TRIG-*) found 2..cue_window words before."""
        single = self.lexicon.cue_words
        kinds = self.lexicon.single
        out: list[list[str]] = [[] for _ in keys]
        for j, k in enumerate(keys):
            if k in single:
                for kd in kinds[k]:
                    if not kd.startswith(("GAZ-", "SEEN-")):
                        for i in range(j + 2, min(len(keys), j + self.cue_window + 1)):
                            out[i].append("cw=" + kd)
        return out
