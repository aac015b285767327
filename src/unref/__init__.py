"""unref: turn United Nations documents into structured, linked, searchable records.

The pipeline runs read -> layout -> repair -> structure -> quotes -> cite, and the public API runs it:

- `parse(source)`: a document from a path, its bytes or an open binary file (PDF or extracted text);
- `parse_text(text)`: a document from its text (text extracted from a PDF by another tool);
- `cite_text(text)`: the citations of a sentence or a paragraph with no document around it;
- `Document` (and the `Citation`s it holds): the result, and `Document.from_json` reads back what
  `Document.to_json` wrote;
- `UnrefError`, `InputError` and `LimitError`: what goes wrong, as one line that names the file and
  the reason.
"""

from __future__ import annotations

import _thread
import contextlib
import gc
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TypeGuard

from unref.errors import InputError, LimitError, UnrefError
from unref.model import Citation, Document, LineBoxes, Metadata, Paragraph, Source

if TYPE_CHECKING:
    from unref.read.ocr.scan import OcrMode, Progress
    from unref.read.pdf import NoTextLayerError

__all__ = [
    "Citation",
    "Document",
    "InputError",
    "LimitError",
    "UnrefError",
    "cite_text",
    "parse",
    "parse_text",
]
__version__ = "0.1.0"

# What `parse` reads: a path, the file's bytes, or an open binary file.
ParseSource = str | os.PathLike[str] | bytes | BinaryIO

#: The collector's first threshold while a parse runs. A parse makes hundreds of thousands of small objects
#: (glyphs, lines, offsets) that live until it ends, and few cycles: at Python's default (700) the collector
#: ran ~4 times a PDF page and, every few dozen times, scanned the whole heap: ~10 % of a PDF's parse time.
PARSE_GC_THRESHOLD = 100_000


class _Collector:
    """The parses under way in this process, and the collector's thresholds from before the first of them."""

    __slots__ = ("lock", "parses", "saved")

    def __init__(self) -> None:
        self.lock = _thread.allocate_lock()  # _thread, not threading: `import unref` stays light
        self.parses = 0
        self.saved: tuple[int, int, int] | None = None  # None: the thresholds were left as they were


_COLLECTOR = _Collector()


def parse(source: ParseSource | None = None, *, text: str | None = None, allow_empty: bool = False,
          max_pages: int | None = None, timeout: float | None = None, name: str | None = None,
          ocr: OcrMode = "auto", progress: Progress | None = None) -> Document:
    """Return the Document of a UN document: a PDF, or text extracted from one.

    `source` is a path (str or PathLike) read from disk, or the document's bytes, or an open binary
    file (anything with ``.read()`` that gives bytes), read from memory without a temporary file.
    Bytes are told a PDF from text by their header. `name` is what the Document and errors call
    input that has no path (bytes, or a file object without a name).

    A PDF without a text layer (a scan) raises InputError, or with `allow_empty` gives an empty
    Document that says why in its warnings; so does a document with no text at all. `max_pages`
    and `timeout` (seconds) limit PDF reading: over them, LimitError.

    Scans are read by OCR (Tesseract): `ocr="auto"` reads the pages without a text layer and those
    whose text layer is garbage, "always" every page, "never" none (a scan then raises InputError, as
    above). PNG, JPEG and TIFF images are read as scans. `progress(done, total)` is called as each page
    OCR reads is done. The Document's `ocr` says which pages were read, with what and how confidently.

    For text in a string, use `parse_text`. `text=` is kept for compatibility (it is `parse_text`),
    and so is a string that holds a line break and names no file: it is taken as text.

    Raises InputError when the input cannot be read or is not a UN document, and TypeError when
    `source` is none of the kinds above.
    """
    if text is not None:
        return parse_text(text, allow_empty=allow_empty)
    if source is None:
        raise TypeError("parse() needs a path, bytes or a binary file (for text in a string: parse_text)")
    if isinstance(source, str) and _is_text_not_path(source):
        return parse_text(source, allow_empty=allow_empty)
    with _few_collections():
        try:
            read_from = _read(source, max_pages=max_pages, timeout=timeout, name=name, ocr=ocr, progress=progress)
        except InputError as err:
            if not (allow_empty and _is_scan(err)):
                raise
            return _empty_scan(err, name)
        return _run(read_from, allow_empty)


def parse_text(text: str, *, allow_empty: bool = False) -> Document:
    """Return the Document of a UN document's text (as pdftotext or a PDF viewer gives it).

    The string is always the text, never a path, however short. Raises InputError when it is not
    a UN document, or holds no text (with `allow_empty`: an empty Document with a warning), and
    TypeError when `text` is not a str (for bytes, use `parse`).
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_text() takes a str, not {type(text).__name__} (for bytes or a file: parse)")
    from unref.read import read_text

    with _few_collections():
        return _run(read_text(text), allow_empty)


def cite_text(text: str, *, language: str | None = None) -> list[Citation]:
    """Return the citations in a sentence or paragraph that has no document around it.

    The text is cited as the one paragraph ("p1") of an otherwise empty document, so the citations'
    offsets are offsets in `text`. With no document, no masthead says which organ "its resolution"
    is: a resolution named in words takes its organ from the words or the form of its number, and
    stays unresolved, with a reason, when neither tells. `language` (a two-letter code, "en" if not
    given) is the language of the citations' URLs. Raises TypeError when `text` is not a str.
    """
    if not isinstance(text, str):
        raise TypeError(f"cite_text() takes a str, not {type(text).__name__}")
    from unref.cite import cite

    paragraph = Paragraph(id="p1", kind="body", text=text, page=1)
    return cite(Document(source=None, format="text", metadata=Metadata(language=language), paragraphs=[paragraph]))


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """Run the body with the collector's first threshold raised to PARSE_GC_THRESHOLD, and put it back after.

    Parses in several threads share one setting: the first to start raises it, the last to end restores
    it. A collector that is off (threshold 0) or already set higher is left as it is.
    """
    state = _COLLECTOR
    with state.lock:
        state.parses += 1
        if state.parses == 1:
            saved = gc.get_threshold()
            state.saved = saved if 0 < saved[0] < PARSE_GC_THRESHOLD else None
            if state.saved is not None:
                gc.set_threshold(PARSE_GC_THRESHOLD, saved[1], saved[2])
    try:
        yield
    finally:
        with state.lock:
            state.parses -= 1
            if state.parses == 0 and state.saved is not None:
                gc.set_threshold(*state.saved)


def _is_text_not_path(source: str) -> bool:
    """Return True for a string that holds a line break and names no file: text given where a path goes.

    Kept for compatibility with callers from before `parse_text`; no file name holds a line break.
    """
    return "\n" in source and not Path(source[:4096]).exists()


def _read(source: ParseSource, *, max_pages: int | None, timeout: float | None, name: str | None,
          ocr: OcrMode = "auto", progress: Progress | None = None) -> Source:
    """Return what the read stage gives for a path, bytes or binary file; TypeError for anything else."""
    from unref.read import read

    if isinstance(source, os.PathLike):
        source = Path(source)
    elif not isinstance(source, (str, bytes)) and not callable(getattr(source, "read", None)):
        raise TypeError(f"parse() takes a path, bytes or a binary file, not {type(source).__name__}")
    if ocr not in ("auto", "always", "never"):
        raise ValueError(f"ocr must be 'auto', 'always' or 'never', not {ocr!r}")
    return read(source, max_pages=max_pages, timeout=timeout, name=name, ocr=ocr, progress=progress)


def _is_scan(err: InputError) -> TypeGuard[NoTextLayerError]:
    """Return True when reading failed because the PDF has no text layer (a scan that needs OCR)."""
    from unref.read.pdf import NoTextLayerError

    return isinstance(err, NoTextLayerError)


def _empty_scan(err: NoTextLayerError, name: str | None) -> Document:
    """Return the empty Document of a scan read with `allow_empty`: its warning says why it is empty."""
    from unref.read import BYTES_NAME

    path = name if err.path == BYTES_NAME else err.path
    return Document(source=path, format="pdf", metadata=Metadata(), warnings=[err.reason],
                    pages=err.pages)


def _run(source: Source, allow_empty: bool) -> Document:
    """Return the Document of what the read stage gave: layout, structure, quotes, citations.

    Raises InputError when no paragraph is found, unless `allow_empty` (then a warning says so).
    """
    from unref.cite import cite
    from unref.layout import layout
    from unref.quotes import find_quotes
    from unref.structure import structure

    layout(source)
    doc = structure(source)
    doc.line_boxes = LineBoxes.of(source)  # where each line stands on its page (None for text input)
    doc.ocr = source.ocr
    doc.quotes = find_quotes(doc)
    doc.citations = cite(doc)
    doc.warnings.extend(w for w in source.warnings if w not in doc.warnings)
    if not doc.paragraphs:
        if allow_empty:
            doc.warnings.append("no text found")
            return doc
        raise InputError(source.path, "no text found")
    return doc
