"""`seedx show` and `seedx report`: look at articles and records.

Thin commands over seedx.view.commands; only typer and the standard library
are imported here so that `seedx --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

_TEXT_HELP = ("Articles (directory, .txt or .jsonl) to find the raw text in, by sha256 or doc_id, "
              "when the record's source is gone or moved. Repeatable.")


def register(app: typer.Typer, eval_app: typer.Typer, train_app: typer.Typer) -> None:
    """Add `show` and `report` to the main app."""

    @app.command("show")
    def show(
        file: Annotated[Path, typer.Argument(help="An article (.txt, .jsonl of articles) or records (.json, .jsonl, "
                                                  "a directory written by extract).")],
        doc: Annotated[str | None, typer.Option("--doc", help="The doc_id to show; default: the first.")] = None,
        text: Annotated[list[Path] | None, typer.Option("--text", help=_TEXT_HELP)] = None,
        all_docs: Annotated[bool, typer.Option("--all", help="Show every article in FILE, one after another.")] = False,
        bidi: Annotated[bool, typer.Option("--bidi", help="Reorder lines right-to-left for terminals without bidi "
                                                          "support (needs python-bidi).")] = False,
        ner: Annotated[str, typer.Option("--ner", help="For a raw article: NER backend (builtin, camel, stanza, "
                                                       "auto).")] = "auto",
        until: Annotated[str | None, typer.Option("--until", help="For a raw article: stop after this stage.")] = None,
        published: Annotated[str | None, typer.Option("--published", help="For a raw article: its date "
                                                                          "YYYY-MM-DD.")] = None,
    ) -> None:
        """Show an article with entities, timexes and event triggers coloured, then its events and timexes."""
        from rich.console import Console

        from seedx.cli.extract import check_published
        from seedx.view.commands import ViewError, doc_ids, load_any

        check_published(published)
        from seedx.view.terminal import bidi_available, show_article

        err = Console(stderr=True, soft_wrap=True)
        if bidi and not bidi_available():
            err.print("[yellow]--bidi needs python-bidi (pip install python-bidi); showing logical order[/]")
            bidi = False
        try:
            loaded = load_any(file, doc, text, options={"ner": ner}, until=until, published=published)
        except (ViewError, KeyError) as exc:
            err.print(f"[red]error:[/] {exc}")
            raise typer.Exit(2) from None
        for note in loaded.notes:
            err.print(f"[yellow]{note}[/]", highlight=False)
        if not loaded.articles:
            if doc is not None:
                ids = list(doc_ids(file))
                hint = f"; ids there: {', '.join(ids[:10])}{' …' if len(ids) > 10 else ''}" if ids else ""
                err.print(f"[red]error:[/] no article {doc!r} in {file}{hint}", highlight=False)
            else:
                err.print(f"[red]error:[/] no readable article in {file}", highlight=False)
            raise typer.Exit(1)
        console = Console()
        chosen = loaded.articles if all_docs else loaded.articles[:1]
        for i, article in enumerate(chosen):
            if i:
                console.rule()
            show_article(article, console, bidi=bidi)
        rest = len(loaded.articles) - len(chosen)
        if rest:
            ids = [a.record.doc_id for a in loaded.articles[1:11]]
            err.print(f"{rest} more in {file}: {', '.join(ids)}{' …' if rest > 10 else ''} "
                      "(pick one with --doc ID, or --all)", highlight=False)

    @app.command("report")
    def report(
        inputs: Annotated[list[Path], typer.Argument(help="Records: directories written by extract (errors.jsonl "
                                                          "and dot-directories skipped), .json or .jsonl files.")],
        output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")] = Path("report.html"),
        text: Annotated[list[Path] | None, typer.Option("--text", help=_TEXT_HELP)] = None,
        title: Annotated[str, typer.Option("--title", help="The report's heading.")] = "seedx report",
        top: Annotated[int, typer.Option("--top", min=1, help="How many of the most frequent entities to list.")] = 20,
    ) -> None:
        """Write one self-contained right-to-left HTML report: highlighted articles, events, corpus summary."""
        from rich.console import Console

        from seedx.view.commands import ViewError, write_report

        err = Console(stderr=True, soft_wrap=True)
        try:
            articles, errors = write_report(inputs, output, text, title=title, top=top)
        except ViewError as exc:
            err.print(f"[red]error:[/] {exc}", highlight=False)
            raise typer.Exit(1) from None
        missing = sum(a.raw is None for a in articles)
        err.print(f"wrote {output}: {len(articles)} articles"
                  + (f", {missing} without text (pass --text DIR_OR_JSONL)" if missing else "")
                  + (f", {len(errors)} unreadable inputs listed in the report" if errors else ""), highlight=False)
