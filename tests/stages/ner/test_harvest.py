from __future__ import annotations

from pathlib import Path

from seedx.stages.ner import harvest
from seedx.stages.ner.lexicon import build_lexicon


def test_harvests_words_that_mostly_follow_head_nouns(tmp_path: Path) -> None:
    text = tmp_path / "corpus.txt"
    lines = ["زار الوفد مدينه القصرين امس"] * 6 + ["وصل السيد زيريهون اليوم"] * 5 + ["في مدينه كبيره"] * 5
    lines += ["كبيره جدا"] * 30  # كبيره follows مدينه 5 times but is a common word
    text.write_text("\n".join(lines) + "\n", encoding="utf-8")
    names = harvest.harvest(text, min_after=5)
    assert names["LOC"] == [("قصرين", 6)]
    assert names["PER"] == [("زيريهون", 5)]
    harvest.save(names, tmp_path / "h.tsv.gz")
    assert harvest.load(tmp_path / "h.tsv.gz") == {"LOC": ["قصرين"], "PER": ["زيريهون"]}
    lex, counts = build_lexicon(tmp_path / "no-corpora", harvested=tmp_path / "h.tsv.gz")
    assert counts["harvested/LOC"] == 1 and "HRV-LOC" in lex.single["قصرين"]
    assert "قصرين" not in lex.cue_words
