from __future__ import annotations

from pathlib import Path

from seedx.stages.ner.data import chunk, map_tag, read_conll, repair_iob


def test_map_tag_unifies_corpora() -> None:
    assert map_tag("B-PERS") == "B-PER"
    assert map_tag("I-MIS") == "I-MISC"
    assert map_tag("B-GPE") == "B-LOC"
    assert map_tag("O") == "O"
    assert map_tag("B-DATE") == "O"


def test_repair_iob_reads_stray_inside_as_begin() -> None:
    assert repair_iob(["O", "I-PER", "I-PER", "I-LOC", "B-ORG", "I-ORG"]) == [
        "O", "B-PER", "I-PER", "B-LOC", "B-ORG", "I-ORG"]


def test_read_conll_ignores_extra_columns(tmp_path: Path) -> None:
    f = tmp_path / "x.conll"
    f.write_text("خالد\tNNP\tB-PERS\nمشعل\tNNP\tI-PERS\n\nفي O\nغزة B-LOC\n", encoding="utf-8")
    assert list(read_conll(f)) == [(["خالد", "مشعل"], ["B-PER", "I-PER"]), (["في", "غزة"], ["O", "B-LOC"])]
    assert [t for _, t in read_conll(f, tagged=False)] == [["O", "O"], ["O", "O"]]


def test_chunk_does_not_cut_inside_an_entity() -> None:
    words = [str(i) for i in range(10)]
    tags = ["O"] * 4 + ["B-ORG", "I-ORG", "I-ORG"] + ["O"] * 3
    parts = chunk([(words, tags)], size=6)
    assert [len(w) for w, _ in parts] == [4, 6]
    assert parts[1][1][0] == "B-ORG"
