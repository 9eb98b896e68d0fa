"""Build src/seedx/resources/normalize_table.json: normalize's character table, precomputed.

Usage: python tools/build_normalize_table.py
Rerun after changing src/seedx/stages/normalize.py or upgrading camel-tools: the
table records what it was built from, and normalize ignores (and rebuilds in
memory, slowly) a table that does not match (tests/stages/test_normalize.py fails).
"""

from __future__ import annotations

import json

from seedx.resources import path
from seedx.stages.normalize import TABLE_RESOURCE, build_table, table_key


def main() -> None:
    out = path(TABLE_RESOURCE)
    data = {"key": table_key(), **build_table()}
    out.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(data['translate'])} mapped, {len(data['special'])} deleted or expanded characters")


if __name__ == "__main__":
    main()
