"""Throughput and memory benchmark of `seedx extract` (`make bench`).

Measures, over the first --limit articles of the news corpus:
  * each stage alone, in this process, over the same documents (articles/s, tokens/s);
  * `seedx extract` end to end as users run it (a subprocess, start-up included)
    with each --workers count, the speed-up over one worker, and the peak RSS
    of the process tree (parent + workers, sampled: PSS and RSS);
  * dateparser's search_dates(text, languages=["ar"]) over the same texts,
    and seedx's end-to-end rate over it.
With --rss-check it instead compares the peak RSS of two corpus sizes, to
show that memory stays flat. Figures are printed and written as JSON so that
runs can be compared later. Stages that are missing or broken are reported
and the run stops before them, so the bench works on a partial pipeline.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from statistics import median
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl.gz"


def load_articles(path: Path, limit: int) -> list[dict[str, Any]]:
    """The first `limit` articles, as seedx's JSONL input."""
    out: list[dict[str, Any]] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            art = {"id": str(obj["id"]), "text": obj["text"]}
            for key in ("published", "title"):
                if obj.get(key):
                    art[key] = obj[key]
            out.append(art)
            if len(out) >= limit:
                break
    return out


def write_jsonl(articles: list[dict[str, Any]], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for art in articles:
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
    return path


def available_stages(options: dict[str, Any], until: str | None) -> tuple[list[str], dict[str, str]]:
    """Stages that load, in order, up to `until`; and why the first missing one is missing."""
    from seedx.pipeline import STAGES

    ok: list[str] = []
    missing: dict[str, str] = {}
    for stage in STAGES:
        if missing:
            missing[stage.name] = "after a missing stage"
            continue
        try:
            stage.version  # noqa: B018 - imports the module and checks it has a VERSION
            stage.config(options)
        except Exception as exc:  # noqa: BLE001 - half-written stages are expected while the pipeline grows
            missing[stage.name] = f"{type(exc).__name__}: {exc}"
            continue
        ok.append(stage.name)
        if stage.name == until:
            break
    return ok, missing


def bench_stages(jsonl: Path, stage_names: list[str], options: dict[str, Any]) -> dict[str, Any]:
    """Each stage alone over all documents, in this process, after a warm-up that loads the models."""
    from seedx.io import read_inputs
    from seedx.pipeline import Runner, get_stage

    stages = [get_stage(n) for n in stage_names]
    warm = [d for d in read_inputs([str(jsonl)]) if not isinstance(d, Exception)][:5]
    t0 = time.perf_counter()
    for doc in warm:
        try:
            Runner(stages=tuple(stages), options=options).run(doc)
        except Exception:  # noqa: BLE001, S110 - counted in the timed pass
            pass
    warm_up_s = time.perf_counter() - t0
    docs = [d for d in read_inputs([str(jsonl)]) if not isinstance(d, Exception)]
    results: dict[str, Any] = {"warm_up_s": round(warm_up_s, 3), "stages": {}}
    for stage in stages:
        runner = Runner(stages=(stage,), options=options)
        errors = 0
        t0 = time.perf_counter()
        c0 = time.process_time()
        for i, doc in enumerate(docs):
            try:
                docs[i] = runner.run(doc)
            except Exception:  # noqa: BLE001 - a stage that fails on an article is counted, not fatal
                errors += 1
        cpu = time.process_time() - c0
        elapsed = time.perf_counter() - t0
        results["stages"][stage.name] = {
            "seconds": round(elapsed, 3),
            "articles_per_s": round(len(docs) / elapsed, 1),
            # CPU time: comparable across runs on a machine that others share, where wall time is not
            "cpu_seconds": round(cpu, 3),
            "cpu_s_per_1000_articles": round(1000 * cpu / len(docs), 3),
            "errors": errors,
        }
    results["articles"] = len(docs)
    results["tokens"] = sum(len(d.tokens) for d in docs)
    for s in results["stages"].values():  # the same token count for every stage: the tokenizer's output
        s["tokens_per_s"] = round(results["tokens"] / s["seconds"], 0)
    total = sum(s["seconds"] for s in results["stages"].values())
    cpu = sum(s["cpu_seconds"] for s in results["stages"].values())
    results["all_stages"] = {"seconds": round(total, 3), "articles_per_s": round(len(docs) / total, 1),
                             "tokens_per_s": round(results["tokens"] / total, 0), "cpu_seconds": round(cpu, 3),
                             "cpu_s_per_1000_articles": round(1000 * cpu / len(docs), 3)}
    return results


class TreeRSS:
    """Samples the memory of a process and its descendants (psutil) until stopped: the summed RSS, and the
    summed PSS, which counts a page shared by several processes once in all (workers forked from a parent
    that loaded the models share its pages, which an RSS sum would count once per process)."""

    def __init__(self, pid: int, interval: float = 0.05, pss_every: int = 4) -> None:
        self.pid = pid
        self.interval = interval
        self.pss_every = pss_every
        """PSS reads /proc/PID/smaps_rollup, which costs more than RSS: it is sampled every so many ticks."""
        self.peak_total = 0
        self.peak_pss = 0
        self.peak_single = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        tick = 0
        while not self._stop.is_set():
            with_pss = tick % self.pss_every == 0
            tick += 1
            try:
                procs = [root, *root.children(recursive=True)]
                sizes = []
                pss = 0
                for p in procs:
                    try:
                        if with_pss:
                            full = p.memory_full_info()
                            sizes.append(full.rss)
                            pss += full.pss
                        else:
                            sizes.append(p.memory_info().rss)
                    except psutil.Error:
                        pass
            except psutil.Error:
                break
            if sizes:
                self.peak_total = max(self.peak_total, sum(sizes))
                self.peak_single = max(self.peak_single, max(sizes))
                self.peak_pss = max(self.peak_pss, pss)
            self._stop.wait(self.interval)


def run_extract(jsonl: Path, workers: int, until: str, ner: str, articles: int) -> dict[str, Any]:
    """`seedx extract --jsonl` as a user runs it; wall time includes interpreter and worker start-up."""
    cmd = [sys.executable, "-m", "seedx", "extract", str(jsonl), "--jsonl", "--no-cache", "-q",
           "--workers", str(workers), "--until", until, "--ner", ner]
    with tempfile.TemporaryDirectory() as tmp, open(Path(tmp) / "out.jsonl", "wb") as out:
        t0 = time.perf_counter()
        c0 = _children_cpu()
        proc = subprocess.Popen([*cmd, "-o", tmp], stdout=out, stderr=subprocess.PIPE)
        with TreeRSS(proc.pid) as rss:
            _, err = proc.communicate()
        elapsed = time.perf_counter() - t0
        cpu = _children_cpu() - c0
        out.flush()
        records = sum(1 for _ in open(Path(tmp) / "out.jsonl", "rb"))
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"seedx extract failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    return {"workers": workers, "seconds": round(elapsed, 3), "articles_per_s": round(articles / elapsed, 1),
            "records": records, "failed": articles - records,
            # CPU of the whole tree (parent and workers, start-up included): comparable on a shared machine
            "cpu_seconds": round(cpu, 3), "cpu_s_per_1000_articles": round(1000 * cpu / articles, 3),
            "peak_rss_mb": round(rss.peak_total / 2**20, 1), "peak_pss_mb": round(rss.peak_pss / 2**20, 1),
            "peak_rss_largest_process_mb": round(rss.peak_single / 2**20, 1)}


def _children_cpu() -> float:
    """User + system CPU seconds of the waited-for children of this process and their own children."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def bench_dateparser(texts: list[str]) -> dict[str, Any] | None:
    """dateparser's rate over `texts`; None when it is not installed or there is nothing to time."""
    if not texts:
        return None
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    t0 = time.perf_counter()
    search_dates(texts[0], languages=["ar"])  # loads its language data: not part of the rate
    warm = time.perf_counter() - t0
    t0 = time.perf_counter()
    c0 = time.process_time()
    found = 0
    for text in texts:
        found += len(search_dates(text, languages=["ar"]) or ())
    cpu = time.process_time() - c0
    elapsed = time.perf_counter() - t0
    return {"articles": len(texts), "seconds": round(elapsed, 3), "articles_per_s": round(len(texts) / elapsed, 2),
            "cpu_seconds": round(cpu, 3), "cpu_s_per_1000_articles": round(1000 * cpu / len(texts), 3),
            "warm_up_s": round(warm, 3), "dates_found": found}


SPIN = "s = 0\nfor i in range(12_000_000):\n    s += i * i % 7\n"
"""A pure-Python CPU loop: no I/O, no memory traffic, nothing shared between its copies."""


def bench_ceiling(workers: int) -> dict[str, Any]:
    """What this machine itself allows `workers` processes: the same CPU loop run alone, then as `workers`
    independent copies at once. Their speed-up is the ceiling for any parallel run here (cores that are
    hyperthreads or share a host lose some of it), whatever the program does."""
    cmd = [sys.executable, "-c", SPIN]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    alone = time.perf_counter() - t0
    t0 = time.perf_counter()
    procs = [subprocess.Popen(cmd) for _ in range(workers)]
    for p in procs:
        p.wait()
    together = time.perf_counter() - t0
    return {"workers": workers, "alone_s": round(alone, 3), "together_s": round(together, 3),
            "ceiling": round(workers * alone / together, 2)}


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median time (the slower middle one of an even count): one real run, not a mix."""
    return sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]


def machine() -> dict[str, Any]:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True).stdout.strip()
    except OSError:
        commit = ""
    return {"python": platform.python_version(), "cpus": os.cpu_count(), "load_avg": os.getloadavg(),
            "platform": platform.platform(), "commit": commit, "when": time.strftime("%Y-%m-%dT%H:%M:%S%z")}


def table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
                     for r in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=2000, help="the first N articles of the corpus")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts for the end-to-end runs")
    ap.add_argument("--until", default=None, help="last stage (default: the last one that loads)")
    ap.add_argument("--ner", default="builtin")
    ap.add_argument("--dateparser-limit", type=int, default=None,
                    help="dateparser over the first N texts only (default: all of them, the same texts as seedx; "
                         "0 leaves dateparser out)")
    ap.add_argument("--json-out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    ap.add_argument("--repeat", type=int, default=3,
                    help="rounds of the end-to-end, dateparser and ceiling runs, interleaved; medians are reported")
    ap.add_argument("--rss-check", action="store_true",
                    help="instead: compare peak RSS of end-to-end runs over --rss-sizes articles")
    ap.add_argument("--rss-sizes", default="1000,10000")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT / "src"))
    options = {"ner": args.ner}
    stages, missing = available_stages(options, args.until)
    if not stages:
        print("no stage loads: nothing to measure", file=sys.stderr)
        return 1
    until = stages[-1]
    workers = [int(w) for w in args.workers.split(",")]
    report: dict[str, Any] = {"machine": machine(), "args": {k: str(v) for k, v in vars(args).items()},
                              "until": until, "stages_measured": stages, "stages_missing": missing}
    if missing:
        print("missing stages (not measured): " + "; ".join(f"{k}: {v}" for k, v in missing.items()))

    with tempfile.TemporaryDirectory() as tmp:
        if args.rss_check:
            sizes = [int(s) for s in args.rss_sizes.split(",")]
            articles = load_articles(args.corpus, max(sizes))
            rows = [("articles", "workers", "seconds", "articles/s", "peak PSS tree MB", "peak RSS tree MB",
                     "largest process MB")]
            report["rss_check"] = []
            for n in sizes:
                src = write_jsonl(articles[:n], Path(tmp) / f"in{n}.jsonl")
                r = run_extract(src, max(workers), until, args.ner, n)
                report["rss_check"].append({"articles": n, **r})
                rows.append((str(n), str(r["workers"]), f"{r['seconds']:.1f}", f"{r['articles_per_s']:.1f}",
                             f"{r['peak_pss_mb']:.0f}", f"{r['peak_rss_mb']:.0f}",
                             f"{r['peak_rss_largest_process_mb']:.0f}"))
            first, last = report["rss_check"][0], report["rss_check"][-1]
            report["rss_growth"] = round(last["peak_rss_mb"] / first["peak_rss_mb"], 3)
            report["pss_growth"] = round(last["peak_pss_mb"] / first["peak_pss_mb"], 3)
            print(f"until {until}\n" + table(rows))
            print(f"{last['articles']} vs {first['articles']} articles: peak PSS x{report['pss_growth']}, "
                  f"peak RSS x{report['rss_growth']}")
            steps = report["rss_check"]
            if len(steps) > 2:  # bounded caches fill first, then memory stays put: growth step by step shows it
                report["rss_steps"] = [{"from": a["articles"], "to": b["articles"],
                                        "growth": round(b["peak_rss_mb"] / a["peak_rss_mb"], 3),
                                        "pss_growth": round(b["peak_pss_mb"] / a["peak_pss_mb"], 3)}
                                       for a, b in zip(steps, steps[1:])]
                print("step by step (RSS): " + ", ".join(f"{g['from']} → {g['to']} x{g['growth']}"
                                                   for g in report["rss_steps"]))
        else:
            articles = load_articles(args.corpus, args.limit)
            src = write_jsonl(articles, Path(tmp) / "in.jsonl")
            n = len(articles)
            st = bench_stages(src, stages, options)
            report["stages"] = st
            rows = [("stage", "articles/s", "tokens/s", "seconds", "errors", "CPU s/1000 art.")]
            for name, s in st["stages"].items():
                rows.append((name, f"{s['articles_per_s']:.1f}", f"{s['tokens_per_s']:.0f}", f"{s['seconds']:.2f}",
                             str(s["errors"]), f"{s['cpu_s_per_1000_articles']:.2f}"))
            a = st["all_stages"]
            rows.append(("all stages (in-process)", f"{a['articles_per_s']:.1f}", f"{a['tokens_per_s']:.0f}",
                         f"{a['seconds']:.2f}", "", f"{a['cpu_s_per_1000_articles']:.2f}"))
            # Rounds interleave the runs, so a slower spell of a shared machine hits both sides of a ratio:
            # each ratio is taken within a round, and the median round is reported.
            dp_limit = n if args.dateparser_limit is None else args.dateparser_limit
            texts = [a["text"] for a in articles[:dp_limit]]
            two = write_jsonl(articles[:2], Path(tmp) / "two.jsonl")  # start-up: two articles start a pool
            rounds: list[dict[str, Any]] = []
            for _ in range(max(1, args.repeat)):
                rnd: dict[str, Any] = {"end_to_end": {w: run_extract(src, w, until, args.ner, n) for w in workers},
                                       "start_up": {w: run_extract(two, w, until, args.ner, 2)["seconds"]
                                                    for w in workers},
                                       "dateparser": bench_dateparser(texts)}
                if max(workers) > 1:
                    rnd["ceiling"] = bench_ceiling(max(workers))
                rounds.append(rnd)
            report["rounds"] = rounds
            e2e = {w: median_run([r["end_to_end"][w] for r in rounds]) for w in workers}
            report["end_to_end"] = list(e2e.values())
            for w, r in e2e.items():
                rows.append((f"seedx extract --workers {w}", f"{r['articles_per_s']:.1f}",
                             f"{st['tokens'] / r['seconds']:.0f}", f"{r['seconds']:.2f}", str(r["failed"]),
                             f"{r['cpu_s_per_1000_articles']:.2f}"))
            if 1 in e2e and len(e2e) > 1:
                per_round = {str(w): [round(r["end_to_end"][1]["seconds"] / r["end_to_end"][w]["seconds"], 2)
                                      for r in rounds] for w in workers}
                report["speedup_rounds"] = per_round
                report["speedup"] = {w: round(median(v), 2) for w, v in per_round.items()}
                # the same without start-up: (time for n articles - time for 2) per extra article
                steady = {str(w): [round((r["end_to_end"][1]["seconds"] - r["start_up"][1]) /
                                         (r["end_to_end"][w]["seconds"] - r["start_up"][w]), 2) for r in rounds]
                          for w in workers}
                report["steady_speedup_rounds"] = steady
                report["steady_speedup"] = {w: round(median(v), 2) for w, v in steady.items()}
                report["start_up_s"] = {str(w): round(median([r["start_up"][w] for r in rounds]), 2) for w in workers}
            if "ceiling" in rounds[0]:
                report["ceiling"] = {"workers": max(workers), "rounds": [r["ceiling"]["ceiling"] for r in rounds],
                                     "median": round(median([r["ceiling"]["ceiling"] for r in rounds]), 2)}
            dps = [r["dateparser"] for r in rounds if r["dateparser"]]
            dp = median_run(dps) if dps else None
            report["dateparser"] = dp
            if dp:
                rows.append((f"dateparser search_dates ({dp['articles']} art.)", f"{dp['articles_per_s']:.1f}", "",
                             f"{dp['seconds']:.2f}", "", f"{dp['cpu_s_per_1000_articles']:.2f}"))
                per_round = {str(w): [round(r["end_to_end"][w]["articles_per_s"] / r["dateparser"]["articles_per_s"], 2)
                                      for r in rounds if r["dateparser"]] for w in workers}
                report["ratio_vs_dateparser_rounds"] = per_round
                report["ratio_vs_dateparser"] = {w: round(median(v), 2) for w, v in per_round.items()}
            print(f"{n} articles, {st['tokens']} tokens, stages {' → '.join(stages)} (warm-up {st['warm_up_s']} s)")
            print(table(rows))
            print(f"end-to-end rows: the median of {len(rounds)} interleaved rounds")
            for w, r in e2e.items():
                print(f"--workers {w}: peak PSS {r['peak_pss_mb']:.0f} MB, peak RSS {r['peak_rss_mb']:.0f} MB (largest "
                      f"process {r['peak_rss_largest_process_mb']:.0f} MB)")
            if "speedup" in report:
                print("speed-up over 1 worker: " + ", ".join(
                    f"{w} workers x{report['speedup'][w]} (rounds {', '.join(map(str, v))})"
                    for w, v in report["speedup_rounds"].items() if w != "1"))
            if "steady_speedup" in report:
                print("the same without start-up (" + ", ".join(f"{w} workers {s} s" for w, s in
                                                             report["start_up_s"].items()) + "): " + ", ".join(
                    f"{w} workers x{report['steady_speedup'][w]} (rounds {', '.join(map(str, v))})"
                    for w, v in report["steady_speedup_rounds"].items() if w != "1"))
            if "ceiling" in report:
                c = report["ceiling"]
                print(f"this machine's ceiling for {c['workers']} independent processes (a CPU loop alone vs "
                      f"{c['workers']} copies): x{c['median']} (rounds {', '.join(map(str, c['rounds']))})")
            if "ratio_vs_dateparser" in report:
                print("end to end vs dateparser search_dates: " + ", ".join(
                    f"{w} workers x{report['ratio_vs_dateparser'][w]} (rounds {', '.join(map(str, v))})"
                    for w, v in report["ratio_vs_dateparser_rounds"].items()))
    report["machine"]["load_avg_end"] = os.getloadavg()
    args.json_out.parent.mkdir(parents=True, exist_ok=True)
    args.json_out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"load average {report['machine']['load_avg']} → {report['machine']['load_avg_end']}; "
          f"wrote {args.json_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
