"""The ways a corpus store fails: one class per failure, each with its reason in one line.

The database failing is a `StoreError`; a search that cannot be run is a `QueryError` (the
query's fault, not the database's: the server answers 400, not 503). Callers that do not care
which failure it was catch the base class; the CLI and the server show the reason as it is.
"""

from __future__ import annotations

from unref.errors import UnrefError

__all__ = [
    "BadFilter",
    "BadMigration",
    "CannotOpen",
    "MissingFeature",
    "NeedsMigration",
    "NoCorpus",
    "QueryError",
    "SearchTimeout",
    "StoreError",
    "UnknownDatabase",
]


class StoreError(UnrefError):
    """The corpus database cannot be opened or used, with the reason in one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(None, reason)


class UnknownDatabase(StoreError):
    """A database URL of a kind that no backend takes."""

    def __init__(self, url: str) -> None:
        super().__init__(f"unknown database URL {url!r}: use sqlite:///FILE or postgresql://USER:PASS@HOST/DB")


class MissingFeature(StoreError):
    """Python lacks what a backend needs: the PostgreSQL driver, or SQLite's full-text search."""


class CannotOpen(StoreError):
    """The database is there (or should be) but cannot be connected to or read."""


class NoCorpus(StoreError):
    """A store opened read-only where no corpus has been built: nothing to read, and none is created."""

    def __init__(self, where: str, db: str) -> None:
        super().__init__(f"no unref corpus at {where}")
        self.db = db  # the database as the user named it, for a front end to say how to build one


class NeedsMigration(StoreError):
    """A store opened read-only that an older unref built: it needs a migration before it can be read."""

    def __init__(self, where: str, version: int) -> None:
        # What is wrong, for a front end to add how it mends it; the library's own remedy follows.
        self.need = f"the corpus at {where} needs migration {version} of this unref"
        super().__init__(f"{self.need} (opening it for writing migrates it)")


class BadMigration(StoreError):
    """A migration script that does not split into complete statements."""

    def __init__(self, statement: str) -> None:
        super().__init__(f"incomplete statement in a migration: {statement.strip()[:80]}")


class BadFilter(StoreError):
    """A search or listing filter whose value is malformed (a date not in YYYY[-MM[-DD]], ...)."""


class QueryError(UnrefError):
    """A search query that cannot be read or run, with the reason in one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(None, f"bad search query: {reason}")


class SearchTimeout(QueryError):
    """A search that ran longer than the store's time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the search took longer than {seconds:g} s; narrow it down")
