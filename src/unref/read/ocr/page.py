"""read.ocr.page: one page's OCR words -> the PageGeometry that a PDF's text layer gives, so that the PDF
code (labels, assemble) reads a scan as it reads a born-digital page.

Each OCR line becomes a run of glyphs on its baseline: a word's letters share its box evenly, one
printed space stands between two words (so word breaks are the engine's, never guessed from gaps), and
every glyph has the band a PDF's loose glyph box has (a fifth below the baseline, four fifths above).
The font size comes from the height of the line's letters, so that smaller note text is told by size as
in a PDF; a raised, smaller word ("1" above the line) keeps its rise and size, and the PDF code's
superscript test makes it a marker. The footnote rule, a thin horizontal line in the image, is found in
the image itself (`find_rules`): Tesseract reads no text from it.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from itertools import pairwise

from PIL import Image

from unref.model import RTL_RE
from unref.read.ocr.words import OcrWord
from unref.read.pdf.geometry import RULE_WIDTH_PT, PageGeometry
from unref.read.pdf.glyphs import Glyph, Run, build_rows

#: The height of capitals and ascenders as a share of the font size (Times 0.66-0.68, Courier 0.57-0.63):
#: what turns the height of a line's letters into a font size.
LETTER_HEIGHT = 0.66
#: A glyph's band, as in pdfium's loose boxes: this share of the size below the baseline, the rest above.
DESCENT = 0.22
#: Sizes are kept to this step (points): OCR boxes vary by a pixel or two from line to line, so that
#: lines of one size must come out with one size for the body size and smaller note text to be told.
SIZE_STEP = 0.5
#: A word stands raised (a marker) when its bottom is this share of the letter height above the baseline...
RAISE = 0.25
#: ...and it is at most this share of the letter height tall.
RAISED_TALL = 0.8
MARKER_WORD_RE = re.compile(r"^(?:\d{1,3}|[a-z]|\*{1,3}|[†‡§])$")
#: Where paper and ink cannot be told apart by their greys (a blank page's noise: closer than MIN_CONTRAST), they
#: are taken to be these (0 black, 255 white).
PAPER, INK = 255, 0
MIN_CONTRAST = 80
#: A stretch of a pixel row is part of a line where its mean grey is this share of the way from the paper's grey
#: to the ink's: a thin rule that a photocopy blurred and grained is lighter than the letters' strokes (a hairline
#: above 8-point notes of a simulated copy: mean grey 138-149 on paper of 223 and ink of 34, 0.4 of the way)...
RULE_DARK = 0.3
#: ...and the pixel rows RULE_CLEAR_PT above and below it are paper (within this share of the way): a row through
#: a line of letters (their serifs at the baseline) is dark too, but has letters above it (at 2 points above the
#: baseline of sparse print the strokes may be few; at 3.5 the tops of the short letters stand). A note's first
#: line stands 5 to 7 points under the footnote rule, the body's last line further above it.
RULE_PAPER = 0.12
RULE_CLEAR_PT = (2.0, 3.5)
#: A rule in the image is at most this thick (points): a footnote rule of half a point, blurred by a copy, stands
#: 0.3-1.2 points thick at 300 dpi; the feet of a line of letters make a band of 2.4 (RULE_MAX_HEIGHT_PT, 2.5, is
#: what a PDF's drawn path may be).
IMAGE_RULE_MAX_PT = 1.6


#: A word the engine has almost no confidence in (below this)...
JUNK_CONFIDENCE = 20.0
#: ...that stands this many times as tall as the page's usual word...
JUNK_TALL = 1.8
#: ...and in this share of the page's width from its left edge, where a UN masthead prints the emblem, is the
#: emblem read as letters ("SWS7/4" beside an old masthead), not text. A symbol the engine doubts as much stands
#: at the right of the masthead ("A/56/385" in large print, read at confidence 0), and stays.
EMBLEM_SIDE = 1 / 3


def drop_drawings(words: list[OcrWord], width: float) -> list[OcrWord]:
    """Return the page's words without the emblem read as letters (JUNK_CONFIDENCE, JUNK_TALL, EMBLEM_SIDE)."""
    if len(words) < 3:
        return words
    usual = statistics.median(w.top - w.bottom for w in words)
    return [w for w in words if not is_drawing(w, usual, width)]


def is_drawing(word: OcrWord, usual: float, width: float) -> bool:
    """Return True when a word is the emblem read as letters: almost no confidence, far too tall, at the left."""
    return (word.conf < JUNK_CONFIDENCE and word.top - word.bottom > JUNK_TALL * usual
            and word.right < EMBLEM_SIDE * width)


#: The masthead of a first page: its top fifth. The UN emblem stands at its left (EMBLEM_SIDE), beside the organ's
#: name; the engine reads the emblem's parts as short words of middling confidence ("\\y" 59.8, "fy" 60.0, "Vey"
#: 31.1, "V," 2.4 beside "General Assembly" at 96), which join the organ's line. Print there is read with 85 or more.
MASTHEAD_ZONE = 0.2
EMBLEM_CONFIDENCE = 65.0


def is_emblem_word(word: OcrWord, width: float, height: float) -> bool:
    """Return True when a word of a first page is the emblem read as letters: in the masthead's left part
    (MASTHEAD_ZONE, EMBLEM_SIDE), read with less confidence than print (EMBLEM_CONFIDENCE)."""
    return (word.conf < EMBLEM_CONFIDENCE and word.bottom > (1 - MASTHEAD_ZONE) * height
            and word.right < EMBLEM_SIDE * width)


def ocr_geometry(number: int, width: float, height: float, words: list[OcrWord],
                 rules: list[tuple[float, float, float, float]]) -> PageGeometry:
    """Return the geometry of a scanned page from its OCR words (in page points) and its rules."""
    runs = [run for line in _lines(words) if (run := _line_run(line)) is not None]
    rows = build_rows(runs)
    chars = sum(len(w.text) for w in words)
    return PageGeometry(number, width, height, rows, [], rules, chars)


#: A word this many times as tall as the median of the other words of its line is no part of it: a big
#: initial or the series letter of an old masthead, printed beside a line of ordinary text.
TOO_TALL = 2.5


def _lines(words: list[OcrWord]) -> list[list[OcrWord]]:
    """Return the words grouped by their OCR line, blank words dropped, each line left to right; a word
    far taller than the others of its line stands in a line of its own (see TOO_TALL)."""
    by_line: dict[int, list[OcrWord]] = {}
    for w in words:
        if w.text.strip():
            by_line.setdefault(w.line, []).append(w)
    out: list[list[OcrWord]] = []
    for line in by_line.values():
        for segment in _segments(sorted(line, key=lambda w: w.left)):
            tall = [w for w in segment if too_tall(w, segment)]
            out.append([w for w in segment if w not in tall])
            out.extend([w] for w in tall)
    return [line for line in out if line]


#: Words of one OCR line further apart than this many times the line's median word height stand in two
#: columns (a masthead's left and right sides): each side is a run of its own, with its own size.
COLUMN_GAP = 2.0


def _segments(line: list[OcrWord]) -> list[list[OcrWord]]:
    """Return a line's words (left to right) cut where the gap between two words is a column's (COLUMN_GAP)."""
    if len(line) < 2:
        return [line]
    limit = COLUMN_GAP * statistics.median(w.top - w.bottom for w in line)
    out = [[line[0]]]
    for prev, word in pairwise(line):
        if word.left - prev.right > limit:
            out.append([word])
        else:
            out[-1].append(word)
    return out


def too_tall(word: OcrWord, line: list[OcrWord]) -> bool:
    """Return True when a word is TOO_TALL times as tall as the median of the other words of its line."""
    others = [w.top - w.bottom for w in line if w is not word]
    return bool(others) and word.top - word.bottom > TOO_TALL * statistics.median(others)


def line_base(line: list[OcrWord]) -> tuple[float, float]:
    """Return the baseline of a line and the height of its letters above it (points).

    Words with descenders reach below the baseline and raised markers stand above it: the baseline is
    the median bottom of the words in the upper half of bottoms; the letter height the median height
    of the words above that baseline.
    """
    bottoms = sorted(w.bottom for w in line)
    base = statistics.median(bottoms[len(bottoms) // 2:])
    # The upper quartile: short words ("on", "a") stand only as high as the x-height.
    heights = sorted(w.top - base for w in line)
    return base, max(heights[(3 * len(heights)) // 4], 1.0)


def is_raised(word: OcrWord, base: float, tall: float) -> bool:
    """Return True when a word is a raised marker: a label's form, above the baseline, smaller than letters."""
    return (word.bottom - base > RAISE * tall and word.top - word.bottom < RAISED_TALL * tall
            and bool(MARKER_WORD_RE.match(word.text)))


def font_size(tall: float) -> float:
    """Return the font size of letters `tall` points high, to SIZE_STEP."""
    return max(SIZE_STEP, round(tall / LETTER_HEIGHT / SIZE_STEP) * SIZE_STEP)


def _line_run(line: list[OcrWord]) -> Run | None:
    """Return an OCR line as a run of glyphs on its baseline, a printed space between words."""
    if not line:
        return None
    base, tall = line_base(line) if len(line) > 1 else (line[0].bottom, max(line[0].top - line[0].bottom, 1.0))
    size = font_size(tall)
    y0, y1 = base - DESCENT * size, base + (1 - DESCENT) * size
    glyphs: list[Glyph] = []
    for k, word in enumerate(line):
        if k:
            glyphs.append((" ", line[k - 1].right, y0, max(word.left, line[k - 1].right), y1, size))
        if len(line) > 1 and is_raised(word, base, tall):
            small = min(0.75 * size, font_size(word.top - word.bottom))
            glyphs.extend(_word_glyphs(word, word.bottom - DESCENT * small, small))
        else:
            glyphs.extend(_word_glyphs(word, y0, size))
    return Run(glyphs, y0, y1, size, line[0].left, line[-1].right, spaced=True)


def _word_glyphs(word: OcrWord, bottom: float, size: float) -> Iterable[Glyph]:
    """Return the word's letters as glyphs that share its box evenly, on the band from `bottom`.

    The engine gives a right-to-left word's letters in reading order; a PDF's glyphs stand in visual
    order, left to right, and assemble puts such a line back in reading order: the letters are turned.
    """
    text = word.text[::-1] if RTL_RE.search(word.text) else word.text
    step = (word.right - word.left) / len(text)
    top = bottom + size
    return [(ch, word.left + i * step, bottom, word.left + (i + 1) * step, top, size)
            for i, ch in enumerate(text)]


# --- Rules -----------------------------------------------------------------------------------------------


def find_rules(image: Image.Image, dpi: float) -> list[tuple[float, float, float, float]]:
    """Return the thin horizontal lines of a page image (left, bottom, right, top in points), as wide as a
    footnote rule can be (RULE_WIDTH_PT), no thicker than IMAGE_RULE_MAX_PT, with paper above and below.

    Each pixel row is cut into blocks of a twelfth of an inch and each block's mean grey taken (the noise of a
    copy averages out): a run of dark blocks (RULE_DARK) in successive rows, paper around it, is a line.
    """
    block = max(1, round(dpi / 12))
    paper, ink = grey_levels(image)
    means = image.reduce((block, 1))
    width, height = means.size
    data = means.tobytes()
    need = max(2, int(RULE_WIDTH_PT[0] * dpi / 72 / block) - 1)
    dark = round(paper - RULE_DARK * (paper - ink))
    found = re.compile(b"[\\x00-" + re.escape(bytes([dark])) + b"]{%d,}" % need)
    spans: list[tuple[int, int, int]] = []  # (pixel row, first block, last block + 1)
    for y in range(height):
        row = y * width  # finditer gives offsets in the whole image: blocks count from the row's start
        spans.extend((y, m.start() - row, m.end() - row) for m in found.finditer(data, row, row + width))
    light = paper - RULE_PAPER * (paper - ink)
    clears = [max(1, round(pt * dpi / 72)) for pt in RULE_CLEAR_PT]
    return [box for group in _rule_groups(spans) if (box := _rule_box(group, block, dpi, image.height))
            and all(_paper_around(data, width, height, group, clear, light) for clear in clears)]


#: The ink's grey is that of the page's darkest pixels, this share of them: a page of two lines of print has 0.2 %.
INK_RANK = 0.001


def grey_levels(image: Image.Image) -> tuple[int, int]:
    """Return the page's paper and ink greys: its median pixel, and its darkest (INK_RANK); (PAPER, INK) where
    the two are closer than MIN_CONTRAST."""
    counts = image.histogram()[:256]
    total = sum(counts)
    paper, ink = _percentile(counts, 0.5 * total), _percentile(counts, INK_RANK * total)
    return (paper, ink) if paper - ink >= MIN_CONTRAST else (PAPER, INK)


def _percentile(counts: list[int], rank: float) -> int:
    """Return the grey at `rank` pixels from the darkest, by the image's histogram."""
    seen = 0
    for grey, n in enumerate(counts):
        seen += n
        if seen >= rank:
            return grey
    return 255


Span = tuple[int, int, int]


def _rule_groups(spans: list[Span]) -> list[list[Span]]:
    """Return the runs of dark blocks grouped where they stand in successive pixel rows, overlapping across."""
    groups: list[list[Span]] = []
    for span in spans:
        y, a, b = span
        prev = next((g for g in reversed(groups[-4:]) if g[-1][0] >= y - 1 and g[-1][1] < b and a < g[-1][2]), None)
        if prev is None:
            groups.append([span])
        else:
            prev.append(span)
    return groups


def _rule_box(group: list[Span], block: int, dpi: float, image_height: int) -> tuple[float, float, float, float] | None:
    """Return the box (points) of a group of dark runs when it is a rule's: thin (IMAGE_RULE_MAX_PT) and as
    wide as RULE_WIDTH_PT; else None."""
    scale = 72.0 / dpi
    top, bottom = group[0][0], group[-1][0] + 1
    left, right = min(s[1] for s in group) * block, max(s[2] for s in group) * block
    box = (left * scale, (image_height - bottom) * scale, right * scale, (image_height - top) * scale)
    if (bottom - top) * scale <= IMAGE_RULE_MAX_PT and RULE_WIDTH_PT[0] <= box[2] - box[0] <= RULE_WIDTH_PT[1]:
        return box
    return None


def _paper_around(data: bytes, width: int, height: int, group: list[Span], clear: int, light: float) -> bool:
    """Return True when the pixel rows `clear` above and below a group of dark runs are paper along it (their
    blocks' mean grey above `light`): a rule stands alone, a row through letters has letters around it."""
    first, last = min(s[1] for s in group), max(s[2] for s in group)
    for y in (group[0][0] - clear, group[-1][0] + clear):
        if 0 <= y < height:
            stretch = data[y * width + first: y * width + last]
            if sum(stretch) < light * len(stretch):
                return False
    return True
