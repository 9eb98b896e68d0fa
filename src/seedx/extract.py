"""Batch extraction: read articles, run the pipeline, write records and errors.

The CLI's `extract` is a thin wrapper over `extract()`. One article's failure
(bad input, a stage raising) becomes an entry in errors.jsonl and never stops
or corrupts the others.
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from seedx.document import Document
from seedx.io import InputError, NameAllocator, read_inputs, write_atomic

ERRORS_FILE = "errors.jsonl"
CACHE_DIR = ".cache"


@dataclass
class ExtractConfig:
    """Everything `extract` needs besides its inputs."""

    out_dir: Path = Path("data/out")
    jsonl: bool = False
    until: str | None = None
    published: str | None = None
    force: bool = False
    use_cache: bool = True
    options: dict[str, Any] = field(default_factory=dict)
    """Stage options, e.g. {"ner": "builtin"}."""


@dataclass
class Summary:
    """What a run did, for the closing summary and the exit status."""

    articles: int = 0
    failed: int = 0
    entities: int = 0
    timexes: int = 0
    events: int = 0
    cached_stages: int = 0
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


@dataclass
class Outcome:
    """One article's result: a record's JSON bytes, or an error."""

    doc_id: str
    record: bytes | None = None
    error: InputError | None = None
    counts: tuple[int, int, int] = (0, 0, 0)
    cached: int = 0


def process(doc: Document, runner: Any) -> Outcome:
    """Run the pipeline on one document; exceptions become an error outcome."""
    from seedx.pipeline import to_record

    try:
        doc = runner.run(doc)
        rec = to_record(doc)
    except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the batch
        tb = traceback.extract_tb(exc.__traceback__)
        where = f" at {tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno}" if tb else ""
        err = InputError(doc.source, "E_STAGE", f"{type(exc).__name__}: {exc}{where}", doc_id=doc.id)
        return Outcome(doc.id, error=err)
    cached = sum(1 for s in doc.stages.values() if s.get("cached"))
    data = orjson.dumps(rec.model_dump(mode="json", exclude_none=False))
    return Outcome(doc.id, record=data, counts=(len(rec.entities), len(rec.timexes), len(rec.events)), cached=cached)


def make_runner(cfg: ExtractConfig, on_stage: Callable[..., None] | None = None) -> Any:
    from seedx.cache import StageCache
    from seedx.pipeline import Runner, stages_until

    cache = StageCache(cfg.out_dir / CACHE_DIR) if cfg.use_cache else None
    return Runner(stages=stages_until(cfg.until), options=cfg.options, cache=cache, force=cfg.force,
                  on_stage=on_stage)


class ErrorLog:
    """errors.jsonl of this run (created at the first error) and stderr lines."""

    def __init__(self, out_dir: Path, echo: Callable[[str], None]) -> None:
        self.path = out_dir / ERRORS_FILE
        self.path.unlink(missing_ok=True)
        self._f: BinaryIO | None = None
        self._echo = echo

    def add(self, err: InputError) -> None:
        if self._f is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._f = open(self.path, "ab")  # noqa: SIM115 - kept open for the run
        self._f.write(orjson.dumps(err.to_json()) + b"\n")
        self._f.flush()
        self._echo(f"error: {err}")

    def close(self) -> None:
        if self._f is not None:
            self._f.close()


def extract(paths: list[str], cfg: ExtractConfig, stdout: BinaryIO | None = None,
            echo: Callable[[str], None] = lambda s: print(s, file=sys.stderr),
            progress: Callable[[Outcome], None] | None = None, stdin: BinaryIO | None = None) -> Summary:
    """Extract records from every article under `paths`."""
    started = time.perf_counter()
    out = stdout if stdout is not None else sys.stdout.buffer
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    errors = ErrorLog(cfg.out_dir, echo)
    summary = Summary()
    names = NameAllocator()
    runner = make_runner(cfg)
    try:
        for outcome in _outcomes(read_inputs(paths, cfg.published, stdin=stdin), runner):
            summary.articles += 1
            if outcome.error is not None:
                summary.failed += 1
                errors.add(outcome.error)
            else:
                assert outcome.record is not None
                if cfg.jsonl:
                    out.write(outcome.record + b"\n")
                    out.flush()
                else:
                    write_atomic(cfg.out_dir / f"{names(outcome.doc_id)}.json", outcome.record)
                e, t, v = outcome.counts
                summary.entities += e
                summary.timexes += t
                summary.events += v
                summary.cached_stages += outcome.cached
            if progress:
                progress(outcome)
    finally:
        errors.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _outcomes(items: Iterator[Document | InputError], runner: Any) -> Iterator[Outcome]:
    for item in items:
        if isinstance(item, InputError):
            yield Outcome(item.doc_id or item.source, error=item)
        else:
            yield process(item, runner)
