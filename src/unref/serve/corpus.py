"""The server's access to the store: a pool of read-only connections, each request under a time limit.

A `Store` holds one database connection, and SQLite connections must not run two requests
at once, so the server keeps a small pool and lends one store to each request. Every
request runs under a deadline: a watchdog interrupts a SQLite statement that outlives it
(`sqlite3.Connection.interrupt`), and PostgreSQL connections carry a `statement_timeout`.
Connections are made read-only (``PRAGMA query_only``, ``default_transaction_read_only``),
so the server cannot change the corpus whatever a route does.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from unref.corpus.store import Store, open_store
from unref.corpus.store.errors import SearchTimeout
from unref.errors import UnrefError

__all__ = ["Busy", "Corpus", "QueryTimeout", "broad_lanes", "is_timeout"]


class QueryTimeout(UnrefError):
    """A request that ran longer than the server's time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(None, f"the request took longer than {seconds:g} s (the server's limit); narrow it down")


class Busy(UnrefError):
    """Every connection stayed in use for as long as a request may wait (or every lane of broad searches)."""

    def __init__(self, reason: str = "the server is busy; try again in a moment") -> None:
        super().__init__(None, reason)


BROAD_BUSY = ("the server is running as many broad searches (prefixes with *, many terms) as it takes at once;"
              " try again in a moment, or narrow the search")


def broad_lanes(pool_size: int) -> int:
    """Return how many broad searches may hold a connection at once: an eighth of the pool (at least one).

    The rest always serve the requests whose cost is known to be small. Measured with bench/load.py
    (32 clients, 10 % hostile and 5 % broad prefix queries, 2 CPUs): with a quarter (2 of 8), two broad
    searches at once took both CPUs and ordinary requests' p95 was 656 ms against 287 ms without the
    broad ones; with an eighth it was 317 ms.
    """
    return max(1, pool_size // 8)


def is_timeout(err: BaseException) -> bool:
    """Return whether `err` is the database (or the store) saying that a statement outlived its time limit."""
    if isinstance(err, sqlite3.OperationalError):
        return "interrupted" in str(err)
    if isinstance(err, SearchTimeout):  # the store's own limit on searches
        return True
    return type(err).__name__ == "QueryCanceled"  # psycopg: statement_timeout


@dataclass
class _Lease:
    """A store lent to one request, and the watchdog that ends its statements at the deadline."""

    store: Store
    fired: bool = False
    done: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


class Corpus:
    """A pool of read-only stores over one database URL."""

    def __init__(self, url: str, *, pool_size: int = 8, query_timeout: float = 5.0) -> None:
        self.url = url
        self.pool_size = pool_size
        self.query_timeout = query_timeout
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self._opened = 0
        self._lock = threading.Lock()
        self._closed = False
        self._broad = threading.BoundedSemaphore(broad_lanes(pool_size))

    def check(self) -> None:
        """Open one connection now, so that a bad URL fails at start-up rather than on the first request."""
        with self.store():
            pass

    def _open(self) -> Store:
        store = open_store(self.url, timeout=self.query_timeout, read_only=True)
        store.limit_statements(self.query_timeout)
        return store

    def _acquire(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._opened < self.pool_size:
                self._opened += 1
                try:
                    return self._open()
                except BaseException:
                    self._opened -= 1
                    raise
        try:
            return self._idle.get(timeout=self.query_timeout)
        except queue.Empty:
            raise Busy() from None

    def _release(self, store: Store, broken: bool) -> None:
        if broken or self._closed:
            with self._lock:
                self._opened -= 1
            store.close()
            return
        self._idle.put(store)

    @contextmanager
    def store(self, *, broad: bool = False) -> Iterator[Store]:
        """Lend a store for one request; raise QueryTimeout when its statements outlive the time limit.

        A `broad` request (a search that may read much of the index) waits at most a second for one
        of the few lanes that broad requests share, and is turned away (Busy) when none frees: broad
        searches can hold an eighth of the pool, never the whole of it.
        """
        if not broad:
            with self._lend() as store:
                yield store
            return
        if not self._broad.acquire(timeout=min(1.0, self.query_timeout)):
            raise Busy(BROAD_BUSY)
        try:
            with self._lend() as store:
                yield store
        finally:
            self._broad.release()

    @contextmanager
    def _lend(self) -> Iterator[Store]:
        """Lend a store under the watchdog (see `store`)."""
        store = self._acquire()
        lease = _Lease(store)
        watchdog = threading.Timer(self.query_timeout, self._interrupt, (lease,))
        watchdog.daemon = True
        watchdog.start()
        broken = False
        try:
            yield store
        except Exception as err:
            if lease.fired or is_timeout(err):
                raise QueryTimeout(self.query_timeout) from None
            broken = isinstance(err, sqlite3.DatabaseError) or type(err).__module__.startswith("psycopg")
            raise
        finally:
            watchdog.cancel()
            with lease.lock:  # a watchdog that fires now must not interrupt the next borrower
                lease.done = True
            self._release(store, broken)

    @staticmethod
    def _interrupt(lease: _Lease) -> None:
        with lease.lock:
            if lease.done:
                return
            lease.fired = True
            conn = getattr(lease.store, "conn", None)
            if isinstance(conn, sqlite3.Connection):
                conn.interrupt()
        # PostgreSQL: statement_timeout ends the statement on the server.

    def close(self) -> None:
        """Close the idle connections; those in use close when they come back."""
        self._closed = True
        while True:
            try:
                store = self._idle.get_nowait()
            except queue.Empty:
                return
            store.close()
