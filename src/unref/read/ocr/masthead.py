"""read.ocr.masthead: the document symbol printed large at the top right of a first page, read again.

A UN masthead prints the document's symbol right of "United Nations", its series letters in large type and the
rest in small type: "A" 20 points over "/79/769-", "S" over "/2025/76". The engine finds one text line in the
two sizes and misreads where they meet: "Av/79/769-9/2025/76" at confidence 0, "S" and "2025/68" as two words
(the slash lost), "Avso/i41" (simulated copies of the gold set at 300 dpi: 22 of 45 first pages lost their
symbol so). Cut out of the page with its large letters set to the small type's size, the same ink reads right.

So where the engine's words in the symbol's zone (`symbol_zone`: the top band right of "United Nations") do not
parse as symbols, the zone is cut out, set straight (the page's skew), cut above the masthead's rule, its large
letters scaled down to the small type's height on its baseline (`even_sizes`), and read as one line with
English data (a symbol is in Latin letters whatever the document's language). The symbol grammar decides
(`symbol_text`): a reading whose every part parses as a UN symbol (a dash joins a joint document's symbols),
after the OCR repair of digits read as letters, replaces the zone's words; else they stay as the engine read them.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass
from itertools import pairwise

from PIL import Image

from unref.read.ocr.engine import PageImage, line_api
from unref.read.ocr.page import MASTHEAD_ZONE, grey_levels
from unref.read.ocr.repairs import repaired_symbol
from unref.read.ocr.skew import page_slope
from unref.read.ocr.words import OcrWord, box_of, spread
from unref.symbols import try_parse

#: The emblem's name as the masthead's first line prints it: its last word, after the word before it.
UN_NAMES = {"Nations": "United", "Unies": "Nations", "Unidas": "Naciones", "Наций": "Объединенных"}
#: The symbol's zone, in heights of the name's words: from this far right of the name to the page's right margin...
ZONE_GAP = 2.0
ZONE_MARGIN_PT = 10.0
#: ...from this far below the name's bottom (the small type's baseline stands up to 5 points under the name's;
#: the rule under the masthead 7 points under that: `cut_rule` cuts it off)...
ZONE_BELOW = 1.2
#: ...to this far above its top (the large letters stand 4 to 6 points above it).
ZONE_ABOVE = 1.3
#: A pixel row is the rule's where this share of the zone's width is darker than RULE_GREY of the way from paper to
#: ink (the rule of a blurred copy is grey; set straight by the page's mean skew, it still spreads over a few rows)...
RULE_SHARE = 0.25
RULE_GREY = 0.35
#: ...and the zone is cut this many pixels above the rule's first row (its blurred edge).
RULE_EDGE_PX = 3
#: A glyph is the large type's when it stands this many times as tall as the zone's median glyph (20 over 10
#: points: 1.9-2.1 times; a bracket or a slash of the small type stands 1.2-1.3 times).
LARGE = 1.5
#: Glyphs lower than this (pixels) are the hyphen, a stop or specks: kept, not measured.
MIN_GLYPH_PX = 4
#: The zone is read at these scales, the next only where the one before gave no symbol.
SCALES = (1, 2)


@dataclass(frozen=True, slots=True)
class Zone:
    """The symbol's zone in page points (origin bottom left), and the line its words stand on."""

    left: float
    bottom: float
    right: float
    top: float

    def holds(self, word: OcrWord) -> bool:
        """Return True when the word's middle stands in the zone."""
        x, y = (word.left + word.right) / 2, (word.bottom + word.top) / 2
        return self.left <= x <= self.right and self.bottom <= y <= self.top


def masthead_name(words: list[OcrWord], width: float, height: float) -> OcrWord | None:
    """Return the last word of "United Nations" (or its French, Spanish, Russian name) at the masthead's top: the
    highest such word in the page's top band (MASTHEAD_ZONE), in its left half, after the name's first word."""
    found = [w for prev, w in pairwise(words)
             if UN_NAMES.get(w.text) == prev.text and prev.line == w.line
             and w.bottom > (1 - MASTHEAD_ZONE) * height and w.right < width / 2]
    return max(found, key=lambda w: w.top, default=None)


def symbol_zone(name: OcrWord, width: float) -> Zone:
    """Return the zone right of the masthead's name where the symbol stands (ZONE_GAP, ZONE_BELOW, ZONE_ABOVE)."""
    h = name.top - name.bottom
    return Zone(name.right + ZONE_GAP * h, name.bottom - ZONE_BELOW * h, width - ZONE_MARGIN_PT,
                name.top + ZONE_ABOVE * h)


_PARTS_RE = re.compile(r"\s*[-–—]\s*(?=[A-Z]+/)")


def symbol_text(reading: str, specks: bool = True) -> str | None:
    """Return a reading as the symbols it spells ("A/79/769-S/2025/76", "S/RES/2781 (2025)"), or None when a part
    does not parse as a UN symbol, as read or after the OCR repair of digits read as letters ("$/2025/31").

    With `specks`, the reading starts at its first word with a slash (specks of the zone's paper read before it
    are dropped: the zone's image holds nothing else); the engine's reading of the page must spell symbols with
    all its words ("Are" "S/78/323" is no reading of "A/RES/78/323"). Spaces inside a reading are the engine's,
    save the one before a resolution's year."""
    words = reading.split()
    start = next((k for k, w in enumerate(words) if "/" in w), None)
    if start is None or (start and not specks):
        return None
    text = re.sub(r"\s+(?!\()", "", " ".join(words[start:]))
    parts = [_symbol_part(p) for p in _PARTS_RE.split(text)]
    return None if any(p is None for p in parts) else "-".join(p for p in parts if p)


def _symbol_part(part: str) -> str | None:
    """Return one symbol of a reading as it parses, or repaired (repairs.repaired_symbol); None when neither."""
    if try_parse(part) is not None:
        return part
    return repaired_symbol(part)


def reread_symbol(page: PageImage, words: list[OcrWord]) -> list[OcrWord]:
    """Return a page's words with the masthead's symbol read again where the engine's reading spells none."""
    width, height = page.size_pt
    name = masthead_name(words, width, height)
    if name is None:
        return words
    zone = symbol_zone(name, width)
    old = [w for w in words if zone.holds(w)]
    if old and symbol_text(" ".join(w.text for w in old), specks=False) is not None:
        return words
    text = read_zone(page, zone, page_slope(words))
    if text is None:
        return words
    return _replaced(words, old, zone, name, text)


def _replaced(words: list[OcrWord], old: list[OcrWord], zone: Zone, name: OcrWord, text: str) -> list[OcrWord]:
    """Return the words with the zone's old ones replaced by the symbols read (where the first of them stood, else
    after the name), in the box the old ones took (else the zone's middle)."""
    box = box_of(old) if old else (zone.left, name.bottom, zone.right, name.top)
    new = spread(text.split(" "), box, old[0].line if old else name.line, SYMBOL_CONFIDENCE)
    gone = {id(w) for w in old}
    at = words.index(old[0]) if old else words.index(name) + 1
    kept = [w for w in words[:at] if id(w) not in gone]
    return kept + new + [w for w in words[at:] if id(w) not in gone]


#: The confidence a symbol read again is given: the grammar vouches for it, not the engine.
SYMBOL_CONFIDENCE = 90.0


# --- The zone's image -------------------------------------------------------------------------------------------


def read_zone(page: PageImage, zone: Zone, slope: float) -> str | None:
    """Return the symbols the zone's image spells, its large letters set to the small type's size, read as one
    line at each of SCALES until one reading parses (`symbol_text`); None when none does."""
    image = even_sizes(zone_image(page, zone, slope))
    if image is None:
        return None
    api = line_api("eng")
    for scale in SCALES:
        scaled = image if scale == 1 else image.resize((image.width * scale, image.height * scale),
                                                        Image.Resampling.BICUBIC)
        api.SetImage(scaled)
        api.SetSourceResolution(round(page.dpi * scale))
        try:
            text = symbol_text(str(api.GetUTF8Text()).strip())
        finally:
            api.Clear()
        if text is not None:
            return text
    return None


def zone_image(page: PageImage, zone: Zone, slope: float) -> Image.Image:
    """Return the zone cut out of the page image, set straight by the page's skew and cut above the rule."""
    return cut_rule(straight_crop(page, zone, slope))


def straight_crop(page: PageImage, zone: Zone, slope: float) -> Image.Image:
    """Return the zone cut out of the page image and set straight by the page's skew."""
    scale = page.dpi / 72.0
    height = page.image.height
    box = (max(0, int(zone.left * scale)), max(0, int(height - zone.top * scale)),
           min(page.image.width, int(zone.right * scale)), min(height, int(height - zone.bottom * scale)))
    crop = page.image.crop(box)
    if slope and crop.width and crop.height:
        paper, _ = grey_levels(crop)
        crop = crop.rotate(-math.degrees(math.atan(slope)), resample=Image.Resampling.BICUBIC, fillcolor=paper)
    return crop


def cut_rule(crop: Image.Image) -> Image.Image:
    """Return the zone cut RULE_EDGE_PX above the first row in its lower two thirds that is the rule's (RULE_SHARE
    of its width darker than RULE_GREY): the masthead's rule under the symbol would join its glyphs into one."""
    paper, ink = grey_levels(crop)
    light = paper - RULE_GREY * (paper - ink)
    dark = crop.point([255 if v < light else 0 for v in range(256)]).tobytes()
    w, h = crop.size
    for y in range(h // 3, h):
        if dark.count(255, y * w, (y + 1) * w) > RULE_SHARE * w:
            return crop.crop((0, 0, w, max(1, y - RULE_EDGE_PX)))
    return crop


Glyph = tuple[int, int, int, int]  # first column, column past the last, top row, row past the bottom


def glyphs(crop: Image.Image) -> list[Glyph]:
    """Return the zone's glyphs as runs of columns that hold ink (midway between paper and ink), with the rows
    their ink spans: a glyph of the large type and the slash it touches make one."""
    paper, ink = grey_levels(crop)
    mid = (paper + ink) / 2
    inked = crop.point([255 if v < mid else 0 for v in range(256)])
    w, h = crop.size
    spans = [inked.crop((x, 0, x + 1, h)).getbbox() for x in range(w)]
    out: list[Glyph] = []
    x = 0
    while x < w:
        if spans[x] is None:
            x += 1
            continue
        start, top, bottom = x, h, 0
        while x < w and (span := spans[x]) is not None:
            top, bottom = min(top, span[1]), max(bottom, span[3])
            x += 1
        out.append((start, x, top, bottom))
    return out


def even_sizes(crop: Image.Image) -> Image.Image | None:
    """Return the zone with its large glyphs (LARGE) scaled to the median glyph's height on the small type's
    baseline, the others and the gaps as they stand; None when the zone holds no glyph."""
    found = glyphs(crop)
    measured = [g for g in found if g[3] - g[2] >= MIN_GLYPH_PX]
    if not measured:
        return None
    usual = statistics.median(g[3] - g[2] for g in measured)
    base = statistics.median(g[3] for g in measured)
    paper, _ = grey_levels(crop)
    out = Image.new("L", crop.size, paper)
    x = found[0][0]
    for k, (start, end, top, bottom) in enumerate(found):
        piece = crop.crop((start, 0, end, crop.height))
        if bottom - top >= LARGE * usual:
            factor = usual / (bottom - top)
            piece = piece.resize((max(1, round((end - start) * factor)), max(1, round(crop.height * factor))),
                                 Image.Resampling.LANCZOS)
            out.paste(piece, (x, round(base - bottom * factor)))
        else:
            out.paste(piece, (x, 0))
        x += piece.width + (found[k + 1][0] - end if k + 1 < len(found) else 0)
    return out
