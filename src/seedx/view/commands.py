"""The plain functions behind `seedx show` and `seedx report`, callable from tests.

`show` accepts what a user is likely to have at hand: a raw article (.txt,
or a .jsonl of articles, run through the pipeline here) or what extract
wrote (a record .json, a .jsonl of records, a directory of records).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from seedx.view.records import Article, RecordError, TextIndex, attach_texts, check_spans, is_record, load_records


class ViewError(Exception):
    """A problem that ends the command, with the message for the user."""


@dataclass
class Loaded:
    """Articles to show and the messages (unreadable inputs, missing stages) to print beside them."""

    articles: list[Article] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def file_kind(path: Path) -> str:
    """`records` or `articles`: records name doc_id and text_sha256; anything else is input text."""
    if path.is_dir():
        return "records"
    if path.suffix == ".txt":
        return "articles"
    head = b""
    try:
        with open(path, "rb") as f:
            for line in f:
                if line.strip():
                    head = line
                    break
    except OSError as exc:
        raise ViewError(f"{path}: {exc.strerror}") from exc
    if path.suffix == ".json":
        return "records"
    try:
        obj = orjson.loads(head.removeprefix(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError:
        return "articles" if path.suffix != ".jsonl" else "records"
    return "records" if is_record(obj) else "articles"


def _usable_stages(until: str | None) -> tuple[tuple, str | None]:
    """The pipeline's stages (up to `until`) as far as they can be imported.

    Stages are built by different people at different times; showing what
    the finished ones found beats refusing to show anything.
    """
    from seedx.pipeline import stages_until

    ok = []
    for stage in stages_until(until):
        try:
            _ = stage.version  # imports the module and checks it is a complete stage
        except (ImportError, AttributeError) as exc:
            return tuple(ok), f"stage {stage.name} is not available ({exc}); showing the output of the earlier stages"
        ok.append(stage)
    return tuple(ok), None


def run_articles(path: Path, doc_id: str | None, options: dict | None = None, until: str | None = None,
                 published: str | None = None) -> Loaded:
    """Run the pipeline on the articles of `path` (only `doc_id` when given).

    When a stage fails on an article (a model not trained yet), the article
    is shown with what the stages before it found, and the failure is noted.
    """
    from seedx.io import InputError, read_inputs
    from seedx.pipeline import Runner, to_record

    loaded = Loaded()
    runner: Runner | None = None
    last: dict[str, object] = {}
    for doc in read_inputs([str(path)], published):
        if isinstance(doc, InputError):
            if doc_id is None or doc.doc_id == doc_id:
                loaded.notes.append(str(doc))
            continue
        if doc_id is not None and doc.id != doc_id:
            continue
        if not doc.stages:  # a saved seedx document already carries its stages' output
            if runner is None:
                stages, note = _usable_stages(until)
                if note:
                    loaded.notes.append(note)
                runner = Runner(stages=stages, options=dict(options or {}),
                                on_stage=lambda d, stage, cached: last.update(doc=d, stage=stage.name))
            last.clear()
            original = doc
            try:
                doc = runner.run(doc)
            except Exception as exc:  # one article's failure must not hide the others
                done = last.get("stage")
                loaded.notes.append(f"{original.id}: the pipeline failed: {type(exc).__name__}: {exc}"
                                    + (f"; showing the output up to stage {done}" if done else ""))
                doc = last.get("doc", original)  # type: ignore[assignment]
        record = to_record(doc)
        art = Article(record=record, raw=doc.raw, text_note="run through the pipeline now", origin=doc.source)
        art.problems = check_spans(record, doc.raw)
        loaded.articles.append(art)
    return loaded


def load_any(path: Path, doc_id: str | None = None, texts: list[Path] | None = None, options: dict | None = None,
             until: str | None = None, published: str | None = None) -> Loaded:
    """Articles from a raw input or from records, with their text where it can be found."""
    if not path.exists():
        raise ViewError(f"{path}: no such file or directory")
    if file_kind(path) == "articles":
        return run_articles(path, doc_id, options, until, published)
    records, errors = load_records([path])
    if doc_id is not None:
        records = [(o, r) for o, r in records if r.doc_id == doc_id]
    return Loaded(attach_texts(records, TextIndex(texts or [])), errors)


def doc_ids(path: Path) -> Iterator[str]:
    """The ids in `path`, for a helpful 'not found' message."""
    try:
        if file_kind(path) == "articles":
            from seedx.io import InputError, read_inputs

            for doc in read_inputs([str(path)]):
                if not isinstance(doc, InputError):
                    yield doc.id
            return
        records, _ = load_records([path])
        for _, rec in records:
            yield rec.doc_id
    except (ViewError, RecordError):
        return


def write_report(inputs: list[Path], output: Path, texts: list[Path] | None = None, title: str = "seedx report",
                 top: int = 20) -> tuple[list[Article], list[str]]:
    """Write the HTML report of every record under `inputs`; returns the articles and the unreadable inputs."""
    from seedx.io import write_atomic
    from seedx.view.html import render_report

    records, errors = load_records(inputs)
    if not records:
        raise ViewError("no records found in " + ", ".join(map(str, inputs))
                        + (f" ({len(errors)} unreadable inputs; first: {errors[0]})" if errors else ""))
    articles = attach_texts(records, TextIndex(texts or []))
    write_atomic(output, render_report(articles, title=title, top=top, errors=errors).encode("utf-8"))
    return articles, errors
