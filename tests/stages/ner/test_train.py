"""The training code path on a tiny corpus: files written, deterministic, usable by the stage."""

from __future__ import annotations

from pathlib import Path

from seedx.document import Document
from seedx.stages.ner import load_builtin, run
from seedx.stages.ner.crf import CrfTagger
from seedx.stages.ner.train import TrainConfig, train
from seedx.stages.normalize import normalize
from seedx.stages.tokenize import tokenize


def test_writes_model_lexicon_and_card(tiny_model: tuple[Path, Path]) -> None:
    out, _ = tiny_model
    for name in ("model.crfsuite", "lexicon.tsv.gz", "model.json", "README.md"):
        assert (out / name).exists(), name
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "ANERcorp" in card and "| micro |" in card and "tokens/s" in card


def test_training_is_deterministic(tiny_model: tuple[Path, Path], tmp_path: Path) -> None:
    out, ner = tiny_model
    train(tmp_path / "again", ner, TrainConfig(sources=["anercorp"], max_iterations=30), clusters=None,
          log=lambda s: None, card=False)
    assert (tmp_path / "again" / "model.crfsuite").read_bytes() == (out / "model.crfsuite").read_bytes()


def test_tiny_model_learns_its_training_data(tiny_model: tuple[Path, Path]) -> None:
    out, _ = tiny_model
    meta = CrfTagger.load(out).meta
    assert meta["dev"]["micro"]["f1"] > 0.9


def test_stage_runs_with_a_given_model(tiny_model: tuple[Path, Path]) -> None:
    out, _ = tiny_model
    load_builtin.cache_clear()
    doc = tokenize(normalize(Document(id="x", raw="وصل خالد مشعل إلى الدوحة.")))
    doc = run(doc, {"ner": "builtin", "ner_model": str(out)})
    got = [(e.text, e.label) for e in doc.entities]
    assert ("خالد مشعل", "PER") in got and ("الدوحة", "LOC") in got
    assert all(0.0 < (e.score or 0) <= 1.0 for e in doc.entities)
