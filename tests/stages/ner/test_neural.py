"""The neural tagger on a tiny corpus: trains, saves, loads, tags valid IOB2, ensembles with the CRF."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("gensim")

from seedx.evaluate.conll import chunks  # noqa: E402
from seedx.stages.ner.data import chunk, read_conll  # noqa: E402
from seedx.stages.ner.lexicon import Lexicon  # noqa: E402
from seedx.stages.ner.neural import TAGS, EnsembleTagger, NeuralTagger, decode  # noqa: E402
from seedx.stages.ner.train_neural import NeuralConfig, train, views  # noqa: E402


def _valid(tags: list[str]) -> bool:
    prev = "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            return False
        prev = t
    return True


@pytest.fixture(scope="module")
def tiny_neural(tmp_path_factory: pytest.TempPathFactory, tiny_model: tuple[Path, Path]) -> tuple[Path, Path]:
    from gensim.models import KeyedVectors

    _, ner = tiny_model
    root = tmp_path_factory.mktemp("nn")
    kv = KeyedVectors(vector_size=8)
    rng = np.random.default_rng(0)
    vocab = ["قال", "الرئيس", "في", "الي", "عن", "من", "غزه", "حماس"]
    kv.add_vectors(vocab, rng.normal(size=(len(vocab), 8)).astype(np.float32))
    kv.save(str(root / "vectors.kv"))
    lex = Lexicon()
    lex.add("GAZ-LOC", ("غزه",))
    lex.add("GAZ-PER", ("محمود", "عباس"))
    lex.add("TITLE", ("رئيس",))
    lex.reindex()
    lex.save(root / "lexicon.tsv.gz")
    cfg = NeuralConfig(hidden=16, char_filters=8, batch=4, max_epochs=12, patience=12, heldout=0.2, lr=2e-2,
                       dropout=0.1, crf=True)
    train(root / "ner-nn", ner, root / "vectors.kv", root / "lexicon.tsv.gz", cfg, log=lambda s: None, dev=False)
    return root / "ner-nn", ner


def test_writes_weights_vocab_and_lexicon(tiny_neural: tuple[Path, Path]) -> None:
    out, _ = tiny_neural
    for name in ("weights.pt", "vocab.json", "lexicon.tsv.gz"):
        assert (out / name).exists(), name
    state = torch.load(out / "weights.pt", weights_only=True)
    assert all(v.dtype == torch.float16 for v in state.values())


def test_loads_and_tags_valid_iob2_with_scores(tiny_neural: tuple[Path, Path]) -> None:
    out, _ = tiny_neural
    tagger = NeuralTagger.load(out)
    sents = [views("وصل خالد مشعل إلى الدوحة .".split()), [],
             views("التقى عباس وفدا من الأمم المتحدة في القاهرة".split())]
    probs = tagger.probabilities(sents)
    assert [p.shape for p in probs] == [(6, len(TAGS)), (0, len(TAGS)), (8, len(TAGS))]
    assert np.allclose(probs[0].sum(axis=1), 1.0, atol=1e-4)
    tagged = tagger.tag_document(sents)
    assert [len(t) for t, _ in tagged] == [6, 0, 8]
    for tags, scores in tagged:
        assert _valid(tags) and all(t in TAGS for t in tags)
        assert all(0.0 <= s <= 1.0 for s in scores)
        assert all(s == 1.0 for t, s in zip(tags, scores, strict=True) if t == "O")
    assert "غزه" in tagger.featurizer.lexicon.known_places


def test_tiny_model_learns_something(tiny_neural: tuple[Path, Path]) -> None:
    out, _ = tiny_neural
    tags, _ = NeuralTagger.load(out).tag(views("وصل خالد مشعل إلى الدوحة .".split()))
    assert chunks(tags), tags


def test_decode_never_opens_with_inside_tags() -> None:
    rng = np.random.default_rng(3)
    for _ in range(50):
        p = rng.dirichlet(np.ones(len(TAGS)) * 0.3, size=7)
        tags = [TAGS[j] for j in decode(p)]
        assert _valid(tags)
    # A lone I-PER is repaired to its best valid neighbour sequence, not kept.
    p = np.full((2, len(TAGS)), 0.01)
    p[0, TAGS.index("O")] = 0.9
    p[1, TAGS.index("I-PER")] = 0.6
    p[1, TAGS.index("B-PER")] = 0.3
    assert [TAGS[j] for j in decode(p)] == ["O", "B-PER"]


def test_ensemble_with_the_crf(tiny_neural: tuple[Path, Path], tiny_model: tuple[Path, Path]) -> None:
    from seedx.stages.ner.crf import CrfTagger

    out, _ = tiny_neural
    ens = EnsembleTagger(CrfTagger.load(tiny_model[0]), NeuralTagger.load(out), 0.5)
    tagged = ens.tag_document([views("وصل خالد مشعل إلى الدوحة .".split())])
    tags, scores = tagged[0]
    assert len(tags) == len(scores) == 6 and _valid(tags)
    assert ("B-LOC" in tags) and ("B-PER" in tags)


def test_stacked_model_reads_the_crf_marginals(tiny_neural: tuple[Path, Path], tiny_model: tuple[Path, Path]) -> None:
    from seedx.stages.ner.train_neural import jackknife

    crf_dir, ner = tiny_model
    root = tiny_neural[0].parent
    marginals = jackknife(crf_dir, ner, root / "jk" / "train.npz", folds=2, log=lambda s: None)
    data = np.load(marginals)
    n = len(chunk(list(read_conll(ner / "anercorp" / "train.txt"))))
    assert len(data.files) == n and np.allclose(data["arr_0"].sum(axis=1), 1.0, atol=1e-4)
    # The CRF is found as a sibling directory of the stacked model, by name.
    out = crf_dir.parent / "ner-nn-stacked"
    cfg = NeuralConfig(hidden=16, char_filters=8, batch=4, max_epochs=3, patience=3, heldout=0.2, lr=2e-2,
                       stack=crf_dir.name)
    train(out, ner, root / "vectors.kv", root / "lexicon.tsv.gz", cfg, log=lambda s: None, dev=False,
          stack_marginals=marginals)
    tagger = NeuralTagger.load(out)
    assert tagger.crf is not None and tagger.net.cfg.stack == crf_dir.name
    tags, scores = tagger.tag(views("وصل خالد مشعل إلى الدوحة .".split()))
    assert len(tags) == len(scores) == 6 and _valid(tags)
