"""Batch extraction: read articles, run the pipeline, write records and errors.

The CLI's `extract` is a thin wrapper over `extract()`. One article's failure
(bad input, a stage raising, a crash or a time-out in a worker) becomes an
entry in errors.jsonl and never stops or corrupts the others.

The parent process alone reads inputs, names outputs, decides what to resume
and writes records, always in input order; an engine only turns documents
into outcomes: in-process (`--workers 1`, or a single article), a pool of
worker processes (seedx.parallel) or a Dask cluster (seedx.dask_engine).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from seedx.document import Document
from seedx.io import InputError, NameAllocator, read_inputs, write_atomic

ERRORS_FILE = "errors.jsonl"
CACHE_DIR = ".cache"
DEFAULT_TIMEOUT = 30.0


def default_workers() -> int:
    """The cores this process may run on (not the machine's count, under taskset or a container)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


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
    workers: int = 1
    """Worker processes; 1 runs in this process."""
    timeout: float | None = DEFAULT_TIMEOUT
    """Seconds one article may take; None or 0 for no limit."""
    engine: str = "local"
    """local (this machine) or dask."""
    scheduler: str | None = None
    """Dask scheduler address; None starts a LocalCluster."""
    inject_faults: dict[str, str] = field(default_factory=dict)
    """Tests only: doc id to "crash", "hang" or "raise", to exercise failure handling."""


@dataclass
class Summary:
    """What a run did, for the closing summary and the exit status."""

    articles: int = 0
    failed: int = 0
    skipped: int = 0
    """Articles whose complete record already existed (resume)."""
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
    skipped: bool = False
    """The record file existed and was complete: nothing was run or written."""


@dataclass
class Job:
    """One input item on its way through an engine, in input order."""

    doc: Document | None
    """The article to process; None when `outcome` is already known."""
    name: str | None = None
    """Output file name (without .json), allocated in input order."""
    outcome: Outcome | None = None


class ArticleTimeout(BaseException):
    """Raised by SIGALRM in-process; a BaseException so that stages' `except Exception` cannot swallow it."""


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


def _inject_fault(cfg: ExtractConfig, doc: Document) -> None:
    fault = cfg.inject_faults.get(doc.id)
    if fault == "crash":
        os._exit(70)
    elif fault == "hang":
        time.sleep(3600)
    elif fault == "raise":
        raise RuntimeError("injected fault")


def handler(cfg: ExtractConfig) -> Callable[[Document], Outcome]:
    """The per-article function of a worker: the Runner (and the models it loads) is built once here."""
    runner = make_runner(cfg)

    def handle(doc: Document) -> Outcome:
        if cfg.inject_faults:
            try:
                _inject_fault(cfg, doc)
            except Exception as exc:  # noqa: BLE001 - as a stage failure would be
                return Outcome(doc.id, error=InputError(doc.source, "E_STAGE", f"{type(exc).__name__}: {exc}",
                                                        doc_id=doc.id))
        return process(doc, runner)

    return handle


def worker_setup(cfg: ExtractConfig) -> Callable[[Document], Outcome]:
    """Pool worker set-up: build the handler and load the models before the first article's clock starts."""
    from seedx.heap import HeapKeeper, settle

    handle = handler(cfg)
    warm_up(cfg)
    settle()  # the models, loaded once, out of the collector's way from the first article on
    heap = HeapKeeper()

    def handle_and_settle(doc: Document) -> Outcome:
        try:
            return handle(doc)
        finally:
            heap.done()

    return handle_and_settle


WARM_UP_TEXT = "القاهرة - قال وزير الخارجية المصري يوم الاثنين 2 نوفمبر 2020 إن المؤتمر سيعقد في القاهرة."


def warm_up(cfg: ExtractConfig) -> None:
    """Run the stages once on a tiny article, without the cache, so lazily loaded models are in memory."""
    from dataclasses import replace

    try:
        process(Document(id="warm-up", raw=WARM_UP_TEXT), make_runner(replace(cfg, use_cache=False)))
    except Exception:  # noqa: BLE001 - a broken stage reports itself on the real articles
        pass


def timeout_error(doc: Document, detail: str) -> Outcome:
    return Outcome(doc.id, error=InputError(doc.source, "E_TIMEOUT", detail, doc_id=doc.id))


def crash_error(doc: Document, detail: str) -> Outcome:
    return Outcome(doc.id, error=InputError(doc.source, "E_CRASH", detail, doc_id=doc.id))


@contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    """A per-article time limit in this process (SIGALRM): it stops Python code, not a hang inside C code."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def fire(signum: int, frame: Any) -> None:
        raise ArticleTimeout

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def run_inline(jobs: Iterator[Job], cfg: ExtractConfig) -> Generator[Job, None, None]:
    """The in-process engine: no start-up cost, so one article stays fast."""
    from seedx.heap import HeapKeeper

    handle = handler(cfg)
    heap = HeapKeeper()
    for job in jobs:
        if job.outcome is None:
            assert job.doc is not None
            try:
                with _alarm(cfg.timeout):
                    job.outcome = handle(job.doc)
            except ArticleTimeout:
                job.outcome = timeout_error(job.doc, f"no result within {cfg.timeout:g} s")
            heap.done()
        yield job


def forkable(cfg: ExtractConfig) -> bool:
    """Whether workers may be forked from this process once it has loaded the models (seedx.parallel's
    preload): yes for the builtin NER on Linux; not for the torch backends, whose thread pools do not survive a
    fork, nor on macOS, where system libraries may not either (Python spawns there by default)."""
    from seedx.pipeline import stages_until
    from seedx.stages.ner.backends import resolve_backend

    if not sys.platform.startswith("linux"):
        return False
    if "ner" not in {s.name for s in stages_until(cfg.until)}:
        return True
    try:
        return resolve_backend(cfg.options.get("ner")) == "builtin"
    except ValueError:
        return False


def run_pool(jobs: Iterator[Job], cfg: ExtractConfig) -> Generator[Job, None, None]:
    """The local parallel engine: `cfg.workers` processes, results in input order."""
    from seedx.parallel import ProcessPool, TaskFailed

    with ProcessPool(worker_setup, cfg, cfg.workers, timeout=cfg.timeout, preload=forkable(cfg)) as pool:
        for job, result in pool.imap((j.doc if j.outcome is None else None, j) for j in jobs):
            if isinstance(result, TaskFailed):
                assert job.doc is not None
                if result.kind == "timeout":
                    job.outcome = timeout_error(job.doc, result.detail)
                else:
                    job.outcome = crash_error(job.doc, result.detail)
            elif result is not None:
                job.outcome = result
            yield job


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


def _plan(items: Iterator[Document | InputError], cfg: ExtractConfig) -> Iterator[Job]:
    """Jobs in input order: names allocated for every article, finished ones marked skipped.

    A name is allocated for every readable article whatever becomes of it,
    so that names of duplicate ids depend on the input alone and a rerun
    finds each article's record under the same name.
    """
    names = NameAllocator()
    check = None
    if not cfg.jsonl and not cfg.force:
        from seedx.pipeline import stages_until
        from seedx.resume import ResumeCheck

        check = ResumeCheck(stages_until(cfg.until), cfg.options)
    for item in items:
        if isinstance(item, InputError):
            yield Job(None, outcome=Outcome(item.doc_id or item.source, error=item))
            continue
        if cfg.jsonl:
            yield Job(item)
            continue
        name = names(item.id)
        if check is not None:
            rec = check.existing(cfg.out_dir / f"{name}.json", item)
            if rec is not None:
                from seedx.resume import record_counts

                yield Job(None, name, Outcome(item.id, counts=record_counts(rec), skipped=True))
                continue
        yield Job(item, name)


def _engine(jobs: Iterator[Job], cfg: ExtractConfig) -> Generator[Job, None, None]:
    if cfg.engine == "dask":
        from seedx.dask_engine import run_dask

        return run_dask(jobs, cfg)
    if cfg.engine != "local":
        raise ValueError(f"unknown engine {cfg.engine!r}: local or dask")
    if cfg.workers <= 1:
        return run_inline(jobs, cfg)
    seen: list[Job] = []
    to_run = 0
    for job in jobs:
        seen.append(job)
        to_run += job.outcome is None
        if to_run >= 2:
            return run_pool(chain(seen, jobs), cfg)
    return run_inline(iter(seen), cfg)  # at most one article to run: a pool would only add start-up time


def _remove_stale_temp_files(out_dir: Path) -> None:
    """Drop the temporary files a killed run left (write_atomic's `.tmp-*`); one run per out_dir."""
    for tmp in out_dir.glob(".tmp-*"):
        tmp.unlink(missing_ok=True)


def extract(paths: list[str], cfg: ExtractConfig, stdout: BinaryIO | None = None,
            echo: Callable[[str], None] = lambda s: print(s, file=sys.stderr),
            progress: Callable[[Outcome], None] | None = None, stdin: BinaryIO | None = None) -> Summary:
    """Extract records from every article under `paths`."""
    started = time.perf_counter()
    out = stdout if stdout is not None else sys.stdout.buffer
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    if not cfg.jsonl:
        _remove_stale_temp_files(cfg.out_dir)
    errors = ErrorLog(cfg.out_dir, echo)
    summary = Summary()
    stream = _engine(_plan(read_inputs(paths, cfg.published, stdin=stdin), cfg), cfg)
    try:
        for job in stream:
            outcome = job.outcome
            assert outcome is not None
            summary.articles += 1
            if outcome.error is not None:
                summary.failed += 1
                errors.add(outcome.error)
            else:
                if outcome.skipped:
                    summary.skipped += 1
                elif cfg.jsonl:
                    assert outcome.record is not None
                    out.write(outcome.record + b"\n")
                    out.flush()
                else:
                    assert outcome.record is not None and job.name is not None
                    write_atomic(cfg.out_dir / f"{job.name}.json", outcome.record)
                e, t, v = outcome.counts
                summary.entities += e
                summary.timexes += t
                summary.events += v
                summary.cached_stages += outcome.cached
            if progress:
                progress(outcome)
    finally:
        stream.close()  # stops the workers at once if writing failed
        errors.close()
    summary.seconds = time.perf_counter() - started
    return summary
