"""A fragment's text from its glyphs (read.pdf.glyphs.fragment_text): word spaces from the gaps, printed spaces,
and raised markers glued to the word before them, with their offsets."""

from __future__ import annotations

import pytest

from unref.read.pdf.glyphs import Fragment, Glyph, Row, fragment_text

SIZE = 10.0
RAISED = 6.0  # a superscript's size: under SUPERSCRIPT_SIZE of the line's


def _glyphs(spec: str) -> list[Glyph]:
    """Return glyphs for `spec`: each character 5 pt wide, set right after the one before; '_' is a gap of
    4 pt (a word space), '^' raises the characters after it (a marker) until the next '^'."""
    out: list[Glyph] = []
    x = 0.0
    raised = False
    for ch in spec:
        if ch == "_":
            x += 4.0
            continue
        if ch == "^":
            raised = not raised
            continue
        size, bottom = (RAISED, 4.0) if raised else (SIZE, 0.0)
        out.append((ch, x, bottom, x + 5.0, bottom + size, size))
        x += 5.0
    return out


def _fragment(spec: str, spaced: bool = False) -> Fragment:
    glyphs = _glyphs(spec)
    row = Row([], 0.0, SIZE, SIZE, spaced=spaced)
    return Fragment(row, glyphs, glyphs[0][1], glyphs[-1][3], SIZE, 0.0, SIZE)


@pytest.mark.parametrize(("spec", "spaced", "text", "markers"), [
    ("war", False, "war", []),
    ("the_war", False, "the war", []),  # a gap wider than SPACE_GAP is a word space
    ("the war", True, "the war", []),  # a printed space
    ("the  _war", True, "the war", []),  # printed spaces and a gap: one space
    ("war.^1^", False, "war.1", [(4, "1")]),  # a marker glued to the word before it
    ("war.^1^_and", False, "war.1 and", [(4, "1")]),
    ("war^1,2^", False, "war1,2", [(3, "1"), (5, "2")]),  # two labels in one raised run
    ("in_2023.^2^", False, "in 2023. 2", [(9, "2")]),  # not glued to a number: it would read as one with it
    ("end^a^", False, "enda", [(3, "a")]),  # a marker that ends the fragment
])
def test_fragment_text(spec: str, spaced: bool, text: str, markers: list[tuple[int, str]]) -> None:
    assert fragment_text(_fragment(spec, spaced)) == (text, markers)
