"""`seedx eval timex`: score the dates stage against gold sets.

Only typer and the standard library at top level; the work is in
seedx.evaluate.timex, imported when the command runs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def eval_timex(
    gold: Annotated[list[Path], typer.Option(
        "--gold", help="Gold set dir (with input.jsonl), or a parent of several; repeatable.")],
    input: Annotated[Path | None, typer.Option(
        "--input", help="Input JSONL to run instead of each set's input.jsonl.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable scores.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="Print misses, spurious timexes and wrong values.")] = False,
) -> None:
    """Detection P/R/F1 (lenient and strict), type accuracy and value F1 for timexes."""
    from seedx.evaluate.timex import evaluate_timex, format_report

    try:
        scores = evaluate_timex(gold, input)
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if as_json:
        out = scores.as_dict()
        if errors:
            out["errors"] = scores.errors
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        typer.echo(format_report(scores, errors))


def register(app: typer.Typer, eval_app: typer.Typer, train_app: typer.Typer) -> None:
    """Add `eval timex`."""
    eval_app.command("timex")(eval_timex)
