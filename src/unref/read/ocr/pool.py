"""read.ocr.pool: the pages of one scan read by OCR, one after another or in a small pool of processes.

A page costs seconds of one core in the engine: with several pages to read, a pool of processes (at most
one per core, $UNREF_OCR_WORKERS to set it; 1 reads in this process) reads them at once. Each worker
opens the file itself (`SourceSpec`), renders or decodes its page, looks it up in the cache, runs the
engine and finds the page's rules: only words and boxes come back. The caller's deadline holds: past it,
the pool is ended and LimitError raised.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from unref.errors import LimitError
from unref.read.ocr import cache
from unref.read.ocr.drawn import drop_drawn
from unref.read.ocr.engine import PageImage, engine_name, recognize
from unref.read.ocr.marks import note_labels
from unref.read.ocr.page import find_rules
from unref.read.ocr.reread import reread_doubtful
from unref.read.ocr.skew import deskew_words, page_slope, straighten
from unref.read.ocr.sources import PageSource, SourceSpec, open_pages
from unref.read.ocr.words import OcrWord

Box = tuple[float, float, float, float]
#: At most this many processes read one document's pages (ingest runs documents in parallel too).
MAX_WORKERS = 4


@dataclass(slots=True)
class PageRead:
    """What reading one page gives back: its words and rules in page points, its size, the engine's time."""

    index: int
    words: list[OcrWord] = field(default_factory=list)
    rules: list[Box] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0
    engine_seconds: float = 0.0
    cached: bool = False
    error: str | None = None  # why the page could not be read


def read_one(pages: PageSource, index: int, dpi: float, lang: str) -> PageRead:
    """Return page `index` read by the engine in `lang` (from the cache when it was read before)."""
    try:
        image = pages.image(index, dpi)
    except Exception as err:  # a damaged page or image: the page says why, the others are read
        return PageRead(index, error=f"cannot be rendered ({type(err).__name__}: {err})")
    width, height = image.size_pt
    key = cache.page_key(image.image, engine_name(), lang, image.dpi)
    words = cache.load(key)
    start = time.perf_counter()
    if words is None:
        try:
            words = recognize(image, lang)
        except (RuntimeError, OSError, ValueError) as err:
            return PageRead(index, width=width, height=height, error=f"OCR failed ({err})")
        cache.store(key, words)
        hit = False
    else:
        hit = True
    seconds = time.perf_counter() - start
    # The cache keeps the words as the engine read them. Here words read from drawings are dropped
    # (read.ocr.drawn), doubtful words are read again alone (read.ocr.reread), the page's skew is undone, on
    # the words and on the image its rules are found in (read.ocr.skew), and notes' labels the engine misread
    # or missed are read again (read.ocr.marks).
    words = reread_doubtful(image, drop_drawn(words, image.image, image.dpi), lang)
    slope = page_slope(words)
    straight = PageImage(straighten(image.image, slope), image.dpi)
    rules = find_rules(straight.image, image.dpi)
    words = note_labels(straight, deskew_words(words, slope, width, height), rules)
    return PageRead(index, words, rules, width, height, seconds, hit)


def pool_size(pages: int) -> int:
    """Return how many processes read `pages` pages: $UNREF_OCR_WORKERS, else one per core up to MAX_WORKERS."""
    chosen = os.environ.get("UNREF_OCR_WORKERS", "")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    limit = int(chosen) if chosen.isdecimal() and int(chosen) > 0 else min(cores, MAX_WORKERS)
    return max(1, min(limit, pages))


def read_pages(spec: SourceSpec, indexes: list[int], dpi: float, lang: str, deadline: float, timeout: float,
               progress: Callable[[int, int], None] | None = None) -> Iterator[PageRead]:
    """Yield the pages `indexes` read by OCR, in that order; LimitError past the deadline (a monotonic time)."""
    workers = pool_size(len(indexes))
    reads = _in_process(spec, indexes, dpi, lang, deadline, timeout) if workers == 1 else \
        _in_pool(spec, indexes, dpi, lang, deadline, timeout, workers)
    for done, page in enumerate(reads, 1):
        if progress is not None:
            progress(done, len(indexes))
        yield page


def _late(deadline: float, timeout: float) -> LimitError:
    return LimitError(None, f"reading took longer than {timeout:g} s (the limit)", "timeout")


def _in_process(spec: SourceSpec, indexes: list[int], dpi: float, lang: str, deadline: float,
                timeout: float) -> Iterator[PageRead]:
    """Yield the pages read one after the other in this process."""
    pages = open_pages(spec)
    try:
        for index in indexes:
            if time.monotonic() > deadline:
                raise _late(deadline, timeout)
            yield read_one(pages, index, dpi, lang)
    finally:
        pages.close()


# --- The pool ---------------------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _start_worker(spec: SourceSpec) -> None:
    """Open the scan once in a worker, which dies with its parent (a sandbox killed at its deadline)."""
    with contextlib.suppress(Exception):  # not Linux: the closed pipe ends the worker instead
        import ctypes

        ctypes.CDLL(None).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
    from unref.read.ocr import engine

    engine.forget_engines()  # engines copied from a forking parent are not this process's to use
    _WORKER["pages"] = open_pages(spec)


def _work(job: tuple[int, float, str]) -> PageRead:
    """Read one page in a worker."""
    index, dpi, lang = job
    return read_one(_WORKER["pages"], index, dpi, lang)


@contextlib.contextmanager
def _children_allowed() -> Iterator[None]:
    """Let this process start a pool even when it is a daemon process (a sandbox's child is one).

    multiprocessing refuses children to daemon processes lest they be orphaned; the workers here die
    with their parent (PR_SET_PDEATHSIG), and the pool is ended before this returns.
    """
    process = multiprocessing.current_process()
    config: dict[str, Any] = process._config  # type: ignore[attr-defined]
    daemon = config.get("daemon")
    config["daemon"] = False
    try:
        yield
    finally:
        config["daemon"] = daemon


def _in_pool(spec: SourceSpec, indexes: list[int], dpi: float, lang: str, deadline: float, timeout: float,
             workers: int) -> Iterator[PageRead]:
    """Yield the pages read by a pool of `workers` processes, in order."""
    method = "fork" if threading.active_count() == 1 else "forkserver"
    context = multiprocessing.get_context(method)
    with _children_allowed():
        pool = context.Pool(workers, initializer=_start_worker, initargs=(spec,))
    try:
        results = pool.imap(_work, [(i, dpi, lang) for i in indexes])
        for _ in indexes:
            try:
                yield results.next(timeout=max(0.0, deadline - time.monotonic()))
            except multiprocessing.TimeoutError:
                raise _late(deadline, timeout) from None
        pool.close()
    finally:
        pool.terminate()
        pool.join()
