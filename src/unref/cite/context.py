"""What the cite stage works on: the units it reads, and the facts of the document around them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from unref.cite import patterns as P
from unref.cite.around import iso
from unref.cite.organs import ORGAN_BY_NAME, ResolutionOrgan, organ_of_symbol
from unref.model import Citation, Document, Metadata
from unref.symbols import try_parse
from unref.text.regexes import lazy

__all__ = ["Context", "Unit", "canon"]


@dataclass(slots=True)
class Unit:
    """A paragraph or footnote: the text where citations are found, and where it stands."""

    location: str
    text: str
    footnote: bool
    citations: list[Citation] = field(default_factory=list)
    kind: str = "footnote"
    _lowered: str | None = field(default=None, init=False, repr=False, compare=False)
    _names_resolutions: bool | None = field(default=None, init=False, repr=False, compare=False)

    def lowered(self) -> str:
        """Return the text in lower case, made once: the keyword prefilters of several families read it."""
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    def names_resolutions(self) -> bool:
        """Return whether the text holds a keyword of resolutions or decisions (`patterns.RES_PREFILTER`), asked
        once: the paragraph after asks it again, for a list carried over."""
        if self._names_resolutions is None:
            self._names_resolutions = P.RES_PREFILTER.found_in(self.text, self.lowered())
        return self._names_resolutions


@dataclass(slots=True)
class Context:
    """Facts of the document that resolution needs, and what earlier citations taught."""

    own: set[str]
    organs: list[ResolutionOrgan]  # the document's organs, those of its own symbols first
    language: str
    year: int | None
    own_dates: set[str | None] = field(default_factory=set)  # dates of the letters the document is
    memory: dict[tuple[Any, ...], str] = field(default_factory=dict)
    organ_names: tuple[str, ...] = ()  # the bodies heading the masthead, as printed

    @classmethod
    def of(cls, doc: Document) -> Context:
        """Return the context of `doc`: its own symbols, organs, language, year and dates."""
        md = doc.metadata
        year = int(md.date[:4]) if md.date and md.date[:4].isdigit() else None
        own_dates = {iso(m.group()) for m in P.DATE_RE.finditer((md.title or "")[:120])}
        return cls({canon(s) for s in md.symbols}, _document_organs(md), (md.language or "en").lower()[:2], year,
                   own_dates - {None}, organ_names=tuple(md.organs))


def _document_organs(md: Metadata) -> list[ResolutionOrgan]:
    """Return the document's organs, once each: those of its own symbols first, then those its metadata names."""
    symbols = [try_parse(text) for text in md.symbols]
    candidates = [organ_of_symbol(sym) if sym else None for sym in symbols]
    candidates += [ORGAN_BY_NAME.get(name) for name in md.organs]
    organs: list[ResolutionOrgan] = []
    for organ in candidates:
        if organ and organ not in organs:
            organs.append(organ)
    return organs


def canon(symbol: str) -> str:
    """Return a symbol folded for comparison: no spaces, upper case, no reissue mark."""
    return _BLANK_OR_STAR_RE.sub("", symbol).upper()


_BLANK_OR_STAR_RE = lazy(r"[\s*]")
