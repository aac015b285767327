"""read.ocr.quality: is a page's text layer garbage (an old OCR layer, private-use glyphs)?

`garbage_layer` decides from three measured signals of the page's text, each a share:

- private-use glyphs (U+E000-U+F8FF and the supplementary private planes): a font without a
  Unicode map gives its glyphs' private codes, and no reader can search them;
- letters outside every script the UN writes in (Latin, Cyrillic, Arabic, Chinese): a broken font
  map gives Greek, Armenian, box-drawing or symbol letters for a Latin page; words that mix Latin
  and Cyrillic letters ("Sеcurity" with a Cyrillic "е") count too;
- damage in the words of the page's language: lowercase words of three letters or more that
  wordfreq does not know in any language of the page's script (a proper name is capitalised, a
  quoted Italian phrase is known in Italian; an old OCR layer reads "raport", "axxd", "iiter"),
  and tokens where letters touch characters that no word holds ("ail&r", "Secm6y", "c-.he").

The thresholds come from every page of every PDF of the dev corpus (2,042 pages;
`bench/scanned.py --quality` prints the distribution). Damage (unknown + odd), pages of 40 words
or more: born-digital English at most 0.050 (99.9th percentile 0.038), French 0.007, Spanish
0.013, Russian 0.031; the old OCR layers of 1992-1995 (S/23402, S/23777, S/1995/987) 0.044 to
0.319, median 0.09. MAX_DAMAGE sits at 1.6 times the born-digital maximum: a page wrongly OCR'd
costs more than an old layer kept, so the mildest old pages pass. The OCR layers of A/44/886 and
E/ICEF/672 (Part II) are good (damage at most 0.014, as born-digital text): their text cannot
tell them apart; only the page can (a full-page image under invisible text). The Arabic annex
of S/2025/354 (a born-digital PDF) is flagged, rightly: its font map drops letters
("ال عيلت" for "المعيلق"), damage 0.43 to 0.58. Private-use glyphs on a born-digital page: at most
0.5 %; letters outside the UN scripts: at most 1.6 %. A word split at a line end with a hyphen is
joined before it is looked up, so the halves of a long Russian word are not counted as unknown.

It runs on every page of every PDF: a handful of regular-expression passes over the text, a
dictionary look-up per lowercase word (cached), no per-character Python loop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unref.text.words import zipf

# Pages with fewer words than this say too little to be judged on words (a map, a title page).
MIN_WORDS = 40
# Thresholds, each a share; see the module docstring for where they come from.
MAX_PRIVATE = 0.02  # of all non-blank characters
MAX_FOREIGN = 0.10  # of all letters
MAX_DAMAGE = 0.08  # of lowercase words (unknown) + of tokens (odd characters)

# The languages wordfreq knows in each UN script; an unknown word is unknown in all of them.
_LATIN_LANGS = ("en", "fr", "es", "de", "it", "pt")
_SCRIPT_LANGS = {"ru": ("ru",), "ar": ("ar",), "zh": ()}

_PRIVATE_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010fffd]")
_NONBLANK_RE = re.compile(r"\S")
_LETTER_RE = re.compile(r"[^\W\d_]")
# Letters of the UN scripts: Latin (with its extensions), Cyrillic, Arabic (and its presentation
# forms), CJK ideographs and kana (a Chinese page quotes Japanese names), Hangul.
_UN_SCRIPT_RE = re.compile(
    "[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u024f\u1e00-\u1eff\u0400-\u052f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
    "\ufb50-\ufdff\ufe70-\ufeff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\U00020000-\U0002fa1f]"
)
_MIXED_SCRIPT_RE = re.compile(r"(?=\w*[A-Za-z])(?=\w*[\u0400-\u04ff])[^\W\d_]+")
# Addresses, symbols and e-mail are not words of any language.
_NOT_PROSE_RE = re.compile(r"\S*(?:/|@|://|www\.|\.(?:org|int|com|net|pdf|html?)\b)\S*")
# A word split at a line end: "establis-\nsement"; pdfium marks a soft break with U+FFFE and may
# give no line break after it ("посткон\ufffeфликтному").
_LINE_END_HYPHEN_RE = re.compile(
    r"(?<=[^\W\d_])(?:[-\u2010][ \t]*\r?\n|[\u00ad\ufffe][ \t]*(?:\r?\n)?)[ \t]*(?=[^\W\d_])"
)
_TOKEN_RE = re.compile(r"\S+")
_SCRIPT_RES = (
    ("ru", re.compile("[\u0400-\u04ff]")),
    ("ar", re.compile("[\u0620-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")),
    ("zh", re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
)
# Whole lowercase words only: never the tail of a capitalised one.
_LATIN_WORD_RE = re.compile(r"(?<![^\W\d_])[a-zß-öø-ÿā-ž]{3,}(?![^\W\d_])")
_CYRILLIC_WORD_RE = re.compile(r"(?<![^\W\d_])[\u0430-\u045f]{3,}(?![^\W\d_])")
_ARABIC_WORD_RE = re.compile(r"(?<![^\W\d_])[\u0620-\u064a]{3,}(?![^\W\d_])")
# Letters touching what no word holds: a stray symbol, a digit between letters, a stop or comma
# inside a word ("ail&r", "Secm6y", "c-.he", "S&lCh6%"). Brackets, asterisks, quotes and a currency
# sign after letters are left out: editors print "[sic]", "Ireland*", "l'homme", "US$"; so are
# abbreviations of single letters ("e.g.").
_ODD_RE = re.compile(
    r"[^\W\d_][&~!|{}\\^`¦<>=#]|[&~!|{}\\^`¦<>=#][^\W\d_]|[^\W\d_]\$[^\W\d_]|[^\W\d_]\d+[a-z]"
    r"|[a-z]{2}[.,;:][a-z]{2}|[-.,][.,;:][a-z]"
)


@dataclass(frozen=True, slots=True)
class Signals:
    """The measured signals of one page's text layer."""

    private: float  # private-use glyphs, share of non-blank characters
    foreign: float  # letters outside the UN scripts or in mixed-script words, share of letters
    unknown: float  # lowercase words no dictionary of the script knows, share of lowercase words
    odd: float  # tokens with letters touching odd characters, share of tokens
    words: int  # lowercase words looked up
    script: str  # the script its words were judged in, as a wordfreq language: en (Latin), ru, ar, zh


def _script_of(text: str, letters: int) -> str:
    """Return the script the page mostly writes in, as the wordfreq language that judges its words.

    The letters decide, not the document's language: an English annex of a Russian report is
    judged in English, and a Russian page whose broken font map gives Latin-1 letters
    ("Ïðåäñåäàòåëü") is judged as Latin words, which no dictionary knows.
    """
    for script, pattern in _SCRIPT_RES:
        if len(pattern.findall(text)) * 2 > letters:
            return script
    return "en"


def _words(text: str, script: str) -> list[str]:
    """Return the page's lowercase words of three letters or more, in its script."""
    if script == "ru":
        return _CYRILLIC_WORD_RE.findall(text)
    if script == "ar":
        return _ARABIC_WORD_RE.findall(text)
    if script == "zh":
        return []  # Chinese writes no spaces between words: judged by script and private glyphs only
    return [w for w in _LATIN_WORD_RE.findall(text) if w.islower()]


def _known(word: str, script: str) -> bool:
    """Return True when wordfreq knows the word in a language of its script."""
    langs = _SCRIPT_LANGS.get(script, _LATIN_LANGS)
    return any(zipf(word, lang) > 0 for lang in langs)


def signals(text: str, language: str | None) -> Signals:
    """Measure one page's text layer (see the module docstring).

    `language` is the page's language as the document gives it; the page's own letters decide
    the script its words are judged in (see `_script_of`), so it is kept for the signature only.
    """
    del language
    nonblank = len(_NONBLANK_RE.findall(text))
    letters = len(_LETTER_RE.findall(text))
    outside = letters - len(_UN_SCRIPT_RE.findall(text))
    mixed = sum(len(w) for w in _MIXED_SCRIPT_RE.findall(text))
    prose = _NOT_PROSE_RE.sub(" ", _LINE_END_HYPHEN_RE.sub("", text))
    script = _script_of(text, letters)
    words = _words(prose, script)
    unknown = sum(1 for w in words if not _known(w, script))
    tokens = _TOKEN_RE.findall(prose)
    odd = sum(1 for t in tokens if _ODD_RE.search(t))
    return Signals(
        private=len(_PRIVATE_RE.findall(text)) / max(1, nonblank),
        foreign=(max(0, outside) + mixed) / max(1, letters),
        unknown=unknown / max(1, len(words)),
        odd=odd / max(1, len(tokens)),
        words=len(words),
        script=script,
    )


def verdict(s: Signals) -> str | None:
    """Return the reason the measured signals make a page's text layer garbage, or None."""
    if s.private > MAX_PRIVATE:
        return f"{s.private:.0%} of its characters are private-use glyphs (a font without a Unicode map)"
    if s.foreign > MAX_FOREIGN:
        return f"{s.foreign:.0%} of its letters are outside the page's script (a broken font map)"
    damage = s.unknown + s.odd
    if s.words >= MIN_WORDS and damage > MAX_DAMAGE:
        return (
            f"an old OCR layer: {s.unknown:.0%} of its words are in no dictionary"
            f" and {s.odd:.0%} of its tokens hold stray symbols"
        )
    return None


def garbage_layer(text: str, language: str | None) -> str | None:
    """Return why a page's text layer is garbage, in words, or None when it reads as text."""
    return verdict(signals(text, language))
