"""Resume after kill -9: a real process is killed mid-run, the rerun finishes the rest."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

N = 1000


def _text(i: int) -> str:
    return f"عمان - أعلن المتحدث باسم الحكومة في بيان رقم {i} عن اجتماع يعقد يوم الخميس المقبل في عمان."


def _done(out: Path) -> list[Path]:
    return [p for p in out.glob("*.json") if not p.name.startswith(".")]


def test_kill_9_then_rerun_finishes_every_article_once(tmp_path: Path) -> None:
    src = tmp_path / "big.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i in range(N):
            f.write(json.dumps({"id": f"n{i:04d}", "text": _text(i)}, ensure_ascii=False) + "\n")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "seedx", "extract", str(src), "-o", str(out), "--until", "tokenize",
           "--workers", "1", "--no-cache", "-q"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not out.is_dir() or len(_done(out)) < 20:
        assert proc.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    proc.kill()  # SIGKILL: no cleanup of any kind
    proc.wait()
    before = {p.name for p in _done(out)}
    assert 20 <= len(before) < N

    rerun = subprocess.run([*cmd[:-1], "--verbose"], env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    skipped = [line.split(":")[0] for line in rerun.stderr.splitlines() if "skipped" in line]
    assert {f"{s}.json" for s in skipped} == before

    files = _done(out)
    assert len(files) == N and not list(out.glob(".tmp-*"))
    for i in range(N):
        rec = json.loads((out / f"n{i:04d}.json").read_bytes())
        assert rec["doc_id"] == f"n{i:04d}"
        assert rec["text_sha256"] == hashlib.sha256(_text(i).encode()).hexdigest()
        assert list(rec["pipeline"]["stages"]) == ["normalize", "tokenize"]
