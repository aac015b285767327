"""read: a file -> pages of lines, each line with its offset in the source (and its box, for a PDF).

A PDF is read from its glyphs (read/pdf); text extracted from a PDF by another tool is read by
read/text.py. Room is kept here for readers of other sources (OCR of scans).
"""

from __future__ import annotations

from pathlib import Path

from unref.model import Source
from unref.read.text import read_text, read_text_file

__all__ = ["read", "read_text"]


def read(source: str | Path, *, text: str | None = None, max_pages: int | None = None,
         timeout: float | None = None) -> Source:
    """Return the pages of lines of a file (text or PDF), or of `text` when it is given."""
    path = None if text is not None else str(source)
    if text is None:
        if _is_pdf(Path(source)):
            from unref.read.pdf import MAX_PAGES, TIMEOUT, read_pdf

            return read_pdf(source, max_pages=max_pages or MAX_PAGES, timeout=timeout or TIMEOUT)
        text = read_text_file(Path(source))
    return read_text(text, path=path)


def _is_pdf(path: Path) -> bool:
    """Return True when the file starts like a PDF (a .pdf file's header may follow a little junk)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError:
        return False  # the text reader says why it cannot be read
    return head.lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(b"%PDF") or (
        path.suffix.lower() == ".pdf" and b"%PDF-" in head)


