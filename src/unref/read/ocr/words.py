"""read.ocr.words: one word as the OCR engine read it, with its box and confidence.

The shared unit of the OCR modules: the engine gives words, the OCR repairs edit them, and the
page builder turns them into rows of glyphs for the PDF layout code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class OcrWord:
    """A word read by OCR, in page points (origin bottom left, as pdfium's boxes).

    `line` numbers the engine's text lines on the page, in its reading order; `conf` is the
    engine's confidence, 0 to 100.
    """

    text: str
    left: float
    bottom: float
    right: float
    top: float
    conf: float
    line: int
