"""The garbage collector under a parse: its first threshold raised while a parse runs (unref._few_collections),
as in a sandbox's child, and no reference cycles left behind by reading a PDF."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import unref
from unref import PARSE_GC_THRESHOLD, _few_collections


@pytest.fixture
def thresholds() -> Iterator[None]:
    """Put the collector's thresholds back as they were, whatever the test set."""
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)


@pytest.mark.parametrize(("before", "during"), [
    ((700, 10, 10), (PARSE_GC_THRESHOLD, 10, 10)),  # Python's default: raised
    ((2000, 5, 20), (PARSE_GC_THRESHOLD, 5, 20)),  # the older generations' thresholds are kept
    ((0, 10, 10), (0, 10, 10)),  # the caller turned collection off: left off
    ((PARSE_GC_THRESHOLD * 2, 10, 10), (PARSE_GC_THRESHOLD * 2, 10, 10)),  # already higher: left as it is
])
def test_a_parse_raises_the_first_threshold_and_restores_it(thresholds: None, before: tuple[int, int, int],
                                                            during: tuple[int, int, int]) -> None:
    gc.set_threshold(*before)
    with _few_collections():
        assert gc.get_threshold() == during
    assert gc.get_threshold() == before


def test_parses_that_overlap_restore_the_threshold_when_the_last_ends(thresholds: None) -> None:
    gc.set_threshold(700, 10, 10)
    outer = _few_collections()
    outer.__enter__()
    with _few_collections():
        assert gc.get_threshold()[0] == PARSE_GC_THRESHOLD
    assert gc.get_threshold()[0] == PARSE_GC_THRESHOLD  # the first parse still runs
    outer.__exit__(None, None, None)
    assert gc.get_threshold() == (700, 10, 10)


def test_a_failed_parse_restores_the_threshold(thresholds: None) -> None:
    gc.set_threshold(700, 10, 10)
    with pytest.raises(unref.InputError):
        unref.parse_text("")
    assert gc.get_threshold() == (700, 10, 10)


_READ_TWICE = """
import gc, sys
from unref.read.pdf import read_pdf
read_pdf(sys.argv[1], ocr="never")  # imports and lazy tables first
gc.collect()
gc.disable()
source = read_pdf(sys.argv[1], ocr="never")
del source
print(gc.collect())
"""


def test_reading_a_pdf_leaves_no_reference_cycles(tmp_path: Path) -> None:
    """The glyph loop and the links take addresses without ctypes.cast or ctypes arrays made per length,
    whose objects are garbage in cycles: with the collector run seldom, they would pile up page after page.
    The read runs in a fresh interpreter: other tests' threads (a Dask client's loop) leave garbage of their own."""
    pdfgen = pytest.importorskip("pdfgen")
    pytest.importorskip("fpdf", reason="fpdf2 makes the test PDFs: pip install -e '.[dev]'")

    path = pdfgen.letter(tmp_path / "letter.pdf")
    done = subprocess.run([sys.executable, "-c", _READ_TWICE, str(path)], capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.strip() == "0", done.stderr
