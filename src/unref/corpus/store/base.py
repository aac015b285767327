"""The Store interface, the rows it holds, and the SQL-free work of turning a record into rows.

`prepare` runs in the parse workers: it splits an ``unref.document/1`` record into the
rows that every backend writes (documents, symbols, organs, agenda items, passages,
citations), so that the single writer only executes inserts.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import time
import zlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar

from unref.catalogue import organ_name
from unref.corpus.store.errors import BadFilter, SearchTimeout, StoreError
from unref.corpus.store.query import Query, parse_query, snippet
from unref.errors import UnrefError
from unref.symbols import Symbol, normalise, parse_double, try_parse

__all__ = [
    "CitationRow",
    "DocumentInfo",
    "Edge",
    "Failure",
    "Filters",
    "Hit",
    "Passage",
    "Prepared",
    "Store",
    "StoreError",
    "content_hash",
    "expand_record",
    "now",
    "prepare",
    "redact",
    "symbol_key",
]


def now() -> str:
    """Return the current UTC time as ISO 8601 text, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def redact(url: str) -> str:
    """Return a database URL with its password replaced by ***."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def content_hash(path: str | Path) -> str:
    """Return the SHA-256 of the file's bytes, in hex: the key of a document in the corpus."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


# A symbol as a user types it: any case, spaces around its slashes. UN symbols are upper case but for the
# words of their suffixes, written Add., Corr., Rev. and so on (Editorial Manual, "Document symbols").
_SLASH_SPACES = re.compile(r"\s*/\s*")
_SUFFIX_WORDS = re.compile(r"(?<=/)(ADD|CORR|REV|AMEND|SUMMARY|ERRATUM)(?=\.)")


def _as_printed(text: str) -> str:
    """Return a symbol typed in any case and spacing in the case and spacing it is printed in."""
    upper = _SLASH_SPACES.sub("/", text.strip()).upper()
    return _SUFFIX_WORDS.sub(lambda m: m[1].capitalize(), upper)


def symbol_key(text: str) -> str:
    """Return the form under which a symbol is stored and looked up: canonical, without reissue mark.
    A symbol typed in lower case or with spaces ("s/res/2745 (2024)") is looked up as printed."""
    symbol = try_parse(text) or try_parse(_as_printed(text))
    if symbol is None:
        return normalise(text).rstrip("*")
    return str(replace(symbol, reissue=False))


def symbol_keys(text: str) -> list[str]:
    """Return the keys of a symbol as a user writes it, in any case and spacing; a double symbol gives two."""
    for form in (text, _as_printed(text)):
        if (single := try_parse(form)) is not None:
            return [str(replace(single, reissue=False))]
        try:
            return [str(replace(s, reissue=False)) for s in parse_double(form)]
        except ValueError:
            continue
    return [symbol_key(text)]


def _base_key(text: str) -> str | None:
    symbol: Symbol | None = try_parse(text)
    return str(symbol.base) if symbol is not None else None


# ---------------------------------------------------------------------------
# Rows


PASSAGE_BITS = 20  # a passage's id is its document's id shifted left by this, plus its position


def passage_id(doc_id: int, seq: int) -> int:
    """Return the id of a document's passage: full-text matches name their document without a lookup."""
    return (doc_id << PASSAGE_BITS) | seq


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph or footnote as a full-text row; `ref` is the id that citation locations use."""

    seq: int
    kind: str  # "paragraph" or "footnote"
    ref: str  # "p12" or "fn:3"
    role: str  # the paragraph kind (body, heading, quote, ...) or "footnote"
    page: int | None
    text: str


@dataclass(frozen=True, slots=True)
class CitationRow:
    """A citation as a row: a UN symbol's `target` is its key, and `target_base` its Symbol.base."""

    seq: int
    kind: str
    target: str | None
    target_base: str | None
    text: str
    location: str
    start: int
    end: int
    url: str | None
    resolved: int


@dataclass(frozen=True, slots=True)
class Prepared:
    """A parsed document split into the rows that the store writes, keyed by the source's hash."""

    hash: str
    path: str | None
    symbols: tuple[str, ...]  # keys, in masthead order
    bases: tuple[str, ...]  # Symbol.base of each symbol
    title: str | None
    doc_type: str | None
    date: str | None
    language: str | None
    format: str
    pages: int
    organs: tuple[str, ...]
    agenda_items: tuple[tuple[str, str], ...]  # (organ, item)
    record: bytes  # the record without passage texts, JSON compressed with zlib
    passages: tuple[Passage, ...]
    citations: tuple[CitationRow, ...]

    @property
    def symbol(self) -> str | None:
        """Return the first symbol: the document's name in listings and in the graph."""
        return self.symbols[0] if self.symbols else None


def _split_passages(record: dict[str, Any], slim: dict[str, Any]) -> list[Passage]:
    """Return the paragraphs then the footnotes of a record as passages; `slim` keeps them without their text."""
    passages: list[Passage] = []
    slim["paragraphs"] = []
    for p in record.get("paragraphs", []):
        passages.append(Passage(len(passages), "paragraph", p["id"], p.get("kind") or "body", p.get("page"), p["text"]))
        slim["paragraphs"].append({k: v for k, v in p.items() if k != "text"})
    slim["footnotes"] = []
    for fn in record.get("footnotes", []):
        passages.append(Passage(len(passages), "footnote", f"fn:{fn['label']}", "footnote", fn.get("page"), fn["text"]))
        slim["footnotes"].append({k: v for k, v in fn.items() if k != "text"})
    return passages


def _citation_row(seq: int, c: dict[str, Any]) -> CitationRow:
    """Return a record's citation as a row: a UN symbol's target is stored as its key, with its base."""
    target = c.get("target")
    key, base = (symbol_key(target), _base_key(target)) if c.get("kind") == "un_symbol" and target else (target, None)
    return CitationRow(
        seq=seq, kind=c["kind"], target=key, target_base=base, text=c.get("text") or "",
        location=c.get("location") or "", start=int(c.get("start") or 0), end=int(c.get("end") or 0),
        url=c.get("url"), resolved=int(bool(c.get("resolved", True))),
    )


def _agenda_items(record: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """Return the record's agenda items as (organ, item) pairs, each once, in order."""
    agenda = tuple((organ, str(item)) for organ, items in (record.get("agenda_items") or {}).items() for item in items)
    return tuple(dict.fromkeys(agenda))


def _compressed(slim: dict[str, Any]) -> bytes:
    """Return the record without passage texts as compact JSON, compressed with zlib."""
    return zlib.compress(json.dumps(slim, ensure_ascii=False, separators=(",", ":")).encode(), 6)


def prepare(record: dict[str, Any], *, hash: str, path: str | None = None) -> Prepared:
    """Return the rows of an ``unref.document/1`` record, ready for `Store.add`."""
    slim = dict(record)
    passages = _split_passages(record, slim)
    citations = [_citation_row(i, c) for i, c in enumerate(record.get("citations", []))]
    if len(passages) >= 1 << PASSAGE_BITS:
        raise UnrefError(path, f"too many paragraphs and footnotes to store ({len(passages)})")
    symbols = tuple(dict.fromkeys(symbol_key(s) for s in record.get("symbols", [])))
    return Prepared(
        hash=hash, path=path, symbols=symbols, bases=tuple(_base_key(s) or s for s in symbols),
        title=record.get("title"), doc_type=record.get("doc_type"), date=record.get("date"),
        language=record.get("language"), format=record.get("format") or "text", pages=int(record.get("pages") or 0),
        organs=tuple(dict.fromkeys(record.get("organs") or [])), agenda_items=_agenda_items(record),
        record=_compressed(slim), passages=tuple(passages), citations=tuple(citations),
    )


def expand_record(blob: bytes, texts: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Return the full record from its stored form and the (kind, text) of its passages in order."""
    record: dict[str, Any] = json.loads(zlib.decompress(blob))
    items = iter(texts)
    for key, kind, after in (("paragraphs", "paragraph", "kind"), ("footnotes", "footnote", "label")):
        for i, item in enumerate(record[key]):
            got_kind, text = next(items, (kind, ""))
            full: dict[str, Any] = {}
            for k, v in item.items():  # "text" goes where unref.document/1 puts it
                full[k] = v
                if k == after:
                    full["text"] = text if got_kind == kind else ""
            record[key][i] = full
    return record


# ---------------------------------------------------------------------------
# What reads give


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A stored document's metadata (not its text)."""

    id: int
    hash: str
    path: str | None
    symbol: str | None
    symbols: tuple[str, ...]
    title: str | None
    doc_type: str | None
    date: str | None
    language: str | None
    format: str
    pages: int
    ingested_at: str

    def to_json(self) -> dict[str, Any]:
        """Return the metadata as a JSON object."""
        return {
            "symbol": self.symbol, "symbols": list(self.symbols), "title": self.title, "doc_type": self.doc_type,
            "date": self.date, "language": self.language, "format": self.format, "pages": self.pages,
            "hash": self.hash, "path": self.path, "ingested_at": self.ingested_at,
        }


@dataclass(frozen=True, slots=True)
class Hit:
    """A search result: the passage, its document, its rank and a highlighted snippet."""

    document: DocumentInfo
    ref: str
    kind: str
    page: int | None
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    id: int = 0  # the passage's id: with `score`, where the next page of a search starts (`after=`)

    @property
    def position(self) -> tuple[float, int]:
        """Return (score, passage id): pass it as `after=` to `Store.search` for the hits that follow."""
        return self.score, self.id

    def to_json(self) -> dict[str, Any]:
        """Return the hit as a JSON object; highlights are [start, end) offsets in the snippet."""
        return {
            "symbol": self.document.symbol, "symbols": list(self.document.symbols), "date": self.document.date,
            "doc_type": self.document.doc_type, "language": self.document.language, "title": self.document.title,
            "location": self.ref, "kind": self.kind, "page": self.page, "score": round(self.score, 4),
            "snippet": self.snippet, "highlights": [list(h) for h in self.highlights],
        }


@dataclass(frozen=True, slots=True)
class Edge:
    """A citation from a stored document to a target, with where it stands."""

    source: DocumentInfo
    kind: str
    target: str | None
    text: str
    location: str
    start: int
    end: int
    url: str | None


@dataclass(frozen=True, slots=True)
class Failure:
    """A file that could not be ingested, and why."""

    path: str
    hash: str | None
    reason: str
    failed_at: str = field(default_factory=now)

    def to_json(self) -> dict[str, Any]:
        """Return the failure as a JSON object."""
        return {"path": self.path, "hash": self.hash, "reason": self.reason, "failed_at": self.failed_at}


DATE_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def real_date(value: str) -> bool:
    """Return whether YYYY, YYYY-MM or YYYY-MM-DD (as DATE_RE reads it) names a real year, month or day.

    2025-02-30 and 2025-13 are not; year 0000 is not either (the calendar starts at 1).
    """
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True
FACETS = ("organ", "year", "type", "language", "agenda_item")  # what `Store.facets` counts
# The document types a record can hold: the `doc_type` enum of schema/document.schema.json (a test keeps the
# two the same).
DOC_TYPES = ("letter", "identical_letters", "note_verbale", "report", "note", "resolution", "draft_resolution",
             "decision", "draft_decision", "meeting_record", "agenda", "other")
LANGUAGE_RE = re.compile(r"[a-z]{2}")


def _type_key(text: str) -> str:
    """Return a document type as a user writes it ("Note verbale", "note-verbale") in its stored form."""
    return text.strip().lower().replace("-", "_").replace(" ", "_")


def _did_you_mean(text: str, choices: Sequence[str]) -> str:
    """Return " (did you mean 'x'?)" for the closest of `choices` to a mistyped value, or ""."""
    close = difflib.get_close_matches(_type_key(text), choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


@dataclass(frozen=True, slots=True)
class Filters:
    """Restrictions on the documents that a search or a listing returns; None is no restriction."""

    symbol_prefix: str | None = None
    organ: str | None = None
    doc_type: str | None = None
    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    date_to: str | None = None
    language: str | None = None
    agenda_item: str | None = None  # "34" also matches "34 (b)"

    def __post_init__(self) -> None:
        if self.doc_type and _type_key(self.doc_type) not in DOC_TYPES:
            raise BadFilter(f"type {self.doc_type!r} is not a document type{_did_you_mean(self.doc_type, DOC_TYPES)};"
                            f" the types are {', '.join(DOC_TYPES)}")
        if self.language and not LANGUAGE_RE.fullmatch(self.language.strip().lower()):
            raise BadFilter(f"language {self.language!r} is not a two-letter ISO 639-1 code"
                            " (the UN's six: ar, en, es, fr, ru, zh)")
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is None:
                continue
            if not DATE_RE.fullmatch(value):
                raise BadFilter(f"{name.replace('_', ' ')} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
            if not real_date(value):
                raise BadFilter(f"{name.replace('_', ' ')} {value!r} is not a date of the calendar (YYYY, YYYY-MM or "
                                "YYYY-MM-DD: months 01-12, days as the month has them)")

    def where(self, prefix_match: Callable[[str], tuple[str, str]]) -> tuple[str, list[Any]]:
        """Return SQL conditions on the documents table (alias d) and their parameters, `?` style.

        `prefix_match` is the dialect's condition on a symbol (alias s) that starts with a prefix,
        and its parameter (`Store._symbol_prefix`).
        """
        sql: list[str] = []
        args: list[Any] = []
        if self.symbol_prefix:
            condition, pattern = prefix_match(self.symbol_prefix)
            sql.append(f"EXISTS (SELECT 1 FROM symbols s WHERE s.document_id = d.id AND {condition})")
            args.append(pattern)
        if self.organ:
            sql.append("EXISTS (SELECT 1 FROM organs o WHERE o.document_id = d.id AND o.organ = ?)")
            args.append(organ_name(self.organ))
        if self.doc_type:
            sql.append("d.doc_type = ?")
            args.append(_type_key(self.doc_type))
        if self.date_from:
            sql.append("d.date >= ?")
            args.append(self.date_from)
        if self.date_to:
            sql.append("substr(d.date, 1, ?) <= ?")
            args += [len(self.date_to), self.date_to]
        if self.language:
            sql.append("d.language = ?")
            args.append(self.language.strip().lower())
        if self.agenda_item:
            item = self.agenda_item.strip()
            sql.append("EXISTS (SELECT 1 FROM agenda_items a WHERE a.document_id = d.id"
                       " AND (a.item = ? OR substr(a.item, 1, ?) = ?))")
            args += [item, len(item) + 2, item + " ("]
        return " AND ".join(sql), args


# ---------------------------------------------------------------------------
# The interface



class Store(ABC):
    """A corpus of parsed documents: full text, metadata filters and the citation graph."""

    backend: ClassVar[str]
    url: str
    read_only: bool = False  # opened with read_only=True: every write fails, nothing is migrated
    # Matches that a search ranks, at most (see `search`): PostgreSQL reads a table row per match.
    search_window: int = 4000
    timeout: float = 10.0  # seconds that one search may take, its snippets included

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""

    @abstractmethod
    def limit_statements(self, seconds: float) -> None:
        """Make the database cancel any statement of this connection that runs longer than `seconds`."""

    @abstractmethod
    def migrations(self) -> list[tuple[int, str, str]]:
        """Return the applied migrations: (version, name, applied at)."""

    # -- writing ---------------------------------------------------------------

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Return a context in which writes commit together, or not at all."""

    @abstractmethod
    def add_many(self, docs: Sequence[Prepared], *, replace: bool = False) -> list[bool]:
        """Write documents in one transaction; return, for each, whether it was new (known hashes are skipped)."""

    def add(self, doc: Prepared, *, replace: bool = False) -> bool:
        """Write one document; return False when its hash is known (and `replace` is off)."""
        return self.add_many([doc], replace=replace)[0]

    def add_all(self, docs: Iterable[Prepared], *, batch_size: int = 100, replace: bool = False) -> int:
        """Write documents from an iterator, committing every `batch_size`; return how many were new."""
        added = 0
        batch: list[Prepared] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                added += sum(self.add_many(batch, replace=replace))
                batch = []
        if batch:
            added += sum(self.add_many(batch, replace=replace))
        return added

    @abstractmethod
    def delete(self, hash: str) -> bool:
        """Remove the document with this content hash; return whether there was one."""

    @abstractmethod
    def sources(self, doc_id: int) -> list[dict[str, Any]]:
        """Return the files stored as other sources of a document (the PDF is kept, its extracted text is a
        source): each as hash, path, format and when it was ingested."""

    @abstractmethod
    def record_failure(self, failure: Failure) -> None:
        """Record a file that failed, replacing an earlier failure of the same content."""

    # -- reading ---------------------------------------------------------------

    @abstractmethod
    def known(self, hashes: Iterable[str]) -> set[str]:
        """Return which of these content hashes are stored: documents, or other sources of one."""

    @abstractmethod
    def known_failures(self, hashes: Iterable[str]) -> set[str]:
        """Return which of these content hashes are recorded failures."""

    @abstractmethod
    def failures(self) -> Iterator[Failure]:
        """Yield the recorded failures, oldest first."""

    @abstractmethod
    def documents(self, symbols: Iterable[str] = (), *, bases: Iterable[str] = (),
                  hashes: Iterable[str] = ()) -> list[DocumentInfo]:
        """Return the documents that hold any of these symbol keys or bases, or have these hashes."""

    @abstractmethod
    def iter_documents(self, filters: Filters | None = None) -> Iterator[DocumentInfo]:
        """Yield every document's metadata, in ingest order, streaming."""

    @abstractmethod
    def record(self, doc_id: int) -> dict[str, Any]:
        """Return the full ``unref.document/1`` record of a stored document."""

    @abstractmethod
    def passage(self, doc_id: int, ref: str) -> str | None:
        """Return the text of a document's paragraph ("p3") or footnote ("fn:2"), or None."""

    @abstractmethod
    def citations_from(self, doc_ids: Iterable[int], *, kinds: Iterable[str] = ("un_symbol",)) -> list[Edge]:
        """Return the citations that these documents make, in document order."""

    @abstractmethod
    def citations_to(self, targets: Iterable[str], *, by_base: bool = False) -> list[Edge]:
        """Return the citations whose target (or its base, with `by_base`) is one of these keys."""

    @abstractmethod
    def iter_edges(self) -> Iterator[tuple[DocumentInfo, str, bool, str, str, str]]:
        """Yield (citing document, target node, target in corpus, kind, location, text), grouped by citing document."""

    @abstractmethod
    def iter_works(self) -> Iterator[list[DocumentInfo]]:
        """Yield the copies of each document (same first symbol) together, streaming."""

    @abstractmethod
    def iter_records(self) -> Iterator[tuple[DocumentInfo, dict[str, Any]]]:
        """Yield every document with its full record, in ingest order, streaming."""

    @abstractmethod
    def iter_stubs(self) -> Iterator[str]:
        """Yield every cited symbol key that no stored document holds, streaming."""

    @abstractmethod
    def stats(self) -> dict[str, Any]:
        """Return counts of documents, passages, citations, failures, and the database size in bytes."""

    @abstractmethod
    def facets(self, doc_ids: Iterable[int]) -> dict[str, dict[str, int]]:
        """Return how many of these documents have each value of each facet.

        The facets are "organ", "agenda_item", "year", "type" (doc_type) and "language":
        ``{"organ": {"Security Council": 3, ...}, "year": {"2025": 2, ...}, ...}``.
        """

    @abstractmethod
    def _search_ids(self, query: Query, where: str, args: list[Any], limit: int, offset: int,
                    window: int | None, after: tuple[float, int] | None = None) -> list[tuple[int, float]]:
        """Return (passage id, score) of the best matches, best first, ranking the first `window` found.

        Matches are ordered by score (higher first), then by passage id; with `after`, only those
        that come after that (score, id) are returned.
        """

    @abstractmethod
    def _passages(self, ids: list[int]) -> dict[int, tuple[DocumentInfo, str, str, int | None, str]]:
        """Return (document, ref, kind, page, text) of these passages, by id."""

    @staticmethod
    @abstractmethod
    def _symbol_prefix(prefix: str) -> tuple[str, str]:
        """Return the dialect's condition that a symbol (alias s) starts with `prefix`, and its parameter."""

    @abstractmethod
    def _has_earlier_copy(self, symbol: str, passage: int, text: str, where: str, args: list[Any]) -> bool:
        """Return whether a document holding `symbol` and passing the filters has `text` before passage id `passage`."""

    def search(self, query: str | Query, filters: Filters | None = None, *, limit: int = 10,
               offset: int = 0, after: tuple[float, int] | None = None, distinct: bool = True,
               exhaustive: bool = False) -> list[Hit]:
        """Return the passages (paragraphs and footnotes) that match `query`, best first.

        Hits are ordered by score, then by passage id. Page through them with `after`, the
        `position` of the last hit of the previous page (keyset paging: each page costs the
        same, however deep), or with `offset`.

        Ranking is exact for a query that matches up to `search_window` passages (after the
        filters). A broader query is ranked among the first `search_window` matches found (the
        earliest ingested), which keeps its cost bounded on a large corpus; `exhaustive` ranks
        every match, however many. With `distinct`, a passage found in several copies of one
        document (its PDF and its text, say) is shown once, from the copy ingested first.
        """
        if after is not None and offset:
            raise ValueError("search takes an offset or an after position, not both")
        parsed = parse_query(query) if isinstance(query, str) else query
        where, args = (filters or Filters()).where(self._symbol_prefix)
        window = self._window(offset + limit, exhaustive)
        hits: list[Hit] = []
        seen: set[tuple[str, str]] = set()
        skip, sql_offset, cursor = (offset, 0, after) if distinct else (0, offset, after)
        deadline = time.monotonic() + self.timeout  # the whole search: its statements, copies and snippets
        while len(hits) < limit:
            want = (skip + limit - len(hits)) * 3 if distinct else limit
            ids = self._search_ids(parsed, where, args, want, sql_offset, window, cursor)
            rows = self._passages([i for i, _ in ids])
            for pid, score in ids:
                cursor = (score, pid)
                doc, ref, kind, page, text = rows[pid]
                if distinct:
                    if self._copy_shown(seen, doc, pid, score, text, after, (where, args)):
                        continue
                    if skip:
                        skip -= 1
                        continue
                hits.append(self._hit(parsed, doc, (ref, kind, page, text), score, pid, deadline))
                if len(hits) >= limit:
                    break
            if len(ids) < want:
                break
            sql_offset = 0  # the next batch starts after the cursor
        return hits

    def _hit(self, query: Query, doc: DocumentInfo, passage: tuple[str, str, int | None, str], score: float,
             pid: int, deadline: float) -> Hit:
        """Return a passage as a hit with its snippet; SearchTimeout once the search has run past its deadline
        (a snippet of a long passage is work too: the limit covers the whole search)."""
        if time.monotonic() > deadline:
            raise SearchTimeout(self.timeout)
        ref, kind, page, text = passage
        snip = snippet(text, query)
        return Hit(doc, ref, kind, page, score, snip.text, snip.highlights, pid)

    def _window(self, wanted: int, exhaustive: bool) -> int | None:
        """Return how many matches a search ranks (None: all): `search_window`, or more for a deep page."""
        return None if exhaustive else max(self.search_window, wanted * 3)

    def _copy_shown(self, seen: set[tuple[str, str]], doc: DocumentInfo, pid: int, score: float, text: str,
                    after: tuple[float, int] | None, filters: tuple[str, list[Any]]) -> bool:
        """Return whether a passage is a copy of one already shown: on this page (in `seen`, which it
        joins otherwise) or, for a tie of the position the page starts `after`, on an earlier page."""
        key = (doc.symbol or doc.hash, text)
        if key in seen:
            return True
        seen.add(key)
        # Copies of a passage have one score, so they follow one another: one shown on
        # an earlier page can only be a tie of the position this page starts after.
        return bool(after is not None and score == after[0] and doc.symbol
                    and self._has_earlier_copy(doc.symbol, pid, text, *filters))

    def named(self, query: str) -> DocumentInfo | None:
        """Return the stored document that a search query made of one symbol names ("S/2025/260",
        '"S/RES/822 (1993)"'), else None."""
        text = query.strip().strip('"').strip()
        if not text or "/" not in text or " " in text.replace(" (", "(") or any(ord(c) < 32 for c in text):
            return None
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate names nothing (and no database takes it)
            return None
        return self.get(text)

    def get(self, symbol: str, *, language: str | None = None) -> DocumentInfo | None:
        """Return the document that holds `symbol` (or its hash), preferring `language`, then PDF input."""
        docs = self.documents(symbol_keys(symbol))
        if not docs and re.fullmatch(r"[0-9a-f]{64}", symbol):
            docs = self.documents(hashes=[symbol])
        return best_copy(docs, language)


def best_copy(docs: Iterable[DocumentInfo], language: str | None = None) -> DocumentInfo | None:
    """Return the copy to show of one document held several times: the language asked, PDF, newest."""
    ranked = sorted(docs, key=lambda d: (d.language != (language or "en"), d.format != "pdf", -d.id))
    return ranked[0] if ranked else None
