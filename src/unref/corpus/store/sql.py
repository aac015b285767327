"""The Store over SQL: one implementation for SQLite and PostgreSQL, with small dialect hooks.

Statements are written once with ``?`` placeholders. A backend supplies the connection,
transactions, the full-text query, streaming reads and the size on disk.
"""

from __future__ import annotations

import json
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from unref import __version__
from unref.corpus.iters import chunks
from unref.corpus.store.base import (
    FACETS,
    DocumentInfo,
    Edge,
    Failure,
    Filters,
    Passage,
    Prepared,
    Store,
    expand_record,
    now,
    redact,
)
from unref.corpus.store.errors import NeedsMigration, NoCorpus
from unref.corpus.store.migrations import load

DOC_COLUMNS = ("d.id, d.hash, d.path, d.symbol, d.symbols, d.title, d.doc_type, d.date, d.language, d.format,"
               " d.pages, d.ingested_at")
N_DOC_COLUMNS = 12
CITATION_COLUMNS = "c.kind, c.target, c.text, c.location, c.start_offset, c.end_offset, c.url"
CHUNK = 500  # parameters per IN (...) list


def _doc(row: Sequence[Any]) -> DocumentInfo:
    return DocumentInfo(
        id=int(row[0]), hash=row[1], path=row[2], symbol=row[3], symbols=tuple(json.loads(row[4])), title=row[5],
        doc_type=row[6], date=row[7], language=row[8], format=row[9], pages=int(row[10]), ingested_at=row[11],
    )


def _edge(row: Sequence[Any]) -> Edge:
    d = _doc(row[:N_DOC_COLUMNS])
    kind, target, text, location, start, end, url = row[N_DOC_COLUMNS:]
    return Edge(d, kind, target, text, location, int(start), int(end), url)


def _chunks(items: Iterable[Any]) -> Iterator[list[Any]]:
    """Yield the items in lists of CHUNK: as many as one statement's placeholders may take."""
    return chunks(items, CHUNK)


def _rank(format: str) -> int:
    """Return how good a source of a document a file of this format is, best first: a PDF carries the page
    geometry (boxes, the page of each paragraph) that text extracted from it has lost."""
    return 0 if format == "pdf" else 1


def _marks(n: int) -> str:
    return ", ".join("?" * n)


class SQLStore(Store):
    """A Store over a DB-API connection; subclasses say how their SQL dialect differs."""

    _depth = 0  # transaction nesting: only the outermost one commits

    # -- dialect hooks ---------------------------------------------------------

    @abstractmethod
    def _execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """Run one statement written with ? placeholders; return the cursor."""

    @abstractmethod
    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for many rows."""

    @abstractmethod
    def _begin(self) -> None:
        """Start a write transaction."""

    @abstractmethod
    def _commit(self) -> None:
        """Commit the transaction."""

    @abstractmethod
    def _rollback(self) -> None:
        """Roll the transaction back."""

    @abstractmethod
    def _run_script(self, sql: str) -> None:
        """Run the statements of a migration, inside the current transaction."""

    @abstractmethod
    def _stream(self, sql: str, args: Sequence[Any] = ()) -> Iterator[Sequence[Any]]:
        """Yield the rows of a query without holding them all in memory."""

    def _insert_rows(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        """Write rows into a table (PostgreSQL copies them)."""
        if rows:
            self._executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({_marks(len(columns))})", rows)

    @abstractmethod
    def _insert_passages(self, passages: list[tuple[int, Passage]]) -> None:
        """Write (document id, passage) rows and index them for full-text search."""

    @abstractmethod
    def _size(self) -> int:
        """Return the size of the store on disk in bytes."""

    def _lock_migrations(self) -> None:
        """Keep two processes from migrating at once (inside the migration transaction)."""

    # -- plumbing ----------------------------------------------------------------

    def _all(self, sql: str, args: Sequence[Any] = ()) -> list[Sequence[Any]]:
        return list(self._execute(sql, args).fetchall())

    def _one(self, sql: str, args: Sequence[Any] = ()) -> Sequence[Any] | None:
        row: Sequence[Any] | None = self._execute(sql, args).fetchone()
        return row

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._rollback()
            raise
        self._depth = 0
        self._commit()

    def transaction(self) -> AbstractContextManager[None]:
        """Return a context in which writes commit together, or not at all; nested ones join the outer."""
        return self._transaction()

    @abstractmethod
    def _has_table(self, name: str) -> bool:
        """Return whether the table exists (in the current schema)."""

    def _applied(self) -> set[int]:
        if not self._has_table("migrations"):
            return set()
        return {int(row[0]) for row in self._all("SELECT version FROM migrations")}

    def migrate(self) -> list[str]:
        """Apply the migrations that this database lacks; return their names.

        A database that is up to date is only read: readers never wait for a writer's lock.
        """
        steps = load(self.backend)
        if {s.version for s in steps} <= self._applied():
            return []
        done = []
        with self.transaction():
            self._lock_migrations()
            self._execute("CREATE TABLE IF NOT EXISTS migrations "
                          "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            applied = self._applied()  # again, under the lock: another process may have migrated meanwhile
            for step in steps:
                if step.version in applied:
                    continue
                self._run_script(step.sql)
                self._execute("INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                              (step.version, step.name, now()))
                done.append(step.name)
        return done

    def check_schema(self) -> None:
        """Raise StoreError unless every migration is applied: a read-only store cannot migrate."""
        steps = load(self.backend)
        applied = self._applied()
        if not applied:
            raise NoCorpus(redact(self.url), "URL")
        missing = sorted(s.version for s in steps if s.version not in applied)
        if missing:
            raise NeedsMigration(redact(self.url), missing[0])

    def migrations(self) -> list[tuple[int, str, str]]:
        """Return the applied migrations: (version, name, applied at)."""
        return [(int(v), n, a) for v, n, a in self._all("SELECT version, name, applied_at FROM migrations ORDER BY 1")]

    # -- writing -------------------------------------------------------------------

    def add_many(self, docs: Sequence[Prepared], *, replace: bool = False) -> list[bool]:
        """Write documents in one transaction; return, for each, whether it was new (known hashes are skipped)."""
        added: list[tuple[int, Prepared]] = []
        sourced: list[Prepared] = []
        with self.transaction():
            for doc in sorted(docs, key=lambda d: d.hash):  # one lock order: concurrent writers never deadlock
                if replace:
                    self.delete(doc.hash)
                elif self._hashes_in("sources", [doc.hash]):
                    continue
                copy = self._copy_of(doc)
                if copy is not None and _rank(doc.format) >= _rank(copy[1]):
                    self._add_source(copy[0], doc.hash, doc.path, doc.format)
                    sourced.append(doc)
                    continue
                doc_id = self._insert_document(doc)
                if doc_id is None:
                    continue
                added.append((doc_id, doc))
                if copy is not None:  # a better source of a stored document, perhaps one of this batch
                    sourced.extend(d for i, d in added if i == copy[0])
                    added = [(i, d) for i, d in added if i != copy[0]]
                    self._demote(copy[0], doc_id)
            self._insert_rows_of(added)
            added.extend((0, d) for d in sourced)
            for chunk in _chunks(d.hash for _, d in added):
                self._execute(f"DELETE FROM failures WHERE hash IN ({_marks(len(chunk))})", chunk)
        inserted = {id(d) for _, d in added}
        return [id(doc) in inserted for doc in docs]

    def _insert_document(self, doc: Prepared) -> int | None:
        """Write a document's own row; return its id, or None when its hash is stored already."""
        row = self._one(
            "INSERT INTO documents (hash, path, symbol, symbols, title, doc_type, date, language, format,"
            " pages, record, unref_version, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (hash) DO NOTHING RETURNING id",
            (doc.hash, doc.path, doc.symbol, json.dumps(doc.symbols, ensure_ascii=False), doc.title,
             doc.doc_type, doc.date, doc.language, doc.format, doc.pages, doc.record, __version__, now()),
        )
        return int(row[0]) if row is not None else None

    def _insert_rows_of(self, added: list[tuple[int, Prepared]]) -> None:
        """Write the rows that hang off new documents: symbols, organs, agenda items, passages, citations."""
        self._insert_rows("symbols", ("symbol", "base", "document_id", "position"), [
            (s, b, i, n) for i, d in added for n, (s, b) in enumerate(zip(d.symbols, d.bases, strict=True))])
        self._insert_rows("organs", ("document_id", "organ"), [(i, o) for i, d in added for o in d.organs])
        self._insert_rows("agenda_items", ("document_id", "organ", "item"),
                          [(i, o, item) for i, d in added for o, item in d.agenda_items])
        self._insert_passages([(i, p) for i, d in added for p in d.passages])
        self._insert_rows(
            "citations", ("document_id", "seq", "kind", "target", "target_base", "text", "location",
                          "start_offset", "end_offset", "url", "resolved"),
            [(i, c.seq, c.kind, c.target, c.target_base, c.text, c.location, c.start, c.end, c.url, c.resolved)
             for i, d in added for c in d.citations],
        )

    # One record per document (issue 14): a PDF and the text extracted from it, or two files of the same
    # document, share their first symbol and language. The best source is the document (`_rank`); the others
    # are its `sources`, never shown twice in search, graph or thread. Files without a symbol are never merged.

    def _copy_of(self, doc: Prepared) -> tuple[int, str] | None:
        """Return (id, format) of the stored document that `doc` is another source of, if there is one."""
        if doc.symbol is None:
            return None
        row = self._one("SELECT id, format FROM documents WHERE symbol = ? AND COALESCE(language, '') = ?"
                        " AND hash != ? ORDER BY id LIMIT 1", (doc.symbol, doc.language or "", doc.hash))
        return (int(row[0]), str(row[1])) if row is not None else None

    def _add_source(self, doc_id: int, hash: str, path: str | None, format: str) -> None:
        """Record a file as another source of the stored document `doc_id`."""
        self._execute("INSERT INTO sources (hash, document_id, path, format, ingested_at) VALUES (?, ?, ?, ?, ?)"
                      " ON CONFLICT (hash) DO NOTHING", (hash, doc_id, path, format, now()))

    def _demote(self, old_id: int, new_id: int) -> None:
        """Make the stored document `old_id` a source of `new_id`, a better source of the same document."""
        self._execute("UPDATE sources SET document_id = ? WHERE document_id = ?", (new_id, old_id))
        row = self._one("SELECT hash, path, format FROM documents WHERE id = ?", (old_id,))
        if row is not None:
            self._add_source(new_id, row[0], row[1], row[2])
        self._execute("DELETE FROM documents WHERE id = ?", (old_id,))

    def sources(self, doc_id: int) -> list[dict[str, Any]]:
        """Return the files stored as other sources of a document: hash, path, format, when ingested."""
        return [{"hash": h, "path": p, "format": f, "ingested_at": t} for h, p, f, t in self._all(
            "SELECT hash, path, format, ingested_at FROM sources WHERE document_id = ? ORDER BY ingested_at, hash",
            (doc_id,))]

    def delete(self, hash: str) -> bool:
        """Remove the document with this content hash and all its rows, or the source with this hash;
        return whether there was one. A document's other sources go with it."""
        with self.transaction():
            source = self._one("DELETE FROM sources WHERE hash = ? RETURNING hash", (hash,)) is not None
            return self._one("DELETE FROM documents WHERE hash = ? RETURNING id", (hash,)) is not None or source

    def record_failure(self, failure: Failure) -> None:
        """Record a file that failed, replacing an earlier failure of the same content (or unreadable path)."""
        with self.transaction():
            if failure.hash is None:
                self._execute("DELETE FROM failures WHERE hash IS NULL AND path = ?", (failure.path,))
            else:
                self._execute("DELETE FROM failures WHERE hash = ?", (failure.hash,))
            self._execute("INSERT INTO failures (path, hash, reason, failed_at) VALUES (?, ?, ?, ?)",
                          (failure.path, failure.hash, failure.reason, failure.failed_at))

    # -- reading ---------------------------------------------------------------------

    def _hashes_in(self, table: str, hashes: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(hashes):
            found.update(r[0] for r in self._all(f"SELECT hash FROM {table} WHERE hash IN ({_marks(len(chunk))})",
                                                 chunk))
        return found

    def known(self, hashes: Iterable[str]) -> set[str]:
        """Return which of these content hashes are stored: documents, or other sources of one."""
        wanted = list(hashes)
        return self._hashes_in("documents", wanted) | self._hashes_in("sources", wanted)

    def known_failures(self, hashes: Iterable[str]) -> set[str]:
        """Return which of these content hashes are recorded failures."""
        return self._hashes_in("failures", hashes)

    def failures(self) -> Iterator[Failure]:
        """Yield the recorded failures, oldest first."""
        for path, hash, reason, at in self._stream("SELECT path, hash, reason, failed_at FROM failures ORDER BY id"):
            yield Failure(path, hash, reason, at)

    def documents(self, symbols: Iterable[str] = (), *, bases: Iterable[str] = (),
                  hashes: Iterable[str] = ()) -> list[DocumentInfo]:
        """Return the documents that hold any of these symbol keys or bases, or have these hashes."""
        found: dict[int, DocumentInfo] = {}
        queries = (
            ("d.id IN (SELECT document_id FROM symbols WHERE symbol IN ({}))", symbols),
            ("d.id IN (SELECT document_id FROM symbols WHERE base IN ({}))", bases),
            ("d.hash IN ({})", hashes),
        )
        for condition, values in queries:
            for chunk in _chunks(dict.fromkeys(values)):
                sql = f"SELECT {DOC_COLUMNS} FROM documents d WHERE {condition.format(_marks(len(chunk)))}"
                found.update((d.id, d) for d in map(_doc, self._all(sql, chunk)))
        return [found[k] for k in sorted(found)]

    def iter_documents(self, filters: Filters | None = None) -> Iterator[DocumentInfo]:
        """Yield every document's metadata (those that pass `filters`), in ingest order, streaming."""
        where, args = filters.where(self._symbol_prefix) if filters is not None else ("", [])
        sql = f"SELECT {DOC_COLUMNS} FROM documents d {'WHERE ' + where if where else ''} ORDER BY d.id"
        for row in self._stream(sql, args):
            yield _doc(row)

    def record(self, doc_id: int) -> dict[str, Any]:
        """Return the full ``unref.document/1`` record of a stored document."""
        row = self._one("SELECT record FROM documents WHERE id = ?", (doc_id,))
        if row is None:
            raise KeyError(doc_id)
        texts = self._all("SELECT kind, text FROM passages WHERE document_id = ? ORDER BY seq", (doc_id,))
        return expand_record(bytes(row[0]), ((k, t) for k, t in texts))

    def iter_records(self) -> Iterator[tuple[DocumentInfo, dict[str, Any]]]:
        """Yield every document with its full record, in ingest order, streaming."""
        for doc in self.iter_documents():
            yield doc, self.record(doc.id)

    def passage(self, doc_id: int, ref: str) -> str | None:
        """Return the text of a document's paragraph ("p3") or footnote ("fn:2"), or None."""
        row = self._one("SELECT text FROM passages WHERE document_id = ? AND ref = ? ORDER BY seq LIMIT 1",
                        (doc_id, ref))
        return row[0] if row else None

    def citations_from(self, doc_ids: Iterable[int], *, kinds: Iterable[str] = ("un_symbol",)) -> list[Edge]:
        """Return the citations that these documents make (all kinds when `kinds` is empty), in order."""
        kinds = list(kinds)
        kind_sql = f" AND c.kind IN ({_marks(len(kinds))})" if kinds else ""
        edges: list[Edge] = []
        for chunk in _chunks(doc_ids):
            sql = (f"SELECT {DOC_COLUMNS}, {CITATION_COLUMNS} FROM citations c JOIN documents d ON d.id = c.document_id"
                   f" WHERE c.document_id IN ({_marks(len(chunk))}){kind_sql} ORDER BY c.document_id, c.seq")
            edges += map(_edge, self._all(sql, [*chunk, *kinds]))
        return edges

    def citations_to(self, targets: Iterable[str], *, by_base: bool = False) -> list[Edge]:
        """Return the UN-symbol citations whose target (or its base, with `by_base`) is one of these keys."""
        column = "c.target_base" if by_base else "c.target"
        edges: list[Edge] = []
        for chunk in _chunks(dict.fromkeys(targets)):
            sql = (f"SELECT {DOC_COLUMNS}, {CITATION_COLUMNS} FROM citations c JOIN documents d ON d.id = c.document_id"
                   f" WHERE {column} IN ({_marks(len(chunk))}) AND c.kind = 'un_symbol' ORDER BY d.date, d.id, c.seq")
            edges += map(_edge, self._all(sql, chunk))
        return edges

    def iter_edges(self) -> Iterator[tuple[DocumentInfo, str, bool, str, str, str]]:
        """Yield (citing document, target node, target in corpus, kind, location, text) of UN-symbol citations.

        The target node is the first symbol of a stored document that holds the cited symbol,
        else the cited symbol itself. Rows come grouped by citing document, streaming.
        """
        sql = (f"SELECT {DOC_COLUMNS}, c.target, m.node, c.kind, c.location, c.text FROM citations c"
               " JOIN documents d ON d.id = c.document_id"
               " LEFT JOIN (SELECT s.symbol, MIN(h.symbol) AS node FROM symbols s"
               "   JOIN documents h ON h.id = s.document_id GROUP BY s.symbol) m ON m.symbol = c.target"
               " WHERE c.kind = 'un_symbol' AND c.target IS NOT NULL ORDER BY d.symbol, d.id, c.seq")
        for row in self._stream(sql):
            target, node, kind, location, text = row[N_DOC_COLUMNS:]
            yield _doc(row[:N_DOC_COLUMNS]), node or target, node is not None, kind, location, text

    def iter_works(self) -> Iterator[list[DocumentInfo]]:
        """Yield the copies of each document (same first symbol) together, streaming."""
        group: list[DocumentInfo] = []
        for row in self._stream(f"SELECT {DOC_COLUMNS} FROM documents d ORDER BY d.symbol, d.id"):
            doc = _doc(row)
            if group and (doc.symbol is None or doc.symbol != group[0].symbol):
                yield group
                group = []
            group.append(doc)
        if group:
            yield group

    def iter_stubs(self) -> Iterator[str]:
        """Yield every cited symbol key that no stored document holds, sorted, streaming."""
        sql = ("SELECT DISTINCT c.target FROM citations c WHERE c.kind = 'un_symbol' AND c.target IS NOT NULL"
               " AND NOT EXISTS (SELECT 1 FROM symbols s WHERE s.symbol = c.target) ORDER BY 1")
        for row in self._stream(sql):
            yield row[0]

    def stats(self) -> dict[str, Any]:
        """Return counts of documents, symbols, passages, citations, failures, and the size in bytes."""
        out: dict[str, Any] = {"backend": self.backend, "url": self.url}
        for table in ("documents", "symbols", "passages", "citations", "failures"):
            row = self._one(f"SELECT count(*) FROM {table}")
            out[table] = int(row[0]) if row else 0
        out["bytes"] = self._size()
        return out

    # -- search ------------------------------------------------------------------------

    def facets(self, doc_ids: Iterable[int]) -> dict[str, dict[str, int]]:
        """Return how many of these documents have each value of each facet (see `Store.facets`)."""
        ids = list(dict.fromkeys(doc_ids))
        out: dict[str, dict[str, int]] = {name: {} for name in FACETS}
        for chunk in _chunks(ids):
            marks = _marks(len(chunk))
            for facet, sql in (
                ("organ", f"SELECT organ, count(*) FROM organs WHERE document_id IN ({marks}) GROUP BY organ"),
                ("agenda_item", "SELECT item, count(DISTINCT document_id) FROM agenda_items"
                                f" WHERE document_id IN ({marks}) GROUP BY item"),
                ("year", f"SELECT substr(date, 1, 4), count(*) FROM documents WHERE id IN ({marks})"
                         " AND date IS NOT NULL GROUP BY 1"),
                ("type", f"SELECT doc_type, count(*) FROM documents WHERE id IN ({marks})"
                         " AND doc_type IS NOT NULL GROUP BY 1"),
                ("language", f"SELECT language, count(*) FROM documents WHERE id IN ({marks})"
                             " AND language IS NOT NULL GROUP BY 1"),
            ):
                counts = out[facet]
                for value, count in self._all(sql, chunk):
                    counts[str(value)] = counts.get(str(value), 0) + int(count)
        return out

    def _has_earlier_copy(self, symbol: str, passage: int, text: str, where: str, args: list[Any]) -> bool:
        """Return whether a document holding `symbol` and passing the filters has `text` before passage id `passage`."""
        row = self._one("SELECT 1 FROM documents d JOIN passages p ON p.document_id = d.id"
                        f" WHERE d.symbol = ? AND p.id < ? AND p.text = ?{' AND ' + where if where else ''} LIMIT 1",
                        [symbol, passage, text, *args])
        return row is not None

    def _passages(self, ids: list[int]) -> dict[int, tuple[DocumentInfo, str, str, int | None, str]]:
        """Return (document, ref, kind, page, text) of these passages, by id."""
        found: dict[int, tuple[DocumentInfo, str, str, int | None, str]] = {}
        for chunk in _chunks(ids):
            rows = self._all(f"SELECT p.id, p.ref, p.kind, p.page, p.text, {DOC_COLUMNS} FROM passages p"
                             f" JOIN documents d ON d.id = p.document_id WHERE p.id IN ({_marks(len(chunk))})", chunk)
            found.update((int(r[0]), (_doc(r[5:]), r[1], r[2], r[3], r[4])) for r in rows)
        return found
