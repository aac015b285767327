"""read.pdf.tables: a page's tables from word positions and horizontal rules -> rows of cells.

The approach of pdfplumber's table finder, for the tables UN documents print: their rules run across
the page (a top rule, one under the column heads, one at the foot) and almost never down it, so the
columns come from the words (a white channel that runs down every row of the table, pdfplumber's
"text" strategy) and the rules only bound the table and part its rows. A table is found where rows of
three cells or more stack up; the lines between and around them that keep to its columns are its
continuation lines and its column heads.

Rows are read the way a reader reads them: a cell is a run of lines of one column set close together
(a multi-line cell stays one cell), and a row starts where a cell opens after white space wider than
the table's leading, or under a rule. A cell that runs on beside the next rows (a benchmark that
spans its indicators) stays in the row where it opens. In a table set without any space between its
rows, every line that fills two cells or more starts a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from unref.read.pdf.glyphs import Fragment, split_at, split_fragment

Rule = tuple[float, float, float, float]  # left, bottom, right, top

WORD_RE = re.compile(r"\w")
STOPS = (".", ";", ":")  # a paragraph in a cell ends with one
LEADER_RE = re.compile(r"(?:\. ?){4,}|…{2,}")  # leader dots between an entry and its page number
# A cell of figures: an amount, a count, a percentage, a year, or a dash for none ("1 605", "(12.0)", "–").
FIGURE_RE = re.compile(r"^[(\[]?[-–—+]?\s?(?:\d[\d\s.,:/]*%?|[-–—])[)\]]?$")
STACK_PT = 3.0  # two table rows stand within this many font sizes of each other...
JOIN_GAP = 2.5  # ...and a line joins the table below this much white space (in font sizes) from it
CELL_GAP = 0.9  # in a table, a gap wider than this (in font sizes) parts two cells...
COLUMN_CUT_GAP = 0.75  # ...and this, where a column starts (a typewriter's word space is narrower)
HEAD_LINES = 8  # column heads between two rules: at most this many lines
WIDE_GAP = 0.45  # white space this much (in font sizes) wider than the table's leading parts two rows
ALIGN_PT = 2.0  # two cells are aligned when their edges or middles stand this close
JOIN_SNAP = 2.0  # pieces of one rule stand within this many points of each other
RULE_SPAN = 0.6  # a rule of the table runs across at least this share of its width



def group_by_row(frags: list[Fragment]) -> list[list[Fragment]]:
    """Return the fragments grouped by the row they belong to, rows in the order they first come."""
    by_row: dict[int, list[Fragment]] = {}
    for f in frags:
        by_row.setdefault(id(f.row), []).append(f)
    return list(by_row.values())


def is_table_row(frags: list[Fragment]) -> bool:
    """Return True for a row of three cells or more in one font size: a table's row.

    Leader dots and rules between two cells are no cells of their own, and a line with leader dots is an
    entry of a table of contents, which the Editorial Manual sets as a list, not a table.
    """
    cells = [f for f in frags if WORD_RE.search(f.text)]
    if len(cells) < 3 or any(LEADER_RE.search(f.text) for f in frags):
        return False
    sizes = [f.size for f in cells]
    return max(sizes) <= 1.15 * min(sizes)


@dataclass(slots=True, eq=False)
class Table:
    """A table of one page: its printed lines top to bottom, its columns, and its rows of cells."""

    lines: list[list[Fragment]]  # its fragments cut into cells, line by line
    columns: list[tuple[float, float]] = field(default_factory=list)
    printed: list[Fragment] = field(default_factory=list)  # the page's fragments it is made of
    rows: list[list[list[Fragment]]] = field(default_factory=list)  # row -> cell -> fragments in reading order

    @property
    def top(self) -> float:
        """Return the top of the table's first line."""
        return max(f.y1 for f in self.lines[0])

    @property
    def bottom(self) -> float:
        """Return the bottom of the table's last line."""
        return min(f.y0 for f in self.lines[-1])


def join_rules(rules: list[Rule]) -> list[Rule]:
    """Return the rules with the pieces of one rule joined: a table's rule is often drawn column by
    column (pdfplumber's snap and join: pieces on one height that touch or overlap)."""
    out: list[Rule] = []
    for r in sorted(rules, key=lambda r: (round((r[1] + r[3]) / 2), r[0])):
        if out and abs((out[-1][1] + out[-1][3]) - (r[1] + r[3])) < 2 * JOIN_SNAP and r[0] <= out[-1][2] + JOIN_SNAP:
            last = out[-1]
            out[-1] = (last[0], min(last[1], r[1]), max(last[2], r[2]), max(last[3], r[3]))
        else:
            out.append(r)
    return out


def find_tables(frags: list[Fragment], rules: list[Rule]) -> list[Table]:
    """Return the tables among a page's fragments, top to bottom, each with its rows of cells."""
    rules = join_rules(rules)
    printed = sorted((sorted(g, key=lambda f: f.x0) for g in group_by_row(frags)), key=lambda g: -(g[0].y0 + g[0].y1))
    lines = [_cells_of(line) for line in printed]
    flags = [is_table_row(g) for g in lines]
    tables: list[Table] = []
    taken = 0
    for start, stop in _stacks(lines, flags):
        if start < taken:
            continue
        first, last = _grow(lines, flags, start, stop, rules, taken)
        taken = last
        core = [line for line, flag in zip(lines[first:last], flags[first:last], strict=True) if flag]
        table = Table(lines[first:last], column_spans(core), printed=[f for line in printed[first:last] for f in line])
        table.rows = table_rows(table.lines, table.columns, _rules_within(rules, table))
        tables.append(table)
    return tables


def _cells_of(line: list[Fragment]) -> list[Fragment]:
    """Return a line's fragments cut where cells may stand closer than a fragment's gap: only in a line of
    several fragments (a line of prose is one, and is left whole)."""
    if len(line) < 2:
        return line
    return [p for f in line for p in split_fragment(f, CELL_GAP)]


def _stacks(lines: list[list[Fragment]], flags: list[bool]) -> list[tuple[int, int]]:
    """Return [start, stop) of each run of table rows stacked close together (two rows at least),
    with the lines between them."""
    out: list[tuple[int, int]] = []
    idx = [i for i, flag in enumerate(flags) if flag]
    k = 0
    while k < len(idx):
        j = k
        while j + 1 < len(idx) and _stacked(lines, idx[j], idx[j + 1]):
            j += 1
        if j > k:
            out.append((idx[k], idx[j] + 1))
        k = j + 1
    return out


def _stacked(lines: list[list[Fragment]], i: int, j: int) -> bool:
    """Return True when table rows i and j (below it) are rows of one table: in the same columns, and
    close together, or with only lines between them that keep to those columns (the rest of a row's
    multi-line cells), set close."""
    upper, lower = lines[i], lines[j]
    if not _same_columns(upper, lower):
        return False
    size = upper[0].size
    if upper[0].y0 - lower[0].y0 < STACK_PT * size:
        return True
    columns = column_spans([upper, lower])
    return all(_gap(a, b) <= JOIN_GAP * size for a, b in pairwise(lines[i:j + 1])) and \
        all(_fits(line, columns) for line in lines[i + 1:j])


def _same_columns(a: list[Fragment], b: list[Fragment], aligned: bool = True) -> bool:
    """Return True when two rows' cells stand in the same columns: most cells of the shorter row stand
    under a cell of the other, and some cell inside the row (not its first or last) is aligned with one
    of the other's, at the left, the right or the middle (the words of a justified line are not; column
    heads, `aligned` False, may stand otherwise)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    under = sum(any(f.x0 < g.x1 and g.x0 < f.x1 for g in long) for f in short)
    return under >= 0.6 * len(short) and (not aligned or any(_aligned(f, long) for f in short[1:-1]))


def _aligned(f: Fragment, row: list[Fragment]) -> bool:
    """Return True when a cell is aligned with one of the row's at the left, the right or the middle."""
    return any(abs(f.x0 - g.x0) < ALIGN_PT or abs(f.x1 - g.x1) < ALIGN_PT
               or abs(f.x0 + f.x1 - g.x0 - g.x1) < 2 * ALIGN_PT for g in row)


def _grow(lines: list[list[Fragment]], flags: list[bool], start: int, stop: int, rules: list[Rule],
          taken: int) -> tuple[int, int]:
    """Return [first, last) of the table of lines[start:stop], grown by the lines under it that keep to its
    columns and by its column heads between the rules above it (none above line `taken`)."""
    columns = column_spans([lines[i] for i in range(start, stop) if flags[i]])
    while stop < len(lines):
        line = lines[stop] if _fits(lines[stop], columns) else cut_at_columns(lines[stop], columns)
        if not _continues(lines[stop - 1], line, columns, rules):
            break
        lines[stop] = line
        stop += 1
    return max(taken, _head_start(lines, start, columns, rules)), stop


def column_spans(rows: list[list[Fragment]]) -> list[tuple[float, float]]:
    """Return the table's columns, left to right: the spans where its rows' cells overlap, parted by
    white channels that run down every row (pdfplumber's "text" strategy)."""
    spans = sorted((f.x0, f.x1) for row in rows for f in row if WORD_RE.search(f.text))
    out: list[tuple[float, float]] = []
    for x0, x1 in spans:
        if out and x0 < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], x1))
        else:
            out.append((x0, x1))
    return out


def cut_at_columns(line: list[Fragment], columns: list[tuple[float, float]]) -> list[Fragment]:
    """Return a line's fragments cut where a word starts a column after a space (a cell set close to the
    next one: "Sudan Liberation Movement/ Army-" beside "Salah Adam Tor")."""
    starts = [a for a, _ in columns[1:]]
    return [p for f in line for p in split_at(f, [x for x in starts if f.x0 < x < f.x1], COLUMN_CUT_GAP)]


def column_of(f: Fragment, columns: list[tuple[float, float]]) -> int:
    """Return the column a fragment stands in: the one whose span, widened to the middle of the white
    channels beside it, holds the fragment's left edge (a cell is read from where it starts)."""
    x = f.x0 + 0.5
    for k, (a, b) in enumerate(pairwise(columns)):
        if x < (a[1] + b[0]) / 2:
            return k
    return len(columns) - 1


def _fits(line: list[Fragment], columns: list[tuple[float, float]]) -> bool:
    """Return True when every fragment of a line keeps to one column (a paragraph runs across them)."""
    for f in line:
        k = column_of(f, columns)
        if k + 1 < len(columns) and f.x1 > columns[k + 1][0] - 1:
            return False  # it runs into the next column's text
        if f.x0 < columns[0][0] - 2 * f.size or f.x1 > columns[-1][1] + 4 * f.size:
            return False
    return True


def _continues(upper: list[Fragment], line: list[Fragment], columns: list[tuple[float, float]],
               rules: list[Rule]) -> bool:
    """Return True when a line under the table goes on in it: it keeps to the columns, stands close under
    the line above without a rule between, and has the size of the table's print."""
    size = upper[0].size
    gap = min(f.y0 for f in upper) - max(f.y1 for f in line)
    if gap > JOIN_GAP * size or abs(line[0].size - size) > 0.15 * size:
        return False
    if not _fits(line, columns):
        return False
    # Under a rule, only a row of two cells or more goes on (a total); a note or a source under the
    # table's foot rule does not.
    return len({column_of(f, columns) for f in line}) >= 2 or not any(_rule_between(r, upper, line) for r in rules)


def _head_start(lines: list[list[Fragment]], start: int, columns: list[tuple[float, float]],
                rules: list[Rule]) -> int:
    """Return the index of the table's first line: the column heads above its first row, up to the rule
    over them, are part of it. That rule is the nearest above the first row, or, where that one stands
    right over the first row (the rule under the heads), the one above it (the top rule). Without
    rules, a line of heads set close above the first row, in its columns, is the first line."""
    width = (columns[0][0], columns[-1][1])
    above = sorted((r for r in rules if _spans(r, width) and r[1] > max(f.y1 for f in lines[start]) - 1),
                   key=lambda r: r[1])
    if not above:
        return start - 1 if start and _head_line(lines[start - 1], lines[start]) else start
    k = _lines_under(lines, start, above[0], width)
    if k == start and len(above) > 1:
        k = _lines_under(lines, start, above[1], width)
        # Heads between two rules stand in the columns (a line of two heads at least); a caption over
        # the top rule does not.
        if not any(len({column_of(f, columns) for f in line}) > 1 for line in lines[k:start]):
            k = start
    return k


def _head_line(head: list[Fragment], first: list[Fragment]) -> bool:
    """Return True when a line right above a table without rules is its line of column heads: set close,
    with three heads or more over its columns (centred or not)."""
    return _gap(head, first) <= JOIN_GAP * head[0].size and is_table_row(head) and \
        _same_columns(head, first, aligned=False)


def _lines_under(lines: list[list[Fragment]], start: int, rule: Rule, width: tuple[float, float]) -> int:
    """Return the index of the first of the lines above lines[start] and under the rule, when there are
    few of them and they stand within the table's width; else `start`."""
    k = start
    while k > 0 and max(f.y1 for f in lines[k - 1]) < rule[1] + 1:
        k -= 1
    if start - k > HEAD_LINES or not all(_within(line, width) for line in lines[k:start]):
        return start
    return k


def _spans(rule: Rule, width: tuple[float, float]) -> bool:
    """Return True when a rule runs across most of the width (left, right)."""
    over = min(rule[2], width[1]) - max(rule[0], width[0])
    return over >= RULE_SPAN * (width[1] - width[0])


def _within(line: list[Fragment], width: tuple[float, float]) -> bool:
    """Return True when a line stands within the table's width (a column head may span columns)."""
    return all(f.x0 >= width[0] - 6 and f.x1 <= width[1] + 6 for f in line)


def _rule_between(rule: Rule, upper: list[Fragment], lower: list[Fragment]) -> bool:
    """Return True when a rule runs between two lines (under the first, over the second)."""
    mid = (rule[1] + rule[3]) / 2
    return max(f.y1 for f in lower) - 1 <= mid <= min(f.y0 for f in upper) + 1


def _rules_within(rules: list[Rule], table: Table) -> list[Rule]:
    """Return the rules that run across the table between its first and last lines."""
    width = (table.columns[0][0], table.columns[-1][1])
    return [r for r in rules if _spans(r, width) and table.bottom - 1 < r[1] < table.top + 1]


# --- Rows and cells ------------------------------------------------------------------------------------


def table_rows(lines: list[list[Fragment]], columns: list[tuple[float, float]],
               rules: list[Rule]) -> list[list[list[Fragment]]]:
    """Return the table's rows, each a list of cells (one per column), each cell its fragments in reading
    order: a cell opens in its row and every line of it goes with it, however many rows it spans."""
    size = min(f.size for line in lines for f in line)
    gaps = [_gap(a, b) for a, b in pairwise(lines)]
    wide = max(0.0, min(gaps, default=0.0)) + WIDE_GAP * size  # white space wider than the leading
    cells = _Cells(spaced=any(g > wide for g in gaps), wide=wide, owner=[None] * len(columns),
                   last=[None] * len(columns))
    figures = [any(FIGURE_RE.match(f.text) for f in line) for line in lines]
    for i, line in enumerate(lines):
        # Under a rule, or under a line of figures with figures of its own (figures never wrap), every cell
        # opens anew.
        fresh = i > 0 and ((figures[i] and figures[i - 1]) or any(_rule_between(r, lines[i - 1], line) for r in rules))
        cells.place(line, [column_of(f, columns) for f in line], fresh)
    return merge_lone_cells([r for r in cells.rows if any(r)])


def merge_lone_cells(rows: list[list[list[Fragment]]]) -> list[list[list[Fragment]]]:
    """Return the rows with a row of one cell joined to the row under it where that cell runs on beside
    the lines of the row under it: a cell set on more lines than its row's other cells, and aligned
    with them at the foot or the middle ("United Kingdom of Great / Britain and Northern Ireland" beside
    "Italy 30 ... 61")."""
    out: list[list[list[Fragment]]] = []
    for row in rows:
        prev = out[-1] if out else None
        if prev is not None and _runs_on(prev, row):
            c = next(k for k, cell in enumerate(prev) if cell)
            row = [prev[c] if k == c else cell for k, cell in enumerate(row)]
            out[-1] = row
        else:
            out.append(row)
    return out


def _runs_on(prev: list[list[Fragment]], row: list[list[Fragment]]) -> bool:
    """Return True when `prev` holds one cell, empty in `row`, with a line beside a line of `row` (their
    heights overlap: on one baseline, or the cell centred against the row)."""
    filled = [k for k, cell in enumerate(prev) if cell]
    if len(filled) != 1 or row[filled[0]]:
        return False
    return any(f.y0 < g.y1 and g.y0 < f.y1 for f in prev[filled[0]] for cell in row for g in cell)


@dataclass(slots=True)
class _Cells:
    """The rows of a table as its lines are placed, and each column's open cell."""

    spaced: bool  # the table has space between its rows
    wide: float  # white space wider than this parts two cells of a column
    owner: list[int | None]  # the row of each column's open cell
    last: list[list[Fragment] | None]  # the line each column last had text on
    rows: list[list[list[Fragment]]] = field(default_factory=list)

    def place(self, line: list[Fragment], cols: list[int], fresh: bool) -> None:
        """Place a line's fragments in their cells: in the cells open in their columns, or in new cells of
        the row the line starts (`fresh`: every cell opens anew)."""
        states = [cell_state(self.last[c], line, self.wide) for c in cols]
        if self.spaced and not fresh and self.paragraph_in_cell(cols):
            states = ["goes on"] * len(cols)
        new_row = not self.rows or starts_row(states, len(set(cols)), spaced=self.spaced, ruled=fresh)
        if new_row:
            self.rows.append([[] for _ in self.owner])
        for f, c, state in zip(line, cols, states, strict=True):
            opens = state != "goes on" if self.spaced else (new_row or state == "first")
            held = self.owner[c]
            row = len(self.rows) - 1 if opens or held is None or fresh else held
            self.rows[row][c].append(f)
            self.owner[c], self.last[c] = row, line


    def paragraph_in_cell(self, cols: list[int]) -> bool:
        """Return True when a line of one column, not the first, goes on a cell of the last row whose
        paragraph ended with a stop: a new paragraph in the cell ("Live mentoring will be replaced ..."),
        not a new row, which opens in the row's first cells ("Uganda" then "United Kingdom of Great")."""
        if not self.rows or len(set(cols)) != 1 or cols[0] == 0:
            return False
        cell = self.rows[-1][cols[0]]
        return self.owner[cols[0]] == len(self.rows) - 1 and bool(cell) and cell[-1].text.rstrip().endswith(STOPS)


def _gap(upper: list[Fragment], lower: list[Fragment]) -> float:
    """Return the white space between two lines."""
    return min(f.y0 for f in upper) - max(f.y1 for f in lower)


def cell_state(last: list[Fragment] | None, line: list[Fragment], wide: float) -> str:
    """Return how a column's text on this line stands to the column's text above it: "first" (the column
    had none yet), "after space" (white space wider than the leading between), or "goes on"."""
    if last is None:
        return "first"
    return "after space" if _gap(last, line) > wide else "goes on"


def starts_row(states: list[str], filled: int, *, spaced: bool, ruled: bool) -> bool:
    """Return True when a line (not the table's first) starts a table row.

    Under a rule it does (`ruled`: or a line of figures under another). In a table with space between its
    rows, where some column's text stands after that space (a column's first text, a column head set low,
    opens no row). In a table set solid, where the line fills two cells or more (a line of one cell goes
    on in the cell above).
    """
    if ruled:
        return True
    if spaced:
        return "after space" in states
    return filled >= 2
