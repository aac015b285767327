"""read: a file -> pages of lines, each line with its offset in the source (and its box, for a PDF).

A PDF is read from its glyphs (read/pdf), its scanned pages by OCR (read/ocr); an image file (PNG, JPEG,
TIFF) by OCR too (read/ocr/images.py); text extracted from a PDF by another tool by read/text.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from unref.model import Source
from unref.read.text import decode_text, read_text, read_text_file

if TYPE_CHECKING:
    from unref.read.ocr.scan import OcrMode, Progress

__all__ = ["BYTES_NAME", "looks_like_image", "looks_like_pdf", "read", "read_text"]
#: Headers of the image files read as scans: PNG, JPEG, TIFF (both byte orders).
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")

BYTES_NAME = "<bytes>"  # what errors call input given as bytes without a name


def read(source: str | Path | bytes | BinaryIO, *, text: str | None = None, max_pages: int | None = None,
         timeout: float | None = None, name: str | None = None, ocr: OcrMode = "auto",
         progress: Progress | None = None) -> Source:
    """Return the pages of lines of a file (text, PDF or image), or of `text` when it is given.

    `source` is a path, the file's bytes, or a binary file object (read whole). Bytes are told a PDF
    or an image from text by their header and never written to a temporary file. `name` is what errors
    call input without a path (else "<bytes>"), and the Source's path. `ocr` (auto, always, never) says
    which pages OCR reads; `progress(done, total)` follows it page by page.
    """
    if text is not None:
        return read_text(text, path=None)
    options = _Options(max_pages, timeout, ocr, progress)
    if isinstance(source, (str, Path)):
        head = _head(Path(source))
        if looks_like_pdf(head, Path(source).name):
            return _read_pdf(source, options, None)
        if looks_like_image(head):
            return _read_image(source, options, None)
        return read_text(read_text_file(Path(source)), path=str(source))
    if not isinstance(source, bytes):
        name = name or _file_name(source)
        source = _read_binary(source)
    if looks_like_pdf(source[:1024], name):
        return _read_pdf(source, options, name)
    if looks_like_image(source[:16]):
        return _read_image(source, options, name)
    return read_text(decode_text(source, name or BYTES_NAME), path=name)


@dataclass(frozen=True, slots=True)
class _Options:
    """The reader's limits (None: its own), which pages OCR reads, and the progress of OCR."""

    max_pages: int | None
    timeout: float | None
    ocr: OcrMode
    progress: Progress | None


def _read_pdf(source: str | Path | bytes, options: _Options, name: str | None) -> Source:
    """Return the Source of a PDF (a path or its bytes), with the reader's limits unless given."""
    from unref.read.pdf import MAX_PAGES, TIMEOUT, read_pdf

    return read_pdf(source, max_pages=options.max_pages or MAX_PAGES, timeout=options.timeout or TIMEOUT,
                    name=name, ocr=options.ocr, progress=options.progress)


def _read_image(source: str | Path | bytes, options: _Options, name: str | None) -> Source:
    """Return the Source of an image file (a path or its bytes), its pages read by OCR."""
    from unref.read.ocr.images import read_image
    from unref.read.pdf import MAX_PAGES, TIMEOUT

    return read_image(source, max_pages=options.max_pages or MAX_PAGES, timeout=options.timeout or TIMEOUT,
                      name=name, ocr=options.ocr, progress=options.progress)


def _read_binary(fh: BinaryIO) -> bytes:
    """Return what is left of a binary file; TypeError for a file opened in text mode."""
    data = fh.read()
    if not isinstance(data, bytes):
        raise TypeError(f"read() takes a file opened in binary mode ('rb'), not one that gives {type(data).__name__}")
    return data


def _file_name(fh: BinaryIO) -> str | None:
    """Return the name of an open file, when it has one that is a path (not a descriptor number)."""
    name = getattr(fh, "name", None)
    return name if isinstance(name, str) else None


def _head(path: Path) -> bytes:
    """Return the first bytes of a file, which tell a PDF or an image ("" where it cannot be read)."""
    try:
        with path.open("rb") as fh:
            return fh.read(1024)
    except OSError:
        return b""  # the text reader says why it cannot be read


def looks_like_image(head: bytes) -> bool:
    """Return True when a file's first bytes are those of a PNG, JPEG or TIFF image (a scan)."""
    return head.startswith(IMAGE_MAGIC)


def looks_like_pdf(head: bytes, name: str | None = None) -> bool:
    """Return True when the first bytes of a file are a PDF's: its header after a BOM or white space,
    or anywhere in them when the file's name ends in .pdf (some producers write a little junk first)."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(b"%PDF") or (
        name is not None and Path(name).suffix.lower() == ".pdf" and b"%PDF-" in head)
