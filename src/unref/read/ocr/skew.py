"""read.ocr.skew: a skewed scan's words and rules set straight, as the page was printed.

A photocopy or a scan is skewed by a degree or so. Tesseract reads the lines of a skewed page, but gives
each word's box as the upright box around its tilted ink, in the frame of the skewed image: across a page
of 700 points a skew of 1.5 degrees moves the left margin by 18 points from top to bottom, a word 100
points wide stands 2.6 points taller than its letters, and the footnote rule, a thin line 72 points wide,
is no longer one row of pixels. Indents, font sizes (from word heights) and the rule are what the PDF
layout code reads the page by (labels.py: the footnote area under its rule, its smaller text), so the
page's skew is measured from its own lines (`page_slope`) and undone on the words (`deskew_words`) and on
the image the rules are found in (`straighten`). The engine's words stay as it read them in the cache.

A page skewed less than MIN_SLOPE is left as it is: at that slope nothing moves by a point.
"""

from __future__ import annotations

import math
import statistics

from PIL import Image

from unref.read.ocr.words import OcrWord

#: The steepest skew measured (pixels down per pixel across, about 3 degrees): a steeper fit comes of a line's few
#: words, not of the page.
MAX_SLOPE = 0.05
#: Below this slope (about 0.1 degree) a page is straight enough: across a line of 470 points its ends differ by
#: less than a point.
MIN_SLOPE = 0.002
#: A line tells the skew when it has this many words...
LINE_WORDS = 4
#: ...spread over this many points across (a short line's slope is mostly the noise of its words' boxes).
LINE_SPAN = 150.0
#: A page's skew is measured when this many lines tell it.
MIN_LINES = 3


def line_slope(line: list[OcrWord]) -> float | None:
    """Return the slope of a line of words (left to right), or None when it is too short to tell.

    The median middle height of the words of the line's right half against its left half: a word's middle
    is moved less than its bottom by descenders, and medians keep out a raised marker or a big initial.
    """
    if len(line) < LINE_WORDS:
        return None
    ordered = sorted(line, key=lambda w: w.left + w.right)
    half = len(ordered) // 2
    left, right = ordered[:half], ordered[half:]
    x0 = statistics.median((w.left + w.right) / 2 for w in left)
    x1 = statistics.median((w.left + w.right) / 2 for w in right)
    if x1 - x0 < LINE_SPAN / 2:
        return None
    y0 = statistics.median((w.bottom + w.top) / 2 for w in left)
    y1 = statistics.median((w.bottom + w.top) / 2 for w in right)
    return (y1 - y0) / (x1 - x0)


def page_slope(words: list[OcrWord]) -> float:
    """Return the page's skew as the slope of its lines (points up per point across; 0 when its lines do not
    tell, or when it is less than MIN_SLOPE): the median of its long lines' slopes, held to MAX_SLOPE."""
    lines: dict[int, list[OcrWord]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    slopes = [s for line in lines.values() if _spread(line) >= LINE_SPAN and (s := line_slope(line)) is not None]
    if len(slopes) < MIN_LINES:
        return 0.0
    slope = max(-MAX_SLOPE, min(MAX_SLOPE, statistics.median(slopes)))
    return slope if abs(slope) >= MIN_SLOPE else 0.0


def _spread(line: list[OcrWord]) -> float:
    """Return how far a line's words reach across (points)."""
    return max(w.right for w in line) - min(w.left for w in line)


def deskew_words(words: list[OcrWord], slope: float, width: float, height: float) -> list[OcrWord]:
    """Return the words of a page skewed by `slope` as they stand on the page set straight (turned back about
    the page's middle, as `straighten` turns the image), each box the size of the word's letters."""
    if not slope:
        return words
    theta = math.atan(slope)
    cos, sin = math.cos(theta), math.sin(theta)
    cx, cy = width / 2, height / 2
    return [_straight_word(w, cos, sin, cx, cy) for w in words]


def _straight_word(word: OcrWord, cos: float, sin: float, cx: float, cy: float) -> OcrWord:
    """Return a word turned back by the angle of (cos, sin) about (cx, cy), its box shrunk to its letters.

    The upright box (W x H) around a word's letters (w x h) turned by t has W = w cos t + h sin|t| and
    H = w sin|t| + h cos t: solved for w and h, and kept at no less than half of what the box shows.
    """
    big_w, big_h = word.right - word.left, word.top - word.bottom
    a = abs(sin)
    denom = cos * cos - a * a
    w = max(big_w / 2, (big_w * cos - big_h * a) / denom)
    h = max(big_h / 2, (big_h * cos - big_w * a) / denom)
    dx, dy = (word.left + word.right) / 2 - cx, (word.bottom + word.top) / 2 - cy
    x, y = cx + dx * cos + dy * sin, cy - dx * sin + dy * cos
    return OcrWord(word.text, round(x - w / 2, 2), round(y - h / 2, 2), round(x + w / 2, 2), round(y + h / 2, 2),
                   word.conf, word.line)


def straighten(image: Image.Image, slope: float) -> Image.Image:
    """Return a page image skewed by `slope` turned back straight about its middle (the paper's grey fills
    the corners: white, as no rule is looked for there)."""
    if not slope:
        return image
    return image.rotate(-math.degrees(math.atan(slope)), resample=Image.Resampling.NEAREST, fillcolor=255)
