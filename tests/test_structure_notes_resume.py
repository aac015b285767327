"""A numbered note sequence resumes after labels OCR misread (structure.notes._resumes, _one_line_each)."""

from __future__ import annotations

import pytest

from unref.model import Line
from unref.structure import notes


def lines(*texts: str) -> list[Line]:
    return [Line(t, 10 * k, 1, kind="note") for k, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("label", "expected", "after", "resumes"),
    [
        ("13", 10, ["14 JS3, p.4.", "5 VIS, p.7."], True),  # the next label goes on from it
        ("13", 10, ["Ibid.", "14 JS3, p.4."], True),  # the next line that opens with a label
        ("13", 10, ["5 VIS, p.7.", "14 JS3, p.4."], False),  # the next label does not go on from it
        ("13", 10, [], False),  # nothing after it to confirm
        ("11", 10, ["12 Ibid."], False),  # one past the expected: _in_sequence's (skip 1)
        ("16", 10, ["17 Ibid."], False),  # past RESUME_REACH
        ("13", None, ["14 Ibid."], False),  # no number expected
        ("a", 10, ["b Ibid."], False),
    ],
)
def test_resumes(label: str, expected: int | None, after: list[str], resumes: bool) -> None:
    assert notes._resumes(label, expected, lines(*after)) is resumes


def test_one_line_each_gives_the_lost_labels_their_lines() -> None:
    raw = [notes.RawNote("9", 14, lines("For relevant recommendations see A/HRC/28/4.", "ENVIS. p.6;", "YIS3.p.2.",
                                        "2 Al, p.1 and JS6, p.14."))]
    notes._one_line_each(raw, 10, 13)
    assert [(n.label, [ln.text for ln in n.lines]) for n in raw] == [
        ("9", ["For relevant recommendations see A/HRC/28/4."]),
        ("10", ["ENVIS. p.6;"]),
        ("11", ["YIS3.p.2."]),
        ("12", ["2 Al, p.1 and JS6, p.14."]),
    ]


def test_one_line_each_needs_a_line_a_label() -> None:
    raw = [notes.RawNote("9", 14, lines("For relevant", "recommendations see A/HRC/28/4.", "ENVIS. p.6;"))]
    notes._one_line_each(raw, 10, 13)  # two lines more, three labels lost: which line is whose is not known
    assert len(raw) == 1 and len(raw[0].lines) == 3


def test_inline_notes_resume_after_misread_labels() -> None:
    printed = lines("9 For relevant recommendations.", "ENVIS. p.6;", "YIS3.p.2.", "2 Al, p.1.", "13 IS2. 06.",
                    "14 IS3.p 4.")
    got = notes._inline_notes(printed, 14)
    assert [n.label for n in got] == ["9", "10", "11", "12", "13", "14"]
