"""read.pdf.glyphs: a page's glyphs -> runs -> rows -> fragments, and the text of a fragment.

pypdfium2 gives every glyph with its box and font size. Runs are glyphs drawn one after the other;
rows are runs on one baseline; fragments are the pieces of a row between wide gaps (columns, tab
stops). A fragment's text takes its word spaces from the gaps between glyphs, so a justified word
is never split and two words are never glued; superscripts are glued as note markers.
"""

from __future__ import annotations

import ctypes
import math
import re
import threading
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, pairwise, repeat
from operator import itemgetter
from typing import Any

import pypdfium2.raw as pdfium_c

from unref.deadline import DEADLINE, check_clock

# A glyph in its reading frame: character, left, bottom, right, top (points), font size.
Glyph = tuple[str, float, float, float, float, float]
# A glyph's box as pdfium gives it (FS_RECTF): left, top, right, bottom.
Box = tuple[float, float, float, float]

# --- Tuning: every figure is a fraction of the font size ---------------------------------------
SPACE_GAP = 0.18  # a gap wider than this between two glyphs is a word space...
SPACED_GAP = 0.22  # ...or this, in rows whose producer prints its spaces (then letters may stand apart)
FRAGMENT_GAP = 1.6  # a gap wider than this splits a line into fragments (columns, tab stops)
SUPERSCRIPT_SIZE = 0.86  # a superscript is at most this size of its line's text...
SUPERSCRIPT_RISE = 0.2  # ...and its bottom stands at least this far above the line's
# A superscript that marks a note: "1", "12", "a", "*", "**", "†".
MARKER_LABEL_RE = re.compile(r"^(?:\d{1,3}|[a-z]|\*{1,3}|[†‡§])$")
_LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
# The glyph loop looks at the clock once per this many glyphs (a power of two: one AND per glyph).
CLOCK_EVERY = 4096

# (monotonic deadline, the limit in seconds) of the reading under way in this thread, if it has one.


# ================================================================================================
# Glyphs
# ================================================================================================


def _page_text(tp: Any, tp_address: int, count: int) -> str:
    """Return the page's characters, one per pdfium character index."""
    buf = array("H", _NUL) * (count + 1)  # UTF-16 units, and pdfium's final NUL
    got = _GET_TEXT(tp_address, 0, count, buf.buffer_info()[0])
    text = buf[: max(0, got - 1)].tobytes().decode("utf-16-le", errors="replace")
    if len(text) == count:
        return text
    # Characters beyond the BMP take two UTF-16 units: fall back to one call per character.
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(tp, i) or 0xFFFD) for i in range(count))


def _address(pointer: Any) -> int:
    """Return the address a ctypes pointer holds (0 for NULL).

    Not by ctypes.cast: its result is part of a reference cycle, garbage that only the collector frees,
    and a parse runs it seldom (unref.PARSE_GC_THRESHOLD)."""
    return ctypes.c_void_p.from_address(ctypes.addressof(pointer)).value or 0


def _quadrant(angle: float) -> int:
    """Return 0-3: the glyph's rotation (radians) in quarter turns counter-clockwise."""
    return round(angle / (math.pi / 2)) % 4


def to_frame(q: int, l: float, b: float, r: float, t: float) -> tuple[float, float, float, float]:  # noqa: E741
    """Return a box turned by q quarter turns clockwise, so that its text reads left to right."""
    if q == 0:
        return l, b, r, t
    if q == 1:
        return b, -r, t, -l
    if q == 2:
        return -r, -t, -l, -b
    return -t, l, -b, r


@dataclass(slots=True, eq=False)
class Run:
    """Glyphs drawn one after the other on one line in one font: the unit rows are built from."""

    glyphs: list[Glyph]
    y0: float
    y1: float
    size: float
    x0: float
    x1: float
    spaced: bool = False  # holds a printed space


def page_runs(tp: Any) -> dict[int, list[Run]]:
    """Return the printed glyphs of a text page as runs, by rotation, each in its reading frame.

    This loop sees every glyph of every page, so it does as little as it can: the boxes come in
    slices of CLOCK_EVERY glyphs (_char_boxes), and a glyph that goes on the run before it (in its
    font, on its baseline, to the right of the glyph before it) takes the short path inline; any
    other glyph, about one in sixteen, is decided by _RunBuilder.take.
    """
    count = pdfium_c.FPDFText_CountChars(tp)
    if count <= 0:
        return {}
    tp_address = _address(tp)
    text = _page_text(tp, tp_address, count)
    buf = _box_buffer().buf
    b = _RunBuilder(tp)
    low, high, drop, rise, back, far, size, run, append, px0, px1, pb = b.short_path()
    limit = DEADLINE.get()
    last_box: Box = (0.0, 0.0, 0.0, 0.0)
    # The clock is read between slices of the page's text, not per glyph: this loop sees every glyph.
    for start in range(0, count, CLOCK_EVERY):
        check_clock(limit)
        stop = min(start + CLOCK_EVERY, count)
        lefts, tops, rights, bottoms, last_box = _char_boxes(tp_address, text, start, stop, buf, last_box)
        for i, ch, left, bottom, right, top in zip(range(start, stop), text[start:stop], lefts, bottoms, rights, tops,
                                                   strict=True):
            # The short path: each test of _RunBuilder.take passed (a printable character, no new font,
            # the same baseline, not back to the left, not far to the right): the run goes on.
            if (low < top - bottom < high and " " <= ch < "\ue000" and ch != "\xa0"
                    and drop <= bottom - pb <= rise and left >= px1 - back and left - px1 <= far):
                if ch == " ":
                    run.spaced = True
                append((ch, left, bottom, right, top, size))
                px0, px1, pb = left, right, bottom
                continue
            if ch == "\n" or ch == "\r":  # the line breaks pdfium puts between lines: no glyph, no change
                continue
            if top - bottom < 0.01 and right - left < 0.01:
                continue  # a space or break pdfium made up (about a third of the long path): take skips it too
            b.px0, b.px1, b.pb = px0, px1, pb
            b.take(i, ch, left, bottom, right, top)
            low, high, drop, rise, back, far, size, run, append, px0, px1, pb = b.short_path()
    return _finish_runs(b.out)


class _RunBuilder:
    """The glyph loop's state: the runs so far, the font under way and the glyph before."""

    __slots__ = ("append", "back", "far", "glyphs", "high", "low", "matrix", "mref", "out", "pb", "px0", "px1",
                 "q", "rise", "run", "runs", "size", "tp")

    def __init__(self, tp: Any) -> None:
        """Start with no font: the first glyph starts one."""
        self.tp = tp
        self.matrix = pdfium_c.FS_MATRIX()
        self.mref = ctypes.byref(self.matrix)
        self.out: dict[int, list[Run]] = {}
        self.runs = self.out.setdefault(0, [])
        self.glyphs: list[Glyph] = []
        self.append = self.glyphs.append
        self.run = Run(self.glyphs, 0.0, 0.0, 0.0, 0.0, 0.0)
        self.low = self.high = -1.0
        self.size = 0.0
        self.q = 0
        self.px0 = self.px1 = self.pb = 0.0
        self.back = self.far = self.rise = 0.0

    def short_path(self) -> tuple[float, float, float, float, float, float, float, Run, Any, float, float, float]:
        """Return what the short path tests and uses: the band of heights of the font under way (empty
        where every glyph takes the long path: turned text, tiny boxes), the rise that breaks a
        baseline, down and up (negated here once, not per glyph), how far back and forward a run goes on,
        the size, the run and its append, and the left, right and bottom of the glyph before."""
        low, high = (self.low, self.high) if not self.q and self.low >= 0.01 else (1.0, 0.0)
        return (low, high, -self.rise, self.rise, self.back, self.far, self.size, self.run, self.append, self.px0,
                self.px1, self.pb)

    def take(self, i: int, ch: str, left: float, bottom: float, right: float, top: float) -> None:
        """Add glyph i to the runs, starting a new font and a new run where it asks for one; skip line
        breaks, boxes pdfium made up and characters that print nothing readable."""
        if ch in "\r\n":  # one character: a carriage return or a line feed, not a glyph
            return
        height = top - bottom
        if height < 0.01 and right - left < 0.01:
            return  # a space or break that pdfium made up, not a printed glyph
        # Glyph boxes of one font differ a little in height (accents, tall letters); sizes differ more.
        new_font = self.q or not self.low < height < self.high
        if new_font:
            self._start_font(i, height)
        q, size = self.q, self.size
        if q:
            left, bottom, right, top = to_frame(q, left, bottom, right, top)
        if ch < " " or ch >= "\ue000" or ch == "\xa0":
            ch = _clean_char(ch)
            if not ch:
                return
        if new_font or self._breaks_run(left, bottom, size):
            self.glyphs = []
            self.append = self.glyphs.append
            self.run = Run(self.glyphs, bottom, top, size, left, right)
            self.runs.append(self.run)
        if ch == " ":
            self.run.spaced = True
        self.append((ch, left, bottom, right, top, size))
        self.px0, self.px1, self.pb = left, right, bottom

    def _breaks_run(self, left: float, bottom: float, size: float) -> bool:
        """Return True when a glyph of the font under way starts a run: off the baseline of the glyph
        before, back to the left of it, or far to its right. A ligature's letters ("ffi") share one
        box: they go on in the run like any next glyph."""
        px1 = self.px1
        return (abs(bottom - self.pb) > 0.3 * size or (left < px1 - self.back and left != self.px0)
                or left - px1 > self.far)

    def _start_font(self, i: int, height: float) -> None:
        """Start the font of glyph i: its band of heights, size, turn, and how far its runs reach."""
        self.low, self.high = 0.96 * height, 1.04 * height
        self.size, self.q = size, q = _font_at(self.tp, i, self.q, self.matrix, self.mref)
        self.runs = self.out.setdefault(q, [])
        self.back = max(2.0, 0.5 * size)
        self.far = 6.0 * max(size, 1.0)
        self.rise = 0.3 * size


# pdfium's FPDFText_GetLooseCharBox(text page, index, FS_RECTF*), called without releasing the GIL (the
# call is short) and without argument types: it is given pointer objects (the text page's, and one made once
# per rectangle of the buffer, _BoxBuffer) and the index as an int (a C int), which ctypes passes as they
# are. The typed binding costs twice as much a call, and converting addresses by from_param a third more.
_LOOSE_CHAR_BOX = ctypes.PYFUNCTYPE(ctypes.c_int)(ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p).value
                                                 or 0)
_RECT = ctypes.sizeof(pdfium_c.FS_RECTF)  # left, top, right, bottom: four floats
# FPDFText_GetText(text page, start, count, unsigned short*) likewise: the buffer is an array's address,
# so that no ctypes array type is made for each page's length (each one is garbage in a reference cycle).
_GET_TEXT = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_void_p)(
    ctypes.cast(pdfium_c.FPDFText_GetText, ctypes.c_void_p).value or 0)
_NUL = (0,)


class _BoxBuffer:
    """Where the glyph loop has pdfium write the boxes of a slice of CLOCK_EVERY glyphs, and a pointer object
    to each rectangle of it, made once: one buffer per thread (_box_buffer), never resized, so that the
    pointers hold."""

    __slots__ = ("buf", "slots")

    def __init__(self) -> None:
        """Allocate the rectangles and their pointers."""
        self.buf = array("f", bytes(_RECT * CLOCK_EVERY))
        self.slots = _pointers(self.buf, CLOCK_EVERY)


_BOXES = threading.local()


def _box_buffer() -> _BoxBuffer:
    """Return this thread's box buffer, made at its first page."""
    boxes: _BoxBuffer | None = getattr(_BOXES, "buffer", None)
    if boxes is None:
        boxes = _BOXES.buffer = _BoxBuffer()
    return boxes


def _pointers(buf: array[float], n: int) -> list[ctypes.c_void_p]:
    """Return a pointer object to each of the first n rectangles of `buf`: the thread's own, made once, or
    new ones for another buffer."""
    boxes: _BoxBuffer | None = getattr(_BOXES, "buffer", None)
    if boxes is not None and buf is boxes.buf:
        return boxes.slots[:n]
    base = buf.buffer_info()[0]
    return [ctypes.c_void_p(base + _RECT * k) for k in range(n)]


def _char_boxes(tp_address: int, text: str, start: int, stop: int, buf: array[float],
                last: Box) -> tuple[array[float], array[float], array[float], array[float], Box]:
    """Return the loose boxes of glyphs start..stop-1 as arrays of lefts, tops, rights and bottoms, and the
    last box pdfium gave (`last`: the one before `start`).

    One call per glyph, made from C by map(), into `buf` (floats, four a glyph; best the thread's own,
    _box_buffer, whose pointers are made once); the four columns are sliced out of it in C. pdfium fails
    only for an index out of range: a glyph it gives no box for keeps the box before it.
    """
    n = stop - start
    tp = ctypes.c_void_p(tp_address)
    if sum(map(_LOOSE_CHAR_BOX, repeat(tp, n), range(start, stop), _pointers(buf, n))) < n:
        _keep_box_before(tp, buf, text, start, stop, last)
    end = 4 * n
    lefts, tops, rights, bottoms = buf[0:end:4], buf[1:end:4], buf[2:end:4], buf[3:end:4]
    for k in range(n - 1, -1, -1):  # the last box pdfium wrote: line breaks are not asked for
        if text[start + k] not in "\r\n":
            last = (lefts[k], tops[k], rights[k], bottoms[k])
            break
    return lefts, tops, rights, bottoms, last


def _keep_box_before(tp: ctypes.c_void_p, buf: array[float], text: str, start: int, stop: int, last: Box) -> None:
    """Ask pdfium again for the boxes of glyphs start..stop-1 one by one, into one rectangle, as the
    glyph loop once did: a glyph it gives no box for keeps the last box it gave (`last` before `start`;
    line breaks are never asked for)."""
    rect = array("f", last)
    pointer = ctypes.c_void_p(rect.buffer_info()[0])
    for k, i in enumerate(range(start, stop)):
        if text[i] not in "\r\n":
            _LOOSE_CHAR_BOX(tp, i, pointer)  # writes nothing where it fails
        buf[4 * k:4 * k + 4] = rect


def _font_at(tp: Any, i: int, q: int, matrix: Any, mref: Any) -> tuple[float, int]:
    """Return the printed size and the quarter turns of the glyph at index i.

    Asked only where a new font or size starts. When pdfium gives no matrix, the turn stays `q`.
    """
    size = pdfium_c.FPDFText_GetFontSize(tp, i)
    if pdfium_c.FPDFText_GetMatrix(tp, i, mref):
        # Some producers print at size 1 and scale the text matrix: the printed size is the product.
        scale = math.hypot(matrix.c, matrix.d)
        size = round(size * scale if scale > 0.01 else size, 2)
        q = _quadrant(math.atan2(matrix.b, matrix.a))
    return size, q


def _finish_runs(out: dict[int, list[Run]]) -> dict[int, list[Run]]:
    """Return the runs by rotation, without rotations that kept none; each run reaches its last glyph."""
    for group in out.values():
        for run in group:
            run.x1 = max(run.x1, run.glyphs[-1][3])
    return {k: v for k, v in out.items() if v}


def _clean_char(ch: str) -> str:
    """Return the character a glyph prints, for the control, private-use and presentation-form
    characters that pdfium gives as they are coded; "" for a glyph that prints nothing readable."""
    if ch in ("\x02", "\ufffe"):  # pdfium marks a hyphen at the end of a line this way
        return "-"
    if ch in ("\t", "\xa0"):
        return " "
    if ch in _LIGATURES:
        return _LIGATURES[ch]
    if "\uf020" <= ch <= "\uf0ff":  # symbol fonts put ASCII in the private use area
        return chr(ord(ch) - 0xF000)
    if "\ue000" <= ch <= "\uf8ff" or ch == "\uffff":
        return ""
    if "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefc":
        # Arabic presentation forms: the letters themselves. The line is reversed into reading
        # order later, glyph by glyph, so a ligature's letters are given in visual order here.
        return unicodedata.normalize("NFKC", ch)[::-1]
    return ch if ch >= " " else ""


# ================================================================================================
# Rows (lines of glyphs on one baseline) and fragments (pieces of a row between wide gaps)
# ================================================================================================


@dataclass(slots=True, eq=False)
class Row:
    """Glyphs that share a baseline, left to right, with the band of their main text."""

    runs: list[Run]
    y0: float
    y1: float
    size: float
    glyphs: list[Glyph] = field(default_factory=list)
    spaced: bool = False  # some of its runs print their spaces
    turn: int = 0  # quarter turns of its text: its glyphs are in that turned frame...
    offset: tuple[float, float] = (0.0, 0.0)  # ...moved by this much
    bases: dict[int, float] = field(default_factory=dict)  # bottom of its runs, by rounded font size


@dataclass(slots=True, eq=False)
class Fragment:
    """A piece of a row between wide gaps: a column of a table, one side of a masthead."""

    row: Row
    glyphs: list[Glyph]
    x0: float
    x1: float
    size: float  # the font size of most of its glyphs
    base: float  # the bottom of those glyphs' boxes...
    top: float  # ...and their top
    _text: tuple[str, list[tuple[int, str]]] | None = None

    @property
    def y0(self) -> float:
        """Return the bottom of the row's main text."""
        return self.row.y0

    @property
    def y1(self) -> float:
        """Return the top of the row's main text."""
        return self.row.y1

    @property
    def text(self) -> str:
        """Return the fragment's text, superscript markers glued to the word before them."""
        return self.content()[0]

    def content(self) -> tuple[str, list[tuple[int, str]]]:
        """Return the text and its markers as (offset, label); computed once."""
        if self._text is None:
            self._text = fragment_text(self)
        return self._text


def build_rows(runs: list[Run], turn: int = 0) -> list[Row]:
    """Return the rows of the runs, top to bottom: runs whose main bands overlap share a row."""
    rows: list[Row] = []
    for run in sorted(runs, key=lambda r: -(r.y0 + r.y1)):
        y0, y1 = run.y0, run.y1
        height = y1 - y0
        best = None
        best_overlap = 0.0
        for row in rows[-4:]:
            # min() and max() of two, written out (as the builtins pick: the second only where it is strictly
            # smaller or larger): this runs for every run against up to four rows.
            ry0, ry1 = row.y0, row.y1
            overlap = (ry1 if ry1 < y1 else y1) - (ry0 if ry0 > y0 else y0)
            row_height = ry1 - ry0
            if overlap < 0.5 * (row_height if row_height < height else height) or overlap <= best_overlap:
                continue
            if (run.size > 2 * row.size or row.size > 2 * run.size) and not _touches(run, row):
                continue  # a big initial or logo letter is not part of the line beside it
            base = row.bases.get(round(run.size))
            if base is not None and abs(base - y0) > 0.25 * run.size:
                continue  # text of one size on another baseline: a line set tightly above or below
            best, best_overlap = row, overlap
        if best is None:
            rows.append(Row([run], y0, y1, run.size, turn=turn, bases={round(run.size): y0}))
        else:
            best.runs.append(run)
            best.bases.setdefault(round(run.size), y0)
    for row in rows:
        _finish_row(row)
    rows.sort(key=lambda r: -(r.y0 + r.y1))
    return rows


def _touches(run: Run, row: Row) -> bool:
    """Return True when the run stands right beside one of the row's runs ("S" + "/2025/31")."""
    near = 0.5 * min(run.size, row.size)
    return any(run.x0 - near <= r.x1 and r.x0 - near <= run.x1 for r in row.runs)


def _finish_row(row: Row) -> None:
    """Order the row's glyphs left to right; its size and band are those of most of its glyphs."""
    runs = sorted(row.runs, key=lambda r: r.x0)
    row.spaced = any(r.spaced for r in runs)
    # The runs' glyphs are joined in C (chain), not by a comprehension: this sees every glyph.
    if all(b.x0 >= a.x1 - 1.0 for a, b in pairwise(runs)):
        row.glyphs = list(chain.from_iterable(r.glyphs for r in runs))
    else:
        row.glyphs = _drop_overprint(sorted(chain.from_iterable(r.glyphs for r in runs), key=_LEFT_OF))
    if len(runs) > 1:
        weight: dict[float, int] = {}
        for r in runs:
            weight[r.size] = weight.get(r.size, 0) + len(r.glyphs)
        row.size = max(weight, key=lambda k: weight[k])
        main = next(r for r in runs if r.size == row.size)
        row.y0, row.y1 = main.y0, main.y1


_SIZE_OF = itemgetter(5)  # a glyph's font size
_LEFT_OF = itemgetter(1)  # a glyph's left edge


def _main_size(glyphs: list[Glyph]) -> float:
    """Return the font size that most of the glyphs have."""
    sizes: set[float] = set(map(_SIZE_OF, glyphs))
    if len(sizes) == 1:
        return sizes.pop()
    counts = Counter(g[5] for g in glyphs if g[0] != " ")
    return counts.most_common(1)[0][0] if counts else max(sizes)


def _drop_overprint(glyphs: list[Glyph]) -> list[Glyph]:
    """Drop glyphs printed twice at almost the same place (fake bold)."""
    out: list[Glyph] = []
    for g in glyphs:
        if out:
            p = out[-1]
            if p[0] == g[0] and abs(p[1] - g[1]) < 0.25 * max(p[3] - p[1], 0.5) and abs(p[2] - g[2]) < 1.0:
                continue
        out.append(g)
    return out


def fragments(row: Row) -> list[Fragment]:
    """Return the pieces of a row between gaps wider than FRAGMENT_GAP."""
    return _split(row, row.glyphs, FRAGMENT_GAP * max(row.size, 1.0))


def split_fragment(frag: Fragment, gap: float) -> list[Fragment]:
    """Return a fragment cut at gaps wider than `gap` font sizes: a table's cells set closer together
    than FRAGMENT_GAP (a date beside a place name)."""
    parts = _split(frag.row, frag.glyphs, gap * max(frag.size, 1.0))
    return [frag] if len(parts) <= 1 else parts


def split_at(frag: Fragment, xs: list[float], gap: float) -> list[Fragment]:
    """Return a fragment cut before each word that starts at one of the places `xs` (a table's column
    starts) after a space wider than `gap` font sizes: a cell set so close to the next that no
    fragment's gap parts them."""
    cuts = []
    right = -1e9
    glyphs = frag.glyphs
    wide = gap * frag.size
    for k, g in enumerate(glyphs):
        if g[0] == " ":
            continue
        if k and g[1] - right > wide and any(right < x <= g[1] + 1.5 for x in xs):
            cuts.append(k)
        right = max(right, g[3])
    if not cuts:
        return [frag]
    bounds = [0, *cuts, len(glyphs)]
    return [_fragment(frag.row, glyphs[a:b]) for a, b in pairwise(bounds)]


def _split(row: Row, glyphs: list[Glyph], limit: float) -> list[Fragment]:
    """Return the pieces of a row's glyphs between gaps wider than `limit` points.

    Glyphs of one size (most rows) take _split_plain, which writes each piece's text in the same pass."""
    sizes = set(map(_SIZE_OF, glyphs))
    if len(sizes) == 1:
        size = sizes.pop()
        if size > 0:
            return _split_plain(row, glyphs, limit, size)
    return _split_general(row, glyphs, limit)


def _split_general(row: Row, glyphs: list[Glyph], limit: float) -> list[Fragment]:
    """Return the pieces of a row's glyphs between gaps wider than `limit` points, their text not yet written."""
    out: list[Fragment] = []
    start = 0
    right = -1e9
    for k, g in enumerate(glyphs):
        if g[0] == " ":
            continue
        if g[1] - right > limit and k > start:
            out.append(_fragment(row, glyphs[start:k]))
            start = k
        if g[3] > right:
            right = g[3]
    if start < len(glyphs):
        out.append(_fragment(row, glyphs[start:]))
    return [f for f in out if f.glyphs]


def _split_plain(row: Row, glyphs: list[Glyph], limit: float, size: float) -> list[Fragment]:
    """Return what _split returns for glyphs all of one size (> 0), each piece with its text.

    One pass does both: where every glyph has the fragment's size none is a superscript (none is at most
    SUPERSCRIPT_SIZE of it), so fragment_text's test is only the word gap, with the size fixed, and there are
    no markers. A piece's text is fragment_text's: a space before a glyph after a printed space or a gap
    wider than the word gap from the glyph before; spaces at a piece's ends write nothing.
    """
    out: list[Fragment] = []
    start = 0
    right = -1e9  # the right edge of the piece's glyphs so far, as _split keeps it
    prev_right = math.inf  # the right edge of the glyph before in the piece (none yet: no gap is a space)
    word_gap = (SPACED_GAP if row.spaced else SPACE_GAP) * size
    parts: list[str] = []  # the piece's text; empty until its first glyph, as fragment_text's `prev`
    add = parts.append
    pending = False
    for k, g in enumerate(glyphs):
        ch, left, _, r, _, _ = g
        if ch == " ":
            pending = bool(parts)
            continue
        if left - right > limit and k > start:
            out.append(_plain_fragment(row, glyphs[start:k], size, "".join(parts)))
            start = k
            parts = []
            add = parts.append
            prev_right, pending = math.inf, False
        if pending or left - prev_right > word_gap:
            add(" ")
        add(ch)
        prev_right = r
        pending = False
        if r > right:
            right = r
    if start < len(glyphs):
        out.append(_plain_fragment(row, glyphs[start:], size, "".join(parts)))
    return [f for f in out if f.glyphs]


def _plain_fragment(row: Row, glyphs: list[Glyph], size: float, text: str) -> Fragment:
    """Return _fragment's fragment of glyphs all of one size, its text (no markers) known."""
    frag = _fragment(row, glyphs, size)
    frag._text = (text, [])
    return frag


def _fragment(row: Row, glyphs: list[Glyph], size: float | None = None) -> Fragment:
    """Return a fragment of the row's glyphs, spaces at either end dropped; its size is that of most
    of its glyphs, its band that of the first glyph of that size."""
    while glyphs and glyphs[-1][0] == " ":
        glyphs.pop()
    while glyphs and glyphs[0][0] == " ":
        glyphs.pop(0)
    if not glyphs:
        return Fragment(row, glyphs, 0.0, 0.0, row.size, row.y0, row.y1)
    if size is None:
        size = _main_size(glyphs)
        main = next(g for g in glyphs if g[5] == size)
    else:  # the caller knows every glyph is of this size
        main = glyphs[0]
    return Fragment(row, glyphs, glyphs[0][1], glyphs[-1][3], size, main[2], main[4])


# ================================================================================================
# Text of a fragment: word spaces from gaps, superscripts glued as markers
# ================================================================================================


def fragment_text(frag: Fragment) -> tuple[str, list[tuple[int, str]]]:
    """Return the text of a fragment and its superscript markers as (offset in the text, label).

    A superscript is glued to the word before it ("war.1"), never spaced from it. This loop sees
    every glyph: the common case (no marker starts or ends at the glyph) is decided inline, the
    edges of a marker by _space_at_marker_edge. The offsets are counted only there (_length): the
    loop adds no count per glyph.
    """
    parts: list[str] = []
    add = parts.append
    markers: list[tuple[int, str]] = []
    prev: Glyph | None = None
    # The right edge and size of the glyph before: no glyph yet stands infinitely far to the right, so
    # that the first glyph's gap (minus infinity) is never a word space.
    prev_right, prev_size = math.inf, 0.0
    sup_start = -1
    in_marker = False
    space_pending = False
    word_gap = SPACED_GAP if frag.row.spaced else SPACE_GAP
    sup_size = SUPERSCRIPT_SIZE * frag.size
    sup_base = frag.base + SUPERSCRIPT_RISE * frag.size
    for g in frag.glyphs:
        ch, left, bottom, right, _, size = g
        if ch == " ":
            space_pending = prev is not None
            continue
        sup = size <= sup_size and bottom >= sup_base
        if sup is in_marker:  # within a marker, or within plain text
            if space_pending or left - prev_right > word_gap * (size if size > prev_size else prev_size):
                add(" ")
        else:  # a marker starts or ends at this glyph
            if prev is not None and _space_at_marker_edge(sup, g, prev, parts, space_pending, word_gap):
                add(" ")
            if sup:
                sup_start = _length(parts)
            else:
                _close_marker(parts, sup_start, _length(parts), markers)
                sup_start = -1
            in_marker = sup
        add(ch)
        prev, prev_right, prev_size = g, right, size
        space_pending = False
    if in_marker:
        _close_marker(parts, sup_start, _length(parts), markers)
    return "".join(parts), markers


def _length(parts: list[str]) -> int:
    """Return the length of the text written so far: asked where a marker opens or closes, not per glyph."""
    return sum(map(len, parts))


def _space_at_marker_edge(opens: bool, g: Glyph, prev: Glyph, parts: list[str], space_pending: bool,
                          word_gap: float) -> bool:
    """Return True when a space goes before glyph g, where a marker opens (`opens`) or closes at it."""
    if opens:
        # A marker is glued to the word before it ("war.1"), but not to a number ("in 2023. 2"),
        # where it would read as one with it ("2023.2"). Source.markers has it exactly either way.
        return prev[0].isdigit() or (prev[0] in ".,;:)" and _after_digit(parts))
    gap = g[1] - prev[3]
    return space_pending or gap > word_gap * g[5] or (g[0].isalnum() and gap > 0.05 * g[5])


def _after_digit(parts: list[str]) -> bool:
    """Return True when the character before the last one written is a digit ("2023.")."""
    return len(parts) > 1 and parts[-2][-1:].isdigit()


def note_text(frag: Fragment) -> tuple[str, list[tuple[int, str]]]:
    """Return the text of a note's first fragment: a raised label at its start is followed by a space."""
    text, markers = frag.content()
    if markers and markers[0][0] == 0:
        label = markers[0][1]
        return label + " " + text[len(label):].lstrip(), markers[1:]
    return text, markers


def _close_marker(parts: list[str], start: int, end: int, markers: list[tuple[int, str]]) -> None:
    """Record the labels of a superscript run parts[start:end] as markers ("1,2" gives two)."""
    text = "".join(parts)[start:end]
    pos = start
    for piece in re.split(r"([,\s]+)", text):
        if piece and MARKER_LABEL_RE.match(piece):
            markers.append((pos, piece))
        pos += len(piece)
