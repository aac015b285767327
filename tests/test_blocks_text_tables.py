"""Table tests for tables in extracted text: which blocks of short lines layout.py labels a table's cells, and
how structure/tables.py folds cells printed one under another into rows."""

from __future__ import annotations

import pytest

from unref.layout import (
    axis_labels,
    cell_groups,
    is_figure_cell,
    is_table_cell,
    is_wide_cell,
    label_map_page,
    label_text_tables,
    table_runs,
)
from unref.model import Line
from unref.structure.tables import fold_rows, is_stacked, row_period, stacked_cells


@pytest.mark.parametrize(("texts", "cell"), [
    (["Austria"], True),
    (["1 214"], True),
    (["Date of", "submission to", "the mechanism"], True),  # a header cell wrapped over three lines
    (["12.5."], True),  # a figure may end in a stop
    (["GFRS;"], False),  # a list item
    (["Financial matters."], False),  # a sentence
    (["The Council decided as follows:"], False),
    (["x" * 41], False),  # longer than a column
    (["a", "b", "c", "d"], False),  # more lines than a cell wraps over
])
def test_is_table_cell(texts: list[str], cell: bool) -> None:
    assert is_table_cell(texts) is cell


@pytest.mark.parametrize(("texts", "figure"), [
    (["1 214"], True), (["36.7"], True), (["(22.0)"], True), (["42%"], True), (["–"], True),
    (["2021–2024"], True), (["27-Nov-24"], True), (["3 Jan 2025"], True), (["(4)=(3)-(2)"], True),
    (["January 3, 2024"], True), (["Tuesday, 14 September 2021"], True), (["05:18"], True),
    (["12."], False),  # a list's numbering
    (["Austria"], False), (["QDi.299"], False),
])
def test_is_figure_cell(texts: list[str], figure: bool) -> None:
    assert is_figure_cell(texts) is figure


@pytest.mark.parametrize(("texts", "wide"), [
    (["3 terrorist operatives were observed loading 4 Kornet ATGMs", "onto a vehicle"], True),
    (["Interdiction of a Haitian sailboat south of Turks and Caicos Islands."], True),
    (["Table 2. Status of all recommendations for 2023, by thematic area"], False),  # a caption
    (["The parties have agreed as follows:"], False),
    (["x" * 81], False),
])
def test_is_wide_cell(texts: list[str], wide: bool) -> None:
    assert is_wide_cell(texts) is wide


def _page(texts: list[str]) -> list[Line]:
    """Return a page's lines, "" a blank line."""
    lines, pos = [], 0
    for t in texts:
        lines.append(Line(t, pos, 1, kind="body" if t else "blank"))
        pos += len(t) + 1
    return lines


POLICE = ["Country", "", "Number", "", "Austria", "", "1", "", "Croatia", "", "1", "", "Hungary", "", "2", "",
          "Total", "", "4"]


def test_cell_groups_part_at_blank_lines() -> None:
    groups = cell_groups(_page(["a", "b", "", "c", "", "", "d"]))
    assert [[ln.text for ln in g] for g in groups] == [["a", "b"], ["c"], ["d"]]


@pytest.mark.parametrize(("texts", "tables"), [
    (POLICE, [10]),
    # a caption before the table is not a cell of it
    (["Composition of the police component of the Mission", "", *POLICE], [10]),
    # a numbered list: its labels are no figures, its items end in stops
    (["12.", "", "Financial matters.", "", "13.", "", "Other matters.", "", "14.", "", "Closure.", "", "15.", "",
      "Adoption."], []),
    # a body paragraph: no blank lines inside, long lines
    (["The Council met on 3 June and decided to extend the mandate of the Mission until", "31 December 2025."], []),
    # too few cells
    (["Country", "", "Number", "", "Austria", "", "1"], []),
    # labels alone: no figures
    (["Argentina", "", "Brazil", "", "Chile", "", "Peru", "", "Uruguay", "", "Paraguay"], []),
])
def test_table_runs(texts: list[str], tables: list[int]) -> None:
    assert [len(run) for run in table_runs(cell_groups(_page(texts)))] == tables


def test_cells_printed_one_to_a_line_without_blank_lines() -> None:
    texts = ["Date", "Local time", "Altitude (feet)", "January 3, 2024", "05:18", "18,500", "January 16, 2024",
             "09:40", "17,500"]
    assert [len(run) for run in table_runs(cell_groups(_page(texts)))] == [9]


def test_a_charts_labels_under_its_caption_are_a_figure() -> None:
    lines = _page(["Figure I", "Daily trajectories of projectiles, October to November 2024", "",
                   "Number of trajectories",
                   "", "1 400", "", "1 200", "", "1 000", "", "800", "", "South to north", "", "North to south"])
    label_text_tables(lines)
    assert {ln.kind for ln in lines[3:] if ln.text} == {"figure"}
    assert lines[0].kind == "body"


def test_a_wide_cell_between_cells_stays_in_the_table() -> None:
    texts = ["1", "", "27-Nov-24", "", "Houla", "", "A convoy of vehicles with LH presence were observed", "",
             "2", "", "27-Nov-24", "", "Houla"]
    assert [len(run) for run in table_runs(cell_groups(_page(texts)))] == [7]


def test_label_text_tables_labels_the_cells_only() -> None:
    lines = _page(["The police were as follows:", "", *POLICE, "", "The next paragraph."])
    label_text_tables(lines)
    assert [ln.text for ln in lines if ln.kind == "table"] == [t for t in POLICE if t]
    assert lines[0].kind == "body" and lines[-1].kind == "body"


@pytest.mark.parametrize(("kinds", "period"), [
    ([False, False] + [False, True] * 5, 2),  # a header, then label, figure
    ([False, True, True, True] * 4, 4),
    ([True] * 12, 1),  # figures alone: no column tells a row
    ([False, True, False], 1),  # fewer than two rows
    ([False, True, True, False, True, False, False, True, True, True], 1),  # no period holds
])
def test_row_period(kinds: list[bool], period: int) -> None:
    assert row_period(kinds) == period


@pytest.mark.parametrize(("cells", "rows"), [
    (["Country", "Number", "Austria", "1", "Croatia", "1", "Italy", "2", "Total", "4"],
     [["Country", "Number"], ["Austria", "1"], ["Croatia", "1"], ["Italy", "2"], ["Total", "4"]]),
    # rows end with the table's last cell: a shorter header opens it
    (["Area", "1", "Houla", "2", "Tyre"], [["Area"], ["1", "Houla"], ["2", "Tyre"]]),
    (["1", "2", "3"], [["1"], ["2"], ["3"]]),  # no period: a cell a row
])
def test_fold_rows(cells: list[str], rows: list[list[str]]) -> None:
    assert fold_rows(cells) == rows


def test_stacked_cells_join_a_cell_wrapped_over_lines() -> None:
    lines = _page(["Date of", "submission", "", "Area", "", "1"])
    for ln in lines:
        ln.kind = "table" if ln.text else "blank"
    assert is_stacked(lines)
    assert stacked_cells(lines) == ["Date of submission", "Area", "1"]
    gapped = [Line("Austria  1", 0, 1, kind="table"), Line("", 11, 1, kind="blank")]
    assert not is_stacked(gapped)  # a row that parts its cells by a gap is a printed row


MAP = ["Annex II", "", "Force Headquarters", "Battalion boundary", "International boundary", "Port-de-Paix",
       "SRI LANKA", "", "NEPAL", "", "73o", "", "The boundaries and names shown and the designations used on",
       "this map do not imply official endorsement or acceptance by the United Nations.", "",
       "Map No. 4224 Rev. 25", "Department of Field Support", "Cartographic Section"]


def test_a_map_page_is_one_figure_under_its_annex_heading() -> None:
    lines = _page(MAP)
    assert label_map_page(lines)
    assert [ln.text for ln in lines if ln.kind == "body"] == ["Annex II"]
    assert all(ln.kind == "figure" for ln in lines if ln.text and ln.text != "Annex II")


@pytest.mark.parametrize("texts", [
    ["Force Headquarters", "Battalion boundary", "", "NEPAL"],  # no map credit: not a map
    ["The Mission published its Map No. 4224 in the report.", "The text goes on."],  # the credit is a line's own
])
def test_no_map_without_its_credit(texts: list[str]) -> None:
    lines = _page(texts)
    assert not label_map_page(lines)
    assert all(ln.kind in ("body", "blank") for ln in lines)


CHART = ["Figure II", "Weekly air violations observed by the Force, October 2024 to February 2025", "",
         "Number of air violations", "", "400", "350", "300", "250", "200", "150", "100", "50", "0", ""]


@pytest.mark.parametrize(("after", "labels"), [
    (["Weeks", "Source: UNIFIL."], ["Weeks"]),  # an axis title, then the figure's source line
    (["", "Weeks", "", "Operational activities", "Activities in coordination with the army", "Source: UNIFIL."],
     ["Weeks", "Operational activities", "Activities in coordination with the army"]),  # and a legend
    (["The Force recorded fewer violations.", "Source: UNIFIL."], []),  # a sentence is the text's
    (["14. After 27 November, the situation remained tense despite the near absence of"], []),
])
def test_a_charts_axis_title_and_legend_go_with_its_figures(after: list[str], labels: list[str]) -> None:
    lines = _page(CHART + after)
    label_text_tables(lines)
    assert [ln.text for ln in lines[len(CHART):] if ln.kind == "figure"] == labels


def test_axis_labels_need_the_source_line() -> None:
    """Without the figure's "Source:" line under them, short lines may be the text that goes on."""
    assert axis_labels(_page(["Weeks", "", "Operational activities"])) == []
    assert [ln.text for ln in axis_labels(_page(["Weeks", "Source: UNIFIL."]))] == ["Weeks"]


def test_a_scanned_maps_credit_makes_its_pdf_page_a_figure() -> None:
    """A PDF page whose map was scanned (no drawing under its labels) is told by its credit, as in text."""
    from unref.layout import pdf_labels
    from unref.model import Page, Source
    lines = _page(MAP)
    source = Source(path="map.pdf", text="\n".join(MAP), pages=[Page(1, lines)], format="pdf", style="pdf")
    pdf_labels(source)
    assert [ln.text for ln in lines if ln.kind == "body"] == ["Annex II"]
