"""The source PDF beside the text: its pages as images, and where each paragraph, note and citation stands on them.

The document page shows the page of the paragraph in view, with that paragraph and its citations
highlighted. The store keeps each paragraph's spans (its text mapped to offsets in the source) but not
the boxes of the source's lines, so the boxes come from the PDF itself: the read stage is run once on the
stored file (`LineBoxes.of`), checked to be the very file ingested (its content hash), and kept for the
next requests (a small cache). A page image is rendered by pypdfium2. Nothing is shown for a document
read from extracted text, a file that is gone or changed, or a scan read by OCR: `Unavailable` says why.
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from unref.corpus.store import DocumentInfo, content_hash
from unref.model import Box, Document, LineBoxes

__all__ = ["IMAGE_SCALE", "Unavailable", "boxes_of", "page_image", "page_sizes", "source_file", "unavailable"]

IMAGE_SCALE = 1.5  # pixels per PDF point of a page image: 918 x 1188 for A4-ish pages, sharp beside the text
CACHED_DOCUMENTS = 8  # documents whose boxes are kept: reading a PDF again takes about a second per ten pages
CACHED_IMAGES = 32

K = TypeVar("K")
V = TypeVar("V")


class _Cache(Generic[K, V]):
    """A small least-recently-used cache, safe across the server's threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[K, V] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: K, make: Callable[[], V]) -> V:
        """Return the value kept for `key`, or make it (outside the lock: two makers of one key both work)."""
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = make()
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value


_boxes: _Cache[str, dict[str, Any]] = _Cache(CACHED_DOCUMENTS)
# PDFs read again at once, at most: each keeps a core busy for up to a second per ten pages, as an upload's parse does.
_reading = threading.BoundedSemaphore(2)
_images: _Cache[tuple[str, int], bytes | None] = _Cache(CACHED_IMAGES)


@dataclass(frozen=True, slots=True)
class Unavailable:
    """Why the page of a document cannot be shown or highlighted, in words for the reader."""

    reason: str


def source_file(doc: DocumentInfo) -> Path | None:
    """Return the PDF that the document was read from, when the store keeps its path and the file is readable."""
    if doc.format != "pdf" or not doc.path:
        return None
    path = Path(doc.path)
    try:
        return path if path.suffix.lower() == ".pdf" and path.is_file() and path.stat().st_size > 0 else None
    except OSError:
        return None


def unavailable(doc: DocumentInfo, record: dict[str, Any]) -> Unavailable | None:
    """Return why the document's pages cannot be shown beside its text, or None when they can."""
    if doc.format != "pdf":
        return Unavailable("This document was read from extracted text, not a PDF: there is no page to show.")
    if not doc.path:
        return Unavailable("The corpus does not keep the path of the PDF this document was read from.")
    if source_file(doc) is None:
        return Unavailable(f"The PDF this document was read from ({Path(doc.path).name}) is not on this server "
                           "any more, so its pages cannot be shown.")
    return None


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """Return the width and height of each page, in PDF points."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [(float(w), float(h)) for w, h in (pdf[i].get_size() for i in range(len(pdf)))]
    finally:
        pdf.close()


def page_image(path: Path, doc_hash: str, page: int) -> bytes | None:
    """Return page `page` (1-based) of the PDF as PNG, or None when it has no such page."""
    return _images.get((doc_hash, page), lambda: _render(path, page))


def _render(path: Path, page: int) -> bytes | None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        if not 1 <= page <= len(pdf):
            return None
        image = pdf[page - 1].render(scale=IMAGE_SCALE).to_pil()
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=False)
        return out.getvalue()
    finally:
        pdf.close()


def _placed(doc: Document, sizes: list[tuple[float, float]], location: str, start: int,
            end: int) -> list[list[float]]:
    """Return the boxes of [start, end) of a paragraph or note as [page, x, y, width, height], from the page's top
    left (as an image is drawn), in PDF points."""
    out = []
    for page, box in doc.boxes(location, start, end):
        out.append([page, *_from_top(box, sizes[page - 1][1] if 0 < page <= len(sizes) else 0.0)])
    return out


def _from_top(box: Box, height: float) -> list[float]:
    """Return a box (left, bottom, right, top; y up from the page's foot) as x, y, width, height from its top."""
    left, bottom, right, top = box
    return [round(left, 1), round(height - top, 1), round(right - left, 1), round(top - bottom, 1)]


def boxes_of(doc: DocumentInfo, record: dict[str, Any], *, max_pages: int, timeout: float) -> dict[str, Any]:
    """Return where the document's paragraphs, notes and citations stand on its pages (cached per document).

    ``{"pages": [[width, height], ...], "paragraphs": {id: boxes}, "footnotes": {"fn:label": boxes},
    "citations": [boxes, ...] (in the record's order), "reason": None}``; without boxes, "reason" says why.
    """
    return _boxes.get(doc.hash, lambda: _compute(doc, record, max_pages=max_pages, timeout=timeout))


def _compute(doc: DocumentInfo, record: dict[str, Any], *, max_pages: int, timeout: float) -> dict[str, Any]:
    empty: dict[str, Any] = {"pages": [], "paragraphs": {}, "footnotes": {}, "citations": [], "reason": None}
    missing = unavailable(doc, record)
    path = source_file(doc)
    if missing is not None or path is None:
        return {**empty, "reason": missing.reason if missing else "no PDF"}
    sizes = page_sizes(path)
    empty["pages"] = [list(s) for s in sizes]
    if record.get("ocr"):  # the spans point into what OCR read, which is not read again here
        return {**empty, "reason": "Pages read by OCR are shown without highlights."}
    if content_hash(path) != doc.hash:
        return {**empty, "reason": "The PDF on the server is not the file that was ingested: no highlights."}
    with _reading:
        lines = _line_boxes(path, max_pages=max_pages, timeout=timeout)
    try:
        parsed = Document.from_json(record)
    except ValueError:  # a record of another schema version
        parsed = None
    if lines is None or parsed is None:
        return {**empty, "reason": "The PDF could not be read again to place the highlights."}
    parsed.line_boxes = lines
    return {
        "pages": empty["pages"], "reason": None,
        "paragraphs": {p.id: _placed(parsed, sizes, p.id, 0, len(p.text)) for p in parsed.paragraphs},
        "footnotes": {f"fn:{f.label}": _placed(parsed, sizes, f"fn:{f.label}", 0, len(f.text))
                      for f in parsed.footnotes},
        "citations": [_placed(parsed, sizes, c.location, c.start, c.end) for c in parsed.citations],
    }


def _line_boxes(path: Path, *, max_pages: int, timeout: float) -> LineBoxes | None:
    """Return the boxes of the PDF's lines as the read stage gives them, or None when it cannot be read."""
    from unref.errors import UnrefError
    from unref.read import read

    try:
        return LineBoxes.of(read(path, max_pages=max_pages, timeout=timeout, ocr="never"))
    except UnrefError:
        return None
