"""read.pdf.assemble: labelled lines of every page -> the Source: its text, lines with boxes, markers.
"""

from __future__ import annotations

import re

from unref.model import RTL_RE, Line, Page, Source
from unref.read.pdf.geometry import PageGeometry, doc_stats
from unref.read.pdf.glyphs import note_text, to_frame
from unref.read.pdf.labels import label_page
from unref.read.pdf.order import OutLine
from unref.text.chars import noncharacter_warning, replace_noncharacters

# A note that starts with its label in the style of the 1990s ("1/ A/42/521-S/19085, annex."), and its marker.
SLASH_NOTE_RE = re.compile(r"^\s*(\d{1,3}|[a-z])/\s")
SLASH_MARKER_RE = re.compile(r"(?<=\S )(\d{1,3}|[a-z])/(?=[\s,.;:)]|$)")
HYPHEN_END_RE = re.compile(r"[^\W\d_]-$")  # a line of a cell that ends in a hyphen after a letter
_LTR_RE = re.compile(r"[A-Za-z0-9\u00c0-\u024f\u0400-\u04ff]")


def assemble(name: str | None, pages: list[PageGeometry], links: list[tuple[int, str]]) -> Source:
    """Return the Source of the read pages: one text (pages parted by form feeds), labelled lines with
    their boxes, the footnote markers that geometry tells (superscripts, then 1990s slash markers), links."""
    stats = doc_stats(pages)
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
        for j, line in enumerate(label_page(geo, stats)):
            if j:
                texts.append("\n")
                pos += 1
            text, line_markers, cells = _row_text(line) if line.cells is not None else (*_line_text(line), None)
            box = _page_box(line) if line.frags else None
            size = line.frags[0].size if line.frags else None
            page.lines.append(Line(text=text, start=pos, page=geo.number, box=box, font_size=size, kind=line.kind,
                                   cells=cells))
            if line.kind in ("body", "table"):
                markers.extend((pos + off, label) for off, label in line_markers)
            texts.append(text)
            pos += len(text)
        markers.extend(slash_markers(page.lines))
        out_pages.append(page)
    text, replaced = replace_noncharacters("".join(texts))
    if replaced:
        _replace_in_lines(out_pages)
    source = Source(path=name, text=text, pages=out_pages, format="pdf", style="pdf", links=_clean_links(links),
                    markers=markers)
    if replaced:
        source.warnings.append(noncharacter_warning(replaced))
    if empty_pages:
        source.warnings.append(f"pages without a text layer: {page_ranges(empty_pages)} (scanned; OCR needed)")
    return source


def _replace_in_lines(pages: list[Page]) -> None:
    """Replace lone surrogates and non-characters in each line as in the text: one code point for one,
    so that every offset holds."""
    for page in pages:
        for line in page.lines:
            line.text = replace_noncharacters(line.text)[0]


def _clean_links(links: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Return the link addresses with lone surrogates and non-characters replaced (a damaged annotation)."""
    return [(page, replace_noncharacters(uri)[0]) for page, uri in links]


def _page_box(line: OutLine) -> tuple[float, float, float, float]:
    """Return the line's box in the page's own coordinates (left, bottom, right, top); a table row's box
    holds all its cells."""
    y0 = min(f.base for f in line.frags)
    y1 = max(f.top for f in line.frags)
    x0, x1 = line.x0, line.x1
    if line.cells is not None:
        x0, x1 = min(f.x0 for f in line.frags), max(f.x1 for f in line.frags)
    row = line.frags[0].row
    if not row.turn:
        return (x0, y0, x1, y1)
    dx, dy = row.offset
    return to_frame((4 - row.turn) % 4, x0 - dx, y0 - dy, x1 - dx, y1 - dy)


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


def _line_text(line: OutLine) -> tuple[str, list[tuple[int, str]]]:
    """Return a line's text (fragments joined by a space) and its markers' offsets in it; a right-to-left
    line is put back in reading order, and its markers are dropped (their offsets would not hold)."""
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
    if RTL_RE.search(text):
        return _visual_to_logical(text), []
    return text, markers


def _row_text(line: OutLine) -> tuple[str, list[tuple[int, str]], tuple[tuple[int, int], ...]]:
    """Return a table row's text (its cells parted by a space; an empty cell adds none, its span is
    empty), its markers' offsets, and each cell's [start, end) in the text. A cell's lines are joined by a space, or by
    nothing after a hyphen that ends a line on a letter ("surface-to-" + "surface")."""
    parts: list[str] = []
    markers: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for cell in line.cells or []:
        if cell and pos:
            parts.append(" ")
            pos += 1
        start = pos
        for j, frag in enumerate(cell):
            text, ms = frag.content()
            if j and not HYPHEN_END_RE.search(parts[-1]):
                parts.append(" ")
                pos += 1
            markers.extend((pos + off, label) for off, label in ms)
            parts.append(text)
            pos += len(text)
        spans.append((start, pos))
    text = "".join(parts)
    if RTL_RE.search(text):
        # Each cell in reading order (the same length); the cells keep the order of the page's columns.
        text = "".join(_visual_to_logical(text[a:b]) if RTL_RE.search(text[a:b]) else text[a:b]
                       for a, b in _with_gaps(spans, len(text)))
        return text, [], tuple(spans)
    return text, markers, tuple(spans)


def _with_gaps(spans: list[tuple[int, int]], end: int) -> list[tuple[int, int]]:
    """Return the spans with the stretches between them (the spaces that part cells), up to `end`."""
    out: list[tuple[int, int]] = []
    pos = 0
    for a, b in spans:
        if a > pos:
            out.append((pos, a))
        out.append((a, b))
        pos = max(pos, b)
    if pos < end:
        out.append((pos, end))
    return out


def _visual_to_logical(text: str) -> str:
    """Return a right-to-left line in reading order; runs of Latin letters and digits keep theirs."""
    words = text.split(" ")
    runs: list[tuple[bool, list[str]]] = []
    for w in words:
        rtl = not (_LTR_RE.search(w) and not RTL_RE.search(w))
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


def page_ranges(numbers: list[int]) -> str:
    """Return page numbers as ranges: [1, 2, 3, 7] -> "1–3, 7"."""
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
