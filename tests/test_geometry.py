"""A PDF citation can be placed on its page: Document.boxes maps repaired text back to page and box."""

from __future__ import annotations

from pathlib import Path

import pytest

import unref
from unref.model import Box, Line, LineBoxes, Page, Source, Span, _runs_along, _source_ranges

pdfgen = pytest.importorskip("pdfgen")
pytest.importorskip("fpdf", reason="fpdf2 makes the test PDFs: pip install -e '.[dev]'")

from unref.read import read  # noqa: E402

CITED_LINE = "United Nations addressed to the Secretary-General (A/65/808-S/2011/145)."


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(pdfgen.letter(tmp_path_factory.mktemp("geometry") / "letter.pdf"))


@pytest.fixture(scope="module")
def doc(letter: Path) -> unref.Document:
    parsed = unref.parse(letter)
    if parsed.line_boxes is None:
        # parse() keeps the line boxes once its pipeline sets Document.line_boxes (see the next test).
        parsed.line_boxes = LineBoxes.of(read(letter))
    return parsed


def test_parse_keeps_the_line_boxes(letter: Path) -> None:
    assert unref.parse(letter).line_boxes is not None


def _line_box(letter: Path, text: str) -> tuple[int, Box]:
    source = read(letter)
    line = next(ln for page in source.pages for ln in page.lines if ln.text == text)
    assert line.box is not None
    return line.page, line.box


def _inside(inner: Box, outer: Box) -> bool:
    return bool(outer[0] - 0.01 <= inner[0] <= inner[2] <= outer[2] + 0.01
            and outer[1] - 0.01 <= inner[1] <= inner[3] <= outer[3] + 0.01)


def test_a_citation_in_a_note_is_on_its_page_inside_its_line(doc: unref.Document, letter: Path) -> None:
    cite = next(c for c in doc.citations if c.text == "S/2011/145")
    boxes = doc.boxes(cite.location, cite.start, cite.end)
    page, line = _line_box(letter, CITED_LINE)
    assert [p for p, _ in boxes] == [page] == [1]
    box = boxes[0][1]
    assert _inside(box, line)
    # Where the generator printed it, within a few points (the clip goes by character count).
    w = pdfgen.Writer()
    w.pdf.set_font(w.fonts["serif"], size=pdfgen.NOTE)
    at = CITED_LINE.index("S/2011/145")
    x0 = 123 + w.pdf.get_string_width(CITED_LINE[:at])
    x1 = 123 + w.pdf.get_string_width(CITED_LINE[:at + len("S/2011/145")])
    assert abs(box[0] - x0) < 0.1 * (line[2] - line[0])
    assert abs(box[2] - x1) < 0.1 * (line[2] - line[0])


def test_every_citation_of_the_letter_is_placed(doc: unref.Document) -> None:
    for cite in doc.citations:
        boxes = doc.boxes(cite.location, cite.start, cite.end)
        assert boxes and all(page == 1 for page, _ in boxes), cite


def test_a_word_broken_over_two_lines_gets_a_box_on_each(doc: unref.Document, letter: Path) -> None:
    p = next(p for p in doc.paragraphs if "Nagorno-Karabakh" in p.text)
    at = p.text.index("Nagorno-Karabakh")
    boxes = doc.boxes(p.id, at, at + len("Nagorno-Karabakh"))
    first = _line_box(letter, "The meeting addressed the situation in and around the former Nagorno-")
    second = _line_box(letter, "Karabakh region and the return of displaced persons.")
    assert len(boxes) == 2
    assert _inside(boxes[0][1], first[1]) and boxes[0][1][2] == pytest.approx(first[1][2])  # the line's end
    assert _inside(boxes[1][1], second[1]) and boxes[1][1][0] == pytest.approx(second[1][0])  # the line's start


def test_a_paragraph_across_the_page_break(doc: unref.Document) -> None:
    p = next(p for p in doc.paragraphs if "across the page break" in p.text)
    pages = [page for page, _ in doc.boxes(p.id, 0, len(p.text))]
    assert pages == [1, 1, 1, 2]  # one box a line, the line with a marker (Nations2) among them


def test_nothing_to_place(doc: unref.Document) -> None:
    assert doc.boxes("fn:99", 0, 3) == []
    assert doc.boxes(doc.paragraphs[0].id, 0, 0) == []
    assert unref.parse(text="Security Council\n\nThe Council met.\n").boxes("p1", 0, 5) == []


def test_line_boxes_stay_out_of_the_json(doc: unref.Document) -> None:
    assert "line_boxes" not in doc.to_json()
    assert unref.Document.from_json(doc.to_json()).line_boxes is None


# --- The decisions, one table each ---------------------------------------------------------------------------


@pytest.mark.parametrize(("spans", "start", "end", "ranges"), [
    ([Span(0, 10, 100, 110)], 2, 5, [(102, 105)]),  # the same length: one to one
    ([Span(0, 10, 100, 110), Span(10, 20, 120, 130)], 8, 12, [(108, 110), (120, 122)]),  # across a gap
    ([Span(0, 8, 100, 110)], 2, 5, [(100, 110)]),  # a repair changed the length: the whole span
    ([Span(0, 10, 100, 110)], 10, 12, []),  # past the span
])
def test_source_ranges(spans: list[Span], start: int, end: int, ranges: list[tuple[int, int]]) -> None:
    assert _source_ranges(spans, start, end) == ranges


def _boxes() -> LineBoxes:
    # Two lines of 10 characters on page 1 (100 points wide), one on page 2.
    return LineBoxes(starts=[0, 11, 30], ends=[10, 21, 40], pages=[1, 1, 2],
                     boxes=[(0.0, 700.0, 100.0, 710.0), (0.0, 688.0, 100.0, 698.0), (50.0, 700.0, 150.0, 710.0)],
                     clip=[True, True, False])


@pytest.mark.parametrize(("ranges", "placed"), [
    ([(2, 5)], [(1, (20.0, 700.0, 50.0, 710.0))]),
    ([(8, 13)], [(1, (80.0, 700.0, 100.0, 710.0)), (1, (0.0, 688.0, 20.0, 698.0))]),
    ([(2, 4), (6, 8)], [(1, (20.0, 700.0, 80.0, 710.0))]),  # two pieces of one line: one box
    ([(10, 11)], []),  # the line break between two lines
    ([(32, 34)], [(2, (50.0, 700.0, 150.0, 710.0))]),  # a line not clipped keeps its box
    ([(0, 40)], [(1, (0.0, 700.0, 100.0, 710.0)), (1, (0.0, 688.0, 100.0, 698.0)),
                 (2, (50.0, 700.0, 150.0, 710.0))]),
])
def test_place(ranges: list[tuple[int, int]], placed: list[tuple[int, Box]]) -> None:
    assert _boxes().place(ranges) == placed


@pytest.mark.parametrize(("text", "box", "along"), [
    ("The Council met.", (0.0, 0.0, 100.0, 10.0), True),
    ("ممألا S/2025/1", (0.0, 0.0, 100.0, 10.0), False),  # right to left: put back in reading order
    ("Turned text.", (0.0, 0.0, 10.0, 100.0), False),  # turned a quarter: taller than wide
    ("1", (0.0, 0.0, 4.0, 10.0), True),  # one character is taller than wide
])
def test_runs_along(text: str, box: Box, along: bool) -> None:
    assert _runs_along(Line(text, 0, 1, box=box)) is along


def test_text_input_has_no_line_boxes() -> None:
    source = Source(path=None, text="a", pages=[Page(1, [Line("a", 0, 1)])])
    assert LineBoxes.of(source) is None
