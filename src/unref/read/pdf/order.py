"""read.pdf.order: a page's fragments -> lines in reading order, by a recursive XY cut.

Blocks are read top to bottom where white space runs across the page, columns left to right
where a white channel runs down it. Figures (read.pdf.figures) and tables (read.pdf.tables) are
taken out first: each is read whole where it stands (a table row by row), and the text above it,
then beside and below it, around it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from unref.read.pdf.figures import Area, find_figures
from unref.read.pdf.glyphs import Fragment
from unref.read.pdf.tables import Rule, Table, find_tables, group_by_row

COLUMN_GAP_PT = 14.0  # the narrowest white channel between two columns, in points
COLUMN_MIN_WIDTH_PT = 36.0  # a column is at least this wide, in points ("(a)" labels are not)


@dataclass(slots=True, eq=False)
class OutLine:
    """A line to print: its fragments, left to right, and its kind."""

    frags: list[Fragment]
    kind: str
    region: int = 0  # lines of one region of the XY cut share a number
    cells: list[list[Fragment]] | None = None  # a table row's cells, left to right, each its fragments in order

    @property
    def x0(self) -> float:
        """Return the left edge."""
        return self.frags[0].x0

    @property
    def x1(self) -> float:
        """Return the right edge."""
        return self.frags[-1].x1


# --- Reading order: a recursive XY cut ----------------------------------------------------------------


# A figure or a table taken out of the cut: its top, its fragments, and its lines.
Taken = tuple[float, list[Fragment], list[OutLine]]


def reading_order(frags: list[Fragment], big: float, rules: list[Rule] | None = None,
                  areas: list[Area] | None = None) -> list[OutLine]:
    """Return the fragments as lines in reading order: blocks top to bottom, columns left to right; a
    figure's labels (on the art of `areas`) and a table each whole where they stand, a table one line
    per row with its cells (`rules`: the page's thin horizontal paths, which bound and part tables)."""
    out: list[OutLine] = []
    counter = [0]
    rest, blocks = _taken_out(frags, rules or [], areas or [])
    for top, taken, lines in sorted(blocks, key=lambda b: -b[0]):
        inside = {id(f) for f in taken}
        above = [f for f in rest if id(f) not in inside and f.y0 + f.y1 > 2 * top]
        kept = {id(f) for f in above} | inside
        rest = [f for f in rest if id(f) not in kept]
        _cut(above, big, out, counter)
        counter[0] += 1
        for line in lines:
            line.region = counter[0]
        out.extend(lines)
    _cut(rest, big, out, counter)
    return out


def _taken_out(frags: list[Fragment], rules: list[Rule], areas: list[Area]) -> tuple[list[Fragment], list[Taken]]:
    """Return the fragments without the figures' labels, and the figures and tables to read whole."""
    figures = find_figures(frags, areas)
    labels = {id(f) for area in figures for f in area.frags}
    text = [f for f in frags if id(f) not in labels] if labels else frags
    blocks: list[Taken] = [(_top(area.frags), area.frags, _figure_lines(area.frags)) for area in figures]
    for table in find_tables(text, rules):
        blocks.append((table.top, table.printed, _table_lines(table)))
    return text, blocks


def _top(frags: list[Fragment]) -> float:
    """Return the top of the highest fragment."""
    return max(f.y1 for f in frags)


def _table_lines(table: Table) -> list[OutLine]:
    """Return a table's rows as lines of kind "table", each with its cells (empty cells kept)."""
    return [OutLine([f for cell in row for f in cell], "table", cells=row) for row in table.rows]


def _figure_lines(frags: list[Fragment]) -> list[OutLine]:
    """Return a figure's labels as lines of kind "figure": its rows top to bottom, each left to right."""
    rows = sorted(group_by_row(frags), key=lambda g: -(g[0].y0 + g[0].y1))
    return [OutLine(sorted(g, key=lambda f: f.x0), "figure") for g in rows]


def _bands(frags: list[Fragment]) -> list[list[Fragment]]:
    """Return groups of fragments whose vertical extents overlap, top to bottom."""
    items = sorted(frags, key=lambda f: -f.y1)
    bands: list[list[Fragment]] = []
    low = math.inf
    for f in items:
        if bands and f.y1 > low:
            bands[-1].append(f)
            low = min(low, f.y0)
        else:
            bands.append([f])
            low = f.y0
    return bands


def _band_gaps(bands: list[list[Fragment]]) -> list[float]:
    """Return the white space between each band and the next one below it."""
    return [min(f.y0 for f in a) - max(f.y1 for f in b) for a, b in pairwise(bands)]


def _cut(frags: list[Fragment], big: float, out: list[OutLine], counter: list[int]) -> None:
    """Read a block into `out`: cut it where white space runs across it, else where a white channel
    runs down it, else it is one region whose lines are read top to bottom."""
    if not frags:
        return
    bands = _bands(frags)
    parts = _blocks(bands, big) or _columns(frags)
    if len(parts) > 1:
        for part in parts:
            _cut(part, big, out, counter)
        return
    counter[0] += 1
    _region_lines(bands, counter[0], out)


def _blocks(bands: list[list[Fragment]], big: float) -> list[list[Fragment]]:
    """Return the bands' fragments in blocks parted by white space taller than `big`; [] when none is."""
    gaps = _band_gaps(bands)
    if not any(g > big for g in gaps):
        return []
    blocks: list[list[Fragment]] = []
    start = 0
    for i, g in enumerate(gaps, 1):
        if g > big:
            blocks.append([f for b in bands[start:i] for f in b])
            start = i
    blocks.append([f for b in bands[start:] for f in b])
    return blocks


def _region_lines(bands: list[list[Fragment]], region: int, out: list[OutLine]) -> None:
    """Add the lines of one region to `out`: rows top to bottom, each row's fragments left to right."""
    for band in bands:
        for group in sorted(group_by_row(band), key=lambda g: -(g[0].y0 + g[0].y1)):
            group.sort(key=lambda f: f.x0)
            out.append(OutLine(group, "body", region))


def _columns(frags: list[Fragment]) -> list[list[Fragment]]:
    """Split fragments at white channels that run through all of them from top to bottom."""
    items = sorted(frags, key=lambda f: f.x0)
    groups: list[list[Fragment]] = [[items[0]]]
    right = items[0].x1
    for f in items[1:]:
        if f.x0 - right >= COLUMN_GAP_PT:
            groups.append([f])
        else:
            groups[-1].append(f)
        right = max(right, f.x1)
    if len(groups) == 1:
        return groups
    # Keep only cuts whose both sides are wide enough to be columns ("(a)" and "1." labels are not).
    merged: list[list[Fragment]] = [groups[0]]
    for g in groups[1:]:
        if _width(merged[-1]) < COLUMN_MIN_WIDTH_PT or _width(g) < COLUMN_MIN_WIDTH_PT:
            merged[-1] = merged[-1] + g
        else:
            merged.append(g)
    return merged


def _width(frags: list[Fragment]) -> float:
    """Return the width the fragments span together."""
    return max(f.x1 for f in frags) - min(f.x0 for f in frags)
