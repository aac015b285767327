"""How ingest on a Dask cluster cuts the files into tasks: small files together, large files alone, largest first."""

from __future__ import annotations

from pathlib import Path

import pytest

from unref.corpus import cluster
from unref.corpus.cluster import BATCH_BYTES, BATCH_FILES, grouped, largest_first
from unref.corpus.store import Failure

MIB = 1024 * 1024


def _items(sizes: list[int | None]) -> list[tuple[int | None, tuple[str, str]]]:
    return [(size, (f"f{n}", f"h{n}")) for n, size in enumerate(sizes)]


@pytest.mark.parametrize(("sizes", "tasks"), [
    ([], []),
    ([100], [[0]]),
    ([100] * 3, [[0, 1, 2]]),
    ([100] * (BATCH_FILES + 1), [list(range(BATCH_FILES)), [BATCH_FILES]]),  # at most BATCH_FILES a task
    ([BATCH_BYTES, 100, 100], [[0], [1, 2]]),  # a large file alone
    ([BATCH_BYTES + 1, BATCH_BYTES - 1, 1, 1], [[0], [1, 2], [3]]),  # up to BATCH_BYTES together
    ([BATCH_BYTES // 2, BATCH_BYTES // 2, BATCH_BYTES // 2], [[0, 1], [2]]),
    ([None, 100, None, 100], [[0], [2], [1, 3]]),  # a URL (size unknown) alone; the small files go on together
])
def test_grouped(sizes: list[int | None], tasks: list[list[int]]) -> None:
    got = [[int(source[1:]) for source, _ in batch] for batch in grouped(_items(sizes))]
    assert sorted(got, key=lambda b: b[0]) == sorted(tasks, key=lambda b: b[0])
    assert sorted(n for batch in got for n in batch) == list(range(len(sizes)))  # every file once


def test_largest_first(tmp_path: Path) -> None:
    sizes = {"a": 10, "b": 30, "c": 10, "d": 20}
    for name, size in sizes.items():
        (tmp_path / name).write_bytes(b"x" * size)
    items = [(str(tmp_path / n), n) for n in sizes] + [("http://host/e.pdf", "e"), (str(tmp_path / "gone"), "g")]
    order = [hash for _, (_, hash) in largest_first(items)]
    assert order == ["e", "g", "b", "d", "a", "c"]  # unknown sizes first, equal sizes in their order


def test_batches_order_each_chunk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "ORDER_AHEAD", 3)
    monkeypatch.setattr(cluster, "BATCH_FILES", 1)
    items = []
    for n, size in enumerate([1, 2, 3, 6, 5, 4, 7]):
        (tmp_path / f"{n}").write_bytes(b"x" * size)
        items.append((str(tmp_path / f"{n}"), f"{n}"))
    got = [batch[0][1] for batch in cluster.batches(iter(items))]
    assert got == ["2", "1", "0", "3", "4", "5", "6"]


@pytest.mark.parametrize(("packed", "expected"), [
    (cluster.NEED_BYTES, cluster.NEED_BYTES),
    (Failure("a.pdf", "h", "out of memory"), Failure("a.pdf", "h", "out of memory")),
])
def test_unpack_passes_the_workers_answers(packed: cluster.Packed, expected: object) -> None:
    assert cluster.unpack(packed) == expected


def test_unpack_reads_what_the_child_pickled() -> None:
    def job(source: str, hash: str, data: bytes | None) -> Failure:
        return Failure(source, hash, f"{len(data or b'')} bytes")

    assert cluster.unpack(cluster._pickled(job, "a.pdf", "h", b"abc")) == Failure("a.pdf", "h", "3 bytes")


class _Future:
    def __init__(self, error: BaseException) -> None:
        self.error = error

    def result(self) -> object:
        raise self.error


@pytest.mark.parametrize(("files", "split"), [(1, False), (3, True)])
def test_a_task_dask_gave_up_on(files: int, split: bool) -> None:
    pytest.importorskip("distributed")
    from distributed import KilledWorker

    batch = [(f"f{n}", f"h{n}") for n in range(files)]
    killed = KilledWorker("k", "w", 3)  # type: ignore[arg-type]
    answers = cluster._answers(_Future(killed), batch)
    if split:
        assert answers is None  # each file alone again: only the one that kills its workers fails
    else:
        assert answers == [Failure("f0", "h0", "its cluster workers died while parsing it, on every retry")]
