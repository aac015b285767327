"""The masthead's emblem and date (read.ocr.masthead_items): the emblem's words left of the name's column, the date's
zone between "Distr." and "Original:", and a generated masthead whose date the engine lost, read again from its image.
Nothing here reads ../shared."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fpdf import FPDF

from unref.read.ocr.engine import PageImage, installed_languages
from unref.read.ocr.masthead_items import (
    _name_start,
    column_start,
    date_lines,
    date_zone,
    emblem_words,
    english_column,
    heads_masthead,
    lacks_day,
    masthead_items,
    reread_date,
)
from unref.read.ocr.words import OcrWord

sys.path.insert(0, str(Path(__file__).parent))
import ocrgen

WIDTH_PT, HEIGHT_PT = 612.0, 792.0


word = ocrgen.word


#: "United Nations" 10 points tall at the masthead's top; its column starts at 130.
NAME = [word("United", 130, 736, 166, 746), word("Nations", 170, 736, 212, 746)]


@pytest.mark.parametrize(
    ("other", "emblem"),
    [
        (word("VA", 70, 703, 83, 723, conf=65, line=3), True),  # the emblem read as letters, beside the organ
        (word("\\)", 113, 695, 127, 723, conf=65, line=3), True),
        (word("\\y", 102, 697, 115, 716, conf=81, line=3), True),  # read with some confidence: its place decides
        (word("oe", 81, 670, 106, 685, conf=0, line=6), True),  # the emblem's foot, 66 points under the name
        (word("General", 130, 705, 195, 723, line=3), False),  # the organ's name starts the name's column
        (word("Distr.:", 403, 703, 428, 710, line=3), False),  # the right column
        (word("General", 63, 573, 99, 581, line=7), False),  # a block of the masthead under the emblem
        (word("1.", 70, 400, 80, 410, line=20), False),  # the text
        (word("x", 70, 740, 80, 750), False),  # level with the name: not under it
        (word("Fund", 70, 703, 100, 713, conf=96, line=3), False),  # print, read with confidence
    ],
)
def test_emblem_words(other: OcrWord, emblem: bool) -> None:
    words = [*NAME, other]
    assert (emblem_words(words, NAME[0].left, NAME[1]) == [other]) is emblem


@pytest.mark.parametrize(
    ("words", "first"),
    [
        (NAME, "United"),
        ([word("Nations", 130, 736, 170, 746), word("Unies", 173, 736, 210, 746)], "Nations"),
        ([word("Организация", 63, 733, 138, 746), word("Объединенных", 142, 733, 229, 746),
          word("Наций", 233, 733, 270, 746)], "Организация"),  # the Russian name's first of three words
        ([word("Uniled", 130, 736, 166, 746), word("Nations", 170, 736, 212, 746)], "Nations"),  # misread
    ],
)
def test_name_start(words: list[OcrWord], first: str) -> None:
    assert _name_start(words, words[-1]).text == first


@pytest.mark.parametrize(
    ("others", "heads"),
    [
        ([], True),
        ([word("A/79/758", 458, 732, 558, 746)], True),  # the symbol at the right
        ([word("the", 100, 736, 125, 746)], False),  # a body page's line: "the United Nations High Commissioner"
        ([word("High", 216, 736, 240, 746)], False),
    ],
)
def test_heads_masthead(others: list[OcrWord], heads: bool) -> None:
    assert heads_masthead([*NAME, *others], NAME[0], NAME[1], WIDTH_PT) is heads


#: The Russian name, printed from the left margin over the emblem.
RU_NAME = [word("Организация", 63, 733, 138, 746), word("Объединенных", 142, 733, 229, 746),
           word("Наций", 233, 733, 270, 746)]


@pytest.mark.parametrize(
    ("name", "under", "start"),
    [
        (NAME, [word("General", 130, 705, 195, 723, line=3)], 130),  # the name's first letter
        (NAME, [word("VA", 70, 703, 83, 723, conf=96, line=3)], 130),  # whatever stands under it
        (RU_NAME, [word("у", 109, 696, 122, 722, conf=59, line=2), word("Совет", 127, 704, 177, 722, line=2)],
         127),  # the organ's first word, read with confidence
        (RU_NAME, [word("у", 109, 696, 122, 722, conf=59, line=2)], 63),  # none: the name's first letter
        (RU_NAME, [word("Distr.:", 400, 704, 425, 711, line=2)], 63),  # the right column is not the organ's
    ],
)
def test_column_start(name: list[OcrWord], under: list[OcrWord], start: float) -> None:
    assert column_start([*name, *under], name[0], name[-1], WIDTH_PT) == start


@pytest.mark.parametrize(
    ("texts", "lacks"),
    [
        (["411", "May", "1994"], True),  # a typewritten "11" read with a speck
        (["l6", "avril", "1980"], True),
        (["=", "Fine", "2025"], False),  # no month's name: the masthead's zone reads it (date_zone)
        (["11", "May", "1994"], False),  # a date already
        (["13", "de", "septiembre", "de", "2023"], False),
        (["General", "Assembly", "and", "the", "411", "May", "1994"], False),  # a line of text
        (["May", "1994"], True),
        (["1994"], False),
    ],
)
def test_lacks_day(texts: list[str], lacks: bool) -> None:
    assert lacks_day([word(t, 400 + 30 * k, 610, 425 + 30 * k, 620) for k, t in enumerate(texts)]) is lacks


def column(date: list[OcrWord], distr_line: int = 3) -> list[OcrWord]:
    """Return the masthead's name and its right column: "Distr.: General", the date's words, "Original: English"."""
    return [*NAME, word("Distr.:", 403, 703, 428, 711, line=distr_line), word("General", 433, 703, 466, 710,
            line=distr_line), *date, word("Original:", 403, 666, 440, 675, line=6),
            word("English", 444, 665, 476, 674, line=6)]


@pytest.mark.parametrize(
    ("words", "found"),
    [
        (column([word("oo", 403, 689, 473, 699, conf=16, line=4)]), True),
        (column([]), True),  # the date lost altogether: the zone is still there to read
        (column([word("Fine", 401, 689, 420, 699, conf=50, line=3)]), True),  # the date in "Distr."'s line
        ([*NAME, word("Distr.:", 403, 703, 428, 711)], None),  # no "Original:" under it
        ([*NAME, word("Original:", 403, 666, 440, 675)], None),  # no "Distr."
        ([*NAME, word("Distr.:", 403, 703, 428, 711, line=3), word("Original:", 200, 666, 240, 675, line=6)],
         None),  # "Original:" not under "Distr."
        ([*NAME, word("Distr.:", 100, 703, 128, 711, line=3), word("Original:", 100, 666, 140, 675, line=6)],
         None),  # the left half: no right column
    ],
)
def test_date_zone(words: list[OcrWord], found: bool | None) -> None:
    zone = date_zone(words, NAME[1], WIDTH_PT)
    assert (zone is not None) is bool(found)
    if zone is not None:
        assert zone.zone.bottom == 674 and zone.zone.top == 703  # between the labels' lines
        assert zone.line == 3


# --- A generated masthead -----------------------------------------------------------------------------------------

DATE_BASELINE = 90.0


def masthead_page(tmp_path: Path) -> PageImage:
    """Return a first page's top as a degraded copy: "United Nations", the organ, "Distr.: General", the date and
    "Original: English" at the right."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Times", size=14)
    pdf.text(130, 52, "United Nations")
    pdf.set_font("Helvetica", style="B", size=17)
    pdf.text(130, 80, "Security Council")
    pdf.set_font("Times", size=10)
    pdf.text(400, 78, "Distr.: General")
    pdf.text(400, DATE_BASELINE, "29 January 2025")
    pdf.text(400, 102, "Original: English")
    path = tmp_path / "masthead.pdf"
    pdf.output(str(path))
    return PageImage(ocrgen.degrade(ocrgen.page_images(path)[0]), ocrgen.DPI)


def page_words() -> list[OcrWord]:
    """Return the engine's words of the generated masthead, its date misread into the organ's line."""
    y = HEIGHT_PT
    return [word("United", 130, y - 52, 175, y - 42), word("Nations", 178, y - 52, 225, y - 42),
            word("Wey)", 90, y - 95, 126, y - 70, conf=26, line=1),
            word("Security", 130, y - 82, 200, y - 66, line=1), word("Council", 204, y - 82, 262, y - 66, line=1),
            word("Distr.:", 400, y - 78, 425, y - 70, line=1), word("General", 429, y - 78, 462, y - 70, line=1),
            word("oo", 400, y - DATE_BASELINE, 470, y - DATE_BASELINE + 8, conf=16, line=1),
            word("Original:", 400, y - 102, 437, y - 94, line=2), word("English", 441, y - 102, 473, y - 94, line=2)]


@pytest.mark.skipif("eng" not in installed_languages(), reason="needs Tesseract's English data")
def test_masthead_items(tmp_path: Path) -> None:
    """The emblem's word is dropped and the date misread "oo" is read again from the image, on its old line and in
    its old box; a date the engine read is left alone."""
    page = masthead_page(tmp_path)
    words = page_words()
    out = masthead_items(page, words, "eng")
    assert " ".join(w.text for w in out) == ("United Nations Security Council Distr.: General 29 January 2025"
                                             " Original: English")
    date = next(w for w in out if w.text == "January")
    assert date.line == 1 and date.bottom == HEIGHT_PT - DATE_BASELINE
    right = [w for w in out if w.text != "Wey)"]
    assert masthead_items(page, right, "eng") == right


@pytest.mark.skipif("eng" not in installed_languages(), reason="needs Tesseract's English data")
def test_english_column(tmp_path: Path) -> None:
    """A Russian page's masthead prints its right column in English: read with Russian data it is garbage
    ("О15#.: Сепега]", "11 Магсь 2024"); each of its lines is read again with English data. The name's line (the
    symbol's) and the left column stay."""
    page = masthead_page(tmp_path)
    y = HEIGHT_PT
    name = word("Наций", 178, y - 52, 225, y - 42, conf=90)
    words = [name, word("Совет", 130, y - 82, 200, y - 66, conf=90, line=1),
             word("О15#.:", 400, y - 78, 425, y - 70, conf=40, line=1),
             word("Сепега]", 429, y - 78, 462, y - 70, conf=40, line=1),
             word("11", 400, y - DATE_BASELINE, 410, y - DATE_BASELINE + 8, conf=60, line=2),
             word("Магсь", 413, y - DATE_BASELINE, 440, y - DATE_BASELINE + 8, conf=50, line=2),
             word("2025", 443, y - DATE_BASELINE, 470, y - DATE_BASELINE + 8, conf=90, line=2)]
    out = english_column(page, words, name, WIDTH_PT)
    assert " ".join(w.text for w in out) == "Наций Совет Distr.: General 29 January 2025"
    assert [w.line for w in out] == [0, 1, 1, 1, 2, 2, 2]


@pytest.mark.skipif("eng" not in installed_languages(), reason="needs Tesseract's English data")
def test_date_lines(tmp_path: Path) -> None:
    """A typewritten masthead's date whose day the engine read with a speck ("411 May 1994") is read again as one
    line; a reading of another month is not taken."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Courier", size=10)
    pdf.text(416, 170, "11 May 1994")
    path = tmp_path / "date.pdf"
    pdf.output(str(path))
    page = PageImage(ocrgen.degrade(ocrgen.page_images(path)[0]), ocrgen.DPI)
    y = HEIGHT_PT - 170
    words = [word("411", 416, y, 430, y + 7, conf=35), word("May", 434, y, 452, y + 7),
             word("1994", 458, y, 482, y + 7)]
    assert [w.text for w in date_lines(page, words, "eng")] == ["11", "May", "1994"]
    other = [*words[:1], word("June", 434, y, 452, y + 7), words[2]]
    assert date_lines(page, other, "eng") == other


@pytest.mark.skipif("eng" not in installed_languages(), reason="needs Tesseract's English data")
def test_reread_date_needs_a_date(tmp_path: Path) -> None:
    """A zone whose image holds no date leaves the words as they were."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    path = tmp_path / "blank.pdf"
    pdf.output(str(path))
    page = PageImage(ocrgen.degrade(ocrgen.page_images(path)[0]), ocrgen.DPI)
    words = column([word("oo", 403, 689, 473, 699, conf=16, line=4)])
    zone = date_zone(words, NAME[1], WIDTH_PT)
    assert zone is not None
    assert reread_date(page, words, zone, "eng") == words


def test_no_masthead_no_change() -> None:
    """A page without "United Nations" at its top is not looked at."""
    words = [word("oo", 403, 689, 473, 699, conf=16)]
    page = PageImage(ocrgen.degrade(ocrgen.page_images(_blank_pdf())[0]), ocrgen.DPI)
    assert masthead_items(page, words, "eng") is words


def _blank_pdf() -> Path:
    """Return a blank one-page PDF in a temporary folder."""
    import tempfile

    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    path = Path(tempfile.mkdtemp()) / "blank.pdf"
    pdf.output(str(path))
    return path
