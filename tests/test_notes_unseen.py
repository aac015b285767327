"""Footnotes in extracted text, from the survey of the dev corpus's pdftotext variants against their PDFs
(issue 11): markers after closing marks and percentages, markers glued to figures, a note's label that
floated below a later note's. The lines are the documents' own, shortened."""

from __future__ import annotations

import pytest

import unref
from letterhead import HEAD
from unref.model import Line
from unref.structure.notes import (
    _floated_back,
    _glued_to_number,
    _listed_after_previous,
    _opening_label,
    _space_kept,
    glued_number_markers,
    is_marker_at,
    marker_pattern,
    parse_note_area,
)


def markers_in(text: str, label: str) -> list[int]:
    """Return where the markers of a label stand in a text."""
    return [m.start() for m in marker_pattern(label).finditer(text) if is_marker_at(text, m.start(), m.end())]


MARKERS = [
    # (text, label, the text just before the marker, or None)
    ("число людей «взять правосудие в свои руки»39. В СП16 Италии", "39", "в свои руки»"),
    ("принять так называемую «модель стран Северной Европы»72.", "72", "Северной Европы»"),
    ("« une politique de tolérance zéro » 12 et", "12", "tolérance zéro » "),
    ("уровень переполненности тюрем составил 130,4%50. В СП6 было", "50", "130,4%"),
    ("34% населения тюрем составляли иностранцы", "34", None),  # a percentage, no marker
    ("see https://example.org/a%2020 b", "20", None),  # an address's "%20": no figure before the "%"
    # A threshold and a numbered recommendation are figures of the text.
    ("Integrated Food Security Phase Classification (IPC) 3 and above) and", "3", None),
    ("children aged 15 or older", "15", None),
    ("of Terrorism and Proliferation. 14 Recommendation 15 on new technologies", "15", None),
    ("General Recommendation No. 35", "35", None),
    # The second of two listed markers, glued to the next sentence.
    ("contingency and predictive financing capabilities. 13,14In the", "14", "capabilities. 13,"),
    ("a total of 1,5A b", "5", None),
    ("capabilities. 12,14In the", "14", None),
]


@pytest.mark.parametrize(("text", "label", "before"), MARKERS)
def test_marker_after_a_closing_mark_or_a_percentage(text: str, label: str, before: str | None) -> None:
    found = markers_in(text, label)
    assert [text[:start].endswith(before) for start in found] == ([True] if before else [])


GLUED = [
    # (text, label, the text just before the marker, or None)
    ("in the city of Litoměřice in October 2022 219 and August 2023220. Similar acts", "220", "August 2023"),
    ("The total Haitian nationals interdicted in FY2024 was 857135", "135", "was 857"),
    ("the port from between $200 and $300 to between $500 and $1,000.87", "87", "$1,000."),
    ("General Recommendation No. 35.19 CoE-CM recommended that Italy", "19", "No. 35."),
    ("a total of $1,234.56. The amount", "56", None),  # a decimal ends the sentence, not the figure before it
    ("as set out in section 3.12 The Board", "12", None),  # a section's number
    ("growth of 10.182 per cent", "2", None),
    ("in 2025 there were", "5", None),  # a year is four figures, not a short number and a marker
    ("of 1,857135 people", "135", None),  # a grouped figure goes on
    ("the symbol E/2023220 is", "220", None),
]


@pytest.mark.parametrize(("text", "label", "before"), GLUED)
def test_marker_glued_to_a_figure(text: str, label: str, before: str | None) -> None:
    found = glued_number_markers(text, label)
    assert [text[:start].endswith(before) for start, _ in found] == ([True] if before else [])


GLUED_DECISIONS = [
    # (text before the label, label, text after it, glued to a number?)
    ("August 2023", "220", ". Similar", True),
    ("was 857", "135", "", True),
    ("was 85", "13", "", False),  # four figures: a figure of the text
    ("was 857", "1", "", False),
    ("$1,000.", "87", "", True),
    ("$1,000.", "87", ". The", False),
    ("No. 35.", "19", " CoE-CM", True),
    ("No. 35.", "19", " per cent", False),
    ("paragraph 35.", "19", " The", False),
    ("in 2022.", "2", " ODA", True),
    ("of $10.18", "2", " on", True),
]


@pytest.mark.parametrize(("before", "label", "after", "glued"), GLUED_DECISIONS)
def test_glued_to_number(before: str, label: str, after: str, glued: bool) -> None:
    assert _glued_to_number(before, label, after) is glued


FLOATED_BACK = [
    # (label, labels of the page's area above it, floated below a later note's?)
    ("7", ["8", "9", "10"], True),
    ("11", ["8", "9", "10"], False),
    ("1", [], False),
    ("a", ["b"], False),
    ("3", ["*"], False),
]


@pytest.mark.parametrize(("label", "seen", "back"), FLOATED_BACK)
def test_floated_back(label: str, seen: list[str], back: bool) -> None:
    assert _floated_back(label, seen) is back


def lines_of(text: str) -> list[Line]:
    """Return the lines of a text with their offsets, as the read stage gives them."""
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        out.append(Line(raw, pos, 1))
        pos += len(raw) + 1
    return out


# S/2025/420, page 5: the first note's label "7" printed below note 10's text, before note 10's last block.
FLOATED_AREA = (
    "The Prime Minister later confirmed that the strike took place in the Bas\n"
    "Delmas 6 neighbourhood.\n"
    "8\n"
    "Haitian police also initiated operations in Pernier in Pétion-Ville.\n"
    "9\n"
    "In mid-February, the Kraze Barye gang executed dozens of people.\n"
    "10\n"
    "Estimated local market value (Dominican Republic):\n"
    "Total estimated value (Dominican Republic): $685,000 –$1 million.\n"
    "7\n"
    "Estimated destination market value (Europe):\n"
    "Total estimated value (Europe): $5.6 –$8.3 million\n"
    "11\n"
    "Information received by the United Nations Office on Drugs and Crime (UNODC)."
)


def test_a_label_floated_below_a_later_note_opens_no_note() -> None:
    notes = {n.label: " ".join(ln.text for ln in n.lines) for n in parse_note_area(lines_of(FLOATED_AREA), 1, 90)}
    assert notes["7"].startswith("The Prime Minister")
    assert notes["10"].endswith("$5.6 –$8.3 million")
    assert notes["11"].startswith("Information received")


LISTED = [
    # (text before the number, the number, follows the previous note's marker and a comma?)
    ("capabilities. 13,", "14", True),
    ("capabilities. 12,", "14", False),
    ("a total of 1,", "2", True),  # a figure glued to a capital word would still need its predecessor
    ("a total of 11,", "2", False),
    ("1,000,", "1", False),
]


@pytest.mark.parametrize(("before", "label", "listed"), LISTED)
def test_listed_after_previous(before: str, label: str, listed: bool) -> None:
    assert _listed_after_previous(before, label) is listed


SPACE_KEPT = [
    # (text, where the marker listed before stands, end of the cut, what stands for the cut)
    ("capabilities. 13,14In the", 14, 19, " "),
    ("capabilities. 13,14 In the", 14, 19, ""),  # a space is there already
    ("capabilities.13,14In the", 13, 18, ""),  # none was before the markers
    ("in Riga. 28,29 The", 9, 14, ""),
]


@pytest.mark.parametrize(("text", "first", "end", "kept"), SPACE_KEPT)
def test_space_kept(text: str, first: int, end: int, kept: str) -> None:
    assert _space_kept(text, first, end) == kept


LISTED_GLUED = HEAD + """I have the honour to refer to the report of the Secretary-General on anticipatory action, which
describes how the funds can strengthen contingency and predictive financing capabilities. 13,14In the
start-up phase, the funds were used as planned and the Council was kept informed of their use.

__________________
13 A/79/1, paras. 10–14.
14 See the report of the Secretary-General on the situation in the region (S/2025/100).

25-01234 (E)
\f"""


def test_listed_markers_glued_to_the_next_sentence() -> None:
    doc = unref.parse(text=LISTED_GLUED)
    paragraphs = {p.id: p.text for p in doc.paragraphs}
    refs = {r.label: paragraphs[r.paragraph] for r in doc.footnote_refs}
    assert sorted(refs) == ["13", "14"]
    assert "capabilities. In the start-up phase" in refs["14"]


OPENING = [
    # (line, area numbered?, label expected, (label, where its text starts) or None)
    ("h/ Voir E/ICEF/L.1410.", True, 4, ("4", 3)),  # "h" for 4 on an OCR'd typewritten page
    ("3_/ Note d'information du Directeur général", True, 5, ("5", 4)),
    ("4/ Voir E/ICEF/L.1410.", True, 4, ("4", 3)),
    ("12 See A/79/1.", True, 12, ("12", 3)),
    ("a/ Including the funds of 1979.", True, 4, None),  # a letter note's label is no misread figure
    ("h/ Voir E/ICEF/L.1410.", True, None, None),  # no number expected
    ("h/ Voir E/ICEF/L.1410.", False, 4, ("h", 3)),  # letter labels, where no note is numbered
    ("E/ICEF/660 and E/ICEF/661.", True, 4, None),
    ("l/ the text goes on", True, 4, None),  # a note opens with a capital
]


@pytest.mark.parametrize(("text", "numbered", "expected", "opening"), OPENING)
def test_opening_label(text: str, numbered: bool, expected: int | None, opening: tuple[str, int] | None) -> None:
    assert _opening_label(text, numbered, expected) == opening


# E/ICEF/672 (Part II), page 3, pdftotext of an OCR'd typewritten page: labels 4 and 5 misread.
GARBLED_AREA = (
    "1/ Voir E/ICEF/L.1407.\n"
    "2/ Voir E/ICEF/L.1408.\n"
    "3/ Voir E/ICEF/L.1409.\n"
    "h/ Voir E/ICEF/L.1410.\n"
    "3_/ Note d'information du Directeur général du 29 janvier 1980 (E/ICEF/660)."
)


def test_misread_slash_labels_open_their_notes() -> None:
    notes = [(n.label, " ".join(ln.text for ln in n.lines)) for n in parse_note_area(lines_of(GARBLED_AREA), 1, 90)]
    assert [label for label, _ in notes] == ["1", "2", "3", "4", "5"]
    assert notes[3][1] == "Voir E/ICEF/L.1410."
