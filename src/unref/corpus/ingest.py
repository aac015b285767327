"""ingest: parse files into the corpus, in parallel, idempotently and resumably.

Files are hashed first: content already stored (or recorded as failing) costs one hash and
one lookup. Parsing runs in worker processes (`unref.sandbox`: limits of memory, CPU and wall
time, however many workers, one included), which send back rows ready to write
(`store.prepare`); the parent is the only writer and commits every few documents, so a
run killed at any point loses at most one uncommitted batch, which the next run redoes.
A file that fails, in any way (an error, a limit, its worker killed, rows the store refuses),
is recorded with its reason and the batch goes on.
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

from unref.corpus.iters import chunks
from unref.corpus.store import Failure, Prepared, Store, StoreError, content_hash, prepare
from unref.errors import UnrefError
from unref.sandbox import Limits, Sandbox, sandboxes, warm_parser

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


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield the files that `paths` name: files, folders' PDFs and texts, glob matches; absolute paths.

    The corpus keeps where each file was, so that a server started elsewhere finds the PDF again.
    """
    for item in paths:
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


def _reason(err: BaseException) -> str:
    """Return the reason recorded for a file that raised `err`: unref's own reason, else its type and message."""
    reason = err.reason if isinstance(err, UnrefError) else f"{type(err).__name__}: {err}"
    return reason or type(err).__name__


def parse_file(path: str, hash: str, options: _Options) -> Prepared | Failure:
    """Return the rows of the parsed file, or the failure that names why it cannot be parsed."""
    from unref import parse

    try:
        doc = parse(path, timeout=options.timeout, max_pages=options.max_pages)
        return prepare(doc.to_json(), hash=hash, path=path)
    except MemoryError:
        return Failure(path, hash, Limits(memory_mib=options.max_memory).out_of_memory(None).reason
                       if options.max_memory else "out of memory")
    except Exception as err:  # every failure is recorded; the batch goes on
        return Failure(path, hash, _reason(err))


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
                events.append((IngestEvent(doc.path or "", "added" if new else "known"), None))
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


def _triage(store: Store, paths: list[Path], seen: set[str], writer: _Writer, retry_failed: bool,
            force: bool) -> Iterator[tuple[str, str]]:
    """Yield (path, hash) of the files of `paths` to parse; report the others."""
    hashed: list[tuple[str, str]] = []
    for path in paths:
        try:
            hashed.append((str(path), content_hash(path)))
        except FileNotFoundError:
            writer.put(Failure(str(path), None, "no such file"))
        except OSError as err:
            writer.put(Failure(str(path), None, f"cannot read the file: {err.strerror or err}"))
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
           timeout: float = 120.0, max_pages: int = 2000, max_memory: int = 2048) -> IngestResult:
    """Parse the files that `paths` name into `store`; return the counts and this run's failures.

    `paths` are files, folders (their PDFs and .txt files, recursively) or glob patterns.
    Content already stored is skipped, as is content that failed before unless `retry_failed`;
    `force` parses everything again and replaces what is stored. `workers` > 1 parses in that
    many processes (one: one process). `max_memory` (MiB) caps each worker process, `timeout` (s) each
    file's parse.
    """
    started = time.monotonic()
    result = IngestResult()
    writer = _Writer(store, result, progress, batch_size, commit_interval, force)
    options = _Options(timeout, max_pages, max_memory)
    seen: set[str] = set()
    files = list(dict.fromkeys(expand(paths)))
    result.files = len(files)
    todo = (item for chunk in chunks(files, HASH_CHUNK)
            for item in _triage(store, chunk, seen, writer, retry_failed, force))
    _run_workers(todo, workers, options, writer)
    writer.flush()
    result.seconds = time.monotonic() - started
    return result


def _collect(sandbox: Sandbox[Prepared | Failure], path: str, hash: str) -> Prepared | Failure:
    """Return what a worker made of a file, or the failure of the limit that stopped it (its death, its deadline)."""
    try:
        return sandbox.outcome()
    except Exception as err:  # a killed or dead worker is the file's failure; the batch goes on
        return Failure(path, hash, _reason(err))


def _run_workers(todo: Iterator[tuple[str, str]], workers: int, options: _Options, writer: _Writer) -> None:
    """Parse in `workers` limited processes, one file each at a time (memory stays flat); a worker that
    dies or runs past the time limit fails its file alone and is replaced."""
    limits = Limits(memory_mib=options.max_memory, timeout=options.timeout, max_pages=options.max_pages)
    # Not fork: the parent may hold threads (a progress bar) and an open database.
    with sandboxes(limits, workers, warm_parser, method="forkserver", preload=("unref.corpus.ingest",)) as pool:
        running: dict[Sandbox[Any], tuple[str, str]] = {}
        for sandbox in pool:
            _feed(sandbox, todo, options, running)
        while running:
            soonest = min(s.deadline for s in running) - time.monotonic()
            wait([w for s in running for w in s.waitables()], timeout=max(0.0, min(soonest, 60.0)))
            for sandbox in [s for s in running if s.ready() or s.expired()]:
                outcome = _collect(sandbox, *running.pop(sandbox))
                _feed(sandbox, todo, options, running)  # the worker goes on while this one is written
                writer.put(outcome)


def _feed(sandbox: Sandbox[Any], todo: Iterator[tuple[str, str]], options: _Options,
          running: dict[Sandbox[Any], tuple[str, str]]) -> None:
    """Start the next file on an idle worker, if there is one left."""
    if (item := next(todo, None)) is not None:
        sandbox.start(partial(parse_file, item[0], item[1], options), item[0])
        running[sandbox] = item
