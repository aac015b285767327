"""Test helpers for the corpus: a store on each backend, small UN letters, and hand-made records.

A test module gets the fixtures `db_url` and `store` by importing them:
``from conftest_db import db_url_fixture, store_fixture  # noqa: F401``.
PostgreSQL tests run against $UNREF_TEST_PG (default: the URL that scripts/start-postgres.sh
prints), each test in a schema of its own, and skip, saying so, when no server answers.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from unref.corpus.store import Store, open_store, prepare

PG_DEFAULT = "postgresql://unref:unref@127.0.0.1:5432/unref_test"
BACKENDS = ("sqlite", "postgres")
# The `unref` command with the corpus commands loaded, whatever cli.py imports.
UNREF = [sys.executable, "-c", "import sys; sys.argv[0] = 'unref'; import unref.cli.corpus; "
         "from unref.cli import main; main()"]


def pg_url() -> str:
    """Return the URL of the PostgreSQL test database."""
    return os.environ.get("UNREF_TEST_PG") or PG_DEFAULT


@cache
def pg_unavailable() -> str | None:
    """Return why PostgreSQL tests cannot run, or None when the server answers."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        psycopg.connect(pg_url(), connect_timeout=2).close()
    except psycopg.Error as err:
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        return f"no PostgreSQL at $UNREF_TEST_PG or {PG_DEFAULT} ({reason}); run scripts/start-postgres.sh"
    return None


def with_schema(url: str, schema: str) -> str:
    """Return a PostgreSQL URL whose connections work in `schema`."""
    return url + ("&" if "?" in url else "?") + f"options=-csearch_path%3D{schema}"


@contextmanager
def pg_schema(prefix: str = "t") -> Iterator[str]:
    """Yield the URL of a fresh PostgreSQL schema of the test server, dropped afterwards (skip without one)."""
    if (reason := pg_unavailable()) is not None:
        pytest.skip(reason)
    import psycopg

    schema = f"{prefix}_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(pg_url(), autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_schema(pg_url(), schema)
    finally:
        with psycopg.connect(pg_url(), autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(name="db_url", params=BACKENDS)
def db_url_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Yield the URL of an empty corpus: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'corpus.db'}"
        return
    with pg_schema() as url:
        yield url


@pytest.fixture(name="store")
def store_fixture(db_url: str) -> Iterator[Store]:
    """Yield an open, empty store on each backend."""
    with open_store(db_url) as s:
        yield s


# ---------------------------------------------------------------------------
# Small UN letters, as pdftotext leaves them (see fixtures/letter.txt)

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
COUNTRIES = ("Utopia", "Arcadia", "Erewhon", "Lilliput", "Ruritania", "Freedonia")


def make_letter(n: int, *, refers_to: str | None = None, words: str = "") -> str:
    """Return the text of letter S/2026/<100+n> of 2026, referring to `refers_to` if given.

    The letter holds the word ``zq<n>x`` once, so that a search finds it and nothing else.
    """
    month, day = MONTHS[n // 28 % 12], n % 28 + 1
    country = COUNTRIES[n % len(COUNTRIES)]
    refer = (f"I have the honour to refer to the letter dated 1 {month} 2026 from my Government "
             f"({refers_to}) concerning the situation in the region.") if refers_to else (
             "I have the honour to draw your attention to the situation in the region.")
    return f"""S/2026/{100 + n}

United Nations

Security Council

Distr.: General
{day} {month} 2026
Original: English

Letter dated {day} {month} 2026 from the Permanent Representative of
{country} to the United Nations addressed to the President of the Security Council
{refer} The Government of {country} observed that the borders remained closed
throughout the period and that the humanitarian situation was grave, zq{n}x. {words}
I should be grateful if you would have the present letter circulated as a document
of the Security Council.
(Signed) Maria Example
Ambassador
Permanent Representative

26-{10000 + n:05d} (E)

{n:06d}

*26{10000 + n:05d}*
"""


def write_letters(folder: Path, count: int, *, chain: bool = True) -> list[Path]:
    """Write `count` letters to `folder`, each referring to the one before when `chain`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"S_2026_{100 + n}.txt"
        path.write_text(make_letter(n, refers_to=f"S/2026/{99 + n}" if chain and n else None), encoding="utf-8")
        paths.append(path)
    return paths


# ---------------------------------------------------------------------------
# Hand-made records in the unref.document/1 shape, for store and graph tests


def citation(target: str, location: str = "p1", *, text: str | None = None, start: int = 0,
             kind: str = "un_symbol", url: str | None = None) -> dict[str, Any]:
    """Return a citation of a record."""
    text = text or target
    return {"kind": kind, "text": text, "location": location, "start": start, "end": start + len(text),
            "target": target, "url": url, "resolved": True, "reason": None, "pinpoint": None, "fields": {}}


def record(symbols: list[str], *, date: str = "2025-01-01", doc_type: str | None = "letter",
           paragraphs: list[str] | None = None, footnotes: list[str] | None = None,
           citations: list[dict[str, Any]] | None = None, language: str = "en", fmt: str = "text",
           organs: list[str] | None = None, agenda_items: dict[str, list[str]] | None = None,
           title: str | None = None) -> dict[str, Any]:
    """Return a record in the unref.document/1 shape."""
    paragraphs = paragraphs if paragraphs is not None else [f"Text of {' '.join(symbols)}."]
    return {
        "schema": "unref.document/1", "source": None, "format": fmt, "pages": 1, "symbols": symbols,
        "date": date, "language": language, "original_language": None, "distribution": "General",
        "doc_type": doc_type, "title": title or f"Document {' '.join(symbols)}", "addressee": None, "sender": None,
        "organs": organs if organs is not None else ["Security Council"], "sessions": {},
        "agenda_items": agenda_items or {}, "agenda_titles": [], "signatories": [], "circulation": None,
        "job_number": None,
        "paragraphs": [{"id": f"p{i + 1}", "kind": "body", "text": t, "page": 1, "spans": [[0, len(t), 0, len(t)]],
                        "section": "body"} for i, t in enumerate(paragraphs)],
        "footnotes": [{"label": str(i + 1), "text": t, "page": 1, "spans": [], "id": f"fn{i + 1}"}
                      for i, t in enumerate(footnotes or [])],
        "footnote_refs": [], "citations": citations or [], "quotes": [], "warnings": [],
    }


def add(store: Store, rec: dict[str, Any]) -> str:
    """Store a record under the hash of its JSON; return the hash."""
    digest = hashlib.sha256(json.dumps(rec, sort_keys=True).encode()).hexdigest()
    assert store.add(prepare(rec, hash=digest, path=f"/corpus/{digest[:8]}.txt"))
    return digest
