"""pdf: PDF bytes -> pages of lines with their geometry, labelled by where they stand on the page.

Part of the read stage for PDF input. pypdfium2 gives every glyph with its box and
font size. Lines are built from the glyphs' geometry rather than from the
extractor's own line breaks; word spaces come from the gaps between glyphs, so a
justified word is never split and two words are never glued; the reading order
comes from the white space between blocks (an XY cut), so that masthead columns
read one after the other. Running heads and feet, the footnote area under its
rule, superscript markers, paragraph breaks and tables are told by their place,
size and rise, and set as each line's `kind`; the layout stage keeps them.

The modules, in the order data flows: opening (the file or its bytes -> pdfium document, links),
glyphs (glyphs -> runs -> rows -> fragments, and a fragment's text), geometry (one page's rows,
rules and images; the document's body size), order (reading order by an XY cut), labels (furniture,
footnote area, paragraph breaks), assemble (the Source: text, lines with boxes, markers).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from unref.deadline import time_limit
from unref.errors import InputError, LimitError
from unref.model import Source
from unref.read.pdf.assemble import assemble, slash_markers
from unref.read.pdf.geometry import MIN_CHARS_PER_PAGE, PageGeometry, read_page
from unref.read.pdf.opening import check_bytes, check_file, load_page, open_document, page_links

if TYPE_CHECKING:  # read.ocr builds on read.pdf's geometry: imported where a page needs OCR
    from unref.read.ocr.scan import OcrMode, Progress, ScanResult

MAX_PAGES = 2000
TIMEOUT = 120.0  # seconds for one document
NO_TEXT_LAYER = "no text layer (scanned document; OCR needed)"


class NoTextLayerError(InputError):
    """A PDF whose pages carry no text: a scan that needs OCR (or that OCR could not read)."""

    def __init__(self, path: str, pages: int, reason: str = NO_TEXT_LAYER) -> None:
        """Name the file and keep its page count (an empty Document of a scan reports it)."""
        super().__init__(path, reason)
        self.pages = pages


def read_pdf(source: str | Path | bytes, *, max_pages: int = MAX_PAGES, timeout: float = TIMEOUT,
             password: str | None = None, name: str | None = None, ocr: OcrMode = "auto",
             progress: Progress | None = None) -> Source:
    """Return the pages of labelled lines of a PDF, with its link addresses and footnote markers.

    `source` is a path or the PDF's bytes, read from memory (no temporary file). Errors name the
    file: its path, or `name`, or "<bytes>"; the Source's path is the file's path or `name`.
    `ocr` says which pages OCR reads (read.ocr.scan: auto, the pages without a text layer or with a
    garbage one; always; never); `progress(done, total)` is called as each of those pages is read.
    """
    path = str(source) if not isinstance(source, bytes) else name
    label = path or "<bytes>"
    deadline = time.monotonic() + timeout
    if isinstance(source, bytes):
        check_bytes(label, len(source), source[:1024], source[-4096:])
    else:
        check_file(Path(source))
    try:
        pages, links = _read_pages(source, label, password, max_pages, (deadline, timeout), ocr != "never")
        scan = _read_scans(source, label, password, pages, ocr, deadline, timeout, progress)
    except LimitError as err:
        if err.path is not None:
            raise
        raise LimitError(label, err.reason, err.limit) from None  # the glyph loop knows no file name
    if sum(geo.chars for geo in pages) < MIN_CHARS_PER_PAGE * len(pages):
        raise NoTextLayerError(label, len(pages))  # OCR, where it ran, found nothing either: its warnings say so
    out = assemble(path, pages, links)
    if scan is not None:
        out.ocr = scan.record
        out.warnings.extend(scan.warnings)
    return out


def _read_pages(source: str | Path | bytes, label: str, password: str | None, max_pages: int,
                limit: tuple[float, float], keep_text: bool) -> tuple[list[PageGeometry], list[tuple[int, str]]]:
    """Return the geometry of every page of the PDF and its link addresses (page, uri); `limit` is the
    (monotonic deadline, timeout) of the reading."""
    deadline, timeout = limit
    doc = open_document(source if isinstance(source, bytes) else label, label, password)
    try:
        count = len(doc)
        if count > max_pages:
            # The reason names no option: the CLI adds its own (--max-pages) by LimitError.limit.
            raise LimitError(label, f"too many pages ({count}; the limit is {max_pages})", "max_pages")
        pages: list[PageGeometry] = []
        links: list[tuple[int, str]] = []
        # The limit holds inside a page too: the glyph loop looks at the clock (unref.deadline).
        with time_limit(timeout):
            for index in range(count):
                if time.monotonic() > deadline:
                    raise LimitError(label, f"reading took longer than {timeout:g} s (the limit)", "timeout")
                page = load_page(doc, index, label)
                try:
                    pages.append(read_page(page, index + 1, keep_text))
                    links.extend((index + 1, uri) for uri in page_links(doc, page))
                finally:
                    page.close()
    finally:
        doc.close()
    return pages, links


def _read_scans(source: str | Path | bytes, label: str, password: str | None, pages: list[PageGeometry],
                ocr: OcrMode, deadline: float, timeout: float, progress: Progress | None) -> ScanResult | None:
    """Read by OCR the pages that `ocr` asks for, in place in `pages`; return what OCR gave, or None when it
    read no page. Where the engine is missing, a document with text elsewhere is read without those pages
    (a warning says so), and a scan fails with the reason."""
    from unref.read.ocr.engine import EngineMissing
    from unref.read.ocr.scan import pages_to_read, read_scan
    from unref.read.ocr.sources import SourceSpec

    # The spec goes to pages_to_read too: auto looks at the PDF's pages for an old OCR layer (read.ocr.layer).
    spec = SourceSpec("pdf", source if isinstance(source, bytes) else str(source), password)
    jobs, language = pages_to_read(pages, ocr, spec)
    if not jobs:
        return None
    try:
        scan = read_scan(spec, jobs, language, deadline=deadline, timeout=timeout, progress=progress)
    except EngineMissing as err:
        if all(geo.scanned for geo in pages):
            raise InputError(label, f"{NO_TEXT_LAYER}, and OCR cannot run: {err}") from None
        return None
    for index, geo in scan.pages.items():
        pages[index] = geo
    return scan


__all__ = ["MAX_PAGES", "NO_TEXT_LAYER", "TIMEOUT", "NoTextLayerError", "page_links", "read_pdf", "slash_markers"]
