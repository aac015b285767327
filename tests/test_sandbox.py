"""unref.sandbox: a parse in a limited child process; one hostile file never stops a batch (issue 15).

The hostile PDFs are made by bench/hostile.py (raw PDF bytes), small enough for a test run.
"""

from __future__ import annotations

import signal
from functools import partial
from pathlib import Path

import pytest

import unref.corpus.ingest as ingest_module
from benchmods import load_bench
from conftest_db import write_letters
from unref.corpus.ingest import ingest
from unref.corpus.store import Failure, open_store, prepare
from unref.deadline import time_limit
from unref.errors import InputError, LimitError, UnrefError
from unref.read.pdf.opening import is_web_address
from unref.sandbox import Limits, Sandbox, death_error, parse_limited

hostile = load_bench("hostile")


def _symbols(doc: object) -> list[str]:
    return list(doc.to_json()["symbols"])  # type: ignore[attr-defined]


def _sleep(seconds: float) -> None:
    import time

    time.sleep(seconds)


def _allocate(mib: int) -> int:
    return len(bytearray(mib * 1024 * 1024))


def test_a_parse_in_the_child_gives_what_finish_returns(tmp_path: Path) -> None:
    [letter] = write_letters(tmp_path, 1)
    assert parse_limited(letter, Limits(memory_mib=1024, timeout=30), _symbols) == ["S/2026/100"]
    assert parse_limited(letter.read_bytes(), Limits(), _symbols, name="x.txt", text=True) == ["S/2026/100"]


def test_errors_cross_back_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(InputError, match=r"empty\.txt"):
        parse_limited(tmp_path / "empty.txt", Limits(), _symbols)


def test_the_deadline_kills_the_child() -> None:
    sandbox: Sandbox[None] = Sandbox(Limits(timeout=0.2))
    try:
        with pytest.raises(LimitError, match=r"x\.pdf: reading took longer than 0.2 s") as caught:
            sandbox.run(partial(_sleep, 30), "x.pdf")
        assert caught.value.limit == "timeout"
        assert sandbox.run(partial(_sleep, 0), "y.pdf") is None  # a fresh child takes the next parse
    finally:
        sandbox.close()


def test_memory_over_the_limit_is_a_limit_error() -> None:
    sandbox: Sandbox[int] = Sandbox(Limits(memory_mib=1024, timeout=30))
    try:
        with pytest.raises(LimitError, match=r"big\.pdf: out of memory \(the limit is 1024 MiB\)"):
            sandbox.run(partial(_allocate, 2048), "big.pdf")
        assert sandbox.run(partial(_allocate, 1), "small.pdf") == 1024 * 1024
    finally:
        sandbox.close()


@pytest.mark.parametrize(("exitcode", "memory", "words"), [
    (-signal.SIGKILL, 512, "reading took longer than 5 s"),
    (-signal.SIGXCPU, 512, "reading took longer than 5 s"),
    (-signal.SIGABRT, 512, "out of memory (the limit is 512 MiB)"),
    (-signal.SIGSEGV, 512, "out of memory (the limit is 512 MiB)"),
    (-signal.SIGSEGV, 0, "stopped by SIGSEGV"),
    (1, 512, "ended unexpectedly (exit status 1)"),
])
def test_death_error(exitcode: int, memory: int, words: str) -> None:
    err = death_error("a.pdf", exitcode, Limits(memory_mib=memory, timeout=5))
    assert str(err).startswith("a.pdf: ") and words in str(err)


@pytest.mark.parametrize(("uri", "kept"), [
    ("https://undocs.org/A/1", True),
    ("http://www.un.org", True),
    ("mailto:someone@un.org", True),
    ("www.un.org", True),  # no scheme: nothing to run
    ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False),
    (" java\tscript:alert(1)", False),  # browsers drop tabs and spaces before reading the scheme
    ("data:text/html,<script>", False),
    ("file:///C:/Users/x.docx", False),
    ("about:blank", False),
])
def test_is_web_address(uri: str, kept: bool) -> None:
    assert is_web_address(uri) is kept


def test_the_glyph_loop_keeps_the_time_limit(tmp_path: Path) -> None:
    import unref

    path = tmp_path / "glyphs.pdf"
    path.write_bytes(hostile.glyph_heavy(20_000))
    with time_limit(1e-9), pytest.raises(LimitError, match="reading took longer than") as caught:
        unref.parse(path)
    assert caught.value.limit == "timeout"


def test_a_library_parse_keeps_its_time_limit_inside_a_page(tmp_path: Path) -> None:
    import time

    import unref

    path = tmp_path / "glyphs.pdf"
    path.write_bytes(hostile.glyph_heavy(400_000))
    started = time.monotonic()
    with pytest.raises(LimitError, match=r"reading took longer than 0\.05 s") as caught:
        unref.parse(path, timeout=0.05)
    assert caught.value.path == str(path) and caught.value.limit == "timeout"
    assert time.monotonic() - started < 1  # stopped inside the page (the whole page takes over a second)


def test_a_batch_goes_on_past_every_hostile_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_letters(folder, 3)
    (folder / "surrogate.pdf").write_bytes(hostile.surrogate())
    (folder / "bomb.pdf").write_bytes(hostile.bomb(600))  # inflates past the 512 MiB limit
    (folder / "glyphs.pdf").write_bytes(hostile.glyph_heavy(400_000))
    (folder / "cycle.pdf").write_bytes(hostile.cycle())
    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        result = ingest([folder], store, timeout=1, max_memory=512)
        assert result.added >= 3  # the letters (the surrogate's page may parse too)
        failed = {Path(f.path).name: f.reason for f in store.failures()}
        assert {"cycle.pdf", "glyphs.pdf"} <= set(failed)
        assert all(failed.values())
        assert [h.document.symbol for h in store.search("zq2x")] == ["S/2026/102"]


def test_a_record_the_store_refuses_fails_alone(tmp_path: Path) -> None:
    [good, bad] = write_letters(tmp_path / "in", 2)
    import unref

    records = []
    for i, path in enumerate([good, bad]):
        record = unref.parse(path).to_json()
        if path == bad:  # what a PDF's text layer gave before the door sanitised it
            record["paragraphs"][0]["text"] += " lone \ud800 surrogate"
        records.append(prepare(record, hash=f"h{i}", path=str(path)))
    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        writer = ingest_module._Writer(store, ingest_module.IngestResult(), None, 20, 1.0, False)
        writer.put(records[0])
        writer.put(records[1])
        writer.put(Failure("junk.pdf", "h9", "not a PDF"))
        writer.flush()
        reasons = {f.path: f.reason for f in store.failures()}
        assert store.stats()["documents"] == 1
        assert "UnicodeEncodeError" in reasons[str(bad)] and reasons["junk.pdf"] == "not a PDF"


def _exit_now() -> None:
    import os

    os._exit(3)


def test_a_child_that_cannot_start_blames_no_file() -> None:
    sandbox: Sandbox[None] = Sandbox(Limits(), _exit_now)
    try:
        with pytest.raises(UnrefError, match="cannot start a process to parse in") as caught:
            sandbox.run(partial(_sleep, 0), "a.pdf")
        assert caught.value.path is None
    finally:
        sandbox.close()



def _killed_while_starting(marker: Path, times: int) -> None:
    """Warm a child by killing it, as an operator or the out-of-memory killer would, the first `times` times."""
    import os

    started = len(marker.read_text()) if marker.exists() else 0
    marker.write_text("x" * (started + 1))
    if started < times:
        os.kill(os.getpid(), signal.SIGKILL)


def test_a_child_killed_from_outside_while_it_starts_is_started_again(tmp_path: Path) -> None:
    marker = tmp_path / "starts"
    sandbox: Sandbox[int] = Sandbox(Limits(), partial(_killed_while_starting, marker, 1))
    try:
        assert sandbox.run(partial(_allocate, 1), "a.pdf") == 1024 * 1024
        assert marker.read_text() == "xx"  # the second child took the parse
    finally:
        sandbox.close()


def test_children_killed_each_time_they_start_blame_no_file(tmp_path: Path) -> None:
    sandbox: Sandbox[int] = Sandbox(Limits(), partial(_killed_while_starting, tmp_path / "starts", 99))
    try:
        with pytest.raises(UnrefError, match="was killed by SIGKILL while it started") as caught:
            sandbox.run(partial(_allocate, 1), "a.pdf")
        assert caught.value.path is None
    finally:
        sandbox.close()


class _SeemsAlive:
    """A dead child's process object, as seen before its death is reported (a forkserver reports it later)."""

    def __init__(self, process: object) -> None:
        self._process = process

    def is_alive(self) -> bool:
        return True

    def __getattr__(self, name: str) -> object:
        return getattr(self._process, name)


def test_a_waiting_child_killed_from_outside_is_replaced_for_the_next_parse() -> None:
    import psutil

    sandbox: Sandbox[int] = Sandbox(Limits())
    try:
        assert sandbox.run(partial(_allocate, 1), "a.pdf") == 1024 * 1024
        child = psutil.Process(sandbox.process.pid)
        child.send_signal(signal.SIGKILL)
        child.wait(5)
        sandbox.process = _SeemsAlive(sandbox.process)  # its pipe is closed: the parse is sent to a new child
        assert sandbox.run(partial(_allocate, 2), "b.pdf") == 2 * 1024 * 1024
    finally:
        sandbox.close()

# The server under hostile uploads (bench/load.py --upload-clients): a 503 it answers on purpose is no fault.
@pytest.mark.parametrize(("status", "error", "fault"), [
    (503, "busy-uploads", False),  # ApiError: the parse slots are taken
    (503, "busy", False),
    (503, "timeout", False),
    (503, "store", False),
    (422, "upload", False),
    (500, "bug", True),  # an exception no route chose: logged with its traceback
    (503, "bug", True),
])
def test_is_fault(status: int, error: str, fault: bool) -> None:
    from unref.corpus.store import StoreError
    from unref.serve.app import _is_fault
    from unref.serve.corpus import Busy, QueryTimeout
    from unref.serve.errors import ApiError

    errors: dict[str, Exception] = {
        "busy-uploads": ApiError(503, "the server is parsing other uploads"), "busy": Busy(),
        "timeout": QueryTimeout(5), "store": StoreError("locked"), "upload": ApiError(422, "out of memory"),
        "bug": KeyError("x"),
    }
    assert _is_fault(status, errors[error]) is fault


def test_an_upload_while_every_parse_slot_is_taken_is_503_before_its_body_is_read(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from unref.serve import create_app

    url = f"sqlite:///{tmp_path / 'c.db'}"
    open_store(url).close()
    headers = {"Authorization": "Bearer t0ken", "Content-Type": "application/pdf"}
    with TestClient(create_app(url, token="t0ken", parse_workers=0, max_upload=1024)) as c:  # no free slot
        for body in (hostile.cycle(), b"%PDF-" + b" " * 4096):  # the second is over the upload limit: never read
            answer = c.post("/api/parse", content=body, headers=headers)
            assert answer.status_code == 503 and "parsing other uploads" in answer.json()["error"]["message"]
        assert c.post("/api/parse", content=b"x", headers={**headers, "Authorization": "Bearer no"}).status_code == 401


@pytest.mark.parametrize(("cpus", "slots"), [(1, 1), (2, 1), (3, 2), (4, 2), (64, 2)])
def test_parse_slots_leave_a_core_to_the_server(cpus: int, slots: int) -> None:
    from unref.serve.context import parse_slots_for

    assert parse_slots_for(cpus) == slots
