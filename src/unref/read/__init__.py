"""read: a file -> pages of lines, each line with its offset in the source (and its box, for a PDF).

A PDF is read from its glyphs (read/pdf); text extracted from a PDF by another tool is read by
read/text.py. Room is kept here for readers of other sources (OCR of scans).
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from unref.model import Source
from unref.read.text import decode_text, read_text, read_text_file

__all__ = ["BYTES_NAME", "looks_like_pdf", "read", "read_text"]

BYTES_NAME = "<bytes>"  # what errors call input given as bytes without a name


def read(source: str | Path | bytes | BinaryIO, *, text: str | None = None, max_pages: int | None = None,
         timeout: float | None = None, name: str | None = None) -> Source:
    """Return the pages of lines of a file (text or PDF), or of `text` when it is given.

    `source` is a path, the file's bytes, or a binary file object (read whole). Bytes are told a PDF
    from text by their header and never written to a temporary file. `name` is what errors call
    input without a path (else "<bytes>"), and the Source's path.
    """
    if text is not None:
        return read_text(text, path=None)
    if isinstance(source, (str, Path)):
        if _is_pdf(Path(source)):
            return _read_pdf(source, max_pages, timeout, None)
        return read_text(read_text_file(Path(source)), path=str(source))
    if not isinstance(source, bytes):
        name = name or _file_name(source)
        source = _read_binary(source)
    if looks_like_pdf(source[:1024], name):
        return _read_pdf(source, max_pages, timeout, name)
    return read_text(decode_text(source, name or BYTES_NAME), path=name)


def _read_pdf(source: str | Path | bytes, max_pages: int | None, timeout: float | None,
              name: str | None) -> Source:
    """Return the Source of a PDF (a path or its bytes), with the reader's limits unless given."""
    from unref.read.pdf import MAX_PAGES, TIMEOUT, read_pdf

    return read_pdf(source, max_pages=max_pages or MAX_PAGES, timeout=timeout or TIMEOUT, name=name)


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


def _is_pdf(path: Path) -> bool:
    """Return True when the file starts like a PDF (a .pdf file's header may follow a little junk)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError:
        return False  # the text reader says why it cannot be read
    return looks_like_pdf(head, path.name)


def looks_like_pdf(head: bytes, name: str | None = None) -> bool:
    """Return True when the first bytes of a file are a PDF's: its header after a BOM or white space,
    or anywhere in them when the file's name ends in .pdf (some producers write a little junk first)."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(b"%PDF") or (
        name is not None and Path(name).suffix.lower() == ".pdf" and b"%PDF-" in head)
