"""Tables and figures: a run of table rows made one table block with its cells, a figure's labels one block.

Part of the structure stage. The PDF reader labels a table's rows kind "table" (with `Line.cells` where it
found the cells) and a map's or chart's labels kind "figure"; layout.py labels the table rows of extracted
text. Here a run of such lines becomes one block. A table's text is its rows as the source prints them, one a
line, with every character at its source offset: no join repairs run across a table's cells.
"""

from __future__ import annotations

import heapq
import re

from unref.model import Line, Page, Source
from unref.text.tracked import Tracked

# The kinds of line that make a block of their own, whatever the paragraph rules would say.
GRID_KINDS = ("table", "figure")

# Where a row of extracted text parts its cells: a tab, or two spaces or more (pdftotext -layout's column gap).
_CELL_GAP_RE = re.compile(r"\t+| {2,}")


def row_cells(line: Line) -> list[tuple[int, int]]:
    """Return a table row's cells as [start, end) offsets into its text, left to right.

    The reader's cells when it found them (`Line.cells`), else the row's text parted at its column gaps."""
    if line.cells is not None:
        return list(line.cells)
    cells: list[tuple[int, int]] = []
    pos = 0
    text = line.text
    for gap in _CELL_GAP_RE.finditer(text):
        _add_cell(cells, text, pos, gap.start())
        pos = gap.end()
    _add_cell(cells, text, pos, len(text))
    return cells


def _add_cell(cells: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Add the cell text[start:end] without its outer blanks, unless it is empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        cells.append((start, end))


def row_texts(line: Line) -> list[str]:
    """Return a table row's cells as strings."""
    return [line.text[a:b] for a, b in row_cells(line)]


def continues_grid(lines: list[Line], line: Line) -> bool:
    """Return whether `line` continues the open table or figure whose lines are `lines`.

    On the same page it does. A figure is one page's. A table cut by a page break goes on when the next
    page opens with rows of as many columns as the table's last row (a repeated header row has them)."""
    last = next(ln for ln in reversed(lines) if ln.kind != "blank")
    if line.kind != last.kind:
        return False
    if line.page == last.page:
        return True
    return line.kind == "table" and len(row_cells(line)) == len(row_cells(last))


def grid_tracked(lines: list[Line]) -> Tracked:
    """Return a table's or figure's text: its lines as printed, without their outer blanks, one a line."""
    parts: list[Tracked | str] = []
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if parts:
            parts.append("\n")
        parts.append(Tracked.from_source(text, line.start + len(line.text) - len(line.text.lstrip())))
    return Tracked.concat(parts)


def table_rows(lines: list[Line]) -> list[list[str]]:
    """Return a table's cells row by row (rows without a cell left out).

    Each printed row's cells (row_texts); but where extracted text printed the cells one under another,
    parted by blank lines (pdftotext without -layout), each such cell is a row of its own: the text does not
    tell where a row ends."""
    if is_stacked(lines):
        return fold_rows(stacked_cells(lines))
    return [cells for line in lines if (cells := row_texts(line))]


# The widest table whose rows fold_rows finds; a period rarely exceeds a page's columns.
MAX_COLUMNS = 12
# The share of cells whose kind (figure or label) the cell one row further down repeats, at least.
ROW_AGREEMENT = 0.85
_FIGURE_RE = re.compile(r"^[\d\s.,%–—\-/()+=÷:$€£*]*\d[\d\s.,%–—\-/()+=÷:$€£*]*$|^[–—-]$")


def fold_rows(cells: list[str]) -> list[list[str]]:
    """Return cells printed one under another folded into rows, where the text tells the rows' width.

    A table's columns keep their kind: "Austria", "1", "Croatia", "1" repeats label, figure every 2 cells. The
    row width is the smallest period that the kinds of the cells follow (row_period); rows end with the last
    cell (a table ends with a full row, its total), so a shorter header opens the table. Where no period
    holds, each cell is a row of its own."""
    k = row_period([bool(_FIGURE_RE.match(c)) for c in cells])
    if k == 1:
        return [[c] for c in cells]
    first = len(cells) % k
    return ([cells[:first]] if first else []) + [cells[i:i + k] for i in range(first, len(cells), k)]


def row_period(kinds: list[bool]) -> int:
    """Return the smallest k (2..MAX_COLUMNS) such that cell i and cell i + k are of one kind (figure or label)
    for ROW_AGREEMENT of the cells, and its columns hold both kinds; 1 when none holds for two rows or more."""
    n = len(kinds)
    for k in range(2, min(MAX_COLUMNS, n // 2) + 1):
        agree = sum(kinds[i] == kinds[i + k] for i in range(n - k))
        if agree >= ROW_AGREEMENT * (n - k) and _mixed_columns(kinds, k):
            return k
    return 1


def _mixed_columns(kinds: list[bool], k: int) -> bool:
    """Return whether rows of k cells have a column mostly of figures and one mostly of labels."""
    share = [sum(kinds[c::k]) / len(kinds[c::k]) for c in range(k)]
    return max(share) > 0.5 > min(share)


def is_stacked(lines: list[Line]) -> bool:
    """Return whether a table's lines are cells printed one under another: text without geometry, blank lines
    between its cells, and no row that parts its cells by a column gap."""
    return any(ln.kind == "blank" for ln in lines) and all(
        ln.box is None and ln.cells is None and len(row_cells(ln)) <= 1 for ln in lines)


def stacked_cells(lines: list[Line]) -> list[str]:
    """Return the cells of a table printed one under another: the lines between blank lines, joined by a space."""
    cells: list[str] = []
    cur: list[str] = []
    for line in [*lines, Line("", 0, 0, kind="blank")]:
        if line.kind != "blank" and line.text.strip():
            cur.append(line.text.strip())
        elif cur:
            cells.append(" ".join(cur))
            cur = []
    return cells


def with_grids(source: Source, body: list[Line]) -> list[Line]:
    """Return the body lines with the table and figure lines of the pages' bodies, in source order.

    The note areas are read from the body and blank lines alone; the grids are put back here, each where
    it stands."""
    grids = [ln for page in source.pages for ln in _body_grids(page)]
    if not grids:
        return body
    return list(heapq.merge(body, grids, key=lambda ln: ln.start))


def _body_grids(page: Page) -> list[Line]:
    """Return a page's table and figure lines above its footnote area (the first rule or note line)."""
    out: list[Line] = []
    for line in page.lines:
        if line.kind in ("separator", "note"):
            break
        if line.kind in GRID_KINDS:
            out.append(line)
    return out
