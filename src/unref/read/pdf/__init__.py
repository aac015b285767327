"""pdf: PDF bytes -> pages of lines with their geometry, labelled by where they stand on the page.

Part of the read stage for PDF input. pypdfium2 gives every glyph with its box and
font size. Lines are built from the glyphs' geometry rather than from the
extractor's own line breaks; word spaces come from the gaps between glyphs, so a
justified word is never split and two words are never glued; the reading order
comes from the white space between blocks (an XY cut), so that masthead columns
read one after the other. Running heads and feet, the footnote area under its
rule, superscript markers, paragraph breaks and tables are told by their place,
size and rise, and set as each line's `kind`; the layout stage keeps them.
"""

from __future__ import annotations

import ctypes
import math
import re
import statistics
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from unref.errors import InputError
from unref.model import Line, Page, Source
from unref.text.regexes import (
    BOILERPLATE_RE,
    HEADER_DATE_RE,
    HEADER_LANGUAGE_RE,
    JOB_NUMBER,
    LIST_ITEM_RE,
    PAGE_NUMBER_RE,
    STAMP_RE,
    SYMBOL_LINE_RE,
)

MAX_PAGES = 2000
TIMEOUT = 120.0  # seconds for one document
NO_TEXT_LAYER = "no text layer (scanned document; OCR needed)"
MIN_CHARS_PER_PAGE = 12  # fewer printed characters than this per page: a scan with a stamp at most

# A glyph in its reading frame: character, left, bottom, right, top (points), font size.
Glyph = tuple[str, float, float, float, float, float]

# --- Tuning: every figure is a fraction of the font size unless it says points ----------------
SPACE_GAP = 0.18  # a gap wider than this between two glyphs is a word space...
SPACED_GAP = 0.22  # ...or this, in rows whose producer prints its spaces (then letters may stand apart)
FRAGMENT_GAP = 1.6  # a gap wider than this splits a line into fragments (columns, tab stops)
SUPERSCRIPT_SIZE = 0.86  # a superscript is at most this size of its line's text...
SUPERSCRIPT_RISE = 0.2  # ...and its bottom stands at least this far above the line's
COLUMN_GAP_PT = 14.0  # the narrowest white channel between two columns, in points
COLUMN_MIN_WIDTH_PT = 36.0  # a column is at least this wide, in points ("(a)" labels are not)
EDGE_ZONE = 0.14  # running heads and feet stand in this fraction of the page height
RULE_MAX_HEIGHT_PT = 2.5  # the footnote rule: a thin, short, horizontal path
RULE_WIDTH_PT = (36.0, 260.0)

# --- Page furniture, fragment by fragment -------------------------------------------------------
# Tokens that make up running heads and feet: "2/3", "25-02826", "(E)", "270225", "*2502826*".
_FURNITURE_TOKEN = (
    rf"(?:\d{{1,4}}\s*/\s*\d{{1,4}}|{JOB_NUMBER}|\([A-Z]\)|\d{{6}}|\*\d{{6,9}}\*|Page|P[áa]gina|Стр\.?"
    r"|\d{1,4}|-\s*\d{1,4}\s*-|\d{2}/\d{2}/\d{4}|GE\.\d{2}-\d{5})"
)
FURNITURE_LINE_RE = re.compile(rf"^\s*{_FURNITURE_TOKEN}(?:\s+{_FURNITURE_TOKEN})*\s*$")
# A running head of a later page: the document's symbols, a date, a page number, around each other.
_SYMBOL = r"[A-Z][A-Z0-9.\-]*/[A-Za-z0-9.\-/()]*\d[A-Za-z0-9.\-/()]*\*?"
HEAD_LINE_RE = re.compile(
    rf"^\s*(?:{_SYMBOL}|{_FURNITURE_TOKEN}|English|French|Spanish|Russian|Arabic|Chinese|Français|Español"
    rf"|Anglais|Inglés|\(\d{{4}}\))(?:\s*[-–]?\s*(?:{_SYMBOL}|{_FURNITURE_TOKEN}|\(\d{{4}}\)))*\s*$"
)
UNDERSCORES_RE = re.compile(r"^\s*_{5,}\s*$")
# Small print at the foot of first pages, beside the job number and the bar code.
FOOT_BOILERPLATE_RE = re.compile(
    r"^\s*(?:Accessible document|Document accessible|Documento accesible|Please recycle|Merci de recycler"
    r"|Sírvase reciclar)(?:\s+(?:Please recycle|Merci de recycler|Sírvase reciclar))?\s*$",
    re.I,
)
# The notice at the foot of the first page of a meeting record.
RECORD_NOTICE_RE = re.compile(r"^\s*This record contains the text of speeches")
_WORD_RE = re.compile(r"\w")
# A note's label at the start of its first line: "1", "1/", "*", "a" (alone in its fragment or before text).
LABEL_START_RE = re.compile(r"^\s*(?:\d{1,3}/?|\*{1,3}|[a-z]/?)(?:\s|$)")
# A note that starts with its label in the style of the 1990s ("1/ A/42/521-S/19085, annex."), and its marker.
SLASH_NOTE_RE = re.compile(r"^\s*(\d{1,3}|[a-z])/\s")
SLASH_MARKER_RE = re.compile(r"(?<=\S )(\d{1,3}|[a-z])/(?=[\s,.;:)]|$)")
NOTES_HEADING_RE = re.compile(r"^\s*(?:Notes|Endnotes|Notas|Примечания)\s*$")
# A superscript that marks a note: "1", "12", "a", "*", "**", "†".
MARKER_LABEL_RE = re.compile(r"^(?:\d{1,3}|[a-z]|\*{1,3}|[†‡§])$")
_LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
_RTL_RE = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LTR_RE = re.compile(r"[A-Za-z0-9\u00c0-\u024f\u0400-\u04ff]")


# ================================================================================================
# Opening the file
# ================================================================================================


class NoTextLayerError(InputError):
    """A PDF whose pages carry no text: a scan that needs OCR."""

    def __init__(self, path: str, pages: int) -> None:
        super().__init__(path, NO_TEXT_LAYER)
        self.pages = pages


def read_pdf(source: str | Path | bytes, *, max_pages: int = MAX_PAGES, timeout: float = TIMEOUT,
             password: str | None = None, name: str | None = None) -> Source:
    """Return the pages of labelled lines of a PDF, with its link addresses and footnote markers.

    `source` is a path or the PDF's bytes, read from memory (no temporary file). Errors name the
    file: its path, or `name`, or "<bytes>"; the Source's path is the file's path or `name`.
    """
    path = str(source) if not isinstance(source, bytes) else name
    label = path or "<bytes>"
    deadline = time.monotonic() + timeout
    if isinstance(source, bytes):
        _check_bytes(label, len(source), source[:1024], source[-4096:])
    else:
        _check_file(Path(source))
    doc = _open(source if isinstance(source, bytes) else label, label, password)
    try:
        count = len(doc)
        if count > max_pages:
            raise InputError(label, f"too many pages ({count}; the limit is {max_pages}, see --max-pages)")
        pages: list[_PageGeometry] = []
        links: list[tuple[int, str]] = []
        for index in range(count):
            if time.monotonic() > deadline:
                raise InputError(label, f"reading took longer than {timeout:g} s (the limit; see --timeout)")
            page = _load_page(doc, index, label)
            try:
                pages.append(_read_page(page, index + 1))
                links.extend((index + 1, uri) for uri in page_links(doc, page))
            finally:
                page.close()
    finally:
        doc.close()
    if sum(geo.chars for geo in pages) < MIN_CHARS_PER_PAGE * len(pages):
        raise NoTextLayerError(label, len(pages))
    return _assemble(path, pages, links)


def _check_file(path: Path) -> None:
    """Raise InputError for files that are empty or cut short, before pdfium sees them."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1024)
            fh.seek(max(0, size - 4096))
            tail = fh.read()
    except OSError as err:
        raise InputError(str(path), f"cannot be read ({err.strerror or err})") from err
    _check_bytes(str(path), size, head, tail)


def _check_bytes(name: str, size: int, head: bytes, tail: bytes) -> None:
    """Raise InputError for a PDF that is empty or cut short, from its size, first and last bytes."""
    if size == 0 or not head.strip():
        raise InputError(name, "is empty")
    if b"%PDF" not in head:
        raise InputError(name, "is not a PDF (no %PDF header)")
    if b"%%EOF" not in tail:
        raise InputError(name, "damaged or truncated PDF (the end of the file is missing)")


_OPEN_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "cannot be read",
    pdfium_c.FPDF_ERR_FORMAT: "damaged or truncated PDF (cannot be opened)",
    pdfium_c.FPDF_ERR_PASSWORD: "encrypted PDF (password required)",
    pdfium_c.FPDF_ERR_SECURITY: "encrypted PDF (unsupported security handler)",
    pdfium_c.FPDF_ERR_PAGE: "damaged PDF (a page cannot be read)",
}


def _open(source: str | bytes, name: str, password: str | None) -> pdfium.PdfDocument:
    """Return the open document, from its path or from its bytes in memory."""
    try:
        return pdfium.PdfDocument(source, password=password)
    except pdfium.PdfiumError as err:
        code = getattr(err, "err_code", None)
        reason = _OPEN_ERRORS.get(code, "damaged PDF (no pages)") if code else "damaged PDF (no pages)"
        if code == pdfium_c.FPDF_ERR_PASSWORD and password is not None:
            reason = "encrypted PDF (wrong password)"
        raise InputError(name, reason) from None
    except OSError as err:
        raise InputError(name, f"cannot be read ({err.strerror or err})") from err


def _load_page(doc: pdfium.PdfDocument, index: int, name: str) -> pdfium.PdfPage:
    try:
        return doc[index]
    except pdfium.PdfiumError:
        raise InputError(name, f"damaged PDF (page {index + 1} cannot be read)") from None


def page_links(doc: pdfium.PdfDocument, page: pdfium.PdfPage) -> list[str]:
    """Return the web addresses of the page's link annotations, in the page's order."""
    out: list[str] = []
    pos = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(pos), ctypes.byref(link)):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        size = pdfium_c.FPDFAction_GetURIPath(doc.raw, action, None, 0)
        if size <= 1:
            continue
        buf = ctypes.create_string_buffer(size)
        pdfium_c.FPDFAction_GetURIPath(doc.raw, action, buf, size)
        uri = buf.value.decode("utf-8", errors="replace").strip()
        if uri and uri not in out:
            out.append(uri)
    return out


# ================================================================================================
# Glyphs
# ================================================================================================


def _page_text(tp: Any, count: int) -> str:
    """Return the page's characters, one per pdfium character index."""
    buf = ctypes.create_string_buffer((count + 1) * 2)
    got = pdfium_c.FPDFText_GetText(tp, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    text = buf.raw[: max(0, got - 1) * 2].decode("utf-16-le", errors="replace")
    if len(text) == count:
        return text
    # Characters beyond the BMP take two UTF-16 units: fall back to one call per character.
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(tp, i) or 0xFFFD) for i in range(count))


def _quadrant(angle: float) -> int:
    """Return 0-3: the glyph's rotation (radians) in quarter turns counter-clockwise."""
    return round(angle / (math.pi / 2)) % 4


def _to_frame(q: int, l: float, b: float, r: float, t: float) -> tuple[float, float, float, float]:  # noqa: E741
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

    This loop sees every glyph of every page, so it does as little as it can: a glyph's size
    and angle are asked for only where its box's height changes (a new font or size).
    """
    count = pdfium_c.FPDFText_CountChars(tp)
    if count <= 0:
        return {}
    text = _page_text(tp, count)
    rect = pdfium_c.FS_RECTF()
    ref = ctypes.byref(rect)
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_size = pdfium_c.FPDFText_GetFontSize
    get_matrix = pdfium_c.FPDFText_GetMatrix
    matrix = pdfium_c.FS_MATRIX()
    mref = ctypes.byref(matrix)
    out: dict[int, list[Run]] = {}
    runs = out.setdefault(0, [])
    glyphs: list[Glyph] = []
    run = Run(glyphs, 0.0, 0.0, 0.0, 0.0, 0.0)
    low = high = -1.0
    size = 0.0
    q = 0
    px0 = px1 = pb = 0.0
    back = far = 0.0
    for i, ch in enumerate(text):
        if ch == "\r" or ch == "\n":
            continue
        get_box(tp, i, ref)
        left, bottom, right, top = rect.left, rect.bottom, rect.right, rect.top
        height = top - bottom
        if height < 0.01 and right - left < 0.01:
            continue  # a space or break that pdfium made up, not a printed glyph
        # Glyph boxes of one font differ a little in height (accents, tall letters); sizes differ more.
        new_font = q or not low < height < high
        if new_font:
            low, high = 0.96 * height, 1.04 * height
            size = get_size(tp, i)
            if get_matrix(tp, i, mref):
                # Some producers print at size 1 and scale the text matrix: the printed size is the product.
                scale = math.hypot(matrix.c, matrix.d)
                size = round(size * scale if scale > 0.01 else size, 2)
                q = _quadrant(math.atan2(matrix.b, matrix.a))
            runs = out.setdefault(q, [])
            back = max(2.0, 0.5 * size)
            far = 6.0 * max(size, 1.0)
            if q:
                left, bottom, right, top = _to_frame(q, left, bottom, right, top)
        elif q:
            left, bottom, right, top = _to_frame(q, left, bottom, right, top)
        if ch < " " or ch >= "\ue000" or ch == "\xa0":
            ch = _clean_char(ch)
            if not ch:
                continue
        # A ligature's letters ("ffi") share one box: they go on in the run like any next glyph.
        if new_font or abs(bottom - pb) > 0.3 * size or (left < px1 - back and left != px0) or left - px1 > far:
            glyphs = []
            run = Run(glyphs, bottom, top, size, left, right)
            runs.append(run)
        if ch == " ":
            run.spaced = True
        glyphs.append((ch, left, bottom, right, top, size))
        px0, px1, pb = left, right, bottom
    for group in out.values():
        for run in group:
            run.x1 = max(run.x1, run.glyphs[-1][3])
    return {k: v for k, v in out.items() if v}


def _clean_char(ch: str) -> str:
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
        best = None
        best_overlap = 0.0
        for row in rows[-4:]:
            overlap = min(y1, row.y1) - max(y0, row.y0)
            if overlap < 0.5 * min(y1 - y0, row.y1 - row.y0) or overlap <= best_overlap:
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
    if all(b.x0 >= a.x1 - 1.0 for a, b in pairwise(runs)):
        row.glyphs = [g for r in runs for g in r.glyphs]
    else:
        row.glyphs = _drop_overprint(sorted((g for r in runs for g in r.glyphs), key=lambda g: g[1]))
    if len(runs) > 1:
        weight: dict[float, int] = {}
        for r in runs:
            weight[r.size] = weight.get(r.size, 0) + len(r.glyphs)
        row.size = max(weight, key=lambda k: weight[k])
        main = next(r for r in runs if r.size == row.size)
        row.y0, row.y1 = main.y0, main.y1


def _main_size(glyphs: list[Glyph]) -> float:
    """Return the font size that most of the glyphs have."""
    sizes = {g[5] for g in glyphs}
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
    out: list[Fragment] = []
    limit = FRAGMENT_GAP * max(row.size, 1.0)
    start = 0
    right = -1e9
    glyphs = row.glyphs
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


def _fragment(row: Row, glyphs: list[Glyph]) -> Fragment:
    while glyphs and glyphs[-1][0] == " ":
        glyphs.pop()
    while glyphs and glyphs[0][0] == " ":
        glyphs.pop(0)
    if not glyphs:
        return Fragment(row, glyphs, 0.0, 0.0, row.size, row.y0, row.y1)
    size = _main_size(glyphs)
    main = next(g for g in glyphs if g[5] == size)
    return Fragment(row, glyphs, glyphs[0][1], glyphs[-1][3], size, main[2], main[4])


# ================================================================================================
# Text of a fragment: word spaces from gaps, superscripts glued as markers
# ================================================================================================


def fragment_text(frag: Fragment) -> tuple[str, list[tuple[int, str]]]:
    """Return the text of a fragment and its superscript markers as (offset in the text, label).

    A superscript is glued to the word before it ("war.1"), never spaced from it.
    """
    parts: list[str] = []
    markers: list[tuple[int, str]] = []
    length = 0
    prev: Glyph | None = None
    sup_start = -1
    space_pending = False
    word_gap = SPACED_GAP if frag.row.spaced else SPACE_GAP
    sup_size = SUPERSCRIPT_SIZE * frag.size
    sup_base = frag.base + SUPERSCRIPT_RISE * frag.size
    for g in frag.glyphs:
        ch = g[0]
        if ch == " ":
            space_pending = prev is not None
            continue
        sup = g[5] <= sup_size and g[2] >= sup_base
        if prev is not None:
            if sup and sup_start < 0:
                # A marker is glued to the word before it ("war.1"), but not to a number ("in 2023. 2"),
                # where it would read as one with it ("2023.2"). Source.markers has it exactly either way.
                space = prev[0].isdigit() or (prev[0] in ".,;:)" and _after_digit(parts))
            elif sup_start >= 0 and not sup:
                gap = g[1] - prev[3]
                space = space_pending or gap > word_gap * g[5] or (ch.isalnum() and gap > 0.05 * g[5])
            else:
                space = space_pending or g[1] - prev[3] > word_gap * (g[5] if g[5] > prev[5] else prev[5])
            if space:
                parts.append(" ")
                length += 1
        if sup:
            if sup_start < 0:
                sup_start = length
        elif sup_start >= 0:
            _close_marker(parts, sup_start, length, markers)
            sup_start = -1
        parts.append(ch)
        length += len(ch)
        prev = g
        space_pending = False
    if sup_start >= 0:
        _close_marker(parts, sup_start, length, markers)
    return "".join(parts), markers


def _after_digit(parts: list[str]) -> bool:
    return len(parts) > 1 and parts[-2][-1:].isdigit()


def note_text(frag: Fragment) -> tuple[str, list[tuple[int, str]]]:
    """Return the text of a note's first fragment: a raised label at its start is followed by a space."""
    text, markers = frag.content()
    if markers and markers[0][0] == 0:
        label = markers[0][1]
        return label + " " + text[len(label):].lstrip(), markers[1:]
    return text, markers


def _close_marker(parts: list[str], start: int, end: int, markers: list[tuple[int, str]]) -> None:
    text = "".join(parts)[start:end]
    pos = start
    for piece in re.split(r"([,\s]+)", text):
        if piece and MARKER_LABEL_RE.match(piece):
            markers.append((pos, piece))
        pos += len(piece)


# ================================================================================================
# One page: geometry first, labels after the whole document is read
# ================================================================================================


@dataclass(slots=True)
class _PageGeometry:
    number: int
    width: float
    height: float
    rows: list[Row]  # upright text, top to bottom
    turned: list[Row]  # text at another angle than most of the page's
    rules: list[tuple[float, float, float, float]]  # thin horizontal paths: left, bottom, right, top
    chars: int
    scanned: bool = False  # an image fills the page and there is (almost) no text: OCR needed


def _read_page(page: pdfium.PdfPage, number: int) -> _PageGeometry:
    width, height = page.get_size()
    tp = page.get_textpage()
    try:
        by_angle = page_runs(tp.raw)
    finally:
        tp.close()
    chars = sum(len(r.glyphs) for v in by_angle.values() for r in v)
    main_q = max(by_angle, key=lambda q: sum(len(r.glyphs) for r in by_angle[q])) if by_angle else 0
    rows = build_rows(by_angle.get(main_q, []))
    turned = [row for q, runs in by_angle.items() if q != main_q for row in build_rows(runs, q)]
    if main_q in (1, 3):
        width, height = height, width
    rules, image_area = _page_objects(page, main_q)
    if main_q:
        # The frame's origin moved with the turn: shift rows so the page spans 0..width, 0..height.
        dx, dy = _frame_offset(main_q, page.get_size())
        for row in rows:
            _shift_row(row, dx, dy)
            row.turn, row.offset = main_q, (dx, dy)
        rules = [(a + dx, b + dy, c + dx, d + dy) for a, b, c, d in rules]
    return _PageGeometry(number, width, height, rows, turned, rules, chars,
                         scanned=chars < MIN_CHARS_PER_PAGE and image_area > 0.25 * width * height)


def _frame_offset(q: int, size: tuple[float, float]) -> tuple[float, float]:
    w, h = size
    return {1: (0.0, w), 2: (w, h), 3: (h, 0.0)}.get(q, (0.0, 0.0))


def _shift_row(row: Row, dx: float, dy: float) -> None:
    row.glyphs = [(c, a + dx, b + dy, x + dx, y + dy, s) for c, a, b, x, y, s in row.glyphs]
    row.y0 += dy
    row.y1 += dy


def _page_objects(page: pdfium.PdfPage, q: int) -> tuple[list[tuple[float, float, float, float]], float]:
    """Return the page's thin horizontal paths (the footnote rule is one) and the area its images cover."""
    rules: list[tuple[float, float, float, float]] = []
    image_area = 0.0
    raw_page = page.raw
    count = pdfium_c.FPDFPage_CountObjects(raw_page)
    if count > 5000:  # a drawing, not a page of text: no rule worth the time
        return rules, image_area
    lf, bf, rf, tf = (ctypes.c_float() for _ in range(4))
    path_type, image_type = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE
    for i in range(count):
        obj = pdfium_c.FPDFPage_GetObject(raw_page, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in (path_type, image_type) or not pdfium_c.FPDFPageObj_GetBounds(obj, lf, bf, rf, tf):
            continue
        box = _to_frame(q, lf.value, bf.value, rf.value, tf.value)
        w, h = box[2] - box[0], box[3] - box[1]
        if kind == image_type:
            image_area += w * h
        elif h <= RULE_MAX_HEIGHT_PT and RULE_WIDTH_PT[0] <= w <= RULE_WIDTH_PT[1]:
            rules.append(box)
    return rules, image_area


# ================================================================================================
# Labelling: furniture, footnote area, reading order, paragraph breaks
# ================================================================================================


@dataclass(slots=True, eq=False)
class _OutLine:
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


@dataclass(slots=True)
class _DocStats:
    body_size: float
    big_gap: float  # white space between two rows wider than this parts blocks (paragraphs)


def _doc_stats(pages: list[_PageGeometry]) -> _DocStats:
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
        return _DocStats(body, 0.6 * body)
    usual_gap = pitches.most_common(1)[0][0] - statistics.median(heights)
    return _DocStats(body, max(0.55 * body, usual_gap + 0.4 * body))


def _label_page(page: _PageGeometry, stats: _DocStats) -> list[_OutLine]:
    """Return the page's lines in reading order, each with its kind."""
    frags = [f for row in page.rows for f in fragments(row)]
    heads, feet, flow = _split_furniture(frags, page, stats)
    notice = _record_notice(flow, stats)
    if notice:
        taken = {id(f) for f in notice}
        flow = [f for f in flow if id(f) not in taken]
    sep_y, sep_frag = _separator(flow, page, stats)
    if sep_y is not None:
        body = [f for f in flow if f.y0 > sep_y and f is not sep_frag]
        notes = [f for f in flow if f.y1 <= sep_y + 0.5 and f is not sep_frag]
    else:
        body, notes = _notes_by_size(flow, page, stats)
    out: list[_OutLine] = [_OutLine([f], "furniture") for f in heads]
    if notice:
        # The notice at the foot of a meeting record's first page stands apart from the speeches, which
        # run on to the next page: it is read first, as a paragraph of its own.
        out.extend(_OutLine(line.frags, "body") for line in _order(notice, stats.big_gap))
        out.append(_OutLine([], "blank"))
    out.extend(_with_breaks(_order(body, stats.big_gap)))
    if sep_frag is not None:
        out.append(_OutLine([sep_frag], "separator"))
    for line in _order(notes, stats.big_gap):
        out.append(_OutLine(line.frags, "table" if line.kind == "table" else "note"))
    out.extend(_OutLine([f], "furniture") for f in feet)
    for row in page.turned:
        out.extend(_OutLine([f], "furniture") for f in fragments(row))
    return out


def _split_furniture(frags: list[Fragment], page: _PageGeometry, stats: _DocStats
                     ) -> tuple[list[Fragment], list[Fragment], list[Fragment]]:
    """Return (running heads, running feet, the rest) of a page's fragments.

    Heads are read from the top edge down and feet from the bottom edge up, each row
    while it holds nothing but furniture; the first row of text ends the search.
    """
    by_row: dict[int, list[Fragment]] = {}
    for f in frags:
        by_row.setdefault(id(f.row), []).append(f)
    rows = sorted(by_row.values(), key=lambda g: -(g[0].y0 + g[0].y1))
    heads: list[Fragment] = []
    feet: list[Fragment] = []
    top = page.height * (1 - EDGE_ZONE)
    bottom = page.height * EDGE_ZONE
    small = stats.body_size * 0.92
    for group in rows:
        if group[0].y0 < top:
            break
        texts = [f.text.strip() for f in group]
        marks = [_is_head(t, page.number) for t in texts]
        if not any(marks):
            break
        # A running head may carry the title beside the symbol, in the head's small print.
        if not all(m or (page.number > 1 and f.size <= small) for m, f in zip(marks, group, strict=True)):
            break
        heads.extend(group)
    for group in reversed(rows):
        if group[0].y1 > bottom + 4 or any(f is group[0] for f in heads):
            break
        if not all(_is_foot(f.text.strip()) for f in group):
            break
        feet[:0] = group  # read from the bottom up, printed top down
    taken = {id(f) for f in heads} | {id(f) for f in feet}
    return heads, feet, [f for f in frags if id(f) not in taken]


def _is_head(text: str, page: int) -> bool:
    if page == 1:
        # The masthead stands at the top of page 1: only job numbers and stamps are furniture there.
        return bool(FURNITURE_LINE_RE.match(text)) and not SYMBOL_LINE_RE.match(text)
    return bool(HEAD_LINE_RE.match(text) or HEADER_LANGUAGE_RE.match(text) or HEADER_DATE_RE.match(text)
                or PAGE_NUMBER_RE.match(text) or BOILERPLATE_RE.match(text))


def _is_foot(text: str) -> bool:
    return bool(FURNITURE_LINE_RE.match(text) or BOILERPLATE_RE.match(text) or PAGE_NUMBER_RE.match(text)
                or STAMP_RE.match(text) or FOOT_BOILERPLATE_RE.match(text) or not _WORD_RE.search(text))


def _separator(flow: list[Fragment], page: _PageGeometry, stats: _DocStats
               ) -> tuple[float | None, Fragment | None]:
    """Return the height of the footnote rule, and its fragment when it is printed as underscores.

    The rule is a short line of underscores or a thin horizontal path, with text above it and
    notes below it: smaller than the body, or starting with a label.
    """
    for f in flow:
        if UNDERSCORES_RE.match(f.text) and f.y1 < page.height * 0.8 and f.x1 - f.x0 < 0.7 * page.width \
                and _notes_below(flow, f.y0, stats):
            return f.y0, f
    candidates = []
    for x0, y0, x1, y1 in page.rules:
        if y1 > page.height * 0.75 or not any(g.y0 >= y1 - 0.5 for g in flow):
            continue
        below = [g for g in flow if g.y1 <= y0 + 0.5]
        if not below or any(g.y0 - 4 <= y1 <= g.y0 + 1 and g.x0 < x1 and x0 < g.x1 for g in flow):
            continue  # nothing below, or a line of text stands right on it: an underline
        if sum(abs(r[1] - y0) < 1.5 for r in page.rules) > 1:
            continue  # one of several rules at this height: a table's border
        # The rule starts near the left edge of the notes below it, and the first of them has its label.
        first = max(below, key=lambda g: g.y1)
        if abs(x0 - min(g.x0 for g in below)) <= 24 and _starts_with_label(first.row):
            candidates.append((y0 + y1) / 2)
    return (max(candidates), None) if candidates else (None, None)


def _notes_below(flow: list[Fragment], y: float, stats: _DocStats) -> bool:
    """Return True when what stands below y reads as notes: small print, or a label first."""
    below = [g for g in flow if g.y1 <= y]
    if not below:
        return False
    if statistics.median(g.size for g in below) <= stats.body_size * 0.95:
        return True
    return _starts_with_label(max(below, key=lambda g: g.y1).row)


def _record_notice(flow: list[Fragment], stats: _DocStats) -> list[Fragment]:
    """Return the small-print notice at the foot of a meeting record's first page, if there is one."""
    start = next((f for f in flow if f.size < stats.body_size * 0.95 and RECORD_NOTICE_RE.match(f.text)), None)
    if start is None:
        return []
    return [f for f in flow if f.y1 <= start.y1 + 0.5 and abs(f.size - start.size) < 0.3]


def _notes_by_size(flow: list[Fragment], page: _PageGeometry, stats: _DocStats
                   ) -> tuple[list[Fragment], list[Fragment]]:
    """Return (body, notes): a footnote area without a rule is a block of smaller text at the foot."""
    if not flow:
        return flow, []
    rows = sorted({id(f.row): f.row for f in flow}.values(), key=lambda r: -(r.y0 + r.y1))
    k = len(rows)
    small = stats.body_size * 0.92
    while k > 0 and rows[k - 1].size <= small:
        k -= 1
    if k == len(rows) or k == 0:
        return flow, []
    first = rows[k]
    gap = rows[k - 1].y0 - first.y1
    if gap < 0.4 * first.size or not _starts_with_label(first):
        return flow, []
    above = " ".join(f.text for f in flow if f.row is rows[k - 1])
    if NOTES_HEADING_RE.match(above):
        return flow, []  # endnotes under their heading are the structure stage's to read
    notes_rows = {id(r) for r in rows[k:]}
    return [f for f in flow if id(f.row) not in notes_rows], [f for f in flow if id(f.row) in notes_rows]


def _starts_with_label(row: Row) -> bool:
    frag = fragments(row)[0]
    text, markers = frag.content()
    if markers and markers[0][0] == 0:
        return True
    return bool(LABEL_START_RE.match(text))


# --- Reading order: a recursive XY cut ----------------------------------------------------------------


def _order(frags: list[Fragment], big: float) -> list[_OutLine]:
    """Return the fragments as lines in reading order: blocks top to bottom, columns left to right."""
    out: list[_OutLine] = []
    counter = [0]
    by_row: dict[int, list[Fragment]] = {}
    for f in frags:
        by_row.setdefault(id(f.row), []).append(f)
    candidates = [group[0].row for group in by_row.values() if _is_table_row(group)]
    # A table has rows above or below one another; a lone row of three pieces is a masthead or a leader line.
    tables = {id(r) for r in candidates
              if any(o is not r and abs(o.y0 - r.y0) < 3 * r.size for o in candidates)}
    _cut(frags, big, out, counter, tables)
    return out


def _is_table_row(frags: list[Fragment]) -> bool:
    """Return True for a row of three cells or more in one font size: a table's row.

    Leader dots and rules between two cells are no cells of their own.
    """
    cells = [f for f in frags if _WORD_RE.search(f.text)]
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
    return [min(f.y0 for f in a) - max(f.y1 for f in b) for a, b in pairwise(bands)]


def _cut(frags: list[Fragment], big: float, out: list[_OutLine], counter: list[int],
         tables: set[int]) -> None:
    if not frags:
        return
    bands = _bands(frags)
    if len(bands) > 1:
        gaps = _band_gaps(bands)
        if any(g > big for g in gaps):
            start = 0
            for i, g in enumerate(gaps, 1):
                if g > big:
                    _cut([f for b in bands[start:i] for f in b], big, out, counter, tables)
                    start = i
            _cut([f for b in bands[start:] for f in b], big, out, counter, tables)
            return
    columns = _columns(frags)
    if len(columns) > 1:
        for col in columns:
            _cut(col, big, out, counter, tables)
        return
    counter[0] += 1
    for band in bands:
        by_row: dict[int, list[Fragment]] = {}
        for f in band:
            by_row.setdefault(id(f.row), []).append(f)
        for group in sorted(by_row.values(), key=lambda g: -(g[0].y0 + g[0].y1)):
            group.sort(key=lambda f: f.x0)
            kind = "table" if id(group[0].row) in tables else "body"
            out.append(_OutLine(group, kind, counter[0]))


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
    return max(f.x1 for f in frags) - min(f.x0 for f in frags)


# --- Paragraph breaks -----------------------------------------------------------------------------------


def _with_breaks(lines: list[_OutLine]) -> Iterator[_OutLine]:
    """Yield the body lines with a blank line between paragraphs."""
    prev: _OutLine | None = None
    for i, line in enumerate(lines):
        if prev is not None and (line.region != prev.region or _indented(prev, line, lines[i + 1: i + 2])):
            yield _OutLine([], "blank")
        yield line
        prev = line


def _indented(prev: _OutLine, line: _OutLine, after: list[_OutLine]) -> bool:
    """Return True when a line starts a paragraph by its first-line indent."""
    size = line.frags[0].row.size
    if line.x0 < prev.x0 + 0.8 * size:
        return False
    if not after or after[0].region != line.region or abs(after[0].x0 - prev.x0) > 2.0:
        return False
    return not LIST_ITEM_RE.match(prev.frags[0].text)


# ================================================================================================
# Assembling the Source
# ================================================================================================


def _assemble(name: str | None, pages: list[_PageGeometry], links: list[tuple[int, str]]) -> Source:
    stats = _doc_stats(pages)
    texts: list[str] = []
    out_pages: list[Page] = []
    markers: list[tuple[int, str]] = []
    pos = 0
    empty_pages = []
    for k, geo in enumerate(pages):
        if k:
            texts.append("\f")
            pos += 1
        page = Page(number=geo.number, width=geo.width, height=geo.height)
        if geo.scanned:
            empty_pages.append(geo.number)
        for j, line in enumerate(_label_page(geo, stats)):
            if j:
                texts.append("\n")
                pos += 1
            text, line_markers = _line_text(line)
            box = _page_box(line) if line.frags else None
            size = line.frags[0].size if line.frags else None
            page.lines.append(Line(text=text, start=pos, page=geo.number, box=box, font_size=size, kind=line.kind))
            if line.kind in ("body", "table"):
                markers.extend((pos + off, label) for off, label in line_markers)
            texts.append(text)
            pos += len(text)
        markers.extend(slash_markers(page.lines))
        out_pages.append(page)
    text = "".join(texts)
    source = Source(path=name, text=text, pages=out_pages, format="pdf", style="pdf", links=links,
                    markers=markers)
    if empty_pages:
        source.warnings.append(f"pages without a text layer: {_ranges(empty_pages)} (scanned; OCR needed)")
    return source


def _page_box(line: _OutLine) -> tuple[float, float, float, float]:
    """Return the line's box in the page's own coordinates (left, bottom, right, top)."""
    y0 = min(f.base for f in line.frags)
    y1 = max(f.top for f in line.frags)
    row = line.frags[0].row
    if not row.turn:
        return (line.x0, y0, line.x1, y1)
    dx, dy = row.offset
    return _to_frame((4 - row.turn) % 4, line.x0 - dx, y0 - dy, line.x1 - dx, y1 - dy)


def slash_markers(lines: list[Line]) -> list[tuple[int, str]]:
    """Return the "1/" markers of a page's body whose notes stand at the foot of the same page.

    Documents of the 1990s print markers as "1/" on the line, not raised: the text finds them,
    and the page's notes ("1/ A/42/521") say which labels to look for.
    """
    labels = {m.group(1) for ln in lines if ln.kind == "note" and (m := SLASH_NOTE_RE.match(ln.text))}
    out: list[tuple[int, str]] = []
    for ln in lines:
        if ln.kind != "body" or not labels:
            continue
        for m in SLASH_MARKER_RE.finditer(ln.text):
            if m.group(1) in labels:
                out.append((ln.start + m.start(1), m.group(1)))
                labels.discard(m.group(1))
    return out


def _line_text(line: _OutLine) -> tuple[str, list[tuple[int, str]]]:
    notes = line.kind == "note"
    parts: list[str] = []
    markers: list[tuple[int, str]] = []
    pos = 0
    for k, frag in enumerate(line.frags):
        text, ms = note_text(frag) if notes and k == 0 else frag.content()
        if k:
            parts.append(" ")
            pos += 1
        markers.extend((pos + off, label) for off, label in ms)
        parts.append(text)
        pos += len(text)
    text = "".join(parts)
    if _RTL_RE.search(text):
        return _visual_to_logical(text), []
    return text, markers


def _visual_to_logical(text: str) -> str:
    """Return a right-to-left line in reading order; runs of Latin letters and digits keep theirs."""
    words = text.split(" ")
    runs: list[tuple[bool, list[str]]] = []
    for w in words:
        rtl = not (_LTR_RE.search(w) and not _RTL_RE.search(w))
        if runs and runs[-1][0] == rtl:
            runs[-1][1].append(w)
        else:
            runs.append((rtl, [w]))
    out: list[str] = []
    for rtl, ws in reversed(runs):
        if rtl:
            out.extend(w[::-1] for w in reversed(ws))
        else:
            out.extend(ws)
    return " ".join(out)


def _ranges(numbers: list[int]) -> str:
    spans: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        spans.append(f"{start}" if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(spans)


__all__ = ["MAX_PAGES", "NO_TEXT_LAYER", "TIMEOUT", "NoTextLayerError", "page_links", "read_pdf"]
