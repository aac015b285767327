"""read.pdf.order: a page's fragments -> lines in reading order, by a recursive XY cut.

Blocks are read top to bottom where white space runs across the page, columns left to right
where a white channel runs down it; rows of three cells or more stacked up are a table.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import pairwise

from unref.read.pdf.glyphs import Fragment

COLUMN_GAP_PT = 14.0  # the narrowest white channel between two columns, in points
COLUMN_MIN_WIDTH_PT = 36.0  # a column is at least this wide, in points ("(a)" labels are not)
WORD_RE = re.compile(r"\w")


@dataclass(slots=True, eq=False)
class OutLine:
    """A line to print: its fragments, left to right, and its kind."""

    frags: list[Fragment]
    kind: str
    region: int = 0  # lines of one region of the XY cut share a number

    @property
    def x0(self) -> float:
        """Return the left edge."""
        return self.frags[0].x0

    @property
    def x1(self) -> float:
        """Return the right edge."""
        return self.frags[-1].x1


# --- Reading order: a recursive XY cut ----------------------------------------------------------------


def reading_order(frags: list[Fragment], big: float) -> list[OutLine]:
    """Return the fragments as lines in reading order: blocks top to bottom, columns left to right."""
    out: list[OutLine] = []
    counter = [0]
    candidates = [group[0].row for group in group_by_row(frags) if _is_table_row(group)]
    # A table has rows above or below one another; a lone row of three pieces is a masthead or a leader line.
    tables = {id(r) for r in candidates
              if any(o is not r and abs(o.y0 - r.y0) < 3 * r.size for o in candidates)}
    _cut(frags, big, out, counter, tables)
    return out


def group_by_row(frags: list[Fragment]) -> list[list[Fragment]]:
    """Return the fragments grouped by the row they belong to, rows in the order they first come."""
    by_row: dict[int, list[Fragment]] = {}
    for f in frags:
        by_row.setdefault(id(f.row), []).append(f)
    return list(by_row.values())


def _is_table_row(frags: list[Fragment]) -> bool:
    """Return True for a row of three cells or more in one font size: a table's row.

    Leader dots and rules between two cells are no cells of their own.
    """
    cells = [f for f in frags if WORD_RE.search(f.text)]
    if len(cells) < 3:
        return False
    sizes = [f.size for f in cells]
    return max(sizes) <= 1.15 * min(sizes)


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


def _cut(frags: list[Fragment], big: float, out: list[OutLine], counter: list[int],
         tables: set[int]) -> None:
    """Read a block into `out`: cut it where white space runs across it, else where a white channel
    runs down it, else it is one region whose lines are read top to bottom."""
    if not frags:
        return
    bands = _bands(frags)
    parts = _blocks(bands, big) or _columns(frags)
    if len(parts) > 1:
        for part in parts:
            _cut(part, big, out, counter, tables)
        return
    counter[0] += 1
    _region_lines(bands, tables, counter[0], out)


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


def _region_lines(bands: list[list[Fragment]], tables: set[int], region: int, out: list[OutLine]) -> None:
    """Add the lines of one region to `out`: rows top to bottom, each row's fragments left to right."""
    for band in bands:
        for group in sorted(group_by_row(band), key=lambda g: -(g[0].y0 + g[0].y1)):
            group.sort(key=lambda f: f.x0)
            kind = "table" if id(group[0].row) in tables else "body"
            out.append(OutLine(group, kind, region))


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
