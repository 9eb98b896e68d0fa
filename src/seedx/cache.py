"""The stage cache: what a stage assigned, stored under its chained key.

A stage's key hashes the raw text's hash, and the name, version and config of
that stage and of every stage before it, so changing a stage (or one it reads
from) invalidates it and everything after it, and nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from seedx.io import write_atomic


class StageCache:
    """A directory of JSON blobs named by key."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        try:
            value = orjson.loads(data)
        except orjson.JSONDecodeError:
            return None  # a damaged entry is a miss, and will be rewritten
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, Any]) -> None:
        write_atomic(self._path(key), orjson.dumps(value))
