"""The PostgreSQL store (psycopg 3): the same tables and code as SQLite, full text in a tsvector with GIN."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple, TypeVar
from uuid import uuid4

from unref.corpus.store.base import PASSAGE_BITS, Failure, Passage, Prepared, passage_id, redact
from unref.corpus.store.errors import CannotOpen, MissingFeature, SearchTimeout, StoreError
from unref.corpus.store.query import Query, QueryError, Unit, fold
from unref.corpus.store.sql import SQLStore

__all__ = ["PostgresStore", "redact"]

MIGRATION_LOCK = 72_730_001  # pg_advisory_xact_lock key: one migrating process per schema
PHRASE_CANDIDATES = 4  # a phrase query reads at most this many times the window of candidates
# A broad query (its words in a large share of the passages) reads the table in order until its window is
# full, rather than building a bitmap of every match from the index, which grows with the corpus: at 20,000
# documents (3.4 M passages) a word in 2.5 % of them cost 50-77 ms through the index and 40 ms in order (a row
# read in order cost about twice a match put in the bitmap: SCAN_COST). See `scans_in_order`.
SCAN_COST = 2.0
# The search's head: the passages of the first 4,095 documents have a full-text index of their own
# (migration 0004, whose bound this must equal). A broad query finds its window there from a bitmap of
# share x head rows instead of share x all rows (see `searches_head`).
HEAD_DOCUMENTS = 4096
HEAD_ID = HEAD_DOCUMENTS << PASSAGE_BITS
HEAD_MARGIN = 2.0  # windows that the planner's shares must promise in the head (see `searches_head`)
STATS_AGE = 300.0  # seconds that the planner's word frequencies are kept before they are read again
# A writer whose connection is lost (the server restarted, an administrator ended the session) waits
# this long before each new attempt to connect, then gives up: about two minutes in all.
RECONNECT_DELAYS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 60.0)

log = logging.getLogger("unref.corpus.store")
T = TypeVar("T")


def query_share(query: Query, freqs: dict[str, float], floor: float) -> float:
    """Return at most what share of the passages can match `query` (excluded terms ignored).

    `freqs` are the planner's share of passages for its most common words; a word not among them is
    rarer than `floor`. A phrase or an AND is no more frequent than its rarest part; an OR is at most the
    sum of its parts; a prefix, the sum of the listed words it begins (at least `floor`).
    """

    def word(w: str, prefix: bool) -> float:
        if prefix:
            return max(floor, sum(f for k, f in freqs.items() if k.startswith(w)))
        return freqs.get(w, floor)

    def unit(u: Unit) -> float:
        return min(word(w, u.prefix and i == len(u.words) - 1) for i, w in enumerate(u.words))

    return min(min(1.0, sum(unit(u) for u in group)) for group in query.groups)


def scans_in_order(share: float, rows: float, window: int) -> bool:
    """Return whether reading the table in order until `window` matches costs less than the index's bitmap
    of every match: window / share rows read, at SCAN_COST each, against share * rows matches."""
    return share > 0 and window / share * SCAN_COST < share * rows


def searches_head(known_share: float, head_rows: float, rows: float, window: int) -> bool:
    """Return whether a search should look for its window in the head first.

    `known_share` counts only the words whose share the planner lists (a word it does not list counts
    as none), and must promise HEAD_MARGIN windows in the head: the shares are a sample's, and for an
    AND, an OR, a prefix or a phrase's words an upper bound; a head that holds less than a window is
    read for nothing. The head pays only when it is a small part of the table; in a small corpus it is
    the table.
    """
    return 0 < head_rows <= rows / 2 and known_share * head_rows >= HEAD_MARGIN * window


def counts_head(query: Query, head_rows: float, rows: float) -> bool:
    """Return whether a search that `searches_head` turned down should count its candidates in the head first,
    and search there when the head holds a window of them: a query with a prefix.

    The planner's shares cannot bound a prefix: it stands for any number of words, each too rare for the
    planner's list (its `floor`), so a broad one ('propo*': 5,200 passages of the head, 125,000 of the
    table) built the whole table's bitmap of every match. The count reads the head's index only.
    """
    return 0 < head_rows <= rows / 2 and any(u.prefix for u in query.units())


def holds_window(ranked: int, window: int, candidates: int | None = None, limit: int = 0) -> bool:
    """Return whether a search of the head found its whole window: `window` matches ranked, or, for a phrase,
    `limit` candidates read (of which fewer held the phrase); else it is run again on the whole table.

    The candidates are counted apart (`candidates`; None: not counted), only for a phrase held fewer
    than `window` times: a count in the search itself would cost every search of the head more.
    """
    return ranked >= window or (candidates is not None and candidates >= limit)


class Plan(NamedTuple):
    """Where a search looks for its candidates: in the head's index, and by reading the passages in order."""

    head: bool
    in_order: bool
    counted: bool = False  # the head is searched only when a count from its index finds a window of candidates


def search_settings(plan: Plan, timeout: float) -> tuple[str, tuple[str, ...]]:
    """Return the statement that sets a search's settings for its transaction, and its parameters.

    A time limit; exact bitmaps (work_mem: no rows read twice); one window of matches, the first in the
    table, whichever plan: no parallel workers, and a scan in order starts at the table's start, not where
    another scan of it is (on a table larger than a quarter of shared_buffers, PostgreSQL's default: the
    window moved between runs); no JIT compilation, whose tens of milliseconds a search that reads a window
    never wins back. The head's index is read as a bitmap unless the plan reads in order: with LIMIT, the
    planner would often read the head in order through the primary key.

    The search itself is never prepared: a plan fitted to this query's words. psycopg prepares a statement
    run five times, and the server then may keep one generic plan for every tsquery: a medium word with a
    filter took 1-4 s (was 20-50 ms) once the bench's query mix had run once in the same session.
    """
    bitmap_only = plan.head and not plan.in_order
    return ("SELECT set_config('statement_timeout', %s, true), set_config('work_mem', '32MB', true),"
            " set_config('max_parallel_workers_per_gather', '0', true),"
            " set_config('synchronize_seqscans', 'off', true), set_config('jit', 'off', true),"
            " set_config('enable_bitmapscan', %s, true), set_config('enable_seqscan', %s, true),"
            " set_config('enable_indexscan', %s, true)",
            (str(int(timeout * 1000)), "off" if plan.in_order else "on", *(["off" if bitmap_only else "on"] * 2)))


class ConnectionLost(StoreError):
    """The connection to PostgreSQL was lost, and no new one could be made in the time allowed."""


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
        self._stats: tuple[float, dict[str, float], float, float] | None = None  # read at, freqs, floor, rows
        self._head: tuple[float, float] | None = None  # read at, passages in the head's index (about)
        self._journal: list[Callable[[], Any]] = []  # the writes of the open transaction, to redo on a new connection
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

    # -- surviving a lost connection ------------------------------------------------
    #
    # A write that finds its connection gone connects again, with growing pauses, and says so in a
    # warning line. The server rolled back the open transaction when the connection went, so the
    # writes made in it so far (kept in `_journal`) are made again on the new connection before
    # the one that failed is retried; adding a document twice stores it once (its hash is the
    # key), so a commit whose answer was lost is safe to repeat. Callers (ingest) see nothing but
    # the warning.

    def _lost(self) -> bool:
        """Return whether this store's connection is gone (closed or broken), rather than a statement having failed."""
        return bool(self.conn.closed or self.conn.broken)

    def _reconnect(self, err: BaseException) -> None:
        """Connect again, pausing longer after each failure; then redo the open transaction's writes.

        Raise ConnectionLost when every attempt fails.
        """
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        for delay in RECONNECT_DELAYS:
            log.warning("unref: warning: lost the connection to PostgreSQL at %s (%s); connecting again in %g s",
                        redact(self.url), reason, delay)
            time.sleep(delay)
            try:
                self.conn = self._psycopg.connect(self.url, autocommit=True, connect_timeout=10)
                self._replay()
            except self._psycopg.OperationalError as again:
                reason = str(again).strip().splitlines()[0] if str(again).strip() else type(again).__name__
                continue
            log.warning("unref: warning: connected to PostgreSQL at %s again; going on", redact(self.url))
            return
        raise ConnectionLost(f"lost the connection to PostgreSQL at {redact(self.url)} and could not connect"
                             f" again within {sum(RECONNECT_DELAYS):g} s: {reason}")

    def _replay(self) -> None:
        """Open the transaction again on a new connection and redo the writes made in it so far."""
        if self._depth:
            self.conn.execute("BEGIN")
            for write in self._journal:
                write()

    def _surviving(self, write: Callable[[], T]) -> T:
        """Return `write()`, connecting again and retrying when the connection is lost; remember it while a
        transaction is open, to redo it should the connection go before the commit."""
        while True:
            try:
                result = write()
            except self._psycopg.OperationalError as err:
                if not self._lost():
                    raise
                self._reconnect(err)
                continue
            if self._depth:
                self._journal.append(write)
            return result

    def add_many(self, docs: Sequence[Prepared], *, replace: bool = False) -> list[bool]:
        """Write documents in one transaction (see `Store.add_many`), surviving a lost connection."""
        docs = list(docs)
        return self._surviving(lambda: super(PostgresStore, self).add_many(docs, replace=replace))

    def record_failure(self, failure: Failure) -> None:
        """Record a file that failed (see `Store.record_failure`), surviving a lost connection."""
        self._surviving(lambda: super(PostgresStore, self).record_failure(failure))

    def known(self, hashes: Iterable[str]) -> set[str]:
        """Return which of these content hashes are stored documents, surviving a lost connection."""
        hashes = list(hashes)
        return self._surviving(lambda: super(PostgresStore, self).known(hashes))

    def known_failures(self, hashes: Iterable[str]) -> set[str]:
        """Return which of these content hashes are recorded failures, surviving a lost connection."""
        hashes = list(hashes)
        return self._surviving(lambda: super(PostgresStore, self).known_failures(hashes))

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
        self._journal = []
        self._surviving(lambda: self.conn.execute("BEGIN"))  # nothing to redo yet: depth is 0

    def _commit(self) -> None:
        # The outermost transaction ends here (depth is 0 again); a connection lost on the way redoes
        # its writes in a new transaction and commits that one.
        while True:
            try:
                self.conn.execute("COMMIT")
                break
            except self._psycopg.OperationalError as err:
                if not self._lost():
                    raise
                self._depth = 1
                try:
                    self._reconnect(err)
                finally:
                    self._depth = 0
        self._journal = []

    def _rollback(self) -> None:
        self._journal = []
        if self._lost():  # the server rolled the transaction back when the connection went
            return
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

    def _word_stats(self) -> tuple[dict[str, float], float, float]:
        """Return the planner's share of passages for the most common words, the share below which the others
        lie, and the passages' row count; read again after STATS_AGE seconds (nothing before ANALYZE)."""
        if self._stats is None or time.monotonic() - self._stats[0] > STATS_AGE:
            row = self.conn.execute(
                "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples FROM pg_class c"
                " LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'passages'"
                " AND s.attname = 'tsv' WHERE c.oid = 'passages'::regclass").fetchone()
            elems, shares, rows = row if row else (None, None, 0)
            freqs = dict(zip(elems or (), shares or (), strict=False))  # the shares end with min, max, nulls
            floor = float(shares[len(elems)]) if elems and shares else 0.0
            self._stats = (time.monotonic(), freqs, floor, max(0.0, float(rows or 0)))
        return self._stats[1], self._stats[2], self._stats[3]

    def _head_rows(self) -> float:
        """Return about how many passages the head's index holds (migration 0004; 0 without it or before ANALYZE):
        the passages' row count shared out by documents. Read again after STATS_AGE seconds.

        Not the index's own row count: for GIN, CREATE INDEX records its entries there, a word per passage.
        """
        if self._head is None or time.monotonic() - self._head[0] > STATS_AGE:
            row = self.conn.execute("SELECT to_regclass('passages_tsv_head') IS NOT NULL, d.reltuples, p.reltuples"
                                    " FROM pg_class d, pg_class p WHERE d.oid = 'documents'::regclass"
                                    " AND p.oid = 'passages'::regclass").fetchone()
            has_head, documents, passages = row if row else (False, 0.0, 0.0)
            share = min(1.0, HEAD_DOCUMENTS / float(documents)) if has_head and documents > 0 else 0.0
            self._head = (time.monotonic(), share * max(0.0, float(passages)))
        return self._head[1]

    def _in_order(self, candidates: Query, window: int | None, where: str) -> bool:
        """Return whether a search without filters should read the passages in order (see `scans_in_order`)."""
        if window is None or where:
            return False
        freqs, floor, rows = self._word_stats()
        return scans_in_order(query_share(candidates, freqs, floor), rows, window)

    def _plan(self, query: Query, window: int | None, candidates: int | None, where: str) -> Plan:
        """Return where and how a search looks for its `candidates` (see `Plan`, `searches_head`, `scans_in_order`)."""
        if window is None or candidates is None or where:
            return Plan(head=False, in_order=False)
        freqs, floor, rows = self._word_stats()
        head_rows = self._head_rows()
        if searches_head(query_share(query, freqs, 0.0), head_rows, rows, window):
            return Plan(head=True, in_order=scans_in_order(query_share(query, freqs, floor), head_rows, candidates),
                        counted=candidates != window)
        if counts_head(query, head_rows, rows):
            return Plan(head=True, in_order=False, counted=True)
        return Plan(head=False, in_order=self._in_order(query, candidates, where))

    def _search_ids(self, query: Query, where: str, args: list[Any], limit: int, offset: int,
                    window: int | None, after: tuple[float, int] | None = None) -> list[tuple[int, float]]:
        # GIN yields every match before the heap is read; the window caps the rows read and ranked
        # (LIMIT NULL: no window). The words of a phrase find candidates, which are capped too, and
        # their positions are checked on those only, until a window of them holds the phrase. The order
        # is (score descending, id); `after` keeps the matches past one of those positions.
        phrase = bool(window) and any(len(u.words) > 1 for u in query.units())
        candidates = window * PHRASE_CANDIDATES if phrase and window else window
        plan = self._plan(query, window, candidates, where)
        if plan.head:  # the head's index first; the whole table's when the head holds less than a window
            found = self._search_head(query, (limit, offset, window, candidates), after, plan)
            if found is not None:
                return found
            plan = Plan(head=False, in_order=self._in_order(query, candidates, where))
        rows = self._run_search(*self._statement(query, where, args, limit, offset, window, after, head=False), plan)
        return [(pid, score) for pid, score, _ in rows]

    def _search_head(self, query: Query, sizes: tuple[int, int, int | None, int | None],
                     after: tuple[float, int] | None, plan: Plan) -> list[tuple[int, float]] | None:
        """Return the search's (passage id, score) found in the head, or None when the head holds less than the
        window (see `holds_window`). `sizes`: limit, offset, window and candidates, as in `_search_ids`."""
        limit, offset, window, candidates = sizes
        # A phrase's candidates are counted first, from the index: a head short of a window of them could not
        # answer for a phrase that they hold seldom, and reading them all to learn it cost as much as the search.
        # So are a prefix's, whose share the planner cannot tell (`counts_head`).
        counted = self._head_candidates(query, candidates or 0, plan) if plan.counted else None
        if counted is not None and counted < (candidates or 0):
            return None
        rows = self._run_search(*self._statement(query, "", [], limit, offset, window, after, head=True), plan)
        if holds_window(rows[0][2] or 0 if rows else 0, window or 0, counted, candidates or 0):
            return [(pid, score) for pid, score, _ in rows]
        return None

    @staticmethod
    def _statement(query: Query, where: str, args: list[Any], limit: int, offset: int, window: int | None,
                   after: tuple[float, int] | None, *, head: bool) -> tuple[str, list[Any]]:
        """Return the search statement and its parameters: rows of (passage id, score, matches ranked).

        The candidates are the first matches found (of a phrase's words, in any order), at most
        `window` (PHRASE_CANDIDATES times as many for a phrase); in the head, only among its passages.
        The matches ranked are counted (before the keyset) in the head only, for `holds_window`: a
        window function costs a little on every search.
        """
        join = " JOIN documents d ON d.id = p.document_id" if where else ""
        phrase = bool(window) and any(len(u.words) > 1 for u in query.units())
        bound = f" AND p.id < {HEAD_ID}" if head else ""  # a constant: the planner matches it to the partial index
        outer = " WHERE c.tsv @@ to_tsquery('simple', ?) LIMIT ?" if phrase else ""
        keyset = " WHERE r.score < ? OR (r.score = ? AND r.id > ?)" if after else ""
        ranked = (f"SELECT c.id, ts_rank(c.tsv, to_tsquery('simple', ?), 1)::float8 AS score"
                  f" FROM (SELECT p.id, p.tsv FROM passages p{join} WHERE p.tsv @@ to_tsquery('simple', ?){bound}"
                  f"{' AND ' + where if where else ''} LIMIT ?) c{outer}")
        counted = f"SELECT x.id, x.score, count(*) OVER () AS n FROM ({ranked}) x" if head else ranked
        sql = (f"SELECT r.id, r.score, {'r.n' if head else 'NULL'} FROM ({counted}) r{keyset}"
               " ORDER BY r.score DESC, r.id LIMIT ? OFFSET ?")
        full = query.to_tsquery()
        params = [full, query.to_tsquery(phrases=False) if phrase else full, *args,
                  window * PHRASE_CANDIDATES if phrase and window else window, *([full, window] if phrase else []),
                  *([after[0], after[0], after[1]] if after else []), limit, offset]
        return sql, params

    def _head_candidates(self, query: Query, limit: int, plan: Plan) -> int:
        """Return how many candidates of a phrase (its words, in any order) or a prefix the head holds, up to `limit`.
        Counted from the index: an AND of words needs no row read again where the table is all-visible."""
        sql = (f"SELECT count(*), 0.0, NULL FROM (SELECT 1 FROM passages p WHERE p.tsv @@ to_tsquery('simple', ?)"
               f" AND p.id < {HEAD_ID} LIMIT ?) z")
        rows = self._run_search(sql, [query.to_tsquery(phrases=False), limit], plan)
        return rows[0][0] if rows else 0

    def _run_search(self, sql: str, params: list[Any], plan: Plan) -> list[tuple[int, float, int | None]]:
        """Run a search statement under settings of its own (`search_settings`); return its rows."""
        errors = self._psycopg.errors
        settings, values = search_settings(plan, self.timeout)
        try:
            if self._depth:  # inside a caller's transaction: the settings last until it ends, as before
                with self.transaction():
                    self.conn.execute(settings, values, prepare=False)
                    rows = self.conn.execute(self._pg(sql), params, prepare=False).fetchall()
            else:
                rows = self._surviving(lambda: self._one_trip(settings, values, self._pg(sql), params))
        except errors.QueryCanceled:
            raise SearchTimeout(self.timeout) from None
        except (errors.SyntaxError, errors.DataException) as err:
            raise QueryError(str(err).splitlines()[0]) from None
        return [(int(pid), float(score), None if n is None else int(n)) for pid, score, n in rows]

    def _one_trip(self, settings: str, values: Sequence[Any], sql: str, params: Sequence[Any]) -> list[Any]:
        """Return the rows of `sql` run after `settings`, both sent in one message.

        The server runs the statements of one message in one transaction, each planned after the one
        before has run, so the settings (local to the transaction) apply to the search and end with it.
        One round trip instead of four (BEGIN, settings, search, COMMIT): on a loaded machine each is a
        wait for the server's process and for this one to be scheduled again. The parameters are written
        into the text by psycopg (a client-side cursor): a statement so sent is never prepared, which the
        search wants anyway (see `search_settings`).
        """
        with self._psycopg.ClientCursor(self.conn) as cur:
            cur.execute(f"{settings}; {sql}", [*values, *params])
            cur.nextset()
            return cur.fetchall()
