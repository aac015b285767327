"""Stores under faults: a read-only folder or mount, a PostgreSQL connection that goes mid-ingest,
and searches whose snippets or query would cost too much."""

from __future__ import annotations

import logging
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest_db import pg_schema, write_letters
from unref.corpus.ingest import ingest
from unref.corpus.store import Failure, Filters, QueryError, StoreError, open_store, parse_query, prepare
from unref.corpus.store.base import real_date
from unref.corpus.store.errors import SearchTimeout
from unref.corpus.store.query import MAX_PREFIXES, MAX_TERMS, MIN_PREFIX, SNIPPET_MATCHES, snippet

# --- A read-only store opens read-only ---------------------------------------------------------

READER = """
import json, sys
from unref.corpus.store import open_store
with open_store(sys.argv[1], read_only=True) as s:
    hits = s.search("zq1x")
    print(json.dumps([s.stats()["documents"], len(list(s.failures())), [h.document.symbol for h in hits],
                      s.get("S/2026/101") is not None]))
"""


@pytest.fixture(name="read_only_folder")
def read_only_folder_fixture() -> Iterator[Path]:
    """Yield a folder that the test's reader cannot write to: chmod'ed, or (as root) another user's."""
    folder = Path(tempfile.mkdtemp(prefix="unref-ro-"))
    folder.chmod(0o755)  # root's folder: nobody (the reader, as root) may enter and read, not write
    try:
        yield folder
    finally:
        folder.chmod(stat.S_IRWXU)
        shutil.rmtree(folder)


def _read_as_reader(db: Path) -> list[object]:
    """Run READER over `db` as a user who cannot write to its folder; return what it printed."""
    import json

    command = [sys.executable, "-c", READER, str(db)]
    if os.geteuid() == 0:  # root writes anywhere: read as nobody, for whom the folder is read-only
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv to read as another user")
        command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    else:
        db.parent.chmod(0o555)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, check=False)
    if os.geteuid() != 0:
        db.parent.chmod(0o755)
    assert done.returncode == 0, done.stderr[-2000:]
    result: list[object] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize("writer_open", [False, True], ids=["closed", "writer-open"])
def test_a_wal_store_in_a_read_only_folder_can_be_read(read_only_folder: Path, writer_open: bool) -> None:
    # Closed: no -wal or -shm beside the file, and the reader cannot create them (immutable).
    # Writer open: they are there, and the reader shares them read-only.
    db = read_only_folder / "corpus.db"
    letters = write_letters(read_only_folder / "letters", 3)
    for path in letters:
        path.chmod(0o644)
    writer = open_store(str(db))
    ingest([str(p) for p in letters], writer)
    writer.record_failure(Failure("bad.pdf", None, "not a PDF"))
    if not writer_open:
        writer.close()
    try:
        assert sorted(os.listdir(read_only_folder)) == (
            ["corpus.db", "corpus.db-shm", "corpus.db-wal", "letters"] if writer_open else ["corpus.db", "letters"])
        assert _read_as_reader(db) == [3, 1, ["S/2026/101"], True]
    finally:
        if writer_open:
            writer.close()


# --- PostgreSQL: ingest goes on after the connection goes --------------------------------------


def _terminate(url: str, pid: int) -> None:
    """End a backend of the server, as a restart or an administrator would."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    time.sleep(0.1)


def test_postgres_ingest_reconnects_after_its_connection_is_ended(tmp_path: Path,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    letters = write_letters(tmp_path / "letters", 6)
    with pg_schema("faults") as url, open_store(url) as store:
        ended: list[int] = []

        def end_once(event: object) -> None:  # after the first commit, the server ends this session
            if not ended:
                ended.append(store.conn.info.backend_pid)  # type: ignore[attr-defined]
                _terminate(url, ended[0])

        with caplog.at_level(logging.WARNING, logger="unref.corpus.store"):
            result = ingest([str(p) for p in letters], store, progress=end_once, batch_size=2, commit_interval=60)
        assert ended and result.added == 6 and not result.failures
        assert store.stats()["documents"] == 6
        assert store.conn.info.backend_pid != ended[0]  # type: ignore[attr-defined]
        warnings = [r.getMessage() for r in caplog.records]
        assert any("lost the connection to PostgreSQL" in w and "connecting again" in w for w in warnings)
        assert any("again; going on" in w for w in warnings)
        assert all("unref:unref@" not in w for w in warnings)  # the password is never shown


@pytest.mark.parametrize("when", ["mid-transaction", "before-commit"])
def test_postgres_transaction_is_redone_on_a_new_connection(when: str, caplog: pytest.LogCaptureFixture) -> None:
    def doc(n: int) -> object:
        record = {"paragraphs": [{"id": "p1", "kind": "body", "text": f"word{n}"}], "footnotes": [],
                  "citations": [], "symbols": [f"S/2026/{n}"]}
        return prepare(record, hash=f"{n:064d}")

    with pg_schema("faults") as url, open_store(url) as store, caplog.at_level(logging.WARNING):
        with store.transaction():
            store.record_failure(Failure("bad.pdf", "f" * 64, "not a PDF"))
            store.add_many([doc(1)])  # type: ignore[list-item]
            if when == "mid-transaction":
                _terminate(url, store.conn.info.backend_pid)  # type: ignore[attr-defined]
                assert store.add_many([doc(2)]) == [True]  # type: ignore[list-item]
            else:
                store.add_many([doc(2)])  # type: ignore[list-item]
                _terminate(url, store.conn.info.backend_pid)  # type: ignore[attr-defined]
        assert store.stats()["documents"] == 2 and store.known_failures(["f" * 64]) == {"f" * 64}
        assert any("lost the connection" in r.getMessage() for r in caplog.records)


def test_a_failing_statement_is_not_retried(caplog: pytest.LogCaptureFixture) -> None:
    # Only a lost connection is retried: a statement the server refuses fails as before.
    with pg_schema("faults") as url, open_store(url) as store, caplog.at_level(logging.WARNING):
        with pytest.raises(Exception, match="syntax"):
            store._execute("SELEC 1")  # type: ignore[attr-defined]
        assert not caplog.records


# --- Searches that would cost too much ------------------------------------------------------------


@pytest.mark.parametrize(("query", "reason"), [
    (" ".join(f"-w{i}" for i in range(200)) + " a", f"too many terms (201; the limit is {MAX_TERMS})"),
    (" ".join(f"word{i}" for i in range(MAX_TERMS + 1)), "too many terms"),
    (" ".join(f"pre{i}*" for i in range(MAX_PREFIXES + 1)), f"the limit is {MAX_PREFIXES}"),
    ("a*", f"at least {MIN_PREFIX} letters or digits"),
    ("ab*", "at least"),
])
def test_costly_queries_are_refused_in_the_users_terms(query: str, reason: str) -> None:
    with pytest.raises(QueryError) as err:
        parse_query(query)
    assert reason in str(err.value) and "fts5" not in str(err.value)


@pytest.mark.parametrize("query", [
    " ".join(f"word{i}" for i in range(MAX_TERMS)),
    " ".join(f"pre{i}*" for i in range(MAX_PREFIXES)),
    "sec*",
    '"S/RES/8"*',  # a phrase's short last prefix: its other words narrow it
    "a -b -c",
])
def test_queries_within_the_caps_parse(query: str) -> None:
    assert parse_query(query).units()


def test_many_excluded_terms_run_on_sqlite(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "c.db")) as store:
        assert store.search("council " + " ".join(f"-w{i}" for i in range(MAX_TERMS - 1))) == []


@pytest.mark.parametrize(("value", "real"), [
    ("2025", True), ("2025-02", True), ("2024-02-29", True), ("2025-02-28", True),
    ("2025-02-30", False), ("2025-13", False), ("2025-00", False), ("2025-01-00", False), ("0000", False),
])
def test_real_date(value: str, real: bool) -> None:
    assert real_date(value) is real


def test_a_date_not_in_the_calendar_is_a_bad_filter() -> None:
    with pytest.raises(StoreError, match="2025-02-30"):
        Filters(date_to="2025-02-30")


def test_a_snippet_of_a_word_repeated_thousands_of_times_is_quick() -> None:
    text = "council " * 30_000
    start = time.perf_counter()
    snip = snippet(text, parse_query("council"))
    assert time.perf_counter() - start < 2.0
    assert snip.highlights and snip.text.startswith("council")


@pytest.mark.parametrize("count", [1, 5, SNIPPET_MATCHES])
def test_snippet_weighs_the_same_window_as_before_up_to_the_cap(count: int) -> None:
    # The best window by brute force (every match against every other), as the snippet was computed before.
    text = ("filler " * 50 + "alpha beta ") * count + "alpha beta gamma " + "filler " * 50
    query = parse_query("alpha gamma")
    from unref.corpus.store.query import _best_start, _matches

    found = _matches(text, query.units())[:SNIPPET_MATCHES]
    best, score = 0, (-1, 0)
    for start, _e, _k in found:
        inside = [k for s, e, k in found if max(0, start - 60) <= s and e <= max(0, start - 60) + 240]
        if (len(set(inside)), len(inside)) > score:
            best, score = start, (len(set(inside)), len(inside))
    assert _best_start(found, 240) == best


def test_search_time_limit_covers_snippets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import unref.corpus.store.base as base

    record = {"paragraphs": [{"id": f"p{i}", "kind": "body", "text": f"council meets {i}"} for i in range(30)],
              "footnotes": [], "citations": [], "symbols": ["S/2026/1"]}
    with open_store(str(tmp_path / "c.db"), timeout=0.5) as store:
        store.add(prepare(record, hash="1" * 64))

        def slow_snippet(*args: object, **kwargs: object) -> object:
            time.sleep(0.1)
            return snippet(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(base, "snippet", slow_snippet)
        start = time.perf_counter()
        with pytest.raises(SearchTimeout):
            store.search("council", limit=30)
        assert time.perf_counter() - start < 1.5
