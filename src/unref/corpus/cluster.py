"""cluster: ingest's parsing on a Dask cluster, and the sources a worker elsewhere can read (shared paths, URLs).

`unref ingest --cluster ADDRESS` sends each file to a Dask scheduler (``tcp://host:8786``) as one task, or to a
`LocalCluster` of N worker processes (``local:N``). What crosses stays what local workers send: a task returns
the rows of its file (`store.prepare`) or its `Failure`, and the client stays the single writer, committing in
batches through the same idempotent write keyed by content hash. Why the client writes, not the workers: a store
may be SQLite (one writer, one host); workers need no database credentials or route to it; and exactly once is
decided in one place, where the store says whether a hash is new (a task that Dask runs twice after a worker died
gives the same rows, stored once).

Limits: a worker parses each file in a `unref.sandbox.Sandbox` of its own (one warm limited child per worker
thread, kept from task to task), so a cluster worker holds the same limits of memory, CPU and wall time as a
local worker. Starting that child needs a worker process that may have children: Dask starts workers as daemons
unless told otherwise, so `local:N` sets ``distributed.worker.daemon`` to False, and a remote worker must be
started with ``DASK_DISTRIBUTED__WORKER__DAEMON=False`` (checked before any file is sent).

Sources: a worker reads a path itself when it holds the same bytes there (a shared folder: the worker checks
the content hash); otherwise the task answers `NEED_BYTES` and the client sends the file's bytes, and from
then on sends bytes for every file (a worker that cannot see one path of a run rarely sees the others).
``http(s)://`` URLs are fetched by whoever needs them: the worker that parses, and for the hash that decides
whether the content is known, a worker too (the client only when it parses itself).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

from unref.corpus.store import Failure, Prepared, content_hash
from unref.errors import LimitError, UnrefError
from unref.sandbox import GRACE, Limits, Sandbox, warm_worker

__all__ = ["ATTEMPTS", "KILLED_TWICE", "LOCAL", "NEED_BYTES", "Job", "connect", "fetch", "hash_source", "is_url",
           "killed_from_outside", "reason", "run_tasks", "work"]

LOCAL = "local:"
URL_SCHEMES = ("http://", "https://")
FETCH_TIMEOUT = 60.0  # seconds to wait for a server's answer
WORKER_WAIT = 60.0  # seconds to wait for a scheduler's first worker
#: What a worker answers when it cannot read a path with the expected content: the client sends the bytes.
NEED_BYTES = "need-bytes"
#: Dask's settings for the workers of ``local:N``, whose work is parsing in a limited child. Dask's defaults are
#: set for interactive array work: a statistical profiler that samples the worker's threads every 10 ms, an
#: event-loop tick every 20 ms (to warn of a blocked loop), a look at the worker's memory every 100 ms and at the
#: machine every 500 ms. Each wakes the scheduler's, the nannies' and the workers' event loops; on two cores
#: they took the CPU from the parse: 40 dev PDFs on local:2 (load 12), the Dask worker's event loop 0.9-1.25 ->
#: 0.22-0.36 ms a page, the client's (scheduler and nannies) 1.2-1.7 -> 0.5-0.6 ms. Nothing here guards a limit:
#: the parse's memory and time are the limited child's, and a worker's memory is still looked at each second.
#: A remote cluster keeps its own settings (docs/scaling.md says which to give `dask worker`).
LOCAL_CONFIG: dict[str, Any] = {
    "distributed.worker.daemon": False,  # the workers start limited children
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}
DAEMON_ADVICE = ("the cluster's workers cannot start the limited processes that parse: start each with "
                 "DASK_DISTRIBUTED__WORKER__DAEMON=False (see docs/scaling.md)")

#: Parses of one file started, at most, when its limited child is killed from outside (a second death is the file's).
ATTEMPTS = 2
KILLED_TWICE = f"its worker was killed while parsing it, {ATTEMPTS} times"

Outcome = Prepared | Failure
#: A picklable call (a module function or a partial of one) that parses (source, hash, bytes or None) into rows.
Job = Callable[[str, str, bytes | None], Outcome]


def reason(err: BaseException) -> str:
    """Return the reason recorded for a file that raised `err`: unref's own reason, else its type and message."""
    text = err.reason if isinstance(err, UnrefError) else f"{type(err).__name__}: {err}"
    return text or type(err).__name__


def killed_from_outside(err: BaseException, deadline: float) -> bool:
    """Whether a limited child's death was a SIGKILL that neither its deadline nor its CPU limit sent: the parent
    kills at the deadline, the kernel's CPU limit comes later still, so a SIGKILL (read as out of time) well before
    the deadline came from elsewhere (an operator, the out-of-memory killer). Then its file is parsed again."""
    out_of_time = isinstance(err, LimitError) and err.limit == "timeout"
    return out_of_time and time.monotonic() < deadline - GRACE


# ---------------------------------------------------------------------------
# Sources


def is_url(source: str) -> bool:
    """Whether a source is an http(s) URL rather than a path."""
    return source.lower().startswith(URL_SCHEMES)


def fetch(url: str) -> bytes:
    """Return the bytes at an http(s) URL; an OSError (urllib's) names why not."""
    if not is_url(url):  # never file: or ftp: from a list of sources
        raise urllib.error.URLError(f"not an http(s) URL: {url}")
    with urllib.request.urlopen(url, timeout=FETCH_TIMEOUT) as answer:
        data: bytes = answer.read()
    return data


def _fetch_failure(url: str, err: OSError) -> Failure:
    """Return the failure of a URL that could not be fetched."""
    if isinstance(err, urllib.error.HTTPError):
        return Failure(url, None, f"cannot fetch: HTTP {err.code} {err.reason}")
    why = err.reason if isinstance(err, urllib.error.URLError) else (err.strerror or err)
    return Failure(url, None, f"cannot fetch: {why}")


def hash_source(source: str) -> str | Failure:
    """Return the content hash of a path or URL, or the failure that says why it cannot be read."""
    if is_url(source):
        try:
            return hashlib.sha256(fetch(source)).hexdigest()
        except OSError as err:
            return _fetch_failure(source, err)
    try:
        return content_hash(source)
    except FileNotFoundError:
        return Failure(source, None, "no such file")
    except OSError as err:
        return Failure(source, None, f"cannot read the file: {err.strerror or err}")


def _holds(path: str, hash: str) -> bool:
    """Whether this machine holds `hash`'s bytes at `path` (a shared folder), so that it can parse the path."""
    try:
        return Path(path).is_file() and content_hash(path) == hash
    except OSError:
        return False


# ---------------------------------------------------------------------------
# On a worker

_local = threading.local()
_children: list[Sandbox[Outcome]] = []  # every limited child of this worker process, for `stop_children`
_stopping = threading.Event()  # set by `stop_children`: no parse starts or restarts on this worker
STOPPED = "not parsed: the cluster was stopping"


def _keep_glibc_trim() -> None:
    """Let this worker's limited children free memory as glibc does by default, as under --workers.

    Dask's nanny starts its workers with MALLOC_TRIM_THRESHOLD_=65536 (distributed.nanny.pre-spawn-environ),
    and the forkserver of the children, started from the worker, would pass it on: glibc then hands
    freed memory back to the system at every 64 KiB, and a parse takes it again page by page (over 30 dev
    PDFs in one process: 16,000 -> 31,000-34,000 minor page faults, 0.08-0.14 -> 0.15-0.26 s of system
    time, of 6.2-7.0 s). The worker process itself keeps Dask's setting; a user's own value is kept.
    """
    import dask

    wanted = dask.config.get("distributed.nanny.pre-spawn-environ", {}).get("MALLOC_TRIM_THRESHOLD_")
    if wanted is not None and os.environ.get("MALLOC_TRIM_THRESHOLD_") == str(wanted):
        os.environ.pop("MALLOC_TRIM_THRESHOLD_")


def _sandbox(limits: Limits) -> Sandbox[Outcome]:
    """Return this worker thread's warm limited child (a new one when the limits changed)."""
    box: Sandbox[Outcome] | None = getattr(_local, "sandbox", None)
    if box is None or box.limits != limits:
        _keep_glibc_trim()  # before the forkserver starts: the children inherit its environment
        if box is not None:
            box.close()
        # A cluster's parallelism is its workers: each reads its scans' pages in process (ingest.warm_worker).
        box = Sandbox(limits, partial(warm_worker, 1), method="forkserver", preload=("unref.corpus.ingest",))
        _local.sandbox = box
        _children.append(box)
    return box


def stop_children() -> None:
    """Kill this worker's limited children (run on the worker's event loop, while a task may be waiting on one:
    that task then ends at once, its parse lost, instead of holding the worker's shutdown)."""
    _stopping.set()
    for box in _children:
        process = box.process
        if process is not None:
            with contextlib.suppress(Exception):  # ended meanwhile
                process.kill()


def can_fork() -> bool:
    """Whether this process may start children (a Dask worker started as a daemon may not)."""
    import multiprocessing

    return not multiprocessing.current_process().daemon


def work(job: Job, source: str, hash: str, limits: Limits, data: bytes | None = None) -> Outcome | str:
    """Parse one file on a worker, in its limited child: return the rows or the failure, or `NEED_BYTES`
    when the source is a path this worker does not hold."""
    if data is None and not is_url(source) and not _holds(source, hash):
        return NEED_BYTES
    if not can_fork():
        return Failure(source, hash, DAEMON_ADVICE)
    sandbox = _sandbox(limits)
    for _ in range(ATTEMPTS):
        if _stopping.is_set():
            return Failure(source, hash, STOPPED)
        try:
            return sandbox.run(partial(job, source, hash, data), source)
        except Exception as err:  # a limit, or the child's death: the file's failure; the run goes on
            if not killed_from_outside(err, sandbox.deadline):
                return Failure(source, hash, reason(err))
    return Failure(source, hash, KILLED_TWICE)


# ---------------------------------------------------------------------------
# On the client


def _local_workers(address: str) -> int | None:
    """Return N of ``local:N`` (at least 1), or None for a scheduler's address."""
    if not address.startswith(LOCAL):
        return None
    count = address.removeprefix(LOCAL)
    if not count.isdecimal() or int(count) < 1:
        raise UnrefError(None, f"cluster {address!r}: write local:N, N the number of worker processes (local:2)")
    return int(count)


@contextlib.contextmanager
def connect(address: str) -> Iterator[Any]:
    """Yield a Dask client of the scheduler at `address`, or of a new LocalCluster for ``local:N``
    (N processes of one thread each, no dashboard, Dask set by `LOCAL_CONFIG`), closed on the way out. Refuses
    workers that are daemons."""
    import dask
    from distributed import Client, LocalCluster

    count = _local_workers(address)
    with contextlib.ExitStack() as stack:
        if count is None:
            try:
                client = stack.enter_context(Client(address, timeout="20s"))  # type: ignore[no-untyped-call]
            except OSError as err:
                raise UnrefError(None, f"no Dask scheduler answers at {address} ({err})") from None
        else:
            stack.enter_context(dask.config.set(LOCAL_CONFIG))
            cluster = stack.enter_context(LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=count, threads_per_worker=1, processes=True, dashboard_address=":0"))  # no fixed port
            client = stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
            # Closed first on the way out: a cluster of our own stops its parses at once (an interruption).
            stack.callback(_stop_all, client)
        _check_workers(client, address)
        yield client


def _check_workers(client: Any, address: str) -> None:
    """Wait for a first worker (a minute at most), then refuse workers that cannot start limited children."""
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT)
    except TimeoutError:
        raise UnrefError(None, f"the Dask scheduler at {address} has no workers (waited {WORKER_WAIT:g} s)") from None
    if not all(client.run(can_fork).values()):
        raise UnrefError(None, DAEMON_ADVICE)


def _stop_all(client: Any) -> None:
    """Kill the limited children of every worker of the client's cluster."""
    with contextlib.suppress(Exception):  # a worker already gone
        client.run(stop_children, wait=True)


def hash_sources(client: Any, sources: list[str]) -> list[str | Failure]:
    """Return the content hash (or failure) of each source: paths here, URLs on the cluster's workers."""
    urls = [s for s in sources if is_url(s)]
    fetched = dict(zip(urls, client.gather(client.map(hash_source, urls, pure=False)), strict=True)) if urls else {}
    return [fetched[s] if s in fetched else hash_source(s) for s in sources]


def _outcome(future: Any, source: str, hash: str) -> Outcome | str:
    """Return a finished task's outcome; a task Dask gave up on (its workers died, it was lost) is the file's
    failure."""
    from distributed import KilledWorker

    try:
        result: Outcome | str = future.result()
    except KilledWorker:
        return Failure(source, hash, "its cluster workers died while parsing it, on every retry")
    except Exception as err:  # the scheduler lost it, or it could not be unpickled: recorded, the run goes on
        return Failure(source, hash, f"on the cluster: {reason(err)}")
    return result


class _Tasks:
    """The files in flight on the cluster, at most `window` at a time, each a future keyed by its content hash."""

    def __init__(self, client: Any, job: Job, limits: Limits) -> None:
        from distributed import as_completed

        self.client, self.job, self.limits = client, job, limits
        self.running: dict[Any, tuple[str, str]] = {}
        self.done = as_completed()  # type: ignore[no-untyped-call]
        self.send_bytes = False  # set once a worker could not read a path: from then on the client sends bytes

    def submit(self, source: str, hash: str, data: bytes | None = None) -> None:
        """Send one file to the cluster: its path or URL, or its bytes."""
        if data is None and self.send_bytes and not is_url(source):
            data = Path(source).read_bytes()
        key = f"unref-{hash}" + ("-bytes" if data is not None else "")
        future = self.client.submit(work, self.job, source, hash, self.limits, data, key=key, pure=False)
        self.running[future] = (source, hash)
        self.done.add(future)  # type: ignore[no-untyped-call]

    def resend(self, source: str, hash: str) -> Outcome | None:
        """Send a file again as bytes (its worker cannot read the path); None, or the failure to read it here."""
        self.send_bytes = True
        try:
            self.submit(source, hash, Path(source).read_bytes())
        except OSError as err:
            return Failure(source, hash, f"cannot read the file: {err.strerror or err}")
        return None

    def cancel(self) -> None:
        """Cancel what is still in flight (an interruption): nothing of it was written."""
        with contextlib.suppress(Exception):
            self.client.cancel(list(self.running))
        self.running.clear()


def run_tasks(client: Any, todo: Iterator[tuple[str, str]], job: Job, limits: Limits,
              put: Callable[[Outcome], None]) -> None:
    """Parse the (source, hash) of `todo` on the cluster and hand each outcome to `put` as it comes, keeping
    a few tasks queued per worker thread (the scheduler sends the next as soon as one ends; memory stays flat)."""
    window = max(4, 3 * sum(client.nthreads().values()))
    tasks = _Tasks(client, job, limits)
    try:
        for source, hash in islice(todo, window):
            tasks.submit(source, hash)
        for future in tasks.done:
            source, hash = tasks.running.pop(future)
            outcome = _outcome(future, source, hash)
            future.release()  # the cluster forgets the result: rows are held once, here, until written
            if isinstance(outcome, str):  # NEED_BYTES: the worker cannot read the path
                if (failure := tasks.resend(source, hash)) is None:
                    continue
                outcome = failure
            if (item := next(todo, None)) is not None:
                tasks.submit(*item)
            put(outcome)
    finally:
        tasks.cancel()
