"""`seedx extract`, `seedx run`, `seedx stages`, `seedx schema`."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer

Inputs = Annotated[list[str], typer.Argument(
    help="Articles: .txt/.jsonl files, directories (recursive), or - for stdin.")]
OutDir = Annotated[Path, typer.Option("--out-dir", "-o", help="Where records, errors.jsonl and the cache go.")]
Published = Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for every input article.")]
Ner = Annotated[str, typer.Option("--ner", help="NER backend: builtin, camel, stanza or auto.")]


def _stderr_console():  # noqa: ANN202 - rich Console, imported lazily
    from rich.console import Console

    return Console(stderr=True)


def check_published(value: str | None) -> None:
    """Usage error (exit 2) for a --published that is not YYYY-MM-DD."""
    from seedx.isodate import is_iso_date

    if value is not None and not is_iso_date(value):
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint="--published")


def _check_stage(name: str | None, option: str) -> None:
    from seedx.pipeline import STAGE_NAMES

    if name is not None and name not in STAGE_NAMES:
        raise typer.BadParameter(f"unknown stage {name!r}; stages: {', '.join(STAGE_NAMES)}", param_hint=option)


def extract_cmd(
    inputs: Inputs,
    out_dir: OutDir = Path("data/out"),
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help="Stream records on stdout, one a line, instead of files.")] = False,
    until: Annotated[str | None, typer.Option(help="Stop after this stage.")] = None,
    published: Published = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Ignore the stage cache (and refresh it) and redo articles whose records exist.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the stage cache.")] = False,
    ner: Ner = "auto",
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Say per article which stages ran or were cached.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, help="Worker processes (default: the number of cores); 1 runs in-process.")] = None,
    timeout: Annotated[float, typer.Option(
        "--timeout", min=0, help="Seconds one article may take before it becomes an E_TIMEOUT error; 0: no limit.")
    ] = 30.0,
    engine: Annotated[str, typer.Option(
        "--engine", help="local (worker processes on this machine) or dask (a Dask cluster).")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 (implies --engine dask); "
        "without it --engine dask starts a local cluster.")] = None,
) -> None:
    """Extract one record per article: entities, time expressions and events.

    Without --force, articles whose complete record already exists in the
    output directory are skipped, so rerunning an interrupted run finishes it.
    """
    check_published(published)
    _check_stage(until, "--until")
    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"{engine!r}: local or dask", param_hint="--engine")
    if scheduler is not None:
        engine = "dask"
    from seedx.extract import ExtractConfig, default_workers, extract

    console = _stderr_console()
    cfg = ExtractConfig(out_dir=out_dir, jsonl=jsonl, until=until, published=published, force=force,
                        use_cache=not no_cache, options={"ner": ner}, workers=workers or default_workers(),
                        timeout=timeout or None, engine=engine, scheduler=scheduler)
    show = console.is_terminal and not quiet

    def echo(msg: str) -> None:
        if not quiet:
            console.print(msg, markup=False, highlight=False)

    progress_cb = None
    bar = None
    if verbose:
        def progress_cb(outcome):  # noqa: ANN001, ANN202
            if outcome.skipped:
                echo(f"{outcome.doc_id}: skipped (complete record exists)")
            elif outcome.record is not None:
                import orjson

                stages = orjson.loads(outcome.record)["pipeline"]["stages"]
                parts = [f"{k}{' (cached)' if v.get('cached') else ''}" for k, v in stages.items()]
                echo(f"{outcome.doc_id}: {', '.join(parts)}")
    if show and not verbose:
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        # Refreshed from here, not by rich's refresh thread: the worker pool forks from this process, which
        # must then have no other thread (seedx.parallel).
        bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                       TextColumn("{task.completed} articles"), TimeElapsedColumn(), console=console, transient=True,
                       auto_refresh=False)
        task = bar.add_task("extracting", total=None)
        shown = [0.0]

        def progress_cb(outcome):  # noqa: ANN001, ANN202
            bar.advance(task)
            now = time.monotonic()
            if now - shown[0] >= 0.1:
                shown[0] = now
                bar.refresh()
    if bar is not None:
        bar.start()
    from seedx.parallel import WorkerStartError

    try:
        summary = extract(inputs, cfg, echo=echo, progress=progress_cb)
    except WorkerStartError as exc:
        console.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(1) from None
    finally:
        if bar is not None:
            bar.stop()
    if show:
        where = "stdout" if jsonl else str(out_dir)
        see = f" (see {out_dir / 'errors.jsonl'})" if summary.failed else ""
        console.print(
            f"[bold]{summary.articles}[/] articles → {where}: {summary.entities} entities, {summary.timexes} timexes, "
            f"{summary.events} events; [{'red' if summary.failed else 'green'}]{summary.failed} errors[/]"
            f"{f'; {summary.skipped} already done' if summary.skipped else ''}"
            f"{see}; {summary.seconds:.2f} s",
            highlight=False,
        )
    raise typer.Exit(summary.exit_code)


def run_cmd(
    stage: Annotated[str, typer.Argument(help="The stage to run.")],
    inputs: Inputs,
    published: Published = None,
    ner: Ner = "auto",
) -> None:
    """Run one stage and print its documents as JSONL (for debugging a stage).

    Input is raw articles, or the JSONL that an earlier `seedx run` printed:
    stages already done are kept, the named stage is always run again.
    """
    check_published(published)
    _check_stage(stage, "STAGE")
    import orjson

    from seedx.document import document_to_json
    from seedx.io import InputError, read_inputs
    from seedx.pipeline import STAGES, Runner

    console = _stderr_console()
    names = [s.name for s in STAGES]
    upto = names.index(stage)
    failed = 0
    out = sys.stdout.buffer
    runners: dict[tuple[str, ...], Runner] = {}
    for item in read_inputs(inputs, published):
        if isinstance(item, InputError):
            failed += 1
            console.print(f"error: {item}", markup=False, highlight=False)
            continue
        todo = tuple(s for s in STAGES[:upto] if s.name not in item.stages) + (STAGES[upto],)
        runner = runners.get(todo) or runners.setdefault(todo, Runner(stages=todo, options={"ner": ner}))
        try:
            doc = runner.run(item, materialize=True)
        except Exception as exc:  # noqa: BLE001 - report and go on
            failed += 1
            console.print(f"error: {item.source}: {type(exc).__name__}: {exc} [E_STAGE]", markup=False, highlight=False)
            continue
        out.write(orjson.dumps(document_to_json(doc)) + b"\n")
    out.flush()
    raise typer.Exit(1 if failed else 0)


def stages_cmd() -> None:
    """List the pipeline's stages with their versions and what they need and give."""
    from rich.console import Console
    from rich.table import Table

    from seedx.pipeline import STAGES

    table = Table("stage", "version", "requires", "assigns", "what")
    for s in STAGES:
        table.add_row(s.name, s.version, ", ".join(s.requires), ", ".join(s.assigns), s.description)
    Console().print(table)


def schema_cmd() -> None:
    """Print the record's JSON Schema."""
    import json

    from seedx.record import Record

    typer.echo(json.dumps(Record.model_json_schema(), ensure_ascii=False, indent=2))


def register(app: typer.Typer, eval_app: typer.Typer, train_app: typer.Typer) -> None:
    app.command("extract")(extract_cmd)
    app.command("run")(run_cmd)
    app.command("stages")(stages_cmd)
    app.command("schema")(schema_cmd)
