"""The numpy CRF decoder against crfsuite's tagger, on real text and on a brute-forced toy model."""

from __future__ import annotations

import gzip
import itertools
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from seedx.document import Document
from seedx.io import read_inputs
from seedx.stages.ner import _view, tagging_units
from seedx.stages.ner.backends import BUILTIN_MODEL, repo_root
from seedx.stages.ner.crf import CrfTagger
from seedx.stages.ner.decode import CrfWeights, decode
from seedx.stages.ner.features import View
from seedx.stages.normalize import normalize
from seedx.stages.tokenize import tokenize

MODEL = repo_root() / "models" / BUILTIN_MODEL
CORPUS = repo_root().parent / "shared" / "corpus" / "news.jsonl.gz"
CORPUS_ARTICLES = 300
needs_model = pytest.mark.skipif(not (MODEL / "model.crfsuite").exists(), reason="models/ner-1 is not built")


def _documents(raw_dir: Path) -> list[list[list[View]]]:
    """Sentences of Views of data/raw, ../shared/seeds and the corpus' first articles (those present)."""
    texts: list[str] = []
    for d in (raw_dir, repo_root().parent / "shared" / "seeds"):
        if d.is_dir():
            texts += [doc.raw for doc in read_inputs([str(d)]) if isinstance(doc, Document)]
    if CORPUS.exists():
        with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in itertools.islice(f, CORPUS_ARTICLES)]
    docs = [tokenize(normalize(Document(id=str(i), raw=t))) for i, t in enumerate(texts)]
    return [[[_view(t) for t in s] for s in tagging_units(d.tokens)] for d in docs]


@pytest.fixture(scope="module")
def documents() -> list[list[list[View]]]:
    return _documents(repo_root() / "data" / "raw")


@needs_model
@pytest.mark.parametrize("cache_size", [30_000, 64])
def test_same_tags_and_scores_as_crfsuite(documents: list[list[list[View]]], cache_size: int) -> None:
    """Every sentence: identical tags; marginals equal to 1e-9 (a small cache exercises eviction too)."""
    reference = CrfTagger.load(MODEL, decoder="crfsuite")
    fast = CrfTagger(MODEL, replace(reference.featurizer, cache_size=cache_size), reference.meta, "numpy")
    assert fast._scorer is not None
    sentences = 0
    for doc in documents:
        want = reference.tag_document(doc)
        got = fast.tag_document(doc)
        assert [t for t, _ in got] == [t for t, _ in want]
        for (_, gs), (_, ws) in zip(got, want, strict=True):
            assert np.allclose(gs, ws, rtol=0, atol=1e-9)
        sentences += len(doc)
    assert sentences > (1000 if CORPUS.exists() else 10)
    one = documents[0][0]
    (got_tags, got_scores), (want_tags, want_scores) = fast.tag(one), reference.tag(one)
    assert got_tags == want_tags and np.allclose(got_scores, want_scores, rtol=0, atol=1e-9)
    assert fast.tag(one, with_scores=False) == reference.tag(one, with_scores=False)
    assert fast.tag([]) == ([], [])


@needs_model
def test_weights_are_read_at_full_precision() -> None:
    """The file's float64 weights, where Tagger.info() rounds to six decimals."""
    weights = CrfWeights.load(MODEL / "model.crfsuite")
    info = CrfTagger.load(MODEL, decoder="crfsuite")._tagger.info()
    assert set(weights.labels) == set(info.labels)
    for (a, y), w in itertools.islice(info.state_features.items(), 2000):
        assert abs(weights.state[weights.attributes[a], weights.labels.index(y)] - w) <= 5e-7
    for (a, b), w in info.transitions.items():
        assert abs(weights.transitions[weights.labels.index(a), weights.labels.index(b)] - w) <= 5e-7
    assert not np.all(weights.state == np.round(weights.state, 6))
    assert not weights.state[weights.pad].any()
    assert weights.known == frozenset(a for a, _ in info.state_features)
    assert weights.attributes == {a: int(i) for a, i in info.attributes.items()}
    assert weights.labels == tuple(sorted(info.labels, key=lambda y: int(info.labels[y])))


def _brute_force(x: np.ndarray, trans: np.ndarray) -> tuple[list[int], np.ndarray]:
    """Best path (first in label order on ties, like crfsuite) and marginals by enumerating every path."""
    n, n_lab = x.shape
    paths = list(itertools.product(range(n_lab), repeat=n))
    scores = np.array([sum(x[t, p[t]] for t in range(n)) + sum(trans[p[t - 1], p[t]] for t in range(1, n))
                       for p in paths])
    probs = np.exp(scores - scores.max())
    probs /= probs.sum()
    marg = np.zeros((n, n_lab))
    for p, pr in zip(paths, probs, strict=True):
        for t in range(n):
            marg[t, p[t]] += pr
    return list(paths[int(scores.argmax())]), marg


def test_decode_matches_enumeration() -> None:
    """Sentences of several lengths decoded together, each as if alone."""
    rng = np.random.default_rng(7)
    n_lab = 3
    trans = rng.normal(size=(n_lab, n_lab)) * 2
    emissions = [rng.normal(size=(n, n_lab)) * 3 for n in (1, 5, 2, 6, 3, 0, 4)]
    for (labels, probs), x in zip(decode(emissions, trans), emissions, strict=True):
        if not len(x):
            assert len(labels) == 0
            continue
        best, marg = _brute_force(x, trans)
        assert labels.tolist() == best
        assert probs is not None
        assert np.allclose(probs, marg[np.arange(len(x)), best], atol=1e-12)


def test_decode_skips_marginals_of_outside_only_sentences() -> None:
    trans = np.zeros((2, 2))
    outside_only = np.array([[5.0, 0.0], [5.0, 0.0]])
    named = np.array([[0.0, 5.0]])
    (a, pa), (b, pb) = decode([outside_only, named], trans, outside=0)
    assert a.tolist() == [0, 0] and pa is None
    assert b.tolist() == [1] and pb is not None and 0.99 < pb[0] < 1
    assert all(p is None for _, p in decode([named], trans, marginals=False))


def test_ties_go_to_the_first_label() -> None:
    (labels, _), = decode([np.zeros((4, 3))], np.zeros((3, 3)))
    assert labels.tolist() == [0, 0, 0, 0]
