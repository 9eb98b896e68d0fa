"""`--ner neural` through the stage, on the shipped stacked model."""

from __future__ import annotations

from pathlib import Path

import pytest

from seedx.document import Document
from seedx.pipeline import Runner, stages_until

MODEL = Path(__file__).resolve().parents[3] / "models" / "ner-nn-1" / "weights.pt"


@pytest.mark.skipif(not MODEL.exists(), reason="models/ner-nn-1 is not shipped in this checkout")
def test_neural_backend_tags_through_the_stage() -> None:
    pytest.importorskip("torch")
    raw = "وقال رئيس المؤسسة سامر الخطيب في عمّان إن وزارة التربية والتعليم الأردنية ستتسلم التوصيات."
    doc = Runner(stages=stages_until("ner"), options={"ner": "neural"}).run(Document(id="n", raw=raw))
    assert doc.stages["ner"]["backend"] == "neural"
    found = {(e.text, e.label) for e in doc.entities}
    assert ("سامر الخطيب", "PER") in found
    assert ("عمّان", "LOC") in found
    for e in doc.entities:
        assert raw[e.start : e.end] == e.text
        assert e.score is not None and 0 < e.score <= 1
