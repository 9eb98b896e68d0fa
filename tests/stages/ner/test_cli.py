"""The NER commands end to end, with a tiny model trained in a temp dir."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from seedx.cli import app

runner = CliRunner()


def test_tag_conll_prints_token_tab_tag(tiny_model: tuple[Path, Path], tmp_path: Path) -> None:
    m, _ = tiny_model
    f = tmp_path / "in.conll"
    f.write_text("وصل\tx\nخالد\tx\nمشعل\nإلى\nالدوحة\n\nقال\tعباس\n", encoding="utf-8")
    res = runner.invoke(app, ["tag", "--conll", str(f), "--model", str(m)])
    assert res.exit_code == 0, res.output
    lines = res.output.split("\n")
    assert lines[:6] == ["وصل\tO", "خالد\tB-PER", "مشعل\tI-PER", "إلى\tO", "الدوحة\tB-LOC", ""]
    assert lines[6].startswith("قال\t") and len([x for x in lines if x]) == 6


def test_eval_ner_reports_per_type(tiny_model: tuple[Path, Path]) -> None:
    m, ner = tiny_model
    res = runner.invoke(app, ["eval", "ner", str(ner / "anercorp" / "dev.txt"), "--model", str(m), "--json"])
    assert res.exit_code == 0, res.output
    scores = json.loads(res.output)
    assert set(scores) >= {"PER", "LOC", "ORG", "micro"}
    assert scores["micro"]["gold"] == 9 and scores["micro"]["f1"] > 0.9
    res = runner.invoke(app, ["eval", "ner", str(ner / "anercorp" / "dev.txt"), "--model", str(m)])
    assert "FB1" in res.output and "PER: precision" in res.output


def test_eval_entities_on_a_gold_set(tiny_model: tuple[Path, Path], tmp_path: Path) -> None:
    m, _ = tiny_model
    gold = tmp_path / "gold"
    gold.mkdir()
    raw = "وصل خالد مشعل إلى الدوحة."
    (gold / "input.jsonl").write_text(json.dumps({"id": "d1", "text": raw}, ensure_ascii=False) + "\n", "utf-8")
    ents = [{"id": "e1", "text": "خالد مشعل", "start": 4, "end": 13, "label": "PER", "canonical": "خالد مشعل"},
            {"id": "e2", "text": "الدوحة", "start": 18, "end": 24, "label": "LOC", "canonical": "الدوحة"},
            {"id": "e3", "text": "مشعل", "start": 8, "end": 13, "label": "ORG", "canonical": "مشعل"}]
    (gold / "d1.json").write_text(json.dumps({"doc_id": "d1", "entities": ents}, ensure_ascii=False), "utf-8")
    res = runner.invoke(app, ["eval", "entities", "--gold", str(gold), "--ner", "builtin", "--model", str(m),
                              "--json"])
    assert res.exit_code == 0, res.output
    micro = json.loads(res.output)["all"]["strict"]["micro"]
    assert (micro["tp"], micro["gold"]) == (2, 3)


def test_models_lists_backends_with_install_commands(tiny_model: tuple[Path, Path]) -> None:
    m, _ = tiny_model
    res = runner.invoke(app, ["models", "--model", str(m)])
    assert res.exit_code == 0, res.output
    assert "builtin  installed" in res.output
    for name in ("camel", "stanza"):
        assert name in res.output
    assert "--ner auto uses:" in res.output
