"""sandbox: parse untrusted input in a child process under hard limits of memory, CPU time and wall time.

`unref.parse` runs in its caller's process, where a decompression bomb can take all the memory and a page
of millions of glyphs can run past any time limit. The CLI, ingest and the server parse in a `Sandbox`
instead: a child process with RLIMIT_AS (memory) and RLIMIT_CPU set, which the parent kills when a parse
outlives its wall-clock deadline. Whatever ends the child (a MemoryError, a signal, the deadline) becomes
one LimitError or InputError that names the file and the limit it hit, and the caller goes on.

A sandbox is a worker: it parses one file at a time and can parse many, so that ingest and the server pay
for starting a process once per worker, not once per file. `parse_limited` is the one-shot form.
Where the parent has a single thread (the CLI) the child is forked, which costs milliseconds; otherwise
(ingest, with a progress thread and an open database; the server) it comes from a forkserver that has
imported unref already.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from unref.errors import InputError, LimitError, UnrefError

if TYPE_CHECKING:
    from unref.read.ocr.scan import OcrMode

__all__ = ["GRACE", "Limits", "Sandbox", "SandboxPool", "death_error", "parse_limited", "run_parse", "sandboxes",
           "warm_parser", "warm_worker"]

T = TypeVar("T")

#: Seconds the parent waits past a parse's time limit before it kills the child: the child's own checks
#: (between pages, every few thousand glyphs) answer first with a clean error when they can.
GRACE = 1.0
#: Seconds of CPU time past the time limit at which the kernel stops the child (a backstop: one parse
#: uses one core, so the wall-clock deadline comes first unless the parent itself is stopped).
CPU_MARGIN = 5


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits of one parse: memory of the child (MiB, 0: none), wall time (s, 0: none), pages."""

    memory_mib: int = 2048
    timeout: float = 120.0
    max_pages: int = 2000

    def out_of_memory(self, name: str | None) -> LimitError:
        """Return the error of a parse that ran out of memory."""
        return LimitError(name, f"out of memory (the limit is {self.memory_mib} MiB)", "max_memory")

    def out_of_time(self, name: str | None) -> LimitError:
        """Return the error of a parse that outlived its time limit (the reader's own words for it)."""
        return LimitError(name, f"reading took longer than {self.timeout:g} s (the limit)", "timeout")


# ---------------------------------------------------------------------------
# In the child


def _limit_memory(memory_mib: int) -> None:
    """Cap the address space of this process (RLIMIT_AS): an allocation past it fails with MemoryError."""
    import resource

    if memory_mib <= 0:
        return
    limit = memory_mib * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or limit < hard:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _limit_cpu(timeout: float) -> None:
    """Let this process use `timeout` more seconds of CPU (plus a margin) before the kernel stops it.

    Only the soft limit moves, so that the next parse of a long-lived worker can raise it again.
    """
    import resource

    if timeout <= 0:
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = int(usage.ru_utime + usage.ru_stime + timeout) + CPU_MARGIN
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard == resource.RLIM_INFINITY or soft < hard:
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (prctl PR_SET_PDEATHSIG); elsewhere nothing."""
    with contextlib.suppress(Exception):  # not Linux, or no libc: the closed pipe ends the child instead
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)


def _named(err: UnrefError, name: str) -> UnrefError:
    """Return the error naming the file, when the code that raised it did not know the file's name."""
    if err.path is None:
        err.path = name
        err.args = (f"{name}: {err.reason}",)
    return err


def _outcome(call: Callable[[], Any], name: str, limits: Limits) -> tuple[bool, Any]:
    """Return (True, what `call` returns) or (False, the error it raised), under the time limits."""
    from unref.deadline import time_limit  # apart from the PDF reader, which a text parse never imports

    _limit_cpu(limits.timeout)
    try:
        with time_limit(limits.timeout):
            return True, call()
    except MemoryError:
        return False, limits.out_of_memory(name)
    except UnrefError as err:
        return False, _named(err, name)
    except Exception as err:  # any failure is the file's, reported by the parent
        return False, err


def _send(conn: Connection, outcome: tuple[bool, Any], name: str, limits: Limits) -> None:
    """Send an outcome to the parent; one that cannot be pickled (or whose pickle runs out of memory)
    is sent as an error that says so."""
    try:
        conn.send(outcome)
    except (BrokenPipeError, EOFError, ConnectionResetError):
        return  # the parent is gone (Ctrl-C, a killed run): no one to tell, and nothing to print
    except MemoryError:
        conn.send((False, limits.out_of_memory(name)))
    except Exception as err:  # an exception type that does not pickle: its name and message go
        conn.send((False, InputError(name, f"{type(err).__name__}: {outcome[1]}")))


def _serve(conn: Connection, limits: Limits, warm: Callable[[], Any] | None) -> None:
    """The child's loop: take (call, name) from the parent, run it under the limits, send the outcome."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # an interrupt is the parent's to handle: it ends us
    _die_with_parent()
    _limit_memory(limits.memory_mib)
    if warm is not None:
        with contextlib.suppress(Exception):  # warming is best effort
            warm()
    conn.send((True, None))  # started: what dies from now on dies of a parse
    while True:
        try:
            call, name = conn.recv()
        except (EOFError, OSError):  # the parent is gone or closed the pipe
            return
        _send(conn, _outcome(call, name, limits), name, limits)


# ---------------------------------------------------------------------------
# In the parent


def death_error(name: str, exitcode: int | None, limits: Limits) -> UnrefError:
    """Return the error of a child that died while parsing `name`, from its exit code.

    A child killed by SIGXCPU or SIGKILL outlived its time; one that aborted or faulted under a memory
    limit ran out of memory (pdfium aborts when an allocation fails, rather than raising).
    """
    code = -(exitcode or 0)
    if code in (signal.SIGXCPU, signal.SIGKILL):
        return limits.out_of_time(name)
    memory_signals = {signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS, signal.SIGILL, signal.SIGTRAP}
    if code in memory_signals and limits.memory_mib > 0:
        return limits.out_of_memory(name)
    if code > 0:
        return InputError(name, f"the parser's process was stopped by {signal.Signals(code).name}")
    return InputError(name, f"the parser's process ended unexpectedly (exit status {exitcode})")


def _context(method: str | None, preload: tuple[str, ...]) -> Any:
    """Return how to start a child: `method` if given; else a fork where this process has one thread
    (forking a process with threads can copy a lock that another thread held), else a forkserver."""
    methods = multiprocessing.get_all_start_methods()
    if method is None and "fork" in methods and threading.active_count() == 1:
        method = "fork"
    if method in (None, "forkserver") and "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["unref", "unref.sandbox", *preload])  # once: before its first start
        return context
    if method == "fork" and "fork" in methods:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


#: Children started, at most, for one parse when each is killed by a signal before it is ready.
_STARTS = 3


class Sandbox(Generic[T]):
    """A child process that runs parses one at a time under `limits`; the parent keeps the deadline.

    `start` hands it a picklable call (a module function or a partial of one) and the name of the file;
    `outcome` waits for it. A child that dies or runs late is replaced by a fresh one at the next `start`.
    """

    def __init__(self, limits: Limits, warm: Callable[[], Any] | None = None, *, method: str | None = None,
                 preload: tuple[str, ...] = ()) -> None:
        """Keep the limits; the child starts with the first parse (`method`: how, see `_context`; a child
        from a forkserver runs `warm` first, and the forkserver imports the modules of `preload`)."""
        self.limits = limits
        self.warm = warm
        self.method = method
        self.preload = preload
        self.process: Any = None
        self.conn: Connection | None = None
        self.name = ""
        self.deadline = float("inf")

    def _spawn(self) -> Connection:
        """Start the child, once, or again after one died; return the parent's end of its pipe."""
        if self.conn is not None and self.process is not None and self.process.is_alive():
            return self.conn
        context = _context(self.method, self.preload)
        for _ in range(_STARTS):
            parent: Connection
            parent, child = context.Pipe()
            process = context.Process(target=_serve, args=(child, self.limits, self.warm), daemon=True,
                                      name="unref-sandbox")
            process.start()
            child.close()
            self.process, self.conn = process, parent
            try:
                parent.recv()  # the child is ready (or could not start: then no file is to blame)
                return parent
            except (EOFError, OSError):
                exitcode = self._reap()
            # A child killed by a signal while it warmed up was killed from outside (an operator, the
            # out-of-memory killer): start another. One that exited by itself cannot start here.
            if exitcode is None or exitcode >= 0:
                raise UnrefError(None, "cannot start a process to parse in (a script that parses in worker "
                                       "processes must start them under `if __name__ == '__main__':`)")
        raise UnrefError(None, f"cannot start a process to parse in: each of {_STARTS} was killed by "
                               f"{signal.Signals(-(exitcode or 0)).name} while it started")

    def start(self, call: Callable[[], T], name: str) -> None:
        """Send a parse to the child; its deadline starts now."""
        conn = self._spawn()
        self.name = name
        self.deadline = time.monotonic() + self.limits.timeout + GRACE if self.limits.timeout > 0 else float("inf")
        try:
            conn.send((call, name))
        except OSError:  # the waiting child died before it took the parse (killed from outside): start another
            self._reap()
            self._spawn().send((call, name))

    @property
    def busy(self) -> bool:
        """Whether a parse was started and its outcome not yet taken."""
        return bool(self.name)

    def waitables(self) -> list[Any]:
        """Return what `multiprocessing.connection.wait` watches: the pipe, and the child's exit."""
        return [self.conn, self.process.sentinel] if self.busy and self.conn is not None else []

    def outcome(self, block: bool = True) -> T:
        """Return what the parse returned; raise its error, or the error of the limit that ended it."""
        conn, name = self.conn, self.name
        assert conn is not None and name, "no parse was started"
        wait = max(0.0, self.deadline - time.monotonic()) if block else 0.0
        try:
            ready = conn.poll(None if wait == float("inf") else wait)
            if not ready:
                self.kill()
                raise self.limits.out_of_time(name)
            ok, value = conn.recv()
        except (EOFError, OSError):
            exitcode = self._reap()
            raise death_error(name, exitcode, self.limits) from None
        finally:
            self.name = ""
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def ready(self) -> bool:
        """Whether the running parse has an outcome to take: sent back, or its child dead."""
        if not self.busy or self.conn is None:
            return False
        return bool(self.conn.poll()) or not self.process.is_alive()

    def expired(self) -> bool:
        """Whether the running parse is past its deadline."""
        return self.busy and time.monotonic() > self.deadline

    def _reap(self) -> int | None:
        """Wait for the dead child; return its exit code (a signal's as its negative number)."""
        process = self.process
        if process is None:
            return None
        process.join(5)
        code: int | None = process.exitcode
        self._forget()
        return code

    def _forget(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.process, self.conn = None, None

    def kill(self) -> None:
        """Kill the child now (the next parse starts another)."""
        if self.process is not None:
            with contextlib.suppress(Exception):
                self.process.kill()
                self.process.join(5)
        self._forget()

    def close(self) -> None:
        """End the child: it exits when its pipe closes."""
        if self.process is not None and self.process.is_alive():
            self.kill()
        self._forget()

    def run(self, call: Callable[[], T], name: str) -> T:
        """Run one parse and return its outcome (`start` then `outcome`)."""
        self.start(call, name)
        return self.outcome()


# ---------------------------------------------------------------------------
# One parse


def run_parse(source: str | bytes, name: str | None, *, text: bool = False, allow_empty: bool = False,
              max_pages: int = 2000, timeout: float = 120.0, ocr: OcrMode = "auto",
              progress: Callable[[int, int], None] | None = None) -> Any:
    """Parse as `unref.parse` does, in the child: `source` is a path, a PDF's bytes, or with `text`
    the text itself (a str, or UTF-8 bytes). OCR's pages run in a small pool of the child's own
    (read/ocr/pool.py), under the same limits; `progress` is called in the child."""
    from unref import parse, parse_text

    if text:
        return parse_text(source.decode("utf-8") if isinstance(source, bytes) else source, allow_empty=allow_empty)
    if isinstance(source, str):
        return parse(Path(source), allow_empty=allow_empty, max_pages=max_pages, timeout=timeout, ocr=ocr,
                     progress=progress)
    return parse(source, name=name, allow_empty=allow_empty, max_pages=max_pages, timeout=timeout, ocr=ocr,
                 progress=progress)


def _finished(finish: Callable[[Any], T], parse: Callable[[], Any]) -> T:
    return finish(parse())


def warm_parser() -> None:
    """Load the parser's lazy tables once per child, before its first file (a cold first parse takes seconds)."""
    from unref import parse_text

    with contextlib.suppress(Exception):  # warming is best effort
        parse_text("A/1/1\n\nUnited Nations\n\nGeneral Assembly\n\nText.\n")


def warm_worker(ocr_workers: int | None = None) -> None:
    """Start a parsing worker: load the parser's tables; with `ocr_workers`, a scan's pages are read by at
    most that many processes (1: in the worker itself). Workers that already parse side by side each read
    their scans in process: a pool of OCR processes per worker would put several engines on each core, and
    their memory with them. $UNREF_OCR_WORKERS, when set, still decides."""
    if ocr_workers is not None:
        os.environ.setdefault("UNREF_OCR_WORKERS", str(ocr_workers))
    warm_parser()


def _parse_job(source: str | Path | bytes, limits: Limits, finish: Callable[[Any], T], name: str | None,
               text: bool, allow_empty: bool, ocr: OcrMode = "auto",
               progress: Callable[[int, int], None] | None = None) -> tuple[Callable[[], T], str]:
    """Return the call that parses `source` in a child and finishes its document, and the file's name."""
    is_path = isinstance(source, Path) or (isinstance(source, str) and not text)
    label = name or (str(source) if is_path else "<bytes>")
    data = str(source) if isinstance(source, Path) else source
    parse = partial(run_parse, data, name, text=text, allow_empty=allow_empty, max_pages=limits.max_pages,
                    timeout=limits.timeout, ocr=ocr, progress=progress)
    return partial(_finished, finish, parse), label


def parse_limited(source: str | Path | bytes, limits: Limits, finish: Callable[[Any], T], *,
                  name: str | None = None, text: bool = False, allow_empty: bool = False, ocr: OcrMode = "auto",
                  progress: Callable[[int, int], None] | None = None) -> T:
    """Parse `source` (a path, PDF bytes, or with `text` the text: a str or UTF-8 bytes) in a child under `limits`;
    return `finish(document)`, which runs in the child (so that only its result crosses back).

    `finish` must pickle: a module function, or a partial of one. Errors name the file (`name` for bytes)
    and are raised here: a LimitError for memory and time, an InputError for a child that died otherwise.
    `ocr` says which pages OCR reads; `progress(done, total)`, which must pickle too, runs in the child.
    """
    call, label = _parse_job(source, limits, finish, name, text, allow_empty, ocr, progress)
    sandbox: Sandbox[T] = Sandbox(limits)
    try:
        return sandbox.run(call, label)
    finally:
        sandbox.close()


class SandboxPool:
    """Warm sandboxes kept for parse after parse (the server's uploads): a thread takes one, parses, gives it
    back; at most as many children as parses ran at once. A child that died is replaced at its next parse."""

    def __init__(self, limits: Limits) -> None:
        """Keep the limits of every sandbox of the pool."""
        self.limits = limits
        self.idle: queue.SimpleQueue[Sandbox[Any]] = queue.SimpleQueue()

    def parse(self, source: str | Path | bytes, finish: Callable[[Any], T], *, name: str | None = None,
              text: bool = False) -> T:
        """Return `finish(document)` as `parse_limited` does, in a warm child of the pool."""
        try:
            sandbox = self.idle.get_nowait()
        except queue.Empty:
            sandbox = Sandbox(self.limits, warm_parser, method="forkserver")
        call, label = _parse_job(source, self.limits, finish, name, text, False)
        try:
            result: T = sandbox.run(call, label)
            return result
        finally:
            self.idle.put(sandbox)


@contextlib.contextmanager
def sandboxes(limits: Limits, count: int, warm: Callable[[], Any] | None = None, *, method: str | None = None,
              preload: tuple[str, ...] = ()) -> Iterator[list[Sandbox[Any]]]:
    """Yield `count` sandboxes (see `Sandbox`), closed on the way out."""
    pool: list[Sandbox[Any]] = [Sandbox(limits, warm, method=method, preload=preload) for _ in range(max(1, count))]
    try:
        yield pool
    finally:
        for sandbox in pool:
            sandbox.close()
