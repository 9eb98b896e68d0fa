"""A neural tagger: BiLSTM over word2vec words, a character CNN and lexicon marks.

Same interface as the CRF (`tag`, `tag_document`, `lexicon`), so the stage can
use either, or both: `EnsembleTagger` averages the CRF's and the network's
per-token tag distributions before decoding. A model directory holds
weights.pt (float16 state dict), vocab.json (words, characters, config),
lexicon.tsv.gz (the lexicon the lexicon marks come from) and README.md.

Decoding is softmax + Viterbi restricted to valid IOB2 (I-X only after B-X or
I-X); the score of a token is the probability of its tag (1.0 for O, as the
CRF reports). torch is imported with this module: import it only when the
neural backend is chosen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from seedx.stages.ner.consistency import propagate
from seedx.stages.ner.features import View
from seedx.stages.ner.lexicon import Lexicon, core

TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
WEIGHTS_FILE = "weights.pt"
VOCAB_FILE = "vocab.json"
LEXICON_FILE = "lexicon.tsv.gz"
PAD, UNK = 0, 1
MAX_CHARS = 16
KINDS = ("word", "number", "punct", "latin", "hashtag")
_CUE_WINDOW = 3
_NEG = -1e4


@dataclass
class NetConfig:
    """Network sizes; written to vocab.json."""

    word_dim: int = 100
    char_dim: int = 32
    char_filters: int = 64
    hidden: int = 128
    dropout: float = 0.5
    lex_kinds: list[str] = field(default_factory=list)
    """Lexicon kinds marked per token (single-word entries), in feature order."""
    crf: bool = False
    """A linear-chain CRF output layer (trained by likelihood; tokens get their forward-backward marginals)."""
    stack: str = ""
    """Name of the builtin CRF model (a sibling directory) whose marginals are extra inputs; "" for none."""


def lexicon_kinds(lexicon: Lexicon) -> list[str]:
    return sorted(k for k in lexicon.entries if not k.startswith("SEEN-"))


def n_lex_features(cfg: NetConfig) -> int:
    # single kinds, 3 gazetteer part marks, 6 multi-word B/I marks, cue kinds seen 2..3 words back,
    # clitic, article, token kind one-hot, latin capital.
    cues = [k for k in cfg.lex_kinds if not k.startswith(("GAZ-", "HRV-"))]
    return len(cfg.lex_kinds) + 3 + 6 + len(cues) + 2 + len(KINDS) + 1


class Net(nn.Module):
    def __init__(self, n_words: int, n_chars: int, cfg: NetConfig, *, sparse: bool = False) -> None:
        super().__init__()
        self.cfg = cfg
        self.words = nn.Embedding(n_words, cfg.word_dim, padding_idx=PAD, sparse=sparse)
        self.chars = nn.Embedding(n_chars, cfg.char_dim, padding_idx=PAD)
        self.conv = nn.Conv1d(cfg.char_dim, cfg.char_filters, kernel_size=3, padding=1)
        n_in = 2 * cfg.word_dim + cfg.char_filters + n_lex_features(cfg) + (len(TAGS) if cfg.stack else 0)
        self.drop = nn.Dropout(cfg.dropout)
        self.lstm = nn.LSTM(n_in, cfg.hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * cfg.hidden, len(TAGS))
        if cfg.crf:
            k = len(TAGS)
            self.trans = nn.Parameter(torch.zeros(k, k))
            self.start = nn.Parameter(torch.zeros(k))
            self.end = nn.Parameter(torch.zeros(k))
            self.register_buffer("trans_mask", torch.tensor(_TRANS, dtype=torch.float32), persistent=False)
            self.register_buffer("start_mask", torch.tensor(_START, dtype=torch.float32), persistent=False)

    def _chain(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        return self.trans + self.trans_mask, self.start + self.start_mask, self.end

    def crf_nll(self, em: torch.Tensor, tags: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """Summed negative log-likelihood of gold tags (B, T; padding any valid id) under the CRF layer."""
        trans, start, end = self._chain()
        b, t, _ = em.shape
        mask = torch.arange(t)[None, :] < lengths[:, None]
        gold = start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
        alpha = start + em[:, 0]
        for i in range(1, t):
            m = mask[:, i]
            step = trans[tags[:, i - 1], tags[:, i]] + em[:, i].gather(1, tags[:, i : i + 1]).squeeze(1)
            gold = gold + step * m
            nxt = torch.logsumexp(alpha[:, :, None] + trans[None] + em[:, i, None, :], dim=1)
            alpha = torch.where(m[:, None], nxt, alpha)
        last = tags.gather(1, (lengths - 1)[:, None]).squeeze(1)
        gold = gold + end[last]
        return (torch.logsumexp(alpha + end, dim=1) - gold).sum()

    def distributions(self, em: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """Per-token tag distributions: softmax, or the CRF layer's forward-backward marginals."""
        if not self.cfg.crf:
            return torch.softmax(em, dim=2)
        trans, start, end = self._chain()
        b, t, k = em.shape
        mask = torch.arange(t)[None, :] < lengths[:, None]
        alphas = [start + em[:, 0]]
        for i in range(1, t):
            nxt = torch.logsumexp(alphas[-1][:, :, None] + trans[None] + em[:, i, None, :], dim=1)
            alphas.append(torch.where(mask[:, i, None], nxt, alphas[-1]))
        beta = end.expand(b, k)
        betas = [beta]
        for i in range(t - 2, -1, -1):
            nxt = torch.logsumexp(trans[None] + (em[:, i + 1] + beta)[:, None, :], dim=2)
            beta = torch.where(mask[:, i + 1, None], nxt, end.expand(b, k))
            betas.append(beta)
        betas.reverse()
        a = torch.stack(alphas, dim=1)
        bt = torch.stack(betas, dim=1)
        log_z = torch.logsumexp(alphas[-1] + end, dim=1)
        return torch.exp(a + bt - log_z[:, None, None])

    def forward(self, words: torch.Tensor, stems: torch.Tensor, chars: torch.Tensor, lex: torch.Tensor,
                lengths: torch.Tensor, stacked: torch.Tensor | None = None) -> torch.Tensor:
        """Tag logits (batch, time, tags) of padded batches: words/stems (B, T), chars (B, T, C), lex (B, T, F),
        stacked (B, T, tags): the CRF's marginals when the model stacks on it."""
        b, t, c = chars.shape
        ch = self.chars(chars.view(b * t, c)).transpose(1, 2)
        ch = torch.relu(self.conv(ch)).max(dim=2).values.view(b, t, -1)
        parts = [self.words(words), self.words(stems), ch, lex]
        if self.cfg.stack:
            assert stacked is not None, "a stacked model needs the CRF's marginals"
            parts.append(stacked)
        x = torch.cat(parts, dim=2)
        x = self.drop(x)
        packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        h, _ = self.lstm(packed)
        h, _ = pad_packed_sequence(h, batch_first=True, total_length=t)
        return self.out(self.drop(h))


def _allowed() -> tuple[np.ndarray, np.ndarray]:
    """IOB2 constraints as additive log-space masks: transitions (prev, next) and start."""
    trans = np.zeros((len(TAGS), len(TAGS)), dtype=np.float64)
    start = np.zeros(len(TAGS), dtype=np.float64)
    for j, t in enumerate(TAGS):
        if t.startswith("I-"):
            start[j] = _NEG
            for i, p in enumerate(TAGS):
                if p[2:] != t[2:]:
                    trans[i, j] = _NEG
    return trans, start


_TRANS, _START = _allowed()
_IS_I = np.array([t.startswith("I-") for t in TAGS])
_TYPE = np.array([TAGS.index("B-" + t[2:]) if t != "O" else 0 for t in TAGS])


def valid_argmax(probs: np.ndarray) -> np.ndarray | None:
    """The per-token argmax when it is valid IOB2 (then it is also the constrained optimum), else None."""
    best = probs.argmax(axis=1)
    inside = _IS_I[best]
    if not inside.any():
        return best
    prev = np.concatenate([[0], best[:-1]])
    ok = ~inside | ((prev != 0) & (_TYPE[prev] == _TYPE[best]))
    return best if ok.all() else None


def decode(probs: np.ndarray) -> list[int]:
    """Most probable valid IOB2 sequence of per-token distributions (n, tags)."""
    if len(probs) == 0:
        return []
    best = valid_argmax(probs)
    if best is not None:
        return best.tolist()
    logp = np.log(np.maximum(probs, 1e-12))
    n = len(logp)
    score = logp[0] + _START
    back = np.zeros((n, len(TAGS)), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + _TRANS
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + logp[i]
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return path[::-1]


class Encoder:
    """Views to index arrays: word and stem ids, character ids, lexicon marks (cached per view)."""

    def __init__(self, words: list[str], chars: list[str], lexicon: Lexicon, cfg: NetConfig) -> None:
        self.word_index = {w: i for i, w in enumerate(words)}
        self.char_index = {c: i for i, c in enumerate(chars)}
        self.lexicon = lexicon
        self.cfg = cfg
        self.n_feats = n_lex_features(cfg)
        kinds = cfg.lex_kinds
        self._single = {k: i for i, k in enumerate(kinds)}
        self._parts = {f"GAZ-{t}": len(kinds) + i for i, t in enumerate(("PER", "LOC", "ORG"))}
        base = len(kinds) + 3
        self._marks = {f"{p}-{t}": base + 2 * i + j for i, t in enumerate(("PER", "LOC", "ORG"))
                       for j, p in enumerate("BI")}
        cues = [k for k in kinds if not k.startswith(("GAZ-", "HRV-"))]
        base += 6
        self._cues = {k: base + i for i, k in enumerate(cues)}
        base += len(cues)
        self._clitic, self._article = base, base + 1
        self._kind = {k: base + 2 + i for i, k in enumerate(KINDS)}
        self._cap = base + 2 + len(KINDS)
        self._cache: dict[View, tuple[int, int, list[int], list[int], str]] = {}

    def _id(self, *cands: str) -> int:
        for c in cands:
            i = self.word_index.get(c)
            if i is not None:
                return i
        return UNK

    def token(self, v: View) -> tuple[int, int, list[int], list[int], str]:
        hit = self._cache.get(v)
        if hit is not None:
            return hit
        stem = v.stem
        key = core(stem)
        low = v.norm.lower() if v.kind == "latin" else v.norm
        wid = self._id(low, stem, key)
        sid = self._id(stem, key, low)
        ci = self.char_index
        chars = [ci.get(ch, UNK) for ch in low[:MAX_CHARS]] or [UNK]
        on: list[int] = []
        for kd in self.lexicon.single.get(key, ()):
            j = self._single.get(kd)
            if j is not None:
                on.append(j)
        for kd in self.lexicon.parts.get(key, ()):
            j = self._parts.get(kd)
            if j is not None:
                on.append(j)
        if v.clitic:
            on.append(self._clitic)
        if key != stem:
            on.append(self._article)
        k = self._kind.get(v.kind)
        if k is not None:
            on.append(k)
        if v.kind == "latin" and v.norm[:1].isupper():
            on.append(self._cap)
        out = (wid, sid, chars, on, key)
        if len(self._cache) < 500_000:
            self._cache[v] = out
        return out

    def sentence(self, views: list[View]) -> tuple[list[int], list[int], list[list[int]], list[list[int]], list[str]]:
        toks = [self.token(v) for v in views]
        keys = [t[4] for t in toks]
        feats = [list(t[3]) for t in toks]
        for i, m in enumerate(self.lexicon.matches(keys)):
            j = self._marks.get(m)
            if j is not None:
                feats[i].append(j)
        cue_words = self.lexicon.cue_words
        for j, k in enumerate(keys):
            if k in cue_words:
                for kd in self.lexicon.single[k]:
                    c = self._cues.get(kd)
                    if c is not None:
                        for i in range(j + 2, min(len(keys), j + _CUE_WINDOW + 1)):
                            feats[i].append(c)
        return [t[0] for t in toks], [t[1] for t in toks], [t[2] for t in toks], feats, keys

    def batch(self, sentences: list[list[View]], stacked: list[np.ndarray] | None = None,
              ) -> tuple[dict[str, torch.Tensor], list[list[str]]]:
        """Padded tensors of a list of non-empty sentences, and their match keys."""
        enc = [self.sentence(v) for v in sentences]
        return tensors(enc, self.n_feats, stacked), [e[4] for e in enc]


def tensors(enc: list[tuple[Any, ...]], n_feats: int, stacked: list[np.ndarray] | None = None,
            ) -> dict[str, torch.Tensor]:
    b = len(enc)
    t = max(len(e[0]) for e in enc)
    c = max(len(ch) for e in enc for ch in e[2])
    words = np.zeros((b, t), dtype=np.int64)
    stems = np.zeros((b, t), dtype=np.int64)
    chars = np.zeros((b, t, c), dtype=np.int64)
    lex = np.zeros((b, t, n_feats), dtype=np.float32)
    for i, (w, s, ch, f, _) in enumerate(enc):
        n = len(w)
        words[i, :n] = w
        stems[i, :n] = s
        for j, cs in enumerate(ch):
            chars[i, j, : len(cs)] = cs
            if f[j]:
                lex[i, j, f[j]] = 1.0
    lengths = torch.tensor([len(e[0]) for e in enc], dtype=torch.int64)
    out = {"words": torch.from_numpy(words), "stems": torch.from_numpy(stems), "chars": torch.from_numpy(chars),
           "lex": torch.from_numpy(lex), "lengths": lengths}
    if stacked is not None:
        st = np.zeros((b, t, len(TAGS)), dtype=np.float32)
        for i, m in enumerate(stacked):
            st[i, : len(m)] = m
        out["stacked"] = torch.from_numpy(st)
    return out


class NeuralTagger:
    """A loaded neural model (eval mode, one thread's worth of work per call)."""

    def __init__(self, path: Path, net: Net, encoder: Encoder, meta: dict[str, Any], crf: Any = None) -> None:
        self.path = path
        self.net = net.eval()
        self.encoder = encoder
        self.meta = meta
        self.crf = crf
        """The CRF (crf.CrfTagger) a stacked model reads marginals from."""

    @property
    def lexicon(self) -> Lexicon:
        return self.encoder.lexicon

    @property
    def featurizer(self) -> Any:
        """What the stage reads of the CRF's featurizer (`.lexicon.known_places`), for a drop-in swap."""
        return self.encoder

    @property
    def name(self) -> str:
        return str(self.meta.get("name", self.path.name))

    @classmethod
    def load(cls, path: Path, crf: Any = None) -> NeuralTagger:
        """The model at `path`; a stacked model also loads its CRF (sibling directory) unless `crf` is given."""
        meta = json.loads((path / VOCAB_FILE).read_text(encoding="utf-8"))
        cfg = NetConfig(**meta["net"])
        if cfg.stack and crf is None:
            from seedx.stages.ner.crf import CrfTagger

            crf = CrfTagger.load(path.parent / cfg.stack)
        if cfg.stack and meta.get("stack_digest") not in (None, "missing", crf_digest(crf.path)):
            import warnings

            warnings.warn(f"{path.name} was trained on the marginals of another {cfg.stack}: retrain it",
                          stacklevel=2)
        lexicon = Lexicon.load(path / LEXICON_FILE)
        net = Net(len(meta["words"]), len(meta["chars"]), cfg)
        state = torch.load(path / WEIGHTS_FILE, map_location="cpu", weights_only=True)
        net.load_state_dict({k: v.float() for k, v in state.items()})
        return cls(path, net, Encoder(meta["words"], meta["chars"], lexicon, cfg), meta, crf)

    def probabilities(self, sentences: list[list[View]], batch_size: int = 64) -> list[np.ndarray]:
        """Per sentence, an (n, tags) array of tag probabilities."""
        out: list[np.ndarray] = [np.zeros((0, len(TAGS)), dtype=np.float32)] * len(sentences)
        idx = [i for i, s in enumerate(sentences) if s]
        with torch.inference_mode():
            for k in range(0, len(idx), batch_size):
                part = idx[k : k + batch_size]
                stacked = [crf_probabilities(self.crf, sentences[i]) for i in part] if self.net.cfg.stack else None
                x, _ = self.encoder.batch([sentences[i] for i in part], stacked)
                p = self.net.distributions(self.net(**x), x["lengths"]).numpy()
                for row, i in enumerate(part):
                    out[i] = p[row, : len(sentences[i])]
        return out

    def tag(self, views: list[View], *, with_scores: bool = True) -> tuple[list[str], list[float]]:
        return self.tag_document([views], consistency=False, with_scores=with_scores)[0]

    def tag_document(self, sentences: list[list[View]], *, consistency: bool | None = None,
                     with_scores: bool = True) -> list[tuple[list[str], list[float]]]:
        """Tags and scores of a document's sentences, with the CRF's document consistency pass."""
        return finish(self.lexicon, sentences, self.probabilities(sentences),
                      self.meta.get("consistency", True) if consistency is None else consistency)


def finish(lexicon: Lexicon, sentences: list[list[View]], probs: list[np.ndarray],
           consistency: bool) -> list[tuple[list[str], list[float]]]:
    """Decode per-token distributions into tags and scores, then the consistency pass."""
    tags: list[list[str]] = []
    scores: list[list[float]] = []
    for p in probs:
        path = decode(p)
        tags.append([TAGS[j] for j in path])
        scores.append([1.0 if j == 0 else float(p[i, j]) for i, j in enumerate(path)])
    if consistency:
        keys = [[core(v.stem) for v in vs] for vs in sentences]
        tags, scores = propagate(keys, tags, scores, blocked=lexicon.cue_words, org_heads=lexicon.org_heads)
    return list(zip(tags, scores, strict=True))


def crf_digest(path: Path) -> str:
    """Short hash of a CRF's model.crfsuite: a stacked model is only valid with the CRF it was trained on."""
    import hashlib

    f = path / "model.crfsuite"
    return hashlib.sha256(f.read_bytes()).hexdigest()[:12] if f.exists() else "missing"


def crf_probabilities(crf: Any, views: list[View]) -> np.ndarray:
    """The CRF's marginal distribution over TAGS at each token (n, tags)."""
    if not views:
        return np.zeros((0, len(TAGS)), dtype=np.float32)
    tagger = crf._tagger
    items = getattr(crf.featurizer, "tagging_items", crf.featurizer.items)  # same scores, fewer features
    tagger.set(items(views))
    labels = set(tagger.labels())
    out = np.zeros((len(views), len(TAGS)), dtype=np.float32)
    for j, t in enumerate(TAGS):
        if t in labels:
            out[:, j] = [tagger.marginal(t, i) for i in range(len(views))]
    return out


class EnsembleTagger:
    """CRF and network together: per-token distributions averaged (weight on the network), then decoded."""

    def __init__(self, crf: Any, net: NeuralTagger, weight: float = 0.5) -> None:
        self.crf = crf
        self.net = net
        self.weight = weight
        self.meta = {"name": f"{crf.name}+{net.name}", "weight": weight}

    @property
    def lexicon(self) -> Lexicon:
        return self.crf.featurizer.lexicon

    @property
    def featurizer(self) -> Any:
        return self.crf.featurizer

    @property
    def name(self) -> str:
        return str(self.meta["name"])

    def tag(self, views: list[View], *, with_scores: bool = True) -> tuple[list[str], list[float]]:
        return self.tag_document([views], consistency=False, with_scores=with_scores)[0]

    def tag_document(self, sentences: list[list[View]], *, consistency: bool | None = None,
                     with_scores: bool = True) -> list[tuple[list[str], list[float]]]:
        w = self.weight
        nn_p = self.net.probabilities(sentences)
        probs = [w * q + (1 - w) * crf_probabilities(self.crf, v) for v, q in zip(sentences, nn_p, strict=True)]
        return finish(self.lexicon, sentences, probs, True if consistency is None else consistency)
