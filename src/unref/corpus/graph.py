"""graph: the citation graph of a corpus: what a document cites, what cites it, families, threads.

Nodes are documents named by a symbol. A document held several times (a PDF and its text,
or language versions) is one node, shown through one copy (`best_copy`). A cited symbol
that no stored document holds is a stub, with its undocs.org link.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unref.corpus.store.base import DocumentInfo, Edge, Store, best_copy, symbol_keys
from unref.corpus.store.query import Snippet, window
from unref.errors import UnrefError
from unref.symbols import try_parse

__all__ = ["LETTER_TYPES", "Link", "Member", "Node", "NotInCorpus", "cited_by", "cites", "family", "thread"]

# The documents that a correspondence thread follows.
LETTER_TYPES = frozenset({"letter", "identical_letters", "note_verbale"})
SNIPPET_WIDTH = 240


class NotInCorpus(UnrefError):
    """The symbol names no document of the corpus."""

    def __init__(self, symbol: str) -> None:
        super().__init__(None, f"{symbol} is not in the corpus (see `unref ingest`)")


@dataclass(frozen=True, slots=True)
class Node:
    """A document of the graph: stored (with `document`) or a stub known only from citations."""

    symbol: str
    document: DocumentInfo | None = None
    url: str | None = None

    @property
    def label(self) -> str:
        """Return the name to show: the symbol, or the file name of a stored document without one."""
        if self.document is not None and self.document.symbol is None:
            return Path(self.document.path or self.symbol).name
        return self.symbol

    @property
    def in_corpus(self) -> bool:
        """Return whether a stored document stands behind the node."""
        return self.document is not None

    def to_json(self) -> dict[str, Any]:
        """Return the node as a JSON object."""
        d = self.document
        return {"symbol": self.symbol, "in_corpus": self.in_corpus, "url": self.url,
                "symbols": list(d.symbols) if d else [self.symbol], "title": d.title if d else None,
                "date": d.date if d else None, "doc_type": d.doc_type if d else None}


@dataclass(frozen=True, slots=True)
class Link:
    """A citation between two nodes, with the citing passage and the citation highlighted in it."""

    source: Node
    target: Node
    kind: str
    text: str
    location: str
    passage: Snippet | None

    def to_json(self) -> dict[str, Any]:
        """Return the link as a JSON object."""
        return {"source": self.source.symbol, "target": self.target.to_json(), "kind": self.kind, "text": self.text,
                "location": self.location, "passage": self.passage.text if self.passage else None,
                "highlights": [list(h) for h in self.passage.highlights] if self.passage else []}


def _url(symbol: str, language: str | None = None) -> str | None:
    parsed = try_parse(symbol)
    return parsed.url(language or "en") if parsed is not None else None


def _work(doc: DocumentInfo) -> str:
    """Return the name of the document that `doc` is a copy of."""
    return doc.symbol or f"sha256:{doc.hash}"


def _copies(store: Store, symbol: str) -> list[DocumentInfo]:
    docs = store.documents(symbol_keys(symbol))
    if not docs:
        raise NotInCorpus(symbol)
    return docs


def _best_by_work(docs: Iterable[DocumentInfo], language: str | None) -> dict[str, DocumentInfo]:
    groups: dict[str, list[DocumentInfo]] = {}
    for d in docs:
        groups.setdefault(_work(d), []).append(d)
    return {work: doc for work, copies in groups.items() if (doc := best_copy(copies, language)) is not None}


def _nodes(store: Store, keys: Iterable[str], language: str | None) -> dict[str, Node]:
    """Return the node of every symbol key: the best stored copy holding it, or a stub."""
    keys = list(dict.fromkeys(keys))
    holders: dict[str, list[DocumentInfo]] = {}
    for stored in store.documents(keys):
        for s in stored.symbols:
            holders.setdefault(s, []).append(stored)
    nodes = {}
    for key in keys:
        doc = best_copy(holders.get(key, []), language)
        nodes[key] = Node(_work(doc) if doc else key, doc, _url(key, doc.language if doc else language))
    return nodes


def _passage(store: Store, doc_id: int, location: str, ranges: list[tuple[int, int]]) -> Snippet | None:
    """Return the passage at `location` around the first range, with every range highlighted."""
    text = store.passage(doc_id, location)
    if text is None:
        return None
    ranges = sorted((max(0, s), min(len(text), e)) for s, e in ranges)
    return window(text, ranges, ranges[0][0] if ranges else 0, SNIPPET_WIDTH)


# What a document cites as documents: UN symbols, and beside them other bodies' documents, treaties, letters and
# publications; not web addresses, nor short forms ("ibid."), which stand for a citation already listed.
DOCUMENT_KINDS = ("un_symbol", "coe_resolution", "osce_document", "icj_document", "eu_document", "au_document",
                  "treaty", "letter", "publication")


def cites(store: Store, symbol: str, *, kinds: Iterable[str] = ("un_symbol",),
          language: str | None = None) -> list[Link]:
    """Return what the document cites, each target once (its first citation), in reading order.

    `kinds` selects citation kinds (empty: all, web addresses and treaties too).
    """
    doc = best_copy(_copies(store, symbol), language)
    assert doc is not None
    source = Node(_work(doc), doc, _url(_work(doc), doc.language))
    edges = [e for e in store.citations_from([doc.id], kinds=kinds) if e.target and e.target not in doc.symbols]
    first: dict[tuple[str, str | None], Edge] = {}
    for e in edges:
        first.setdefault((e.kind, e.target), e)
    firsts = list(first.values())
    symbol_targets = [e.target for e in firsts if e.kind == "un_symbol" and e.target]
    nodes = _nodes(store, symbol_targets, doc.language)
    links = []
    for e in firsts:
        assert e.target is not None
        target = nodes.get(e.target) if e.kind == "un_symbol" else None
        links.append(Link(source, target or Node(e.target, None, e.url), e.kind, e.text, e.location,
                          _passage(store, e.source.id, e.location, [(e.start, e.end)])))
    return links


def cited_by(store: Store, symbol: str, *, language: str | None = None) -> list[Link]:
    """Return every passage that cites the document (any of its symbols), by date of the citing document.

    The document need not be in the corpus: a stub is cited by what cites its symbol.
    """
    keys = symbol_keys(symbol)
    try:
        copies = _copies(store, symbol)
    except NotInCorpus:
        copies = []
    keys += [s for d in copies for s in d.symbols if s not in keys]
    target = _nodes(store, keys[:1], language)[keys[0]]
    edges = [e for e in store.citations_to(keys) if not set(e.source.symbols) & set(keys)]
    best = _best_by_work((e.source for e in edges), language)
    passages: dict[tuple[str, str], list[Edge]] = {}  # one link per citing passage
    for e in edges:
        if best[_work(e.source)].id == e.source.id:
            passages.setdefault((_work(e.source), e.location), []).append(e)
    links = []
    for (work, location), group in passages.items():
        first = group[0]
        source = Node(work, first.source, _url(work, first.source.language))
        ranges = [(e.start, e.end) for e in group]
        links.append(Link(source, target, first.kind, "; ".join(dict.fromkeys(e.text for e in group)), location,
                          _passage(store, first.source.id, location, ranges)))
    return links


@dataclass(frozen=True, slots=True)
class Member:
    """A member of a document family and how it relates to the family's base symbol."""

    node: Node
    relation: str  # original, addendum, corrigendum, revision, amendment, same document

    def to_json(self) -> dict[str, Any]:
        """Return the member as a JSON object."""
        return {**self.node.to_json(), "relation": self.relation}


RELATIONS = {"Add": "addendum", "Corr": "corrigendum", "Rev": "revision", "Amend": "amendment"}


def _relation(key: str) -> str:
    parsed = try_parse(key)
    if parsed is None or not parsed.modifiers:
        return "original"
    return RELATIONS.get(parsed.modifiers[-1].split(".")[0], "modified")


def _base(key: str) -> str:
    parsed = try_parse(key)
    return str(parsed.base) if parsed is not None else key


def family(store: Store, symbol: str, *, language: str | None = None) -> list[Member]:
    """Return the family of a symbol: its Add./Corr./Rev. (stored or cited) and the other symbols of its documents."""
    keys = symbol_keys(symbol)
    own_bases = {_base(k) for k in keys}
    # A double-symbol document brings its other symbol, and that symbol's own family.
    co_symbols = {s for d in store.documents(keys, bases=own_bases) for s in d.symbols}
    bases = own_bases | {_base(s) for s in co_symbols}
    stored = {s for d in store.documents(bases=bases) for s in d.symbols}
    cited = {e.target for e in store.citations_to(bases, by_base=True) if e.target}
    # The parent (the base symbol of an Add., Corr. or Rev.) is a member even when neither stored nor cited: a
    # family is shown from its original, which undocs.org holds.
    member_keys = sorted(stored | cited | set(keys) | own_bases)
    nodes = _nodes(store, member_keys, language)
    return [Member(Node(key, nodes[key].document, nodes[key].url),
                   _relation(key) if _base(key) in own_bases else "same document") for key in member_keys]


@dataclass(slots=True)
class Letter:
    """A letter of a correspondence thread, and the letters of the thread it refers to and is referred to by."""

    node: Node
    refers_to: list[str] = field(default_factory=list)
    referred_by: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the letter as a JSON object."""
        return {**self.node.to_json(), "refers_to": self.refers_to, "referred_by": self.referred_by}


def thread(store: Store, symbol: str, *, language: str | None = None, limit: int = 500) -> list[Letter]:
    """Return the correspondence thread of a letter, in date order.

    The thread holds the letters (and notes verbales) of the corpus reached from this one by
    following citations between letters both ways: those it answers or refers to, those that
    answer or refer to it, and so on, up to `limit` letters (the nearest ones).
    """
    members = _reach(store, symbol, language, limit)
    letters = {work: Letter(Node(work, doc, _url(work, doc.language))) for work, doc in members.items()}
    _link_letters(store, members.values(), letters)
    return sorted(letters.values(), key=_date_order)


def _reach(store: Store, symbol: str, language: str | None, limit: int) -> dict[str, DocumentInfo]:
    """Return the letters of the thread by work: this one's, then ring by ring of neighbours, the first `limit`."""
    members = _best_by_work(_copies(store, symbol), language)
    frontier = dict(members)
    while frontier and len(members) < limit:
        frontier = {w: d for w, d in _neighbours(store, frontier.values(), language).items() if w not in members}
        members.update(frontier)
    return dict(list(members.items())[:limit])


def _link_letters(store: Store, members: Iterable[DocumentInfo], letters: dict[str, Letter]) -> None:
    """Fill in which letters of the thread each one refers to and is referred to by (any copy citing any symbol)."""
    copies = store.documents({s for d in members for s in d.symbols})
    holder = {s: _work(d) for d in copies for s in d.symbols if _work(d) in letters}
    for e in store.citations_from([d.id for d in copies]):
        src, dst = _work(e.source), holder.get(e.target or "")
        if src in letters and dst is not None and dst != src:
            _add_once(letters[src].refers_to, dst)
            _add_once(letters[dst].referred_by, src)


def _add_once(items: list[str], item: str) -> None:
    """Append `item` unless the list holds it already: a letter cited twice is one link."""
    if item not in items:
        items.append(item)


def _date_order(letter: Letter) -> tuple[str, str]:
    """Return the sort key of a thread's letter: its date (undated first), then its symbol."""
    return (letter.node.document.date if letter.node.document else None) or "", letter.node.symbol


def _neighbours(store: Store, docs: Iterable[DocumentInfo], language: str | None) -> dict[str, DocumentInfo]:
    """Return the letters that these documents cite, and the letters that cite them, by work."""
    copies = store.documents({s for d in docs for s in d.symbols})
    own = {s for d in copies for s in d.symbols}
    targets = {e.target for e in store.citations_from([d.id for d in copies]) if e.target} - own
    cited = [d for d in store.documents(targets) if d.doc_type in LETTER_TYPES]
    citing = [e.source for e in store.citations_to(own) if e.source.doc_type in LETTER_TYPES]
    return _best_by_work(cited + citing, language)
