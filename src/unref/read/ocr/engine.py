"""read.ocr.engine: a page image -> OCR words with boxes in page points, by Tesseract through tesserocr.

The binding is tesserocr: it runs libtesseract (5.5, bundled in its wheel) in this process, with Debian's
language data (`tesseract-ocr-eng` ... `-chi-sim`); nothing is downloaded. Measured against pytesseract
(Debian's tesseract 5.3 binary) on four pages of the dev corpus's real scans at 300 dpi, one thread each:
the same words (321/483/360/554 against 321/484/363/555), and 1.7-2.1 s of CPU a page against 2.5-2.8 s.
pytesseract pays for writing the image out, starting a process and loading the model again on every page;
tesserocr loads a language's model once per process and reads the rendered bitmap in memory.

Words come with their boxes and confidences, one text line after another. A note's marker that the
engine glued to the word before it ("war.1", its figure raised and smaller) is split off as a word of its
own, so that the page builder sees it raised (page.py) as a PDF's superscript is.
"""

from __future__ import annotations

import functools
import os
import re
import statistics
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from unref.read.ocr.words import OcrWord

#: Where Debian, Fedora, Homebrew and a source build put Tesseract's language data (TESSDATA_PREFIX first).
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)
#: ISO 639-1 codes of the six UN languages -> Tesseract's language data.
TESSERACT_LANGUAGES = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "ara", "zh": "chi_sim"}
#: A raised figure is at least this much of its line's letter height above the baseline...
RAISED = 0.3
#: ...and at most this much of that height tall: a superscript marker, not a figure of the text.
RAISED_HEIGHT = 1.0


class EngineMissing(RuntimeError):
    """Tesseract or its language data cannot be found: the reason says which package to install."""


@functools.cache
def tessdata_dir() -> str:
    """Return the folder of Tesseract's language data: $TESSDATA_PREFIX, else the first of TESSDATA_DIRS
    that holds eng.traineddata."""
    prefix = os.environ.get("TESSDATA_PREFIX")
    candidates = ([prefix, str(Path(prefix) / "tessdata")] if prefix else []) + list(TESSDATA_DIRS)
    for folder in candidates:
        if (Path(folder) / "eng.traineddata").is_file():
            return folder.rstrip("/") + "/"
    raise EngineMissing("Tesseract's language data not found (install tesseract-ocr and tesseract-ocr-eng, "
                        "or set TESSDATA_PREFIX)")


@functools.cache
def installed_languages() -> frozenset[str]:
    """Return the Tesseract languages whose data is installed ("eng", "fra", ...)."""
    return frozenset(p.name.removesuffix(".traineddata") for p in Path(tessdata_dir()).glob("*.traineddata"))


@functools.cache
def engine_name() -> str:
    """Return the engine and its version, as the record names it ("tesseract 5.5.4")."""
    import tesserocr

    return "tesseract " + str(tesserocr.tesseract_version()).split()[1]


def tesseract_language(iso: str | None) -> str:
    """Return the Tesseract language for an ISO 639-1 code; English where no data is installed for it."""
    lang = TESSERACT_LANGUAGES.get(iso or "en", "eng")
    return lang if lang in installed_languages() else "eng"


# One engine per language and thread: loading a language's model takes a fraction of a second.
_LOCAL = threading.local()


def _api(lang: str) -> Any:
    """Return this thread's Tesseract engine for `lang`, loaded on first use."""
    import tesserocr

    apis: dict[str, Any] = _LOCAL.__dict__.setdefault("apis", {})
    if lang not in apis:
        apis[lang] = tesserocr.PyTessBaseAPI(path=tessdata_dir(), lang=lang)
    return apis[lang]


def line_api(lang: str) -> Any:
    """Return this thread's engine for `lang` that reads an image as one line of text (read.ocr.reread)."""
    import tesserocr

    apis: dict[str, Any] = _LOCAL.__dict__.setdefault("apis", {})
    key = f"#line:{lang}"
    if key not in apis:
        apis[key] = tesserocr.PyTessBaseAPI(path=tessdata_dir(), lang=lang, psm=tesserocr.PSM.SINGLE_LINE)
    return apis[key]


def forget_engines() -> None:
    """Drop this thread's engines (a forked worker must not use the ones it copied from its parent)."""
    _LOCAL.__dict__.pop("apis", None)


@dataclass(slots=True)
class PageImage:
    """A page as an image, and how its pixels map to the page's points (72 a inch)."""

    image: Image.Image  # greyscale
    dpi: float

    @property
    def size_pt(self) -> tuple[float, float]:
        """Return the page's width and height in points."""
        return self.image.width * 72.0 / self.dpi, self.image.height * 72.0 / self.dpi


@dataclass(slots=True)
class _Symbol:
    """One character as the engine read it, with its box in pixels (top-left origin)."""

    text: str
    left: int
    top: int
    right: int
    bottom: int


@dataclass(slots=True)
class _Word:
    """A word of the engine: its symbols, box in pixels and confidence; `head` is the word a raised mark
    was split off from (the mark is glued back to it when it does not read as a label)."""

    symbols: list[_Symbol]
    box: tuple[int, int, int, int]
    conf: float
    head: _Word | None = None


def recognize(page: PageImage, lang: str) -> list[OcrWord]:
    """Return the words Tesseract reads on the page image, in its reading order, boxes in page points."""
    api = _api(lang)
    api.SetImage(page.image)
    api.SetSourceResolution(round(page.dpi))
    api.Recognize()
    lines = [_split_raised(line) for line in _lines(api.GetIterator())]
    api.Clear()
    _read_marks(page, [w for line in lines for w in line if w.head is not None])
    words: list[OcrWord] = []
    height = page.image.height
    scale = 72.0 / page.dpi
    for number, line in enumerate(lines):
        for word in line:
            if not word.symbols:
                continue  # a mark glued back to its word
            left, top, right, bottom = word.box
            text = "".join(s.text for s in word.symbols)
            if not text.strip():
                continue  # an image or a rule that the layout analysis took for a word
            # Rounded as the cache keeps them: a page read again from the cache gives the same document.
            words.append(OcrWord(text, round(left * scale, 2), round((height - bottom) * scale, 2),
                                 round(right * scale, 2), round((height - top) * scale, 2), round(word.conf, 1),
                                 number))
    return words


def _lines(it: Any) -> Iterator[list[_Word]]:
    """Yield the engine's text lines, each a list of words with their symbols."""
    import tesserocr

    if it is None:
        return
    ril_symbol, ril_word, ril_line = tesserocr.RIL.SYMBOL, tesserocr.RIL.WORD, tesserocr.RIL.TEXTLINE
    line: list[_Word] = []
    while True:
        if it.IsAtBeginningOf(ril_line) and line:
            yield line
            line = []
        if it.IsAtBeginningOf(ril_word):
            box = it.BoundingBox(ril_word)
            if box is not None:
                line.append(_Word([], box, it.Confidence(ril_word)))
        text, box = it.GetUTF8Text(ril_symbol), it.BoundingBox(ril_symbol)
        if line and text and box is not None:
            line[-1].symbols.append(_Symbol(text, *box))
        if not it.Next(ril_symbol):
            break
    if line:
        yield line


def _split_raised(line: list[_Word]) -> list[_Word]:
    """Return the line's words, a raised small figure at the end of a word split off as a word of its own.

    The baseline is the line's own, tilted as the page is (`_baseline`), and the letter height the median
    height of the line's symbols: a marker stands well above the baseline and is smaller than the letters
    ("war.1", "Council2").
    """
    symbols = [s for w in line for s in w.symbols if s.text.isalnum()]
    if len(symbols) < 4:
        return [w for w in line if w.symbols]
    x0, base, slope = _baseline(symbols)
    tall = statistics.median(s.bottom - s.top for s in symbols)
    out: list[_Word] = []
    for word in line:
        if word.symbols:
            out.extend(_split_word(word, base, tall, slope, x0))
    return out


#: The steepest tilt a scanned line's baseline is given (pixels down per pixel across: about 3 degrees);
#: a steeper fit comes of a line's few symbols, not of the page's skew.
MAX_SLOPE = 0.05


def _baseline(symbols: list[_Symbol]) -> tuple[float, float, float]:
    """Return a line's baseline as (x0, bottom at x0, slope), from the median bottoms of its left and right halves.

    A scan is skewed (a photocopy by a degree or two): across a line of 2,000 pixels at 300 dpi the baseline
    falls or rises by 50, more than a marker's rise, so that one level for the whole line takes the letters at
    its high end for raised marks ("Missio" + "n"). Medians keep descenders and markers out of the fit.
    """
    ordered = sorted(symbols, key=lambda s: s.left)
    half = len(ordered) // 2
    left, right = ordered[:half], ordered[half:]
    x0, x1 = statistics.median(s.left for s in left), statistics.median(s.left for s in right)
    b0, b1 = statistics.median(s.bottom for s in left), statistics.median(s.bottom for s in right)
    slope = (b1 - b0) / (x1 - x0) if x1 > x0 else 0.0
    return x0, b0, max(-MAX_SLOPE, min(MAX_SLOPE, slope))


def _split_word(word: _Word, base: float, tall: float, slope: float = 0.0, x0: float = 0.0) -> list[_Word]:
    """Return the word, or its head and the raised mark at its end; a word that is all raised is a mark
    of its own (its `head` is itself). A figure's raised tail stays (the asterisks of "*2502826*").
    The baseline stands at `base` at `x0` and tilts by `slope` (see `_baseline`)."""
    k = len(word.symbols)
    while k > 0 and _raised(word.symbols[k - 1], base + slope * (word.symbols[k - 1].left - x0), tall):
        k -= 1
    if k == len(word.symbols) or (k and word.symbols[k - 1].text.isdigit()):
        return [word]
    if k == 0:
        word.head = word
        return [word]
    head = _Word(word.symbols[:k], _box(word.symbols[:k]), word.conf)
    return [head, _Word(word.symbols[k:], _box(word.symbols[k:]), word.conf, head)]


#: Marks that stand high and small by their nature (quotation marks, guillemets included), never a misread note label.
QUOTES = frozenset("'\"‘’“”`´°^«»‹›")
#: What a note's raised label reads as: figures, or asterisks.
LABEL_RE = re.compile(r"^(?:\d{1,3}|\*{1,3})$")


def _raised(sym: _Symbol, base: float, tall: float) -> bool:
    """Return True when a symbol is raised and small (a marker's), by its box; quotation marks are not."""
    return (len(sym.text) == 1 and sym.text not in QUOTES and base - sym.bottom > RAISED * tall
            and sym.bottom - sym.top < RAISED_HEIGHT * tall)


def _read_marks(page: PageImage, marks: list[_Word]) -> None:
    """Read again, each on its own and enlarged, the raised marks split off words: the engine reads a small
    raised figure as "!" or "?" on the line. A mark read as a label takes that text; any other is glued back
    to the word it was split from (its symbols moved back), as the engine read it."""
    for mark in marks:
        text = "".join(s.text for s in mark.symbols)
        if not LABEL_RE.match(text):
            text = read_label(page, mark.box)
        if LABEL_RE.match(text):
            first = mark.symbols[0]
            mark.symbols = [_Symbol(text, first.left, first.top, mark.box[2], mark.box[3])]
        elif mark.head is not None and mark.head is not mark:
            mark.head.symbols.extend(mark.symbols)
            mark.head.box = _box(mark.head.symbols)
            mark.symbols = []


#: A raised mark is read again at this many times its size, with this share of its height as a margin.
MARK_SCALE = 3
MARK_MARGIN = 0.5


def read_label(page: PageImage, box: tuple[int, int, int, int], scale: int = MARK_SCALE) -> str:
    """Return what a raised mark reads as on its own, enlarged (`scale` times), in figures and asterisks only
    ("" for nothing)."""
    return _read_with(_label_api(), page, box, scale)


def read_line_label(page: PageImage, box: tuple[int, int, int, int], scale: int = MARK_SCALE) -> str:
    """Return what a raised mark reads as, as `read_label` does, by an engine that takes the image for a line of
    text: a raised "5" read "3" at confidence 31 as a word is read "5" at 96 as a line (simulated copy of
    A/79/843)."""
    return _read_with(_label_api(line=True), page, box, scale)


def _read_with(api: Any, page: PageImage, box: tuple[int, int, int, int], scale: int) -> str:
    """Return what `api` reads in the box, enlarged `scale` times with a margin, at LABEL_CONFIDENCE or more."""
    left, top, right, bottom = box
    pad = max(2, round(MARK_MARGIN * (bottom - top)))
    width, height = page.image.size
    crop = page.image.crop((max(0, left - pad), max(0, top - pad), min(width, right + pad), min(height, bottom + pad)))
    crop = crop.resize((crop.width * scale, crop.height * scale), Image.Resampling.BICUBIC)
    api.SetImage(crop)
    try:
        text = str(api.GetUTF8Text()).strip()
        return text if api.MeanTextConf() >= LABEL_CONFIDENCE else ""
    finally:
        api.Clear()


#: A mark read again is a label only at this confidence or more (measured on generated scans: raised
#: figures read again gave 44 to 96, where the engine had read them on the line as "!" and "?").
LABEL_CONFIDENCE = 40


def _label_api(line: bool = False) -> Any:
    """Return this thread's engine for raised labels, figures and asterisks only: one word, or one line."""
    import tesserocr

    apis: dict[str, Any] = _LOCAL.__dict__.setdefault("apis", {})
    key = "#labels:line" if line else "#labels"
    if key not in apis:
        psm = tesserocr.PSM.SINGLE_LINE if line else tesserocr.PSM.SINGLE_WORD
        api = tesserocr.PyTessBaseAPI(path=tessdata_dir(), lang="eng", psm=psm)
        api.SetVariable("tessedit_char_whitelist", "0123456789*")
        apis[key] = api
    return apis[key]


def _box(symbols: list[_Symbol]) -> tuple[int, int, int, int]:
    """Return the box around the symbols (left, top, right, bottom in pixels)."""
    return (min(s.left for s in symbols), min(s.top for s in symbols),
            max(s.right for s in symbols), max(s.bottom for s in symbols))


def mean_confidence(words: list[OcrWord]) -> float:
    """Return the words' mean confidence weighted by their length (0 for none): long words weigh more."""
    total = sum(len(w.text) for w in words)
    return sum(w.conf * len(w.text) for w in words) / total if total else 0.0


def detect_script(page: PageImage) -> str | None:
    """Return the script Tesseract's orientation and script detection sees ("Latin", "Cyrillic", "Arabic",
    "Han"), or None where it cannot tell (too little text, or no osd data)."""
    if "osd" not in installed_languages():
        return None
    api = _api("osd")
    api.SetImage(page.image)
    api.SetSourceResolution(round(page.dpi))
    try:
        found = api.DetectOrientationScript()
    except RuntimeError:
        return None
    finally:
        api.Clear()
    script = found.get("script_name") if isinstance(found, dict) else None
    return str(script) if script else None
