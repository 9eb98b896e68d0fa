"""The CoNLL interface of the builtin tagger: tagging and scoring token-per-line files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from seedx.evaluate.conll import Scores
from seedx.stages.ner.data import read_conll


def _tagger(model: Path | None):  # noqa: ANN202 - CrfTagger or NeuralTagger
    from seedx.stages.ner import load_builtin, load_neural
    from seedx.stages.ner.backends import builtin_model_dir

    path = builtin_model_dir(model)
    return load_neural(str(path)) if (path / "weights.pt").exists() else load_builtin(str(path))


def tag_conll(path: Path, model: Path | None = None) -> Iterator[str]:
    """`token<TAB>tag` lines, a blank line after each sentence; runs of sentences are tagged as documents."""
    from seedx.stages.ner.train import DOC_WINDOW, views

    tagger = _tagger(model)
    sents = [w for w, _ in read_conll(path, tagged=False)]
    for i in range(0, len(sents), DOC_WINDOW):
        part = sents[i : i + DOC_WINDOW]
        for words, (tags, _) in zip(part, tagger.tag_document([views(w) for w in part], with_scores=False),
                                    strict=True):
            for w, t in zip(words, tags, strict=True):
                yield f"{w}\t{t}"
            yield ""


def eval_conll(path: Path, model: Path | None = None) -> Scores:
    """conlleval scores of the builtin model on a gold CoNLL file (the figure in the model card)."""
    from seedx.stages.ner.train import evaluate_tagger

    return evaluate_tagger(_tagger(model), list(read_conll(path)))


def time_model(path: Path, model: Path | None = None) -> dict[str, float]:
    """Load time (first load in this process) and tagging speed over a CoNLL file's tokens."""
    import time

    from seedx.stages.ner import load_builtin, load_neural
    from seedx.stages.ner.train import measure_speed

    load_builtin.cache_clear()
    load_neural.cache_clear()
    t = time.perf_counter()
    tagger = _tagger(model)
    load_s = time.perf_counter() - t
    return {"load_seconds": round(load_s, 3),
            "tokens_per_second": round(measure_speed(tagger, list(read_conll(path, tagged=False))))}
