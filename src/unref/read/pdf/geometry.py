"""read.pdf.geometry: one page's rows, turned text, rules and images, and the document's body size.

Geometry is read page by page; the labels are set after the whole document is read, from
figures of the whole document (DocStats).
"""

from __future__ import annotations

import ctypes
import statistics
from collections import Counter
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from unref.read.pdf.glyphs import Row, build_rows, page_runs, to_frame

MIN_CHARS_PER_PAGE = 12  # fewer printed characters than this per page: a scan with a stamp at most
RULE_MAX_HEIGHT_PT = 2.5  # the footnote rule: a thin, short, horizontal path
RULE_WIDTH_PT = (36.0, 260.0)


# ================================================================================================
# One page: geometry first, labels after the whole document is read
# ================================================================================================


@dataclass(slots=True)
class PageGeometry:
    """One page as read: its rows of upright text, turned text, rules, and whether it is a scan."""

    number: int
    width: float
    height: float
    rows: list[Row]  # upright text, top to bottom
    turned: list[Row]  # text at another angle than most of the page's
    rules: list[tuple[float, float, float, float]]  # thin horizontal paths: left, bottom, right, top
    chars: int
    scanned: bool = False  # an image fills the page and there is (almost) no text: OCR needed
    text: str = ""  # the text layer as pdfium gives it, kept where OCR may be asked whether it is garbage
    # Thin horizontal paths of any length from RULE_WIDTH_PT[0] on: a table's top, head and foot rules.
    table_rules: list[tuple[float, float, float, float]] = field(default_factory=list)
    # Drawn shapes (paths that are no thin rule) and images, each as its box: what a figure's labels lie on.
    art: list[tuple[float, float, float, float]] = field(default_factory=list)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)


def read_page(page: pdfium.PdfPage, number: int, keep_text: bool = False) -> PageGeometry:
    """Return the geometry of a page: its glyphs as rows in the frame of its main text direction
    (a landscape page is turned upright), its thin rules, and whether it is a scan (images fill it,
    and it has almost no text). With `keep_text`, the page's text as pdfium gives it (one C call)."""
    width, height = page.get_size()
    tp = page.get_textpage()
    try:
        by_angle = page_runs(tp.raw)
        text = tp.get_text_range() if keep_text and by_angle else ""
    finally:
        tp.close()
    chars = sum(len(r.glyphs) for v in by_angle.values() for r in v)
    main_q = max(by_angle, key=lambda q: sum(len(r.glyphs) for r in by_angle[q])) if by_angle else 0
    rows = build_rows(by_angle.get(main_q, []))
    turned = [row for q, runs in by_angle.items() if q != main_q for row in build_rows(runs, q)]
    if main_q in (1, 3):
        width, height = height, width
    objects = _page_objects(page, main_q)
    rules, image_area = objects.rules, objects.image_area
    if main_q:
        # The frame's origin moved with the turn: shift rows so the page spans 0..width, 0..height.
        dx, dy = _frame_offset(main_q, page.get_size())
        for row in rows:
            _shift_row(row, dx, dy)
            row.turn, row.offset = main_q, (dx, dy)
        objects.shift(dx, dy)
        rules = objects.rules
    return PageGeometry(number, width, height, rows, turned, rules, chars,
                        scanned=chars < MIN_CHARS_PER_PAGE and image_area > 0.25 * width * height, text=text,
                        table_rules=objects.table_rules, art=objects.art, images=objects.images)


def _frame_offset(q: int, size: tuple[float, float]) -> tuple[float, float]:
    """Return how far a page's origin moves when it is turned q quarter turns clockwise."""
    w, h = size
    return {1: (0.0, w), 2: (w, h), 3: (h, 0.0)}.get(q, (0.0, 0.0))


def _shift_row(row: Row, dx: float, dy: float) -> None:
    """Move a row's glyphs and band by (dx, dy)."""
    row.glyphs = [(c, a + dx, b + dy, x + dx, y + dy, s) for c, a, b, x, y, s in row.glyphs]
    row.y0 += dy
    row.y1 += dy


class _Object(ctypes.c_void_p):
    """A page object's handle as pdfium returns it: a subclass of c_void_p, which ctypes returns as it is (not
    as an int), so that it goes back to pdfium as a pointer without argument types."""


# FPDFPage_GetObject(page, index), FPDFPageObj_GetType(object) and FPDFPageObj_GetBounds(object, &left,
# &bottom, &right, &top), called without argument types (and without releasing the GIL: the calls are short)
# on the page's pointer, an int index, an _Object and byref()s made once a page, which ctypes passes as they
# are: the typed bindings convert each argument, at a page object's three calls.
_GET_OBJECT = ctypes.PYFUNCTYPE(_Object)(ctypes.cast(pdfium_c.FPDFPage_GetObject, ctypes.c_void_p).value or 0)
_GET_TYPE = ctypes.PYFUNCTYPE(ctypes.c_int)(ctypes.cast(pdfium_c.FPDFPageObj_GetType, ctypes.c_void_p).value or 0)
_GET_BOUNDS = ctypes.PYFUNCTYPE(ctypes.c_int)(ctypes.cast(pdfium_c.FPDFPageObj_GetBounds, ctypes.c_void_p).value or 0)


@dataclass(slots=True)
class PageObjects:
    """What a page draws besides its text: rules, the area its images cover, and its art."""

    rules: list[tuple[float, float, float, float]] = field(default_factory=list)  # footnote rule candidates
    table_rules: list[tuple[float, float, float, float]] = field(default_factory=list)
    art: list[tuple[float, float, float, float]] = field(default_factory=list)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)
    image_area: float = 0.0

    def shift(self, dx: float, dy: float) -> None:
        """Move every box by (dx, dy): the page was turned upright."""
        for boxes in (self.rules, self.table_rules, self.art, self.images):
            boxes[:] = [(a + dx, b + dy, c + dx, d + dy) for a, b, c, d in boxes]


def _page_objects(page: pdfium.PdfPage, q: int) -> PageObjects:
    """Return the page's thin horizontal paths (the footnote rule is one; a table's rules are others), the
    area its images cover, and the boxes of its images and drawn shapes."""
    out = PageObjects()
    raw_page = page.raw
    count = pdfium_c.FPDFPage_CountObjects(raw_page)
    if count > 5000:  # a drawing, not a page of text: no rule worth the time
        return out
    lf, bf, rf, tf = (ctypes.c_float() for _ in range(4))
    bounds = (ctypes.byref(lf), ctypes.byref(bf), ctypes.byref(rf), ctypes.byref(tf))
    path_type, image_type = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE
    for i in range(count):
        obj = _GET_OBJECT(raw_page, i)
        kind = _GET_TYPE(obj)
        if kind not in (path_type, image_type) or not _GET_BOUNDS(obj, *bounds):
            continue
        box = to_frame(q, lf.value, bf.value, rf.value, tf.value)
        w, h = box[2] - box[0], box[3] - box[1]
        if kind == image_type:
            out.image_area += w * h
            out.images.append(box)
        elif h <= RULE_MAX_HEIGHT_PT and w >= RULE_WIDTH_PT[0]:
            out.table_rules.append(box)
            if w <= RULE_WIDTH_PT[1]:
                out.rules.append(box)
        elif w > RULE_MAX_HEIGHT_PT and h > RULE_MAX_HEIGHT_PT:
            out.art.append(box)
    return out


@dataclass(slots=True)
class DocStats:
    """Figures of the whole document that a page's labels depend on."""

    body_size: float
    big_gap: float  # white space between two rows wider than this parts blocks (paragraphs)


def doc_stats(pages: list[PageGeometry]) -> DocStats:
    """Return the body's font size (that of most glyphs) and the white space that parts blocks: wider
    than the usual gap between two lines of body text."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for row in page.rows:
            sizes[round(row.size, 1)] += len(row.glyphs)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    pitches: Counter[float] = Counter()
    heights: list[float] = []
    for page in pages:
        prev = None
        for row in page.rows:
            if abs(row.size - body) > 0.3 or len(row.glyphs) < 20:
                prev = None
                continue
            heights.append(row.y1 - row.y0)
            if prev is not None and 0 < prev.y0 - row.y0 < 3 * body:
                pitches[round(prev.y0 - row.y0, 0)] += 1
            prev = row
    if not pitches or not heights:
        return DocStats(body, 0.6 * body)
    usual_gap = pitches.most_common(1)[0][0] - statistics.median(heights)
    return DocStats(body, max(0.55 * body, usual_gap + 0.4 * body))
