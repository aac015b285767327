"""unref: turn United Nations documents into structured, linked, searchable records.

The pipeline runs read -> layout -> repair -> structure -> cite; `parse` runs it whole.
"""

from __future__ import annotations

from pathlib import Path

from unref.errors import InputError, UnrefError
from unref.model import Document, Metadata

__all__ = ["Document", "InputError", "UnrefError", "parse"]
__version__ = "0.1.0"


def parse(path_or_text: str | Path | None = None, *, text: str | None = None, allow_empty: bool = False,
          max_pages: int | None = None, timeout: float | None = None) -> Document:
    """Return the Document parsed from a file path, or from raw extracted text.

    A string that names no existing file and holds a line break is taken as text. A PDF
    without a text layer (a scan) raises InputError, or with `allow_empty` gives an empty
    Document that says why in its warnings. `max_pages` and `timeout` (seconds) limit PDF reading.
    """
    from unref.layout import layout
    from unref.quotes import find_quotes
    from unref.read import read, read_text
    from unref.structure import structure

    if text is not None:
        source = read_text(text)
    elif path_or_text is None:
        raise TypeError("parse() needs a path or text=")
    elif isinstance(path_or_text, str) and "\n" in path_or_text and not Path(path_or_text[:4096]).exists():
        source = read_text(path_or_text)
    else:
        try:
            source = read(path_or_text, max_pages=max_pages, timeout=timeout)
        except InputError as err:
            from unref.read.pdf import NoTextLayerError

            if not (allow_empty and isinstance(err, NoTextLayerError)):
                raise
            return Document(source=err.path, format="pdf", metadata=Metadata(), warnings=[err.reason],
                            pages=err.pages)
    layout(source)
    doc = structure(source)
    doc.quotes = find_quotes(doc)
    from unref.cite import cite

    doc.citations = cite(doc)
    doc.warnings.extend(w for w in source.warnings if w not in doc.warnings)
    if not doc.paragraphs:
        if allow_empty:
            doc.warnings.append("no text found")
            return doc
        raise InputError(source.path, "no text found")
    return doc
