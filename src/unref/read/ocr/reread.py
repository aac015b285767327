"""read.ocr.reread: words the engine doubts, read again on their own.

The engine finds a page's text lines before it reads them, and a line of small print beside a line of large
print is taken into the large one: in a UN masthead the date under "Distr.: General" stands level with the
organ's name in 17-point bold ("Security Council"), and the engine reads "17 January 2025" as "ela" at
confidence 15 (simulated copies of A/79/729, A/79/758, A/79/801, A/79/843: the date lost each time). Cut
out of the page, the same ink reads right. So a word read with little confidence (REREAD_BELOW) is read
again alone, as one line, with the page's language data; the new reading replaces it when the engine is
sure of it (REREAD_SURE) and surer than before. A page reads at most REREAD_MAX words again: a page of
drawings, all doubtful, is not read twice.
"""

from __future__ import annotations

from typing import Any

from unref.read.ocr.engine import PageImage, line_api
from unref.read.ocr.masthead import reread_symbol
from unref.read.ocr.masthead_items import masthead_items
from unref.read.ocr.words import OcrWord, spread

#: A word read with less confidence than this is read again...
REREAD_BELOW = 50.0
#: ...and the new reading is kept when its confidence is this much or more, and above the old one by REREAD_GAIN.
REREAD_SURE = 70.0
REREAD_GAIN = 20.0
#: At most this many words of a page are read again.
REREAD_MAX = 12
#: The crop around a word: this share of its height on each side (the engine wants a margin of paper).
REREAD_MARGIN = 0.4


def reread_doubtful(page: PageImage, words: list[OcrWord], lang: str) -> list[OcrWord]:
    """Return the page's words with the doubtful ones read again alone (see the module), the masthead's symbol
    first (read.ocr.masthead: its large letters misread, it is read again as a whole), then the masthead's
    emblem dropped and its date read again (read.ocr.masthead_items)."""
    words = masthead_items(page, reread_symbol(page, words), lang)
    doubtful = [w for w in words if w.conf < REREAD_BELOW and len(w.text) >= 2][:REREAD_MAX]
    if not doubtful:
        return words
    api = line_api(lang)
    better: dict[int, list[OcrWord]] = {}
    for w in doubtful:
        text, conf = read_alone(api, page, w)
        if is_better(text, conf, w):
            better[id(w)] = split_reading(text, conf, w)
    return [n for w in words for n in better.get(id(w), [w])]


def is_better(text: str, conf: float, old: OcrWord) -> bool:
    """Return True when a word read again alone replaces the engine's reading (REREAD_SURE, REREAD_GAIN).

    A reading with the same letters and figures as the old one keeps the old one: cut out of its line, a word
    loses the hyphen that joined it to the next ("-General," read "General,", a web address's "letter-").
    """
    return (bool(text) and "\n" not in text and conf >= REREAD_SURE and conf >= old.conf + REREAD_GAIN
            and _letters(text) != _letters(old.text))


def _letters(text: str) -> str:
    """Return the letters and figures of a text, in order."""
    return "".join(c for c in text if c.isalnum())


def read_alone(api: Any, page: PageImage, word: OcrWord) -> tuple[str, float]:
    """Return what a word's ink reads as cut out of the page (text, mean confidence)."""
    scale = page.dpi / 72.0
    pad = REREAD_MARGIN * (word.top - word.bottom)
    height = page.image.height
    box = (max(0, int((word.left - pad) * scale)), max(0, int(height - (word.top + pad) * scale)),
           min(page.image.width, int((word.right + pad) * scale) + 1),
           min(height, int(height - (word.bottom - pad) * scale) + 1))
    if box[2] - box[0] < 4 or box[3] - box[1] < 4:
        return "", 0.0
    api.SetImage(page.image.crop(box))
    api.SetSourceResolution(round(page.dpi))
    try:
        return str(api.GetUTF8Text()).strip(), float(api.MeanTextConf())
    finally:
        api.Clear()


def split_reading(text: str, conf: float, old: OcrWord) -> list[OcrWord]:
    """Return a reading of several words as words that share the old word's box by their letters."""
    return spread(text.split(), (old.left, old.bottom, old.right, old.top), old.line, conf)
