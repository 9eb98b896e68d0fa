"""Shared fixtures: the repository's sample articles and ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RAW_DIR = ROOT / "data" / "raw"


@pytest.fixture
def shared() -> Path:
    """../shared beside the checkout; tests that need it skip cleanly without it."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture
def raw_dir() -> Path:
    return RAW_DIR
