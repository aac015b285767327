"""Search results for research: hits grouped by document, in order of relevance or of date, as rows to export.

`Store.search` ranks passages; a reader asks which documents say it, where (the page of each hit) and
when. `group_hits` folds the hits of one document (all its copies: a PDF and its extracted text are one
document) into one `DocumentHits`, and `sort_groups` orders the documents. `hit_rows` flattens groups
into the rows of a CSV file, one per hit, each carrying its document's facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from unref.corpus.store.base import DocumentInfo, Hit
from unref.corpus.store.errors import BadFilter

__all__ = ["EXPORT_COLUMNS", "SORTS", "DocumentHits", "Sort", "checked_sort", "group_hits", "hit_rows",
           "sort_groups"]

Sort = Literal["relevance", "date"]
SORTS: tuple[Sort, ...] = ("relevance", "date")
# The columns of a CSV export, one row per hit: the document's facts, then the hit's.
EXPORT_COLUMNS = ("symbol", "symbols", "title", "date", "doc_type", "language", "location", "kind", "page",
                  "score", "snippet")


@dataclass(frozen=True, slots=True)
class DocumentHits:
    """The hits of one document, best first: its `document` is the copy of the first (best) hit."""

    document: DocumentInfo
    hits: tuple[Hit, ...]

    @property
    def score(self) -> float:
        """Return the score of the best hit: the document ranks by it."""
        return self.hits[0].score

    @property
    def pages(self) -> list[int]:
        """Return the pages the hits stand on, each once, in page order (a text source has none)."""
        return sorted({h.page for h in self.hits if h.page is not None})

    def to_json(self) -> dict[str, Any]:
        """Return the document's facts and its hits (location, page, snippet with highlights) as JSON."""
        d = self.document
        return {"symbol": d.symbol, "symbols": list(d.symbols), "title": d.title, "date": d.date,
                "doc_type": d.doc_type, "language": d.language, "score": round(self.score, 4), "pages": self.pages,
                "hits": [_hit_fields(h) for h in self.hits]}


def _hit_fields(hit: Hit) -> dict[str, Any]:
    """Return what a hit adds to its document's facts: where it stands, its rank and its snippet."""
    return {"location": hit.ref, "kind": hit.kind, "page": hit.page, "score": round(hit.score, 4),
            "snippet": hit.snippet, "highlights": [list(h) for h in hit.highlights]}


def work_of(doc: DocumentInfo) -> str:
    """Return the name of the document a stored copy belongs to: its first symbol, else its content hash."""
    return doc.symbol or f"sha256:{doc.hash}"


def group_hits(hits: Iterable[Hit]) -> list[DocumentHits]:
    """Return the hits grouped by document, in the order of each document's best hit (hits come best first).

    Copies of one document (the same first symbol) are one group: a search shows a document once.
    """
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(work_of(hit.document), []).append(hit)
    return [DocumentHits(found[0].document, tuple(found)) for found in groups.values()]


def checked_sort(value: str | None) -> Sort:
    """Return a sort order as the store names it; BadFilter, naming the orders allowed, for any other."""
    key = (value or "relevance").strip().lower()
    if key not in SORTS:
        raise BadFilter(f"sort {value!r} is not an order of results; the orders are {', '.join(SORTS)}")
    return key


def _date_key(group: DocumentHits) -> tuple[bool, str, float]:
    """Return the key that puts the newest documents first, undated ones last, and equal dates by relevance."""
    date = group.document.date or ""
    # A descending sort on the date text: ISO dates compare as text; "" (no date) goes last.
    return (not date, _inverted(date), -group.score)


def _inverted(text: str) -> str:
    """Return text whose ascending order is the descending order of ISO date text (digits and hyphens)."""
    return text.translate(_INVERT)


_INVERT = str.maketrans("0123456789", "9876543210")


def sort_groups(groups: list[DocumentHits], sort: Sort) -> list[DocumentHits]:
    """Return the groups by relevance (best hit first, as `group_hits` gives them) or by date, newest first."""
    if sort == "date":
        return sorted(groups, key=_date_key)
    return list(groups)


def hit_rows(groups: Iterable[DocumentHits]) -> Iterator[dict[str, Any]]:
    """Yield one flat row per hit, in group order: the columns of `EXPORT_COLUMNS`."""
    for group in groups:
        d = group.document
        facts = {"symbol": d.symbol, "symbols": " | ".join(d.symbols), "title": d.title, "date": d.date,
                 "doc_type": d.doc_type, "language": d.language}
        for hit in group.hits:
            yield {**facts, "location": hit.ref, "kind": hit.kind, "page": hit.page,
                   "score": round(hit.score, 4), "snippet": hit.snippet}
