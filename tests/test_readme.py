from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_schema_section_is_generated_from_the_models() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "schema_doc.py"), "--check"], check=False)
    assert proc.returncode == 0, "README schema is stale: run `python tools/schema_doc.py`"


def test_readme_names_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make extract" in text and "make test" in text


def _example_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text[text.index("<!-- example:start -->"): text.index("<!-- example:end -->")]


def test_readme_worked_example_is_what_seedx_extracts() -> None:
    """The record lines the README shows under each jq command are the pipeline's current output."""
    import json

    from seedx.document import Document
    from seedx.pipeline import Runner, to_record

    block = _example_block()
    name = "02_levantine_statement.txt"
    assert f"data/raw/{name}" in block
    raw = (ROOT / "data" / "raw" / name).read_text(encoding="utf-8")
    doc = Runner(options={"ner": "builtin"}).run(Document(id="02_levantine_statement", raw=raw))
    rec = json.loads(to_record(doc).model_dump_json())
    expected = [json.dumps(rec["published"], ensure_ascii=False, separators=(",", ":"))]
    expected += [json.dumps([e["id"], e["text"], e["label"], e["start"], e["end"], e["score"]], ensure_ascii=False,
                            separators=(",", ":")) for e in rec["entities"]]
    expected += [json.dumps([t["id"], t["text"], t["type"], t["value"], t["anchor"]], ensure_ascii=False,
                            separators=(",", ":")) for t in rec["timexes"]]
    keys = ("id", "type", "trigger", "speaker", "time", "location", "participants", "quote", "status")
    expected += [json.dumps({k: (v["trigger"]["text"] if k == "trigger" else (v["quote"] or {}).get("text")
                                 if k == "quote" else v[k]) for k in keys}, ensure_ascii=False, separators=(",", ":"))
                 for v in rec["events"]]
    shown = [line for line in block.splitlines() if line.startswith(('["', '{"'))]
    # jq prints whole numbers without a fraction (a score of 1.0 as 1)
    assert shown == [line.replace(",1.0]", ",1]") for line in expected]
