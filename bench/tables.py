"""Tables of PDFs: unref's reader against pdfplumber's table finder, on the real tables of the table test.

For each table page of tests/test_tables_pdf.py (the rows and cells written from the rendered page),
reads the page's tables with unref (`read_pdf`: lines of kind table with their cells) and with
pdfplumber's `extract_tables` in three settings (its default "lines" strategy, "text" for both
directions, and text columns with ruled rows), and prints per page and in total:

- rows: the share of the expected rows that come out exactly (every cell, in order);
- cells: the share of the expected non-empty cells that come out as a cell (whitespace normalised);
- ms/page: CPU time per page (unref: the whole document read, divided by its pages; pdfplumber: the
  table page alone, opening the file included).

pdfplumber is no dependency of unref: install it into the venv to run this (`pip install pdfplumber`).
Run: .venv/bin/python bench/tables.py
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "dev"
SETTINGS: dict[str, dict[str, Any]] = {
    "plumber lines": {},
    "plumber text": {"vertical_strategy": "text", "horizontal_strategy": "text"},
    "plumber text+rules": {"vertical_strategy": "text", "horizontal_strategy": "lines"},
}
Table = list[list[str]]


def expected_tables() -> list[tuple[str, int, str, Table]]:
    """Return the table test's pages: (file, page, what it shows, rows of cells)."""
    spec = importlib.util.spec_from_file_location("test_tables_pdf", HERE.parent / "tests" / "test_tables_pdf.py")
    assert spec is not None and spec.loader is not None
    sys.path.insert(0, str(HERE.parent / "tests"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.TABLES)


def norm(cell: str | None) -> str:
    """Return a cell's text with its white space made single spaces."""
    return " ".join((cell or "").split())


def score(expected: Table, got: Table) -> tuple[int, int, int, int]:
    """Return (rows right, rows expected, cells found, cells expected)."""
    rows = {tuple(norm(c) for c in row) for row in got}
    right = sum(tuple(norm(c) for c in row) in rows for row in expected)
    cells = Counter(norm(c) for row in got for c in row if norm(c))
    want = Counter(norm(c) for row in expected for c in row if norm(c))
    found = sum(min(n, cells[c]) for c, n in want.items())
    return right, len(expected), found, sum(want.values())


def unref_rows(name: str, page: int) -> tuple[Table, float]:
    """Return unref's table rows of the page and the CPU seconds per page of reading the document."""
    from unref.read.pdf import read_pdf

    start = time.process_time()
    source = read_pdf(CORPUS / name, ocr="never")
    spent = (time.process_time() - start) / max(1, len(source.pages))
    lines = [ln for ln in source.pages[page - 1].lines if ln.kind == "table"]
    return [[ln.text[a:b] for a, b in ln.cells or ()] for ln in lines], spent


def plumber_rows(name: str, page: int, settings: dict[str, Any]) -> tuple[Table, float]:
    """Return pdfplumber's table rows of the page (every table, top to bottom) and its CPU seconds."""
    import pdfplumber

    start = time.process_time()
    with pdfplumber.open(CORPUS / name) as pdf:
        tables = pdf.pages[page - 1].extract_tables(settings)
    spent = time.process_time() - start
    return [[norm(c) for c in row] for table in tables for row in table], spent


def main() -> int:
    """Print the comparison; 0, or 1 when the corpus or pdfplumber is missing."""
    if not CORPUS.exists():
        print(f"tables: skipped, {CORPUS} is absent")
        return 1
    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        print("tables: pdfplumber is not installed (pip install pdfplumber into the venv)")
        return 1
    names = ["unref", *SETTINGS]
    totals: dict[str, list[float]] = {n: [0.0] * 5 for n in names}
    print(f"{'page':44} " + " ".join(f"{n:>20}" for n in names))
    for name, page, _what, expected in expected_tables():
        results = {"unref": unref_rows(name, page)}
        results.update({n: plumber_rows(name, page, s) for n, s in SETTINGS.items()})
        cells: list[str] = []
        for n in names:
            got, spent = results[n]
            r, rn, c, cn = score(expected, got)
            for k, v in enumerate((r, rn, c, cn, spent)):
                totals[n][k] += v
            cells.append(f"{r:>3}/{rn:<3} {c:>4}/{cn:<4}")
        print(f"{name[:38] + ' p' + str(page):44} " + " ".join(f"{x:>20}" for x in cells))
    print()
    pages = len(expected_tables())
    for n in names:
        rows_right, rows_all, cells_found, cells_all, seconds = totals[n]
        print(f"{n:20} rows {rows_right / rows_all:6.1%}  cells {cells_found / cells_all:6.1%}  "
              f"{1000 * seconds / pages:7.1f} ms/page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
