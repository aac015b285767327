"""Named regular-expression fragments, built small and combined in one place; `lazy` patterns compiled at first use."""

from __future__ import annotations

import re
from importlib import import_module
from types import ModuleType
from typing import Any, cast

__all__ = ["ODD_CASES", "Keywords", "lazy"]

#: What a compiled pattern is asked: `_Lazy` binds these on itself at first use, so that later calls go
#: straight to the compiled pattern's methods, with no wrapper in between.
_PATTERN_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
                       "groups", "groupindex")


class _Lazy:
    """A pattern compiled at its first use: importing a module then costs no compilation for the patterns a
    run never asks (`re.compile` of the package's patterns was 0.45 s of every start, issue 16)."""

    __slots__ = ("__dict__", "flags", "module", "pattern")

    def __init__(self, pattern: str, flags: int, module: str) -> None:
        self.pattern = pattern
        self.flags = flags
        self.module = module  # by name, so that the object pickles as a compiled pattern does

    def __getattr__(self, name: str) -> Any:
        """Compile the pattern (on the first look-up of a method: later ones find it bound on the object)."""
        if name.startswith("__") or name not in _PATTERN_ATTRIBUTES:
            raise AttributeError(name)
        compiled = import_module(self.module).compile(self.pattern, self.flags)
        for attribute in _PATTERN_ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self.flags!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Lazy, (self.pattern, self.flags, self.module))


def lazy(pattern: str, flags: int = 0, module: ModuleType = re) -> re.Pattern[str]:
    """Return a pattern that compiles on its first use (with `module`: `re`, or the `regex` package).

    It answers what a compiled pattern answers (search, match, finditer, sub, ..., pattern, flags), at the
    same cost once compiled; it is no `re.Pattern` instance, so give its methods, not itself, to a function
    of the `re` module (`re.sub(lazy_pattern, ...)` fails).
    """
    return cast("re.Pattern[str]", _Lazy(pattern, flags, module.__name__))

# --- Keywords in any case ------------------------------------------------------------------------------
# The letters whose case `str.lower` and IGNORECASE (of `re` and of `regex`) read differently: "İ" lowers to two
# characters; each other one matches under IGNORECASE a letter it does not lower to, or is such a letter (the
# extra cases: "ı" and "i", "ſ" and "s", Greek and old Cyrillic variant forms). tests/test_cite_keywords.py
# derives them again for the keywords of the package.
ODD_CASES = (
    "is\xb5\u0130\u0131\u017f\u0345\u0390\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2\u03c3"
    "\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u0432\u0434\u043e\u0441\u0442\u044a\u0463\u1c80\u1c81"
    "\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64b\ufb05\ufb06"
)


class Keywords:
    """Whether a text holds one of some keywords, in any case: what ``search("(?i:k1|k2|…)", text)`` answers.

    A case-insensitive alternation visits every character with every keyword (0.8 s of the dev and Council
    texts for the short forms' keywords, 7 % of a text parse; issue 16); `str.lower` and `in` give the same answer
    ten times faster. A text that holds a letter whose case the two read differently (`ODD_CASES`) is asked of
    the pattern itself (compiled by `module`, `re` or `regex`), so the answer is the pattern's on every text.
    """

    __slots__ = ("_odd", "module", "pattern", "words")

    def __init__(self, *words: str, module: ModuleType = re) -> None:
        lowered = [word.lower() for word in words]
        # A word that holds another is found with it ("aforesaid" with "said"): one scan fewer of every text.
        self.words = tuple(w for w in lowered if not any(other in w and other != w for other in lowered))
        self.module = module.__name__
        self.pattern = lazy("(?i:" + "|".join(re.escape(word) for word in words) + ")", 0, module)
        self._odd: str | None = None  # the odd letters that bear on these keywords, found at first use

    def found_in(self, text: str, lowered: str | None = None) -> bool:
        """Return whether `text` holds a keyword in any case (`lowered`: text.lower(), when the caller has it)."""
        for c in self._odd_letters():  # loops, not any(): a generator costs more than these tests
            if c in text:
                return self.pattern.search(text) is not None
        low = text.lower() if lowered is None else lowered
        for word in self.words:  # noqa: SIM110  (as above)
            if word in low:
                return True
        return False

    def _odd_letters(self) -> str:
        """Return the letters of `ODD_CASES` that match, under IGNORECASE, a letter of the keywords other than
        the one they lower to: where `str.lower` would miss what the pattern finds."""
        if self._odd is None:
            letters = set("".join(self.words))
            self._odd = "".join(c for c in ODD_CASES if self._either_case(letters - {c.lower()}, c))
        return self._odd

    def _either_case(self, letters: set[str], c: str) -> bool:
        """Return whether IGNORECASE matches `c` with one of `letters`."""
        if not letters:
            return False
        module = import_module(self.module)
        either = module.compile("(?i:[" + re.escape("".join(sorted(letters))) + "])")
        return either.fullmatch(c) is not None


# --- Page furniture ---------------------------------------------------------------
# The rule above the footnotes: a run of underscores.
FOOTNOTE_SEPARATOR = r"_{5,}"
FOOTNOTE_SEPARATOR_RE = re.compile(rf"^\s*{FOOTNOTE_SEPARATOR}\s*$")
# Job number printed on each page: "25-02826", "25-02826 (E)", "GE.19-13879(E)", "N9400123"; a letter may
# follow the digits ("25-05010X (E)", the executive boards' documents).
JOB_NUMBER = r"(?:[A-Z]{1,3}\.)?\d{2}-\d{5}[A-Z]?\*?\s*(?:\([A-Z]\))?"
JOB_NUMBER_RE = re.compile(rf"^\s*{JOB_NUMBER}\s*(?:\d{{6}})?\s*(?:\*\d{{7,}}\*)?\s*$")
# Date stamp under the job number ("270225") and the bar code text ("*2502826*").
STAMP_RE = re.compile(r"^\s*(?:\d{6}|\*\d{6,9}\*|\d{6}\s+\d{6})\s*$")
# Page numbers: "2/3", "Page 2", "- 2 -", "/..."
PAGE_NUMBER_RE = re.compile(r"^\s*(?:\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s+\d+|P[áa]gina\s+\d+|-\s*\d+\s*-|/\s*\.\.\.)\s*$")
# A line that holds only a UN symbol or two, as running heads print them. A convention's body numbers its
# sessions in brackets inside the symbol: "ICCD/COP(16)/1", "ICCD/CRIC(22)/2".
SYMBOL = r"[A-Z][A-Z0-9.\-]*/(?:[A-Z][A-Za-z0-9.\-]*\(\d{1,3}\)/)?[A-Za-z0-9.\-/]*\d[A-Za-z0-9.\-/]*\*?"
SYMBOL_LINE_RE = re.compile(rf"^\s*{SYMBOL}(?:\s*\(\d{{4}}\)\*?)?(?:\s*[-–]\s*{SYMBOL})?\s*$")
# Header date of meeting records: "16/04/2025".
HEADER_DATE_RE = re.compile(r"^\s*\d{2}/\d{2}/\d{4}\s*$")
# Language line in old running heads: "English", "Français"...
HEADER_LANGUAGE_RE = re.compile(r"^\s*(?:English|French|Spanish|Russian|Arabic|Chinese|Français|Español)\s*$")
BOILERPLATE_RE = re.compile(
    r"^\s*(?:Please recycle|Merci de recycler|Sírvase reciclar|Просьба отправить на вторичную переработку"
    r"|Check for updates|This record contains the text of speeches|Corrections should be submitted"
    r"|\(E\)|\*\s*\d{7,}\s*\*)\s*$",
    re.I,
)

# --- Links ----------------------------------------------------------------------------
URL_HEAD = r"(?:https?://|www\.)"
URL_BODY = r"[^\s<>\"“”«»]+"
URL_RE = re.compile(rf"{URL_HEAD}{URL_BODY}", re.I)
URL_LINE_RE = re.compile(rf"^{URL_HEAD}\S+$", re.I)

# --- Footnotes ------------------------------------------------------------------------
# A label line printed apart from its note: "1", "12", "1/", "a", "*".
LABEL_LINE_RE = re.compile(r"^\s*(\d{1,3})/?\s*$|^\s*([a-z]|\*{1,3})\s*$")
# A note that starts with its label on the same line: "1 FCCC/CP/1995/7/Add.1", " 3  Letter dated".
INLINE_NOTE_RE = re.compile(
    r"^\s{0,6}(\d{1,3}|[a-z](?=/?\s{1,6}[A-Z]))/?\s{1,6}(?=\S)(?!(?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December|per|km|and|to|of)\b)"
)
STAR_NOTE_RE = re.compile(r"^\s{0,6}(\*{1,3})\s*(?=[A-Z])")

# --- Masthead ---------------------------------------------------------------------------
MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTHS_FR = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre"
MONTHS_ES = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
MONTHS_RU = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:er)?"
YEAR = r"(?:19|20)\d{2}"
DATE_RE = re.compile(
    rf"\b(?P<day>{DAY})\s+(?:de\s+)?(?P<month>{MONTHS_EN}|{MONTHS_FR}|{MONTHS_ES}|{MONTHS_RU})"
    rf"\s+(?:de\s+)?(?P<year>{YEAR})(?:\s*г(?:ода|\.))?",
    re.I,
)
DISTR_RE = re.compile(r"^\s*(?:Distr\b\.?|Дистр\b\.?)\s*:?\s*(?P<kind>[A-Za-zÀ-ÿА-я]+)?", re.I)
ORIGINAL_RE = re.compile(r"^\s*(?:Original|Оригинал|Original)\s*:\s*(?P<lang>[^\s]+)", re.I)
# "Agenda items 32, 60 and 132", "Item 110 (f) of the provisional agenda", "Point 40 de l’ordre du jour",
# "Tema 165 del programa", "Пункт 40 повестки дня".
_ITEM_LIST = r"\d{1,3}(?:\s*\([a-z]{1,4}\))?(?:\s*(?:,|and|et|y|и)\s*\d{1,3}(?:\s*\([a-z]{1,4}\))?)*"
AGENDA_RE = re.compile(
    rf"^\s*(?:Agenda items?|Items?|Points?|Temas?|Пункты?|Punto)\s+(?P<items>{_ITEM_LIST})"
    r"(?:\s+(?:of the (?:provisional |preliminary |annotated )?(?:agenda|list)|de l[’']ordre du jour.*"
    r"|del programa.*|(?:предварительной )?повестки дня.*))?\s*\**\s*$",
    re.I,
)
AGENDA_ITEM_RE = re.compile(r"\d{1,3}(?:\s*\([a-z]{1,4}\))?")

# --- Body structure ---------------------------------------------------------------------
SIGNED_RE = re.compile(r"^\s*\((?:Signed|Signé|Firmado|Подпись)\)\s*(?P<name>.*)$", re.I | re.M)
LIST_ITEM_RE = re.compile(
    r"^\s*(?:\d{1,3}\.(?=\s|$)|\([a-z]{1,4}\)(?=\s|$)|[a-z]\)(?=\s)|[•▪·–\-](?=\s)|\(\d{1,3}\)(?=\s))"
)
TERMINAL_PUNCT = '.:;!?”")’]»'


# The flags a pattern may keep inside any_of's one pattern, as a scoped group writes them.
_SCOPED_FLAGS = {re.IGNORECASE: "i", re.MULTILINE: "m", re.DOTALL: "s", re.VERBOSE: "x"}


def any_of(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """Return one pattern whose `match` succeeds where the `match` of any of `patterns` does: one call, where a
    call per pattern cost more than the tests themselves (they run on every line). Each keeps its own flags in
    a scoped group ("(?i:...)"); a pattern may take no other flag, and no back-reference by number."""
    parts = []
    for pattern in patterns:
        flags = pattern.flags & ~re.UNICODE
        letters = "".join(letter for flag, letter in _SCOPED_FLAGS.items() if flags & flag)
        if flags & ~sum(_SCOPED_FLAGS) or re.search(r"\\[1-9]|\(\?P=", pattern.pattern):
            raise ValueError(f"any_of cannot keep this pattern's flags or back-references: {pattern.pattern!r}")
        parts.append(f"(?{letters}:{pattern.pattern})")
    return re.compile("|".join(parts))
