"""cluster: ingest's parsing on a Dask cluster, and the sources a worker elsewhere can read (shared paths, URLs).

`unref ingest --cluster ADDRESS` sends the files to a Dask scheduler (``tcp://host:8786``), or to a `LocalCluster`
of N worker processes (``local:N``), as tasks of several small files or of one large file, largest first
(`batches`). What crosses stays what local workers send: a task returns the rows of each file (`store.prepare`,
pickled in the parsing child) or its `Failure`, and the client stays the single writer, committing in batches
through the same idempotent write keyed by content hash. Why the client writes, not the workers: a store
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
import math
import os
import pickle
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

from unref.corpus.iters import chunks
from unref.corpus.store import Failure, Prepared, content_hash
from unref.errors import LimitError, UnrefError
from unref.sandbox import GRACE, Limits, Sandbox, warm_worker

__all__ = ["ATTEMPTS", "KILLED_TWICE", "LOCAL", "NEED_BYTES", "Job", "Packed", "batches", "connect", "fetch",
           "grouped", "hash_source", "is_url", "killed_from_outside", "largest_first", "reason", "run_tasks", "unpack",
           "work", "work_batch"]

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
#: What a worker answers for one file: its outcome pickled in the limited child, a failure of the worker's (a
#: limit, the child's death), or `NEED_BYTES`.
Packed = bytes | Failure | str


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
_children: list[Sandbox[bytes]] = []  # every limited child of this worker process, for `stop_children`
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


def _sandbox(limits: Limits) -> Sandbox[bytes]:
    """Return this worker thread's warm limited child (a new one when the limits changed)."""
    box: Sandbox[bytes] | None = getattr(_local, "sandbox", None)
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


def _pickled(job: Job, source: str, hash: str, data: bytes | None) -> bytes:
    """Run `job` in the limited child and return its outcome pickled there: the Dask worker then hands on bytes,
    which it neither unpickles from the pipe nor pickles again for the client, and whose size it knows at once
    (Dask measures a result's size, walking every tuple of the rows otherwise)."""
    return pickle.dumps(job(source, hash, data), protocol=pickle.HIGHEST_PROTOCOL)


def work(job: Job, source: str, hash: str, limits: Limits, data: bytes | None = None) -> Packed:
    """Parse one file on a worker, in its limited child: return its outcome (the rows or the failure) pickled,
    or a failure of the worker's, or `NEED_BYTES` when the source is a path this worker does not hold."""
    if data is None and not is_url(source) and not _holds(source, hash):
        return NEED_BYTES
    if not can_fork():
        return Failure(source, hash, DAEMON_ADVICE)
    sandbox = _sandbox(limits)
    for _ in range(ATTEMPTS):
        if _stopping.is_set():
            return Failure(source, hash, STOPPED)
        try:
            return sandbox.run(partial(_pickled, job, source, hash, data), source)
        except Exception as err:  # a limit, or the child's death: the file's failure; the run goes on
            if not killed_from_outside(err, sandbox.deadline):
                return Failure(source, hash, reason(err))
    return Failure(source, hash, KILLED_TWICE)


def work_batch(job: Job, items: list[tuple[str, str, bytes | None]], limits: Limits) -> list[Packed]:
    """Parse the files of one task on a worker, one after the other (`work`), and return their outcomes in order."""
    return [work(job, source, hash, limits, data) for source, hash, data in items]


def unpack(packed: Packed) -> Outcome | str:
    """Return a worker's answer for one file as the client uses it: the outcome unpickled, or as it came."""
    if isinstance(packed, bytes):
        outcome: Outcome = pickle.loads(packed)  # from our own workers, as Dask's own results are
        return outcome
    return packed


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


Item = tuple[str, str]  # (source, content hash) of one file to parse


def _answers(future: Any, batch: list[Item]) -> list[Packed] | None:
    """Return a finished task's answers, one a file; a task Dask gave up on (its workers died, it was lost) is
    its file's failure when it carried one file, and None (parse each file alone) when it carried several."""
    from distributed import KilledWorker

    try:
        result: list[Packed] = future.result()
    except KilledWorker:
        why = "its cluster workers died while parsing it, on every retry"
    except Exception as err:  # the scheduler lost it, or it could not be unpickled: recorded, the run goes on
        why = f"on the cluster: {reason(err)}"
    else:
        return result
    if len(batch) > 1:
        return None  # so that only the file that kills its workers fails, not the others of its task
    return [Failure(batch[0][0], batch[0][1], why)]


# ---------------------------------------------------------------------------
# Tasks: several small files each, large files alone, largest first

#: A task carries files up to about this many bytes (a dev PDF parses at about 3 MiB a second on one core), so
#: that a task's round trip (the scheduler's bookkeeping, the result's transfer, the client's fetch) is paid once
#: for several small files; a file this large or larger is a task of its own.
BATCH_BYTES = 2 * 1024 * 1024
#: At most this many files a task: a retried task redoes little, and a short run still spreads over the workers.
BATCH_FILES = 8
#: Files read ahead of the cluster to be ordered largest first, so that a run does not end on one worker with a
#: large file while the others wait (the order within each so many files; the hashing goes by such chunks too).
ORDER_AHEAD = 256


def _size(source: str) -> int | None:
    """Return a path's size in bytes; None for a URL or a file that cannot be read (alone, and fails alone)."""
    if is_url(source):
        return None
    try:
        return os.stat(source).st_size
    except OSError:
        return None


def grouped(sized: list[tuple[int | None, Item]]) -> Iterator[list[Item]]:
    """Yield the files of (size, item), in their order, as tasks: a file of unknown size or of `BATCH_BYTES` or
    more alone, smaller files together up to `BATCH_BYTES` and `BATCH_FILES`."""
    batch: list[Item] = []
    total = 0
    for size, item in sized:
        if size is None or size >= BATCH_BYTES:
            yield [item]
            continue
        if batch and (total + size > BATCH_BYTES or len(batch) >= BATCH_FILES):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += size
    if batch:
        yield batch


def largest_first(items: list[Item]) -> list[tuple[int | None, Item]]:
    """Return the items with their sizes, largest first (unknown sizes first: they may be large); equal sizes keep
    their order."""
    sized = [(_size(item[0]), item) for item in items]
    return sorted(sized, key=lambda pair: -math.inf if pair[0] is None else -pair[0])


def batches(todo: Iterator[Item]) -> Iterator[list[Item]]:
    """Yield the tasks of `todo`, `ORDER_AHEAD` files at a time, largest first."""
    for chunk in chunks(todo, ORDER_AHEAD):
        yield from grouped(largest_first(chunk))


class _Tasks:
    """The tasks in flight on the cluster, each a future of one or more files, keyed by their content hashes."""

    def __init__(self, client: Any, job: Job, limits: Limits) -> None:
        from distributed import as_completed

        self.client, self.job, self.limits = client, job, limits
        self.running: dict[Any, list[Item]] = {}
        self.done = as_completed()  # type: ignore[no-untyped-call]
        self.send_bytes = False  # set once a worker could not read a path: from then on the client sends bytes

    def submit(self, batch: list[Item]) -> list[Failure]:
        """Send files to the cluster as one task: their paths or URLs, or their bytes once a worker could not read
        a path; return the failures of files that cannot be read here to be sent."""
        sent: list[tuple[str, str, bytes | None]] = []
        failures: list[Failure] = []
        for source, hash in batch:
            try:
                sent.append((source, hash, Path(source).read_bytes() if self._sends_bytes(source) else None))
            except OSError as err:
                failures.append(Failure(source, hash, f"cannot read the file: {err.strerror or err}"))
        if sent:
            more = f"+{len(sent) - 1}" if len(sent) > 1 else ""
            key = f"unref-{sent[0][1]}{more}" + ("-bytes" if self.send_bytes else "")
            future = self.client.submit(work_batch, self.job, sent, self.limits, key=key, pure=False)
            self.running[future] = [(source, hash) for source, hash, _ in sent]
            self.done.add(future)  # type: ignore[no-untyped-call]
        return failures

    def _sends_bytes(self, source: str) -> bool:
        """Whether a file goes as its bytes: a path, once a worker could not read one (URLs are fetched there)."""
        return self.send_bytes and not is_url(source)

    def submit_each(self, batch: list[Item]) -> list[Failure]:
        """Send each file of a batch as a task of its own; return the failures of files that cannot be read here."""
        return [failure for item in batch for failure in self.submit([item])]

    def cancel(self) -> None:
        """Cancel what is still in flight (an interruption): nothing of it was written."""
        with contextlib.suppress(Exception):
            self.client.cancel(list(self.running))
        self.running.clear()


def run_tasks(client: Any, todo: Iterator[Item], job: Job, limits: Limits, put: Callable[[Outcome], None]) -> None:
    """Parse the (source, hash) of `todo` on the cluster, several small files a task (`batches`), and hand each
    outcome to `put` as it comes, keeping a few tasks queued per worker thread (the scheduler sends the next as
    soon as one ends; memory stays flat)."""
    window = max(4, 3 * sum(client.nthreads().values()))
    tasks = _Tasks(client, job, limits)
    pending = batches(todo)
    try:
        for batch in islice(pending, window):
            _put_all(tasks.submit(batch), put)
        for future in tasks.done:
            batch = tasks.running.pop(future)
            answers = _answers(future, batch)
            future.release()  # the cluster forgets the result: rows are held once, here, until written
            if answers is None:  # Dask gave up on a task of several files: each alone now
                _put_all(tasks.submit_each(batch), put)
                continue
            if (following := next(pending, None)) is not None:
                _put_all(tasks.submit(following), put)  # the worker goes on while these are written
            for item, answer in zip(batch, answers, strict=True):
                _take(tasks, item, unpack(answer), put)
    finally:
        tasks.cancel()


def _take(tasks: _Tasks, item: Item, outcome: Outcome | str, put: Callable[[Outcome], None]) -> None:
    """Hand one file's outcome to `put`; a path its worker could not read is sent again as bytes instead."""
    if isinstance(outcome, str):  # NEED_BYTES: the worker cannot read the path; from now on every file goes as bytes
        tasks.send_bytes = True
        _put_all(tasks.submit([item]), put)
        return
    put(outcome)


def _put_all(failures: list[Failure], put: Callable[[Outcome], None]) -> None:
    """Hand failures to `put`."""
    for failure in failures:
        put(failure)
