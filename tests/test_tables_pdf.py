"""Tables and figures of PDFs read from geometry (issue 14): the decisions, one table each, and real tables
of ../shared/corpus/dev, every row and cell as the rendered page shows them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from unref.model import Source
from unref.read.pdf.figures import Area, credit_lines, figure_areas, reads_as_labels
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


@pytest.mark.parametrize(("lines", "credits"), [
    ([("Map No. 4224 Rev. 25 UNITED NATIONS", 78, 5.0), ("April 2010", 72, 5.0)], 2),  # a map's maker and date
    ([("Map No. 4224", 78, 5.0), ("Source: the Panel, from satellite images of the area", 60, 5.0)], 1),
    ([("Source: UNDP Evaluation Resource Centre", 78, 9.0)], 0),  # body print: a source line, not a credit
    ([("April 2010", 50, 5.0)], 0),  # far under the art
])
def test_credit_lines(lines: list[tuple[str, float, float]], credits: int) -> None:
    frags = [_frag(t, 100, 100 + 4 * len(t) * s / 10, y, s) for t, y, s in lines]
    assert len(credit_lines(frags, (90.0, 87.0, 700.0, 535.0), 0.75 * 10.0)) == credits


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


# --- Real tables of the dev corpus --------------------------------------------------------------------------
# Each: the PDF, the page, what the table shows, and every table row of the page with its cells, as the
# rendered page prints them (written from the page rendered by pypdfium2; a superscript note marker stays
# glued to its word, as everywhere in the reader's text: "Brazila", "(to be confirmed)a").

TABLES: list[tuple[str, int, str, list[list[str]]]] = [('S_2025_107.en.pdf',
  4,
  'violations report: multi-line cells, heads between rules',
  [['', 'Date of submission to the mechanism', 'Area', 'Violations'],
   ['1', '27-Nov-24', 'Houla', 'A convoy of vehicles with LH presence were observed'],
   ['2', '27-Nov-24', 'Houla', '3 terrorist operatives were observed'],
   ['3', '27-Nov-24', 'Tir Harpa', '3 terrorist operatives were observed'],
   ['4', '27-Nov-24', 'Miss El-Jabel', '3 terrorist operatives were observed'],
   ['5', '27-Nov-24', 'Al-Khiam', '3 terrorist operatives were observed loading 4 Kornet ATGMs onto a vehicle'],
   ['6', '28-Nov-24', 'A-Taibe', 'A number of terror operatives were observed'],
   ['7', '28-Nov-24', 'Markabe', '10 terrorist operatives were observed'],
   ['8', '28-Nov-24', 'Ramia', '2 terrorist operatives were observed'],
   ['9', '29-Nov-24', 'Markabe', 'Multiple LH operatives located in a mosque'],
   ['10', '29-Nov-24', 'Al-Khiam', '3 LH operatives were observed'],
   ['11', '29-Nov-24', 'Zarhin', 'Presence of medium SS Rockets'],
   ['12', '29-Nov-24', 'Yarun', 'LH operative acted against IDF forces'],
   ['13',
    '30-Nov-24',
    'Rabb Et Talatine',
    'LH operatives identified in 3 vehicles IVO Rabb Et Talatine, suspected of conducting surveillance on IDF'],
   ['14', '30-Nov-24', 'Majdal Zun', 'Arms transfer'],
   ['15', '30-Nov-24', 'Al-Khiam', '5 LH operatives were observed in a known LH site.'],
   ['16',
    '30-Nov-24',
    'Yohmor',
    'Vehicle carrying 2 LH operatives entered a launch site and stopped near an arms depot in Yohmor, where 2 '
    'tractors were identified. It appears that the tractors were loaded with arms by the terrorists'],
   ['17', '30-Nov-24', 'Mazarat Al-Wasita', 'Trucks arriving at LH surface to surface rocket site'],
   ['18',
    '30-Nov-24',
    'Junta',
    'A bulldozer that had been operating to restore a LH surface-to-surface missile production site'],
   ['19', '30-Nov-24', 'Aytaroun', 'LH field observer surveilling IDF forces'],
   ['20',
    '30-Nov-24',
    'IVO UNP 8-36',
    'Armed individual dressed in civilian clothing approaching our forces near UNP 8-36 and located himself between '
    'our forces. The IDF fired into the air to distance the individual and he left the area']]),
 ('S_2019_198.en.pdf',
  18,
  'benchmark table: a benchmark cell spans its indicators',
  [['Benchmark',
    'Indicator',
    'Target timeline',
    'Target',
    'Update as at 15 January (or otherwise specified)',
    'Trend'],
   ['1. The executive and legislative branches have promulgated legislation that improves access to justice, '
    'enhances the development of the national police and addresses prolonged pretrial detention, which is a cause of '
    'prison overcrowding; all branches have initiated implementation of the new legislation, including through '
    'sustainable budget allocations',
    '1.1 Existence of the new Criminal Code (1 – draft law initiated; 2 – draft law voted by each chamber; 3 – law '
    'promulgated by President)',
    'April 2019',
    '3 – New Criminal Code is promulgated',
    '1 – Senate Justice and Security Commission issued its report on the draft law. Lower Chamber commission is '
    'finalizing its report and preparing a summary of the draft law.',
    ''],
   ['',
    '1.2 Existence of the Code of Criminal Procedure (1 – draft law initiated; 2 – draft law voted by each chamber; '
    '3 – law promulgated by President)',
    'April 2019',
    '3 – Code of Criminal Procedure is promulgated',
    '1 – Senate Justice and Security Commission issued its report on the draft law. Lower Chamber commission is '
    'finalizing its report and preparing a summary of the draft law.',
    ''],
   ['',
    '1.3 Existence of the Legal Aid Law (1 – draft law initiated; 2 – draft law voted by each chamber; 3 – law '
    'promulgated by President)',
    'April 2019',
    '3 – Legal Aid Law is promulgated',
    '3 – Law on the creation, organization and functioning of the National Council on Legal Aid adopted by both '
    'chambers on 10 September 2018, transferred to President on 27 September and published in the official gazette '
    'on 26 October',
    '']]),
 ('S_2010_200.en.pdf',
  22,
  'military contribution table: set solid, group heads',
  [['', 'Staff officers', '', 'Troops', '', ''],
   ['Country', 'Females', 'Males', 'Females', 'Males', 'Total'],
   ['Argentina', '', '9', '37', '514', '560'],
   ['Bolivia', '', '3', '16', '189', '208'],
   ['Brazil', '', '22 1', '6', '2 160', '2 188'],
   ['Canada', '2', '9', '—', '—', '11'],
   ['Chile', '', '5', '14', '484', '503'],
   ['Ecuador', '', '0', '—', '66', '66'],
   ['France', '', '2', '—', '—', '2'],
   ['Guatemala', '', '4', '13', '130', '147'],
   ['India', '', '1', '—', '—', '1'],
   ['Japan', '', '2', '—', '190', '192'],
   ['Jordan', '', '8', '—', '592', '600'],
   ['Nepal', '', '13', '8', '1 059', '1 080'],
   ['Paraguay', '', '—', '—', '31', '31'],
   ['Peru', '1', '4', '—', '214', '219'],
   ['Philippines', '1', '1', '6', '149', '157'],
   ['Republic of Korea', '1', '—', '4', '235', '240'],
   ['Sri Lanka', '', '11', '—', '948', '959'],
   ['United States of America', '1', '7', '—', '—', '8'],
   ['Uruguay', '', '13', '42', '1 079', '1 134'],
   ['Total', '6', '114', '146', '8 040', '8 306']]),
 ('S_2006_592.en.pdf',
  21,
  'military contribution table',
  [['Country', 'Staff officers', 'Troops', 'Total'],
   ['Argentina', '9', '549', '558'],
   ['Bolivia', '1', '—', '1'],
   ['Brazila', '14', '1 200', '1 214'],
   ['Canada', '4', '—', '4'],
   ['Chile', '8', '537', '545'],
   ['Croatia', '1', '—', '1'],
   ['Ecuador', '1', '66', '67'],
   ['France', '2', '—', '2'],
   ['Guatemala', '5', '80', '85'],
   ['Jordan', '11', '749', '760'],
   ['Morocco', '2', '0', '2'],
   ['Nepal', '7', '750', '757'],
   ['Paraguay', '3', '—', '3'],
   ['Peru', '4', '205', '209'],
   ['Philippines', '2', '155', '157'],
   ['Sri Lanka', '12', '950', '962'],
   ['United States of America', '4', '—', '4'],
   ['Uruguay', '11', '967', '978'],
   ['Total', '101', '6 208', '6 309']]),
 ('S_2007_768.en.pdf',
  21,
  'police contribution table: two country columns, a cell set at the foot',
  [['Country', 'Number', 'Country', 'Number'],
   ['Argentina', '10', 'Malawi', '4'],
   ['Austria', '22', 'Nepal', '17'],
   ['Bangladesh', '27', 'Nigeria', '20'],
   ['Brazil', '2', 'Norway', '15'],
   ['Bulgaria', '49', 'Pakistan', '176'],
   ['China', '15', 'Philippines', '40'],
   ['Croatia', '13', 'Poland', '135'],
   ['Czech Republic', '25', 'Portugal', '4'],
   ['Denmark', '24', 'Romania', '181'],
   ['Finland', '10', 'Russian Federation', '45'],
   ['France', '49', 'Slovenia', '15'],
   ['Germany', '146', 'Spain', '12'],
   ['Ghana', '48', 'Sweden', '37'],
   ['Greece', '9', 'Switzerland', '9'],
   ['Hungary', '15', 'Turkey', '131'],
   ['India', '82', 'Uganda', '4'],
   ['Italy', '30', 'United Kingdom of Great Britain and Northern Ireland', '61'],
   ['Jordan', '68', 'United States of America', '238'],
   ['Kenya', '15', 'Ukraine', '166'],
   ['Kyrgyzstan', '9', 'Zambia', '10'],
   ['Lithuania', '6', 'Zimbabwe', '17'],
   ['Total', '', '', '2 011']]),
 ('A_79_794-S_2025_104.en.pdf',
  3,
  'airspace violations, a landscape page',
  [['Date',
    'Local time',
    'Altitude (feet)',
    'Aircraft type',
    'Aircraft call sign',
    'Nationality',
    'Coordinates (entry)',
    'Coordinates (exit)'],
   ['January 3, 2024',
    '05:18',
    '18,500',
    'GULFSTREAM',
    'HAF-352H',
    'Greece',
    '35°06\'11"K,032°48\'18"D',
    '35°05\'19"K,032°51\'53"D'],
   ['January 16, 2024',
    '09:40',
    '17,500',
    'C-130',
    'HAF-356-K',
    'Greece',
    '35°05\'28"K,032°49\'24"D',
    '35°04\'59"K,032°51\'35"D'],
   ['February 20, 2024',
    '10:47',
    '13,500',
    'C-130',
    'HAF-356K',
    'Greece',
    "35°06’43''K,032°47’39''D",
    "35°05’28''K,032°51’54''D"],
   ['March 14, 2024',
    '10:09',
    '15,200',
    'C-130',
    'HAF-356',
    'Greece',
    '35°06\'42"K,032°47\'40"D',
    '35°05\'31"K,032°51\'50"D'],
   ['April 16, 2024',
    '09:44',
    '14,600',
    'C-130',
    'HAF-356K',
    'Greece',
    "35°06’50''K,032°47’33''D",
    "35°05’34''K,032°51’54''D"],
   ['May 8, 2024',
    '09:45',
    '18,000',
    'C-130',
    'HAF-356K',
    'Greece',
    "35°06'06''K,032°48'28''D",
    "35°05'11''K,032°51'52''D"],
   ['June 14, 2024',
    '18:41',
    '15,800',
    'C-130',
    'HAF-356C',
    'Greece',
    "35°05'23''K,032°49'24''D",
    "35°05'09''K,032°51'50''D"],
   ['June 18, 2024',
    '16:43',
    '13,000',
    'C-130',
    'HAF-356K',
    'Greece',
    "35°06'06''K,032°48'28''D",
    "35°05'11''K,032°52'51''D"],
   ['June 28, 2024',
    '15:08',
    '18,000',
    'EMB-135',
    'CAF-001',
    'Greek Cypriot administration',
    "35°05'16''K,032°49'25''D",
    "35°04'50''K,032°51'00''D"],
   ['July 19, 2024',
    '08:22',
    '11,000',
    '1xC-27J',
    'HAFF-354M',
    'Greece',
    "35°06'29''K,032°47'55''D",
    "35°05'19''K,032°51'53''D"],
   ['July 20, 2024',
    '18:39',
    '18,000',
    'FALCON-7X',
    'HAF-352B',
    'Greece',
    "35°05'37''K,032°49'16''D",
    "35°05'02''K,032°51'48''D"],
   ['August 20, 2024',
    '09:38',
    '14,000',
    'C-130',
    'HAF-356K',
    'Greece',
    "35°06'36''K,032°47'50''D",
    "35°05'30''K,032°51'54''D"],
   ['September 13, 2024',
    '09:19',
    '25,000',
    'B-350',
    'HAF-403K',
    'Greece',
    '35°06\'13"K,032°48\'16"D',
    '35°05\'17"K,032°51\'53"D'],
   ['September 17, 2024',
    '08:47',
    '15,000',
    'C-130',
    'HAF-356K',
    'Greece',
    '35°05\'28"K,032°49\'23"D',
    '35°04\'58"K,032°51\'35"D'],
   ['October 3, 2024',
    '10:15',
    '24,000',
    '1xC-130',
    'HAF-356L',
    'Greece',
    '35°06’30"K,032°47\'54"D',
    '35°05’23"K,032°51\'53"D'],
   ['October 25, 2024',
    '13:14',
    '20,000',
    'C-130 H',
    'HAF-356B',
    'Greece',
    "35°05'31''K,032°51'54''D",
    "35°06'37''K,032°47'46''D"],
   ['November 16, 2024',
    '08:02',
    '14,200',
    'FALCON-7X',
    'HAF-352H',
    'Greece',
    '35°05\'11"K,032°49\'26"D',
    '35°05\'01"K,032°51\'44"D'],
   ['December 16, 2024',
    '11:07',
    '36,000',
    'FALCON-7X',
    'HAF-352B',
    'Greece',
    '35°05\'30"K,032°47\'54"D',
    '35°05\'39"K,032°51\'54"D']]),
 ('A_79_907-S_2025_268.en.pdf',
  13,
  'peacekeeping budget table: subtotals under rules',
  [['', 'Expenditure (2023/24)', 'Apportionment (2024/25)', 'Cost estimates (2025/26)', 'Variance', ''],
   ['', '', '', '', 'Amount', 'Percentage'],
   ['Category', '(1)', '(2)', '(3)', '(4)=(3)-(2)', '(5)=(4)÷(2)'],
   ['Military and police personnel', '', '', '', '', ''],
   ['Military observers', '–', '–', '–', '–', '–'],
   ['Military contingents', '126 430.3', '104 789.5', '106 827.9', '2 038.4', '1.9'],
   ['United Nations police', '110.3', '232.8', '227.2', '(5.6)', '(2.4)'],
   ['Formed police units', '6 467.4', '7 078.3', '6 227.4', '(850.9)', '(12.0)'],
   ['Subtotal', '133 008.0', '112 100.6', '113 282.5', '1 181.9', '1.1'],
   ['Civilian personnel', '', '', '', '', ''],
   ['International staff', '86 221.7', '84 121.8', '87 209.9', '3 088.1', '3.7'],
   ['National Professional Officer', '3 312.2', '2 383.7', '4 113.8', '1 730.1', '72.6'],
   ['National General Service staff', '4 787.5', '4 715.1', '5 235.2', '520.1', '11.0'],
   ['United Nations Volunteers', '1 252.7', '1 323.7', '1 390.0', '66.3', '5.0'],
   ['General temporary assistance', '1 194.4', '341.9', '557.4', '215.5', '63.0'],
   ['Government-provided personnel', '242.7', '294.4', '247.9', '(46.5)', '(15.8)'],
   ['Subtotal', '97 011.2', '93 180.6', '98 754.2', '5 573.6', '6.0'],
   ['Operational costs', '', '', '', '', ''],
   ['Civilian electoral observers', '–', '–', '–', '–', '–'],
   ['Consultants and consulting services', '255.2', '372.1', '508.7', '136.6', '36.7'],
   ['Official travel', '1 611.3', '1 555.9', '1 533.9', '(22.0)', '(1.4)'],
   ['Facilities and infrastructure', '94 533.1', '87 341.8', '97 133.4', '9 791.6', '11.2'],
   ['Ground transportation', '12 893.1', '11 967.6', '15 002.2', '3 034.6', '25.4'],
   ['Air operations', '94 099.8', '100 504.8', '115 947.6', '15 442.8', '15.4'],
   ['Marine operations', '1 086.6', '578.0', '600.5', '22.5', '3.9'],
   ['Communications and information technology', '36 170.7', '33 800.8', '36 394.7', '2 593.9', '7.7'],
   ['Medical', '9 041.5', '7 919.8', '8 461.1', '541.3', '6.8'],
   ['Special equipment', '–', '–', '–', '–', '–'],
   ['Other supplies, services and equipment', '53 264.9', '50 443.2', '49 593.2', '(850.0)', '(1.7)'],
   ['Quick-impact projects', '–', '–', '–', '–', '–'],
   ['Subtotal', '302 956.2', '294 484.0', '325 175.3', '30 691.3', '10.4'],
   ['Gross requirements', '532 975.4', '499 765.2', '537 212.0', '37 446.8', '7.5'],
   ['Staff assessment income', '9 027.3', '8 209.6', '9 177.9', '968.3', '11.8'],
   ['Net requirements', '523 948.1', '491 555.6', '528 034.1', '36 478.5', '7.4'],
   ['Voluntary contributions in kind (budgeted)', '–', '–', '–', '–', '–'],
   ['Total requirements', '532 975.4', '499 765.2', '537 212.0', '37 446.8', '7.5']]),
 ('A_INF_76_1.en.pdf',
  1,
  'session dates on a first page',
  [['Session', 'Opening date of the session', 'Opening date of the general debate'],
   ['Seventy-sixth', 'Tuesday, 14 September 2021', 'Tuesday, 21 September 2021'],
   ['Seventy-seventh', 'Tuesday, 13 September 2022', 'Tuesday, 20 September 2022'],
   ['Seventy-eighth', 'Tuesday, 12 September 2023', 'Tuesday, 19 September 2023 (to be confirmed)a'],
   ['Seventy-ninth', 'Tuesday, 17 September 2024', 'Tuesday, 24 September 2024'],
   ['Eightieth', 'Tuesday, 16 September 2025', 'Tuesday, 23 September 2025'],
   ['Eighty-first', 'Tuesday, 15 September 2026', 'Tuesday, 22 September 2026'],
   ['Eighty-second', 'Tuesday, 14 September 2027', 'Tuesday, 21 September 2027 (to be confirmed)a'],
   ['Eighty-third', 'Tuesday, 12 September 2028', 'Tuesday, 19 September 2028'],
   ['Eighty-fourth', 'Tuesday, 18 September 2029', 'Tuesday, 25 September 2029']]),
 ('DP_OPS_2025_1.en.pdf',
  6,
  'two ruled tables of recommendations',
  [['Thematic area', 'Total', 'Closure requested', 'Under implementation'],
   ['Financial management', '5', '1', '4'],
   ['Investment management', '2', '-', '2'],
   ['Project management', '2', '1', '1'],
   ['Total', '9', '2', '7'],
   ['Percentage', '100%', '22%', '78%'],
   ['Thematic area', 'Total', 'Closure requested', 'Under implementation'],
   ['Budget management', '2', '1', '1'],
   ['Financial management', '7', '1', '6'],
   ['Human resource management', '1', '-', '1'],
   ['Information technology', '1', '-', '1'],
   ['Investment management', '2', '-', '2'],
   ['Procurement management', '1', '-', '1'],
   ['Project management', '5', '1', '4'],
   ['Total', '19', '3', '16'],
   ['Percentage', '100%', '16%', '84%']]),
 ('S_2025_356.en.pdf',
  51,
  'a boxed table with a total',
  [['Date', 'Number of Haitian Nationals', 'Description'],
   ['28 Jan 2025', '4', 'Six individuals apprehended during control operations'],
   ['3 Jan 2025', '3', 'Three Haitians were prosecuted'],
   ['20 Dec 2024', '5', 'Five Haitian nationals prosecuted'],
   ['5 Nov 2024', '10', 'Ten Haitians prosecuted in court'],
   ['4 Sep 2024', '1', 'Haitian and American prosecuted'],
   ['17 May 2024', '124', '124 Haitians repatriated'],
   ['21 Mar 2024', '264', '264 individuals repatriated from Matthew Town'],
   ['17 Apr 2024', '259', '259 Haitians repatriated from New Providence'],
   ['8 Mar 2024', '134', '134 individuals repatriated'],
   ['1 Feb 2024', '245', 'Two repatriations executed from Inagua'],
   ['13 Jan 2024', '18', '18 Haitians detained in Matthew Town'],
   ['Total', '1067', '']]),
 ('S_2025_239.en.pdf',
  6,
  'leaders and commanders: section rows, cells set close',
  [['Group', 'Political leader', 'Key commander in Darfur'],
   ['SAF-aligned', '', ''],
   ['Sudan Liberation Army-Minni Minawi (SLA/MM)', 'Minni Minawi', 'Juma Haggar'],
   ['Justice and Equality Movement (JEM)', 'Gibril Ibrahim', 'Tijani Duhaib'],
   ['Gathering of the Sudan Liberation Forces (GSLF)/Janna faction', 'Abdallah Janna', 'Aboud Adam Khater'],
   ['Sudan Liberation Movement/ Army-Transitional Council (SLA/TC)/ Osman Abdul Jabar faction',
    'Salah Adam Tor “Rasas”',
    'Osman Abdul Jabar Osman'],
   ['Non-aligned forces', '', ''],
   ['SLA/TC', 'Al-Hadi Idris', 'Saleh Osman, known as Jabal Si'],
   ['GSLF', 'Al-Tahir Hajar', 'Ahmed Abu Tonga and Abdulrahim Yagoup']]),
 ('DP_2025_14.en.pdf',
  16,
  'evaluation resources: row heads centred against figures',
  [['', '2018', '2019', '2020', '2021', '2022', '2023', '2024'],
   ['Independent Evaluation Office expenditures', '8.7', '10.9', '11.2', '11.4', '11.8', '13.77', '13.85'],
   ['Decentralized evaluations', '13.3', '14.8', '14.5', '16.4', '25.1', '23.04', '26.72'],
   ['Total resources UNDP evaluation function', '22.0', '25.7', '25.7', '27.8', '36.9', '36.81', '40.57'],
   ['Share of UNDP programme resources to evaluation', '0.48', '0.58', '0.57', '0.58', '0.77', '0.75', '0.83']]),
 ('S_2025_85.en.pdf',
  24,
  'weapons seized by month',
  [['', '', 'Pistol', 'Revolver', 'Rifle', 'Shotgun', 'Home-made weapons', 'Total'],
   ['2021', 'January', '30', '2', '8', '1', '9', '50'],
   ['', 'February', '27', '1', '8', '5', '–', '41'],
   ['', 'March', '8', '2', '3', '1', '5', '19'],
   ['', 'April', '23', '4', '2', '2', '8', '39'],
   ['', 'May', '15', '5', '3', '1', '3', '27'],
   ['', 'June', '3', '1', '2', '–', '6', '12'],
   ['', 'July', '17', '1', '13', '7', '7', '45'],
   ['', 'August', '25', '3', '2', '3', '4', '37'],
   ['', 'September', '16', '6', '6', '–', '12', '40'],
   ['', 'October', '18', '1', '3', '2', '2', '26'],
   ['', 'November', '16', '–', '6', '4', '3', '29'],
   ['', 'December', '24', '3', '3', '5', '1', '36'],
   ['Total', '', '222', '29', '59', '31', '60', '401'],
   ['2022', 'January', '19', '–', '4', '1', '1', '25'],
   ['', 'February', '10', '2', '2', '1', '6', '21'],
   ['', 'March', '26', '5', '2', '3', '5', '41'],
   ['', 'April', '15', '5', '4', '3', '5', '32'],
   ['', 'May', '29', '6', '7', '–', '6', '48'],
   ['', 'June', '13', '1', '3', '–', '2', '19'],
   ['', 'July', '30', '3', '23', '2', '1', '59'],
   ['', 'August', '11', '–', '4', '2', '2', '19'],
   ['', 'September', '4', '1', '5', '3', '4', '17'],
   ['', 'October', '9', '2', '5', '–', '6', '22'],
   ['', 'November', '16', '2', '6', '1', '1', '26'],
   ['', 'December', '10', '1', '1', '1', '–', '13'],
   ['Total', '', '192', '28', '66', '17', '39', '342'],
   ['2023', 'January', '14', '1', '7', '1', '2', '25'],
   ['', 'February', '16', '4', '3', '2', '–', '25'],
   ['', 'March', '9', '4', '3', '–', '5', '21'],
   ['', 'April', '20', '–', '10', '1', '–', '31'],
   ['', 'May', '4', '1', '5', '1', '1', '12'],
   ['', 'June', '4', '2', '5', '1', '4', '16'],
   ['', 'July', '9', '2', '3', '1', '4', '19'],
   ['', 'August', '13', '1', '1', '–', '1', '16'],
   ['', 'September', '13', '2', '4', '1', '1', '21'],
   ['', 'October', '18', '3', '2', '3', '5', '31'],
   ['', 'November', '10', '4', '1', '–', '2', '17'],
   ['', 'December', '10', '1', '6', '1', '13', '31'],
   ['Total', '', '140', '25', '50', '12', '38', '265']]),
 ('S_1995_444.en.pdf',
  6,
  'airlift figures of 1995',
  [['', 'March/April 1993', 'March/April 1994', 'March/April 1995'],
   ['Flights flown', '500', '746', '241'],
   ['Tons delivered', '5 273', '9 934', '4 303']]),
 ('S_2025_71_Rev.1.en.pdf',
  26,
  'sanctions list entities',
  [['No.', 'Entity name on the sanctions list', 'Source', 'Permanent reference number'],
   ['1', 'Al-Qaida', 'List entry and narrative summary of reasons for listing', 'QDe.004'],
   ['2', 'Asbat al-Ansar', 'List entry and narrative summary of reasons for listing', 'QDe.007'],
   ['3',
    'Al-Qaida in Iraq, also known as ISIL',
    'List entry and narrative summary of reasons for listing',
    'QDe.115'],
   ['4', 'Abdallah Azzam Brigades', 'List entry and narrative summary of reasons for listing', 'QDe.144'],
   ['5', 'Hilal Ahmar Society Indonesia', 'List entry and narrative summary of reasons for listing', 'QDe.147'],
   ['6',
    'The Army of Emigrants and Supporters',
    'List entry and narrative summary of reasons for listing',
    'QDe.148'],
   ['7', 'Harakat Sham al-Islam', 'List entry and narrative summary of reasons for listing', 'QDe.149'],
   ['8', 'Jund Al Aqsa', 'List entry and narrative summary of reasons for listing', 'QDe.156'],
   ['9', 'Khatiba Imam al-Bukhari', 'List entry and narrative summary of reasons for listing', 'QDe.158'],
   ['10', 'Khatiba al-Tawhid wal-Jihad', 'List entry and narrative summary of reasons for listing', 'QDe.168'],
   ['No.', 'Individual’s name according to the designation on the sanctions list', 'Permanent reference number'],
   ['1', 'Aiman Muhammed Rabi al-Zawahiri', 'QDi.006'],
   ['2', 'Hani al-Sayyid al-Sebai Yusif', 'QDi.198'],
   ['3', 'Jaber Abdallah Jaber Ahmad Al-Jalahmah', 'QDi.237'],
   ['4', 'Ibrahim Awwad Ibrahim Ali al-Badri al-Samarrai', 'QDi.299'],
   ['5', 'Abu Mohammed al-Jawlani', 'QDi.317'],
   ['6', 'Said Arif', 'QDi.323'],
   ['7', 'Abdul Mohsen Abdallah Ibrahim al Charekh', 'QDi.324'],
   ['8', 'Abou Mohamed al Adnani', 'QDi.325'],
   ['9', 'Hamid Hamad Hamid al-‘Ali', 'QDi.326'],
   ['10', 'Abdelrahman Mouhamad Zafir al Dabidi al Jahani', 'QDi.327'],
   ['11', 'Hajjaj bin Fahd al Ajmi', 'QDi.328']])]


@cache
def _read(name: str) -> Source:
    from unref.read.pdf import read_pdf

    return read_pdf(CORPUS / name, ocr="never")


@pytest.mark.parametrize(("name", "page", "what", "rows"), TABLES, ids=[f"{t[0]}:p{t[1]}" for t in TABLES])
def test_corpus_table(name: str, page: int, what: str, rows: list[list[str]]) -> None:
    if not (CORPUS / name).exists():
        pytest.skip(f"../shared/corpus/dev/{name} is absent (the shared corpus is not mounted)")
    lines = [ln for ln in _read(name).pages[page - 1].lines if ln.kind == "table"]
    assert all(ln.cells is not None for ln in lines)
    got = [[ln.text[a:b] for a, b in ln.cells or ()] for ln in lines]
    assert got == rows, what


def test_corpus_has_fifteen_tables() -> None:
    assert len(TABLES) >= 15
    assert len({name for name, *_ in TABLES}) >= 12  # several documents and layouts


@pytest.mark.parametrize(("name", "page", "labels"), [
    ("S_2010_200.en.pdf", 25, ["Baradères", "International boundary"]),  # a map
    ("DP_2025_14.en.pdf", 10, ["Global 50% 42% 8%", "Total evaluations"]),  # a bar chart and a ring chart
])
def test_corpus_figure_labels_are_no_body_text(name: str, page: int, labels: list[str]) -> None:
    if not (CORPUS / name).exists():
        pytest.skip(f"../shared/corpus/dev/{name} is absent (the shared corpus is not mounted)")
    lines = _read(name).pages[page - 1].lines
    for label in labels:
        kinds = {ln.kind for ln in lines if label in ln.text}
        assert kinds == {"figure"}, label


# --- The sweep's signals of issue 14 (bench/sweep.py) ----------------------------------------------------


def _sweep():  # type: ignore[no-untyped-def]
    from benchmods import load_bench

    return load_bench("sweep")


@pytest.mark.parametrize(("paras", "count"), [
    ([{"id": "p1", "kind": "figure", "page": 5, "text": "74 o 73 o"},
      {"id": "p2", "kind": "heading", "page": 5, "text": "April 2010"},
      {"id": "p3", "kind": "heading", "page": 5, "text": "Department of Field Support"},
      {"id": "p4", "kind": "body", "page": 6, "text": "The mission ..."}], 2),  # credits under a map
    ([{"id": "p1", "kind": "heading", "page": 2, "text": "Bonbon DES BARADÈRES See Legend"}], 1),
    ([{"id": "p1", "kind": "heading", "page": 9, "text": "Map No. 3684 Rev. 7 UNITED NATIONS"}], 1),
    ([{"id": "p1", "kind": "heading", "page": 2, "text": "II. Political developments"},
      {"id": "p2", "kind": "body", "page": 2, "text": "In the period ..."}], 0),
    ([{"id": "p1", "kind": "heading", "page": 2, "text": "UNCDF revenue, 2018-2024"},
      {"id": "p2", "kind": "figure", "page": 2, "text": "Global 50%"}], 0),  # a heading before: its title
    ([{"id": "p1", "kind": "figure", "page": 2, "text": "Global 50%"},
      {"id": "p2", "kind": "heading", "page": 2, "text": "C. New engagement"}], 0),  # a numbered section
    ([{"id": "p1", "kind": "figure", "page": 2, "text": "Global 50%"},
      {"id": "p2", "kind": "body", "page": 2, "text": "Source: UNDP"},
      {"id": "p3", "kind": "heading", "page": 2, "text": "B. Budget"}], 0),  # body text between
])
def test_map_label_headings(paras: list[dict[str, object]], count: int) -> None:
    assert len(_sweep().map_label_headings({"paragraphs": paras})) == count


@pytest.mark.parametrize(("quote", "kind", "flagged"), [
    ({"text": "The situation in the Middle East", "attributed_to": "Security Council", "location": "p3"},
     "body", True),  # the agenda item's title
    ({"text": "(a) To monitor the ceasefire", "attributed_to": "Security Council", "location": "p3"},
     "body", True),  # a list label first
    ({"text": "to monitor the ceasefire", "attributed_to": "General Assembly", "location": "p3"},
     "list_item", True),  # the list item itself
    ({"text": "deeply concerned by the situation", "attributed_to": "Security Council", "location": "p3"},
     "body", False),  # a quotation
    ({"text": "The situation in the Middle East", "attributed_to": "Embassy of Pakistan", "location": "p3"},
     "body", False),  # no organ
])
def test_organ_quotes_not_quoted(quote: dict[str, object], kind: str, flagged: bool) -> None:
    record = {"agenda_titles": ["The situation in the Middle East"], "quotes": [quote],
              "paragraphs": [{"id": "p3", "kind": kind, "text": str(quote["text"])}]}
    assert bool(_sweep().organ_quotes_not_quoted(record)) is flagged


def test_a_quotation_inside_a_list_item_is_a_quotation() -> None:
    quote = {"text": "in accordance with the wishes", "attributed_to": "Security Council", "location": "p3"}
    record = {"quotes": [quote], "paragraphs": [
        {"id": "p3", "kind": "list_item", "text": "(a) The mission will act “in accordance with the wishes” of the"
                                                  " Government, as the Council decided in its resolution 1704"}]}
    assert _sweep().organ_quotes_not_quoted(record) == []


@pytest.mark.parametrize(("last", "cell", "extra"), [
    ("Somalia.", "Somalia. Live mentoring.", []),  # a second paragraph of the cell
    ("Uganda", "Uganda", [["", "", "Live mentoring."]]),  # no stop: a row of its own
])
def test_a_paragraph_in_a_cell_is_no_row(last: str, cell: str, extra: list[list[str]]) -> None:
    """A cell's second paragraph (after a stop, set off by space) stays in its cell; a line after a name
    without a stop is a row of its own (merge_lone_cells joins it to a row beside it, if any)."""
    lines = [
        _line(640, ("Category", 60, 100), ("Reduction", 200, 260), ("Mitigation", 300, 360)),
        _line(610, ("Air", 60, 100), ("Fewer flights", 200, 260), (last, 300, 360)),
        _line(598, ("and more", 200, 260)),
        _line(570, ("Live mentoring.", 300, 360)),
    ]
    rows = [["Category", "Reduction", "Mitigation"], ["Air", "Fewer flights and more", cell], *extra]
    assert _texts(table_rows(lines, column_spans(lines), [])) == rows
