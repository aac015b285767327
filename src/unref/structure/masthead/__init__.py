"""The masthead of a UN document's first page, and the metadata the rest of the document gives.

reader.py reads the labelled lines of page 1 (symbols, organs, date, agenda, title); metadata.py reads the
text's language, the request to circulate a letter, the signatories and the document's type.
"""

from __future__ import annotations

from unref.structure.masthead.metadata import (
    detect_language,
    doc_type,
    finish_metadata,
    read_circulation,
    read_job_number,
)
from unref.structure.masthead.reader import (
    LANGUAGE_NAMES,
    MONTH_NUMBERS,
    TITLE_END_RE,
    Masthead,
    agenda_items,
    iso_date,
    read_masthead,
    title_parts,
)

__all__ = [
    "LANGUAGE_NAMES",
    "MONTH_NUMBERS",
    "TITLE_END_RE",
    "Masthead",
    "agenda_items",
    "detect_language",
    "doc_type",
    "finish_metadata",
    "iso_date",
    "read_circulation",
    "read_job_number",
    "read_masthead",
    "title_parts",
]
