"""Tables and figures of PDFs read from geometry (issue 14): the decisions, one table each, and real tables
of ../shared/corpus/dev, every row and cell as the rendered page shows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from unref.read.pdf.figures import Area, figure_areas, reads_as_labels
from unref.read.pdf.glyphs import Fragment, Row
from unref.read.pdf.tables import (
    FIGURE_RE,
    cell_state,
    column_of,
    column_spans,
    find_tables,
    is_table_row,
    join_rules,
    starts_row,
    table_rows,
)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def _frag(text: str, x0: float, x1: float, y0: float, size: float = 10.0, row: Row | None = None) -> Fragment:
    row = row or Row([], y0, y0 + size, size)
    return Fragment(row, [], x0, x1, size, y0, y0 + size, (text, []))


def _line(y0: float, *cells: tuple[str, float, float], size: float = 10.0) -> list[Fragment]:
    row = Row([], y0, y0 + size, size)
    return [_frag(t, a, b, y0, size, row) for t, a, b in cells]


# --- Decisions ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("texts", "sizes", "table"), [
    (["1", "27-Nov-24 Houla", "A convoy of vehicles"], [10, 10, 10], True),
    (["Argentina", "9", "560"], [8.5, 8.5, 8.5], True),
    (["Argentina", "9"], [10, 10], False),  # two cells: a label and its text
    (["1.", "....", "Introduction"], [10, 10, 10], False),  # leader dots are no cell
    (["United Nations", "S/2025/107", "Security Council"], [10, 16, 10], False),  # a masthead's sizes
])
def test_is_table_row(texts: list[str], sizes: list[float], table: bool) -> None:
    row = [_frag(t, 100.0 * k, 100.0 * k + 50, 500, s) for k, (t, s) in enumerate(zip(texts, sizes, strict=True))]
    assert is_table_row(row) is table


@pytest.mark.parametrize(("text", "figure"), [
    ("1 605", True), ("(12.0)", True), ("–", True), ("2019", True), ("12%", True), ("1.9", True),
    ("April", False), ("3 – New", False), ("35°06'11\"K", False), ("Total", False),
])
def test_a_cell_of_figures(text: str, figure: bool) -> None:
    assert bool(FIGURE_RE.match(text)) is figure


@pytest.mark.parametrize(("spans", "columns"), [
    ([[(60, 70), (90, 136), (148, 228)], [(60, 66), (90, 136), (148, 190)]], [(60, 70), (90, 136), (148, 228)]),
    ([[(60, 120), (130, 200)], [(60, 140), (150, 200)]], [(60, 200)]),  # cells that overlap are one column
    ([[(60, 100), (300, 320)], [(200, 240)]], [(60, 100), (200, 240), (300, 320)]),  # an empty cell in a row
])
def test_column_spans(spans: list[list[tuple[float, float]]], columns: list[tuple[float, float]]) -> None:
    rows = [[_frag("x", a, b, 500 - 12 * i) for a, b in row] for i, row in enumerate(spans)]
    assert column_spans(rows) == columns


@pytest.mark.parametrize(("x0", "column"), [
    (60, 0), (85, 1), (75, 0), (150, 2), (500, 2), (10, 0),
])
def test_column_of(x0: float, column: int) -> None:
    assert column_of(_frag("x", x0, x0 + 5, 500), [(60, 70), (90, 136), (148, 228)]) == column


@pytest.mark.parametrize(("rules", "joined"), [
    ([(83, 628, 141, 628), (142, 628, 263, 628), (263, 628, 552, 628)], [(83, 628, 552, 628)]),  # by column
    ([(60, 500, 200, 501), (300, 500, 400, 501)], [(60, 500, 200, 501), (300, 500, 400, 501)]),  # apart
    ([(60, 500, 200, 501), (60, 450, 200, 451)], [(60, 450, 200, 451), (60, 500, 200, 501)]),  # two heights
])
def test_join_rules(rules: list[tuple[float, float, float, float]],
                    joined: list[tuple[float, float, float, float]]) -> None:
    assert join_rules(rules) == joined


@pytest.mark.parametrize(("last_y", "y", "state"), [
    (None, 500, "first"),  # the column's first text
    (512, 500, "goes on"),  # the next line of the cell, set close
    (530, 500, "after space"),  # a new cell after the space between rows
])
def test_cell_state(last_y: float | None, y: float, state: str) -> None:
    last = None if last_y is None else _line(last_y, ("a", 60, 90))
    assert cell_state(last, _line(y, ("b", 60, 90)), wide=2.0 + 4.5) == state


@pytest.mark.parametrize(("states", "filled", "spaced", "ruled", "starts"), [
    (["goes on"], 1, True, True, True),  # under a rule
    (["after space", "goes on"], 2, True, False, True),  # a cell opens after the space between rows
    (["goes on", "goes on", "goes on"], 3, True, False, False),  # multi-line cells go on
    (["goes on", "first"], 2, True, False, False),  # a column head set low opens no row
    (["goes on", "goes on"], 2, False, False, True),  # set solid: two cells filled
    (["goes on"], 1, False, False, False),  # set solid: one cell goes on ("Bosnia and" / "Herzegovina")
])
def test_starts_row(states: list[str], filled: int, spaced: bool, ruled: bool, starts: bool) -> None:
    assert starts_row(states, filled, spaced=spaced, ruled=ruled) is starts


def _texts(rows: list[list[list[Fragment]]]) -> list[list[str]]:
    return [[" ".join(f.text for f in cell) for cell in row] for row in rows]


def test_multi_line_cells_stay_in_their_row() -> None:
    lines = [
        _line(600, ("1", 60, 66), ("Houla", 90, 130), ("A convoy", 270, 400)),
        _line(580, ("2", 60, 66), ("Al-Khiam", 90, 130), ("3 terrorist operatives", 270, 520)),
        _line(568, ("onto a vehicle", 270, 340)),
        _line(548, ("3", 60, 66), ("Yohmor", 90, 130), ("Arms transfer", 270, 340)),
    ]
    rows = table_rows(lines, column_spans([lines[0], lines[1], lines[3]]), [])
    assert _texts(rows) == [["1", "Houla", "A convoy"], ["2", "Al-Khiam", "3 terrorist operatives onto a vehicle"],
                            ["3", "Yohmor", "Arms transfer"]]


def test_a_cell_that_spans_rows_stays_where_it_opens() -> None:
    lines = [
        _line(620, ("Benchmark", 60, 150), ("Indicator", 170, 260), ("Target", 280, 300)),
        _line(600, ("1. The executive", 60, 150), ("1.1 Existence", 170, 260), ("April", 280, 300)),
        _line(588, ("branches have", 60, 150), ("of the Code", 170, 260), ("2019", 280, 300)),
        _line(576, ("promulgated", 60, 150)),
        _line(564, ("legislation", 60, 150), ("1.2 Existence", 170, 260), ("May", 280, 300)),
    ]
    rows = table_rows(lines, column_spans(lines), [])
    assert _texts(rows) == [["Benchmark", "Indicator", "Target"],
                            ["1. The executive branches have promulgated legislation", "1.1 Existence of the Code",
                             "April 2019"], ["", "1.2 Existence", "May"]]


def test_figures_never_wrap() -> None:
    """A police table set solid between a spaced head and total: each line of figures is a row."""
    lines = [
        _line(640, ("Country", 60, 100), ("Men", 200, 220), ("Total", 300, 320)),
        _line(610, ("Argentina", 60, 100), ("9", 210, 215), ("560", 305, 320)),
        _line(598, ("Bolivia", 60, 100), ("3", 210, 215), ("208", 305, 320)),
        _line(586, ("Bosnia and", 60, 100), ("–", 210, 215), ("12", 310, 320)),
        _line(574, ("Herzegovina", 60, 110)),
    ]
    rows = table_rows(lines, column_spans(lines), [])
    assert _texts(rows) == [["Country", "Men", "Total"], ["Argentina", "9", "560"], ["Bolivia", "3", "208"],
                            ["Bosnia and Herzegovina", "–", "12"]]


def test_a_table_is_found_with_its_heads_between_the_rules() -> None:
    head = _line(640, ("Date", 90, 120), ("Area", 150, 180), ("Violations", 270, 320))
    body = [_line(610 - 20 * i, (str(i + 1), 60, 66), ("27-Nov-24", 90, 136), ("Houla", 150, 180),
                  ("observed", 270, 320)) for i in range(3)]
    prose = _line(520, ("The table above lists the violations that the mechanism recorded.", 60, 540))
    rules = [(55, 655, 545, 655.5), (55, 625, 545, 625.5), (55, 560, 545, 560.5)]
    tables = find_tables([f for line in [head, *body, prose] for f in line], rules)
    assert len(tables) == 1
    assert _texts(tables[0].rows) == [["", "Date", "Area", "Violations"],
                                      *[[str(i + 1), "27-Nov-24", "Houla", "observed"] for i in range(3)]]


@pytest.mark.parametrize(("texts", "labels"), [
    (["Bonbon", "DES BARADÈRES", "See Legend", "Jérémie", "HAITI"], True),  # a map
    (["Global 50% 42% 8%", "Arab States 73% 17% 10%", "0", "60"], True),  # a bar chart
    (["The Pact for the Future, adopted by consensus at the Summit of the",
      "Future in September 2024, represents a leap forward in advancing global",
      "cooperation and turbocharging efforts to achieve the Goals."], False),  # a text box
    (["A pact for a sustainable future", "The Pact for the Future, adopted by consensus at the Summit of the",
      "Future in September 2024, represents a leap forward"], False),
])
def test_reads_as_labels(texts: list[str], labels: bool) -> None:
    assert reads_as_labels(texts) is labels


@pytest.mark.parametrize(("art", "images", "areas"), [
    ([(100 + 10 * k, 400, 150 + 10 * k, 500) for k in range(6)], [], 1),  # a chart's bars
    ([(100, 400, 500, 600)], [], 0),  # one shaded box: no figure
    ([], [(100, 300, 500, 600)], 1),  # a picture
    ([], [(0, 0, 612, 792)], 0),  # a scanned page's own image
    ([], [(60, 700, 100, 740)], 0),  # the emblem: too small
    ([], [(65, 655, 545, 727)], 0),  # a strip: a scanned table's band of rules
    ([(95, 102, 553, 372), (58, 88, 553, 102.5)], [], 0),  # grounds set edge to edge are not joined
])
def test_figure_areas(art: list[tuple[float, float, float, float]], images: list[tuple[float, float, float, float]],
                      areas: int) -> None:
    found: list[Area] = figure_areas(art, images, (612.0, 792.0))
    assert len(found) == areas
