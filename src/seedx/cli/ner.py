"""`seedx train ner`, `seedx tag --conll`, `seedx eval ner`, `seedx eval entities`, `seedx models`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

ModelOpt = Annotated[Path | None, typer.Option("--model", help="Builtin model directory (default: models/ner-1).")]


def train_ner_cmd(
    out: Annotated[Path | None, typer.Option("--out", help="Model directory to write.")] = None,
    ner_dir: Annotated[Path | None, typer.Option("--ner-dir", help="The NER corpora (default ../shared/ner).")] = None,
    clusters: Annotated[Path | None, typer.Option(
        "--clusters", help="Word clusters (default: those already in --out, else built from --corpus).")] = None,
    corpus: Annotated[Path | None, typer.Option("--corpus", help="News corpus for word clusters.")] = None,
    sources: Annotated[str, typer.Option(help="Training corpora, comma-separated: anercorp, aqmar, wikiann.")] = "",
    c1: Annotated[float | None, typer.Option(help="L1 penalty.")] = None,
    c2: Annotated[float | None, typer.Option(help="L2 penalty.")] = None,
    max_iterations: Annotated[int | None, typer.Option(help="L-BFGS iterations.")] = None,
) -> None:
    """Train the builtin NER model (deterministic) and write its model card."""
    from seedx.stages.ner.train import train_cli

    train_cli(out=out, ner_dir=ner_dir, clusters=clusters, corpus=corpus, sources=sources, c1=c1, c2=c2,
              max_iterations=max_iterations)


def tag_cmd(
    conll: Annotated[Path, typer.Option("--conll", help="One token a line, blank line between sentences.")],
    model: ModelOpt = None,
) -> None:
    """Tag a CoNLL file with the builtin model: prints token<TAB>tag."""
    from seedx.stages.ner.conll_io import tag_conll

    for line in tag_conll(conll, model):
        typer.echo(line)


def eval_ner_cmd(
    file: Annotated[Path, typer.Argument(help="Gold CoNLL file: token ... tag.")],
    model: ModelOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    speed: Annotated[bool, typer.Option("--speed", help="Also time model loading and tagging (one thread).")] = False,
    ner: Annotated[str, typer.Option("--ner", help="builtin (the --model directory, CRF or neural) or stanza "
                                     "(seedx's stanza model: models/stanza-ner-1, or --model DIR).")] = "builtin",
) -> None:
    """conlleval-style precision, recall and F1 of the builtin model, per type and micro."""
    if ner not in ("builtin", "stanza"):
        raise typer.BadParameter("choose builtin or stanza", param_hint="--ner")
    if ner == "stanza":
        from seedx.stages.ner.stanza_backend import eval_conll_project as eval_conll
        from seedx.stages.ner.stanza_backend import time_project as time_model
    else:
        from seedx.stages.ner.conll_io import eval_conll, time_model

    timing = time_model(file, model) if speed else None
    scores = eval_conll(file, model)
    if as_json:
        typer.echo(json.dumps({**scores.as_dict(), **({"speed": timing} if timing else {})}, indent=2))
        return
    typer.echo(scores.report())
    if timing:
        typer.echo(f"load: {timing['load_seconds']:.3f} s; tagging: {timing['tokens_per_second']:.0f} tokens/s")


def eval_entities_cmd(
    gold: Annotated[list[Path], typer.Option("--gold", help="Gold set directory (or a folder of sets).")],
    ner: Annotated[str, typer.Option("--ner", help="NER backend: builtin, camel, stanza or auto.")] = "auto",
    model: ModelOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Lenient and strict entity F1 of the pipeline on gold sets."""
    from seedx.evaluate.entities import format_scores, score_entities

    options: dict[str, str] = {"ner": ner}
    if model is not None:
        options["ner_model"] = str(model)
    result = score_entities(list(gold), options)
    typer.echo(json.dumps(result, indent=2) if as_json else format_scores(result))


def models_cmd(model: ModelOpt = None) -> None:
    """List NER backends, whether each is installed, and how to install the others (needs internet)."""
    from seedx.stages.ner.backends import list_backends, resolve_backend

    for b in list_backends(model):
        mark = "installed" if b.installed else "missing"
        typer.echo(f"{b.name:8} {mark:9} {b.where}")
        if not b.installed:
            typer.echo(f"         install: {b.install}")
    typer.echo(f"--ner auto uses: {resolve_backend('auto')}")


def register(app: typer.Typer, eval_app: typer.Typer, train_app: typer.Typer) -> None:
    train_app.command("ner")(train_ner_cmd)
    app.command("tag")(tag_cmd)
    eval_app.command("ner")(eval_ner_cmd)
    eval_app.command("entities")(eval_entities_cmd)
    app.command("models")(models_cmd)
