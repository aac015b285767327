"""What the routes show, as JSON-ready dicts: the API returns them, the pages render them (their `.json` twins).

Each function takes an open store and returns plain data, raising `ApiError` for what the
client got wrong (400) or asked for in vain (404). Every list is capped at `max_rows`
with a `truncated` flag, as datasette does.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
from dataclasses import asdict, dataclass
from typing import Any

from unref.corpus.graph import DOCUMENT_KINDS, NotInCorpus, cited_by, cites, family, thread
from unref.corpus.store import DocumentInfo, Filters, Hit, Store, StoreError
from unref.corpus.store.base import FACETS, symbol_keys
from unref.corpus.store.query import QueryError, parse_query
from unref.corpus.store.results import DocumentHits, Sort, checked_sort, group_hits, sort_groups
from unref.serve.corpus import is_timeout
from unref.serve.errors import ApiError
from unref.serve.markup import doc_href, safe_url

__all__ = ["SearchRequest", "document", "export_groups", "family_view", "group_json", "is_broad", "links_view",
           "neighbourhood", "search", "thread_view"]

BROAD_TERMS = 8  # a search of more terms than this is broad: each one is a lookup in the index
# Sorted by date, a search orders the documents of its best DATE_WINDOW hits (relevance picks them, the date
# orders them), on one page: keyset pages follow the ranking, which a date order does not.
DATE_WINDOW = 200



def _unusable(text: str) -> bool:
    """Return whether text cannot reach the database: a NUL or other control character, or a lone surrogate."""
    if any(ord(c) < 32 for c in text):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def checked_symbol(symbol: str) -> str:
    """Return the symbol stripped; 404 when it is empty or holds characters no symbol has."""
    symbol = symbol.strip()
    if not symbol:
        raise ApiError(404, "no document symbol given")
    if _unusable(symbol):
        raise ApiError(404, "no document symbol holds control characters")
    return symbol


def doc_name(doc: DocumentInfo) -> str:
    """Return the name under which a document is found: its first symbol, else its content hash."""
    return doc.symbol or doc.hash


def document(store: Store, symbol: str, language: str | None = None) -> tuple[DocumentInfo, dict[str, Any]]:
    """Return a stored document and its ``unref.document/1`` record; 404 when no document holds `symbol`."""
    symbol = checked_symbol(symbol)
    doc = store.get(symbol, language=language)
    if doc is None:
        raise ApiError(404, str(NotInCorpus(symbol)))
    return doc, store.record(doc.id)


# ---------------------------------------------------------------------------
# Search


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """A search as the client asks it: the query, the filters, where the last page ended, the page size."""

    q: str
    organ: str | None = None
    type: str | None = None
    lang: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    agenda_item: str | None = None
    symbol_prefix: str | None = None
    after: str | None = None
    limit: int = 20
    sort: str | None = None  # "relevance" (None) or "date"; other values are a 400 that names the two

    def filters(self) -> Filters:
        """Return the store's filters; 400 when a date is malformed or a parameter holds control characters."""
        for name, value in asdict(self).items():
            if isinstance(value, str) and _unusable(value):
                raise ApiError(400, f"{name} holds a control character")
        try:
            return Filters(symbol_prefix=self.symbol_prefix or None, organ=self.organ or None,
                           doc_type=self.type or None, date_from=self.date_from or None,
                           date_to=self.date_to or None, language=self.lang or None,
                           agenda_item=self.agenda_item or None)
        except StoreError as err:
            raise ApiError(400, err.reason) from None

    def fingerprint(self) -> str:
        """Return a short digest of the query and filters: a cursor is valid only for the search that made it."""
        fields = {k: v or None for k, v in asdict(self).items() if k not in ("after", "limit")}  # "" is no filter
        if fields["sort"] in (None, "relevance"):  # the default order: cursors made before `sort` existed hold
            del fields["sort"]
        return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()[:12]

    def params(self) -> dict[str, str]:
        """Return the query parameters of this search (without the cursor), for links."""
        names = {"date_from": "from", "date_to": "to"}
        return {names.get(k, k): str(v) for k, v in asdict(self).items()
                if v not in (None, "", "relevance") and k not in ("after", "limit")}

    def order(self) -> Sort:
        """Return the order of the documents, "relevance" or "date"; 400 naming the orders for any other."""
        try:
            return checked_sort(self.sort)
        except StoreError as err:
            raise ApiError(400, err.reason) from None


def is_broad(q: str) -> bool:
    """Return whether a search may read much of the index: a prefix (its every word is looked up) or many terms.

    A malformed query is not broad: the search says what is wrong with it, at once.
    """
    try:
        units = parse_query(q).units()
    except QueryError:
        return False
    return any(u.prefix for u in units) or len(units) > BROAD_TERMS


def encode_cursor(position: tuple[float, int], reached: int, fingerprint: str) -> str:
    """Return an opaque cursor: the (score, passage id) of the last hit shown, and how many hits came before."""
    raw = json.dumps({"s": position[0], "i": position[1], "n": reached, "f": fingerprint},
                     separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, fingerprint: str) -> tuple[tuple[float, int], int]:
    """Return ((score, passage id), hits before) of a cursor; 400 when it is malformed or from another search."""
    malformed = ApiError(400, "the cursor (after=) is malformed: pass back the `next` value of a search")
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        score, pid, reached, made_for = data["s"], data["i"], data["n"], str(data["f"])
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError):
        raise malformed from None
    if made_for != fingerprint:
        raise ApiError(400, "the cursor (after=) belongs to another search: start again without it")
    if (not isinstance(score, int | float) or isinstance(score, bool) or not math.isfinite(score)
            or not isinstance(pid, int) or isinstance(pid, bool) or not isinstance(reached, int) or reached < 0
            or not -2**63 <= pid < 2**63):
        raise malformed
    return (float(score), pid), reached


def _hit_json(hit: Hit) -> dict[str, Any]:
    data = hit.to_json()
    anchor = hit.ref.replace(" ", "_")
    data["url"] = doc_href(doc_name(hit.document)) + "#" + anchor
    data["document_url"] = doc_href(doc_name(hit.document))
    return data


def _facets(store: Store, hits: list[Hit], request: SearchRequest) -> dict[str, list[dict[str, Any]]]:
    """Return the facet values of the documents of these hits, most frequent first, with their counts."""
    counts = store.facets(h.document.id for h in hits)
    active = {"organ": request.organ, "type": request.type, "language": request.lang,
              "agenda_item": request.agenda_item,
              "year": request.date_from if request.date_from and request.date_from == request.date_to else None}
    return {name: [{"value": v, "count": n, "active": v == active[name]}
                   for v, n in sorted(counts[name].items(), key=lambda x: (-x[1], x[0]))[:12]]
            for name in FACETS}


def _named_document(store: Store, query: str) -> dict[str, Any] | None:
    """Return the stored document that a query consisting of one symbol names ("S/2025/260"), else None."""
    doc = store.named(query)
    if doc is None:
        return None
    return {"symbol": doc_name(doc), "title": doc.title, "date": doc.date, "doc_type": doc.doc_type,
            "url": doc_href(doc_name(doc))}


def group_json(group: DocumentHits) -> dict[str, Any]:
    """Return a document of the results as JSON, with the links to it and to each of its hits."""
    data = group.to_json()
    name = doc_name(group.document)
    data["url"] = doc_href(name)
    for hit, out in zip(group.hits, data["hits"], strict=True):
        out["url"] = doc_href(name) + "#" + hit.ref.replace(" ", "_")
    return data


def _store_search(store: Store, request: SearchRequest, filters: Filters, **options: Any) -> list[Hit]:
    """Return `Store.search`'s hits; a malformed query is a 400 (a query past its time stays a timeout)."""
    try:
        return store.search(request.q, filters, **options)
    except QueryError as err:
        if is_timeout(err):
            raise
        raise ApiError(400, err.reason) from None


def _by_date(store: Store, request: SearchRequest, filters: Filters, *, max_rows: int,
             facet_sample: int) -> dict[str, Any]:
    """Return the documents of the best hits (up to DATE_WINDOW, within `max_rows`), newest first, on one page."""
    window = min(DATE_WINDOW, max_rows)
    found = _store_search(store, request, filters, limit=window + 1)
    groups = sort_groups(group_hits(found[:window]), "date")
    hits = [h for g in groups for h in g.hits]
    out: dict[str, Any] = {
        "query": request.q, "filters": request.params(), "limit": window, "hits": [_hit_json(h) for h in hits],
        "next": None, "truncated": len(found) > window, "document": _named_document(store, request.q),
        "sort": "date", "groups": [group_json(g) for g in groups], "window": window,
    }
    if facet_sample:
        out["facets"] = _facets(store, found[:facet_sample], request)
        out["facet_sample"] = min(len(found), facet_sample)
    return out


def search(store: Store, request: SearchRequest, *, max_rows: int, facet_sample: int = 0) -> dict[str, Any]:
    """Return a page of hits, the cursor of the next page, and whether the results stop at `max_rows`.

    Pages are keyset pages: the cursor holds the score and passage id of the last hit shown,
    and the next page is the hits ranked after it, so a deep page costs what the first does.
    `groups` holds the page's hits by document (each document once, with the pages of its hits);
    sorted by date, the documents of the best hits come newest first, on one page (`_by_date`).
    """
    filters = request.filters()
    if request.order() == "date":
        return _by_date(store, request, filters, max_rows=max_rows, facet_sample=facet_sample)
    fingerprint = request.fingerprint()
    after, reached = decode_cursor(request.after, fingerprint) if request.after else (None, 0)
    if reached >= max_rows:
        raise ApiError(400, f"results stop at {max_rows} hits (the server's limit); narrow the search")
    limit = max(1, min(request.limit, max_rows - reached))
    if facet_sample and after is None:  # the first page: one search gives the page and the facets' sample
        sample = _store_search(store, request, filters, limit=max(limit + 1, facet_sample))
        window = sample[:limit + 1]
        sample = sample[:facet_sample]
    else:
        window = _store_search(store, request, filters, limit=limit + 1, after=after)
        sample = _store_search(store, request, filters, limit=facet_sample) if facet_sample else []
    page = window[:limit]
    more = len(window) > limit
    reached += len(page)
    next_cursor = (encode_cursor(page[-1].position, reached, fingerprint)
                   if page and more and reached < max_rows else None)
    out: dict[str, Any] = {
        "query": request.q, "filters": request.params(), "limit": limit, "hits": [_hit_json(h) for h in page],
        "next": next_cursor, "truncated": bool(more and reached >= max_rows),
        "document": _named_document(store, request.q) if after is None else None,
        "sort": "relevance", "groups": [group_json(g) for g in group_hits(page)],
    }
    if facet_sample:
        out["facets"] = _facets(store, sample, request)
        out["facet_sample"] = len(sample)
    return out


def export_groups(store: Store, request: SearchRequest, *, max_rows: int) -> list[DocumentHits]:
    """Return the results a download holds: the best `max_rows` hits by document, in the order asked."""
    hits = _store_search(store, request, request.filters(), limit=max_rows)
    return sort_groups(group_hits(hits), request.order())


# ---------------------------------------------------------------------------
# The graph


def _capped(items: list[Any], max_rows: int) -> tuple[list[Any], bool]:
    return items[:max_rows], len(items) > max_rows


def _node_json(node: Any) -> dict[str, Any]:
    data: dict[str, Any] = node.to_json()
    data["href"] = doc_href(node.symbol) if node.in_corpus else None
    return data


def _link_json(link: Any) -> dict[str, Any]:
    data: dict[str, Any] = link.to_json()
    data["source"] = _node_json(link.source)
    data["target"] = _node_json(link.target)
    return data


def links_view(store: Store, symbol: str, direction: str, *, language: str | None, max_rows: int,
               all_kinds: bool = False) -> dict[str, Any]:
    """Return what a document cites ("cites") or what cites it ("cited_by"), at most `max_rows` links."""
    symbol = checked_symbol(symbol)
    try:
        if direction == "cites":
            found = cites(store, symbol, kinds=() if all_kinds else ("un_symbol",), language=language)
        else:
            found = cited_by(store, symbol, language=language)
    except NotInCorpus as err:
        raise ApiError(404, err.reason) from None
    if not found and direction == "cited_by" and store.get(symbol) is None:
        raise ApiError(404, str(NotInCorpus(symbol)) + " and nothing in it cites that symbol")
    shown, truncated = _capped(found, max_rows)
    return {"symbol": symbol, "links": [_link_json(x) for x in shown], "total": len(found), "truncated": truncated}


def _stub_or_document(store: Store, symbol: str, language: str | None) -> dict[str, Any]:
    doc = store.get(symbol, language=language)
    if doc is not None:
        return {"symbol": doc_name(doc), "in_corpus": True, "href": doc_href(doc_name(doc)), "title": doc.title,
                "date": doc.date, "doc_type": doc.doc_type, "symbols": list(doc.symbols)}
    keys = symbol_keys(symbol)
    return {"symbol": keys[0] if keys else symbol, "in_corpus": False, "href": None, "title": None, "date": None,
            "doc_type": None, "symbols": keys}


def neighbourhood(store: Store, symbol: str, *, language: str | None, max_rows: int) -> dict[str, Any]:
    """Return a document with what it cites and what cites it; a symbol not in the corpus has only citers."""
    symbol = checked_symbol(symbol)
    node = _stub_or_document(store, symbol, language)
    cited = links_view(store, symbol, "cites", language=language, max_rows=max_rows) if node["in_corpus"] else {
        "symbol": symbol, "links": [], "total": 0, "truncated": False}
    citing = links_view(store, symbol, "cited_by", language=language, max_rows=max_rows)
    if not node["in_corpus"] and not citing["links"]:
        raise ApiError(404, str(NotInCorpus(symbol)) + " and nothing in it cites that symbol")
    others = _other_documents(store, symbol, language, max_rows) if node["in_corpus"] else []
    return {"symbol": symbol, "node": node, "cites": cited, "cited_by": citing, "cites_other": others,
            "truncated": cited["truncated"] or citing["truncated"]}


def _other_documents(store: Store, symbol: str, language: str | None, max_rows: int) -> list[dict[str, Any]]:
    """Return what a document cites beside UN symbols: other bodies' documents, treaties, letters, publications."""
    kinds = tuple(k for k in DOCUMENT_KINDS if k != "un_symbol")
    found = cites(store, symbol, kinds=kinds, language=language)[:max_rows]
    return [{"kind": x.kind, "target": x.target.symbol, "url": safe_url(x.target.url), "text": x.text,
             "location": x.location} for x in found]


def thread_view(store: Store, symbol: str, *, language: str | None, max_rows: int) -> dict[str, Any]:
    """Return the correspondence thread of a letter, in date order, at most `max_rows` letters."""
    symbol = checked_symbol(symbol)
    try:
        letters = thread(store, symbol, language=language, limit=max_rows + 1)
    except NotInCorpus as err:
        raise ApiError(404, err.reason) from None
    shown, truncated = _capped(letters, max_rows)
    return {"symbol": symbol, "letters": [{**x.to_json(), "href": doc_href(x.node.symbol)} for x in shown],
            "truncated": truncated}


def family_view(store: Store, symbol: str, *, language: str | None, max_rows: int) -> dict[str, Any]:
    """Return a document's family: its addenda, corrigenda, revisions and other symbols."""
    symbol = checked_symbol(symbol)
    members = family(store, symbol, language=language)
    if not any(m.node.in_corpus for m in members) and not store.citations_to(symbol_keys(symbol)):
        raise ApiError(404, str(NotInCorpus(symbol)))
    shown, truncated = _capped(members, max_rows)
    return {"symbol": symbol, "members": [{**m.to_json(), "href": doc_href(m.node.symbol) if m.node.in_corpus
                                           else None} for m in shown], "truncated": truncated}
