"""Word frequencies from wordfreq, read straight from its tables, for the decisions repair makes."""

from __future__ import annotations

import math
from functools import cache, lru_cache

from wordfreq import get_frequency_dict

SUPPORTED = {"en", "fr", "es", "ru", "ar", "zh", "de", "it", "pt"}


@cache
def _table(lang: str) -> dict[str, float]:
    return get_frequency_dict(lang, wordlist="best")


@lru_cache(maxsize=400_000)
def zipf(word: str, lang: str = "en") -> float:
    """Return the Zipf frequency of a word (0 for unknown, about 7 for the most common)."""
    if lang not in SUPPORTED:
        lang = "en"
    freq = _table(lang).get(word.lower())
    return round(math.log10(freq) + 9, 2) if freq else 0.0


def is_word(word: str, lang: str = "en", floor: float = 3.0) -> bool:
    """Return True when the word is common enough to be a real word on its own."""
    return zipf(word, lang) >= floor
