"""A row cut into fragments (read.pdf.glyphs._split): glyphs of one size take _split_plain, which writes each
fragment's text in the same pass; it must give the fragments of _split_general and the text that fragment_text
gives each of them."""

from __future__ import annotations

import random

import pytest

from unref.read.pdf.glyphs import (
    FRAGMENT_GAP,
    Fragment,
    Glyph,
    Row,
    _split,
    _split_general,
    _split_plain,
    fragment_text,
    fragments,
)

SIZE = 10.0


def _glyphs(spec: str, size: float = SIZE) -> list[Glyph]:
    """Return glyphs for `spec`: each character 5 pt wide, set right after the one before; '_' is a gap of 4 pt
    (a word space), '|' a gap of 30 pt (a column), ' ' a printed space 3 pt wide, '<' a step 8 pt back."""
    out: list[Glyph] = []
    x = 0.0
    for ch in spec:
        if ch in "_|<":
            x += {"_": 4.0, "|": 30.0, "<": -8.0}[ch]
            continue
        width = 3.0 if ch == " " else 5.0
        out.append((ch, x, 0.0, x + width, size, size))
        x += width
    return out


@pytest.mark.parametrize(("spec", "spaced", "texts"), [
    ("war", False, ["war"]),
    ("in_the_war", False, ["in the war"]),
    ("in the war", True, ["in the war"]),
    ("in  the", True, ["in the"]),
    (" in the ", True, ["in the"]),
    ("A/79/1|2 May", True, ["A/79/1", "2 May"]),
    ("left|mid|right", False, ["left", "mid", "right"]),
    ("ab <cd", True, ["ab cd"]),
    ("x_ |y", True, ["x", "y"]),
])
def test_plain_split_is_the_general_split(spec: str, spaced: bool, texts: list[str]) -> None:
    glyphs = _glyphs(spec)
    row = Row([], 0.0, SIZE, SIZE, spaced=spaced, glyphs=glyphs)
    limit = FRAGMENT_GAP * SIZE
    plain = _split_plain(row, glyphs, limit, SIZE)
    assert [f.content() for f in plain] == [(t, []) for t in texts]
    for f in plain:  # the text fragment_text gives the same fragment
        assert fragment_text(Fragment(f.row, f.glyphs, f.x0, f.x1, f.size, f.base, f.top)) == f.content()
    assert [f.text for f in fragments(row)] == texts


@pytest.mark.parametrize(("sizes", "plain"), [
    ((10.0, 10.0), True),  # one size: the one pass
    ((10.0, 6.0), False),  # a raised marker's size beside the text's: the general way (markers)
    ((0.0, 0.0), False),  # size 0: every glyph could read as raised; the general way decides
])
def test_which_way_a_row_takes(sizes: tuple[float, float], plain: bool) -> None:
    glyphs = [("a", 0.0, 0.0, 5.0, 10.0, sizes[0]), ("b", 5.0, 0.0, 10.0, 10.0, sizes[1])]
    row = Row([], 0.0, SIZE, SIZE, glyphs=glyphs)
    (frag,) = _split(row, glyphs, 100.0)
    assert (frag._text is not None) is plain
    assert frag.content() == fragment_text(frag)


@pytest.mark.parametrize("seed", range(40))
def test_plain_split_agrees_on_random_rows(seed: int) -> None:
    """Random rows of letters and printed spaces with gaps of every width, steps back and overlaps: the one
    pass gives the general way's fragments (glyphs, edges, band) and fragment_text's text."""
    rnd = random.Random(seed)
    glyphs: list[Glyph] = []
    x = rnd.uniform(-5, 50)
    for _ in range(rnd.randint(1, 60)):
        ch = rnd.choice("ab.1 ") if rnd.random() < 0.8 else " "
        width = rnd.uniform(0.0, 6.0)
        glyphs.append((ch, x, rnd.choice((0.0, 0.5)), x + width, SIZE, SIZE))
        x += width + rnd.choice((0.0, 0.0, 1.0, 2.5, 17.0, 40.0, -3.0, -20.0))
    for spaced in (False, True):
        row = Row([], 0.0, SIZE, SIZE, spaced=spaced, glyphs=glyphs)
        limit = FRAGMENT_GAP * SIZE
        plain = _split_plain(row, list(glyphs), limit, SIZE)
        general = _split_general(row, list(glyphs), limit)
        assert [(f.glyphs, f.x0, f.x1, f.size, f.base, f.top) for f in plain] == \
            [(f.glyphs, f.x0, f.x1, f.size, f.base, f.top) for f in general]
        assert [f.content() for f in plain] == [fragment_text(f) for f in general]
