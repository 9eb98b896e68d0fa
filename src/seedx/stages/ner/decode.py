"""Linear-chain CRF decoding in numpy: the model's weights, Viterbi and marginals.

crfsuite's own tagger takes each token as a list of attribute strings, looks
every string up and decodes one sentence per call; most of the NER stage's
time went into building and handing over those strings. Here the weights are
read once from model.crfsuite, a token's scores are sums of weight rows
(seedx.stages.ner.emissions) and a document's sentences are decoded together,
one numpy step per position. The results are crfsuite's: the same Viterbi
recursion with the same tie-breaking (first label wins) and the same
marginals (forward-backward), up to float rounding in the order scores are
summed. tests/stages/ner/test_decode.py checks both paths on real sentences.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4sI8I")
"""crfsuite's CRF1d model header: magic, size, type, version, features, labels, attributes, then chunk offsets."""
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
"""One packed feature record of the FEAT chunk: type 0 is (attribute, label), type 1 is (label, label)."""


@dataclass(frozen=True)
class CrfWeights:
    """A crfsuite model's weights as arrays, by the model's own label and attribute ids."""

    labels: tuple[str, ...]
    """Label names by id."""
    attributes: dict[str, int]
    """Attribute name to row of `state`."""
    state: np.ndarray
    """(attributes + 1, labels) weights; the extra last row is zeros (a padding attribute)."""
    transitions: np.ndarray
    """(labels, labels) weights from one label to the next."""
    known: frozenset[str]
    """Attributes with at least one state weight: the only ones that change a score."""

    @property
    def pad(self) -> int:
        """The row of zeros: adding it changes nothing."""
        return self.state.shape[0] - 1

    @classmethod
    def load(cls, path: Path) -> CrfWeights:
        """Read model.crfsuite: weights at full precision (Tagger.info() prints six decimals) and the names
        of labels and attributes from the file's own string tables, without crfsuite's slow text dump."""
        data = path.read_bytes()
        magic, _, kind, _, _, n_labels, n_attrs, off_features, off_labels, off_attrs, *_ = _HEADER.unpack_from(data)
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError(f"{path}: not a crfsuite CRF1d model")
        chunk, _, count = struct.unpack_from("<4sII", data, off_features)
        if chunk != b"FEAT":
            raise ValueError(f"{path}: no feature chunk where the header says")
        feats = np.frombuffer(data, dtype=_FEATURE, count=count, offset=off_features + 12)
        labels = _strings(data, off_labels, n_labels)
        names = _strings(data, off_attrs, n_attrs)
        state = np.zeros((n_attrs + 1, n_labels))
        trans = np.zeros((n_labels, n_labels))
        s, t = feats[feats["type"] == 0], feats[feats["type"] == 1]
        src = s["src"].astype(np.intp)
        np.add.at(state, (src, s["dst"].astype(np.intp)), s["weight"])
        np.add.at(trans, (t["src"].astype(np.intp), t["dst"].astype(np.intp)), t["weight"])
        known = frozenset(names[i] for i in np.unique(src).tolist())
        return cls(tuple(labels), {name: i for i, name in enumerate(names)}, state, trans, known)


def _strings(data: bytes, offset: int, count: int) -> list[str]:
    """The strings of a CQDB chunk by id (crfsuite's string tables): records are (id, size, bytes + NUL),
    and the chunk's backward table gives each id's record."""
    chunk, _, _, _, n, backward = struct.unpack_from("<4sIIIII", data, offset)
    if chunk != b"CQDB" or n != count:
        raise ValueError("not a crfsuite string table")
    out = [""] * n
    for at in np.frombuffer(data, "<u4", n, offset + backward).tolist():
        i, size = struct.unpack_from("<iI", data, offset + at)
        out[i] = data[offset + at + 8 : offset + at + 7 + size].decode("utf-8")
    return out


def decode(emissions: list[np.ndarray], transitions: np.ndarray, *, marginals: bool = True,
           outside: int | None = None) -> list[tuple[np.ndarray, np.ndarray | None]]:
    """Best label ids of each sentence (rows: tokens, columns: label scores) and, when asked, each token's
    marginal probability of its label (None for sentences whose labels are all `outside`, which need none).

    Sentences are decoded side by side, longest first, so that each position is one numpy step over the
    sentences still running: a document costs as many steps as its longest sentence has tokens.
    """
    out: list[tuple[np.ndarray, np.ndarray | None]] = [(np.zeros(0, np.intp), None)] * len(emissions)
    order = sorted((i for i, e in enumerate(emissions) if len(e)), key=lambda i: -len(emissions[i]))
    if not order:
        return out
    lens = np.array([len(emissions[i]) for i in order])
    n_sent, n_pos, n_lab = len(order), int(lens[0]), transitions.shape[0]
    x = np.zeros((n_sent, n_pos, n_lab))
    for b, i in enumerate(order):
        x[b, : lens[b]] = emissions[i]
    # running[t]: how many sentences have a token at position t (a prefix, as they are sorted)
    running = (lens[None, :] > np.arange(n_pos)[:, None]).sum(1).tolist()
    labels = _viterbi(x, transitions, running)
    for b, i in enumerate(order):
        out[i] = (labels[b, : lens[b]], None)
    if marginals:
        need = [b for b in range(n_sent) if outside is None or (labels[b, : lens[b]] != outside).any()]
        if need:
            sub = np.asarray(need)
            sub_running = (lens[sub][None, :] > np.arange(int(lens[sub[0]]))[:, None]).sum(1).tolist()
            width = int(lens[sub[0]])
            probs = _marginals(x[sub, :width], transitions, lens[sub], sub_running)
            picked = np.take_along_axis(probs, labels[sub, :width, None], axis=2)[:, :, 0]
            for r, b in enumerate(need):
                n = int(lens[b])
                out[order[b]] = (labels[b, :n], picked[r, :n])
    return out


def _viterbi(x: np.ndarray, trans: np.ndarray, running: list[int]) -> np.ndarray:
    """crfsuite's Viterbi (crf1dc_viterbi) over padded, longest-first sentences; ties go to the lower label."""
    n_sent, n_pos, n_lab = x.shape
    score = x[:, 0].copy()
    back = np.zeros((n_sent, n_pos, n_lab), np.intp)
    for t in range(1, n_pos):
        k = running[t]
        cand = score[:k, :, None] + trans  # (sentences, from, to)
        back[:k, t] = cand.argmax(1)
        score[:k] = cand.max(1) + x[:k, t]
    # finished sentences keep the scores of their last position
    cur = score.argmax(1)
    labels = np.zeros((n_sent, n_pos), np.intp)
    rows = np.arange(n_sent)
    for t in range(n_pos - 1, -1, -1):
        k = running[t]
        labels[:k, t] = cur[:k]
        if t:
            cur[:k] = back[rows[:k], t, cur[:k]]
    return labels


_RESCALE = 8
"""Forward vectors are rescaled every this many positions: between two rescalings they can shrink by at most
exp(-range of the transition weights) and grow by at most the number of labels a step, far from float64's
limits; a marginal is a ratio at one position, so the scale does not matter."""


def _marginals(x: np.ndarray, trans: np.ndarray, lens: np.ndarray, running: list[int]) -> np.ndarray:
    """P(label at t | sentence) for every position and label: forward-backward as two forward passes run
    side by side, the backward one over each sentence reversed with the transposed transitions."""
    n_sent, n_pos, n_lab = x.shape
    pos = np.arange(n_pos)
    rev = np.where(pos[None, :] < lens[:, None], lens[:, None] - 1 - pos[None, :], pos[None, :])
    ex = np.exp(x - x.max(2, keepdims=True))
    both = np.stack([ex, np.take_along_axis(ex, rev[:, :, None], 1)])  # (direction, sentence, position, label)
    et = np.exp(trans - trans.max())
    steps = np.stack([et, et.T])
    # run[d, :, t]: the sums flowing into position t, before its own scores (ones at t = 0); reversed, the
    # sums into position n - 1 - t are that position's backward vector beta
    run = np.ones_like(both)
    cur = both[:, :, 0]
    for t in range(1, n_pos):
        k = running[t]
        into = cur[:, :k] @ steps
        if t % _RESCALE == 0:
            into /= into.sum(2, keepdims=True)
        run[:, :k, t] = into
        cur = into * both[:, :k, t]
    # alpha_t = forward sums into t * exp(score_t); beta_t = the reversed pass's sums into n - 1 - t
    joint = run[0] * ex * np.take_along_axis(run[1], rev[:, :, None], 1)
    joint /= joint.sum(2, keepdims=True)
    return joint
