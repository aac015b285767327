"""The shortcuts repair takes where a step has no work (issue 16) decide as the long way does.

Each test sets a shortcut's answer beside what the pattern or loop it stands for gives.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unref.repair import _LINE_BREAK_RE, Context, _hot_marks, _pair_windows, _wide_break, join_lines
from unref.text.tracked import Tracked

# What _wide_break stands for: a match of _LINE_BREAK_RE that is more than a lone line break.
_WIDE_REFERENCE = re.compile(r"\n\s|[^\S\n]\n|[ \t\u00a0]{2}|\t")


@pytest.mark.parametrize(
    ("text", "wide"),
    [
        ("one line", False),
        ("two\nlines", False),
        ("a\n\nb", True),  # a blank line
        ("a\n b", True),  # an indented line
        ("a \nb", True),  # a space before the break
        ("a\u2009\nb", True),  # a thin space before the break
        ("a\r\nb", True),
        ("a\tb", True),
        ("a  b", True),
        ("a \u00a0b", True),
        ("a\u00a0\u00a0b", True),
        ("a\u00a0b", False),  # one no-break space is a word space
        ("a\u2009 b", False),  # a thin space and a space are no run of the pattern's third branch
        ("ends\n", False),
    ],
)
def test_wide_break(text: str, wide: bool) -> None:
    assert _wide_break(text) is wide
    assert bool(_WIDE_REFERENCE.search(text)) is wide
    assert any(m.group() != "\n" for m in _LINE_BREAK_RE.finditer(text)) is wide


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\t\u00a0\u2009\r", max_size=12))
def test_wide_break_is_the_pattern(text: str) -> None:
    assert _wide_break(text) is bool(_WIDE_REFERENCE.search(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\t\u00a0", max_size=14), st.integers(0, 50))
def test_join_lines_same_as_edits(text: str, start: int) -> None:
    """join_lines gives the text and offsets that one edit per match gives, on the short way or the long."""
    t = Tracked.from_source(text, start)
    edits = [(m.start(), m.end(), " ") for m in _LINE_BREAK_RE.finditer(text)]
    expected = t.edit(edits).strip()
    got = join_lines(t, Context())
    assert (got.text, got.offsets) == (expected.text, expected.offsets)


@pytest.mark.parametrize(
    ("text", "words", "marks"),
    [
        ("the Council met", Counter({"Council": 3}), []),  # common words, a name printed often
        ("the Counci l met", Counter({"Counci": 1}), [1, 2]),  # "Counci" printed once, "l" a loose piece
        ("Februa ry 2025", Counter(), [0, 1]),  # two loose pieces
        ("the Re public of", Counter({"Re": 1, "Republic": 2}), [1]),  # "Re" printed once; "public" a word
        ("in Haiti and", Counter({"Haiti": 2}), []),  # a name the document prints twice
        ("the Re public of", Counter(), []),  # no words known: a capitalized word is no mark
        ("x y z", Counter(), [0, 1, 2]),
    ],
)
def test_hot_marks(text: str, words: Counter[str], marks: list[int]) -> None:
    assert _hot_marks(text.split(" "), "en", words) == marks


def test_pair_windows_cover_the_marks() -> None:
    text = "the Februa ry session and the a lso known"
    windows = _pair_windows(text, "en", Counter())
    assert [text[a:b] for a, b in windows] == ["the Februa ry session ", "a lso known"]


def test_same_offsets() -> None:
    t = Tracked.concat([Tracked.from_source("ab", 10), "\n", Tracked.from_source("cd", 20)])
    u = t.same_offsets(t.text.replace("\n", " "))
    assert (u.text, u.offsets) == ("ab cd", t.offsets)
    with pytest.raises(ValueError):
        t.same_offsets("abc")


@pytest.mark.parametrize(
    "parts",
    [
        [("one run", 5)],
        [("ab", 10), ("cd", 20)],
        [],
    ],
)
def test_one_run_spans_and_bounds(parts: list[tuple[str, int]]) -> None:
    """spans and bounds of one run (their short way) and of several give what the offsets say."""
    t = Tracked.concat([Tracked.from_source(text, at) for text, at in parts])
    offsets = t.offsets
    assert t.bounds() == ((min(offsets), max(offsets), offsets == sorted(offsets)) if offsets else (0, -1, True))
    assert [o for s in t.spans() for o in range(s.source_start, s.source_end)] == offsets


@pytest.mark.parametrize(
    ("text", "changed"),
    [
        ("a plain sentence.", False),
        ("Dock .", True),
        ("( A/77/801)", True),
        ("full -scale", True),
        ("a – dash", False),  # a dash between spaces: the third hint, but no rule's match
        ("“ word", True),
    ],
)
def test_fold_punctuation_spacing_prefilter(text: str, changed: bool) -> None:
    from unref.repair import fold_punctuation_spacing

    t = Tracked.from_source(text, 0)
    assert (fold_punctuation_spacing(t, Context()).text != text) is changed


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="ab", max_size=3), st.integers(0, 12)), max_size=5))
def test_from_lines_is_the_concat_of_its_lines(lines: list[tuple[str, int]]) -> None:
    """from_lines (its runs built inline) gives the runs of the lines joined with plain line breaks."""
    from unref.model import Line

    parts: list[Tracked | str] = []
    for k, (text, start) in enumerate(lines):
        parts += ["\n", Tracked.from_source(text, start)] if k else [Tracked.from_source(text, start)]
    assert Tracked.from_lines(Line(text, start, 1) for text, start in lines) == Tracked.concat(parts)


@pytest.mark.parametrize(
    ("text", "pieces", "found"),
    [
        ("the ceasefire held", frozenset({"ceasefire"}), True),
        ("the cease-fire held", frozenset({"ceasefire"}), False),
        ("vis-àvis", frozenset({"àvis", "portau"}), True),
        ("nothing here", frozenset(), False),
    ],
)
def test_holds_any_is_the_pattern_search(text: str, pieces: frozenset[str], found: bool) -> None:
    from unref.repair import _holds_any

    assert _holds_any(text, pieces) is found
    pattern = re.compile("|".join(map(re.escape, sorted(pieces)))) if pieces else None
    assert (pattern is not None and pattern.search(text) is not None) is found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nagorno -\nKarabakh", "Nagorno-Karabakh"),  # a spaced hyphen at a line end: the compiled pattern
        ("confi-\ndence", "confidence"),
        ("a - dash\nand more", "a - dash\nand more"),  # a spaced hyphen, no line end after it
    ],
)
def test_join_line_end_hyphens_gate(text: str, expected: str) -> None:
    from unref.repair import join_line_end_hyphens

    assert join_line_end_hyphens(Tracked.from_source(text, 0), Context()).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see www.un.org/en/ peace-and-security", "see www.un.org/en/peace-and-security"),
        ("see un.org/en/ peace", "see un.org/en/ peace"),  # no "www." and no "://": no address to join
    ],
)
def test_join_address_pieces_gate(text: str, expected: str) -> None:
    from unref.repair import join_address_pieces

    assert join_address_pieces(Tracked.from_source(text, 0), Context()).text == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("plain ascii", 0),
        ("“Latin” – Кириллица, العربية, 中文", 0),  # below U+D800: the short way
        ("\ud7ff\ue000\ufdcf\ufdf0\ufffd", 0),  # high, beside the ranges: the full class decides
        ("a\ud800b", 1),  # a lone surrogate
        ("\ufdd0\ufffe\uffff", 3),
        ("\U0001fffe \U0010ffff \U0001f600", 2),  # plane ends; an emoji is a character
        ("\uf0b7 \ufb01 \uff0c \U00020000", 0),  # private use, a ligature, full-width comma, ideograph ext. B
    ],
)
def test_replace_noncharacters(text: str, count: int) -> None:
    from unref.text.chars import NONCHARACTER_RE, replace_noncharacters

    assert replace_noncharacters(text) == NONCHARACTER_RE.subn("\ufffd", text)
    assert replace_noncharacters(text)[1] == count


#: Code points at and beside the edges of the non-character ranges, and characters from U+D000 up.
_EDGES = st.sampled_from(["\ud800", "\udfff", "\ufdcf", "\ufdd0", "\ufdef", "\ufdf0", "\ufffd", "\ufffe", "\uffff",
                          "\U0001fffd", "\U0001fffe", "\U0001ffff", "\U00020000", "\U0010fffe", "\U0010ffff"])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_EDGES | st.characters(min_codepoint=0xD000, max_codepoint=0x10FFFF), max_size=12)
       | st.text(max_size=12))
def test_replace_noncharacters_agrees_with_the_full_class(text: str) -> None:
    from unref.text.chars import NONCHARACTER_RE, replace_noncharacters

    assert replace_noncharacters(text) == NONCHARACTER_RE.subn("\ufffd", text)
