"""The PostgreSQL store (psycopg 3): the same tables and code as SQLite, full text in a tsvector with GIN."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from uuid import uuid4

from unref.corpus.store.base import Passage, passage_id, redact
from unref.corpus.store.errors import CannotOpen, MissingFeature, SearchTimeout
from unref.corpus.store.query import Query, QueryError, fold
from unref.corpus.store.sql import SQLStore

__all__ = ["PostgresStore", "redact"]

MIGRATION_LOCK = 72_730_001  # pg_advisory_xact_lock key: one migrating process per schema
PHRASE_CANDIDATES = 4  # a phrase query reads at most this many times the window of candidates


class PostgresStore(SQLStore):
    """A corpus in a PostgreSQL database (in its current schema: tests give each one its own)."""

    backend = "postgres"
    search_window = 1000

    def __init__(self, url: str, *, timeout: float = 10.0, connect_timeout: float = 10.0,
                 read_only: bool = False) -> None:
        try:
            import psycopg
        except ImportError as err:  # pragma: no cover - psycopg is a dependency
            raise MissingFeature("PostgreSQL needs psycopg: pip install 'psycopg[binary]'") from err
        self.url = url
        self.timeout = timeout
        self.read_only = read_only
        self._psycopg = psycopg
        self._sql_cache: dict[str, str] = {}
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(connect_timeout)))
            if read_only:  # every transaction of this session is read-only: the server refuses writes
                self.conn.execute("SET default_transaction_read_only = on")
                self.check_schema()
            else:
                self.migrate()
        except psycopg.Error as err:  # cannot connect, no schema to create tables in, no rights, ...
            reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise CannotOpen(f"cannot use PostgreSQL at {redact(url)}: {reason}") from err

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def limit_statements(self, seconds: float) -> None:
        """Make the server cancel any statement of this session that runs longer than `seconds` (at least 1 ms)."""
        self.conn.execute(f"SET statement_timeout = {max(1, int(seconds * 1000))}")

    # -- dialect hooks -------------------------------------------------------------

    def _pg(self, sql: str) -> str:
        """Return `sql` with ? placeholders as psycopg's %s."""
        out = self._sql_cache.get(sql)
        if out is None:
            out = self._sql_cache[sql] = sql.replace("%", "%%").replace("?", "%s")
        return out

    def _execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self._pg(sql), args)

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(self._pg(sql), rows)

    def _has_table(self, name: str) -> bool:
        row = self.conn.execute("SELECT to_regclass(%s) IS NOT NULL", (name,)).fetchone()
        return bool(row and row[0])

    def _begin(self) -> None:
        self.conn.execute("BEGIN")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        if self.conn.info.transaction_status != self._psycopg.pq.TransactionStatus.IDLE:
            self.conn.execute("ROLLBACK")

    def _lock_migrations(self) -> None:
        self.conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(current_schema()))", (MIGRATION_LOCK,))

    def _run_script(self, sql: str) -> None:
        self.conn.execute(sql)  # a literal script without parameters: psycopg allows several statements

    def _stream(self, sql: str, args: Sequence[Any] = ()) -> Iterator[Sequence[Any]]:
        # A connection of its own with a server-side cursor: rows come in batches, whatever
        # this connection does meanwhile.
        with self._psycopg.connect(self.url) as conn, conn.cursor(name=f"unref_{uuid4().hex}") as cur:
            cur.itersize = 2000
            cur.execute(self._pg(sql), args)
            yield from cur

    def _insert_rows(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if rows:
            with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def _insert_passages(self, passages: list[tuple[int, Passage]]) -> None:
        # Copied into a scratch table with their folded text, then indexed by the server in one statement.
        if not passages:
            return
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS passages_in (id BIGINT, document_id BIGINT, seq INTEGER,"
                          " kind TEXT, ref TEXT, role TEXT, page INTEGER, text TEXT, folded TEXT)")
        self._insert_rows("passages_in", ("id", "document_id", "seq", "kind", "ref", "role", "page", "text", "folded"),
                          [(passage_id(i, p.seq), i, p.seq, p.kind, p.ref, p.role, p.page, p.text, fold(p.text))
                           for i, p in passages])
        self.conn.execute("INSERT INTO passages (id, document_id, seq, kind, ref, role, page, text, tsv)"
                          " SELECT id, document_id, seq, kind, ref, role, page, text,"
                          " CASE WHEN role = 'masthead' THEN ''::tsvector ELSE to_tsvector('simple', folded) END"
                          " FROM passages_in")
        self.conn.execute("TRUNCATE passages_in")

    def _size(self) -> int:
        row = self.conn.execute(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"
        ).fetchone()
        return int(row[0]) if row else 0

    # -- search ----------------------------------------------------------------------

    @staticmethod
    def _symbol_prefix(prefix: str) -> tuple[str, str]:
        # LIKE: case-sensitive, and the planner can estimate it; a \ % or _ of the prefix is matched as itself.
        return "s.symbol LIKE ?", re.sub(r"([\\%_])", r"\\\1", prefix) + "%"

    def _search_ids(self, query: Query, where: str, args: list[Any], limit: int, offset: int,
                    window: int | None, after: tuple[float, int] | None = None) -> list[tuple[int, float]]:
        join = " JOIN documents d ON d.id = p.document_id" if where else ""
        # GIN yields every match before the heap is read; the window caps the rows read and ranked
        # (LIMIT NULL: no window). The words of a phrase find candidates, which are capped too, and
        # their positions are checked on those only. The order is (score descending, id); `after`
        # keeps the matches past one of those positions.
        has_phrase = any(len(u.words) > 1 for u in query.units())
        outer = " WHERE c.tsv @@ to_tsquery('simple', ?)" if has_phrase and window else ""
        keyset = " WHERE r.score < ? OR (r.score = ? AND r.id > ?)" if after else ""
        sql = (f"SELECT r.id, r.score FROM (SELECT c.id, ts_rank(c.tsv, to_tsquery('simple', ?), 1)::float8 AS score"
               f" FROM (SELECT p.id, p.tsv FROM passages p{join} WHERE p.tsv @@ to_tsquery('simple', ?)"
               f"{' AND ' + where if where else ''} LIMIT ?) c{outer}) r{keyset} ORDER BY r.score DESC, r.id"
               " LIMIT ? OFFSET ?")
        full = query.to_tsquery()
        candidates = query.to_tsquery(phrases=False) if outer else full
        params = [full, candidates, *args, window * PHRASE_CANDIDATES if outer and window else window,
                  *([full] if outer else []), *([after[0], after[0], after[1]] if after else []), limit, offset]
        errors = self._psycopg.errors
        try:
            with self.transaction():
                self.conn.execute(f"SET LOCAL statement_timeout = {int(self.timeout * 1000)}")
                self.conn.execute("SET LOCAL work_mem = '32MB'")  # exact bitmaps: no rows read twice
                rows = self._execute(sql, params).fetchall()
        except errors.QueryCanceled:
            raise SearchTimeout(self.timeout) from None
        except (errors.SyntaxError, errors.DataException) as err:
            raise QueryError(str(err).splitlines()[0]) from None
        return [(int(pid), float(score)) for pid, score in rows]
