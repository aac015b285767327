"""The UN organs whose resolutions prose names by number, and the forms of their numbers.

An organ named next to a resolution is a value, one of three kinds:

- `ResolutionOrgan` (from the catalogue, ``data/organs.json``): SC, GA, HRC, ECOSOC, CHR, with the English
  name metadata reports and the prefix of their resolutions' symbols;
- `OtherBody`: a body of ``data/bodies.json`` (the Parliamentary Assembly of the Council of Europe, ...);
- `Generic`: "the Council" or "the Assembly", which the document and the number's form make concrete.

The numbering tables come from the catalogue too; this module holds what the cite stage asks of
them: whose symbol a document's is, and whether a resolution number can date from a year or a session.
"""

from __future__ import annotations

from dataclasses import dataclass

from unref.catalogue import ResolutionOrgan, ga_first_resolutions, resolution_organs, sc_first_resolutions
from unref.symbols import Symbol

__all__ = [
    "ASSEMBLY",
    "CHR",
    "COUNCIL",
    "ECOSOC",
    "GA",
    "GA_FIRST",
    "GENERIC",
    "HRC",
    "ORGANS",
    "ORGAN_BY_NAME",
    "SC",
    "SC_FIRST",
    "Generic",
    "Organ",
    "OtherBody",
    "ResolutionOrgan",
    "ga_roman_plausible",
    "organ_named",
    "organ_of_symbol",
    "sc_plausible",
    "sc_year_of",
]


@dataclass(frozen=True, slots=True)
class OtherBody:
    """A body other than a UN organ that adopts resolutions (``data/bodies.json``), by its id."""

    id: str


@dataclass(frozen=True, slots=True)
class Generic:
    """A name that stands for an organ only in context: "the Council", "the Assembly"."""

    code: str  # COUNCIL or ASSEMBLY, as `unref.cite.patterns.UN_ORGANS` names them


Organ = ResolutionOrgan | OtherBody | Generic

# The organs whose resolutions prose names by number, by code (data/organs.json).
ORGANS: dict[str, ResolutionOrgan] = resolution_organs()
SC, GA, HRC, ECOSOC, CHR = (ORGANS[code] for code in ("SC", "GA", "HRC", "ECOSOC", "CHR"))
COUNCIL, ASSEMBLY = Generic("COUNCIL"), Generic("ASSEMBLY")
GENERIC: dict[str, Generic] = {g.code: g for g in (COUNCIL, ASSEMBLY)}
# The organ of a document whose metadata names it (its English name).
ORGAN_BY_NAME: dict[str, ResolutionOrgan] = {organ.name: organ for organ in ORGANS.values()}


def organ_named(code: str) -> ResolutionOrgan | Generic:
    """Return the organ of a code of `unref.cite.patterns.UN_ORGANS`: "SC" is the Security Council."""
    return ORGANS[code] if code in ORGANS else GENERIC[code]


# First Security Council resolution of some years; numbers between are interpolated (data/organs.json).
SC_FIRST = sc_first_resolutions()
# First General Assembly resolution of the regular sessions I to XXX (roman-session numbering).
GA_FIRST = ga_first_resolutions()
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(text: str) -> int:
    """Return the value of a roman numeral: "XV" is 15, "XLIV" 44."""
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        total += -value if i + 1 < len(text) and _ROMAN_VALUES[text[i + 1]] > value else value
    return total


def sc_plausible(number: int, year: int) -> bool:
    """Return whether Security Council resolution `number` can date from `year`."""
    years = sorted(SC_FIRST)
    if year < years[0]:
        return False

    def first(y: int) -> float:
        if y in SC_FIRST:
            return SC_FIRST[y]
        lo = max(k for k in years if k <= y)
        hi = min((k for k in years if k > y), default=None)
        if hi is None:  # after the table: about 60 a year
            return SC_FIRST[lo] + 50 * (y - lo)
        return SC_FIRST[lo] + (SC_FIRST[hi] - SC_FIRST[lo]) * (y - lo) / (hi - lo)

    slack = 5 if year in SC_FIRST and year + 1 in SC_FIRST else 25
    upper = first(year + 1) if year + 1 <= years[-1] else first(year) + 90
    return first(year) - slack <= number <= upper + slack


def sc_year_of(number: int) -> int | None:
    """Return the year Security Council resolution `number` was adopted, where the table says it exactly.

    The Council numbers its resolutions in one series over the years, so a number alone names one
    resolution, and its year is the year whose first number is the last not above it. Only where the
    table gives that year and the next one (no interpolation), else None: "1325" is 2000, "242" None.
    """
    for year, first in SC_FIRST.items():
        after = SC_FIRST.get(year + 1)
        if after is not None and first <= number < after:
            return year
    return None


def ga_roman_plausible(number: int, session: str) -> bool:
    """Return whether General Assembly resolution `number` can be of roman `session`."""
    if "-" in session:  # special and emergency special sessions: any number of that era
        return number < GA_FIRST[-1]
    s = _roman(session)
    if not 1 <= s <= 30:
        return False
    return GA_FIRST[s - 1] - 60 <= number <= GA_FIRST[s] + 60


def organ_of_symbol(sym: Symbol) -> ResolutionOrgan | None:
    """Return the organ whose documents carry this symbol's series: S is the Security Council's, A/HRC the
    Human Rights Council's, E/CN.4 the Commission on Human Rights'."""
    parts = sym.parts
    if parts[0] == "S":
        return SC
    if parts[0] == "A":
        return HRC if len(parts) > 1 and parts[1] == "HRC" else GA
    if parts[0] == "E":
        return CHR if len(parts) > 1 and parts[1] == "CN.4" else ECOSOC
    return None
