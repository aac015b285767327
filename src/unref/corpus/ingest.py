"""ingest: parse files into the corpus, in parallel, idempotently and resumably.

Files are hashed first: content already stored (or recorded as failing) costs one hash and
one lookup. Parsing runs in worker processes (`unref.sandbox`: limits of memory, CPU and wall
time, however many workers, one included), which send back rows ready to write
(`store.prepare`); the parent is the only writer and commits every few documents, so a
run killed at any point loses at most one uncommitted batch, which the next run redoes.
A file that fails, in any way (an error, a limit, rows the store refuses), is recorded with its
reason and the batch goes on; a file whose worker something else killed (an operator, the kernel's
out-of-memory killer) before its time limit is parsed once more on a fresh worker first.

With `cluster`, the files go to a Dask cluster instead of local processes (`unref.corpus.cluster`):
the same parse under the same limits on each worker, the same single writer here. Sources may be
http(s) URLs as well as paths, in both modes.
"""

from __future__ import annotations

import glob
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any, Literal

from unref.corpus.cluster import ATTEMPTS, KILLED_TWICE, fetch, hash_source, is_url, killed_from_outside, reason
from unref.corpus.iters import chunks
from unref.corpus.store import Failure, Prepared, Store, StoreError, prepare
from unref.sandbox import Limits, Sandbox, sandboxes, warm_worker

__all__ = ["IngestEvent", "IngestResult", "expand", "ingest", "parse_file"]

SUFFIXES = (".pdf", ".txt")
GLOB_CHARS = "*?["
HASH_CHUNK = 256  # files hashed and looked up together

Status = Literal["added", "known", "failed", "known_failure", "duplicate"]


@dataclass(frozen=True, slots=True)
class IngestEvent:
    """What happened to one file: reported to the progress callback."""

    path: str
    status: Status
    reason: str | None = None
    pages: int = 0  # pages stored (an added document's)


@dataclass(slots=True)
class IngestResult:
    """The counts of one ingest run, and the files that failed in it."""

    files: int = 0
    added: int = 0
    known: int = 0  # content already in the corpus
    duplicates: int = 0  # the same content twice in this run
    known_failures: int = 0  # content that failed before (not retried)
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        """Return the number of files that failed in this run."""
        return len(self.failures)

    def count(self, event: IngestEvent, failure: Failure | None = None) -> None:
        """Add one file's outcome to the counts."""
        if event.status == "added":
            self.added += 1
        elif event.status == "known":
            self.known += 1
        elif event.status == "duplicate":
            self.duplicates += 1
        elif event.status == "known_failure":
            self.known_failures += 1
        elif failure is not None:
            self.failures.append(failure)

    def summary(self) -> str:
        """Return the counts in one line."""
        parts = [f"{self.files} files", f"{self.added} added", f"{self.known} already in the corpus"]
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicates")
        if self.known_failures:
            parts.append(f"{self.known_failures} failed before (not retried)")
        parts.append(f"{self.failed} failed")
        return ", ".join(parts) + f" in {self.seconds:.1f} s"


# ---------------------------------------------------------------------------
# Finding the files


def expand(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """Yield the files that `paths` name: files, folders' PDFs and texts, glob matches, as absolute paths;
    http(s) URLs as they are.

    The corpus keeps where each file was, so that a server started elsewhere finds the PDF again.
    """
    for item in paths:
        if isinstance(item, str) and is_url(item):
            yield item
            continue
        path = Path(item).expanduser().absolute()
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
            yield from sorted(found)
        elif path.exists() or not any(c in str(item) for c in GLOB_CHARS):
            yield path  # a missing file is reported as a failure
        else:
            for match in sorted(glob.glob(str(path), recursive=True)):
                if Path(match).is_dir():
                    yield from expand([match])
                else:
                    yield Path(match)


# ---------------------------------------------------------------------------
# Parsing, in the workers


@dataclass(frozen=True, slots=True)
class _Options:
    timeout: float
    max_pages: int
    max_memory: int = 0  # MiB, as the worker's limit says it (0: none)


_reason = reason


def parse_file(path: str, hash: str, options: _Options, data: bytes | None = None) -> Prepared | Failure:
    """Return the rows of the parsed file, or the failure that names why it cannot be parsed.

    `path` is a path or an http(s) URL (fetched here); `data`, when given, is the file's bytes, sent by a
    client that holds the file where the worker does not. The rows keep `path` as where the document is.
    """
    from unref import parse

    try:
        if data is None and is_url(path):
            data = fetch(path)
        if data is None:
            doc = parse(path, timeout=options.timeout, max_pages=options.max_pages)
        else:  # bytes: told a PDF from text by their header
            doc = parse(data, timeout=options.timeout, max_pages=options.max_pages, name=path)
        return prepare(doc.to_json(), hash=hash, path=path)
    except MemoryError:
        return Failure(path, hash, Limits(memory_mib=options.max_memory).out_of_memory(None).reason
                       if options.max_memory else "out of memory")
    except Exception as err:  # every failure is recorded; the batch goes on
        return Failure(path, hash, _reason(err))


def _cluster_job(options: _Options, path: str, hash: str, data: bytes | None) -> Prepared | Failure:
    """`parse_file` in the order a cluster worker calls it (`cluster.Job`): the options bound first."""
    return parse_file(path, hash, options, data)


# ---------------------------------------------------------------------------
# The run


class _Writer:
    """The single writer: commits every `batch_size` results or every `interval` seconds."""

    def __init__(self, store: Store, result: IngestResult, progress: Callable[[IngestEvent], None] | None,
                 batch_size: int, interval: float, replace: bool) -> None:
        self.store, self.result, self.progress = store, result, progress
        self.batch_size, self.interval, self.replace = batch_size, interval, replace
        self.pending: list[Prepared | Failure] = []
        self.last_commit = time.monotonic()

    def event(self, event: IngestEvent, failure: Failure | None = None) -> None:
        self.result.count(event, failure)
        if self.progress is not None:
            self.progress(event)

    def put(self, item: Prepared | Failure) -> None:
        self.pending.append(item)
        if len(self.pending) >= self.batch_size or time.monotonic() - self.last_commit >= self.interval:
            self.flush()

    def flush(self) -> None:
        """Commit the pending results; when the store refuses one (text it cannot encode), each alone."""
        if not self.pending:
            return
        pending, self.pending = self.pending, []
        try:
            events = self._commit(pending)
        except Exception as err:
            if not _fault_of_file(err):
                raise
            events = [event for item in pending for event in self._commit_alone(item)]
        self.last_commit = time.monotonic()
        for event, failure in events:  # reported once committed: progress never runs ahead of the disk
            self.event(event, failure)

    def _commit(self, pending: list[Prepared | Failure]) -> list[tuple[IngestEvent, Failure | None]]:
        """Write results in one transaction; return their events."""
        events: list[tuple[IngestEvent, Failure | None]] = []
        docs = [item for item in pending if isinstance(item, Prepared)]
        with self.store.transaction():
            for item in pending:
                if isinstance(item, Failure):
                    self.store.record_failure(item)
                    events.append((IngestEvent(item.path, "failed", item.reason), item))
            for doc, new in zip(docs, self.store.add_many(docs, replace=self.replace), strict=True):
                # Not new: another writer stored the same content meanwhile.
                events.append((IngestEvent(doc.path or "", "added" if new else "known", pages=doc.pages if new else 0),
                               None))
        return events

    def _commit_alone(self, item: Prepared | Failure) -> list[tuple[IngestEvent, Failure | None]]:
        """Write one result; a document the store refuses is recorded as the file's failure instead."""
        try:
            return self._commit([item])
        except Exception as err:
            if not _fault_of_file(err) or isinstance(item, Failure):
                raise
            return self._commit([Failure(item.path or "", item.hash, f"cannot be stored: {_reason(err)}")])


def _fault_of_file(err: BaseException) -> bool:
    """Whether an error in writing is the file's (its text), not the database's: then the file fails alone."""
    return isinstance(err, (UnicodeError, ValueError, TypeError, OverflowError)) and not isinstance(err, StoreError)


Hasher = Callable[[list[str]], list[str | Failure]]


def _hash_here(sources: list[str]) -> list[str | Failure]:
    """Return the content hash of each source, read by this process (URLs fetched)."""
    return [hash_source(source) for source in sources]


def _triage(store: Store, paths: list[Path | str], seen: set[str], writer: _Writer, retry_failed: bool,
            force: bool, hasher: Hasher = _hash_here) -> Iterator[tuple[str, str]]:
    """Yield (path, hash) of the files of `paths` to parse; report the others."""
    hashed: list[tuple[str, str]] = []
    names = [str(path) for path in paths]
    for name, hash in zip(names, hasher(names), strict=True):
        if isinstance(hash, Failure):
            writer.put(hash)
        else:
            hashed.append((name, hash))
    hashes = [h for _, h in hashed]
    known = set() if force else store.known(hashes)
    failed_before = set() if retry_failed or force else store.known_failures(hashes)
    for name, hash in hashed:
        if hash in seen:
            writer.event(IngestEvent(name, "duplicate"))
        elif hash in known:
            writer.event(IngestEvent(name, "known"))
        elif hash in failed_before:
            writer.event(IngestEvent(name, "known_failure"))
        else:
            seen.add(hash)
            yield name, hash


def ingest(paths: Iterable[str | Path], store: Store, *, workers: int = 1,
           progress: Callable[[IngestEvent], None] | None = None, retry_failed: bool = False,
           force: bool = False, batch_size: int = 20, commit_interval: float = 1.0,
           timeout: float = 120.0, max_pages: int = 2000, max_memory: int = 2048,
           cluster: str | None = None) -> IngestResult:
    """Parse the files that `paths` name into `store`; return the counts and this run's failures.

    `paths` are files, folders (their PDFs and .txt files, recursively) or glob patterns.
    Content already stored is skipped, as is content that failed before unless `retry_failed`;
    `force` parses everything again and replaces what is stored. `workers` > 1 parses in that
    many processes (one: one process). `max_memory` (MiB) caps each worker process, `timeout` (s) each
    file's parse. `cluster` parses on a Dask cluster instead: a scheduler's address (tcp://host:8786) or
    ``local:N`` for N local worker processes (`unref.corpus.cluster`); `workers` is then unused.
    """
    started = time.monotonic()
    result = IngestResult()
    writer = _Writer(store, result, progress, batch_size, commit_interval, force)
    options = _Options(timeout, max_pages, max_memory)
    files = list(dict.fromkeys(expand(paths)))
    result.files = len(files)
    if cluster is None:
        _run_workers(_todo(store, files, writer, retry_failed, force, _hash_here), workers, options, writer)
    else:
        _run_cluster(cluster, store, files, writer, retry_failed, force, options)
    writer.flush()
    result.seconds = time.monotonic() - started
    return result


def _todo(store: Store, files: list[Path | str], writer: _Writer, retry_failed: bool, force: bool,
          hasher: Hasher) -> Iterator[tuple[str, str]]:
    """Yield (path, hash) of the files to parse, hashed and looked up a chunk at a time."""
    seen: set[str] = set()
    for chunk in chunks(files, HASH_CHUNK):
        yield from _triage(store, chunk, seen, writer, retry_failed, force, hasher)


def _limits(options: _Options) -> Limits:
    return Limits(memory_mib=options.max_memory, timeout=options.timeout, max_pages=options.max_pages)


def _run_cluster(address: str, store: Store, files: list[Path | str], writer: _Writer, retry_failed: bool,
                 force: bool, options: _Options) -> None:
    """Parse on the Dask cluster at `address`; URLs are hashed there too, local paths here."""
    from unref.corpus.cluster import connect, hash_sources, run_tasks

    with connect(address) as client:
        todo = _todo(store, files, writer, retry_failed, force, partial(hash_sources, client))
        run_tasks(client, todo, partial(_cluster_job, options), _limits(options), writer.put)


def _collect(sandbox: Sandbox[Prepared | Failure], path: str, hash: str) -> Prepared | Failure | None:
    """Return what a worker made of a file, or the failure of the limit that stopped it (its death, its deadline);
    None when something else killed the worker before the file's time was up (then the file is parsed again)."""
    try:
        return sandbox.outcome()
    except Exception as err:  # a dead worker is the file's failure; the batch goes on
        if killed_from_outside(err, sandbox.deadline):
            return None
        return Failure(path, hash, _reason(err))


def _run_workers(todo: Iterator[tuple[str, str]], workers: int, options: _Options, writer: _Writer) -> None:
    """Parse in `workers` limited processes, one file each at a time (memory stays flat); a worker that
    dies or runs past the time limit fails its file alone and is replaced."""
    limits = _limits(options)
    # Not fork: the parent may hold threads (a progress bar) and an open database.
    warm = partial(warm_worker, 1 if workers > 1 else None)
    with sandboxes(limits, workers, warm, method="forkserver", preload=("unref.corpus.ingest",)) as pool:
        running: dict[Sandbox[Any], tuple[str, str, int]] = {}
        for sandbox in pool:
            _feed(sandbox, todo, options, running)
        while running:
            soonest = min(s.deadline for s in running) - time.monotonic()
            wait([w for s in running for w in s.waitables()], timeout=max(0.0, min(soonest, 60.0)))
            for sandbox in [s for s in running if s.ready() or s.expired()]:
                path, hash, attempt = running.pop(sandbox)
                outcome = _collect(sandbox, path, hash)
                if outcome is None and attempt < ATTEMPTS:  # its worker was killed: once more, on a fresh one
                    _start(sandbox, (path, hash), options, running, attempt + 1)
                    continue
                _feed(sandbox, todo, options, running)  # the worker goes on while this one is written
                writer.put(outcome or Failure(path, hash, KILLED_TWICE))


def _feed(sandbox: Sandbox[Any], todo: Iterator[tuple[str, str]], options: _Options,
          running: dict[Sandbox[Any], tuple[str, str, int]]) -> None:
    """Start the next file on an idle worker, if there is one left."""
    if (item := next(todo, None)) is not None:
        _start(sandbox, item, options, running, 1)


def _start(sandbox: Sandbox[Any], item: tuple[str, str], options: _Options,
           running: dict[Sandbox[Any], tuple[str, str, int]], attempt: int) -> None:
    """Start one file on a worker (a fresh child if the last one died)."""
    sandbox.start(partial(parse_file, item[0], item[1], options), item[0])
    running[sandbox] = (*item, attempt)
