"""store: the corpus of parsed documents, in SQLite (the default) or PostgreSQL.

`open_store(url)` picks the backend from the URL: ``sqlite:///relative.db``,
``sqlite:////absolute/path.db``, a bare file path, or ``postgresql://user:pass@host/db``.
Without a URL it reads ``UNREF_DB``, else uses ``unref.sqlite3`` in the user's data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from unref.corpus.store.base import (
    DocumentInfo,
    Edge,
    Failure,
    Filters,
    Hit,
    Prepared,
    Store,
    content_hash,
    prepare,
    symbol_key,
)
from unref.corpus.store.errors import (
    BadFilter,
    BadMigration,
    CannotOpen,
    MissingFeature,
    NeedsMigration,
    NoCorpus,
    QueryError,
    SearchTimeout,
    StoreError,
    UnknownDatabase,
)
from unref.corpus.store.query import Query, parse_query

__all__ = [
    "BadFilter",
    "BadMigration",
    "CannotOpen",
    "DocumentInfo",
    "Edge",
    "Failure",
    "Filters",
    "Hit",
    "MissingFeature",
    "NeedsMigration",
    "NoCorpus",
    "Prepared",
    "Query",
    "QueryError",
    "SearchTimeout",
    "Store",
    "StoreError",
    "UnknownDatabase",
    "content_hash",
    "default_url",
    "open_store",
    "parse_query",
    "prepare",
    "symbol_key",
]

ENV = "UNREF_DB"


def default_url() -> str:
    """Return the URL of the default corpus: ``unref.sqlite3`` in the user's data folder."""
    from platformdirs import user_data_path

    return f"sqlite:///{user_data_path('unref', appauthor=False) / 'unref.sqlite3'}"


def resolve_url(url: str | None = None) -> str:
    """Return the URL to open: `url`, else $UNREF_DB, else the default."""
    return url or os.environ.get(ENV) or default_url()


def open_store(url: str | None = None, *, timeout: float = 10.0, read_only: bool = False) -> Store:
    """Return the store at `url` (see the module doc), migrated to the current schema.

    With `read_only`, the store must exist and be migrated already (StoreError otherwise),
    and the database refuses every write made through it.
    """
    url = resolve_url(url)
    if url.startswith(("postgresql://", "postgres://")):
        from unref.corpus.store.postgres import PostgresStore

        return PostgresStore(url, timeout=timeout, read_only=read_only)
    if url.startswith("sqlite:"):
        path = url.removeprefix("sqlite:").removeprefix("//")
        path = path[1:] if path.startswith("/") else path  # sqlite:///rel.db, sqlite:////abs.db
        path = path.split("?", 1)[0] or ":memory:"
    elif "://" in url:
        raise UnknownDatabase(url)
    else:
        path = url
    from unref.corpus.store.sqlite import SQLiteStore

    if path != ":memory:":
        path = str(Path(path).expanduser())
    return SQLiteStore(path, url=url, timeout=timeout, read_only=read_only)
