"""The masthead's symbol read again (read.ocr.masthead): the grammar that decides between readings, the zone right of
"United Nations", and a generated masthead whose symbol is printed in two sizes, read again from its image.
Nothing here reads ../shared."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fpdf import FPDF

from unref.read.ocr.engine import PageImage, installed_languages
from unref.read.ocr.masthead import (
    Zone,
    cut_rule,
    even_sizes,
    glyphs,
    masthead_name,
    reread_symbol,
    symbol_text,
    symbol_zone,
)
from unref.read.ocr.words import OcrWord

sys.path.insert(0, str(Path(__file__).parent))
import ocrgen

WIDTH_PT, HEIGHT_PT = 612.0, 792.0


word = ocrgen.word


@pytest.mark.parametrize(
    ("reading", "specks", "expected"),
    [
        ("A/79/769-S/2025/76", True, "A/79/769-S/2025/76"),
        ("A/79/769–S/2025/76", True, "A/79/769-S/2025/76"),  # an en dash joins them as well
        ("S/RES/2781 (2025)", True, "S/RES/2781 (2025)"),  # the year's space stays
        ("A/HRC/WG.6/34/IT A/3", True, "A/HRC/WG.6/34/ITA/3"),  # a space the engine put inside
        ("$/2025/31", True, "S/2025/31"),  # the digits repair: "$" for the series S
        ("5/2024/228", True, "S/2024/228"),
        ("oe S/RES/2781 (2025)", True, "S/RES/2781 (2025)"),  # specks of the zone's paper before it
        ("oe S/RES/2781 (2025)", False, None),  # the page's own words must all spell the symbol
        ("Are S/78/323", False, None),  # "A/RES/78/323" misread: not "S/78/323"
        ("S 2025/68", True, None),  # the slash lost: no symbol
        ("A/T91859-5/2025/220", True, None),  # one part no symbol: the whole reading is none
        ("Distr. GENERAL", True, None),
        ("", True, None),
    ],
)
def test_symbol_text(reading: str, specks: bool, expected: str | None) -> None:
    assert symbol_text(reading, specks) == expected


def un_line(line: int = 0, top: float = 750.0) -> list[OcrWord]:
    """Return the masthead's "United Nations", 10 points tall, its top at `top`."""
    return [word("United", 72, top - 10, 110, top, line=line), word("Nations", 113, top - 10, 155, top, line=line)]


@pytest.mark.parametrize(
    ("words", "found"),
    [
        (un_line(), "Nations"),
        ([word("Nations", 72, 740, 110, 750), word("Unies", 113, 740, 150, 750)], "Unies"),
        ([word("Naciones", 72, 740, 110, 750), word("Unidas", 113, 740, 150, 750)], "Unidas"),
        ([word("United", 72, 740, 110, 750), word("Nations", 113, 740, 155, 750, line=1)], None),  # two lines
        (un_line(top=300.0), None),  # not in the masthead's band
        ([word("United", 350, 740, 390, 750), word("Nations", 393, 740, 440, 750)], None),  # right half
        ([word("UNITED", 72, 740, 110, 750), word("NATIONS", 113, 740, 155, 750)], None),  # an old masthead
    ],
)
def test_masthead_name(words: list[OcrWord], found: str | None) -> None:
    name = masthead_name(words, WIDTH_PT, HEIGHT_PT)
    assert (name.text if name else None) == found


def test_masthead_name_is_the_highest() -> None:
    """The emblem's bold "United Nations Development Programme" under the masthead's line is not its name."""
    emblem = [word("United", 72, 700, 120, 716, line=3), word("Nations", 125, 700, 190, 716, line=3)]
    words = [*un_line(top=760.0), *emblem]
    name = masthead_name(words, WIDTH_PT, HEIGHT_PT)
    assert name is not None and name.top == 760.0


@pytest.mark.parametrize(
    ("box", "inside"),
    [
        ((450, 736, 555, 752), True),  # the symbol, its large letters above the name's top
        ((400, 705, 430, 712), False),  # "Distr.: General" under the rule
        ((113, 740, 155, 750), False),  # the name itself
        ((500, 770, 540, 780), False),  # above the zone
    ],
)
def test_symbol_zone(box: tuple[float, float, float, float], inside: bool) -> None:
    zone = symbol_zone(un_line()[1], WIDTH_PT)
    assert zone.holds(word("x", *box)) is inside


# --- A generated masthead -----------------------------------------------------------------------------------------

#: The symbol's pieces, large and small, as a UN masthead sets them; the baseline (from the page's top) and the rule's.
SYMBOL_PIECES = [("A", 20), ("/79/769-", 10), ("S", 20), ("/2025/76", 10)]
BASELINE, RULE_Y = 52.0, 59.0


def masthead_page(tmp_path: Path) -> PageImage:
    """Return a first page's top as a degraded copy: "United Nations", the symbol in two sizes at the right, the rule
    under the masthead, and one line of text."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Times", size=14)
    pdf.text(72, BASELINE, "United Nations")
    width = 0.0
    for text, size in SYMBOL_PIECES:
        pdf.set_font("Times", size=size)
        width += pdf.get_string_width(text)
    x = 540 - width
    for text, size in SYMBOL_PIECES:
        pdf.set_font("Times", size=size)
        pdf.text(x, BASELINE, text)
        x += pdf.get_string_width(text)
    pdf.set_line_width(1.0)
    pdf.line(72, RULE_Y, 540, RULE_Y)
    pdf.set_font("Times", size=17)
    pdf.text(110, 85, "General Assembly")
    path = tmp_path / "masthead.pdf"
    pdf.output(str(path))
    image = ocrgen.degrade(ocrgen.page_images(path)[0])
    return PageImage(image, ocrgen.DPI)


def test_cut_rule_and_glyphs(tmp_path: Path) -> None:
    """The zone is cut above the rule; its glyphs are the symbol's, two of them large."""
    page = masthead_page(tmp_path)
    zone = Zone(300, HEIGHT_PT - RULE_Y - 8, 602, HEIGHT_PT - BASELINE + 22)
    scale = ocrgen.DPI / 72
    crop = page.image.crop((int(zone.left * scale), int((HEIGHT_PT - zone.top) * scale), int(zone.right * scale),
                            int((HEIGHT_PT - zone.bottom) * scale)))
    cut = cut_rule(crop)
    assert cut.height < crop.height
    found = glyphs(cut)
    heights = sorted(bottom - top for _, _, top, bottom in found)
    assert len(found) >= 14
    assert heights[-1] > 1.5 * heights[len(heights) // 2] and heights[-2] > 1.5 * heights[len(heights) // 2]
    even = even_sizes(cut)
    assert even is not None
    assert max(bottom - top for _, _, top, bottom in glyphs(even)) < 1.5 * heights[len(heights) // 2]


@pytest.mark.skipif("eng" not in installed_languages(), reason="needs Tesseract's English data")
def test_reread_symbol(tmp_path: Path) -> None:
    """The engine's misreading of the symbol in two sizes ("Av/79/769-9/2025/76", at confidence 0) is replaced by
    the zone read again; a reading that spells the symbols is left alone."""
    page = masthead_page(tmp_path)
    top = HEIGHT_PT - BASELINE + 10
    name = [word("United", 72, top - 12.5, 115, top), word("Nations", 118, top - 12.5, 165, top)]
    misread = word("Av/79/769-9/2025/76", 440, HEIGHT_PT - BASELINE - 2, 540, top + 4, conf=0.0)
    below = word("General", 110, 700, 170, 712, line=1)
    words = reread_symbol(page, [*name, misread, below])
    assert [w.text for w in words] == ["United", "Nations", "A/79/769-S/2025/76", "General"]
    assert words[2].line == 0 and words[2].left == misread.left
    right = [*name, word("A/79/769-S/2025/76", 440, HEIGHT_PT - BASELINE - 2, 540, top + 4), below]
    assert reread_symbol(page, right) == right


def test_no_masthead_no_change(tmp_path: Path) -> None:
    """A page without "United Nations" at its top is not looked at."""
    words = [word("Av/79/769-9/2025/76", 440, 736, 540, 752, conf=0.0)]
    assert reread_symbol(PageImage(ocrgen.degrade(ocrgen.page_images(_blank(tmp_path))[0]), ocrgen.DPI), words) is words


def _blank(tmp_path: Path) -> Path:
    """Return a blank one-page PDF."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    path = tmp_path / "blank.pdf"
    pdf.output(str(path))
    return path
