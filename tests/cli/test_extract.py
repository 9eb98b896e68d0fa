"""The extract/run/stages/schema commands through Typer's runner and once as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seedx.cli import app
from seedx.record import Record

runner = CliRunner()
FAST = ["--until", "tokenize"]


def invoke(args: list[str], input: bytes | str | None = None):  # noqa: ANN201
    return runner.invoke(app, args, input=input)


def test_every_command_has_help() -> None:
    result = invoke(["--help"])
    assert result.exit_code == 0
    for cmd in ("extract", "run", "stages", "schema"):
        sub = invoke([cmd, "--help"])
        assert sub.exit_code == 0, cmd
        assert len(sub.output.strip()) > 40


def test_extract_writes_one_valid_record_per_article(raw_dir: Path, tmp_path: Path) -> None:
    result = invoke(["extract", str(raw_dir), "-o", str(tmp_path), *FAST])
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in tmp_path.glob("*.json"))
    expected = {p.stem for p in raw_dir.glob("*.txt")} | {"meeting-gulf-2023"}
    assert {Path(f).stem for f in files} == expected
    for f in tmp_path.glob("*.json"):
        rec = Record.model_validate_json(f.read_bytes())
        assert rec.schema_version == "1"
        assert list(rec.pipeline.stages) == ["normalize", "tokenize"]
    meeting = Record.model_validate_json((tmp_path / "meeting-gulf-2023.json").read_bytes())
    assert meeting.published.value == "2023-11-20" and meeting.published.source == "input"
    assert meeting.meta == {"section": "سياسة"}
    assert not (tmp_path / "errors.jsonl").exists()


def test_jsonl_from_stdin_prints_only_records(tmp_path: Path) -> None:
    lines = "\n".join(json.dumps({"id": f"a{i}", "text": f"خبر رقم {i}"}, ensure_ascii=False) for i in range(3))
    result = runner.invoke(app, ["extract", "-", "--jsonl", "-o", str(tmp_path), *FAST], input=lines)
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc_id"] for r in out] == ["a0", "a1", "a2"]


def test_plain_text_on_stdin(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", "-", "--jsonl", "-o", str(tmp_path), *FAST], input="خبر عاجل من غزة")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["doc_id"] == "stdin"


def test_bad_inputs_are_logged_and_exit_1_without_losing_good_ones(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "bin.txt").write_bytes(b"\x00\x01\x02")
    (src / "bad.txt").write_bytes(b"\xff\xfe abc")
    (src / "good.txt").write_text("نص سليم تماما", encoding="utf-8")
    (src / "mixed.jsonl").write_text('{"id": "j1", "text": "نص"}\nnot json\n{"id": "j3"}\n', encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(["extract", str(src), "-o", str(out), *FAST])
    assert result.exit_code == 1
    assert sorted(p.name for p in out.glob("*.json")) == ["good.json", "j1.json"]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert sorted(e["code"] for e in errors) == ["E_BINARY", "E_EMPTY", "E_JSONL", "E_NO_TEXT", "E_UTF8"]
    assert {e["line"] for e in errors if e["code"].startswith("E_J") or e["code"] == "E_NO_TEXT"} == {2, 3}
    assert "invalid UTF-8 at byte offset 0" in result.stderr
    assert not list(out.glob(".tmp-*"))


def test_hostile_and_duplicate_ids_stay_inside_the_output_dir(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [{"id": "../../escape", "text": "نص"}, {"id": "a/b\u0000c", "text": "نص"}, {"id": "dup", "text": "أول"},
            {"id": "dup", "text": "ثان"}]
    src.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    assert invoke(["extract", str(src), "-o", str(out), *FAST]).exit_code == 0
    written = sorted(out.glob("*.json"))
    assert len(written) == 4
    assert not (tmp_path / "escape.json").exists() and not (tmp_path.parent / "escape.json").exists()
    ids = sorted(json.loads(p.read_text())["doc_id"] for p in written)
    assert ids == sorted(r["id"] for r in rows)


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert invoke(["extract", str(tmp_path), "--until", "nope"]).exit_code == 2
    assert invoke(["extract", str(tmp_path), "--published", "yesterday"]).exit_code == 2
    assert invoke(["run", "nope", str(tmp_path)]).exit_code == 2


def test_cache_is_used_on_rerun_and_force_ignores_it(raw_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("seedx.stages.dates")
    args = ["extract", str(raw_dir / "02_levantine_statement.txt"), "-o", str(tmp_path), "--until", "dates", "-v"]
    first = invoke(args)
    assert first.exit_code == 0 and "dates (cached)" not in first.stderr
    second = invoke([*args, "--jsonl"])  # files would be resumed (skipped) rather than re-read from the cache
    assert "dates (cached)" in second.stderr
    third = invoke([*args, "--force"])
    assert "dates (cached)" not in third.stderr


def test_run_one_stage_and_rerun_it_from_saved_documents(raw_dir: Path, tmp_path: Path) -> None:
    result = invoke(["run", "tokenize", str(raw_dir / "01_conference_announced.txt")])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["seedx_document"] == 1 and doc["tokens"] and list(doc["stages"]) == ["normalize", "tokenize"]
    saved = tmp_path / "docs.jsonl"
    saved.write_text(result.stdout, encoding="utf-8")
    again = invoke(["run", "tokenize", str(saved)])
    assert again.exit_code == 0
    assert json.loads(again.stdout)["tokens"] == doc["tokens"]


def test_stages_lists_the_registry() -> None:
    result = invoke(["stages"])
    assert result.exit_code == 0
    for name in ("normalize", "tokenize", "ner", "dates", "events"):
        assert name in result.stdout


def test_schema_matches_the_committed_copy() -> None:
    committed = Path(__file__).resolve().parents[2] / "src" / "seedx" / "schema" / "record.schema.json"
    result = invoke(["schema"])
    assert json.loads(result.stdout) == json.loads(committed.read_text(encoding="utf-8")), (
        "record models changed: regenerate with `seedx schema > src/seedx/schema/record.schema.json`"
    )


def test_real_subprocess_pipes_jsonl(raw_dir: Path, tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "seedx", "extract", str(raw_dir), "--jsonl", "-o", str(tmp_path), "-q", *FAST],
        capture_output=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(records) == 5
    assert proc.stderr == b""


def test_records_do_not_depend_on_the_hash_seed(raw_dir: Path, tmp_path: Path) -> None:
    """Set iteration order changes with PYTHONHASHSEED; no rule may depend on it."""
    import os

    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-m", "seedx", "extract", str(raw_dir), "--jsonl", "-q", "--no-cache",
                               "-w", "1", "-o", str(tmp_path / seed)], capture_output=True, timeout=120, check=False,
                              env=env)
        assert proc.returncode == 0, proc.stderr.decode()
        outs.append(proc.stdout)
    assert outs[0] == outs[1]
