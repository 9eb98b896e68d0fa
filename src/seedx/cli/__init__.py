"""The `seedx` command line.

One Typer app; each command module adds its commands through
`register(app, eval_app, train_app)`. Modules import only typer and the
standard library at top level so that `seedx --help` answers at once.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="seedx",
    help="Arabic news extraction: entities, TIMEX3 time expressions and events, with offsets into the raw text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score seedx against gold annotations.", no_args_is_help=True)
train_app = typer.Typer(help="Train seedx's models.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")

COMMAND_MODULES = ["extract", "view", "ner", "events", "dates"]
"""Modules of seedx.cli that register commands, in help order."""

for _name in COMMAND_MODULES:
    importlib.import_module(f"seedx.cli.{_name}").register(app, eval_app, train_app)


def main() -> None:
    """Console-script entry point."""
    app()
