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


Box = tuple[float, float, float, float]


def box_of(words: list[OcrWord]) -> Box:
    """Return the box (left, bottom, right, top) the words take together."""
    return (min(w.left for w in words), min(w.bottom for w in words), max(w.right for w in words),
            max(w.top for w in words))


def spread(parts: list[str], box: Box, line: int, conf: float) -> list[OcrWord]:
    """Return the parts of one reading as words that share the box by their letters (a space a letter wide
    between them), on the given engine line, with `conf`: where a zone or a word read again gives several words."""
    left, bottom, right, top = box
    step = (right - left) / max(1, sum(len(p) for p in parts) + len(parts) - 1)
    out, at = [], left
    for p in parts:
        out.append(OcrWord(p, round(at, 2), bottom, round(at + step * len(p), 2), top, conf, line))
        at += step * (len(p) + 1)
    return out
