"""Regenerate the README's record-schema section from the Pydantic models.

Usage: python tools/schema_doc.py [--check]
The section sits between `<!-- schema:start -->` and `<!-- schema:end -->`.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import sys
from pathlib import Path

from pydantic import BaseModel

from seedx import record

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- schema:start -->", "<!-- schema:end -->"
MODELS = [record.Record, record.Published, record.Entity, record.Timex, record.Event, record.Span, record.Offsets,
          record.Pipeline, record.StageRun]


def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """Docstrings written under each field (the attribute-docstring convention)."""
    tree = ast.parse(inspect.getsource(model))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs: dict[str, str] = {}
    for prev, node in zip(body, body[1:]):
        if (isinstance(prev, ast.AnnAssign) and isinstance(prev.target, ast.Name) and isinstance(node, ast.Expr)
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
            docs[prev.target.id] = " ".join(node.value.value.split())
    return docs


def type_name(annotation: object) -> str:
    s = str(annotation).replace("typing.", "").replace("seedx.record.", "")
    return s.replace("<class '", "").replace("'>", "")


def render() -> str:
    lines = [START, "", "_Generated from `src/seedx/record.py` by `python tools/schema_doc.py`; "
             "the JSON Schema is `seedx schema`._", ""]
    for model in MODELS:
        lines += [f"**{model.__name__}**: {(model.__doc__ or '').strip().splitlines()[0]}", "",
                  "| field | type | meaning |", "|---|---|---|"]
        docs = field_docs(model)
        for name, info in model.model_fields.items():
            t = type_name(info.annotation).replace("|", "\\|")
            lines.append(f"| `{name}` | `{t}` | {docs.get(name, '')} |")
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="exit 1 if the README is out of date")
    args = ap.parse_args()
    text = README.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    new = head + render() + tail
    if args.check:
        return 0 if new == text else 1
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
