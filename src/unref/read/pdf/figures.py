"""read.pdf.figures: a map's or chart's labels, told by the art they are printed on.

A figure is drawn art (an image, or many drawn shapes: a chart's bars, a map's borders) that covers a
fair part of the page; the text printed on it is its labels: short pieces scattered over it, of several
sizes ("Bonbon", "DES BARADÈRES", "See Legend"). Those labels are one figure, never headings or body
text. Text set on a shaded box (a text box, a table's head) is no figure: one or two shapes are drawn
under it, and it reads as prose.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from unref.read.pdf.glyphs import Fragment

Box = tuple[float, float, float, float]  # left, bottom, right, top

MIN_SHARE = 0.02  # art covers at least this share of the page to hold a figure
MIN_SIDE_PT = 36.0  # and is at least this wide and tall
MIN_ASPECT = 0.2  # and its short side is at least this share of its long side
MIN_SHAPES = 5  # drawn shapes: a chart or a map draws this many at least (a shaded box one or two)
DENSE_SHAPES = 400  # more shapes than this on a page: one drawing
SCAN_SHARE = 0.5  # an image this big under text is a scanned page with its text layer, not a figure
LABEL_WORDS = 4  # a label is short: most of a figure's pieces have at most this many words...
PROSE_WORDS = 8  # ...and little of its text stands in pieces of this many words or more
PROSE_SHARE = 0.3
SMALL_PRINT = 0.75  # a figure's credits under it are set this much smaller than the page's usual print...
CREDIT_CHARS = 60  # ...and short


@dataclass(slots=True)
class Area:
    """Art that may hold a figure: its box, how many shapes are drawn in it, and whether an image is."""

    box: Box
    shapes: int = 0
    image: bool = False
    frags: list[Fragment] = field(default_factory=list)


def figure_areas(art: list[Box], images: list[Box], size: tuple[float, float]) -> list[Area]:
    """Return the areas of drawn art big enough to hold a figure: overlapping shapes joined into one area
    (a map's borders, a chart's bars and frame), and each picture (a scanned page's own image left out)."""
    page = size[0] * size[1]
    areas: list[Area] = []
    if len(art) > DENSE_SHAPES:
        # So many shapes are one drawing (a map): one area, without joining them one by one.
        areas.append(Area((min(b[0] for b in art), min(b[1] for b in art), max(b[2] for b in art),
                           max(b[3] for b in art)), shapes=len(art)))
    else:
        for box in art:
            _add(areas, Area(box, shapes=1))
    # A picture is an area of its own: shapes beside it (a white ground under the text around) are not
    # part of it.
    areas.extend(Area(box, image=True) for box in images if _area(box) < SCAN_SHARE * page)
    return [a for a in areas if _big(a.box, page) and (a.image or a.shapes >= MIN_SHAPES)]


def _add(areas: list[Area], new: Area) -> None:
    """Add an area, joined with every area it overlaps."""
    keep: list[Area] = []
    for a in areas:
        if _overlap(a.box, new.box):
            new = Area(_union(a.box, new.box), a.shapes + new.shapes, a.image or new.image)
        else:
            keep.append(a)
    areas[:] = [*keep, new]


def _area(box: Box) -> float:
    """Return a box's area."""
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])


def _big(box: Box, page: float) -> bool:
    """Return True when a box is big enough to be a figure, and not a strip (a scanned table's band of
    rules, drawn as an image)."""
    w, h = box[2] - box[0], box[3] - box[1]
    return min(w, h) >= MIN_SIDE_PT and min(w, h) >= MIN_ASPECT * max(w, h) and _area(box) >= MIN_SHARE * page


def _overlap(a: Box, b: Box) -> bool:
    """Return True when two boxes overlap by more than a point each way (a chart's bars within its frame;
    two grounds set edge to edge do not)."""
    return min(a[2], b[2]) - max(a[0], b[0]) > 1.0 and min(a[3], b[3]) - max(a[1], b[1]) > 1.0


def _union(a: Box, b: Box) -> Box:
    """Return the box that holds both."""
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _inside(f: Fragment, box: Box) -> bool:
    """Return True when a fragment stands on the art: its middle within the box's width, and its whole
    height within the box's (a caption set close under a picture is no label of it)."""
    x = (f.x0 + f.x1) / 2
    return box[0] <= x <= box[2] and box[1] <= f.y0 and f.y1 <= box[3]


def find_figures(frags: list[Fragment], areas: list[Area]) -> list[Area]:
    """Return the areas whose text reads as a figure's labels, each with its fragments (an area with no
    text, or with prose on it, is left out)."""
    if not areas:
        return []
    out: list[Area] = []
    small = SMALL_PRINT * statistics.median(f.size for f in frags) if frags else 0.0
    for area in areas:
        area.frags = [f for f in frags if _inside(f, area.box)]
        if area.frags and reads_as_labels([f.text for f in area.frags]):
            area.frags.extend(credit_lines(frags, area.box, small))
            out.append(area)
    return out


def credit_lines(frags: list[Fragment], box: Box, small: float) -> list[Fragment]:
    """Return the small print set close under the figure's art, within its width: a map's number, date
    and maker ("Map No. 4224 Rev. 25", "Cartographic Section"), read with its labels."""
    below = [f for f in frags if f.y1 <= box[1] + 1 and box[0] - 2 <= f.x0 and f.x1 <= box[2] + 2]
    out: list[Fragment] = []
    edge = box[1]
    for f in sorted(below, key=lambda f: -f.y1):
        if edge - f.y1 > 2 * f.size:
            break
        if f.size > small or len(f.text) > CREDIT_CHARS:
            break
        out.append(f)
        edge = min(edge, f.y0)
    return out


def reads_as_labels(texts: list[str]) -> bool:
    """Return True when pieces of text read as a figure's labels: most are short, and little of the text
    stands in pieces long enough to be prose (a text box, a table's rows of sentences)."""
    words = [len(t.split()) for t in texts]
    short = sum(w <= LABEL_WORDS for w in words)
    chars = sum(len(t) for t in texts) or 1
    prose = sum(len(t) for t, w in zip(texts, words, strict=True) if w >= PROSE_WORDS)
    return short >= 0.5 * len(texts) and prose <= PROSE_SHARE * chars
