"""What the OCR path reads from a page's image besides the engine's words: its skew (read.ocr.skew), the
footnote rule on a grey copy (page.find_rules), words read from drawings (read.ocr.drawn), and a note's
label read as a quotation mark (engine.relabel_line_starts). Images are drawn here; nothing reads ../shared."""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter

from unref.read.ocr import engine
from unref.read.ocr.drawn import DRAWN_INK, drop_drawn, ink_share, word_pixels
from unref.read.ocr.engine import PageImage
from unref.read.ocr.page import find_rules, grey_levels
from unref.read.ocr.skew import MIN_SLOPE, deskew_words, line_slope, page_slope, straighten
from unref.read.ocr.words import OcrWord

sys.path.insert(0, str(Path(__file__).parent))
import ocrgen

DPI = 300
WIDTH_PT, HEIGHT_PT = 612.0, 792.0


word = ocrgen.word


def tilted_line(slope: float, y: float, line: int, n: int = 8, left: float = 100.0) -> list[OcrWord]:
    """Return a line of n words 40 points wide, each standing where a line of `slope` through (left, y) passes."""
    out = []
    for k in range(n):
        x0 = left + 50 * k
        mid = y + slope * (x0 + 20 - left)
        out.append(word("word", x0, mid - 4, x0 + 40, mid + 4, line=line))
    return out


# --- Skew ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "slope"),
    [
        (tilted_line(0.02, 500, 0), 0.02),
        (tilted_line(-0.01, 500, 0), -0.01),
        (tilted_line(0.0, 500, 0), 0.0),
        (tilted_line(0.02, 500, 0, n=3), None),  # too few words to tell
        (tilted_line(0.02, 500, 0, n=4, left=100)[:2] + tilted_line(0.02, 500, 0, n=2, left=150), None),  # short
    ],
)
def test_line_slope(words: list[OcrWord], slope: float | None) -> None:
    got = line_slope(words)
    assert (got is None) == (slope is None)
    if slope is not None and got is not None:
        assert got == pytest.approx(slope, abs=1e-6)


@pytest.mark.parametrize(
    ("slopes", "page"),
    [
        ([0.02, 0.02, 0.02, 0.02], 0.02),
        ([0.02, 0.021, 0.5, 0.019], 0.0205),  # the median: one line's odd slope does not count
        ([0.02, 0.02], 0.0),  # too few lines tell
        ([0.001, 0.001, 0.001], 0.0),  # below MIN_SLOPE: straight
        ([0.2, 0.2, 0.2], 0.05),  # held to MAX_SLOPE
    ],
)
def test_page_slope(slopes: list[float], page: float) -> None:
    words = [w for k, s in enumerate(slopes) for w in tilted_line(s, 700 - 20 * k, k)]
    assert page_slope(words) == pytest.approx(page, abs=1e-6)


@pytest.mark.parametrize("degrees", [1.5, -1.0, 0.5])
def test_deskew_words_undoes_a_turn(degrees: float) -> None:
    """A word turned about the page's middle comes back where it stood, its box the size of its letters."""
    theta = math.radians(degrees)
    cx, cy = WIDTH_PT / 2, HEIGHT_PT / 2
    x, y, w, h = 150.0, 200.0, 60.0, 8.0  # the word as printed: its middle and size
    dx, dy = x - cx, y - cy
    tx, ty = cx + dx * math.cos(theta) - dy * math.sin(theta), cy + dx * math.sin(theta) + dy * math.cos(theta)
    big_w = w * math.cos(theta) + h * abs(math.sin(theta))
    big_h = w * abs(math.sin(theta)) + h * math.cos(theta)
    skewed = word("word", tx - big_w / 2, ty - big_h / 2, tx + big_w / 2, ty + big_h / 2)
    (straight,) = deskew_words([skewed], math.tan(theta), WIDTH_PT, HEIGHT_PT)
    assert (straight.left + straight.right) / 2 == pytest.approx(x, abs=0.02)
    assert (straight.bottom + straight.top) / 2 == pytest.approx(y, abs=0.02)
    assert straight.right - straight.left == pytest.approx(w, abs=0.05)
    assert straight.top - straight.bottom == pytest.approx(h, abs=0.05)


def test_a_straight_page_is_left_as_it_is() -> None:
    words = tilted_line(0.0, 500, 0)
    image = Image.new("L", (100, 100), 255)
    assert deskew_words(words, 0.0, WIDTH_PT, HEIGHT_PT) is words
    assert straighten(image, 0.0) is image
    assert MIN_SLOPE > 0


# --- The rule on a grey copy ---------------------------------------------------------------------------


def copy_page(rule_pt: tuple[float, float, float], degrees: float = 0.0, grey: int = 0, seed: int = 3) -> Image.Image:
    """Return a letter page at DPI as a photocopy gives it: lines of text, a hairline rule (left, right, height
    in points; `grey` its ink), turned by `degrees`, grey paper and ink, blurred and grained."""
    scale = DPI / 72
    image = Image.new("L", (round(WIDTH_PT * scale), round(HEIGHT_PT * scale)), 255)
    draw = ImageDraw.Draw(image)
    rng = random.Random(seed)
    for k in range(30):  # lines of "letters" as 10-point print has them: stems 4 px wide every 12 px, 40 px tall
        top = round((60 + 20 * k) * scale)
        x = round(100 * scale)
        while x < round(500 * scale):
            for _ in range(rng.randint(6, 16)):
                draw.rectangle((x, top, x + 3, top + 40), fill=0)
                draw.rectangle((x - 3, top + 37, x + 6, top + 40), fill=0)  # serifs along the baseline
                x += 12
            x += 25
    left, right, height = rule_pt
    y = round((HEIGHT_PT - height) * scale)
    draw.rectangle((round(left * scale), y, round(right * scale), y + 1), fill=grey)
    turned = image.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=255)
    dim = turned.point(lambda v: round(34 + v * (223 - 34) / 255)).filter(ImageFilter.GaussianBlur(0.6))
    noise = Image.effect_noise(dim.size, 20)
    return Image.blend(dim, noise, 0.25)


@pytest.mark.parametrize(
    ("degrees", "grey"),
    [(0.0, 0), (0.0, 90), (1.2, 0), (-1.5, 60)],
)
def test_the_rule_of_a_grey_copy_is_found(degrees: float, grey: int) -> None:
    """A hairline of 72 points at 100 points from the foot, skewed or not, faint or not, is found once the page
    is set straight; the lines of letters above it are no rules."""
    image = copy_page((108, 180, 100), degrees, grey)
    slope = math.tan(math.radians(degrees))
    rules = find_rules(straighten(image, slope), DPI)
    assert len(rules) == 1
    left, bottom, right, top = rules[0]
    assert abs(left - 108) < 8 and abs(right - 180) < 8 and abs((bottom + top) / 2 - 100) < 1.5


@pytest.mark.parametrize(
    ("paper", "ink", "levels"),
    [(223, 34, (223, 34)), (255, 0, (255, 0)), (200, 180, (255, 0))],  # too close: black on white assumed
)
def test_grey_levels(paper: int, ink: int, levels: tuple[int, int]) -> None:
    image = Image.new("L", (100, 100), paper)
    ImageDraw.Draw(image).rectangle((0, 0, 99, 4), fill=ink)  # 5 % of the page is ink
    assert grey_levels(image) == levels


# --- Words read from drawings --------------------------------------------------------------------------


def bars_and_text() -> tuple[Image.Image, list[OcrWord]]:
    """Return a page image with a bar code (dense bars) and a word of thin strokes, and the words read there."""
    scale = DPI / 72
    image = Image.new("L", (round(WIDTH_PT * scale), round(HEIGHT_PT * scale)), 230)
    draw = ImageDraw.Draw(image)
    height = image.height
    for x in range(round(60 * scale), round(120 * scale), 8):  # a bar code at x 60-120, y 50-70
        draw.rectangle((x, height - round(70 * scale), x + 5, height - round(50 * scale)), fill=30)
    for x in range(round(200 * scale), round(260 * scale), 20):  # strokes of letters at x 200-260
        draw.rectangle((x, height - round(70 * scale), x + 3, height - round(50 * scale)), fill=30)
    words = [word("AN", 60, 50, 120, 70, conf=29.4), word("ill", 200, 50, 260, 70, conf=40.0),
             word("Text", 300, 50, 360, 70, conf=96.0)]
    return image, words


def test_words_read_from_a_bar_code_are_dropped() -> None:
    image, words = bars_and_text()
    assert [w.text for w in drop_drawn(words, image, DPI)] == ["ill", "Text"]


@pytest.mark.parametrize(("index", "drawn"), [(0, True), (1, False), (2, False)])
def test_ink_share(index: int, drawn: bool) -> None:
    image, words = bars_and_text()
    share = ink_share(image, word_pixels(words[index], image.height, DPI), 130)
    assert (share >= DRAWN_INK) is drawn


def test_a_confident_word_is_never_measured() -> None:
    image, _ = bars_and_text()
    confident = [word("AN", 60, 50, 120, 70, conf=96.0)]
    assert drop_drawn(confident, image, DPI) is confident


# --- A note's label read as a quotation mark -----------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "reread", "out"),
    [
        (["'", "FCCC/CP/1995/7"], "1", ["1", "FCCC/CP/1995/7"]),  # read again as a label
        (["'", "FCCC/CP/1995/7"], "", ["'", "FCCC/CP/1995/7"]),  # read again as nothing: it stays
        (["'", "FCCC/CP/1995/7"], "ab", ["'", "FCCC/CP/1995/7"]),  # no label's form: it stays
        (["see", "'", "below"], "1", ["see", "'", "below"]),  # not at the line's start
        (["\"", "Quoted"], "1", ["\"", "Quoted"]),  # a double quotation mark is never a label
    ],
)
def test_relabel_line_starts(monkeypatch: pytest.MonkeyPatch, texts: list[str], reread: str,
                             out: list[str]) -> None:
    from unref.read.ocr import marks

    monkeypatch.setattr(marks, "read_label", lambda page, box, scale=3: reread)
    words = [word(t, 100 + 30 * k, 100, 120 + 30 * k, 108, line=1) for k, t in enumerate(texts)]
    words.append(word("Another", 100, 80, 140, 88, line=2))
    page = PageImage(Image.new("L", (round(WIDTH_PT * DPI / 72), round(HEIGHT_PT * DPI / 72)), 255), DPI)
    assert [w.text for w in marks.relabel_line_starts(page, words, 128)][:-1] == out


# --- The emblem of a first page's masthead -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "conf", "left", "bottom", "emblem"),
    [
        ("\\y", 59.8, 114, 696, True),  # beside "General Assembly", in the masthead's left
        ("Vey", 31.1, 71, 685, True),
        ("General", 96.5, 131, 708, False),  # print is read with confidence
        ("A/79/796", 38.3, 453, 729, False),  # the masthead's right: the symbol in large print
        ("Original", 50.0, 60, 500, False),  # below the masthead
    ],
)
def test_is_emblem_word(text: str, conf: float, left: float, bottom: float, emblem: bool) -> None:
    from unref.read.ocr.page import is_emblem_word

    w = word(text, left, bottom, left + 40, bottom + 14, conf=conf)
    assert is_emblem_word(w, WIDTH_PT, HEIGHT_PT) is emblem


# --- A note's label the engine missed ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "top", "under"),
    [
        (123.9, 297.0, True),  # the note's first word, right of the label's place
        (117.0, 297.0, True),  # the label itself
        (60.0, 297.0, False),  # left of the rule: a job number or a page number
        (300.0, 297.0, False),  # in the middle of the line
        (123.9, 320.0, False),  # above the rule
    ],
)
def test_starts_under(left: float, top: float, under: bool) -> None:
    from unref.read.ocr.marks import starts_under

    assert starts_under(word("See,", left, top - 7, left + 14, top), (102.0, 304.0, 174.0, 305.0)) is under


@pytest.mark.parametrize(
    ("rule", "kept"),
    [((102.0, 304.0, 174.0, 305.0), True), ((102.0, 700.0, 174.0, 701.0), False)],  # not in the top quarter
)
def test_note_rules(rule: tuple[float, float, float, float], kept: bool) -> None:
    from unref.read.ocr.marks import note_rules

    assert (note_rules([rule], HEIGHT_PT) == [rule]) is kept


def test_a_missed_label_is_read_from_the_image(tmp_path: Path) -> None:
    """A note under its rule whose raised label the engine did not read gets it back from the image."""
    pytest.importorskip("tesserocr")
    from fpdf import FPDF

    from unref.read.ocr.marks import note_labels

    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Times", size=10)
    pdf.text(72, 200, "The body of the letter ends here, above the footnote rule of the page.")
    pdf.set_line_width(0.5)
    pdf.line(72, 640, 144, 640)
    pdf.set_font("Times", size=6)
    pdf.text(84, 655, "1")
    pdf.set_font("Times", size=8)
    pdf.text(90, 658, "See, for example, the report of the Secretary-General on the question.")
    path = tmp_path / "note.pdf"
    pdf.output(str(path))
    image = ocrgen.degrade(ocrgen.page_images(path)[0])
    page = PageImage(image, DPI)
    rules = find_rules(image, DPI)
    assert len(rules) == 1
    # As if the engine had not read the label (it reads it as "1", as "'" or not at all).
    missed = [w for w in engine.recognize(page, "eng") if w.text not in ("1", "'")]
    first = min((w for w in missed if w.top < rules[0][1]), key=lambda w: w.left)
    assert first.text == "See,"
    found = note_labels(page, missed, rules)
    labels = [w for w in found if w.text == "1"]
    assert len(labels) == 1 and labels[0].right <= first.left


# --- The recycling notice ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "confs", "bottom", "out"),
    [
        (["Please", "vocyeie", "OO)"], [97, 8, 48], 40, ["Please", "recycle"]),
        (["Please", "reels", "OD"], [97, 11, 38], 34, ["Please", "recycle"]),
        (["Please", "recycle"], [97, 95], 40, ["Please", "recycle"]),  # read right: left alone
        (["Merci", "de", "recyder"], [96, 96, 30], 40, ["Merci", "de", "recycler"]),
        (["Sírvase", "redclar"], [96, 20], 40, ["Sírvase", "reciclar"]),
        (["Please", "vocyeie"], [97, 8], 400, ["Please", "vocyeie"]),  # not at the page's foot
        (["Please", "note"], [97, 92], 40, ["Please", "note"]),  # read with confidence: a word of the text
    ],
)
def test_recycling_notice(texts: list[str], confs: list[float], bottom: float, out: list[str]) -> None:
    from unref.read.ocr.drawn import recycling_notice

    line = [word(t, 400 + 30 * k, bottom, 425 + 30 * k, bottom + 6, conf=c, line=3)
            for k, (t, c) in enumerate(zip(texts, confs, strict=True))]
    assert [w.text for w in recycling_notice([line])[0]] == out


# --- Doubtful words read again alone -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "conf", "old_conf", "better"),
    [
        ("17 January 2025", 91.0, 15.4, True),
        ("17 January 2025", 65.0, 15.4, False),  # not sure enough
        ("ela", 80.0, 70.0, False),  # not surer than before by REREAD_GAIN
        ("", 95.0, 10.0, False),
        ("two\nlines", 90.0, 10.0, False),
        ("General,", 90.0, 43.9, False),  # the same letters: the old reading keeps its hyphen ("-General,")
    ],
)
def test_is_better(text: str, conf: float, old_conf: float, better: bool) -> None:
    from unref.read.ocr.reread import is_better

    old = "-General," if text == "General," else "ela"
    assert is_better(text, conf, word(old, 394.8, 693.1, 463.2, 702.5, conf=old_conf)) is better


def test_split_reading() -> None:
    from unref.read.ocr.reread import split_reading

    out = split_reading("17 January 2025", 91.0, word("ela", 400.0, 690.0, 475.0, 700.0, conf=15.4, line=3))
    assert [w.text for w in out] == ["17", "January", "2025"]
    assert out[0].left == 400.0 and out[-1].right == pytest.approx(475.0)
    assert all(w.line == 3 and w.conf == 91.0 and w.bottom == 690.0 for w in out)


def test_a_doubtful_word_is_read_again_alone() -> None:
    """A word the engine read wrong is read right when its ink is read on its own."""
    pytest.importorskip("tesserocr")
    from PIL import ImageFont

    from unref.read.ocr.reread import reread_doubtful

    font = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
    if not Path(font).exists():
        pytest.skip("DejaVu fonts are not installed")
    scale = DPI / 72
    image = Image.new("L", (round(WIDTH_PT * scale), round(HEIGHT_PT * scale)), 235)
    ImageDraw.Draw(image).text((round(400 * scale), round(90 * scale)), "17 January 2025", fill=20,
                               font=ImageFont.truetype(font, round(10 * scale)))
    page = PageImage(image, DPI)
    misread = word("ela", 398.0, HEIGHT_PT - 104.0, 492.0, HEIGHT_PT - 90.0, conf=15.4, line=3)
    out = reread_doubtful(page, [misread], "eng")
    assert " ".join(w.text for w in out) == "17 January 2025"
