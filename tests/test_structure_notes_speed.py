"""Table tests for the note finder's bounded scans: they find what a scan of every character found."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unref.model import Line
from unref.structure.notes import _bottom_labels, _glued_label_pattern, label_matches, marker_pattern


def _spans(pattern_label: tuple[str, str], text: str, pos: int, stop: int) -> list[tuple[int, int]]:
    label, kind = pattern_label
    pattern = _glued_label_pattern(label) if kind == "glued" else marker_pattern(label)
    return [m.span() for m in label_matches(pattern, label, text, pos, stop)]


def _finditer_spans(pattern_label: tuple[str, str], text: str, pos: int, stop: int) -> list[tuple[int, int]]:
    label, kind = pattern_label
    pattern = _glued_label_pattern(label) if kind == "glued" else marker_pattern(label)
    return [m.span() for m in pattern.finditer(text, pos) if m.start() < stop]


@pytest.mark.parametrize(("label", "kind", "text", "pos", "stop", "spans"), [
    ("3", "marker", "the Council.3 It decided3 on 13 March", 0, 99, [(12, 13), (24, 25)]),
    ("3", "marker", "the Council.3 It decided3 on 13 March", 13, 99, [(24, 25)]),  # from a cursor on
    ("3", "marker", "the Council.3 It decided3 on 13 March", 0, 24, [(12, 13)]),  # a match must start before stop
    ("12", "marker", "reports,12 and 1212 more", 0, 99, [(8, 10)]),
    ("*", "marker", "Iraq:* , ** and Chile*", 0, 99, [(5, 6), (21, 22)]),
    ("2", "glued", "in 2022.2 ODA remains", 0, 99, [(8, 9)]),
    ("5", "marker", "", 0, 0, []),
])
def test_label_matches(label: str, kind: str, text: str, pos: int, stop: int, spans: list[tuple[int, int]]) -> None:
    assert _spans((label, kind), text, pos, stop) == spans
    assert _finditer_spans((label, kind), text, pos, stop) == spans


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="12 .,;:/*”)aA\n", max_size=40), st.sampled_from(["1", "12", "2", "*", "**"]),
       st.sampled_from(["marker", "glued"]), st.integers(0, 40), st.integers(0, 45))
def test_label_matches_as_finditer(text: str, label: str, kind: str, pos: int, stop: int) -> None:
    assert _spans((label, kind), text, pos, stop) == _finditer_spans((label, kind), text, pos, stop)


@pytest.mark.parametrize(("texts", "bottom"), [
    (["1 See A/80/1.", "text", "2", "1 Ibid."], {"1": 3, "2": 2}),  # the bottom-most line of each label
    (["Body text", "a Letter note"], {}),  # a letter opens no numbered note
    (["3/ The principles", "12"], {"3": 0, "12": 1}),
])
def test_bottom_labels(texts: list[str], bottom: dict[str, int]) -> None:
    lines = [Line(t, 10 * i, 1) for i, t in enumerate(texts)]
    assert _bottom_labels(lines, list(range(len(lines)))) == bottom


@pytest.mark.parametrize(("before", "start"), [
    ("", 0),
    ("resolution", 0),  # no white space: the whole text
    ("see paragraphs", 4),
    ("in A/80/1 and Add.", 14),
    ("the total\tof", 10),  # any white space parts the words
    ("as at 31 December\u00a02024.", 18),  # a no-break space too, as \\s takes it
])
def test_last_word_start(before: str, start: int) -> None:
    from unref.structure.notes import _last_word_start

    assert _last_word_start(before) == start


@pytest.mark.parametrize(("before", "after", "figure"), [
    ("paragraphs 3", " 4 and", True),  # a number after a figure goes on it
    ("2015–2030", " 7 and", False),  # after a year: a marker
    ("in April 2023.", " Both", False),  # after a stop, a new sentence: a marker
    ("at least 29.", " Both", False),
    ("at least 29.", " and", True),
    ("12", " x", True),  # the figure opens the text
    ("tier", " 1", False),
])
def test_after_figure(before: str, after: str, figure: bool) -> None:
    import re

    from unref.structure.notes import _after_figure

    # The test as first written: each pattern tried at every character.
    slow = bool(re.search(r"(?:^|\s)\d+[,.]?$", before) and not re.search(r"(?:^|\s)(?:19|20)\d\d[,.]?$", before)
                and not (before.endswith(".") and re.match(r"\s+[A-Z]|\s*$", after)))
    assert _after_figure(before, after) is figure
    assert slow is figure


@pytest.mark.parametrize(("text", "label"), [
    ("3 Staff time", "3"),
    ("   12", "12"),
    ("1/ The principles", "1"),
    ("a In accordance", None),  # a letter label is no number
    ("* Reissued", None),
    ("In 2024 the", None),
    ("\u0663 Arabic-Indic three", "\u0663"),  # \\d takes every decimal digit, as the test before it does
])
def test_digit_first_before_numbered_label(text: str, label: str | None) -> None:
    from unref.structure.notes import _DIGIT_FIRST_RE, _numbered_label

    assert _numbered_label(text) == label
    if label is not None:
        assert _DIGIT_FIRST_RE.match(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t1234/a*ZxS.\u0663\u00b2", max_size=12))
def test_digit_first_never_hides_a_label(text: str) -> None:
    from unref.structure.notes import _DIGIT_FIRST_RE, _label_of_line, _numbered_label

    alone = _label_of_line(text)
    if _numbered_label(text) is not None or (alone is not None and alone.isdigit()):
        assert _DIGIT_FIRST_RE.match(text)


def _marker_spans(label: str, text: str, pos: int, stop: int) -> list[tuple[int, int]]:
    from unref.structure.notes import marker_matches

    return [m.span() for m in marker_matches(label, text, pos, stop)]


@pytest.mark.parametrize(("label", "text", "spans"), [
    ("3", "the Council.3 It decided3 on 13 March", [(12, 13), (24, 25)]),
    ("13", "capabilities. 12,13In the", [(17, 19)]),  # the second of two listed markers, glued to the next word
    ("1", "reports 1/ and 11/ and 21", [(8, 10)]),  # a "1/" marker; "11/" and "21" are other numbers
    ("12", "reports,12 and 1212 more", [(8, 10)]),
    ("2", "in 2022.2 ODA", [(8, 9)]),  # after a stop: is_marker_at then reads it as part of a figure or not
    ("\u00b2", "the Council\u00b2 decided", [(11, 12)]),  # a digit that is no decimal keeps its own pattern
])
def test_marker_matches(label: str, text: str, spans: list[tuple[int, int]]) -> None:
    assert _marker_spans(label, text, 0, len(text)) == spans
    assert [m.span() for m in marker_pattern(label).finditer(text)] == spans


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123 .,;:/%”)aAI\n", max_size=40), st.sampled_from(["1", "12", "2", "3", "123", "01"]),
       st.integers(0, 40), st.integers(0, 45))
def test_marker_matches_as_the_label_pattern(text: str, label: str, pos: int, stop: int) -> None:
    assert _marker_spans(label, text, pos, stop) == _finditer_spans((label, "marker"), text, pos, stop)
