"""Table tests for the paragraph decisions of the structure stage: where a block ends and what kind of
paragraph it makes."""

from __future__ import annotations

import pytest

from unref.model import Line
from unref.structure.paragraphs import (
    Block,
    _ends_paragraph,
    _kind,
    _sentence_ends_line,
    _starts_block,
    continues_signature,
    opens_page_with_heading,
    paragraph_kind,
)

WIDTH = 80
FULL = "x" * 70 + " and the"  # a line that runs the full width


@pytest.mark.parametrize(
    ("prev", "cur", "width", "ends"),
    [
        ("", "Text", WIDTH, True),
        ("the Security Council decided to re-", "establish the mission", WIDTH, False),  # a hyphen goes on
        ("The following were adopted:", "(a) The first", WIDTH, True),  # a list after a colon
        ("The following were adopted:", "“Quoted text", WIDTH, True),
        ("The end.", "and lower case goes on", WIDTH, True),  # a short line that ends a sentence
        (FULL, "goes on in lower case", WIDTH, False),
        ("A short heading", "The text under it", WIDTH, True),
        ("1.", "whose text goes on", WIDTH, False),  # a paragraph number alone
        ("x" * 55 + " the end.", "The next sentence", WIDTH, True),  # ends a sentence short of the width
        ("x" * 75 + " the end.", "The next sentence", WIDTH, False),  # a full line: the paragraph goes on
        ("the decision of the Council, which", "The next", 0, False),  # no width: only the punctuation
        ("as it said.12", "The next", 0, False),
        # A line cannot end on a preposition, an article or a conjunction, however short (issue 14's adoption
        # line, a by-line that wraps, a two-line heading):
        ("Adopted by the Security Council at its 9836th meeting, on", "15 January 2025", WIDTH, False),
        ("Adopted unanimously at the", "138th meeting.", WIDTH, False),
        ("III. Update on the activities of the Mission and the", "United Nations country team", WIDTH, False),
        ("Rapport du Secrétaire général sur la situation de", "la Somalie", WIDTH, False),
        ("The items were the following and", "(a) The first", WIDTH, True),  # a list item still starts
        ("Security Council Report.", "The next", WIDTH, True),  # "on" inside a word is not the word
        ("President Obama of the United States of A-on", "Text", WIDTH, True),
    ],
)
def test_ends_paragraph(prev: str, cur: str, width: int, ends: bool) -> None:
    assert _ends_paragraph(prev, cur, width) is ends


@pytest.mark.parametrize(
    ("prev", "cur", "width", "ends"),
    [
        ("x" * 60 + " the end.", "The next", WIDTH, True),
        ("x" * 60 + " the end.", "(a) The next", WIDTH, True),
        ("x" * 60 + " the end.", "2. The next", WIDTH, True),
        ("x" * 60 + " the end.", "the next", WIDTH, False),
        ("x" * 60 + " the end,", "The next", WIDTH, False),
        ("x" * 60 + " the end.", "The next", 0, False),
    ],
)
def test_sentence_ends_line(prev: str, cur: str, width: int, ends: bool) -> None:
    assert _sentence_ends_line(prev, cur, width) is ends


def line(text: str, page: int = 1) -> Line:
    """Return a body line."""
    return Line(text, 0, page)


@pytest.mark.parametrize(
    ("prev", "text", "kind", "blank_before", "dump", "starts"),
    [
        (None, "First line", "body", False, False, True),
        ("A title block", "goes on", "title_block", False, False, True),
        (FULL, "goes on", "body", True, False, True),  # a blank line on the same page
        (FULL, "goes on", "body", False, False, False),
        (FULL, "(Signed) John Smith", "body", False, False, True),
        (FULL, "(a) An item", "body", False, False, True),
        (FULL, "Letter dated 1 May 2024 from", "body", False, False, True),
        (FULL, " indented in a dump", "body", False, True, True),
        (FULL, "not indented in a dump", "body", False, True, False),
    ],
)
def test_starts_block(prev: str | None, text: str, kind: str, blank_before: bool, dump: bool, starts: bool) -> None:
    cur = Block([line(prev)] if prev else [], kind=kind)  # type: ignore[arg-type]
    assert _starts_block(line(prev) if prev else None, line(text), cur, blank_before, WIDTH, dump) is starts


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("(Signed) John Smith", "signature"),
        ("Annex", "annex_title"),
        ("(a) An item of a list", "list_item"),
        ("“" + "q" * 80 + ".”", "quote"),
        ("Introduction", "heading"),
        ("The Council met.", "body"),
    ],
)
def test_kind(text: str, kind: str) -> None:
    assert _kind(text, WIDTH) == kind


@pytest.mark.parametrize(
    ("block_kind", "text", "kind"),
    [
        ("title_block", "Annex to the letter dated 1 May 2024", "annex_title"),
        ("title_block", "Letter dated 1 May 2024 from", "title"),
        ("masthead", "S/2024/1", "masthead"),
        ("body", "Introduction", "heading"),
    ],
)
def test_paragraph_kind(block_kind: str, text: str, kind: str) -> None:
    assert paragraph_kind(Block([line(text)], kind=block_kind), text, WIDTH) == kind  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lines", "kind"),
    [
        (("III. Update on the activities of the Mission and the", "United Nations country team"), "heading"),
        (("Enhancing United Nations coherence and coordination in the", "subregion"), "heading"),
        (("Adopted unanimously at the", "138th meeting."), "body"),  # a stop at its end: a sentence
        (("the situation in the", "region"), "body"),  # no capital first
        (("Report of the Secretary-General on the", "situation in the", "Democratic Republic", "of the Congo"),
         "body"),  # four lines: more than a heading's wrap
        (("A line that runs nearly the whole width of the page and ends on the", "Next words"), "body"),
    ],
)
def test_wrapped_heading(lines: tuple[str, ...], kind: str) -> None:
    """Two or three short lines, each but the last broken off on a word no heading ends on, are one heading."""
    text = " ".join(lines)
    assert paragraph_kind(Block([line(t) for t in lines]), text, WIDTH) == kind


# --- Signatures and page-top headings (issue 14) ---------------------------------------------------------

def _lines(*texts: str) -> list[Line]:
    return [Line(t, 0, 1) for t in texts]


@pytest.mark.parametrize(("lines", "text", "goes_on"), [
    (("(Signed) Danny Danon", "Ambassador"), "Permanent Representative of Israel to the United Nations", True),
    (("(Signed) Khrystyna Hayovyshyn",), "Chargé d’affaires a.i.", True),  # a function may end in a stop
    (("(Signed) Tom Fletcher", "Under-Secretary-General for Humanitarian Affairs and"), "Emergency Relief Coordinator",
     True),  # the title broke off mid-phrase
    (("(Signed) Bintou Keita", "Special Representative of the Secretary-"), "General for the Democratic Republic",
     True),
    (("(Signed) Samuel Žbogar",), "Security Council Facilitator for the implementation of", True),
    (("(Firmado) Osama Abdelkhalek",), "Embajador y", True),
    (("(Signed) A. Name",), "Counsellor", True),  # a short line
    (("(Signed) A. Name",), "(Signed) B. Name", False),  # another signature
    (("(Signed) A. Name", "Minister for Foreign Affairs"), "For MONUSCO:", False),  # the next signatory's party
    (("(Signed) A. Name",), "Annex", False),
    (("(Signed) A. Name",), "Letter dated 2 May 2025 from the Permanent Representative", False),
    (("(Signed) A. Name",), "The Council met on 3 June and decided to extend the mandate of the Mission.", False),
    (("(Signed) A. Name", "a", "b", "c", "d", "e"), "Ambassador", False),  # six lines at most
])
def test_continues_signature(lines: tuple[str, ...], text: str, goes_on: bool) -> None:
    assert continues_signature(_lines(*lines), text, WIDTH) is goes_on


@pytest.mark.parametrize(("prev", "line", "heading"), [
    (Line("x" * 70 + " in Somalia.", 0, 3), Line("VIII. Observations", 90, 4), True),
    (Line("x" * 70 + " in Somalia.", 0, 3), Line("Annex II", 90, 4), True),
    (Line("x" * 70 + " in Somalia.", 0, 3), Line("Annex II", 90, 3), False),  # the same page: the paragraph rules
    (Line("x" * 70 + " resolution 1701 (2006)", 0, 3), Line("Security Council", 90, 4), False),  # no sentence end
    (Line("x" * 70 + " in Somalia.", 0, 3), Line("x" * 70 + " and the Council", 90, 4), False),  # a full line
    (Line("x" * 70 + " in Somalia.", 0, 3), Line("the Council decided.", 90, 4), False),
    (Line("x" * 70 + " in Somalia.", 0, 3), Line("Mission until 2026.", 90, 4), False),  # ends a sentence
])
def test_opens_page_with_heading(prev: Line, line: Line, heading: bool) -> None:
    assert opens_page_with_heading(prev, line, WIDTH) is heading
