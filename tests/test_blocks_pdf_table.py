"""A PDF built with fpdf2 (tests/pdfgen.py) that holds a table: its rows reach the paragraph as one table block,
with the cells the PDF reader finds (Line.cells), and the body around it stays body."""

from __future__ import annotations

from pathlib import Path

import pytest

import unref

pdfgen = pytest.importorskip("pdfgen")  # fpdf2

ROWS = [
    ["Country", "Police", "Formed units"],
    ["Argentina", "9", "549"],
    ["Bangladesh", "12", "1 200"],
    ["Burkina Faso", "71", "140"],
    ["Canada", "4", "12"],
    ["Total", "96", "1 901"],
]
COLUMNS = (150.0, 330.0, 430.0)


def table_letter(path: Path) -> Path:
    """Write a one-page report that prints a ruled table of police contributions between two paragraphs."""
    w = pdfgen.Writer()
    w.page()
    w.text(123, 60, "United Nations", size=14, font="sans")
    w.text(450, 60, pdfgen.SYMBOL)
    w.text(123, 100, "Security Council", size=20, font="sans")
    w.text(397, 90, "Distr.: General")
    w.text(397, 102, "3 March 2025")
    w.text(397, 126, "Original: English")
    w.text(123, 200, "Report of the Secretary-General on the Mission", size=12)
    y = 240.0
    for line in ("1. The police component of the Mission stood as follows at the end of the period under",
                 "review, by contributing country and by type of personnel deployed to the field:"):
        w.text(123, y, line)
        y += 12
    y += 20
    w.rule(145, y - 11, 340)
    for k, row in enumerate(ROWS):
        for x, cell in zip(COLUMNS, row, strict=True):
            w.text(x, y, cell)
        if k == 0:
            w.rule(145, y + 4, 340)
        y += 14
    w.rule(145, y - 10, 340)
    y += 20
    for line in ("2. The Mission will report on the deployment of further units in its next report to the",
                 "Council, as the Council requested in its resolution on the mandate of the Mission."):
        w.text(123, y, line)
        y += 12
    out: Path = w.output(path)
    return out


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> unref.Document:
    if not pdfgen.have_fonts():
        pytest.skip("the DejaVu fonts are not installed")
    return unref.parse(table_letter(tmp_path_factory.mktemp("table") / "table.pdf"), ocr="never")


def test_the_body_around_the_table_stays_body(doc: unref.Document) -> None:
    texts = [p.text for p in doc.paragraphs if p.kind in ("body", "list_item")]
    assert any(t.startswith("1. The police component") and t.endswith("deployed to the field:") for t in texts)
    assert any(t.startswith("2. The Mission will report") for t in texts)
    assert not any("Argentina" in t for t in texts)  # no cell joins a paragraph


def test_the_table_is_one_block_with_its_cells(doc: unref.Document) -> None:
    tables = [p for p in doc.paragraphs if p.kind == "table"]
    assert len(tables) == 1
    assert tables[0].rows == ROWS
    assert tables[0].text.splitlines()[1].startswith("Argentina")
