"""`seedx eval events`: event and argument P/R/F1 against gold sets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer


def _table(report: dict[str, Any]) -> str:
    lines = [f"events ({report['mode']}, {report['documents']} documents)",
             f"{'':14}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'pred':>6}{'gold':>6}"]

    def row(name: str, c: dict[str, Any]) -> str:
        return (f"{name:14}{c['precision']:8.3f}{c['recall']:8.3f}{c['f1']:8.3f}"
                f"{c['tp']:6d}{c['pred']:6d}{c['gold']:6d}")

    lines.append(row("EVENTS", report["events"]))
    lines += [row("  " + t, c) for t, c in report["by_type"].items()]
    lines.append(row("ARGUMENTS", report["arguments"]))
    lines += [row("  " + r, c) for r, c in report["by_role"].items()]
    lines.append(f"status accuracy on matched events: {report['status_accuracy']:.3f}")
    return "\n".join(lines)


def eval_events_cmd(
    gold: Annotated[list[Path], typer.Option("--gold", help="Gold set directory (or a folder of sets); repeatable.")],
    oracle: Annotated[bool, typer.Option(
        "--oracle", help="Feed gold entities, timexes and published date to the events stage.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="Also list missed, spurious and argument errors.")] = False,
) -> None:
    """Score events: a match needs the same type and an overlapping trigger, name or time (SPEC.md)."""
    from seedx.evaluate.events import evaluate_events

    report = evaluate_events(gold, oracle=oracle)
    errs = report.pop("errors")
    if as_json:
        if errors:
            report["errors"] = errs
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    typer.echo(_table(report))
    if errors:
        for e in errs:
            typer.echo(json.dumps(e, ensure_ascii=False))


def register(app: typer.Typer, eval_app: typer.Typer, train_app: typer.Typer) -> None:
    """Add `eval events`."""
    eval_app.command("events")(eval_events_cmd)
