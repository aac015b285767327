"""Table tests for the note decisions of the structure stage: labels in sequence, where a note starts,
what a marker is, and what is cut with it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unref.model import Line
from unref.structure import notes
from unref.structure.notes import (
    RawNote,
    _after_figure,
    _after_slashed_name,
    _area_labels,
    _cut_bounds,
    _floated_label_note,
    _floated_note_block,
    _in_sequence,
    _inline_label,
    _marker_after_month,
    _marker_after_plural,
    _next_marker_listed,
    _number_is_marker,
    _opens_a_sequence,
    _slash_label_after_lost,
    _star_note_opens,
    _start_score,
    glued_number_markers,
    is_marker_at,
)
from unref.text.regexes import STAR_NOTE_RE


@pytest.mark.parametrize(
    ("label", "expected", "skip", "ok"),
    [
        ("3", None, 0, True),  # nothing expected yet
        ("a", 3, 0, True),  # a letter label
        ("3", 3, 0, True),
        ("4", 3, 0, False),
        ("4", 3, 1, True),  # a note whose label was lost stands between
        ("5", 3, 1, False),
        ("2", 3, 1, False),
    ],
)
def test_in_sequence(label: str, expected: int | None, skip: int, ok: bool) -> None:
    assert _in_sequence(label, expected, skip) is ok


@pytest.mark.parametrize(
    ("text", "numbered", "label"),
    [
        ("1 FCCC/CP/1995/7/Add.1", True, "1"),
        ("a In accordance with the rules", False, "a"),
        ("a In accordance with the rules", True, None),  # where notes are numbered, "a" opens a sentence
        ("* Reissued for technical reasons.", True, "*"),
        ("The text of a note", True, None),
    ],
)
def test_inline_label(text: str, numbered: bool, label: str | None) -> None:
    m = _inline_label(text, numbered)
    assert (m.group(1) if m else None) == label


@pytest.mark.parametrize(
    ("prev", "cur", "hinted", "width", "score"),
    [
        ("the end of a note.", "See A/79/1.", True, 80, 11.0),
        ("the end of a note.", "See A/79/1.", False, 80, 6.0),
        ("x" * 78, "goes on", False, 80, 0.0),
        ("https://undocs.org/A/79/1", "The next", False, 0, 4.0),
        # An address after "See" at a line's end goes on that note; after a sentence's end it may open one.
        ("emergency efforts to restore State authority and public safety. See",
         "https://www.washingtonpost.com/world/2025/04/10/haiti-government-drones-gangs/.", False, 90, 2.0),
        ("See https://apnews.com/article/haiti-gangs-canape-vert-police-8ae266fadfb1656fdb80a44430e83d83.",
         "https://www.reuters.com/world/americas/thousands-haitians-take-streets-protest/.", False, 0, 3.0),
    ],
)
def test_start_score(prev: str, cur: str, hinted: bool, width: int, score: float) -> None:
    assert _start_score(prev, cur, hinted, width) == score


def lines(*texts: str) -> list[Line]:
    """Return body lines at consecutive offsets."""
    return [Line(t, k * 100, 1, kind="body" if t else "blank") for k, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("texts", "expected", "labels"),
    [
        (("3 See A/79/1.", "4 Ibid."), 3, ["3", "4"]),
        (("3 See A/79/1.", "going on", "4 Ibid."), 3, ["3", "4"]),
        (("3 See A/79/1.", "1 309"), 3, None),  # a row of figures: a table, not a note area
        (("3 See A/79/1.", "23 августа 2024 г.", "24 июля"), 3, None),  # more numbers out of order than labels
        (("3 See A/79/1.", "23 августа 2024 г."), 3, ["3"]),
    ],
)
def test_area_labels(texts: tuple[str, ...], expected: int, labels: list[str] | None) -> None:
    area = lines(*texts)
    assert _area_labels(area, list(range(len(area))), expected) == labels


@pytest.mark.parametrize(
    ("texts", "i", "opens"),
    [
        (("The text above.", "", "* Reissued for technical reasons."), 2, True),  # a blank line above
        (("The text (see annexes),*", "* Circulated in the language of submission only."), 1, True),
        (("The text above.", "* Circulated in the language of submission only."), 1, False),  # no marker above
        (("The text (see annexes),*", "*", "Circulated in the language of submission only."), 1, True),
    ],
)
def test_star_note_opens(texts: tuple[str, ...], i: int, opens: bool) -> None:
    page = lines(*texts)
    assert _star_note_opens(page, i, STAR_NOTE_RE.match(page[i].text)) is opens


@pytest.mark.parametrize(
    ("text", "start", "end", "listed"),
    [
        ("in Riga. 28,29 The", 9, 11, True),
        ("in Riga. 28,30 The", 9, 11, False),
        ("in Riga. 28, The", 9, 11, False),
    ],
)
def test_next_marker_listed(text: str, start: int, end: int, listed: bool) -> None:
    assert _next_marker_listed(text, start, end, text[end:]) is listed


@pytest.mark.parametrize(
    ("before", "after", "spaced", "marker"),
    [
        ("as the report said", " and", False, True),
        ("section 3.", " of", False, False),  # "3.1"
        ("1,00", "", False, False),  # "1,000"
        ("paragraphs 3", " and", True, False),  # "paragraphs 3 4"
        ("the goals of 2015–2030", " and", True, True),  # a marker after a year
        ("at least 29.", " Both", True, True),  # a sentence does not open with figures
        ("the text", " 12 more", True, False),  # a number that figures follow
    ],
)
def test_number_is_marker(before: str, after: str, spaced: bool, marker: bool) -> None:
    assert _number_is_marker(before, after, spaced) is marker


@pytest.mark.parametrize(
    ("before", "after", "figure"),
    [
        ("paragraphs 3", " and", True),
        ("in April 2023.", " The", False),
        ("at least 29.", " Both", False),
        ("at least 29.", " and", True),
        ("the report", " and", False),
    ],
)
def test_after_figure(before: str, after: str, figure: bool) -> None:
    assert _after_figure(before, after) is figure


@pytest.mark.parametrize(
    ("text", "dels", "k", "cut"),
    [
        ("the report 3 says", [(11, 12, "fn1")], 0, (10, 12)),  # the space before goes with the marker
        ("the report.3 says", [(11, 12, "fn1")], 0, (11, 12)),
        ("Iraq:* , ** said", [(5, 6, "fn1"), (9, 11, "fn2")], 1, (6, 11)),  # the comma between two markers
        ("in Riga. 28,29 The", [(9, 11, "fn1"), (12, 14, "fn2")], 0, (8, 12)),  # the comma of "28,29"
    ],
)
def test_cut_bounds(text: str, dels: list[tuple[int, int, str]], k: int, cut: tuple[int, int]) -> None:
    assert _cut_bounds(text, dels, k) == cut


@pytest.mark.parametrize(
    ("before", "after", "marker"),
    [
        ("the Commission under item 3 and its sub -items", " is available at", True),  # one number, then a verb
        ("as set out in paragraphs", " were adopted", True),
        ("as set out in paragraphs", " and 8 of", False),  # a list of numbers
        ("as set out in paragraphs", " to 9 of", False),
        ("in its resolutions", ", 8 and 9", False),
        ("as set out in paragraph", " is", False),  # a singular names its number
        ("the Commission", " is", False),  # no word that names numbers
    ],
)
def test_marker_after_plural(before: str, after: str, marker: bool) -> None:
    assert _marker_after_plural(before, after) is marker


TABLE = "5\n\nRegion\n\nCountry\n\nAfrica\n\nBenin\nBotswana\nChad\n\nThailand\nViet Nam\n\n"
FLOATED_BODY = ("72. In keeping with the evaluation policy stipulations and the approved integrated budget of\n"
                "the Strategic Plan,5 the Office developed its 2025 work programme to utilize funding of\n"
                "Table 4. Independent country programme evaluations, 2025\n")


@pytest.mark.parametrize(
    ("case", "page", "expected", "note"),
    [
        ("a label above a table, its note at the foot", FLOATED_BODY + TABLE + "DP/2021/29, paragraph 38(d)", 5,
         ["5", "DP/2021/29, paragraph 38(d)"]),
        ("another note expected", FLOATED_BODY + TABLE + "DP/2021/29, paragraph 38(d)", 6, None),
        ("no marker above", FLOATED_BODY.replace("Plan,5", "Plan,") + TABLE + "DP/2021/29, paragraph 38(d)", 5,
         None),
        ("the last block is the table's", FLOATED_BODY + TABLE + "Honduras\nJamaica", 5, None),
        ("no table below the label", FLOATED_BODY + "5\n\nDP/2021/29, paragraph 38(d)", 5, None),
    ],
)
def test_floated_label_note(case: str, page: str, expected: int, note: list[str] | None) -> None:
    lines = [Line(t, k, 17, kind="body" if t.strip() else "blank") for k, t in enumerate(page.split("\n"))]
    found = _floated_label_note(lines, expected, 90)
    assert ([lines[i].text for i in (found[0], *found[1])] if found else None) == note, case


@pytest.mark.parametrize(
    ("texts", "note"),
    [
        (["DP/2021/29, paragraph 38(d)"], True),  # a reference
        (["Including the Force Commander."], True),  # a sentence
        (["Venezuela"], False),  # a cell
        (["Trinidad and Tobago", "Venezuela"], False),
        (["1 309"], False),  # no letter
        (["a", "b", "c", "d 1."], False),  # too many lines for a note left at the foot
    ],
)
def test_floated_note_block(texts: list[str], note: bool) -> None:
    assert _floated_note_block(texts, 90) is note


@pytest.mark.parametrize(
    ("texts", "expected", "found"),
    [
        # OCR lost the labels of notes 4 and 5 ("h/", "3_/"): the next "N/" note goes on the sequence
        (("le dénuement total 6/ au mépris de la dignité", "6/ M. Robert S. McNamara, Discours.",
          "7/ Conférence mondiale de l'alimentation."), 4, (1, 6)),
        (("the population 4/ of the region", "4/ See A/48/1."), 4, (None, 4)),  # the expected label: not here
        (("the population of the region", "6 M. Robert S. McNamara, Discours."), 4, (None, 4)),  # no "N/" form
        (("the population 8/ of the region", "8/ See A/48/1."), 4, (None, 4)),  # too far on
    ],
)
def test_slash_label_after_lost(texts: tuple[str, ...], expected: int, found: tuple[int | None, int]) -> None:
    lines = [Line(t, k, 1, kind="body") for k, t in enumerate(texts)]
    assert _slash_label_after_lost(lines, list(range(len(lines))), expected) == found


@pytest.mark.parametrize(
    ("before", "after", "spaced", "marker"),
    [
        ("by RSF and allied militias and SLA/MM.", " RSF commanders", True, True),  # a new sentence follows
        ("a primary source of financing for SLA/AW.", "", True, True),  # the paragraph ends
        ("see S/PV.", " and", True, False),  # a symbol typed with a space: no new sentence
        ("see S/PV.", " The", False, False),  # glued: the symbol's number
        ("see A/48/L.", " The", True, False),  # one letter: a symbol's element
    ],
)
def test_after_slashed_name(before: str, after: str, spaced: bool, marker: bool) -> None:
    assert _after_slashed_name(before, after, spaced) is marker


@pytest.mark.parametrize(
    ("endnotes", "page_notes", "opens"),
    [
        (["1", "2"], [], True),  # endnotes of a document without page notes
        (["", "1", "2"], [], True),  # a line before the first label
        (["7", "8"], ["5", "6"], True),  # going on from the page notes
        (["600"], ["123", "124"], False),  # a table's "Notes" column: "FN FAL 7.62x51mm / 1,500,000 / 600"
        (["a", "b"], [], True),
        ([""], [], False),  # nothing labelled
    ],
)
def test_opens_a_sequence(endnotes: list[str], page_notes: list[str], opens: bool) -> None:
    assert _opens_a_sequence([RawNote(lab, 0) for lab in endnotes], [RawNote(lab, 1) for lab in page_notes]) is opens


@pytest.mark.parametrize(
    ("before", "number", "marker"),
    [
        ("painted on the monument to Red Army soldiers in March", "217", True),  # no day is above 31
        ("between 6 and 11 December", "92", True),  # nor is a year written so (UN Editorial Manual)
        ("on 12 March", "31", False),  # a day
        ("the Commission", "217", False),  # no month
    ],
)
def test_marker_after_month(before: str, number: str, marker: bool) -> None:
    assert _marker_after_month(before, number) is marker


# --- is_marker_at and glued_number_markers read a window of the text around a number -----------------

_WINDOW_PIECES = st.sampled_from(["1", "12", "2022", " ", "   ", ".", ",", "/", "/A", "AB", "para. ", "years",
                                  "$10.18", "resolutions ", "March ", "is ", " " * 25, "x" * 50, "9" * 60, "\n"])


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(_WINDOW_PIECES, max_size=80), data=st.data())
def test_windows_answer_as_the_whole_text(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 3)))
    got = (is_marker_at(text, start, end), glued_number_markers(text, "2", start))
    with pytest.MonkeyPatch.context() as m:  # windows as wide as any text: the whole text is read
        m.setattr(notes, "_BEFORE_WINDOW", 1 << 40)
        m.setattr(notes, "_AFTER_WINDOW", 1 << 40)
        assert got == (is_marker_at(text, start, end), glued_number_markers(text, "2", start))


@pytest.mark.parametrize(("text", "start", "expected"), [
    ("word  ", 6, "word"),  # stripped at its end
    ("a " + "9" * 500 + "  ", 504, "a " + "9" * 500),  # a run without white space in the window: the whole text
    ("b " * 300 + "c ", 602, ("b " * 300 + "c")[-399:]),  # white space in the window: the window
])
def test_before(text: str, start: int, expected: str) -> None:
    assert notes._before(text, start) == expected
