"""The Dask engine on a LocalCluster on loopback gives the records a single process gives."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from seedx.extract import ExtractConfig, extract

pytest.importorskip("distributed")


def test_local_cluster_records_equal_single_process(tmp_path: Path) -> None:
    from distributed import LocalCluster

    src = tmp_path / "in.jsonl"
    ids = [f"k{i:02d}" for i in range(40)] + ["dup", "dup"]
    with open(src, "w", encoding="utf-8") as f:
        for n, doc_id in enumerate(ids):
            text = f"بيروت - عقد رئيس الوزراء لقاء رقم {n} مع وفد من البنك الدولي يوم الثلاثاء."
            f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")

    def run(out: Path, **kw: object) -> bytes:
        stdout = io.BytesIO()
        cfg = ExtractConfig(out_dir=out, until="tokenize", use_cache=False, **kw)  # type: ignore[arg-type]
        summary = extract([str(src)], cfg, stdout=stdout, echo=lambda s: None)
        assert summary.articles == len(ids) and summary.failed == 0
        return stdout.getvalue()

    single_stream = run(tmp_path / "single-jsonl", workers=1, jsonl=True)
    run(tmp_path / "single", workers=1)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, host="127.0.0.1", protocol="tcp",
                      dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        dask_stream = run(tmp_path / "dask-jsonl", engine="dask", scheduler=address, jsonl=True)
        run(tmp_path / "dask", engine="dask", scheduler=address)
    assert dask_stream.splitlines() == single_stream.splitlines()  # same records, in input order
    files = sorted(p.name for p in (tmp_path / "dask").glob("*.json"))
    assert files == sorted(p.name for p in (tmp_path / "single").glob("*.json")) and "dup~2.json" in files
    for name in files:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "single" / name).read_bytes()
