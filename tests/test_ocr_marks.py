"""read.ocr.marks: a note's raised figure the engine read as a mark ("War.!", "bodies. *", "Azerbaijanis.°") read
again from the image where its ink stands raised; a true mark on the baseline left. Pages are drawn here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fpdf import FPDF

from unref.read.ocr.engine import PageImage
from unref.read.ocr.marks import misread_mark, raised_marks
from unref.read.ocr.page import grey_levels
from unref.read.ocr.words import OcrWord

sys.path.insert(0, str(Path(__file__).parent))
import ocrgen

DPI = 300
HEIGHT_PT = 792.0


@pytest.mark.parametrize(
    ("text", "first", "count"),
    [
        ("War.!", False, 1),  # a raised "1" glued after a stop
        ("Azerbaijanis.°", False, 1),  # a raised "5"
        ("law”*", False, 1),  # after a closing quotation mark
        ("!", False, 1),  # alone after a space: "bodies. *"
        ("*", False, 1),
        ("?>", False, 2),
        ("*", True, 0),  # a line's first word: a note's label (relabel_line_starts)
        ("25°", False, 0),  # a degree
        ("!!!", False, 0),
        ("Council", False, 0),
        ("region’", False, 1),  # a closing quotation mark: looked at (its ink must be as tall as a figure's)
        ("said:“", False, 0),  # an opening one is not
        ("1", False, 0),  # a figure already
    ],
)
def test_misread_mark(text: str, first: bool, count: int) -> None:
    assert misread_mark(text, first) == count


def _page(tmp_path: Path, words: list[tuple[str, float]], raised: str | None) -> tuple[PageImage, list[OcrWord]]:
    """Draw one line of 11-point Times at baseline y=200 (from the top): the words, then `raised` as a 7-point
    superscript right after the last; return the page and the line's words as the engine gives them (the last
    word with a "!" for the superscript)."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Times", size=11)
    x, out = 72.0, []
    base = HEIGHT_PT - 200
    for k, (text, _) in enumerate(words):
        width = pdf.get_string_width(text)
        pdf.text(x, 200, text)
        out.append(OcrWord(text, x, base, x + width, base + 7.4, 95.0, 1))
        x += width + (pdf.get_string_width(" ") if k + 1 < len(words) else 0)
    if raised:
        pdf.set_font("Times", size=7)
        pdf.text(x + 0.3, 195.5, raised)
        last = out[-1]
        out[-1] = OcrWord(last.text + "!", last.left, last.bottom, x + 0.3 + pdf.get_string_width(raised), last.top,
                          60.0, 1)
    path = tmp_path / "line.pdf"
    pdf.output(str(path))
    image = ocrgen.degrade(ocrgen.page_images(path)[0])
    return PageImage(image, DPI), out


def test_a_raised_figure_read_as_a_mark_is_read_again(tmp_path: Path) -> None:
    pytest.importorskip("tesserocr")
    page, words = _page(tmp_path, [("during", 0), ("the", 0), ("First", 0), ("War.", 0)], "1")
    paper, ink = grey_levels(page.image)
    out = raised_marks(page, words, (paper + ink) // 2)
    assert [w.text for w in out] == ["during", "the", "First", "War.", "1"]
    assert out[-1].bottom > words[-1].bottom + 2  # set raised, from its ink


def test_a_true_exclamation_mark_stays(tmp_path: Path) -> None:
    pytest.importorskip("tesserocr")
    page, words = _page(tmp_path, [("It", 0), ("ends", 0), ("here", 0), ("now!", 0)], None)
    paper, ink = grey_levels(page.image)
    assert raised_marks(page, words, (paper + ink) // 2) == words


def test_a_true_closing_quotation_mark_stays(tmp_path: Path) -> None:
    pytest.importorskip("tesserocr")
    page, words = _page(tmp_path, [("the", 0), ("earth", 0), ("scorched", 0), ('policy."', 0)], None)
    paper, ink = grey_levels(page.image)
    assert raised_marks(page, words, (paper + ink) // 2) == words
