"""unref: turn United Nations documents into structured, linked, searchable records.

The pipeline runs read -> layout -> repair -> structure -> cite; `parse` runs it whole.
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError, UnrefError
from .model import Document

__all__ = ["Document", "InputError", "UnrefError", "parse"]
__version__ = "0.1.0"


def parse(path_or_text: str | Path | None = None, *, text: str | None = None) -> Document:
    """Return the Document parsed from a file path, or from raw extracted text.

    A string that names no existing file and holds a line break is taken as text.
    """
    from .layout import layout
    from .quotes import find_quotes
    from .read import read, read_text
    from .structure import structure

    if text is not None:
        source = read_text(text)
    elif path_or_text is None:
        raise TypeError("parse() needs a path or text=")
    elif isinstance(path_or_text, str) and "\n" in path_or_text and not Path(path_or_text[:4096]).exists():
        source = read_text(path_or_text)
    else:
        source = read(path_or_text)
    layout(source)
    doc = structure(source)
    doc.quotes = find_quotes(doc)
    from .cite import cite

    doc.citations = cite(doc)
    if not doc.paragraphs:
        raise InputError(source.path, "no text found")
    return doc
