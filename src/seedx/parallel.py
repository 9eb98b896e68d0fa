"""A small process pool that can kill one task: per-task time limits, crash
isolation, bounded memory and results in input order.

`concurrent.futures` and `multiprocessing.Pool` cannot stop one runaway task
nor survive a worker that dies in C code, so each worker here is a process with
its own pipe. The parent holds at most `window` tasks (queued, running or done
but waiting for their turn to be yielded), so memory stays flat however long
the input is. A worker that exceeds the time limit is killed and replaced; one
that dies is replaced; either way its task comes back as a `TaskFailed` and the
other tasks go on. Each busy worker also holds its next task, when that is
small, so that it never waits for the parent between two tasks.

With `preload`, set-up runs once, in the parent, and workers are forked from
it: they start with the models already in memory (a start-up of milliseconds
instead of an interpreter and a model load each), share their pages until
written, and a replacement worker costs nothing to start. It needs the fork
start method and a parent with no other thread at the moment it forks (a
thread's locks would be copied held); where either is missing, workers are
spawned and set themselves up as usual. This module knows nothing about seedx.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import ForkingPickler
from typing import Any, Generic, Literal, TypeVar

P = TypeVar("P")
T = TypeVar("T")

Setup = Callable[[Any], Callable[[Any], Any]]
"""Run once in each worker with `setup_arg`; returns the per-task handler."""

PREFETCH_MAX_BYTES = 32 * 1024
"""Largest task sent to a worker that is still busy. It waits in the socket's buffer (far larger), so the
parent never blocks on it, whatever the worker is doing: a larger task waits until the worker is idle."""


@dataclass(frozen=True)
class TaskFailed:
    """A task that gave no result: its worker timed out, died, or raised."""

    kind: Literal["timeout", "crash", "error"]
    detail: str


class WorkerStartError(RuntimeError):
    """A worker could not start (its setup raised or it died): every task would fail the same way."""


def _describe_exit(code: int | None) -> str:
    if code is None:
        return "worker stopped answering"
    if code < 0:
        try:
            return f"worker killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"worker killed by signal {-code}"
    return f"worker exited with status {code}"


def _worker_main(conn: Connection, setup: Setup, setup_arg: Any,
                 handler: Callable[[Any], Any] | None = None) -> None:
    """A worker's life: set up once (models load here, not per task; a forked worker inherits its
    `handler` ready-made), then serve tasks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if handler is None:
        try:
            handler = setup(setup_arg)
        except BaseException:  # noqa: BLE001 - reported to the parent, which stops the run
            conn.send(("init_error", -1, traceback.format_exc()))
            return
    conn.send(("ready", -1, None))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if msg is None:
            return
        seq, payload = msg
        try:
            reply = ("ok", seq, handler(payload))
        except BaseException as exc:  # noqa: BLE001 - the handler should catch; this is the safety net
            reply = ("error", seq, f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except (BrokenPipeError, EOFError, OSError):
            return
        except Exception as exc:  # noqa: BLE001 - e.g. an unpicklable result
            conn.send(("error", seq, f"result could not be sent: {type(exc).__name__}: {exc}"))


class _Worker:
    """One worker process, its pipe and the task it is running."""

    def __init__(self, ctx: Any, setup: Setup, setup_arg: Any, handler: Callable[[Any], Any] | None = None) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, setup, setup_arg, handler), daemon=True,
                                name="seedx-worker")
        self.proc.start()
        child.close()
        self.ready = False
        self.tasks: deque[int] = deque()
        """Sent and not answered: the running task first, then at most one waiting in the pipe."""
        self.started = 0.0
        """When the running task started (for a waiting one: when the task before it was answered)."""

    @property
    def task(self) -> int | None:
        """The running task, if any."""
        return self.tasks[0] if self.tasks else None

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class ProcessPool(Generic[P, T]):
    """`workers` processes running `setup(setup_arg)(payload)` on payloads."""

    def __init__(self, setup: Setup, setup_arg: Any, workers: int, timeout: float | None = None,
                 window: int | None = None, start_method: str = "spawn", preload: bool = False) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self._ctx = mp.get_context(start_method)
        self._fork = mp.get_context("fork") if preload and "fork" in mp.get_all_start_methods() else None
        self._handler: Callable[[Any], Any] | None = None
        """The parent's own set-up, inherited by forked workers (preload)."""
        self._setup = setup
        self._setup_arg = setup_arg
        self.size = workers
        self.timeout = timeout if timeout and timeout > 0 else None
        self.window = window or max(64, 32 * workers)
        self._workers: list[_Worker] = []
        self.restarts = 0

    def __enter__(self) -> ProcessPool[P, T]:
        if self._fork is not None:
            try:
                self._handler = self._setup(self._setup_arg)
            except BaseException as exc:  # noqa: BLE001 - as a spawned worker's failed set-up is reported
                raise WorkerStartError(f"a worker could not start:\n{traceback.format_exc()}") from exc
        self._workers = [self._spawn() for _ in range(self.size)]
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(graceful=exc[0] is None)

    def _spawn(self) -> _Worker:
        if self._handler is not None and threading.active_count() == 1:
            return _Worker(self._fork, self._setup, self._setup_arg, self._handler)
        return _Worker(self._ctx, self._setup, self._setup_arg)

    def close(self, graceful: bool = True) -> None:
        """Stop the workers: ask them to finish when all went well, kill them otherwise."""
        for w in self._workers:
            if graceful and w.proc.is_alive():
                try:
                    w.conn.send(None)
                except OSError:
                    pass
        deadline = time.monotonic() + (2.0 if graceful else 0.0)
        for w in self._workers:
            w.proc.join(max(0.0, deadline - time.monotonic()))
            w.kill()
        self._workers = []

    def imap(self, items: Iterable[tuple[P | None, Any]]) -> Iterator[tuple[Any, T | TaskFailed | None]]:
        """Yield `(tag, result)` for each `(payload, tag)`, in input order.

        A payload of None is passed through (result None) in its place, so
        the caller can keep items that need no work in the same ordered
        stream. Results are `TaskFailed` where a task timed out or crashed.
        """
        if not self._workers:
            raise RuntimeError("use the pool as a context manager")
        source = iter(items)
        tags: dict[int, Any] = {}
        results: dict[int, Any] = {}
        payloads: dict[int, Any] = {}
        todo: deque[int] = deque()
        next_in = next_out = 0
        exhausted = False
        while True:
            while not exhausted and next_in - next_out < self.window:
                try:
                    payload, tag = next(source)
                except StopIteration:
                    exhausted = True
                    break
                tags[next_in] = tag
                if payload is None:
                    results[next_in] = None
                else:
                    payloads[next_in] = payload
                    todo.append(next_in)
                next_in += 1
            self._dispatch(todo, payloads)
            while next_out in results:
                yield tags.pop(next_out), results.pop(next_out)
                next_out += 1
            if exhausted and next_out == next_in:
                return
            if next_out in results or (not exhausted and next_in - next_out < self.window):
                continue
            self._wait(todo, payloads, results)

    def _dispatch(self, todo: deque[int], payloads: dict[int, Any]) -> None:
        # An idle worker gets a task; then a busy one gets its next task if that is small. A message to a
        # busy worker stays in the socket's buffer, so neither side can block on a full pipe (no deadlock
        # on big articles), and a killed worker takes only its running task down: its waiting one is queued
        # again.
        for prefetch in (False, True):
            for w in self._workers:
                if not todo:
                    return
                if not w.ready or len(w.tasks) != (1 if prefetch else 0):
                    continue
                seq = todo[0]
                data = ForkingPickler.dumps((seq, payloads[seq]))
                if prefetch and len(data) > PREFETCH_MAX_BYTES:
                    continue
                todo.popleft()
                try:
                    w.conn.send_bytes(data)
                except (BrokenPipeError, OSError):
                    todo.appendleft(seq)  # it died; _wait replaces it
                    continue
                if not w.tasks:
                    w.started = time.monotonic()
                w.tasks.append(seq)

    def _wait(self, todo: deque[int], payloads: dict[int, Any], results: dict[int, Any]) -> None:
        timeout = None
        if self.timeout is not None:
            busy = [w.started + self.timeout for w in self._workers if w.task is not None]
            if busy:
                timeout = max(0.0, min(busy) - time.monotonic())
        handles: dict[Any, _Worker] = {}
        for w in self._workers:
            handles[w.conn] = w
            handles[w.proc.sentinel] = w
        ready = wait(list(handles), timeout)
        dead: list[tuple[_Worker, str]] = []
        seen: set[int] = set()
        for h in ready:
            w = handles[h]
            if id(w) in seen:
                continue
            seen.add(id(w))
            while w.conn.poll():
                try:
                    kind, seq, value = w.conn.recv()
                except (EOFError, OSError):
                    break
                if kind == "ready":
                    w.ready = True
                elif kind == "init_error":
                    raise WorkerStartError(f"a worker could not start:\n{value}")
                else:
                    results[seq] = value if kind == "ok" else TaskFailed("error", value)
                    payloads.pop(seq, None)
                    if w.tasks and w.tasks[0] == seq:
                        w.tasks.popleft()
                        w.started = time.monotonic()  # the waiting task, if any, runs from now
            if not w.proc.is_alive():
                w.proc.join()
                dead.append((w, _describe_exit(w.proc.exitcode)))
        if self.timeout is not None:
            now = time.monotonic()
            for w in self._workers:
                if w.task is not None and now - w.started >= self.timeout and all(w is not d for d, _ in dead):
                    dead.append((w, "timeout"))
        for w, why in dead:
            if not w.ready:
                raise WorkerStartError(f"a worker died while starting ({why})")
            if w.tasks:
                # Never requeued: a task that killed one worker would kill the next.
                seq = w.tasks.popleft()
                payloads.pop(seq, None)
                if why == "timeout":
                    results[seq] = TaskFailed("timeout", f"no result within {self.timeout:g} s; worker killed")
                else:
                    results[seq] = TaskFailed("crash", why)
                todo.extendleft(reversed(w.tasks))  # never started: they go to the next free worker
                w.tasks.clear()
            w.kill()
            self._workers[self._workers.index(w)] = self._spawn()
            self.restarts += 1
