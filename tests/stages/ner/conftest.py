"""A tiny NER corpus laid out like ../shared/ner, for training-path tests."""

from __future__ import annotations

from pathlib import Path

import pytest

SENTS = [
    [("قال", "O"), ("الرئيس", "O"), ("محمود", "B-PERS"), ("عباس", "I-PERS"), ("في", "O"), ("رام", "B-LOC"),
     ("الله", "I-LOC"), (".", "O")],
    [("وصل", "O"), ("خالد", "B-PERS"), ("مشعل", "I-PERS"), ("إلى", "O"), ("الدوحة", "B-LOC"), (".", "O")],
    [("أعلنت", "O"), ("حركة", "B-ORG"), ("حماس", "I-ORG"), ("عن", "O"), ("مؤتمر", "O"), ("في", "O"),
     ("غزة", "B-LOC"), (".", "O")],
    [("التقى", "O"), ("عباس", "B-PERS"), ("وفدا", "O"), ("من", "O"), ("الأمم", "B-ORG"), ("المتحدة", "I-ORG"),
     ("في", "O"), ("القاهرة", "B-LOC"), (".", "O")],
]


def make_corpus(root: Path) -> Path:
    """root/ner/anercorp/{train,dev}.txt; the train split repeats the sentences five times."""
    ner = root / "ner"
    (ner / "anercorp").mkdir(parents=True)
    text = "\n\n".join("\n".join(f"{w} {t}" for w, t in s) for s in SENTS) + "\n"
    (ner / "anercorp" / "train.txt").write_text(text * 5, encoding="utf-8")
    (ner / "anercorp" / "dev.txt").write_text(text, encoding="utf-8")
    return ner


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(model dir, corpus dir) of a CRF trained on the tiny corpus, shared by the tests."""
    from seedx.stages.ner.train import TrainConfig, train

    root = tmp_path_factory.mktemp("tiny")
    ner = make_corpus(root)
    train(root / "ner-tiny", ner, TrainConfig(sources=["anercorp"], max_iterations=30), clusters=None,
          log=lambda s: None)
    return root / "ner-tiny", ner
