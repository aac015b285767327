"""A note's label "1" read from its ink's shape where the label readers read nothing (read.ocr.marks.is_thin_one)."""

from __future__ import annotations

import pytest

from unref.read.ocr import marks


@pytest.mark.parametrize(
    ("box", "tall", "wide", "one"),
    [
        ((498, 2735, 502, 2751), 25.0, marks.ONE_WIDE, True),  # a raised "1" of 4 x 16 pixels (S/2025/260's copy)
        ((491, 2977, 498, 2994), 27.0, marks.ONE_WIDE_STROKE, True),  # a "1" the engine read "'" (A/80/141's copy)
        ((491, 2977, 498, 2994), 27.0, marks.ONE_WIDE, False),  # the same ink where the engine read nothing: too wide
        ((0, 0, 6, 15), 25.0, marks.ONE_WIDE, False),  # a "2" (0.4 of its height wide)
        ((0, 0, 10, 15), 25.0, marks.ONE_WIDE_STROKE, False),  # a "4"
        ((0, 0, 2, 8), 27.0, marks.ONE_WIDE_STROKE, False),  # a quotation mark's ink: 0.3 of the letters' height
        ((0, 0, 3, 14), 27.0, marks.ONE_WIDE, True),  # half the letters' height: tall enough
    ],
)
def test_is_thin_one(box: tuple[int, int, int, int], tall: float, wide: float, one: bool) -> None:
    assert marks.is_thin_one(box, tall, wide) is one


def test_a_mark_alone_on_its_line_has_no_height() -> None:
    from unref.read.ocr.words import OcrWord

    mark = OcrWord("'", 10, 10, 11, 14, 80.0, 3)
    other = OcrWord("See", 20, 9, 30, 15, 90.0, 4)
    assert marks._letters_tall([mark, other], mark) == float("inf")
    assert marks._letters_tall([mark, OcrWord("See", 20, 9, 30, 15, 90.0, 3)], mark) > 0


def test_a_table_border_is_no_one() -> None:
    # A table's border beside a cell is taller than the cell's letters (DP/OPS/2025/1's copy): no raised figure.
    assert not marks.is_thin_one((0, 0, 3, 30), 27.0, marks.ONE_WIDE_STROKE)


@pytest.mark.parametrize(
    ("box", "free"),
    [
        ((10, 20, 13, 36), True),  # a figure inside the region
        ((10, 0, 13, 36), False),  # ink up to the region's top: a line drawn across it
        ((10, 20, 13, 51), False),  # ink down to its last row (boxes end after their last row)
    ],
)
def test_stands_free(box: tuple[int, int, int, int], free: bool) -> None:
    from PIL import Image

    from unref.read.ocr.engine import PageImage

    page = PageImage(Image.new("L", (72, 100), 255), 72)  # a point a pixel: the region's rows 0 to 50
    assert marks.stands_free(page, (0.0, 50.0, 40.0, 100.0), box) is free


@pytest.mark.parametrize(
    ("columns", "runs"),
    [
        ([0, 1, 1, 0, 0, 1, 0], [(1, 3), (5, 6)]),  # two strokes: a raised "11"
        ([1, 1, 1], [(0, 3)]),
        ([0, 0], []),
    ],
)
def test_ink_columns(columns: list[int], runs: list[tuple[int, int]]) -> None:
    from PIL import Image

    mask = Image.new("L", (len(columns), 4), 0)
    for x, ink in enumerate(columns):
        if ink:
            mask.putpixel((x, 2), 255)
    assert marks.ink_columns(mask) == runs


def test_two_thin_strokes_are_eleven() -> None:
    # A double quotation mark that opens a line, its ink two thin strokes 15 pixels tall (S/2025/22's note 11).
    from PIL import Image, ImageDraw

    from unref.read.ocr.engine import PageImage
    from unref.read.ocr.words import OcrWord

    image = Image.new("L", (400, 400), 230)
    draw = ImageDraw.Draw(image)
    for x in (100, 111):
        draw.rectangle((x, 200, x + 3, 214), fill=30)
    page = PageImage(image, 72 * 4)  # 4 pixels a point: the strokes 3.75 points tall
    mark = OcrWord('"', 25.0, 46.5, 28.75, 50.0, 60.0, 1)
    assert marks._two_ones(page, mark, (130, 170), 6.5) == "11"
    assert marks._two_ones(page, mark, (130, 170), 20.0) is None  # too short for a figure of letters that tall


def test_last_part_is_the_figure_right_of_the_letter() -> None:
    # The end of a letter on the baseline and, apart to its right, a raised thin "1" ("Himalaya!" on A/80/141's copy).
    from PIL import Image, ImageDraw

    from unref.read.ocr.engine import PageImage

    image = Image.new("L", (100, 100), 230)
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 40, 19, 59), fill=30)  # the letter
    draw.rectangle((24, 30, 26, 45), fill=30)  # the raised figure
    page = PageImage(image, 300)
    assert marks.last_part(page, (8, 28, 30, 62), 128) == (24, 30, 27, 46)
    assert marks.last_part(page, (8, 38, 21, 62), 128) is None  # one part only: the letter


@pytest.mark.parametrize(
    ("text", "n", "apart"),
    [
        ("Himalaya!", 1, True),  # a misread mark after a letter
        ("Succession.’", 1, True),  # a quotation mark after a stop
        ("Stakeholders’", 1, False),  # an apostrophe after a letter: the word's own
        ("!", 1, False),  # the whole word: nothing before it
    ],
)
def test_apart(text: str, n: int, apart: bool) -> None:
    from unref.read.ocr.words import OcrWord

    assert marks._apart(OcrWord(text, 0, 0, 10, 8, 90.0, 1), n) is apart
