"""Parse, print and find United Nations document symbols of every era.

A symbol is a run of "/"-separated elements: a series (``A``, ``S``, ``CEDAW``),
subsidiary bodies (``HRC``, ``C.3``, ``CN.4``), a session or year, a document type
(``RES``, ``PV.9999``, ``L.10``), a number, and trailing modifiers (``Add.1``,
``Rev.2``). Resolutions of the early eras carry a year or a roman session in
parentheses: ``S/RES/822 (1993)``, ``A/RES/217 A (III)``.

`parse` reads one symbol (normalising what pdftotext and typists do to it),
`parse_double` reads the ``A/79/796-S/2025/105`` form, and `find_symbols` finds
every symbol written in prose. The known series, bodies and document types come
from ``data/series.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, replace
from functools import cache
from urllib.parse import quote

from unref.catalogue import data
from unref.text.regexes import lazy

__all__ = [
    "NORMALISERS",
    "SYMBOL_RE",
    "Catalogue",
    "SeriesEntry",
    "Symbol",
    "SymbolError",
    "catalogue",
    "continuations",
    "find_symbols",
    "normalise",
    "parse",
    "parse_double",
    "try_parse",
]


class SymbolError(ValueError):
    """Raised when a text is not a UN document symbol."""


# ---------------------------------------------------------------------------
# The catalogue (data/series.json)


@dataclass(frozen=True, slots=True)
class SeriesEntry:
    """One series or body prefix of the catalogue, e.g. ``A/HRC``."""

    prefix: tuple[str, ...]
    organ: str
    name: str | None
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The known series, bodies and document types, read from ``series.json``."""

    entries: tuple[SeriesEntry, ...]
    types: dict[str, tuple[str, ...]]  # token -> examples
    series: frozenset[str]
    bodies: frozenset[str]


@cache
def catalogue() -> Catalogue:
    """Return the catalogue of series, bodies and document types (read once)."""
    raw = data("series")
    entries = tuple(
        SeriesEntry(
            prefix=tuple(item["prefix"].split("/")),
            organ=item["organ"],
            name=item.get("name"),
            examples=tuple(item["examples"]),
        )
        for item in raw["series"]
    )
    types = {item["token"]: tuple(item["examples"]) for item in raw["types"]}
    series = frozenset(entry.prefix[0] for entry in entries)
    bodies = frozenset(el for entry in entries for el in entry.prefix[1:] if el not in types)
    return Catalogue(entries=entries, types=types, series=series, bodies=bodies)


# ---------------------------------------------------------------------------
# Regex fragments. Every pattern below is built from these named pieces.

SP = r"[ \t\u00a0\u202f]"  # a space, including the no-break spaces of PDF text
DASH = r"[-\u2010\u2011\u2012\u2013\u2014\u2212]"  # hyphen, non-breaking hyphen, en/em dash, minus
WRAP = rf"{SP}*(?:\r?\n{SP}*)?"  # blanks, with at most one line break (pdftotext wraps after "/")
SLASH = rf"/{WRAP}"  # an element separator as found in prose
# Letters and digits that may not touch a symbol: Latin ones only, so that a symbol
# set without spaces in Chinese or Arabic text is still found, while superscript
# footnote marks (not in the class) may follow it.
LATIN_ALNUM = r"A-Za-z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
ELEMENT_END = rf"(?![{LATIN_ALNUM}])"  # an element never stops inside a word

MODIFIER = r"(?:Add|Corr|Rev|Amend)\.\d+"  # Add.17, Rev.1, Corr.1, Amend.2
SPECIAL_SESSION = rf"E?S{DASH}\d+"  # ES-10 (emergency special), S-13 (special session)
NUMBER = rf"\d+(?:{DASH}\d+)?"  # 796, 2025, and ranges of combined reports: CEDAW/C/CAF/1-5
# A session, part or issue number glued in parentheses to an element, as UNCTAD and the
# UNCCD write them: TD/40(2)/L.7 (second part of the fortieth session), TD/B/EX(2)/3,
# ICCD/COP(15)/2, UNCTAD/SHIP/494(12). At most three digits, so that a glued year
# "S/RES/822(1993)" stays the year of a resolution.
PAREN_NUMBER = r"\d+\(\d{1,3}\)"
PAREN_WORD = r"[A-Z]{1,8}\(\d{1,3}\)"
PART_LETTER = r"[A-Z]"  # the "A" of resolution 217 A (III), written after a space
PART = r"Part[IVX\d]+"  # PartII written as an element
# C.3, CN.4, AC.109, Sub.2, WG.III, SER.B, L.10, PV.64, and the bodies of regional commissions
# and conventions: CL3.SEP (E/ESCWA/CL3.SEP/2023/4), OzL.Pro.35 (UNEP/OzL.Pro.35/12), MP.WAT.
DOTTED = r"[A-Z][A-Za-z]*\d*(?:\.[A-Z][a-z]+)*\.(?:\d+|[A-Z]+)"
WORD = r"[A-Z]{1,8}"  # RES, HRC, ICEF, C, CAF, PRST
ROMAN = r"[IVXLC]+"  # the session of early resolutions: (III), (XLVIII)
YEAR = r"\d{4}"
DATE = rf"\d{{1,2}}{SP}+[^\W\d_]+{SP}+(?P<date_year>{YEAR})"  # "30 April 1993" standing for a year
EXTRA = (  # trailing qualifiers that are part of the symbol
    rf"\((?:(?:Resumption|Part|Sect\.|Vol\.){SP}(?:\d+|{ROMAN})"
    rf"|(?:Première|Deuxième|Troisième){SP}partie)\)"
)
SENTENCE_PUNCT = r"[.,;:]+"  # what ends a sentence, never a symbol

ELEMENT = (
    rf"(?:{MODIFIER}|{SPECIAL_SESSION}|{PAREN_NUMBER}|{PAREN_WORD}|{DOTTED}|{PART}|{NUMBER}|{WORD})"
    rf"(?:{ELEMENT_END}|(?<=\d)(?=(?:{{series}})/))"  # a number may touch the next symbol's series
)
# A symbol may start after a dash (the second half of a double symbol), never inside
# a word, a path, a file name or a query string.
SYMBOL_START = rf"(?<![{LATIN_ALNUM}/.%#&=@+\\])"


def _series_alternation() -> str:
    names = sorted(catalogue().series, key=len, reverse=True)
    return "|".join(re.escape(name) for name in names)


_SYMBOL_BODY = rf"""
    (?P<core>(?:{_series_alternation()})(?:{SLASH}{ELEMENT.replace("{series}", _series_alternation())})+)
    (?!{SLASH}[{LATIN_ALNUM}])              # an unreadable next element: not a clean symbol
    (?:(?P<letter>{SP}{PART_LETTER})?{WRAP}\((?:(?P<year>{YEAR}|{ROMAN})|{DATE})\))?
    (?:{WRAP}(?P<extra>{EXTRA}))?
    (?P<star>\*)?
    """
SYMBOL_RE: re.Pattern[str] = lazy(SYMBOL_START + _SYMBOL_BODY, re.VERBOSE)
# The second of two symbols whose separating dash was lost with a table-cell break:
# "A/79/359S/2024/684" is A/79/359 and S/2024/684. Tried only where a symbol just ended
# on a digit (see `_matches`).
_GLUED_RE: re.Pattern[str] = lazy(_SYMBOL_BODY, re.VERBOSE)

# The decorations after the "/"-separated core, in a text already normalised.
_TRAILER_RE = lazy(
    rf"(?P<core>(?:[^\s()*]|\(\d{{1,3}}\))+?)(?:{SP}(?P<letter>{PART_LETTER}))?"
    rf"(?:{SP}*\((?:(?P<year>{YEAR}|{ROMAN})|{DATE})\))?"
    rf"(?:{SP}*(?P<extra>{EXTRA}))?(?P<star>\*)?"
)
_DOUBLE_SPLIT_RE = lazy(rf"{SP}*{DASH}{SP}*(?=(?:{_series_alternation()})/)")
_MODIFIER_RE = lazy(MODIFIER)
_SPECIAL_SESSION_RE = lazy(SPECIAL_SESSION)
_NUMBER_RE = lazy(NUMBER)
_PAREN_NUMBER_RE = lazy(PAREN_NUMBER)
_PAREN_WORD_RE = lazy(PAREN_WORD)
_LETTERED_NUMBER_RE = lazy(rf"\d+ {PART_LETTER}")
_PART_RE = lazy(PART)
_DOTTED_RE = lazy(DOTTED)
_WORD_RE = lazy(WORD)
_ROMAN_RE = lazy(ROMAN)
_LANG_RE = lazy(r"[a-z]{2}")
# Cheap prefilter: every series ends in a capital letter right before its first "/", or in a
# capital and a dotted number (GEGN.2).
_PREFILTER_RE = lazy(r"[A-Z](?:\.\d+)?/")
# Text before a match, within the same token, that shows the match is inside a URL.
_URL_PREFIX_RE = lazy(r"://|^www\.|\.(?:org|int|com|net)/")


# ---------------------------------------------------------------------------
# The symbol


@dataclass(frozen=True, slots=True)
class Symbol:
    """A parsed UN document symbol; `str()` gives its canonical form."""

    series: str
    bodies: tuple[str, ...]
    session: str | None
    type: str | None
    number: str | None
    year: str | None
    modifiers: tuple[str, ...]
    reissue: bool
    parts: tuple[str, ...]
    extra: str | None
    country: str | None = None  # ISO code of treaty-body and UPR documents: CAF, ITA

    def __str__(self) -> str:
        """Return the symbol as the United Nations writes it."""
        text = "/".join(self.parts)
        if self.year:
            text += f" ({self.year})"
        if self.extra:
            text += f" {self.extra}"
        return text + ("*" if self.reissue else "")

    def url(self, lang: str = "en") -> str:
        """Return the undocs.org address of the document in `lang` (the reissue mark is dropped)."""
        lang = lang.lower()
        if not _LANG_RE.fullmatch(lang):
            raise ValueError(f"language must be a two-letter code such as 'en', not {lang!r}")
        text = str(self)
        if self.reissue:
            text = text[:-1]  # the reissue mark ends the printed symbol (__str__): no copy of the symbol to drop it
        return f"https://undocs.org/{lang}/{quote(text, safe='/()')}"

    @property
    def base(self) -> Symbol:
        """Return the symbol without Add./Corr./Rev./Amend. modifiers and reissue mark."""
        kept = self.parts[: len(self.parts) - len(self.modifiers)]
        return replace(self, parts=kept, modifiers=(), reissue=False)

    @property
    def organ(self) -> str | None:
        """Return the organ that issues the symbol's series, from the catalogue."""
        entry = _catalogue_entry(self.parts)
        return entry.organ if entry else None

    @property
    def is_resolution(self) -> bool:
        """Return whether the symbol is that of a resolution."""
        return self.type is not None and self.type.upper() == "RES"


def _prefix_score(prefix: tuple[str, ...], parts: tuple[str, ...]) -> tuple[int, int] | None:
    """Return (length, exact matches) when `prefix` heads `parts`, else None."""
    if len(prefix) > len(parts):
        return None
    exact = 0
    for want, got in zip(prefix, parts, strict=False):
        if got == want:
            exact += 1
        elif "." in want or not got.startswith(want + "."):
            return None
    return len(prefix), exact


def _catalogue_entry(parts: tuple[str, ...]) -> SeriesEntry | None:
    """Return the longest catalogue entry whose prefix heads `parts`."""
    best: tuple[tuple[int, int], SeriesEntry] | None = None
    for entry in catalogue().entries:
        score = _prefix_score(entry.prefix, parts)
        if score is not None and (best is None or score > best[0]):
            best = (score, entry)
    return best[1] if best else None


# ---------------------------------------------------------------------------
# Normalisation: small named steps applied to a symbol as found in a document.


# The normalisers' patterns, compiled once (each parse of a symbol ran the four through re's cache lookup).
_NO_BREAK_SPACE_RE = lazy(r"[\u00a0\u202f\t]")
_DASH_RE = lazy(DASH)
_LINE_WRAP_RE = lazy(rf"/{WRAP}")
_TRAILING_PUNCTUATION_RE = lazy(rf"{SENTENCE_PUNCT}$")


def _no_break_spaces(text: str) -> str:
    return _NO_BREAK_SPACE_RE.sub(" ", text)


def _dashes(text: str) -> str:
    return _DASH_RE.sub("-", text)


def _line_wraps(text: str) -> str:
    return _LINE_WRAP_RE.sub("/", text)


def _trailing_punctuation(text: str) -> str:
    return _TRAILING_PUNCTUATION_RE.sub("", text)


NORMALISERS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("strip", str.strip),
    ("no-break spaces", _no_break_spaces),
    ("dashes", _dashes),
    ("line wraps after a slash", _line_wraps),
    ("trailing sentence punctuation", _trailing_punctuation),
)


def normalise(text: str) -> str:
    """Return `text` with the clean-up steps of `NORMALISERS` applied in order."""
    for _name, step in NORMALISERS:
        text = step(text)
    return text


# ---------------------------------------------------------------------------
# Parsing


@dataclass(slots=True)
class _Fields:
    """The semantic fields gathered while reading the elements left to right."""

    bodies: list[str]
    types: list[str]
    countries: list[str]
    special: list[int]  # indexes of ES-10 / S-13 elements
    numeric: list[int]  # indexes of plain numbers
    numbered: list[int]  # indexes of every element that can be the document number
    numbers: dict[int, str]


def _classify(core: list[str], text: str) -> tuple[_Fields, int]:
    """Return the fields of the core elements and the index where modifiers start."""
    cat = catalogue()
    first_modifier = len(core)
    while first_modifier > 0 and _MODIFIER_RE.fullmatch(core[first_modifier - 1]):
        first_modifier -= 1
    f = _Fields([], [], [], [], [], [], {})
    for i, el in enumerate(core[:first_modifier]):
        if _MODIFIER_RE.fullmatch(el):
            raise SymbolError(f"modifier {el!r} must come last in {text!r}")
        if not _number_element(f, i, el):
            _named_element(f, core, i, first_modifier, cat, text)
    return f, first_modifier


def _number_element(f: _Fields, i: int, el: str) -> bool:
    """Record core[i] if it is a number: a special session (ES-10), a number (796, 1-5, 494(12)) or a
    part (PartII); return whether it was one."""
    if _SPECIAL_SESSION_RE.fullmatch(el):
        f.special.append(i)
    elif _NUMBER_RE.fullmatch(el) or _LETTERED_NUMBER_RE.fullmatch(el) or _PAREN_NUMBER_RE.fullmatch(el):
        f.numeric.append(i)
        f.numbered.append(i)
    elif _PART_RE.fullmatch(el):
        f.numbered.append(i)
    else:
        return False
    f.numbers[i] = el
    return True


def _named_element(f: _Fields, core: list[str], i: int, end: int, cat: Catalogue, text: str) -> None:
    """Record core[i], an element that is not a number: a body, a dotted element or a word."""
    el = core[i]
    if el in cat.bodies or _PAREN_WORD_RE.fullmatch(el):  # TD/B/EX(2)/3, ICCD/COP(15)/2
        f.bodies.append(el)
    elif _DOTTED_RE.fullmatch(el):
        _dotted_element(f, core, i, end, cat)
    elif _WORD_RE.fullmatch(el):
        _word_element(f, core, i, cat)
    else:
        raise SymbolError(f"{el!r} is not an element of a UN symbol (in {text!r})")


def _dotted_element(f: _Fields, core: list[str], i: int, end: int, cat: Catalogue) -> None:
    """Record a dotted element: a typed number (L.10, PV.9999) unless a number follows, else a body (C.3)."""
    el = core[i]
    head, _, tail = el.partition(".")
    if head in cat.types and not _numbered_after(core, i, end):
        f.types.append(head)
        f.numbered.append(i)
        f.numbers[i] = tail
    else:
        f.bodies.append(el)


def _word_element(f: _Fields, core: list[str], i: int, cat: Catalogue) -> None:
    """Record a word: a document type (RES), a roman session after a type (DEC/X/2), a country code (CAF)
    after a body or a number, or else a body."""
    el = core[i]
    if el in cat.types:
        f.types.append(el)
    elif _is_roman_session(core, i, cat):
        f.special.append(i)
        f.numbers[i] = el
    elif len(el) == 3 and (f.bodies or f.numeric or f.special or f.numbered):
        f.countries.append(el)
    else:
        f.bodies.append(el)


def _numbered_after(core: list[str], i: int, end: int) -> bool:
    """Return whether a number follows core[i]: then "WP.29" names a working party, not a paper.

    ECE/TRANS/WP.29/1170 is document 1170 of Working Party 29; TPNW/MSP/2025/WP.1 is working paper 1.
    """
    return any(_NUMBER_RE.fullmatch(el) or _PAREN_NUMBER_RE.fullmatch(el) for el in core[i + 1 : end])


def _is_roman_session(core: list[str], i: int, cat: Catalogue) -> bool:
    """Return whether core[i] is a roman session after a type: UNEP/CBD/COP/DEC/X/2."""
    return (
        bool(_ROMAN_RE.fullmatch(core[i]))
        and i > 0
        and core[i - 1] in cat.types
        and i + 1 < len(core)
        and bool(_NUMBER_RE.fullmatch(core[i + 1]))
    )


def _assign(f: _Fields, core_len: int, text: str) -> tuple[str | None, str]:
    """Return (session, number) from the classified elements, checking their order."""
    if not f.numbered:
        raise SymbolError(f"{text!r} has no document number")
    last = f.numbered[-1]
    if last != core_len - 1:
        raise SymbolError(f"unexpected element after the document number in {text!r}")
    sessions = f.special + [i for i in f.numeric if i != last]
    extra_numbers = [i for i in f.numbered if i != last and i not in f.numeric]
    if len(sessions) > 1 or extra_numbers or any(i > last for i in f.special):
        raise SymbolError(f"too many numbers for a session and a document number in {text!r}")
    if len(f.types) > 1:
        raise SymbolError(f"more than one document type ({', '.join(f.types)}) in {text!r}")
    if len(f.countries) > 1:
        raise SymbolError(f"more than one country code in {text!r}")
    return (f.numbers.get(sessions[0]) if sessions else None), f.numbers[last]


def _split_core(core: str, text: str) -> list[str]:
    """Return the elements of the core, checking the series."""
    elements = core.split("/")
    if len(elements) < 2 or "" in elements:
        raise SymbolError(f"{text!r} is not a UN document symbol: it needs a series and elements separated by one '/'")
    if elements[0] not in catalogue().series:
        raise SymbolError(f"unknown series {elements[0]!r} in {text!r}")
    return elements


def parse(text: str) -> Symbol:
    """Return the Symbol written in `text`; raise SymbolError if it is not exactly one symbol."""
    clean = normalise(text)
    m = _TRAILER_RE.fullmatch(clean)
    if not m:
        if _DOUBLE_SPLIT_RE.search(clean):
            raise SymbolError(f"{text!r} is a double symbol; use parse_double()")
        raise SymbolError(f"{text!r} is not a UN document symbol")
    elements = _split_core(m["core"], text)
    if m["letter"]:
        elements[-1] = f"{elements[-1]} {m['letter']}"
    try:
        fields, first_modifier = _classify(elements[1:], text)
    except SymbolError:
        if _DOUBLE_SPLIT_RE.search(clean):
            raise SymbolError(f"{text!r} is a double symbol; use parse_double()") from None
        raise
    session, number = _assign(fields, first_modifier, text)
    doc_type = fields.types[0] if fields.types else None
    year = m["year"] or m["date_year"]
    is_res = doc_type is not None and doc_type.upper() == "RES"
    if year and not (is_res and session is None):
        raise SymbolError(f"a year in parentheses only follows a resolution number without session: {text!r}")
    if m["letter"] and not is_res:
        raise SymbolError(f"a part letter only follows a resolution number: {text!r}")
    return Symbol(
        series=elements[0],
        bodies=tuple(fields.bodies),
        session=session,
        type=doc_type,
        number=number,
        year=year,
        modifiers=tuple(elements[1 + first_modifier :]),
        reissue=bool(m["star"]),
        parts=tuple(elements),
        extra=m["extra"],
        country=fields.countries[0] if fields.countries else None,
    )


def try_parse(text: str) -> Symbol | None:
    """Return the Symbol written in `text`, or None if it is not a symbol."""
    try:
        return parse(text)
    except SymbolError:
        return None


def parse_double(text: str) -> list[Symbol]:
    """Return the symbols of a double symbol such as ``A/79/796-S/2025/105`` (one if single)."""
    pieces = _DOUBLE_SPLIT_RE.split(normalise(text))
    return [parse(piece) for piece in pieces]


# ---------------------------------------------------------------------------
# Finding symbols in prose


def _in_url(text: str, start: int) -> bool:
    """Return whether the match at `start` sits inside a web address."""
    token_start = max(text.rfind(c, 0, start) for c in " \n\t(") + 1
    if _URL_PREFIX_RE.search(text[token_start:start]):
        return True
    if token_start == start and start > 1 and text[start - 1] == "\n" and text[start - 2] == "/":
        # A URL that pdftotext wrapped after a "/": look at the previous line's last token.
        line_start = max(text.rfind(c, 0, start - 1) for c in " \n\t") + 1
        return bool(_URL_PREFIX_RE.search(text[line_start : start - 1]))
    return False


def _candidates(m: re.Match[str]) -> Iterator[tuple[str, int]]:
    """Yield (symbol text, end offset) to try for a match, longest first."""
    core = m["core"]
    year = m["year"] or m["date_year"]
    if year or m["extra"] or m["star"]:
        letter = f" {m['letter'].strip()}" if m["letter"] and year else ""
        text = core + letter + (f" ({year})" if year else "")
        text += f" {m['extra']}" if m["extra"] else ""
        yield text + ("*" if m["star"] else ""), m.end()
    yield core, m.end("core")


def _matches(text: str) -> Iterator[re.Match[str]]:
    """Yield the SYMBOL_RE matches of `text`, trying the pattern only where "X/" occurs."""
    last_end = 0
    for hit in _PREFILTER_RE.finditer(text):
        start = hit.start()
        while start > last_end and "A" <= text[start - 1] <= "Z":
            start -= 1
        if start < last_end:
            continue
        m = SYMBOL_RE.match(text, start)
        if m is None and start == last_end and start > 0 and text[start - 1].isdigit():
            m = _GLUED_RE.match(text, start)  # "A/79/359S/2024/684": the dash was lost
        if m:
            last_end = m.end()
            yield m


def find_symbols(text: str) -> Iterator[tuple[int, int, Symbol]]:
    """Yield (start, end, Symbol) for every symbol written in `text`, with [start, end) offsets."""
    for m in _matches(text):
        if _in_url(text, m.start()):
            continue
        for candidate, end in _candidates(m):
            symbol = try_parse(candidate)
            if symbol is not None:
                yield m.start(), end, symbol
                break


# ---------------------------------------------------------------------------
# Documents named after a symbol by their last number only

_AND = r"(?:and|et|y|и)"
_GAP = rf"(?:{SP}+(?:\r?\n{SP}*)?|\r?\n{SP}*)"  # blanks, or a line break, after "and"
_KIND = r"(?P<kind>Add|Corr|Rev|Amend)\."
_ITEM = rf"(?:{_KIND}{SP}?)?(?P<number>\d+)(?:{DASH}(?P<to>\d+))?(?:/(?P<sub>{MODIFIER}))?"
_BARE_ITEM = rf"(?:(?:Add|Corr|Rev|Amend)\.{SP}?)?\d+(?:{DASH}\d+)?(?:/{MODIFIER})?(?![\d/])"
_LIST_SEP = rf"(?:{SP}*,{WRAP}(?:{_AND}{_GAP})?|{WRAP}{_AND}{_GAP})"
# A list of bare numbers ends with the sentence, the bracket or a comma before words:
# "S/2025/10, 12 May" is a date, not a list.
_LIST_END = rf"(?={SP}*(?:[.;:)\]]|,{SP}*[^\W\d]|{WRAP}$|\n))"
_AND_SEP = rf"(?:{SP}*,)?{WRAP}{_AND}{_GAP}"
# A list ends with "and N": "Add.48 and Add.49, 10" ends before the footnote mark 10.
_LIST_TAIL = rf"(?:{_LIST_SEP}{_BARE_ITEM})*{_AND_SEP}{_BARE_ITEM}"
_LIST_RE = lazy(rf"{_LIST_TAIL}{_LIST_END}")
# A list whose first item names its kind needs no such end: "A/44/642 and Corr.1 of".
_KIND_ITEM = rf"(?:Add|Corr|Rev|Amend)\.{SP}?\d+(?:/{MODIFIER})?(?![\d/])"
_KIND_LIST_RE = lazy(rf"{_LIST_SEP}{_KIND_ITEM}{_LIST_TAIL}|{_AND_SEP}{_KIND_ITEM}")
_ITEM_RE = lazy(rf"(?<![\d.]){_ITEM}(?![\d/])")
_RANGE_RE = lazy(rf"{DASH}(?P<to>\d+)(?![\w/]|\.\d|{DASH})")
MAX_RANGE = 30  # "Add.1-3", "Add.13-17": a longer range is a misreading, not a list of addenda


def _numbered(sym: Symbol, kind: str | None, number: int) -> Symbol | None:
    """Return `sym` with its last modifier of `kind` (or its document number) set to `number`."""
    if kind:
        return try_parse(f"{sym.base}/{kind}.{number}")
    if sym.modifiers or sym.reissue or sym.year or sym.extra or not (sym.number or "").isdigit():
        return None
    head, dot, _old = sym.parts[-1].rpartition(".")  # S/PV.9818 and 9819, A/C.3/78/L.41 and 42
    return try_parse("/".join((*sym.parts[:-1], f"{head}{dot}{number}")))


def _range_span(m: re.Match[str], group: str, dash: int, last: bool) -> tuple[int, int]:
    """Return the span of one member of a range: the last number as written, or, for the
    members between that are not written ("Add.2" of "Add.1-3"), an empty span at the dash."""
    return m.span(group) if last else (dash, dash)


def continuations(text: str, end: int, sym: Symbol) -> Iterator[tuple[int, int, Symbol]]:
    """Yield (start, end, Symbol) for the documents named by number right after a symbol.

    The summary statements of the Security Council and many reports name a series of
    documents of one stem by their last number: "A/CONF.162/3/Add.1-3", "S/10855/Add.15,
    16, 23 and 44", "S/1995/222 and Corr.1 and 2", "E/CN.9/2025/5 and 6", "S/19420/Add.2-4,
    22 and Corr.1, 30 and 50". A bare number continues the list's kind of modifier (Add.15 ->
    Add.16), or else the document number (5 -> 6); a modifier of another kind belongs to the
    item before it (Add.22 and Corr.1: S/19420/Add.22/Corr.1). A list counts only with an
    "and" in it and, when its first item is a bare number, where the sentence or bracket goes on.
    """
    kind = sym.modifiers[-1].split(".")[0] if sym.modifiers else None
    previous, pos = yield from _range_after(text, end, sym)
    listing = _KIND_LIST_RE.match(text, pos) or _LIST_RE.match(text, pos)
    if not listing:
        return
    for item in _ITEM_RE.finditer(text, listing.start(), listing.end()):
        low = int(item["number"])
        high = int(item["to"]) if item["to"] else low
        if _of_previous_addendum(item, kind, previous):
            found = try_parse(f"{previous}/{item['kind']}.{low}")  # "Add.22 and Corr.1": of Add.22
            if found is not None:
                yield item.start(), item.end(), found
            continue
        kind = item["kind"] or kind
        if _continues_list(low, high, kind, previous):
            previous = yield from _item_members(item, sym, kind, low, high, previous)


def _range_after(text: str, end: int, sym: Symbol) -> Generator[tuple[int, int, Symbol], None, tuple[Symbol, int]]:
    """Yield the members of a range of modifiers written right after the symbol ("Add.1-3" gives Add.2 and Add.3);
    return the last member (or the symbol) and where the list may go on."""
    rng = _RANGE_RE.match(text, end)
    if not (rng and sym.modifiers and not sym.reissue):
        return sym, end
    previous = sym
    kind = sym.modifiers[-1].split(".")[0]
    first = int(sym.modifiers[-1].split(".")[1])
    if first < int(rng["to"]) <= first + MAX_RANGE:
        for n in range(first + 1, int(rng["to"]) + 1):
            found = _numbered(sym, kind, n)
            if found is not None:
                previous = found
                yield (*_range_span(rng, "to", rng.start(), n == int(rng["to"])), found)
    return previous, rng.end()


def _of_previous_addendum(item: re.Match[str], kind: str | None, previous: Symbol) -> bool:
    """Return whether a corrigendum or revision in a list of addenda is of the addendum before it:
    "S/19420/Add.22 and Corr.1" is S/19420/Add.22/Corr.1."""
    return item["kind"] in ("Corr", "Rev") and kind == "Add" and bool(previous.modifiers)


def _continues_list(low: int, high: int, kind: str | None, previous: Symbol) -> bool:
    """Return whether an item (low to high) goes on the list after `previous`: a range of at most MAX_RANGE,
    and, for bare document numbers, after a numbered document and going up ("S/PRST/1994/14 and 57" is not a
    list; neither is one after "CEDAW/C/CAF/1-5" or "UNCTAD/SHIP/494(12)")."""
    if not low <= high <= low + MAX_RANGE:
        return False
    if kind:
        return True
    number = previous.number or ""
    return number.isdigit() and low > int(number)


def _item_members(
    item: re.Match[str], sym: Symbol, kind: str | None, low: int, high: int, previous: Symbol
) -> Generator[tuple[int, int, Symbol], None, Symbol]:
    """Yield the documents an item of a list names (one, or a range "Add.13-17"), each with its span;
    return the last one (or `previous` if none)."""
    for n in range(low, high + 1):
        found = _numbered(sym, kind, n)
        if found is not None and item["sub"]:
            found = try_parse(f"{found}/{item['sub']}")
        if found is None:
            continue
        previous = found
        if high == low:
            yield item.start(), item.end(), found
        elif n == low:
            yield item.start(), item.end("number"), found
        else:
            yield (*_range_span(item, "to", item.end("number"), n == high), found)
    return previous
