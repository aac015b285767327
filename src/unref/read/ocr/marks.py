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

from PIL import Image, ImageFilter

from unref.read.ocr.engine import LABEL_RE, PageImage, read_label, read_line_label
from unref.read.ocr.page import RAISE, RAISED_TALL, grey_levels, line_base
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
    """Return the page's words (set straight, as the page) with note markers read again where the engine took a
    raised figure for a mark (`raised_marks`), labels read again where it misread them (`relabel_line_starts`) and
    read where it missed them (`add_note_labels`)."""
    paper, ink = grey_levels(page.image)
    cut = (paper + ink) // 2
    faint = round(paper - FAINT_INK * (paper - ink))
    words = raised_marks(page, words, cut, faint)
    return add_note_labels(page, relabel_line_starts(page, words, cut, faint), rules, cut, faint)


#: A small figure's ink is found where the page is this share of the way from paper to ink (its reading keeps the
#: mid-grey cut): a copy's blur leaves a raised "7" of a simulated copy 0.7 points tall at the mid-grey, its whole
#: 3.6 at this share, and a "5" read "4" from its top half reads "5" whole.
FAINT_INK = 0.3
#: A note's raised label stands up to this far above its first word's top (points).
LABEL_RISE = 3.0


def add_note_labels(page: PageImage, words: list[OcrWord], rules: list[Box], cut: int,
                    faint: int | None = None) -> list[OcrWord]:
    """Return the page's words with the labels the engine missed at the start of note lines (see the module); ink is
    found at the `faint` grey (the mid-grey `cut` by default) and read at `cut`."""
    floor = note_rules(rules, page.size_pt[1])
    if not floor:
        return words
    out = list(words)
    for first in _line_starts(words):
        if not any(starts_under(first, rule) for rule in floor):
            continue
        found = _label_left_of(page, first, cut, faint or cut)
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
#: "?", "!", ">", "*" and "°" the engine reads for small raised figures (a raised "2" read "?", a "5" read ">", a
#: "4" read "*" on simulated copies). A true asterisk reads "*" again, and stays. A double quotation mark is no
#: label's reading, but may be a raised "11" (TWO_STROKES).
LINE_START_MARKS = frozenset("'‘’`´?!>*°")


def relabel_line_starts(page: PageImage, words: list[OcrWord], cut: int, faint: int | None = None) -> list[OcrWord]:
    """Return the words with a lone quotation mark that starts a line read again as a note's label.

    In a footnote area the label stands raised and small before the note ("1 FCCC/CP/1995/7/Add.1"), and the
    engine reads it as "'" or "?"; an opening quotation mark is read glued to its word, never alone before it. The
    mark is read again on its own, enlarged (`read_tiny_label`): a label it reads as replaces it, else it stays.
    """
    firsts = _line_starts(words)
    starts = {id(w) for w in firsts if w.text in LINE_START_MARKS or w.text in TWO_STROKES}
    if not starts or len(firsts) < 2:
        return words
    scale, height = page.dpi / 72.0, page.image.height
    out = []
    for w in words:
        if id(w) in starts:
            box = (int(w.left * scale), int(height - w.top * scale), int(w.right * scale) + 1,
                   int(height - w.bottom * scale) + 1)
            tall = _letters_tall(words, w)
            if w.text in TWO_STROKES:
                text = _two_ones(page, w, (cut, faint or cut), tall)
            else:
                text = read_tiny_label(page, box, cut) or _label_around(page, w, (cut, faint or cut), tall)
            if text is not None:
                w = OcrWord(text, w.left, w.bottom, w.right, w.top, w.conf, w.line)
        out.append(w)
    return out


#: How far around the engine's box of a line's first mark its ink is looked for (points): less than the space
#: between a note's label and its first word.
LABEL_PAD = 0.8


def _label_around(page: PageImage, word: OcrWord, cuts: tuple[int, int], tall: float) -> str | None:
    """Return the label the ink around a word's box reads as (LABEL_PAD), or None: the engine's box may hold part of
    the figure only (2 of a "5"'s 3 points, read as ">"). Tried after the box itself, which reads better where it
    holds the whole figure (a "1" read as "1" in its box, as "4" in its ink's). The ink is found and read at the
    mid-grey (`cuts`: mid-grey, faint grey); where it reads as no label, a thin stroke found at the faint grey is a "1"
    (`is_thin_one`; `tall`: the line's letter height, points)."""
    pad = LABEL_PAD
    region = (word.left - pad, word.bottom - pad, word.right + pad, word.top + pad)
    ink = _ink_box(page, region, cuts[0])
    label = read_tiny_label(page, ink, cuts[0]) if ink is not None else None
    if label is not None:
        return label
    faint = _ink_box(page, region, cuts[1])
    if faint is None or not stands_free(page, region, faint):
        return None
    wide = ONE_WIDE_STROKE if word.text in ONE_STROKES else ONE_WIDE
    return "1" if is_thin_one(faint, tall * page.dpi / 72.0, wide) else None


#: What the engine reads for two thin strokes side by side, a raised "11" at a note's start (S/2025/22's note 11 read
#: '"' on a simulated copy): a double quotation mark, which the label readers never take for a label; the ink decides.
TWO_STROKES = frozenset('"“”')


def _two_ones(page: PageImage, word: OcrWord, cuts: tuple[int, int], tall: float) -> str | None:
    """Return "11" where the ink around a double quotation mark that opens a line (found at the faint grey, `cuts`
    [1]) stands free and is two thin strokes as tall as a figure (`_thin_strokes`); else None."""
    pad = LABEL_PAD
    region = (word.left - pad, word.bottom - pad, word.right + pad, word.top + pad)
    ink = _ink_box(page, region, cuts[1])
    if ink is None or not stands_free(page, region, ink):
        return None
    return "11" if _thin_strokes(page, ink, cuts[1], tall) == 2 else None


def _thin_strokes(page: PageImage, box: tuple[int, int, int, int], cut: int, tall: float) -> int:
    """Return how many thin upright strokes the ink of `box` (pixels, ink darker than `cut`) is, each a "1" by
    `is_thin_one` (`tall`: the line's letter height, points), where each of its parts between clear columns is one;
    0 where some part is no thin stroke."""
    parts = ink_columns(page.image.crop(box).point(lambda v: 255 if v < cut else 0))
    height = box[3] - box[1]
    one = all(is_thin_one((a, 0, b, height), tall * page.dpi / 72.0, ONE_WIDE_STROKE) for a, b in parts)
    return len(parts) if one else 0


def ink_columns(mask: Image.Image) -> list[tuple[int, int]]:
    """Return the runs of columns of a black and white mask (ink 255) that hold ink, as [start, end) pairs."""
    width, height = mask.size
    data = mask.tobytes()
    inked = [any(data[y * width + x] for y in range(height)) for x in range(width)]
    runs: list[tuple[int, int]] = []
    for x, ink in enumerate(inked):
        if ink and (not runs or runs[-1][1] != x):
            runs.append((x, x + 1))
        elif ink:
            runs[-1] = (runs[-1][0], x + 1)
    return runs


#: A note's label "1" is one thin upright stroke, which the label readers may read as nothing at every try (a raised
#: "1" of 4 x 16 pixels under S/2025/260's rule on a simulated copy): ink at a label's place that is at most ONE_WIDE
#: as wide as it is tall (that "1" 0.25 with its blur; "2" to "9" and "*" 0.4-0.7) and at least ONE_TALL of the height
#: of its line's letters (a quotation mark's ink stands 0.3 of it, a raised figure's 0.55-0.8) is a "1" where no reader
#: read a label. Where the engine read the mark as one stroke too (ONE_STROKES: a quotation mark, "!"), the ink may be
#: as wide as ONE_WIDE_STROKE (a "1" read "'" under A/80/141's rule: 7 x 17 pixels, its foot serif blurred; a marker
#: "1" read "Himalaya!" above it).
ONE_WIDE = 0.3
ONE_WIDE_STROKE = 0.45
ONE_TALL = 0.5
ONE_STROKES = frozenset("'‘’`´!")


def read_ink_label(page: PageImage, box: tuple[int, int, int, int], cut: int, tall: float,
                   wide: float = ONE_WIDE) -> str | None:
    """Return the label the ink `box` (pixels) at a note label's place reads as (`read_tiny_label`), else "1" where
    the ink is one thin stroke as tall as a figure (`is_thin_one` with `wide`; `tall`: the line's letter height,
    points; 0 where the ink is no figure's, as a line drawn across its region: `stands_free`)."""
    label = read_tiny_label(page, box, cut)
    if label is None and tall > 0 and is_thin_one(box, tall * page.dpi / 72.0, wide):
        return "1"
    return label


def is_thin_one(box: tuple[int, int, int, int], tall: float, wide: float = ONE_WIDE) -> bool:
    """Return True when ink of this box (pixels) is a figure "1": narrow (`wide` of its height at most), as tall as a
    figure (ONE_TALL of `tall`, the line's letter height in pixels) and no taller than a raised one (page.RAISED_TALL:
    a table's border beside a cell is taller than the cell's letters)."""
    width, height = box[2] - box[0], box[3] - box[1]
    return width <= wide * height and ONE_TALL * tall <= height <= RAISED_TALL * tall


def stands_free(page: PageImage, region: Box, box: tuple[int, int, int, int]) -> bool:
    """Return True when ink (`box`, pixels) found in a region (points) stands clear of the region's top and bottom: a
    figure stands in it; a line drawn across it (a table's border) is cut by it."""
    scale, height = page.dpi / 72.0, page.image.height
    top, bottom = max(0, int(height - region[3] * scale)), int(height - region[1] * scale) + 1
    return box[1] > top and box[3] < bottom


def _letters_tall(words: list[OcrWord], mark: OcrWord) -> float:
    """Return the height of the letters of a mark's line (page.line_base of its other words); where it has none,
    no height (infinite): a mark alone on its line is read by the readers only."""
    others = [w for w in words if w.line == mark.line and w is not mark]
    return line_base(others)[1] if others else float("inf")


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


def _label_left_of(page: PageImage, first: OcrWord, cut: int, faint: int) -> tuple[str, Box] | None:
    """Return (label, its box in points) read from the ink just left of a line's first word, or None."""
    scale = page.dpi / 72.0
    height = page.image.height
    region = (first.left - LABEL_REACH, first.bottom, first.left - 0.5, first.top + LABEL_RISE)
    px = _ink_box(page, region, faint)
    if px is None:
        return None
    label = read_ink_label(page, px, cut, first.top - first.bottom if stands_free(page, region, px) else 0.0)
    if label is None:
        return None
    return label, (px[0] / scale, (height - px[3]) / scale, px[2] / scale, (height - px[1]) / scale)


#: How a tiny label is read, one way after the other until one reads a label: (in black and white?, enlarged so many
#: times). A raised figure 15 pixels tall reads differently each way: on a simulated copy "1" read in black and white
#: (confidence 68-73) and as "7" (18) or nothing in grey; on a generated page "1" in grey at 2 and 4 times (39-46),
#: "7" (1-19) or nothing in black and white. A reading below the label reader's confidence counts as none.
LABEL_TRIES = ((False, 3), (True, 3), (False, 2), (False, 4), (True, 2))
#: Then, where none of those reads a label, the same with the engine that reads a line (engine.read_line_label): a
#: raised "5" of a simulated copy, read as nothing or "3" (31) as a word, reads "5" at 96 in grey at 2 and 3 times.
LINE_LABEL_TRIES = ((False, 2), (False, 3), (True, 2))


def read_tiny_label(page: PageImage, box: tuple[int, int, int, int], cut: int) -> str | None:
    """Return the label a small mark reads as (LABEL_TRIES, then LINE_LABEL_TRIES), or None."""
    bw: tuple[PageImage, tuple[int, int, int, int]] | None = None
    for k, (black_white, times) in enumerate(LABEL_TRIES + LINE_LABEL_TRIES):
        reader = read_label if k < len(LABEL_TRIES) else read_line_label
        if black_white:
            bw = bw or _ink_only(page, box, cut)
            text = reader(*bw, scale=times)
        else:
            text = reader(page, box, scale=times)
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


# --- Raised markers read as marks ------------------------------------------------------------------------------

#: What the engine reads for a note's small raised figure after a word, glued to it or alone: "War.!", "bodies. *",
#: "Azerbaijanis.°" (a "1", a "3" and a "5" on a simulated copy). A quotation mark is not among them: a closing one
#: stands as high as a marker, and reads as a figure too readily.
MARK_MISREADS = frozenset("!*°?>^")
#: What a glued marker follows: a letter, a stop, a bracket or a closing quotation mark (a "°" after a figure is a
#: degree).
_BEFORE_MARK = frozenset(".,;:)]”’\"'")


#: A closing quotation mark glued after a word may be a raised figure too ("region’" for a "2", "mines”.”" for a "7"),
#: but only where its ink is as tall as a figure's (FIGURE_TALL of the line's letter height): a quotation mark's is
#: 0.3 of it, a raised figure's 0.55-0.65 (simulated copy of A/79/843).
QUOTE_MISREADS = frozenset("’”\"'")
FIGURE_TALL = 0.45


def misread_mark(text: str, first: bool) -> int:
    """Return how many characters at the end of a word may be a note's raised figure misread as a mark (0: none):
    a word of one or two such marks that does not start its line (a note's label there is `relabel_line_starts`'s),
    or one mark (or closing quotation mark: QUOTE_MISREADS) glued after a letter, a stop, a bracket or a closing
    quotation mark."""
    if not first and len(text) <= 2 and all(c in MARK_MISREADS for c in text):
        return len(text)
    glued = text[-1:] in MARK_MISREADS or text[-1:] in QUOTE_MISREADS
    if len(text) >= 2 and glued and (text[-2].isalpha() or text[-2] in _BEFORE_MARK):
        return 1
    return 0


def raised_marks(page: PageImage, words: list[OcrWord], cut: int, faint: int | None = None) -> list[OcrWord]:
    """Return the words with each mark that may be a misread marker (`misread_mark`) read again from the image where
    its ink stands raised and small above its line (page.RAISE, page.RAISED_TALL): a figure it reads as becomes a
    word of its own, with the ink's box, so that the page builder sets it raised as a PDF's superscript. A true "!"
    or "?" stands on the baseline, and is left. Ink is found at the `faint` grey (the mid-grey `cut` by default)."""
    lines: dict[int, list[OcrWord]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    replaced: dict[int, list[OcrWord]] = {}
    for line in lines.values():
        for k, w in enumerate(line):
            n = misread_mark(w.text, k == 0)
            others = [o for o in line if o is not w]
            if n and len(others) >= 2:
                found = _raised_label(page, w, n, others, (cut, faint or cut))
                if found is not None:
                    replaced[id(w)] = found
    if not replaced:
        return words
    return [x for w in words for x in replaced.get(id(w), [w])]


def _raised_label(page: PageImage, word: OcrWord, n: int, others: list[OcrWord],
                  cuts: tuple[int, int]) -> list[OcrWord] | None:
    """Return the word as its head and the label its last `n` characters read as, when their ink stands raised
    above the line of `others` and reads as a figure; else None. The ink is found at the mid-grey, then, where that
    gives no figure, at the faint grey (`cuts`: a blurred figure is found whole; a slot's faint ink may reach the
    letter before it, so it is tried second); it is read at the mid-grey."""
    base, tall = line_base(others)
    left = word.left if n == len(word.text) else word.right - 0.8 * (word.right - word.left) / len(word.text)
    region = (left - 0.5, base - 0.1 * tall, word.right + 0.5, base + 1.3 * tall)
    for ink_cut in dict.fromkeys(cuts):
        box = _ink_box(page, region, ink_cut)
        found = _raised_figure(page, box, word, (base, tall), cuts[0]) if box is not None else None
        if found is None and box is not None and _apart(word, n):
            last = last_part(page, box, ink_cut)
            found = _raised_figure(page, last, word, (base, tall), cuts[0]) if last is not None else None
        if found is not None:
            return [found] if n == len(word.text) else [_head(word, n, found), found]
    return None


def _apart(word: OcrWord, n: int) -> bool:
    """Return True when a glued mark's ink may be looked for apart from the letter before it (`last_part`): a mark
    misread (MARK_MISREADS), or a quotation mark after a stop or a bracket ("Succession.’" for a raised "7"); after
    a letter a quotation mark is the word's own ("Stakeholders’", whose apostrophe in a title's large print is as
    tall as a figure)."""
    if n >= len(word.text):
        return False
    return word.text[-1] in MARK_MISREADS or word.text[-2] in _BEFORE_MARK


def last_part(page: PageImage, box: tuple[int, int, int, int], cut: int) -> tuple[int, int, int, int] | None:
    """Return the box (pixels) of the last run of inked columns of an ink box, where it has more than one: the
    engine's box of a glued mark ("Himalaya!" for a raised "1") is a share of its word's, and the region looked at
    may hold the end of the letter before it, standing on the baseline; the figure stands apart to its right. Specks
    are dropped as in `_ink_box`."""
    mask = page.image.crop(box).point(lambda v: 255 if v < cut else 0).filter(ImageFilter.MedianFilter(3))
    parts = ink_columns(mask)
    if len(parts) < 2:
        return None
    a, b = parts[-1]
    ink = mask.crop((a, 0, b, mask.height)).getbbox()
    if ink is None:
        return None
    return box[0] + a, box[1] + ink[1], box[0] + b, box[1] + ink[3]


def _raised_figure(page: PageImage, box: tuple[int, int, int, int], word: OcrWord, line: tuple[float, float],
                   cut: int) -> OcrWord | None:
    """Return the figure an ink box (pixels) reads as, as a word of `word`'s line, when it stands raised and small
    above the line (`line`: its baseline and letter height); else None."""
    base, tall = line
    scale, height = page.dpi / 72.0, page.image.height
    bottom, top = (height - box[3]) / scale, (height - box[1]) / scale
    if bottom - base <= RAISE * tall or top - bottom >= RAISED_TALL * tall:
        return None
    if word.text[-1] in QUOTE_MISREADS and top - bottom < FIGURE_TALL * tall:
        return None  # a quotation mark's ink: short
    wide = ONE_WIDE_STROKE if word.text[-1] in ONE_STROKES else ONE_WIDE
    label = read_ink_label(page, box, cut, tall, wide)
    if label is None or not label.isdigit():
        return None
    return OcrWord(label, box[0] / scale, bottom, box[2] / scale, top, word.conf, word.line)


def _head(word: OcrWord, n: int, mark: OcrWord) -> OcrWord:
    """Return the word without its last `n` characters (read as `mark`), its box ending where the mark starts."""
    return OcrWord(word.text[:-n], word.left, word.bottom, min(word.right, mark.left), word.top, word.conf, word.line)


def _ink_box(page: PageImage, region: Box, cut: int) -> tuple[int, int, int, int] | None:
    """Return the box (pixels) of the ink (darker than `cut`) in a region of the page (points), specks dropped (a
    median of 3 x 3 pixels keeps strokes two pixels wide or more and drops a copy's single specks), or None."""
    scale, height = page.dpi / 72.0, page.image.height
    left, top = max(0, int(region[0] * scale)), max(0, int(height - region[3] * scale))
    right, bottom = int(region[2] * scale) + 1, int(height - region[1] * scale) + 1
    if right - left < 2 or bottom - top < 2:
        return None
    mask = page.image.crop((left, top, right, bottom)).point(lambda v: 255 if v < cut else 0)
    ink = mask.filter(ImageFilter.MedianFilter(3)).getbbox()
    if ink is None or ink[3] - ink[1] < MIN_INK_HEIGHT * scale or ink[2] - ink[0] < MIN_INK_WIDTH * scale:
        return None
    return left + ink[0], top + ink[1], left + ink[2], top + ink[3]
