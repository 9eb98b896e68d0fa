"""The Dask engine: the same per-article work on a Dask cluster.

The input is cut into partitions of `PARTITION` articles as it is read and
each partition is submitted as one task (distributed futures, not dask.bag:
a bag wants its whole input up front, futures let the client stream and keep
at most a few partitions per worker thread in flight, so memory stays flat).
Results come back in input order to the client, which alone writes records,
names outputs and resumes, exactly as with the local engine.

Models are loaded once per worker process: the per-article handler is kept
in a module-level table keyed by the configuration. Workers need seedx
installed; they write nothing (the stage cache is used only on a local
cluster, where it is the client's own disk).

Limits: a time limit cannot be enforced inside a Dask task (threads cannot be
killed), so --timeout does not apply here; a worker that dies is handled by
distributed (its tasks are retried elsewhere), and a partition that keeps
killing workers is retried one article at a time so that only the guilty
article becomes an E_CRASH error.
"""

from __future__ import annotations

import logging
import pickle
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterator
from dataclasses import replace
from typing import Any

from seedx.document import Document
from seedx.extract import ExtractConfig, Job, Outcome, crash_error, handler

PARTITION = 32
"""Articles per task: big enough to hide the scheduler's per-task overhead, small enough to balance."""
IN_FLIGHT_PER_THREAD = 2

_handlers: dict[bytes, Callable[[Document], Outcome]] = {}
_lock = threading.Lock()


def process_partition(cfg: ExtractConfig, docs: list[Document]) -> list[Outcome]:
    """Runs on a Dask worker: one partition of articles, with this process's cached handler."""
    key = pickle.dumps(cfg)
    with _lock:
        handle = _handlers.get(key)
        if handle is None:
            handle = _handlers[key] = handler(cfg)
    return [handle(doc) for doc in docs]


def _partitions(jobs: Iterator[Job], size: int) -> Iterator[list[Job]]:
    part: list[Job] = []
    todo = 0
    for job in jobs:
        part.append(job)
        todo += job.outcome is None
        if todo >= size:
            yield part
            part, todo = [], 0
    if part:
        yield part


def run_dask(jobs: Iterator[Job], cfg: ExtractConfig) -> Generator[Job, None, None]:
    """Process `jobs` on the cluster at cfg.scheduler, or on a LocalCluster of cfg.workers processes."""
    from distributed import Client, LocalCluster

    cluster = None
    if cfg.scheduler is None:
        cluster = LocalCluster(n_workers=cfg.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    else:
        client = Client(cfg.scheduler)
    remote = cfg.scheduler is not None
    worker_cfg = replace(cfg, out_dir=cfg.out_dir.resolve(), use_cache=cfg.use_cache and not remote)
    try:
        threads = max(1, sum(client.nthreads().values()))
        pending: deque[tuple[list[Job], Any]] = deque()
        for part in _partitions(jobs, PARTITION):
            docs = [j.doc for j in part if j.outcome is None]
            future = client.submit(process_partition, worker_cfg, docs, pure=False) if docs else None
            pending.append((part, future))
            while len(pending) >= IN_FLIGHT_PER_THREAD * threads:
                yield from _finish(client, worker_cfg, *pending.popleft())
        while pending:
            yield from _finish(client, worker_cfg, *pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _finish(client: Any, cfg: ExtractConfig, part: list[Job], future: Any) -> Iterator[Job]:
    todo = [j for j in part if j.outcome is None]
    if future is not None:
        try:
            outcomes = future.result()
        except Exception:  # noqa: BLE001 - e.g. KilledWorker: find the article to blame, one at a time
            outcomes = [_alone(client, cfg, j.doc) for j in todo if j.doc is not None]
        for job, outcome in zip(todo, outcomes, strict=True):
            job.outcome = outcome
    yield from part


def _alone(client: Any, cfg: ExtractConfig, doc: Document) -> Outcome:
    try:
        return client.submit(process_partition, cfg, [doc], pure=False).result()[0]
    except Exception as exc:  # noqa: BLE001 - this article alone kills its worker
        return crash_error(doc, f"{type(exc).__name__}: {exc}")
