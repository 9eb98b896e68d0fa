"""The committed model (models/ner-1): it loads, tags news text sensibly and keeps its dev score."""

from __future__ import annotations

from pathlib import Path

import pytest

from seedx.document import Document
from seedx.stages.ner import load_builtin, run
from seedx.stages.ner.backends import BUILTIN_MODEL, repo_root
from seedx.stages.normalize import normalize
from seedx.stages.tokenize import tokenize

MODEL = repo_root() / "models" / BUILTIN_MODEL
pytestmark = pytest.mark.skipif(not (MODEL / "model.crfsuite").exists(), reason="models/ner-1 is not built")


def test_model_files_are_small_and_complete() -> None:
    files = {p.name: p.stat().st_size for p in MODEL.iterdir()}
    assert {"model.crfsuite", "lexicon.tsv.gz", "clusters.tsv.gz", "model.json", "README.md"} <= set(files)
    assert sum(files.values()) < 50 * 2**20


def test_tags_an_article() -> None:
    raw = ("قال رئيس المكتب السياسي لحركة حماس خالد مشعل في إسطنبول إن الاحتلال يهدد القدس.\n"
           "وأضاف مشعل أن الحركة ستواصل العمل.")
    doc = run(tokenize(normalize(Document(id="a", raw=raw))), {"ner": "builtin"})
    got = {(e.text, e.label, e.canonical) for e in doc.entities}
    assert ("خالد مشعل", "PER", "خالد مشعل") in got
    assert ("مشعل", "PER", "خالد مشعل") in got
    assert ("إسطنبول", "LOC", "إسطنبول") in got
    assert ("القدس", "LOC", "القدس") in got
    assert ("حركة حماس", "ORG", "حركة حماس") in got
    assert all(raw[e.start : e.end] == e.text and 0 < e.score <= 1 for e in doc.entities)


def test_dev_score_holds(shared: Path) -> None:
    from seedx.stages.ner.data import read_conll
    from seedx.stages.ner.train import evaluate_tagger

    dev = list(read_conll(shared / "ner" / "anercorp" / "dev.txt"))
    f1 = evaluate_tagger(load_builtin(str(MODEL)), dev).prf()[2]
    recorded = load_builtin(str(MODEL)).meta["dev"]["micro"]["f1"]
    # A floor, not an equality: the document consistency pass (consistency.py) runs after the model and
    # may improve on the figure recorded at training time (0.764 → 0.770 for issue 5), never fall below it.
    assert f1 >= recorded - 0.002
    assert f1 > 0.7
