"""What the cite stage works on: the units it reads, and the facts of the document around them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from unref.cite import patterns as P
from unref.cite.around import iso
from unref.cite.organs import ORGAN_BY_NAME, organ_of_symbol
from unref.model import Citation, Document
from unref.symbols import try_parse

__all__ = ["Context", "Unit", "canon"]


@dataclass(slots=True)
class Unit:
    """A paragraph or footnote: the text where citations are found, and where it stands."""

    location: str
    text: str
    footnote: bool
    citations: list[Citation] = field(default_factory=list)
    kind: str = "footnote"


@dataclass(slots=True)
class Context:
    """Facts of the document that resolution needs, and what earlier citations taught."""

    own: set[str]
    organs: list[str]  # organ codes of the document, its own symbols first
    language: str
    year: int | None
    own_dates: set[str | None] = field(default_factory=set)  # dates of the letters the document is
    memory: dict[tuple[Any, ...], str] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document) -> Context:
        md = doc.metadata
        organs: list[str] = []
        for text in md.symbols:
            sym = try_parse(text)
            code = organ_of_symbol(sym) if sym else None
            if code and code not in organs:
                organs.append(code)
        for name in md.organs:
            code = ORGAN_BY_NAME.get(name)
            if code and code not in organs:
                organs.append(code)
        year = int(md.date[:4]) if md.date and md.date[:4].isdigit() else None
        own_dates = {iso(m.group()) for m in P.DATE_RE.finditer((md.title or "")[:120])}
        return cls({canon(s) for s in md.symbols}, organs, (md.language or "en").lower()[:2], year,
                   own_dates - {None})


def canon(symbol: str) -> str:
    """Return a symbol folded for comparison: no spaces, upper case, no reissue mark."""
    return re.sub(r"[\s*]", "", symbol).upper()
