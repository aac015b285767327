"""export: write the corpus out as GraphML, JSON Lines or CSV, streaming.

Two things can be exported. The graph: one node per document (several copies of a document
are one node) and per cited symbol that is not in the corpus (a stub), and one edge per
citing document and cited node, with the number of citations. The documents: their full
``unref.document/1`` records (JSON Lines) or their metadata (CSV). GraphML holds only the graph.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any, Literal, TextIO
from xml.sax.saxutils import escape, quoteattr

from unref.corpus.store.base import DocumentInfo, Store, best_copy
from unref.corpus.store.results import EXPORT_COLUMNS, DocumentHits, hit_rows
from unref.errors import UnrefError
from unref.symbols import try_parse

__all__ = ["DEFAULT_WHAT", "FORMATS", "RESULT_FORMATS", "export", "export_results", "results_format"]

Format = Literal["graphml", "jsonl", "csv"]
What = Literal["graph", "documents"]
FORMATS: tuple[Format, ...] = ("graphml", "jsonl", "csv")
DEFAULT_WHAT: dict[str, What] = {"graphml": "graph", "jsonl": "documents", "csv": "graph"}
# Characters that XML 1.0 forbids, which PDF text sometimes holds.
XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class _Node:
    id: str
    in_corpus: bool
    symbols: str = ""
    title: str | None = None
    date: str | None = None
    doc_type: str | None = None
    language: str | None = None
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"type": "node", "id": self.id, "in_corpus": self.in_corpus,
                "symbols": self.symbols.split(" | ") if self.symbols else [],
                "title": self.title, "date": self.date, "doc_type": self.doc_type, "language": self.language,
                "url": self.url}


@dataclass(frozen=True, slots=True)
class _Edge:
    source: str
    target: str
    target_in_corpus: bool
    kind: str
    count: int
    location: str
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"type": "edge", "source": self.source, "target": self.target,
                "target_in_corpus": self.target_in_corpus, "kind": self.kind, "count": self.count,
                "location": self.location, "text": self.text}


def _work(doc: DocumentInfo) -> str:
    return doc.symbol or f"sha256:{doc.hash}"


def _url(symbol: str, language: str | None = None) -> str | None:
    parsed = try_parse(symbol)
    return parsed.url(language or "en") if parsed is not None else None


def _nodes(store: Store) -> Iterator[_Node]:
    """Yield a node per stored document (its best copy), then one per stub."""
    for copies in store.iter_works():
        d = best_copy(copies)
        assert d is not None
        yield _Node(_work(d), True, " | ".join(d.symbols), d.title, d.date, d.doc_type, d.language,
                    _url(_work(d), d.language))
    for stub in store.iter_stubs():
        yield _Node(stub, False, stub, url=_url(stub))


def _edges(store: Store) -> Iterator[_Edge]:
    """Yield an edge per citing document (its best copy) and cited node, streaming one document at a time."""
    rows: list[tuple[DocumentInfo, str, bool, str, str, str]] = []
    for row in store.iter_edges():
        if rows and _work(row[0]) != _work(rows[0][0]):
            yield from _document_edges(rows)
            rows = []
        rows.append(row)
    if rows:
        yield from _document_edges(rows)


def _document_edges(rows: list[tuple[DocumentInfo, str, bool, str, str, str]]) -> Iterator[_Edge]:
    best = best_copy({r[0].id: r[0] for r in rows}.values())
    assert best is not None
    source = _work(best)
    merged: dict[str, tuple[bool, str, int, str, str]] = {}
    for doc, target, in_corpus, kind, location, text in rows:
        if doc.id != best.id or target == source or target in doc.symbols:
            continue
        if target in merged:
            t_in, t_kind, count, t_loc, t_text = merged[target]
            merged[target] = (t_in, t_kind, count + 1, t_loc, t_text)
        else:
            merged[target] = (in_corpus, kind, 1, location, text)
    for target, (in_corpus, kind, count, location, text) in merged.items():
        yield _Edge(source, target, in_corpus, kind, count, location, text)


# ---------------------------------------------------------------------------
# Writers

NODE_KEYS = (("in_corpus", "boolean"), ("symbols", "string"), ("title", "string"), ("date", "string"),
             ("doc_type", "string"), ("language", "string"), ("url", "string"))
EDGE_KEYS = (("kind", "string"), ("count", "int"), ("location", "string"), ("text", "string"))


def _xml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return escape(XML_INVALID_RE.sub("", str(value)))


def _graphml(store: Store, out: TextIO) -> int:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for kind, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, type_ in keys:
            out.write(f'  <key id="{name}" for="{kind}" attr.name="{name}" attr.type="{type_}"/>\n')
    out.write('  <graph id="unref" edgedefault="directed">\n')
    n = 0
    for node in _nodes(store):
        data = "".join(f'<data key="{k}">{_xml(getattr(node, k))}</data>' for k, _ in NODE_KEYS
                       if getattr(node, k) is not None)
        out.write(f"    <node id={quoteattr(_xml(node.id))}>{data}</node>\n")
        n += 1
    for edge in _edges(store):
        data = "".join(f'<data key="{k}">{_xml(getattr(edge, k))}</data>' for k, _ in EDGE_KEYS)
        out.write(f"    <edge source={quoteattr(_xml(edge.source))} target={quoteattr(_xml(edge.target))}>"
                  f"{data}</edge>\n")
        n += 1
    out.write("  </graph>\n</graphml>\n")
    return n


def _jsonl(store: Store, out: TextIO, what: What) -> int:
    n = 0
    items: Iterator[dict[str, Any]]
    if what == "documents":
        items = ({"type": "document", "hash": d.hash, "path": d.path, "ingested_at": d.ingested_at, "record": r}
                 for d, r in store.iter_records())
    else:
        items = chain((n.to_json() for n in _nodes(store)), (e.to_json() for e in _edges(store)))
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        n += 1
    return n


DOCUMENT_COLUMNS = ("symbol", "symbols", "date", "doc_type", "language", "title", "pages", "format", "hash", "path",
                    "ingested_at")
EDGE_COLUMNS = ("source", "target", "target_in_corpus", "kind", "count", "location", "text")


def _csv(store: Store, out: TextIO, what: What) -> int:
    writer = csv.writer(out, lineterminator="\n")
    n = 0
    if what == "documents":
        writer.writerow(DOCUMENT_COLUMNS)
        for d in store.iter_documents():
            writer.writerow([d.symbol, " | ".join(d.symbols), d.date, d.doc_type, d.language, d.title, d.pages,
                             d.format, d.hash, d.path, d.ingested_at])
            n += 1
    else:
        writer.writerow(EDGE_COLUMNS)
        for e in _edges(store):
            writer.writerow([e.source, e.target, str(e.target_in_corpus).lower(), e.kind, e.count, e.location, e.text])
            n += 1
    return n


def export(store: Store, format: str, out: TextIO, *, what: str | None = None) -> int:
    """Write the corpus to `out` as graphml, jsonl or csv; return the number of items (rows) written.

    `what` is "graph" or "documents"; by default graphml and csv give the graph, jsonl the documents.
    """
    if format not in FORMATS:
        raise UnrefError(None, f"unknown export format {format!r}: use one of {', '.join(FORMATS)}")
    chosen = what or DEFAULT_WHAT[format]
    if chosen not in ("graph", "documents"):
        raise UnrefError(None, f"can export the graph or the documents, not {chosen!r}")
    if format == "graphml":
        if chosen != "graph":
            raise UnrefError(None, "GraphML holds the graph only: use jsonl or csv for the documents")
        return _graphml(store, out)
    if format == "jsonl":
        return _jsonl(store, out, "graph" if chosen == "graph" else "documents")
    return _csv(store, out, "graph" if chosen == "graph" else "documents")


# ---------------------------------------------------------------------------
# Search results

RESULT_FORMATS = ("csv", "json")
# A cell that a spreadsheet would take for a formula (=, +, -, @, or a tab or carriage return first) is written
# with a leading apostrophe: document text is untrusted, and an export is opened in spreadsheets (OWASP's advice
# on CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """Return a CSV cell as written: text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def results_format(path: str) -> str:
    """Return the export format that a file name asks for by its suffix (.csv or .json); UnrefError otherwise."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix not in RESULT_FORMATS:
        raise UnrefError(path, "search results export as .csv or .json: name the file so")
    return suffix


def export_results(groups: list[DocumentHits], format: str, out: TextIO, *, query: str = "",
                   filters: dict[str, str] | None = None, sort: str = "relevance") -> int:
    """Write grouped search results as CSV (one row per hit, with its document's facts) or JSON (the query, and
    the documents with their hits); return the number of hits written."""
    if format not in RESULT_FORMATS:
        raise UnrefError(None, f"search results export as {' or '.join(RESULT_FORMATS)}, not {format!r}")
    count = sum(len(g.hits) for g in groups)
    if format == "json":
        json.dump({"query": query, "filters": filters or {}, "sort": sort, "documents": len(groups), "hits": count,
                   "results": [g.to_json() for g in groups]}, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return count
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    for row in hit_rows(groups):
        writer.writerow([_cell(row[c]) for c in EXPORT_COLUMNS])
    return count
