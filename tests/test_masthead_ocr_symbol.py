"""The masthead reader takes a symbol line whose slash after the large series letter OCR read as a space
("S 2025/68"), where the symbol grammar and the series catalogue accept the joined symbol."""

from __future__ import annotations

import pytest

import unref
from unref.structure.masthead.reader import spaced_series

BODY = (
    "I have the honour to refer to the situation in the region, which has been described\n"
    "in detail by the Commission of Inquiry in its report to the Council.\n"
    "\n25-01234 (E)\n\f"
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("S 2025/68", "S/2025/68"),
        ("A 79/PV.64", "A/79/PV.64"),
        ("DP 2025/18", "DP/2025/18"),
        ("Q 2025/68", "Q 2025/68"),  # no such series
        ("S 2025", "S 2025"),  # no slash after it: a year, not a symbol
        ("S/2025/68", "S/2025/68"),  # printed right: as it stands
        ("Item 2025/68", "Item 2025/68"),
        ("S 2025/68 and more", "S 2025/68 and more"),
    ],
)
def test_spaced_series(line: str, expected: str) -> None:
    assert spaced_series(line) == expected


def test_masthead_takes_the_spaced_symbol() -> None:
    masthead = (
        "United Nations\n\nS 2025/68\n\nSecurity Council\n\nDistr.: General\n31 January 2025\n"
        "Original: English\n\n"
        "Letter dated 30 January 2025 from the Permanent Representative of Utopia to\n"
        "the United Nations addressed to the President of the Security Council\n\n"
    )
    md = unref.parse(text=masthead + BODY).metadata
    assert md.symbols == ["S/2025/68"]
    assert md.date == "2025-01-31"
