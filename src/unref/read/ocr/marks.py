"""read.ocr.marks: a note's label at the start of its line under the footnote rule, where the engine missed it.

In the footnote area a note opens with its label, a figure raised and smaller than the note's 8-point text
("¹ See, for example, ..."): at 300 dpi it is a blob of ink some 15 pixels tall, and the engine often reads
no word there at all, or takes it for a line of its own ("nN" for a raised "2"). The layout code tells the
footnote area by its first line's label (read.pdf.labels: the rule's notes start with one), and the notes
stage links each note to its marker by it: without it the notes run into the body.

So on a page with a rule, each line under it that starts near the rule's left end (where notes start) is
looked at in the image: the ink just left of its first word, within LABEL_REACH, is read on its own with the
label reader (engine.read_label, figures and asterisks only); where it reads as a label, that is the line's
first word, and any word the engine had read from that ink goes. A line with nothing at its left (a note's
second line, indented) costs one look at a strip of paper.
"""

from __future__ import annotations

from PIL import ImageFilter

from unref.read.ocr.engine import LABEL_RE, PageImage, read_label
from unref.read.ocr.page import grey_levels
from unref.read.ocr.words import OcrWord

Box = tuple[float, float, float, float]
#: A note's first line starts this far right of the rule's left end at most (points; the rule and the notes share
#: the text's left margin, the label hangs in the indent: 117 against 100 in the gold PDFs).
RULE_REACH = 30.0
#: The label stands within this many points left of the note's first word (one or two figures and a space).
LABEL_REACH = 14.0
#: Ink less tall than this (points) or less wide than MIN_INK_WIDTH is a speck, not a figure (a raised "1" of a
#: note's label is some 3 points tall and 1 wide).
MIN_INK_HEIGHT = 2.0
MIN_INK_WIDTH = 0.5


def note_labels(page: PageImage, words: list[OcrWord], rules: list[Box]) -> list[OcrWord]:
    """Return the page's words (set straight, as the page) with labels read again where the engine misread them
    (`relabel_line_starts`) and read where it missed them (`add_note_labels`)."""
    paper, ink = grey_levels(page.image)
    cut = (paper + ink) // 2
    return add_note_labels(page, relabel_line_starts(page, words, cut), rules, cut)


def add_note_labels(page: PageImage, words: list[OcrWord], rules: list[Box], cut: int) -> list[OcrWord]:
    """Return the page's words with the labels the engine missed at the start of note lines (see the module)."""
    floor = note_rules(rules, page.size_pt[1])
    if not floor:
        return words
    out = list(words)
    for first in _line_starts(words):
        if not any(starts_under(first, rule) for rule in floor):
            continue
        found = _label_left_of(page, first, cut)
        if found is not None:
            label, box = found
            covered = [w for w in out if w is not first and _inside(w, box)]
            out = [w for w in out if w not in covered]
            out.insert(out.index(first), OcrWord(label, *box, first.conf, first.line))
    return out


def note_rules(rules: list[Box], height: float) -> list[Box]:
    """Return the rules in the page's lower three quarters, where a footnote rule stands (labels.py's test)."""
    return [r for r in rules if r[3] <= 0.75 * height]


#: What a note's label at the start of a line is misread as: a lone quotation mark (a small raised "1"), or the
#: "?", "!" and ">" the engine reads for small raised figures (a raised "2" read "?", a "5" read ">" on simulated
#: copies).
LINE_START_MARKS = frozenset("'‘’`´?!>")


def relabel_line_starts(page: PageImage, words: list[OcrWord], cut: int) -> list[OcrWord]:
    """Return the words with a lone quotation mark that starts a line read again as a note's label.

    In a footnote area the label stands raised and small before the note ("1 FCCC/CP/1995/7/Add.1"), and the
    engine reads it as "'" or "?"; an opening quotation mark is read glued to its word, never alone before it. The
    mark is read again on its own, enlarged (`read_tiny_label`): a label it reads as replaces it, else it stays.
    """
    firsts = _line_starts(words)
    starts = {id(w) for w in firsts if w.text in LINE_START_MARKS}
    if not starts or len(firsts) < 2:
        return words
    scale, height = page.dpi / 72.0, page.image.height
    out = []
    for w in words:
        if id(w) in starts:
            box = (int(w.left * scale), int(height - w.top * scale), int(w.right * scale) + 1,
                   int(height - w.bottom * scale) + 1)
            text = read_tiny_label(page, box, cut)
            if text is not None:
                w = OcrWord(text, w.left, w.bottom, w.right, w.top, w.conf, w.line)
        out.append(w)
    return out


def _line_starts(words: list[OcrWord]) -> list[OcrWord]:
    """Return the first word (the leftmost) of each of the engine's lines."""
    firsts: dict[int, OcrWord] = {}
    for w in words:
        if w.line not in firsts or w.left < firsts[w.line].left:
            firsts[w.line] = w
    return list(firsts.values())


def starts_under(word: OcrWord, rule: Box) -> bool:
    """Return True when a word stands under a rule and starts near its left end, where notes start."""
    return word.top <= rule[1] and rule[0] - 6 <= word.left <= rule[0] + RULE_REACH


def _inside(word: OcrWord, box: Box) -> bool:
    """Return True when a word's middle stands inside a box (the ink a label was read from)."""
    x, y = (word.left + word.right) / 2, (word.bottom + word.top) / 2
    return box[0] - 1 <= x <= box[2] + 1 and box[1] - 1 <= y <= box[3] + 1


def _label_left_of(page: PageImage, first: OcrWord, cut: int) -> tuple[str, Box] | None:
    """Return (label, its box in points) read from the ink just left of a line's first word, or None."""
    scale = page.dpi / 72.0
    height = page.image.height
    left = max(0, int((first.left - LABEL_REACH) * scale))
    right = int((first.left - 0.5) * scale)
    top, bottom = int(height - (first.top + 2) * scale), int(height - first.bottom * scale) + 1
    if right - left < 2 or bottom - top < 2:
        return None
    # A median of 3 x 3 pixels keeps strokes two pixels wide or more and drops a copy's single specks.
    mask = page.image.crop((left, top, right, bottom)).point(lambda v: 255 if v < cut else 0)
    ink = mask.filter(ImageFilter.MedianFilter(3)).getbbox()
    if ink is None or ink[3] - ink[1] < MIN_INK_HEIGHT * scale or ink[2] - ink[0] < MIN_INK_WIDTH * scale:
        return None
    px = (left + ink[0], top + ink[1], left + ink[2], top + ink[3])
    label = read_tiny_label(page, px, cut)
    if label is None:
        return None
    return label, (px[0] / scale, (height - px[3]) / scale, px[2] / scale, (height - px[1]) / scale)


#: How a tiny label is read, one way after the other until one reads a label: (in black and white?, enlarged so many
#: times). A raised figure 15 pixels tall reads differently each way: on a simulated copy "1" read in black and white
#: (confidence 68-73) and as "7" (18) or nothing in grey; on a generated page "1" in grey at 2 and 4 times (39-46),
#: "7" (1-19) or nothing in black and white. A reading below the label reader's confidence counts as none.
LABEL_TRIES = ((False, 3), (True, 3), (False, 2), (False, 4), (True, 2))


def read_tiny_label(page: PageImage, box: tuple[int, int, int, int], cut: int) -> str | None:
    """Return the label a small mark reads as (LABEL_TRIES), or None."""
    bw: tuple[PageImage, tuple[int, int, int, int]] | None = None
    for black_white, times in LABEL_TRIES:
        if black_white:
            bw = bw or _ink_only(page, box, cut)
            text = read_label(*bw, scale=times)
        else:
            text = read_label(page, box, scale=times)
        if LABEL_RE.match(text):
            return text
    return None


def _ink_only(page: PageImage, box: tuple[int, int, int, int], cut: int) -> tuple[PageImage, tuple[int, int, int, int]]:
    """Return the stretch of the page around a box, ink black and paper white, and the box in it.

    A label a copy blurred and grained is read in black and white: a raised "1" of a simulated copy read as
    nothing in grey, as "1" at confidence 68-73 once its greys are cut at the page's mid-grey.
    """
    margin = box[3] - box[1]
    left, top = max(0, box[0] - margin), max(0, box[1] - margin)
    crop = page.image.crop((left, top, box[2] + margin, box[3] + margin)).point(lambda v: 0 if v < cut else 255)
    return PageImage(crop, page.dpi), (box[0] - left, box[1] - top, box[2] - left, box[3] - top)
