"""Ingest: files, folders and globs; idempotent by content hash; failures recorded; resumable after kill -9."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import unref
import unref.cli.corpus  # registers the corpus commands
import unref.corpus.ingest
from conftest_db import UNREF, db_url_fixture, make_letter, store_fixture, write_letters  # noqa: F401  (fixtures)
from unref.cli import app
from unref.corpus.ingest import IngestEvent, expand, ingest
from unref.corpus.store import Store, open_store, prepare


def _tree(root: Path) -> None:
    for name in ("a.pdf", "b.txt", "c.TXT", "notes.md", "sub/d.pdf", "sub/deeper/e.txt", "sub/MANIFEST.csv"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x")


@pytest.mark.parametrize(("args", "found"), [
    (["."], ["a.pdf", "b.txt", "c.TXT", "sub/d.pdf", "sub/deeper/e.txt"]),  # folders: PDFs and texts, recursively
    (["sub"], ["sub/d.pdf", "sub/deeper/e.txt"]),
    (["notes.md"], ["notes.md"]),  # a file named is taken as it is
    (["*.pdf"], ["a.pdf"]),
    (["**/*.pdf"], ["a.pdf", "sub/d.pdf"]),
    (["su*"], ["sub/d.pdf", "sub/deeper/e.txt"]),  # a glob that matches a folder
    (["missing.pdf"], ["missing.pdf"]),  # reported as a failure later
    (["nothing*.pdf"], []),
])
def test_expand(args: list[str], found: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    paths = list(expand(args))
    assert all(p.is_absolute() for p in paths)  # the corpus keeps where each file is, wherever it is served from
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == found


def test_expand_keeps_urls_as_they_are(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    url = "http://10.0.0.1:8000/docs/S_2025_260.en.pdf?x=1"
    assert list(expand([url, "b.txt"])) == [url, tmp_path / "b.txt"]


def test_urls_are_ingested_without_a_cluster(store: Store, tmp_path: Path) -> None:
    import functools
    import http.server
    import threading

    write_letters(tmp_path / "site", 2)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.RequestHandlerClass.log_message = lambda *args: None  # type: ignore[method-assign]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        result = ingest([f"{base}/S_2026_100.txt", f"{base}/S_2026_101.txt", f"{base}/gone.txt"], store)
    finally:
        server.shutdown()
        server.server_close()
    assert (result.added, result.failed) == (2, 1)
    assert result.failures[0].reason == "cannot fetch: HTTP 404 File not found"
    assert [h.document.path for h in store.search("zq1x")] == [f"{base}/S_2026_101.txt"]


def _junk(folder: Path) -> dict[str, str]:
    """Write files that are not documents; return name -> words of the recorded reason."""
    (folder / "empty.txt").write_text("")
    (folder / "noise.pdf").write_bytes(bytes(random.Random(1).randrange(256) for _ in range(2000)))
    return {"empty.txt": "", "noise.pdf": ""}


def test_ingest_counts_skips_and_records_failures(store: Store, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    letters = write_letters(tmp_path / "in", 6)
    junk = _junk(tmp_path / "in")
    (tmp_path / "in" / "copy.txt").write_bytes(letters[0].read_bytes())  # same content, another name
    events: list[IngestEvent] = []
    result = ingest([tmp_path / "in", tmp_path / "missing.pdf"], store, progress=events.append)
    assert (result.files, result.added, result.duplicates, result.failed) == (10, 6, 1, 3)
    assert len(events) == 10
    reasons = {Path(f.path).name: f.reason for f in store.failures()}
    assert set(reasons) == {*junk, "missing.pdf"} and reasons["missing.pdf"] == "no such file"
    assert all(reasons.values())
    assert store.stats()["documents"] == 6

    def no_parsing(*args: object) -> None:
        raise AssertionError("a known file was parsed again")

    monkeypatch.setattr(unref.corpus.ingest, "parse_file", no_parsing)
    again = ingest([tmp_path / "in"], store)  # hash first, skip what is known: nothing is parsed
    assert (again.added, again.known, again.known_failures, again.failed) == (0, 7, 2, 0)  # with the copy
    monkeypatch.undo()
    retried = ingest([tmp_path / "in"], store, retry_failed=True)
    assert (retried.added, retried.failed) == (0, 2)
    forced = ingest([tmp_path / "in"], store, force=True)
    assert forced.added == 6 and store.stats()["documents"] == 6


def test_ingest_in_worker_processes(tmp_path: Path) -> None:
    write_letters(tmp_path / "in", 8)
    _junk(tmp_path / "in")
    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        result = ingest([tmp_path / "in"], store, workers=2)
        assert (result.added, result.failed) == (8, 2)
        assert [h.document.symbol for h in store.search("zq3x")] == ["S/2026/103"]


def test_a_known_document_added_meanwhile_is_not_duplicated(store: Store, tmp_path: Path) -> None:
    [path] = write_letters(tmp_path, 1)
    run = unref.corpus.ingest
    store.add(run.parse_file(str(path), unref.corpus.store.content_hash(path), run._Options(10, 10)))
    # As if another writer stored it between this run's lookup and its write.
    monkey = store.known
    store.known = lambda hashes: set()  # type: ignore[method-assign]
    try:
        result = ingest([path], store)
    finally:
        store.known = monkey  # type: ignore[method-assign]
    assert (result.added, result.known) == (0, 1) and store.stats()["documents"] == 1


# --- kill -9 at any point, then rerun: nothing lost, nothing twice -------------------------------

LETTERS = 240
FILLER = " ".join(f"The delegation recalled point {i} of the agreement and its annex." for i in range(25))


def _expected(folder: Path) -> dict[str, tuple[int, int]]:
    """Return, per content hash, the passages and citations that a clean ingest stores."""
    out = {}
    for path in sorted(folder.glob("*.txt")):
        doc = prepare(unref.parse(path).to_json(), hash=unref.corpus.store.content_hash(path))
        out[doc.hash] = (len(doc.passages), len(doc.citations))
    return out


def _stored(url: str) -> dict[str, tuple[int, int]]:
    with open_store(url) as store:
        rows = store._all(  # type: ignore[attr-defined]
            "SELECT d.hash, (SELECT count(*) FROM passages p WHERE p.document_id = d.id),"
            " (SELECT count(*) FROM citations c WHERE c.document_id = d.id) FROM documents d")
        return {h: (int(p), int(c)) for h, p, c in rows}


def _count(url: str) -> int:
    try:
        with open_store(url) as store:
            return int(store.stats()["documents"])
    except Exception:  # the database is being created
        return 0


def test_kill_9_then_rerun_loses_and_duplicates_nothing(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    for n in range(LETTERS):
        (folder / f"S_2026_{100 + n}.txt").write_text(make_letter(n, refers_to=f"S/2026/{99 + n}" if n else None,
                                                                  words=FILLER))
    rng = random.Random(822)
    kills = 0
    for attempt in range(4):  # kill a few times, at random points; the last run completes
        before = _count(db_url)
        command = [*UNREF, "ingest", str(folder), "--db", db_url, "--quiet", "--workers", str(1 + attempt % 2)]
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        if attempt == 3:
            assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
            break
        wanted = before + rng.randrange(1, 30)
        deadline = time.monotonic() + 60
        while proc.poll() is None and _count(db_url) < wanted and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.random() * 0.3)  # anywhere: parsing, mid-transaction, committing
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=30)
        with contextlib.suppress(ProcessLookupError):  # the killed ingest's worker processes, too
            os.killpg(proc.pid, signal.SIGKILL)
        if proc.stderr:
            proc.stderr.close()
    assert kills >= 2, "the ingest finished before it could be killed; make it longer"
    assert _stored(db_url) == _expected(folder)
    with open_store(db_url) as store:  # the full-text index holds each letter exactly once
        for n in rng.sample(range(LETTERS), 12):
            assert [h.document.symbol for h in store.search(f"zq{n}x", distinct=False)] == [f"S/2026/{100 + n}"]
        assert store.stats()["symbols"] == LETTERS


# --- The commands -----------------------------------------------------------------------------


def test_ingest_and_failures_commands(db_url: str, tmp_path: Path) -> None:
    write_letters(tmp_path / "in", 3)
    _junk(tmp_path / "in")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db_url, "--quiet"])
    assert result.exit_code == 0, result.output
    assert "5 files, 3 added, 0 already in the corpus, 2 failed" in result.output
    assert "failed: " in result.output and "noise.pdf" in result.output
    strict = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db_url, "-q", "--strict",
                                 "--retry-failed", "--format", "json"])
    assert strict.exit_code == 1 and json.loads(strict.stdout)["known"] == 3
    listed = runner.invoke(app, ["failures", "--db", db_url, "--format", "json"])
    assert sorted(Path(f["path"]).name for f in json.loads(listed.stdout)) == ["empty.txt", "noise.pdf"]
    assert "secret" not in runner.invoke(app, ["stats", "--db", db_url]).output
