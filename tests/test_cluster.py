"""Ingest on a Dask cluster: the same documents as a plain ingest, URLs and bytes as sources, worker deaths.

One LocalCluster of two worker processes serves the module (it takes seconds to start); the CLI test starts
its own through ``--cluster local:2``, as a user does.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

pytest.importorskip("distributed")

import pdfgen
import unref.cli.corpus
import unref.corpus.cluster as cluster
from conftest_db import make_letter, write_letters
from unref.cli import app
from unref.corpus.cluster import ATTEMPTS, killed_from_outside
from unref.corpus.ingest import IngestEvent, ingest
from unref.corpus.store import Store, open_store
from unref.errors import InputError, LimitError
from unref.sandbox import GRACE

DOCS = 10 if pdfgen.have_fonts() else 9  # documents in the fixture set (and one file that fails)
FILLER = " ".join(f"The delegation recalled point {i} of the agreement and its annex." for i in range(25))


# --- Decisions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("address", "count"), [
    ("local:1", 1), ("local:2", 2), ("local:16", 16),
    ("tcp://10.0.0.5:8786", None), ("tls://scheduler:8786", None),  # a scheduler's address
])
def test_local_workers(address: str, count: int | None) -> None:
    assert cluster._local_workers(address) == count


@pytest.mark.parametrize("address", ["local:", "local:0", "local:two", "local:-1"])
def test_local_workers_refuses_a_bad_count(address: str) -> None:
    with pytest.raises(unref.UnrefError, match="local:N"):
        cluster._local_workers(address)


@pytest.mark.parametrize(("source", "url"), [
    ("http://127.0.0.1:8000/a.pdf", True), ("HTTPS://example.org/a.pdf", True),
    ("/data/a.pdf", False), ("file:///data/a.pdf", False), ("ftp://host/a.pdf", False), ("http.pdf", False),
])
def test_is_url(source: str, url: bool) -> None:
    assert cluster.is_url(source) is url


@pytest.mark.parametrize(("err", "left", "outside"), [
    (LimitError("a.pdf", "reading took longer than 120 s (the limit)", "timeout"), 60.0, True),  # SIGKILL early
    (LimitError("a.pdf", "reading took longer than 120 s (the limit)", "timeout"), 0.5, False),  # at the deadline
    (LimitError("a.pdf", "out of memory (the limit is 2048 MiB)", "max_memory"), 60.0, False),
    (InputError("a.pdf", "the parser's process was stopped by SIGSEGV"), 60.0, False),
])
def test_killed_from_outside(err: Exception, left: float, outside: bool) -> None:
    assert killed_from_outside(err, time.monotonic() + left) is outside
    assert left > GRACE or not outside


def test_holds_checks_the_content_not_the_name(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("one")
    right = cluster.hash_source(str(path))
    assert isinstance(right, str) and cluster._holds(str(path), right)
    assert not cluster._holds(str(path), "0" * 64)  # another file at the same path on the worker
    assert not cluster._holds(str(tmp_path / "missing.txt"), right)


def test_a_scheduler_without_workers_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from distributed import LocalCluster

    monkeypatch.setattr(cluster, "WORKER_WAIT", 0.5)
    with (LocalCluster(n_workers=0, dashboard_address=":0") as empty,
          pytest.raises(unref.UnrefError, match="no workers"),
          cluster.connect(empty.scheduler_address)):
        pass


# --- Fixtures ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """Yield the address of a LocalCluster of two single-threaded worker processes that may have children."""
    with cluster.connect("local:2") as client:
        yield str(client.scheduler.address)


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small set: chained letters as text, generated PDFs, and a file that fails."""
    folder = tmp_path_factory.mktemp("cluster")
    write_letters(folder, 8)
    pdfgen.letter(folder / "letter.pdf")
    if pdfgen.have_fonts():
        pdfgen.languages(folder / "languages.pdf")
    (folder / "empty.txt").write_text("")
    return folder


def _graph(url: str) -> tuple[set[tuple[str, str]], set[tuple[str, str, str, str]], set[str]]:
    """Return a store's (hash, symbol) pairs, its citation edges (source hash, kind, target, where) and failed files."""
    with open_store(url) as store:
        symbols = store._all("SELECT d.hash, s.symbol FROM symbols s JOIN documents d ON d.id = s.document_id")  # type: ignore[attr-defined]
        edges = store._all("SELECT d.hash, c.kind, c.target, c.location FROM citations c"  # type: ignore[attr-defined]
                           " JOIN documents d ON d.id = c.document_id")
        failed = {Path(f.path).name for f in store.failures()}
    return {tuple(r) for r in symbols}, {tuple(r) for r in edges}, failed  # type: ignore[misc]


def _settings() -> tuple[bool, bool, str]:
    """On a worker: whether it is a daemon, whether Dask's profiler runs, and its tick."""
    import dask

    return (dask.config.get("distributed.worker.daemon"), dask.config.get("distributed.worker.profile.enabled"),
            dask.config.get("distributed.admin.tick.interval"))


def test_local_workers_are_set_for_parsing(scheduler: str) -> None:
    from distributed import Client

    with Client(scheduler) as client:
        assert set(client.run(_settings).values()) == {(False, False, "1s")}


# --- The same documents as a plain ingest ------------------------------------------------------------


def test_cluster_stores_what_a_plain_ingest_stores(fixtures: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    plain, spread = f"sqlite:///{tmp_path / 'plain.db'}", f"sqlite:///{tmp_path / 'cluster.db'}"
    for url, extra in ((plain, []), (spread, ["--cluster", "local:2"])):
        result = runner.invoke(app, ["ingest", str(fixtures), "--db", url, "-q", *extra])
        assert result.exit_code == 0, result.output
        assert f"{DOCS + 1} files, {DOCS} added, 0 already in the corpus, 1 failed" in result.output
    symbols, edges, failed = _graph(spread)
    assert (symbols, edges, failed) == _graph(plain)
    assert len(symbols) >= 9 and len(edges) >= 7 and failed == {"empty.txt"}  # every letter and letter.pdf


def test_a_rerun_on_the_cluster_parses_nothing_known(scheduler: str, fixtures: Path, tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        first = ingest([fixtures], store, cluster=scheduler)
        again = ingest([fixtures], store, cluster=scheduler)
    assert (first.added, first.failed) == (DOCS, 1)
    assert (again.added, again.known, again.known_failures, again.failed) == (0, DOCS, 1, 0)


# --- Sources a worker reads: URLs, or bytes the client sends --------------------------------------------


@pytest.fixture()
def served(fixtures: Path) -> Iterator[str]:
    """Yield the base URL of an HTTP server of the fixture folder."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(fixtures))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.RequestHandlerClass.log_message = lambda *args: None  # type: ignore[method-assign]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_urls_are_fetched_by_the_workers(scheduler: str, served: str, fixtures: Path, tmp_path: Path) -> None:
    urls = [f"{served}/{name}" for name in ("S_2026_100.txt", "S_2026_101.txt", "letter.pdf", "missing.pdf")]
    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        result = ingest(urls, store, cluster=scheduler)
        assert (result.added, result.failed) == (3, 1)
        assert [f.reason for f in result.failures] == ["cannot fetch: HTTP 404 File not found"]
        assert {d.path for d in store.iter_documents()} == set(urls[:3])  # where each document is
        assert [h.document.symbol for h in store.search("zq1x")] == ["S/2026/101"]
        local = ingest(urls[:2], store)  # without a cluster, the same URLs are known content
        assert local.known == 2


def _blind(flag: bool) -> None:
    """On a worker: see no path (as a worker on another machine without the shared folder), or see again."""
    if flag:
        cluster.__dict__.setdefault("_seeing", cluster._holds)
        cluster._holds = lambda path, hash: False  # type: ignore[assignment]
    else:
        cluster._holds = cluster.__dict__.pop("_seeing")


def test_a_worker_that_cannot_read_the_path_gets_the_bytes(scheduler: str, fixtures: Path, tmp_path: Path) -> None:
    from distributed import Client

    with Client(scheduler) as client:
        client.run(_blind, True)
        try:
            with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
                result = ingest([fixtures], store, cluster=scheduler)
                paths = {d.path for d in store.iter_documents()}
        finally:
            client.run(_blind, False)
    assert (result.added, result.failed) == (DOCS, 1)
    assert paths == {str(p) for p in fixtures.iterdir() if p.name != "empty.txt"}  # the client's paths


# --- A worker killed with SIGKILL mid-run: nothing lost, nothing twice ---------------------------------------


def _letters(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for n in range(count):
        path = folder / f"S_2026_{100 + n}.txt"
        path.write_text(make_letter(n, refers_to=f"S/2026/{99 + n}" if n else None, words=FILLER * 4))
        paths.append(path)
    return paths


def _check_once(store: Store, count: int) -> None:
    """Every letter stored exactly once, no failure, and the full text finds each."""
    assert store.stats()["documents"] == count and store.stats()["symbols"] == count
    assert list(store.failures()) == []
    for n in (0, count // 2, count - 1):
        assert [h.document.symbol for h in store.search(f"zq{n}x", distinct=False)] == [f"S/2026/{100 + n}"]


def test_sigkill_of_a_cluster_worker(scheduler: str, tmp_path: Path) -> None:
    from distributed import Client

    count = 40
    _letters(tmp_path / "in", count)
    killed: list[int] = []
    with Client(scheduler) as client:
        pids: dict[str, int] = client.run(os.getpid)

        def kill_a_busy_worker(event: IngestEvent) -> None:
            if killed:
                return
            for address, keys in client.processing().items():
                if keys and address in pids:
                    os.kill(pids[address], signal.SIGKILL)
                    killed.append(pids[address])
                    return

        with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
            result = ingest([tmp_path / "in"], store, cluster=scheduler, progress=kill_a_busy_worker, batch_size=1)
            assert killed, "no worker was busy when the first file was written"
            assert (result.added, result.failed) == (count, 0)
            _check_once(store, count)
        client.wait_for_workers(2, timeout=60)  # the nanny restarts the worker, for the next tests


def _sandbox_children(pid: int | None = None) -> list[psutil.Process]:
    """Return the limited children of a process (this one by default): those of its forkserver."""
    servers = [p for p in psutil.Process(pid).children() if "forkserver" in " ".join(p.cmdline())]
    return [p for server in servers for p in server.children()]


def test_sigkill_of_a_parsing_child_on_the_cluster(scheduler: str, tmp_path: Path) -> None:
    from distributed import Client

    count = 30
    _letters(tmp_path / "in", count)
    killed: list[int] = []
    with Client(scheduler) as client:
        pids: dict[str, int] = client.run(os.getpid)

        def kill_a_child(event: IngestEvent) -> None:
            children = [c for pid in pids.values() for c in _sandbox_children(pid)]
            if not killed and children:
                with contextlib.suppress(psutil.NoSuchProcess):
                    children[0].send_signal(signal.SIGKILL)
                    killed.append(children[0].pid)

        with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
            result = ingest([tmp_path / "in"], store, cluster=scheduler, progress=kill_a_child, batch_size=1)
            assert killed, "no parsing child to kill"
            assert (result.added, result.failed) == (count, 0), result.failures  # parsed again by a fresh child
            _check_once(store, count)


def test_sigkill_of_a_local_worker(tmp_path: Path) -> None:
    count = 40
    _letters(tmp_path / "in", count)
    killed: list[int] = []

    def kill_a_worker(event: IngestEvent) -> None:
        if not killed and (children := _sandbox_children()):
            with contextlib.suppress(psutil.NoSuchProcess):
                children[0].send_signal(signal.SIGKILL)
                killed.append(children[0].pid)

    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        result = ingest([tmp_path / "in"], store, workers=2, progress=kill_a_worker, batch_size=1)
        assert killed, "no worker to kill"
        assert (result.added, result.failed) == (count, 0)  # the killed worker's file parsed again, on a fresh one
        _check_once(store, count)


def test_a_file_whose_worker_is_killed_every_time_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import unref.corpus.ingest as run

    [path] = write_letters(tmp_path / "in", 1)
    monkeypatch.setattr(run, "_collect", lambda sandbox, path, hash: (sandbox.kill(), None)[1])
    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        result = ingest([path], store)
    assert [f.reason for f in result.failures] == [f"its worker was killed while parsing it, {ATTEMPTS} times"]
