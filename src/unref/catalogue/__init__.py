"""catalogue: what unref knows of the UN system, read once from ``unref/data/*.json``.

One cached loader per file, and the facts every stage asks of them:

- ``organs.json``: the organs' names as mastheads print them in each language, the forms
  running text uses, the principal organs, the abbreviations a user may type, the organs whose
  resolutions prose names by number (with the code unref uses and their symbol prefix), and the
  numbering tables that tell whether a resolution number fits a year or a session;
- ``series.json``: the symbol series, bodies and document types (``unref.symbols`` builds its
  catalogue from it);
- ``bodies.json``: other bodies and the patterns of their documents (``unref.cite`` builds its
  patterns from it).

Nothing else in the package reads these files: a fact about the UN has one place.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

__all__ = [
    "ResolutionOrgan",
    "data",
    "ga_first_resolutions",
    "names_pattern",
    "organ_misread",
    "organ_name",
    "organ_names",
    "organ_of",
    "principal_organ_names",
    "resolution_organs",
    "sc_first_resolutions",
]


@cache
def data(name: str) -> dict[str, Any]:
    """Return the parsed ``unref/data/<name>.json`` (read once per process)."""
    raw: dict[str, Any] = json.loads((files("unref") / "data" / f"{name}.json").read_text(encoding="utf-8"))
    return raw


# --- Organ names --------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("'", "’")).strip().lower()


@cache
def organ_names() -> dict[str, str]:
    """Return a map from every printed organ name, and the forms running text uses (lower case), to its English name."""
    organs = data("organs")
    out: dict[str, str] = {}
    for table in (organs["organs"], organs["in_text"]):
        for english, names in table.items():
            for name in names:
                out[_norm(name)] = english
    return out


def organ_misread(name: str) -> str | None:
    """Return the known organ that a name misread by OCR stands for ("Secuflty Council"), else None."""
    key = _norm(name)
    close = difflib.get_close_matches(key, list(organ_names()), n=1, cutoff=0.85)
    return organ_names()[close[0]] if close and abs(len(close[0]) - len(key)) <= 2 else None


def organ_of(text: str) -> str | None:
    """Return the English organ name when the text is an organ's name (in any UN language), else None."""
    return organ_names().get(_norm(text))


@cache
def principal_organ_names() -> tuple[str, ...]:
    """Return the names of the principal organs in every language and form, longest first."""
    organs = data("organs")
    tables = (organs["organs"], organs["in_text"])
    names = {n for organ in organs["principal"] for table in tables for n in table[organ]}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def names_pattern(names: tuple[str, ...]) -> str:
    """Return a regex alternation of names, longest first, any run of spaces matching between their words."""
    return "|".join(r"\s+".join(re.escape(word) for word in name.split()) for name in names)


def organ_name(text: str) -> str:
    """Return the English organ name for a name or an abbreviation a user typed (GA, SC, ...), else the text."""
    key = text.strip().lower()
    abbreviations: dict[str, str] = data("organs")["abbreviations"]
    if key in abbreviations:
        return abbreviations[key]
    for english, names in data("organs")["organs"].items():
        if key == english.lower() or key in (n.lower() for n in names):
            return str(english)
    return text.strip()


# --- Resolutions and their numbering ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ResolutionOrgan:
    """An organ whose resolutions prose names by number: "resolution 2334 (2016)"."""

    code: str  # SC, GA, HRC, ECOSOC, CHR: the value unref's citation stage uses for the organ
    name: str  # the English name, as metadata reports it
    symbol_prefix: str  # S, A, A/HRC, E, E/CN.4: the prefix of its resolutions' symbols


@cache
def resolution_organs() -> dict[str, ResolutionOrgan]:
    """Return the organs whose resolutions prose names by number, by code."""
    return {code: ResolutionOrgan(code, item["organ"], item["symbol_prefix"])
            for code, item in data("organs")["resolutions"].items()}


@cache
def sc_first_resolutions() -> dict[int, int]:
    """Return the number of the first Security Council resolution of some years (numbers between interpolate)."""
    table: dict[str, int] = data("organs")["numbering"]["security_council_first_resolution_of_year"]
    return {int(year): number for year, number in table.items()}


@cache
def ga_first_resolutions() -> tuple[int, ...]:
    """Return the number of the first General Assembly resolution of each regular session I to XXX, and the
    first number after session XXX (the Assembly numbered its resolutions in one series until 1975)."""
    return tuple(data("organs")["numbering"]["general_assembly_first_resolution_of_session"])
