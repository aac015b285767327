"""The page's foot (job number, bar code, recycling notice) read into a footnote area on a scan is cut off
(structure.notes._without_foot)."""

from __future__ import annotations

import pytest

from unref.model import Line
from unref.structure import notes


@pytest.mark.parametrize(
    ("text", "foot"),
    [
        ("25-05843 E) 210425", True),  # the bracket lost
        ("25-06252 (E 280425", True),
        ("GE.19-13879(E)", True),
        ("2506744 (E)", True),  # the hyphen lost, the language's letter kept
        ("25-08901 (E)", True),
        ("25-02892", True),
        ("2506744", False),  # seven figures alone: no job number's mark
        ("1234567 (a)", False),
        ("See 25-05843", False),  # a note that cites a number
        ("1 See A/78/814-S/2024/241.", False),
    ],
)
def test_foot_job_number(text: str, foot: bool) -> None:
    assert bool(notes._FOOT_JOB_RE.match(text)) is foot


def test_without_foot_cuts_the_job_number_and_what_follows() -> None:
    lines = [Line(t, 0, 1, kind="note") for t in ("1 See A/78/814-S/2024/241.", "25-05843 E) 210425", "i",
                                                  "Please e recycle va)")]
    kept = notes._without_foot(lines)
    assert [ln.text for ln in kept] == ["1 See A/78/814-S/2024/241."]
    assert [ln.kind for ln in lines] == ["note", "furniture", "furniture", "furniture"]


def test_without_foot_keeps_an_area_without_a_job_number() -> None:
    lines = [Line("1 See A/78/814.", 0, 1, kind="note"), Line("2 Ibid.", 20, 1, kind="note")]
    assert notes._without_foot(lines) == lines
