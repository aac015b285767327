"""Word frequencies from wordfreq, cached, for the decisions repair makes."""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

SUPPORTED = {"en", "fr", "es", "ru", "ar", "zh", "de", "it", "pt"}


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str = "en") -> float:
    """Return the Zipf frequency of a word (0 for unknown, 7 for the most common)."""
    if lang not in SUPPORTED:
        lang = "en"
    return float(zipf_frequency(word, lang))


def is_word(word: str, lang: str = "en", floor: float = 3.0) -> bool:
    """Return True when the word is common enough to be a real word on its own."""
    return zipf(word, lang) >= floor
