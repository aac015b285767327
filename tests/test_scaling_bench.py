"""bench/scaling.py (issue 16): the pieces that --windows measures cover the stream, each a UN document."""

from __future__ import annotations

from types import ModuleType

import pytest

import unref
from benchmods import load_bench

STREAM = "".join(f"Line {k} of the stream, with some words.\n" for k in range(400))


@pytest.fixture(scope="module")
def scaling() -> ModuleType:
    return load_bench("scaling")


@pytest.mark.parametrize("size", [1, 100, 2_000, 8_000, len(STREAM), 10 * len(STREAM)])
def test_pieces_cover_the_stream_at_line_ends(scaling: ModuleType, size: int) -> None:
    docs = scaling.pieces(STREAM, size)
    head = scaling.PIECE_HEAD
    assert all(d.startswith(head) and d.endswith("\n") for d in docs)
    bodies = [d[len(head):] for d in docs]
    assert "".join(bodies) == STREAM
    assert all(len(b) >= size for b in bodies[:-1])  # only the last piece may be short


def test_a_piece_from_the_middle_of_a_table_is_a_un_document(scaling: ModuleType) -> None:
    # A piece that opens on a table's figures: the masthead, a page of its own, keeps it a UN document.
    table = "transition\n\n16 448.7\n\nRepatriation of contingent-owned equipment\n\n14 155.0\n\n39.9\n\n39.9\n"
    doc = unref.parse_text(scaling.pieces(table, 10_000)[0])
    assert doc.metadata.symbols
