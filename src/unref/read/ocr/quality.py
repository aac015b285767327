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
0.315, median 0.09. MAX_DAMAGE sits at 1.6 times the born-digital maximum: a page wrongly OCR'd
costs more than an old layer kept, so the mildest old pages pass. The OCR layers of A/44/886 and
E/ICEF/672 (Part II) are good (damage at most 0.014, as born-digital text): their text cannot
tell them apart; only the page can (a full-page image under invisible text). The Arabic annex
of S/2025/354 (a born-digital PDF) is flagged, rightly: its font map drops letters
("ال عيلت" for "المعيلق"), damage 0.43 to 0.58. Private-use glyphs on a born-digital page: at most
0.5 %; letters outside the UN scripts: at most 0.8 %. A word split at a line end with a hyphen is
joined before it is looked up, so the halves of a long Russian word are not counted as unknown.

It runs on every page of every PDF, so a quick look comes first (`plainly_fine`): a page of
Latin letters only (Windows-1252) whose sample of 80 body words are all known (one may not be)
is fine without measuring; 1,514 of the 2,042 dev pages stop there, and no verdict differs from
the full measure. Best of 5 over the dev pages on a loaded machine: 0.2 ms a page that stops at
the look, 0.8 ms a page measured, 0.6 ms on average (the first form of the measure took 6.3 ms):
regular-expression scans that start at the rare characters they look for, one pass over the
runs of letters, cached dictionary look-ups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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
# Letters of the UN scripts: Latin (with its extensions), Cyrillic, Arabic (and its presentation
# forms), CJK ideographs and kana (a Chinese page quotes Japanese names), Hangul.
_UN_LETTERS = (
    "A-Za-z\u00aa\u00b5\u00ba\u00c0-\u024f\u1e00-\u1eff\u0400-\u052f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
    "\ufb50-\ufdff\ufe70-\ufeff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\U00020000-\U0002fa1f"
)
_OUTSIDE_RE = re.compile(f"[^\\W\\d_{_UN_LETTERS}]")
_RUN_RE = re.compile(r"[^\W\d_]+")  # a run of letters
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_LATIN_RE = re.compile("[A-Za-z]")
# An address, a symbol or an e-mail holds one of these; none is a word of any language.
# A web address's query, split over lines, holds "%" or "=" ("%7Ctwgr%5E", "&id=1000644").
_NOT_PROSE = ("/", "@", "www.", ".org", ".int", ".com", ".net", ".pdf", ".htm", "%", "=")
# A word split at a line end: "establis-\nsement"; pdfium marks a soft break with U+FFFE and may
# give no line break after it ("посткон\ufffeфликтному"). The hyphen comes first in the pattern,
# so the scan stops only at hyphens.
_LINE_END_HYPHEN_RE = re.compile(
    r"[-\u2010](?<=[^\W\d_].)[ \t]*\r?\n[ \t]*(?=[^\W\d_])"
    r"|[\u00ad\ufffe](?<=[^\W\d_].)[ \t]*(?:\r?\n)?[ \t]*(?=[^\W\d_])"
)
# Letters touching what no word holds: a stray symbol, a digit between letters, a stop or comma
# inside a word ("ail&r", "Secm6y", "c-.he", "S&lCh6"). Brackets, asterisks, quotes and a currency
# sign after letters are left out: editors print "[sic]", "Ireland*", "l'homme", "US$"; so are
# abbreviations of single letters ("e.g.").
_ODD_RE = re.compile(
    r"[&~!|{}\\^`¦<>=#](?<=[^\W\d_].)|[&~!|{}\\^`¦<>=#](?=[^\W\d_])|\$(?<=[^\W\d_].)(?=[^\W\d_])"
    r"|\d+(?<=[^\W\d_]\d)(?=[a-z])|[.,;:](?<=[a-z]{2}.)(?=[a-z]{2})|[.,;:](?<=[-.,].)(?=[a-z])"
)
# The quick look: this many lowercase words from the page's body, of which at most QUICK_UNKNOWN unknown.
QUICK_WORDS = 80
QUICK_UNKNOWN = 1


@dataclass(frozen=True, slots=True)
class Signals:
    """The measured signals of one page's text layer."""

    private: float  # private-use glyphs, share of non-blank characters
    foreign: float  # letters outside the UN scripts or in mixed-script words, share of letters
    unknown: float  # lowercase words no dictionary of the script knows, share of lowercase words
    odd: float  # tokens with letters touching odd characters, share of tokens
    words: int  # lowercase words looked up
    script: str  # the script its words were judged in, as a wordfreq language: en (Latin), ru, ar, zh


def _script_of(runs: list[str], letters: int) -> str:
    """Return the script the page mostly writes in, as the wordfreq language that judges its words.

    The letters decide, not the document's language: an English annex of a Russian report is
    judged in English, and a Russian page whose broken font map gives Latin-1 letters
    ("Ïðåäñåäàòåëü") is judged as Latin words, which no dictionary knows.
    """
    counts = {"ru": 0, "ar": 0, "zh": 0}
    for run in runs:
        first = run[0]
        if "\u0400" <= first <= "\u04ff":
            counts["ru"] += len(run)
        elif "\u0620" <= first <= "\u06ff" or "\ufb50" <= first <= "\ufeff":
            counts["ar"] += len(run)
        elif "\u3400" <= first <= "\u9fff" or "\uf900" <= first <= "\ufaff":
            counts["zh"] += len(run)
    script, most = max(counts.items(), key=lambda kv: kv[1])
    return script if most * 2 > letters else "en"


def _words(runs: list[str], script: str) -> list[str]:
    """Return the page's lowercase words of three letters or more, in its script."""
    if script == "ru":
        return [w for w in runs if len(w) > 2 and "\u0430" <= w[0] <= "\u045f" and w.islower()]
    if script == "ar":
        return [w for w in runs if len(w) > 2 and "\u0620" <= w[0] <= "\u064a"]
    if script == "zh":
        return []  # Chinese writes no spaces between words: judged by script and private glyphs only
    return [w for w in runs if len(w) > 2 and w < "\u0250" and w.islower()]


@lru_cache(maxsize=200_000)
def _known(word: str, script: str) -> bool:
    """Return True when wordfreq knows the word in a language of its script."""
    langs = _SCRIPT_LANGS.get(script, _LATIN_LANGS)
    return any(zipf(word, lang) > 0 for lang in langs)


def _prose(text: str) -> tuple[str, int]:
    """Return the page's prose (split words joined, addresses and symbols left out) and its token count."""
    tokens = _LINE_END_HYPHEN_RE.sub("", text).split()
    kept = [t for t in tokens if t.isalpha() or not any(mark in t for mark in _NOT_PROSE)]
    return " ".join(kept), len(kept)


def _mixed_script_letters(runs: list[str]) -> int:
    """Return the letters of words that mix Latin and Cyrillic letters ("Sеcurity" with a Cyrillic е)."""
    return sum(len(r) for r in runs if _CYRILLIC_RE.search(r) and _LATIN_RE.search(r))


def _odd_tokens(prose: str) -> int:
    """Return how many of the prose's tokens (joined by single blanks) hold an odd character."""
    count, last = 0, -1
    for m in _ODD_RE.finditer(prose):
        if last < 0 or " " in prose[last : m.start()]:
            count += 1  # the first odd spot of its token
        last = m.end()
    return count


def signals(text: str, language: str | None) -> Signals:
    """Measure one page's text layer (see the module docstring).

    `language` is the page's language as the document gives it; the page's own letters decide
    the script its words are judged in (see `_script_of`), so it is kept for the signature only.
    """
    del language
    prose, tokens = _prose(text)
    runs = _RUN_RE.findall(prose)
    letters = sum(map(len, runs))
    script = _script_of(runs, letters)
    words = _words(runs, script)
    unknown = {w for w in set(words) if not _known(w, script)}
    mixed = _mixed_script_letters(runs) if _CYRILLIC_RE.search(text) else 0
    nonblank = len(text) - sum(text.count(c) for c in " \n\r\t\f\xa0")
    return Signals(
        private=len(_PRIVATE_RE.findall(text)) / max(1, nonblank),
        foreign=(len(_OUTSIDE_RE.findall(text)) + mixed) / max(1, letters),
        unknown=sum(1 for w in words if w in unknown) / max(1, len(words)),
        odd=_odd_tokens(prose) / max(1, tokens),
        words=len(words),
        script=script,
    )


def plainly_fine(text: str) -> bool:
    """Return True when a quick look shows a sound Latin text layer, so that no signal need be measured.

    Nearly every character in Windows-1252 (Latin letters only, no private glyph: the few outside
    it, a dash or a symbol, are too few to pass a threshold), and of QUICK_WORDS lowercase words
    from the page's body at most QUICK_UNKNOWN that no dictionary knows or that hold a stray
    symbol. A page that fails the look is measured in full: the look only saves time on the
    born-digital pages, nearly all of them.
    """
    outside = len(text) - len(text.encode("cp1252", "ignore"))  # a one-byte code: one byte a character
    if outside * 200 > len(text):
        return False
    start = len(text) // 4
    tokens = text[start : start + 10 * QUICK_WORDS].split()[1:]  # the first may be cut
    sample = [w for w in tokens if len(w) > 2 and w.isalpha() and w.islower()]
    if len(sample) < QUICK_WORDS // 2:
        return False
    unknown = sum(1 for w in sample[:QUICK_WORDS] if not _known(w, "en"))
    return unknown + _odd_tokens(" ".join(tokens)) <= QUICK_UNKNOWN


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
    if plainly_fine(text):
        return None
    return verdict(signals(text, language))
