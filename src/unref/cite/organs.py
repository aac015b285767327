"""The UN organs whose resolutions prose names by number, and the forms of their numbers.

The organs, their English names and symbol prefixes, and the numbering tables come from the
catalogue (``data/organs.json``); this module holds what the cite stage asks of them: whose
symbol a document's is, and whether a resolution number can date from a year or a session.
"""

from __future__ import annotations

from unref.catalogue import ga_first_resolutions, resolution_organs, sc_first_resolutions
from unref.symbols import Symbol

__all__ = [
    "CHR",
    "ECOSOC",
    "GA",
    "GA_FIRST",
    "GENERIC",
    "HRC",
    "ORGAN_BY_NAME",
    "ORGAN_NAMES",
    "PREFIX",
    "SC",
    "SC_FIRST",
    "ga_roman_plausible",
    "organ_of_symbol",
    "sc_plausible",
]

SC, GA, HRC, ECOSOC, CHR = "SC", "GA", "HRC", "ECOSOC", "CHR"
GENERIC = ("COUNCIL", "ASSEMBLY")
# The organs whose resolutions prose names by number, their names and symbol prefixes (data/organs.json).
ORGAN_NAMES = {code: organ.name for code, organ in resolution_organs().items()}
ORGAN_BY_NAME = {name: code for code, name in ORGAN_NAMES.items()}
# Symbol prefixes of each organ's resolutions and decisions.
PREFIX = {code: organ.symbol_prefix for code, organ in resolution_organs().items()}

# First Security Council resolution of some years; numbers between are interpolated (data/organs.json).
SC_FIRST = sc_first_resolutions()
# First General Assembly resolution of the regular sessions I to XXX (roman-session numbering).
GA_FIRST = ga_first_resolutions()
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(text: str) -> int:
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


def ga_roman_plausible(number: int, session: str) -> bool:
    """Return whether General Assembly resolution `number` can be of roman `session`."""
    if "-" in session:  # special and emergency special sessions: any number of that era
        return number < GA_FIRST[-1]
    s = _roman(session)
    if not 1 <= s <= 30:
        return False
    return GA_FIRST[s - 1] - 60 <= number <= GA_FIRST[s] + 60


def organ_of_symbol(sym: Symbol) -> str | None:
    parts = sym.parts
    if parts[0] == "S":
        return SC
    if parts[0] == "A":
        return HRC if len(parts) > 1 and parts[1] == "HRC" else GA
    if parts[0] == "E":
        return CHR if len(parts) > 1 and parts[1] == "CN.4" else ECOSOC
    return None
