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
