"""read.ocr.repairs: OCR's own damage undone on one page's words, as named steps."""

from __future__ import annotations

from collections import Counter

from unref.read.ocr.words import OcrWord


def repair_words(lines: list[list[OcrWord]], language: str, vocabulary: Counter[str]) -> list[list[OcrWord]]:
    """Return one page's OCR lines after the named repair steps; `vocabulary` counts the document's words."""
    del language, vocabulary
    return lines
