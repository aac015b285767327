"""Table tests for tables and figures as blocks of their own (structure/tables.py, paragraphs.segment) and
for their rendering (render.py): cells, page breaks, exact offsets, Markdown tables, the metadata header."""

from __future__ import annotations

import pytest

from unref.model import Document, Footnote, Line, Metadata, Page, Paragraph, Source
from unref.render import header_fields, markdown_paragraph, markdown_table, to_markdown, to_text
from unref.repair import Context
from unref.structure.paragraphs import paragraphs_of, segment
from unref.structure.tables import continues_grid, grid_tracked, row_cells, row_texts, with_grids


def _line(text: str, start: int = 0, page: int = 1, kind: str = "table",
          cells: tuple[tuple[int, int], ...] | None = None) -> Line:
    return Line(text, start, page, kind=kind, cells=cells)


@pytest.mark.parametrize(("text", "cells", "expected"), [
    ("Ghana 120 35", ((0, 5), (6, 9), (10, 12)), ["Ghana", "120", "35"]),  # the reader's cells win
    ("Ghana  120   35", None, ["Ghana", "120", "35"]),  # two spaces or more part cells
    ("Ghana\t120\t35", None, ["Ghana", "120", "35"]),  # so does a tab
    ("Sierra Leone  4", None, ["Sierra Leone", "4"]),  # one space is inside a cell
    ("  Total   ", None, ["Total"]),  # outer blanks are no cell
    ("", None, []),
])
def test_row_cells(text: str, cells: tuple[tuple[int, int], ...] | None, expected: list[str]) -> None:
    line = _line(text, cells=cells)
    assert row_texts(line) == expected
    assert [text[a:b] for a, b in row_cells(line)] == expected


@pytest.mark.parametrize(("last", "line", "goes_on"), [
    (_line("a  b", page=1), _line("c  d", page=1), True),  # the same page
    (_line("a  b", page=1), _line("c  d", page=2), True),  # the next page, as many columns
    (_line("a  b", page=1), _line("c  d  e", page=2), False),  # the next page, another table
    (_line("a  b", page=1), _line("c  d", page=2, kind="figure"), False),  # a figure is no row
    (_line("Map", page=1, kind="figure"), _line("Legend", page=1, kind="figure"), True),
    (_line("Map", page=1, kind="figure"), _line("Legend", page=2, kind="figure"), False),  # a figure is one page's
])
def test_continues_grid(last: Line, line: Line, goes_on: bool) -> None:
    assert continues_grid([last], line) is goes_on


def test_grid_text_keeps_every_offset() -> None:
    source = "Country  Police\n  Ghana  120\n"
    lines = [_line("Country  Police", 0), _line("  Ghana  120", 16)]
    t = grid_tracked(lines)
    assert t.text == "Country  Police\nGhana  120"
    assert all(source[t.offset_at(i)] == ch for i, ch in enumerate(t.text) if ch != "\n")


def _segment_and_build(lines: list[Line]) -> list[Paragraph]:
    blocks = segment(lines, 80, dump=False)
    return paragraphs_of(blocks, Context(lang="en", width=0), 80)[0]


def test_table_rows_become_one_table_paragraph_across_a_page_break() -> None:
    lines = [
        _line("The contributions were as follows:", 0, kind="body"),
        _line("Ghana 120", 35, cells=((0, 5), (6, 9))),
        _line("Kenya 85", 45, cells=((0, 5), (6, 8))),
        _line("Nepal 210", 54, page=2, cells=((0, 5), (6, 9))),  # the table goes on over the page
        _line("The Council took note of them.", 64, page=2, kind="body"),
    ]
    paragraphs = _segment_and_build(lines)
    assert [p.kind for p in paragraphs] == ["body", "table", "body"]
    table = paragraphs[1]
    assert table.rows == [["Ghana", "120"], ["Kenya", "85"], ["Nepal", "210"]]
    assert table.text == "Ghana 120\nKenya 85\nNepal 210"
    assert paragraphs[0].rows is None and paragraphs[2].rows is None


def test_a_page_that_opens_with_another_table_starts_a_new_one() -> None:
    lines = [_line("Ghana  120", 0), _line("Area  Date  Violations", 11, page=2)]
    assert [p.rows for p in _segment_and_build(lines)] == [[["Ghana", "120"]], [["Area", "Date", "Violations"]]]


def test_figure_labels_are_one_figure_paragraph_never_headings() -> None:
    lines = [_line("Bonbon", 0, kind="figure"), _line("DES BARADÈRES", 7, kind="figure"),
             _line("See Legend", 21, kind="figure")]
    (figure,) = _segment_and_build(lines)
    assert figure.kind == "figure"
    assert figure.text == "Bonbon\nDES BARADÈRES\nSee Legend"
    assert figure.rows is None


def test_no_join_repair_runs_across_cells() -> None:
    lines = [_line("Peace-", 0), _line("keeping", 7)]  # a hyphen at a cell's end is the cell's
    (table,) = _segment_and_build(lines)
    assert table.text == "Peace-\nkeeping"


def test_grids_come_back_into_the_body_where_they_stand() -> None:
    body = [_line("Text above", 0, kind="body"), _line("Text below", 30, kind="body")]
    page = Page(1, [body[0], _line("Ghana  120", 11), _line("Kenya  85", 22), body[1],
                    _line("____", 41, kind="separator"), _line("1 2", 46, kind="table")])
    source = Source(path=None, text="", pages=[page])
    merged = with_grids(source, body)
    assert [ln.start for ln in merged] == [0, 11, 22, 30]  # the table under the rule is the note area's


@pytest.mark.parametrize(("rows", "markdown"), [
    ([["Country", "Police"], ["Ghana", "120"]], "| Country | Police |\n|---|---|\n| Ghana | 120 |"),
    ([["Total"], ["a", "b"]], "| Total |  |\n|---|---|\n| a | b |"),  # rows padded to the widest
    ([["a|b"]], "| a\\|b |\n|---|"),  # a bar inside a cell is escaped
])
def test_markdown_table(rows: list[list[str]], markdown: str) -> None:
    assert markdown_table(rows) == markdown


@pytest.mark.parametrize(("kind", "rows", "markdown"), [
    ("table", [["a", "b"]], "| a | b |\n|---|---|"),
    ("figure", None, "> Bonbon\n> See Legend"),
    ("table", None, "Bonbon\nSee Legend"),  # a table without cells stays as printed
])
def test_markdown_paragraph(kind: str, rows: list[list[str]] | None, markdown: str) -> None:
    p = Paragraph(id="p1", kind=kind, text="a  b" if rows else "Bonbon\nSee Legend", page=1,  # type: ignore[arg-type]
                  rows=rows)
    assert markdown_paragraph(p, []) == markdown


@pytest.mark.parametrize(("md", "fields"), [
    (Metadata(), []),
    (Metadata(symbols=["A/80/1", "S/2025/9"], date="2025-01-02", organs=["General Assembly"], title="Letter"),
     [("Symbols", "A/80/1, S/2025/9"), ("Date", "2025-01-02"), ("Organs", "General Assembly"), ("Title", "Letter")]),
    (Metadata(symbols=["S/2025/9"]), [("Symbols", "S/2025/9")]),
])
def test_header_fields(md: Metadata, fields: list[tuple[str, str]]) -> None:
    assert header_fields(md) == fields


def _doc() -> Document:
    md = Metadata(symbols=["S/2025/9"], date="2025-01-02", organs=["Security Council"], title="Letter: a title")
    return Document(source=None, format="text", metadata=md,
                    paragraphs=[Paragraph(id="p1", kind="body", text="Text.", page=1)],
                    footnotes=[Footnote(label="1", text="See A/80/1.", page=1)])


def test_text_has_a_header_and_the_notes() -> None:
    assert to_text(_doc()) == ("Symbols: S/2025/9\nDate: 2025-01-02\nOrgans: Security Council\nTitle: Letter: a title"
                               "\n\nText.\n\nNotes\n\n1 See A/80/1.")


def test_markdown_has_a_front_matter() -> None:
    assert to_markdown(_doc()).startswith(
        '---\nsymbols: ["S/2025/9"]\ndate: "2025-01-02"\norgans: ["Security Council"]\ntitle: "Letter: a title"\n---'
        "\n\nText.\n\n[^1]: See A/80/1.")


def test_the_job_number_is_read_from_the_foot_of_page_1() -> None:
    import unref

    text = ("United Nations\nS/2025/999\nSecurity Council\nDistr.: General\n3 March 2025\nOriginal: English\n\n"
            "Letter dated 2 March 2025 from the Permanent Representative of Utopia addressed to the President\n\n"
            "The Security Council met on the matter several times.\n\n25-02826 (E)    270225\n\f"
            "S/2025/999\n\nThe second page goes on.\n")
    assert unref.parse_text(text).metadata.job_number == "25-02826 (E)"
