"""read.ocr.scan: which pages of a document OCR reads, in which language, and what comes of it: each page's
geometry (as a PDF's text layer gives it), the record of what was read, and warnings in words.

auto reads the pages without a text layer and those whose text layer is garbage (quality.garbage_layer);
always reads every page; never reads none (a scan then fails as before: no text layer). The language is the
one the document's text layer is written in, where it has one; else page 1 is read with English data, its
words tell French or Spanish from English, and where they tell nothing Tesseract's script detection tells
Cyrillic, Arabic or Chinese: a French page is not read with English data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from unref.model import OcrPage, OcrRecord
from unref.read.ocr.drawn import recycling_notice
from unref.read.ocr.engine import TESSERACT_LANGUAGES, detect_script, engine_name, mean_confidence, tesseract_language
from unref.read.ocr.layer import OLD_OCR_LAYER, ocr_layer_pages
from unref.read.ocr.page import drop_drawings, is_emblem_word, ocr_geometry
from unref.read.ocr.pool import PageRead, read_one, read_pages
from unref.read.ocr.quality import garbage_layer
from unref.read.ocr.repairs import document_symbols, repair_words, repaired_from_document, repaired_symbol, spellings
from unref.read.ocr.sources import SourceSpec, open_pages
from unref.read.ocr.words import OcrWord
from unref.read.pdf.assemble import page_ranges
from unref.read.pdf.geometry import PageGeometry
from unref.structure.masthead.metadata import detect_language
from unref.symbols import try_parse

OcrMode = Literal["auto", "always", "never"]
OCR_MODES: tuple[OcrMode, ...] = ("auto", "always", "never")
#: The resolution pages are rendered at for OCR, chosen by measurement (bench/ocr.py --dpi): on 16 pages of four
#: born-digital gold PDFs, rendered and degraded, the body's words were found alike at 150, 200 and 300 dpi (92.2,
#: 90.3, 91.7 %; the engine's time 0.84, 0.91, 1.21 s a page), but a generated letter scanned at 600 dpi and read
#: at each gave its raised note markers and note labels only at 300 dpi (2 of 3 markers and the 3 notes; none at
#: 200, and 2 of 3 notes at 150). 300 is also the resolution the UN's own scans are stored at (2369 x 3173 pixels
#: for a page of 568 x 761 points): a lower one throws away pixels the engine could read.
DPI = 300
NO_TEXT_LAYER = "no text layer"
ALWAYS = "OCR asked for every page"
#: Tesseract's script detection -> the language data that reads the script (ISO 639-1).
SCRIPT_LANGUAGES = {"Cyrillic": "ru", "Arabic": "ar", "Han": "zh", "HanS": "zh", "HanT": "zh"}
#: Script detection runs only where page 1 read with English data gave this many words (else there is no text).
SCRIPT_WORDS = 10
#: Below this mean confidence a page is mostly a drawing, a map or a photograph read as letters (a real scan's
#: text pages read at 84-96, its maps at 21 and 62): only the words read with CONFIDENT_WORD or more are kept,
#: and the warnings say so.
LOW_CONFIDENCE = 50.0
CONFIDENT_WORD = 60.0


def keep_confident(words: list[OcrWord]) -> list[OcrWord]:
    """Return a page's words, only those read with confidence (CONFIDENT_WORD) where the page's is low."""
    if not words or mean_confidence(words) >= LOW_CONFIDENCE:
        return words
    return [w for w in words if w.conf >= CONFIDENT_WORD]



def is_symbol_word(text: str, symbols: tuple[str, ...]) -> bool:
    """Return True when a word is a document symbol, or one that the OCR repairs would make of it
    (repairs.repaired_symbol, repairs.repaired_from_document against the document's own `symbols`)."""
    return "/" in text and (try_parse(text) is not None or repaired_symbol(text) is not None
                            or repaired_from_document(text, symbols) is not None)


def kept_words(words: list[OcrWord], width: float, symbols: tuple[str, ...],
               first_page_height: float | None = None) -> list[OcrWord]:
    """Return a page's words without the emblem read as letters (on a first page, whose height is given, also the
    doubtful words of the masthead's left: page.is_emblem_word) and, on a page read with low confidence, the
    doubtful words; a symbol stays however doubtful: a masthead's symbol in large print is read at low confidence
    ("Avs6/385" at 9), and the repairs that run next set it right against the document's own."""
    kept = keep_confident(drop_drawings(words, width))
    if first_page_height is not None:
        kept = [w for w in kept if not is_emblem_word(w, width, first_page_height)]
    if len(kept) == len(words):
        return kept
    ids = {id(w) for w in kept}
    return [w for w in words if id(w) in ids or is_symbol_word(w.text, symbols)]


Progress = Callable[[int, int], None]


@dataclass(slots=True)
class ScanResult:
    """What OCR gave for a document: the geometry of each page it read (by index), its record, warnings."""

    pages: dict[int, PageGeometry]
    record: OcrRecord
    warnings: list[str] = field(default_factory=list)
    engine_seconds: float = 0.0
    cached: int = 0


def page_reason(geo: PageGeometry, mode: OcrMode, language: str | None) -> str | None:
    """Return why OCR reads a page (None: it does not): no text layer, a garbage layer, or mode always."""
    if mode == "never":
        return None
    if geo.scanned:
        return NO_TEXT_LAYER
    if mode == "always":
        return ALWAYS
    return garbage_layer(geo.text, language) if geo.text else None


#: A page OCR reads: its index, why, and the language of its text layer (ISO 639-1; None: it has none).
Job = tuple[int, str, str | None]


def pages_to_read(pages: list[PageGeometry], mode: OcrMode, spec: SourceSpec | None = None
                  ) -> tuple[list[Job], str | None]:
    """Return the pages OCR reads and the language of the document's text layer (ISO 639-1, or None).

    With the PDF's `spec`, auto also reads the pages whose text is an old OCR layer (`old_layer_pages`)."""
    if mode == "never":
        return [], None
    text = " ".join(geo.text for geo in pages if geo.text and not geo.scanned)
    language = detect_language(text) if text else None
    jobs = [(k, reason, page_language(geo, language)) for k, geo in enumerate(pages)
            if (reason := page_reason(geo, mode, language))]
    if spec is not None and mode == "auto":
        jobs = sorted(jobs + _old_layer_jobs(pages, {k for k, _, _ in jobs}, spec, language))
    return jobs, language


def _old_layer_jobs(pages: list[PageGeometry], taken: set[int], spec: SourceSpec, language: str | None) -> list[Job]:
    """Return the jobs of the pages with a text layer, not `taken` yet, whose text is an old OCR layer."""
    rest = [k for k, geo in enumerate(pages) if k not in taken and geo.text and not geo.scanned]
    return [(k, OLD_OCR_LAYER, page_language(pages[k], language)) for k in old_layer_pages(spec, rest)]


def old_layer_pages(spec: SourceSpec, indexes: list[int]) -> list[int]:
    """Return which of a PDF's pages `indexes` carry an old OCR layer (layer.ocr_layer_pages). The first of them
    is looked at alone first: a born-digital document costs one page's look (a scan's pages are all alike)."""
    if spec.kind != "pdf" or not indexes:
        return []
    if not ocr_layer_pages(spec.data, indexes[:1], spec.password):
        return []
    return [indexes[0], *sorted(ocr_layer_pages(spec.data, indexes[1:], spec.password))]


def page_language(geo: PageGeometry, language: str | None) -> str | None:
    """Return the language a page with a text layer is read in: its own text's (an Arabic annex of an English
    report is read with Arabic data, even where its glyphs were coded wrong), else the document's."""
    if not geo.text or geo.scanned:
        return None
    return detect_language(geo.text) or language


class _Steps:
    """Counts the pages read across the languages' runs, for `progress(done, total)`."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def step(self, done: int = 0, total: int = 0) -> None:
        """One more page is read (the arguments of a run's own count are not used)."""
        del done, total
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)


def read_scan(spec: SourceSpec, jobs: list[Job], language: str | None, *, deadline: float,
              timeout: float, progress: Progress | None = None) -> ScanResult:
    """Return the pages `jobs` read by OCR: a page with a text layer in that layer's language, the others in
    the document's (`language`) or, where it has no text layer at all, the one its first page shows."""
    langs = {k: iso for k, _, iso in jobs if iso is not None}
    reads: dict[int, PageRead] = {}
    steps = _Steps(progress, len(jobs))
    unknown = [k for k, _, iso in jobs if iso is None]
    if unknown:
        iso, first = choose_language(spec, unknown[0], language)
        langs.update((k, iso) for k in unknown)
        if first is not None:
            reads[first.index] = first
            steps.step()
    for iso in sorted(set(langs.values())):
        todo = [k for k, _, _ in jobs if langs[k] == iso and k not in reads]
        for page in read_pages(spec, todo, DPI, tesseract_language(iso), deadline, timeout, steps.step):
            reads[page.index] = page
    return _result(jobs, reads, langs)


def choose_language(spec: SourceSpec, first: int, language: str | None) -> tuple[str, PageRead | None]:
    """Return (ISO 639-1 code, page `first` read in it or None) for a scan.

    The text layer's language decides where there is one; else page `first` is read with English data and
    its words' language, or failing that its script, decides. The page read is kept when English it is.
    """
    if language in TESSERACT_LANGUAGES:
        return language, None
    pages = open_pages(spec)
    try:
        read = read_one(pages, first, DPI, "eng")
        iso = detect_language(" ".join(w.text for w in read.words))
        if iso is None and len(read.words) >= SCRIPT_WORDS:
            iso = SCRIPT_LANGUAGES.get(detect_script(pages.image(first, DPI)) or "")
    finally:
        pages.close()
    iso = iso or "en"
    return iso, read if tesseract_language(iso) == "eng" else None


def _result(jobs: list[Job], reads: dict[int, PageRead], langs: dict[int, str]) -> ScanResult:
    """Return the pages' geometry after the OCR repairs, the record and the warnings."""
    vocabulary = Counter(w.text for page in reads.values() for w in page.words)
    record = OcrRecord(engine=engine_name(), dpi=DPI)
    result = ScanResult({}, record)
    symbols = document_symbols(spellings(vocabulary))
    for index, reason, _ in jobs:
        page = reads[index]
        iso = langs[index]
        first = page.height if index == 0 else None
        lines = repair_words(_lines(kept_words(page.words, page.width, symbols, first)), iso, vocabulary)
        lines = recycling_notice(lines)
        words = [w for line in lines for w in line]
        result.pages[index] = ocr_geometry(index + 1, page.width, page.height, words, page.rules)
        confidence = round(mean_confidence(page.words), 1)  # of all the engine read: the record says how well
        record.pages.append(OcrPage(index + 1, tesseract_language(iso), confidence, reason))
        result.engine_seconds += page.engine_seconds
        result.cached += page.cached
        result.warnings.extend(page_warnings(index + 1, page, page.words))
    result.warnings[:0] = summary_warnings(record)
    return result


def _lines(words: list[OcrWord]) -> list[list[OcrWord]]:
    """Return the words by OCR line, in the engine's order."""
    lines: dict[int, list[OcrWord]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    return list(lines.values())


def page_warnings(number: int, page: PageRead, words: list[OcrWord]) -> list[str]:
    """Return what the warnings say of one page OCR read: why it could not be read, or that its text is doubtful."""
    if page.error is not None:
        return [f"page {number}: {page.error}"]
    if not words:
        return [f"page {number}: OCR found no text (a blank page, a drawing or a photograph)"]
    confidence = mean_confidence(words)
    if confidence < LOW_CONFIDENCE:
        return [f"page {number}: OCR confidence {confidence:.0f} of 100 (a drawing, a map or a photograph: only "
                f"the words read with confidence {CONFIDENT_WORD:.0f} or more are kept)"]
    return []


def summary_warnings(record: OcrRecord) -> list[str]:
    """Return one warning per reason: which pages OCR read, with what, and the mean confidence."""
    by_reason: dict[str, list[OcrPage]] = {}
    for page in record.pages:
        by_reason.setdefault(page.reason, []).append(page)
    out = []
    for reason, pages in by_reason.items():
        confidence = sum(p.confidence for p in pages) / len(pages)
        languages = "+".join(sorted({p.language for p in pages}))
        noun = "page" if len(pages) == 1 else "pages"
        out.append(f"{noun} {page_ranges([p.page for p in pages])} read by OCR ({reason}; {record.engine}, "
                   f"{languages}, {record.dpi} dpi, mean confidence {confidence:.0f})")
    return out
