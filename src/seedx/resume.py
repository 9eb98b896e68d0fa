"""Resume: tell whether an article's record file is already complete.

Records are written atomically (seedx.io.write_atomic), so after a kill -9 a
record file is either absent or whole. "Complete" means more than "parses":
the file must be the record this run would write — same article text, same
input metadata, and the same stages at the same versions and settings —
so that changing a stage, `--until` or `--published` redoes the article
instead of silently keeping a stale record.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from seedx import __version__
from seedx.document import Document


class ResumeCheck:
    """Compares existing record files with what the current configuration would produce."""

    def __init__(self, stages: tuple[Any, ...], options: dict[str, Any]) -> None:
        self._stages = stages
        self._options = options
        self._expected: dict[str, dict[str, Any]] | None = None

    def expected_stages(self) -> dict[str, dict[str, Any]]:
        """Stage name to {version, config...}: computed on first use, since it imports the stage modules."""
        if self._expected is None:
            want = {s.name: {"version": s.version, **s.config(self._options)} for s in self._stages}
            self._expected = orjson.loads(orjson.dumps(want))  # as the record holds it: tuples become lists
        return self._expected

    def existing(self, path: Path, doc: Document) -> dict[str, Any] | None:
        """The parsed record at `path` when it is complete for `doc`, else None."""
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            rec = orjson.loads(data)
        except orjson.JSONDecodeError:
            return None
        return rec if isinstance(rec, dict) and self._matches(rec, doc) else None

    def _matches(self, rec: dict[str, Any], doc: Document) -> bool:
        if rec.get("doc_id") != doc.id or rec.get("text_sha256") != doc.sha256:
            return False
        if rec.get("source") != doc.source or rec.get("url") != doc.url or rec.get("meta", {}) != doc.meta:
            return False
        if doc.title is not None and rec.get("title") != doc.title:
            return False
        published = rec.get("published") or {}
        if doc.published_input is not None:
            if published.get("source") != "input" or published.get("value") != doc.published_input:
                return False
        elif published.get("source") == "input":
            return False
        pipeline = rec.get("pipeline") or {}
        if pipeline.get("version") != __version__:
            return False
        stages = pipeline.get("stages") or {}
        expected = self.expected_stages()
        if list(stages) != list(expected):
            return False
        for name, want in expected.items():
            got = {k: v for k, v in stages[name].items() if k != "cached"}
            if got != want:
                return False
        return True


def record_counts(rec: dict[str, Any]) -> tuple[int, int, int]:
    """(entities, timexes, events) of a parsed record, for the run's summary."""
    return len(rec.get("entities") or ()), len(rec.get("timexes") or ()), len(rec.get("events") or ())
