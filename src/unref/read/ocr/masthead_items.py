"""read.ocr.masthead_items: the emblem and the date of a first page's masthead, from the masthead's grammar.

A UN masthead of 1996 on prints "United Nations" at the top left, the emblem under it at the left and, right of
the emblem, the organ's name in large type ("General Assembly", "Security Council"): the name's column starts
where "United Nations" starts. The right column prints "Distr.: General", the date, then "Original: English".

- The emblem: the engine reads its parts as short words of middling confidence ("VA", "\\)", "\\y", "yy", 53-81)
  on the organ's line, and the structure stage then reads "VA \\) General Assembly" as a body's name (simulated
  copies of the gold set at 300 dpi: A/79/758, A/80/141, A/ES-10/1027). Nothing but the emblem is printed in the
  masthead left of the column that "United Nations" starts (`emblem_words`): those words are dropped.
- The date: it stands level with the organ's name in 17-point bold, and the engine takes it into that line and
  misreads it ("oo", "= Fine 2025", "yee" at confidence 16-50; A/79/758, A/80/141, A/ES-10/1027). Between the
  "Distr." line and the "Original:" line of the right column stands only the date (`date_zone`): where the words
  there spell no date, the zone is cut out, set straight by the page's skew and read as one line with the page's
  language data; a reading that holds a date (DATE_RE: a day, a month's name, a year) replaces them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PIL import Image

from unref.read.ocr.engine import PageImage, line_api
from unref.read.ocr.masthead import Zone, masthead_name, straight_crop
from unref.read.ocr.skew import page_slope
from unref.read.ocr.words import OcrWord, box_of, spread
from unref.text.regexes import DATE_RE, MONTHS_EN, MONTHS_ES, MONTHS_FR, MONTHS_RU, YEAR

#: The emblem stands this many heights of the name's words under the name's bottom at most (the emblem of a
#: 10-point name is 55-70 points tall, its top 10 points under the name; the text starts 150 points under it).
EMBLEM_BELOW = 8.0
#: The emblem's words are read with less confidence than print (85-97; the emblem's 0-81 on simulated copies).
EMBLEM_CONFIDENCE = 85.0
#: A word is left of the name's column when its right edge is left of the name's first letter, give or take this.
COLUMN_SLACK_PT = 2.0
#: The right column's labels: the distribution line over the date, the original language under it.
DISTR_WORDS = ("Distr", "Дистр")
ORIGINAL_WORDS = ("Original", "Оригинал")
#: The "Original:" word stands under "Distr." this far apart in left edge at most (both start the column).
ALIGN_PT = 12.0
#: The date's zone is cut this many points wider than the column on either side (the engine wants paper around).
PAD_PT = 3.0
#: The zone is read at these scales, the next only where the one before gave no date (as masthead.SCALES).
SCALES = (1, 2)
#: The confidence a date read again is given: the date's grammar vouches for it, not the engine.
DATE_CONFIDENCE = 90.0


def masthead_items(page: PageImage, words: list[OcrWord], lang: str) -> list[OcrWord]:
    """Return a first page's words without the emblem's, and with the masthead's date read again where the
    engine's words spell none (see the module); other pages' words as they are."""
    width, height = page.size_pt
    words = date_lines(page, words, lang)
    name = masthead_name(words, width, height)
    if name is None:
        return words
    first = _name_start(words, name)
    if not heads_masthead(words, first, name, width):
        return words
    emblem = {id(w) for w in emblem_words(words, column_start(words, first, name, width), name)}
    kept = [w for w in words if id(w) not in emblem] if emblem else words
    column_lang = "eng" if lang in ENGLISH_COLUMN else lang
    if column_lang != lang:
        kept = english_column(page, kept, name, width)
    zone = date_zone(kept, name, width)
    if zone is None:
        return kept
    return reread_date(page, kept, zone, column_lang)


#: The languages whose documents print the masthead's right column in English ("Distr.: General", "11 March 2024",
#: "Russian", "Original: English" under "Совет Безопасности"): a page read with their data reads it as its own
#: script ("О15#.: Сепега]", "11 Магсь 2024"), so that column is read again with English data.
ENGLISH_COLUMN = frozenset({"rus", "ara", "chi_sim"})
#: A line of that column read again replaces the engine's when the engine is this sure of it, and surer than before.
COLUMN_SURE = 70.0


def english_column(page: PageImage, words: list[OcrWord], name: OcrWord, width: float) -> list[OcrWord]:
    """Return the words with each line of the masthead's right column (right of the page's middle, under the name
    within EMBLEM_BELOW of its heights) read again with English data, where that reading is surer (COLUMN_SURE)."""
    h = name.top - name.bottom
    floor = name.bottom - EMBLEM_BELOW * h
    lines: dict[int, list[OcrWord]] = {}
    for w in words:
        if w.left > width / 2 and floor <= w.bottom and w.top <= name.bottom:
            lines.setdefault(w.line, []).append(w)
    slope = page_slope(words)
    better: dict[int, list[OcrWord]] = {}
    for line in lines.values():
        new = _line_in_english(page, line, slope)
        if new:
            better[id(line[0])] = new
    if not better:
        return words
    gone = {id(w) for line in lines.values() if id(line[0]) in better for w in line}
    return [n for w in words for n in better.get(id(w), [] if id(w) in gone else [w])]


def _line_in_english(page: PageImage, line: list[OcrWord], slope: float) -> list[OcrWord]:
    """Return a line's words read again with English data as one line, or [] where the engine is not sure of that
    reading (COLUMN_SURE) or no surer than of the old one."""
    left, bottom, right, top = box_of(line)
    pad = 0.4 * (top - bottom)
    image = straight_crop(page, Zone(left - pad, bottom - pad, right + pad, top + pad), slope)
    if image.width < 4 or image.height < 4:
        return []
    api = line_api("eng")
    api.SetImage(image)
    api.SetSourceResolution(round(page.dpi))
    try:
        text, conf = str(api.GetUTF8Text()).strip(), float(api.MeanTextConf())
    finally:
        api.Clear()
    old = sum(w.conf for w in line) / len(line)
    if not text or "\n" in text or conf < COLUMN_SURE or conf <= old:
        return []
    return spread(text.split(), (left, bottom, right, top), line[0].line, conf)


#: The first word of the emblem's name, by its last word: the name's column starts there ("Организация" of
#: "Организация Объединенных Наций", not the word before "Наций").
NAME_FIRST = {"Nations": "United", "Unies": "Nations", "Unidas": "Naciones", "Наций": "Организация"}


def _name_start(words: list[OcrWord], name: OcrWord) -> OcrWord:
    """Return the first word of the masthead's name ("United" before "Nations"), on the name's line left of it;
    the name's last word where the engine read the first otherwise."""
    first = NAME_FIRST.get(name.text)
    return min((w for w in words if w.line == name.line and w.text == first and w.right <= name.left),
               key=lambda w: w.left, default=name)


def heads_masthead(words: list[OcrWord], first: OcrWord, name: OcrWord, width: float) -> bool:
    """Return True when the name stands alone on its line as a masthead prints it: nothing before it, nothing after
    it in the page's left half (the symbol stands in the right half). A body page's line that holds "United Nations"
    ("the Office of the United Nations High Commissioner") is no masthead: the words under it are no emblem."""
    return not any(w.line == name.line and w is not name and w is not first and w.left < width / 2
                   and not first.left <= w.left <= name.left for w in words)


#: The names printed from the page's left margin, over the emblem ("Организация Объединенных Наций" is as long as the
#: emblem and the organ's name side by side): the organ's name, the first word under the name read with the
#: confidence of print, starts the column instead.
NAME_OVER_EMBLEM = frozenset({"Наций"})


def column_start(words: list[OcrWord], first: OcrWord, name: OcrWord, width: float) -> float:
    """Return where the name's column starts: the name's first letter, or for a name printed over the emblem
    (NAME_OVER_EMBLEM) the left of the first word under the name, in the page's left half, read with confidence."""
    if name.text not in NAME_OVER_EMBLEM:
        return first.left
    floor = name.bottom - EMBLEM_BELOW * (name.top - name.bottom)
    sure = [w.left for w in words if w.conf >= EMBLEM_CONFIDENCE and w.top <= name.bottom and w.bottom >= floor
            and w.left < width / 2]
    return min(sure, default=first.left)


def emblem_words(words: list[OcrWord], column: float, name: OcrWord) -> list[OcrWord]:
    """Return the words that stand left of the name's column (`column_start`), under the name, within EMBLEM_BELOW
    of its heights, read with less confidence than print (EMBLEM_CONFIDENCE): the emblem read as letters (nothing
    else is printed there)."""
    h = name.top - name.bottom
    floor = name.bottom - EMBLEM_BELOW * h
    return [w for w in words if w.right <= column + COLUMN_SLACK_PT and w.top <= name.bottom
            and w.bottom >= floor and w.conf < EMBLEM_CONFIDENCE]


@dataclass(frozen=True, slots=True)
class DateZone:
    """The date's place between the right column's "Distr." and "Original:" lines, and the line to put it on."""

    zone: Zone
    line: int


def date_zone(words: list[OcrWord], name: OcrWord, width: float) -> DateZone | None:
    """Return the zone between the "Distr." line and the "Original:" line under it that start the masthead's
    right column (under the name, within EMBLEM_BELOW of its heights, right of the page's middle); None when
    the masthead has no such pair."""
    h = name.top - name.bottom
    floor = name.bottom - 2 * EMBLEM_BELOW * h
    right = [w for w in words if w.left > width / 2 and floor <= w.bottom < name.bottom]
    labels = _labels(right)
    if labels is None:
        return None
    distr, original = labels
    # The highest bottom of the "Distr." line's words bounds the zone: the engine may have taken the date into
    # that line (its bottom is lower), or given "Distr.:" a box down to specks under it.
    top = max(w.bottom for w in right if w.line == distr.line)
    bottom = min(w.top for w in right if w.line == original.line)
    if top <= bottom:
        return None
    return DateZone(Zone(distr.left - PAD_PT, bottom, width - PAD_PT, top), distr.line)


def _labels(right: list[OcrWord]) -> tuple[OcrWord, OcrWord] | None:
    """Return the right column's "Distr." word and the "Original:" word under it that starts the same column."""
    distr = next((w for w in right if w.text.startswith(DISTR_WORDS)), None)
    if distr is None:
        return None
    original = next((w for w in right if w.text.startswith(ORIGINAL_WORDS) and w.top < distr.bottom
                     and abs(w.left - distr.left) <= ALIGN_PT), None)
    return None if original is None else (distr, original)


def reread_date(page: PageImage, words: list[OcrWord], where: DateZone, lang: str) -> list[OcrWord]:
    """Return the words with the date zone's ones replaced by the date read again, where they spell none and the
    zone's image reads as one."""
    old = [w for w in words if where.zone.holds(w)]
    if DATE_RE.search(" ".join(w.text for w in old)):
        return words
    text = read_date(page, where.zone, page_slope(words), lang)
    if text is None:
        return words
    line = old[0].line if old else max(w.line for w in words) + 1
    box = box_of(old) if old else (where.zone.left + PAD_PT, where.zone.bottom, where.zone.right, where.zone.top)
    new = spread(text.split(), box, line, DATE_CONFIDENCE)
    gone = {id(w) for w in old}
    at = words.index(old[0]) if old else len(words)
    return [w for w in words[:at] if id(w) not in gone] + new + [w for w in words[at:] if id(w) not in gone]


def read_date(page: PageImage, zone: Zone, slope: float, lang: str) -> str | None:
    """Return the date the zone's image spells (DATE_RE's match, specks around it dropped), read as one line at
    each of SCALES until one holds a date; None when none does."""
    image = straight_crop(page, zone, slope)
    if image.width < 4 or image.height < 4:
        return None
    api = line_api(lang)
    for scale in SCALES:
        scaled = image if scale == 1 else image.resize((image.width * scale, image.height * scale),
                                                        Image.Resampling.BICUBIC)
        api.SetImage(scaled)
        api.SetSourceResolution(round(page.dpi * scale))
        try:
            m = DATE_RE.search(str(api.GetUTF8Text()).strip())
        finally:
            api.Clear()
        if m is not None:
            return m.group(0)
    return None


# --- A date line whose day the engine misread ---------------------------------------------------------------------

#: A date line is looked for in this top share of a page (an old masthead prints its date a third of the way down).
DATE_LINE_ZONE = 0.4
#: A date line holds at most this many words: the day, "de", the month, "de", the year.
DATE_LINE_WORDS = 5
_MONTH_RE = re.compile(rf"(?:{MONTHS_EN}|{MONTHS_FR}|{MONTHS_ES}|{MONTHS_RU})", re.I)
_YEAR_RE = re.compile(rf"{YEAR}")


def date_lines(page: PageImage, words: list[OcrWord], lang: str) -> list[OcrWord]:
    """Return the words with each short line of the page's top (DATE_LINE_ZONE, DATE_LINE_WORDS) that ends in a
    month's name and a year but spells no date ("411 May 1994": a typewritten "11" read with a speck) read again as
    one line; the reading replaces the line's words where it is a date of the same month and year."""
    height = page.size_pt[1]
    lines: dict[int, list[OcrWord]] = {}
    for w in words:
        if w.bottom > (1 - DATE_LINE_ZONE) * height:
            lines.setdefault(w.line, []).append(w)
    doubtful = [line for line in lines.values() if lacks_day(line)]
    if not doubtful:
        return words
    slope = page_slope(words)
    better = {id(line[0]): new for line in doubtful if (new := _line_as_date(page, line, lang, slope))}
    if not better:
        return words
    gone = {id(w) for line in lines.values() if id(line[0]) in better for w in line}
    return [n for w in words for n in better.get(id(w), [] if id(w) in gone else [w])]


def lacks_day(line: list[OcrWord]) -> bool:
    """Return True when a line of a few words ends in a month's name and a year, and spells no date."""
    texts = [w.text for w in line]
    return (2 <= len(texts) <= DATE_LINE_WORDS and _YEAR_RE.fullmatch(texts[-1]) is not None
            and _MONTH_RE.fullmatch(texts[-2]) is not None and DATE_RE.search(" ".join(texts)) is None)


def _line_as_date(page: PageImage, line: list[OcrWord], lang: str, slope: float) -> list[OcrWord]:
    """Return a line read again as one line where the reading is a date of the line's month and year, else []."""
    left, bottom, right, top = box_of(line)
    pad = 0.4 * (top - bottom)
    image = straight_crop(page, Zone(left - pad, bottom - pad, right + pad, top + pad), slope)
    if image.width < 4 or image.height < 4:
        return []
    api = line_api(lang)
    api.SetImage(image)
    api.SetSourceResolution(round(page.dpi))
    try:
        m = DATE_RE.fullmatch(str(api.GetUTF8Text()).strip())
    finally:
        api.Clear()
    if m is None or m.group("month").lower() != line[-2].text.lower() or m.group("year") != line[-1].text:
        return []
    return spread(m.group(0).split(), (left, bottom, right, top), line[0].line, DATE_CONFIDENCE)
