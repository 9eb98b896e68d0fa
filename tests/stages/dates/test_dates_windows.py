"""The rule windows: the shortcut for hits inside the last window changes no window."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from seedx.stages.dates import _MARGIN, _SPACE_RE, _windows


def reference_windows(text: str, hits: list[int]) -> list[tuple[int, int]]:
    """The windows as first written: every hit's end cut between words, then merged."""
    out: list[tuple[int, int]] = []
    for s, e in [(h, h + 1) for h in hits]:
        lo, hi = max(0, s - _MARGIN), min(len(text), e + _MARGIN)
        if hi < len(text):
            cut = _SPACE_RE.search(text, hi)
            hi = cut.start() if cut else len(text)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab ،.\n", max_size=800), data=st.data())
def test_windows_match_the_reference(text: str, data: st.DataObject) -> None:
    hits = sorted(data.draw(st.lists(st.integers(0, max(0, len(text) - 1)), max_size=30))) if text else []
    assert _windows(SimpleNamespace(core=None), text, hits) == reference_windows(text, hits)
