"""A two-figure note label that OCR read as two words ("1 0 Report ...") opens the expected note
(structure.notes._split_label)."""

from __future__ import annotations

import pytest

from unref.structure import notes


@pytest.mark.parametrize(
    ("text", "expected", "out"),
    [
        ("1 0 Report of the Fourth World Conference on Women", 10, ("10", 4)),
        ("  2 5 Ibid., para. 3.", 25, ("25", 6)),
        ("1 0 Report of the Fourth World Conference", 11, None),  # not the number expected
        ("1 0 Report", None, None),  # no number expected
        ("3 4 5 Ibid.", 3, None),  # one figure expected: "3 4" is no label of it
        ("1 0", 10, None),  # no text after it
        ("10 Report", 10, None),  # the label whole: the inline pattern's
    ],
)
def test_split_label(text: str, expected: int | None, out: tuple[str, int] | None) -> None:
    assert notes._split_label(text, expected) == out


def test_split_label_opens_the_note() -> None:
    assert notes._opening_label("1 0 Report of the", True, 10) == ("10", 4)
    assert notes._opening_label("1 0 Report of the", False, 10) == ("1", 2)  # letter notes: the inline pattern's
