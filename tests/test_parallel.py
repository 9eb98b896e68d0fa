"""The worker pool: same records as one process, input order, and failures that stay one article's."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from seedx import extract as extract_mod
from seedx.extract import ExtractConfig, extract


def article(i: int) -> str:
    return (f"القاهرة - قال وزير الخارجية في بيان رقم {i} يوم الاثنين إن الاجتماع سيعقد في عمان غدا. "
            f"وأكد المتحدث أن {i} وفدا سيشاركون في المؤتمر.")


def write_jsonl(path: Path, ids: list[str]) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for n, doc_id in enumerate(ids):
            f.write(json.dumps({"id": doc_id, "text": article(n)}, ensure_ascii=False) + "\n")
    return path


def run(inputs: list[str], out: Path, **kw: object) -> tuple[object, list[str], bytes]:
    lines: list[str] = []
    stdout = io.BytesIO()
    cfg = ExtractConfig(out_dir=out, until="tokenize", use_cache=False, **kw)  # type: ignore[arg-type]
    summary = extract(inputs, cfg, stdout=stdout, echo=lines.append)
    return summary, lines, stdout.getvalue()


def records(out: Path) -> dict[str, dict]:
    return {p.name: json.loads(p.read_bytes()) for p in sorted(out.glob("*.json")) if not p.name.startswith(".")}


def test_two_workers_write_the_same_records_as_one(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [f"a{i}" for i in range(12)] + ["dup", "dup"])
    one, _, _ = run([str(src)], tmp_path / "one", workers=1)
    two, _, _ = run([str(src)], tmp_path / "two", workers=2)
    assert one.articles == two.articles == 14 and one.failed == two.failed == 0
    assert records(tmp_path / "one") == records(tmp_path / "two")
    assert {"dup.json", "dup~2.json"} <= set(records(tmp_path / "two"))


def test_jsonl_output_follows_input_order(tmp_path: Path) -> None:
    ids = [f"d{i:02d}" for i in range(30)]
    src = write_jsonl(tmp_path / "in.jsonl", ids)
    summary, _, out = run([str(src)], tmp_path / "o", workers=2, jsonl=True)
    assert summary.failed == 0
    assert [json.loads(line)["doc_id"] for line in out.splitlines()] == ids


def test_crash_timeout_and_exception_become_errors_and_the_rest_succeed(tmp_path: Path) -> None:
    ids = [f"d{i}" for i in range(10)]
    src = write_jsonl(tmp_path / "in.jsonl", ids)
    faults = {"d2": "crash", "d5": "hang", "d7": "raise"}
    summary, lines, out = run([str(src)], tmp_path / "o", workers=2, jsonl=True, timeout=1.5, inject_faults=faults)
    assert summary.articles == 10 and summary.failed == 3
    assert [json.loads(line)["doc_id"] for line in out.splitlines()] == [i for i in ids if i not in faults]
    errors = (tmp_path / "o" / "errors.jsonl").read_text().splitlines()
    codes = {e["doc_id"]: e["code"] for e in map(json.loads, errors)}
    assert codes == {"d2": "E_CRASH", "d5": "E_TIMEOUT", "d7": "E_STAGE"}
    assert len(lines) == 3 and all(line.startswith("error: ") for line in lines)


def test_in_process_time_limit(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ["a", "b", "c"])
    summary, _, out = run([str(src)], tmp_path / "o", workers=1, jsonl=True, timeout=0.5, inject_faults={"b": "hang"})
    assert summary.failed == 1 and [json.loads(x)["doc_id"] for x in out.splitlines()] == ["a", "c"]
    assert json.loads((tmp_path / "o" / "errors.jsonl").read_text())["code"] == "E_TIMEOUT"


def test_a_single_article_runs_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object) -> None:
        raise AssertionError("a pool was started for one article")

    monkeypatch.setattr(extract_mod, "run_pool", no_pool)
    src = write_jsonl(tmp_path / "in.jsonl", ["only"])
    summary, _, _ = run([str(src)], tmp_path / "o", workers=4)
    assert summary.articles == 1 and summary.failed == 0


def test_rerun_skips_complete_records_and_redoes_stale_ones(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ["a", "dup", "dup", "b"])
    out = tmp_path / "o"
    first, _, _ = run([str(src)], out, workers=1, inject_faults={"dup": "raise"})
    assert first.failed == 2 and set(records(out)) == {"a.json", "b.json"}
    (out / "b.json").write_text('{"doc_id": "b"}')  # not the record this run would write
    (out / ".tmp-left-by-a-kill.json").write_text("{")
    second, _, _ = run([str(src)], out, workers=1)
    assert second.skipped == 1 and second.failed == 0
    assert set(records(out)) == {"a.json", "b.json", "dup.json", "dup~2.json"}
    assert not list(out.glob(".tmp-*"))
    third, _, _ = run([str(src)], out, workers=1, force=True)
    assert third.skipped == 0


def _echo_setup(_: object):  # noqa: ANN202 - the pool's Setup: returns the per-task handler
    """Tasks for ProcessPool itself: "hang" sleeps, "crash" kills the worker, anything else is echoed."""
    import os
    import time

    def handle(payload: str) -> str:
        if payload == "hang":
            time.sleep(60)
        if payload == "crash":
            os._exit(3)
        return payload[::-1]

    return handle


@pytest.mark.parametrize("fault", ["hang", "crash"])
def test_the_task_waiting_behind_a_failed_one_still_runs(fault: str) -> None:
    """One worker holds its next task while it runs one: when the running one fails, the next is run."""
    from seedx.parallel import ProcessPool, TaskFailed

    items = [("a1", 0), (fault, 1), ("b2", 2), ("c3", 3)]
    with ProcessPool(_echo_setup, None, workers=1, timeout=1.0) as pool:
        got = list(pool.imap(items))
    assert [t for t, _ in got] == [0, 1, 2, 3]
    assert got[0][1] == "1a" and got[2][1] == "2b" and got[3][1] == "3c"
    failed = got[1][1]
    assert isinstance(failed, TaskFailed) and failed.kind == ("timeout" if fault == "hang" else "crash")
    assert pool.restarts == 1


def test_busy_workers_hold_small_tasks_and_large_ones_wait() -> None:
    from seedx.parallel import PREFETCH_MAX_BYTES, ProcessPool

    big = "x" * (4 * PREFETCH_MAX_BYTES) + "y"
    items = [(f"s{i}", i) for i in range(20)] + [(big + str(i), 20 + i) for i in range(6)]
    with ProcessPool(_echo_setup, None, workers=2, timeout=30) as pool:
        held: list[int] = []
        out = []
        for tag, result in pool.imap(items):
            held.append(max(len(w.tasks) for w in pool._workers))
            out.append((tag, result))
    assert [t for t, _ in out] == list(range(26))
    assert all(r == p[::-1] for (p, _), (_, r) in zip(items, out, strict=True))
    assert max(held) == 2  # a running task and the next one


def _pid_setup(_: object):  # noqa: ANN202 - the pool's Setup
    """Handler answering (pid that ran the set-up, pid that ran the task); "crash" kills its worker."""
    import os

    setup_pid = os.getpid()

    def handle(payload: str) -> tuple[int, int]:
        if payload == "crash":
            os._exit(3)
        return setup_pid, os.getpid()

    return handle


_PRELOAD_SCRIPT = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
from test_parallel import _pid_setup
from seedx.parallel import ProcessPool, TaskFailed

items = [(p, i) for i, p in enumerate(["a", "b", "crash", "c", "d", "e"])]
with ProcessPool(_pid_setup, None, workers=2, timeout=30, preload=True) as pool:
    got = [r for _, r in pool.imap(items)]
print(json.dumps({"parent": os.getpid(), "restarts": pool.restarts,
                  "got": [r.kind if isinstance(r, TaskFailed) else r for r in got]}))
"""


def test_preloaded_workers_are_forked_from_a_parent_that_set_up_once() -> None:
    # In a fresh interpreter: this one may hold other tests' threads, and with a thread alive the pool spawns.
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _PRELOAD_SCRIPT, str(Path(__file__).parent)],
                          capture_output=True, text=True, timeout=120, check=True)
    out = json.loads(done.stdout)
    assert out["restarts"] == 1 and out["got"][2] == "crash"
    answers = [r for r in out["got"] if r != "crash"]
    assert len(answers) == 5
    assert {setup for setup, _ in answers} == {out["parent"]}  # the replacement worker too
    assert out["parent"] not in {worker for _, worker in answers}


def test_with_another_thread_alive_preloaded_workers_are_spawned_and_set_up_alone() -> None:
    import os
    import threading

    from seedx.parallel import ProcessPool

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with ProcessPool(_pid_setup, None, workers=2, timeout=30, preload=True) as pool:
            got = [r for _, r in pool.imap([("a", 0), ("b", 1), ("c", 2)])]
    finally:
        stop.set()
        other.join()
    assert all(setup == worker != os.getpid() for setup, worker in got)


def test_workers_are_forked_for_the_builtin_ner_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from seedx.extract import forkable

    monkeypatch.setattr("sys.platform", "linux")
    assert forkable(ExtractConfig(options={"ner": "builtin"}))
    assert forkable(ExtractConfig(until="tokenize", options={"ner": "neural"}))
    assert not forkable(ExtractConfig(options={"ner": "neural"}))
    assert not forkable(ExtractConfig(options={"ner": "no-such-backend"}))
    monkeypatch.setattr("sys.platform", "darwin")
    assert not forkable(ExtractConfig(options={"ner": "builtin"}))
