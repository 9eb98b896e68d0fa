"""The one YYYY-MM-DD check shared by input reading and the CLI (kept import-light for `--help`)."""

from __future__ import annotations

import re

_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_iso_date(value: object) -> bool:
    """True for a string shaped YYYY-MM-DD, the only date form inputs and --published take."""
    return isinstance(value, str) and _ISO_DATE_RE.match(value) is not None
