"""Per-token label scores of the CRF, summed from weight rows instead of handed over as feature strings.

The features are the featurizer's (`Featurizer.tagging_items`), with the same
multiplicity: a word type's own features and its features as each neighbour
(-2, -1, +1, +2) depend on the word alone, so each is summed once into a
(5, labels) block and cached by View; a sentence's scores are then five
shifted slices added together, plus the few features that depend on a pair
or a run of words (bigrams, lexicon matches, cue words), added per token.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from seedx.stages.ner.decode import CrfWeights
from seedx.stages.ner.features import _CONTEXT_KEYS, _OFFSETS, Featurizer, View, match_features

_Entry = tuple[str, int]
"""A word type's match key and the row of its (5, labels) block in the table: own scores, then its scores
as the word 2 before, 1 before, 1 after and 2 after a token."""


class EmissionScorer:
    """Label scores of sentences of Views for one model: its featurizer and its weights."""

    def __init__(self, featurizer: Featurizer, weights: CrfWeights) -> None:
        known = featurizer._known
        if known is None or featurizer.vectors is not None or featurizer._ambiguous_bigrams:
            raise ValueError("emission scores need a featurizer restricted to the model, without dense features")
        self.featurizer = featurizer
        self.weights = weights
        attrs = weights.attributes
        n_labels = weights.state.shape[1]
        # One row per known (key, value) of a word: its weights in each of the five places at once, so a word
        # type's block is one gather and one sum over its features, whatever the offsets they are known at.
        index: dict[tuple[str, str], int] = {}
        places: list[tuple[int, int, int]] = []  # (row, place, attribute)
        for place, offset in enumerate(("", *map(str, _OFFSETS))):
            for k, vals in featurizer._known_vals[offset].items():
                if offset and k not in _CONTEXT_KEYS:
                    continue  # never made: only these keys are shared with neighbours
                for val in vals:
                    a = attrs.get(f"{offset}{k}={val}")
                    if a is not None:
                        places.append((index.setdefault((k, val), len(index)), place, a))
        combined = np.zeros((len(index), 5, n_labels))
        if places:  # np.add.at adds in the listed order, as a loop would: the same sums to the last bit
            rows, where, att = (np.fromiter(col, np.intp, len(places)) for col in zip(*places))
            np.add.at(combined, (rows, where), weights.state[att])
        self._index = index
        self._combined = combined.reshape(len(index), 5 * n_labels)
        self._bias = weights.state[attrs["bias"]] if "bias" in known and "bias" in attrs else None
        by_prefix = [{left: {r: attrs[p + left + "|" + r] for r in rights if p + left + "|" + r in attrs}
                      for left, rights in featurizer._bigrams[p].items()} for p in ("bg-=", "bg+=")]
        self._bigrams: dict[str, tuple[dict[str, int], dict[str, int]]] = {
            left: (by_prefix[0].get(left, {}), by_prefix[1].get(left, {})) for left in {*by_prefix[0], *by_prefix[1]}}
        """Bigram attributes by left word, then right word: (bg-=, bg+=)."""
        self._attrs = attrs
        self._state = weights.state
        # Word blocks live in one table, so a document's blocks are one gather; rows 0 and 1 are the padding
        # before and after a sentence (the -1BOUND and 1BOUND features, when the model knows them).
        self._table = np.zeros((self.featurizer.cache_size + 2, 5, n_labels))
        if "-1BOUND" in known and "-1BOUND" in attrs:
            self._table[0, 2] = weights.state[attrs["-1BOUND"]]
        if "1BOUND" in known and "1BOUND" in attrs:
            self._table[1, 3] = weights.state[attrs["1BOUND"]]
        self._flat = self._table.reshape(len(self._table), -1)
        """The table with each word's block as one row of 5 * labels, a view."""
        self._free = list(range(len(self._table) - 1, 1, -1))
        self._freed: list[int] = []
        """Rows of evicted words, reused from the next document on: this one may still point at them."""
        self._recent: dict[View, _Entry] = {}
        self._older: dict[View, _Entry] = {}
        """Two generations of at most cache_size / 2 word types each, as in the featurizer: an older entry
        used again moves back to the recent one, so frequent words stay and memory stays flat."""

    def _entry(self, v: View) -> _Entry:
        hit = self._recent.get(v)
        if hit is not None:
            return hit
        out = self._older.pop(v, None)
        if len(self._recent) >= max(1, self.featurizer.cache_size // 2):
            self._freed.extend(row for _, row in self._older.values())
            self._older = self._recent
            self._recent = {}
        if out is None:
            own, key = self.featurizer._own(v)
            if not self._free:  # only when one document holds more word types than the cache
                grown = len(self._table)
                self._table = np.concatenate([self._table, np.zeros_like(self._table)])
                self._flat = self._table.reshape(len(self._table), -1)
                self._free = list(range(len(self._table) - 1, grown - 1, -1))
            row = self._free.pop()
            self._fill(row, own)
            out = (key, row)
        self._recent[v] = out
        return out

    def _fill(self, row: int, own: list[tuple[str, str]]) -> None:
        """A word type's block: the sum of the rows of its known (key, value) features."""
        get = self._index.get
        rows = [r for kv in own if (r := get(kv)) is not None]
        np.add.reduce(self._combined[rows], axis=0, out=self._flat[row])  # zeros when there are none

    def emissions(self, sentences: list[list[View]]) -> tuple[list[np.ndarray], list[list[str]]]:
        """Each sentence's (tokens, labels) scores and its words' match keys."""
        if self._freed:
            self._free.extend(self._freed)
            self._freed = []
        entry = self._entry
        recent = self._recent
        words = [[recent.get(v) or entry(v) for v in views] for views in sentences]
        keys = [[w[0] for w in ws] for ws in words]
        rows: list[int] = []
        index: list[int] = []
        for ws in words:
            base = len(rows)
            rows += (0, 0)
            rows += [w[1] for w in ws]
            rows += (1, 1)
            index.extend(range(base, base + len(ws)))
        if not index:
            return [np.zeros((0, self._table.shape[2])) for _ in sentences], keys
        s = self._table[rows]
        # row r of `full` is the token in block r + 2: its own scores and its four neighbours' context scores
        full = s[2:-2, 0] + s[:-4, 1] + s[1:-3, 2] + s[3:-1, 3] + s[4:, 4]
        scores = full[index]
        if self._bias is not None:
            scores += self._bias
        tok, ids = self._extras(keys)
        if ids:
            np.add.at(scores, tok, self._state[ids])
        out: list[np.ndarray] = []
        start = 0
        for ks in keys:
            out.append(scores[start : start + len(ks)])
            start += len(ks)
        return out, keys

    def _extras(self, keys: list[list[str]]) -> tuple[list[int], list[int]]:
        """(token, attribute) pairs of the features that are not a single word's: `tagging_items`' tail."""
        f = self.featurizer
        lex = f.lexicon
        attrs = self._attrs
        bigrams = self._bigrams
        tok: list[int] = []
        ids: list[int] = []
        base = 0
        for ks in keys:
            n = len(ks)
            for i, (left, right) in enumerate(zip(ks, ks[1:])):
                pair = bigrams.get(left)
                if pair is not None:
                    a = pair[0].get(right)  # bg-= is the right word's feature, bg+= the left one's
                    if a is not None:
                        tok.append(base + i + 1)
                        ids.append(a)
                    a = pair[1].get(right)
                    if a is not None:
                        tok.append(base + i)
                        ids.append(a)
            marks = lex.matches(ks)
            seen = lex.matches(ks, "SEEN")
            cues = f._cues(ks) if f.cue_window else None
            if cues or marks.count("") != n or seen.count("") != n:
                for i in range(n):
                    for x in match_features(marks, seen, cues, i):
                        a = attrs.get(x)
                        if a is not None:
                            tok.append(base + i)
                            ids.append(a)
            base += n
        return tok, ids


def scorer_for(featurizer: Featurizer, weights: CrfWeights) -> Any:
    """An EmissionScorer, or None where the featurizer's features cannot be scored this way."""
    try:
        return EmissionScorer(featurizer, weights)
    except ValueError:
        return None
