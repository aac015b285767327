"""The SQLite store: one file in WAL mode, full text in FTS5 kept in sync by triggers."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from unref.corpus.store.base import PASSAGE_BITS, Passage, passage_id
from unref.corpus.store.errors import BadMigration, CannotOpen, MissingFeature, NoCorpus, SearchTimeout
from unref.corpus.store.query import Query, QueryError
from unref.corpus.store.sql import SQLStore

__all__ = ["SQLiteStore"]

PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",  # with WAL: a crash of the process never loses a commit
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 30000",  # one writer at a time; others wait
    "PRAGMA cache_size = -65536",  # 64 MiB
    "PRAGMA mmap_size = 268435456",
    "PRAGMA temp_store = MEMORY",
)


def _readable(conn: sqlite3.Connection) -> bool:
    """Return whether a connection can read its database's schema (a WAL file it cannot index cannot)."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        return False
    return True


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Return a read-only connection to the SQLite file at `path`.

    A reader of a WAL file shares the index of the log (the -shm file beside it) with the writers,
    and creates it when it is absent. In a read-only folder or on a read-only mount it cannot, and
    ``mode=ro`` alone fails ("attempt to write a readonly database"). There the file is opened
    ``immutable``: read as it is, without the shared index or locks, since nothing can change it
    through that folder.
    """
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    if _readable(conn):
        return conn
    conn.close()
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None, check_same_thread=False)


class SQLiteStore(SQLStore):
    """A corpus in one SQLite file (or in memory, for ":memory:")."""

    backend = "sqlite"

    def __init__(self, path: str | Path, *, url: str | None = None, timeout: float = 10.0,
                 read_only: bool = False) -> None:
        self.path = str(path)
        self.url = url or f"sqlite:///{self.path}"
        self.timeout = timeout
        self.read_only = read_only
        memory = self.path == ":memory:"
        if read_only and not memory and not Path(self.path).is_file():
            raise NoCorpus(self.path, self.path)
        if not memory and not read_only:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            if read_only and not memory:  # the file as it is: never created, never written
                self.conn = _connect_read_only(Path(self.path))
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            for pragma in PRAGMAS:
                if not (read_only and "journal_mode" in pragma):  # WAL is a property of the file, set by writers
                    self.conn.execute(pragma)
            if not self._has_fts5():
                raise MissingFeature("this Python's SQLite has no FTS5 full-text search")
            if read_only:
                self.conn.execute("PRAGMA query_only = ON")
                self.check_schema()
            else:
                self.migrate()
        except sqlite3.DatabaseError as err:
            raise CannotOpen(f"cannot open the SQLite corpus {self.path}: {err}") from err

    def _has_fts5(self) -> bool:
        try:
            self.conn.execute("CREATE VIRTUAL TABLE temp.unref_fts5_probe USING fts5(x)")
            self.conn.execute("DROP TABLE temp.unref_fts5_probe")
        except sqlite3.OperationalError:
            return False
        return True

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def limit_statements(self, seconds: float) -> None:
        """Nothing to set: SQLite has no statement timeout, and its searches keep their own deadline."""

    # -- dialect hooks -------------------------------------------------------------

    def _execute(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, args)

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def _has_table(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 (name,)).fetchone() is not None

    def _begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def _run_script(self, sql: str) -> None:
        statement = ""
        for line in sql.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                self.conn.execute(statement)
                statement = ""
        if statement.strip():
            raise BadMigration(statement)

    def _stream(self, sql: str, args: Sequence[Any] = ()) -> Iterator[Sequence[Any]]:
        yield from self.conn.execute(sql, args)

    def _insert_passages(self, passages: list[tuple[int, Passage]]) -> None:
        # The triggers of the first migration index each row in FTS5.
        self.conn.executemany(
            "INSERT INTO passages (id, document_id, seq, kind, ref, role, page, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(passage_id(doc_id, p.seq), doc_id, p.seq, p.kind, p.ref, p.role, p.page, p.text)
             for doc_id, p in passages],
        )

    def _size(self) -> int:
        if self.path == ":memory:":
            row = self.conn.execute("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
            return int(row.fetchone()[0])
        return sum(p.stat().st_size for p in Path(self.path).parent.glob(Path(self.path).name + "*"))

    # -- search ----------------------------------------------------------------------

    @staticmethod
    def _symbol_prefix(prefix: str) -> tuple[str, str]:
        # GLOB: case-sensitive, and the planner can estimate it; a * ? or [ of the prefix is matched as itself.
        return "s.symbol GLOB ?", re.sub(r"([*?\[])", r"[\1]", prefix) + "*"

    def _search_ids(self, query: Query, where: str, args: list[Any], limit: int, offset: int,
                    window: int | None, after: tuple[float, int] | None = None) -> list[tuple[int, float]]:
        # The document of a match is in its rowid: no passage row is read to filter.
        join = f" JOIN documents d ON d.id = (f.rowid >> {PASSAGE_BITS})" if where else ""
        # bm25 is lower for better matches: the order is (bm25, id), and `after` holds -bm25.
        keyset = " WHERE score > ? OR (score = ? AND id > ?)" if after else ""
        # FTS5 yields matches in rowid order: the window stops it after the first `window`.
        sql = (f"SELECT id, score FROM (SELECT f.rowid AS id, bm25(passages_fts) AS score FROM passages_fts f{join}"
               f" WHERE passages_fts MATCH ?{' AND ' + where if where else ''} LIMIT ?){keyset}"
               " ORDER BY score, id LIMIT ? OFFSET ?")
        bounds = [-after[0], -after[0], after[1]] if after else []
        deadline = time.monotonic() + self.timeout

        def too_long() -> int:
            return int(time.monotonic() > deadline)

        self.conn.set_progress_handler(too_long, 10000)
        try:
            rows = self.conn.execute(sql, [query.to_fts5(), *args, -1 if window is None else window, *bounds,
                                           limit, offset]).fetchall()
        except sqlite3.OperationalError as err:
            if "interrupted" in str(err):
                raise SearchTimeout(self.timeout) from None
            raise QueryError(str(err)) from None
        finally:
            self.conn.set_progress_handler(None, 0)
        # bm25 is lower for better matches: report it so that higher is better, as on PostgreSQL.
        return [(int(pid), -float(score)) for pid, score in rows]
