"""Table tests for the decisions of unref.cite.resolve and unref.cite.organs: which organ can have issued a
number, what a generic name stands for, whose a written organ name or symbol is."""

from __future__ import annotations

import re

import pytest

import unref
from unref.cite.context import Context, Unit
from unref.cite.named import Named
from unref.cite.organs import (
    ASSEMBLY,
    CHR,
    COUNCIL,
    ECOSOC,
    GA,
    HRC,
    SC,
    Organ,
    OtherBody,
    ResolutionOrgan,
    organ_named,
    organ_of_symbol,
    sc_year_of,
)
from unref.cite.other_bodies import bodies, organ_of_match
from unref.cite.resolve import _compatible, _concrete
from unref.symbols import parse


def mention(form: str, number: str, when: str | None, decision: bool = False, explicit: Organ | None = None) -> Named:
    """Return a mention of one number in a form, with the organ its words name."""
    unit = Unit("p1", "", False)
    return Named(unit, 0, 0, 0, 0, decision, form, number, when, None, explicit)


def context(year: int | None = 2024, organs: tuple[ResolutionOrgan, ...] = ()) -> Context:
    return Context(set(), list(organs), "en", year)


RESOLUTIONS = [
    # organ, form, number, when, organ named in the words, the document's year: can the organ have issued it?
    (SC, "year", "822", "1993", None, 2024, True),
    (SC, "year", "2334", "2006", None, 2024, False),  # 2334 is of 2016
    (SC, "bare", "1701", None, None, 2024, True),
    (SC, "session", "47", "118", None, 2024, False),
    (GA, "roman", "1514", "XV", None, 2024, True),
    (GA, "roman", "728", "XXVIII", None, 2024, False),  # numbers of the twenty-eighth session run near 3000
    (GA, "roman", "1874", "S-IV", None, 2024, True),  # a special session: any number of that era
    (GA, "bare", "2186", None, GA, 2024, True),  # the Assembly's one series up to 1975
    (GA, "bare", "2186", None, ASSEMBLY, 2024, True),
    (GA, "bare", "2186", None, None, 2024, False),  # only when the words name the Assembly
    (GA, "bare", "4000", None, GA, 2024, False),  # past the one series
    (GA, "session", "118", "47", None, 2024, True),
    (GA, "session", "5", "30", None, 2024, False),  # session/number from the thirty-first session
    (GA, "session", "23", "ES-10", None, 2024, True),
    (GA, "session", "1", "81", None, 2024, False),  # a session after the document's year
    (GA, "session", "600", "47", None, 2024, False),
    (HRC, "session", "1", "5", None, 2010, True),
    (HRC, "session", "1", "40", None, 2010, False),  # three sessions a year since 2006
    (HRC, "session", "1", "S-5", None, 2010, True),
    (HRC, "session", "1", "ES-10", None, 2010, False),
    (HRC, "session", "90", "5", None, 2010, False),
    (ECOSOC, "yslash", "31", "1996", None, 2024, True),
    (ECOSOC, "yslash", "1", "1970", None, 2024, False),  # year/number from 1978
    (ECOSOC, "roman", "1235", "XLII", None, 2024, True),  # past the Assembly's roman sessions
    (ECOSOC, "roman", "1514", "XV", None, 2024, False),  # fits the Assembly's session: the Assembly's
    (ECOSOC, "roman", "1514", "XV", ECOSOC, 2024, True),  # unless the words name the Council
    (CHR, "yslash", "31", "1996", None, 2024, True),
    (CHR, "yslash", "1", "2010", None, 2024, False),  # the Commission ended in 2006
    (CHR, "roman", "150", "XLII", None, 2024, True),
    (CHR, "roman", "300", "XLII", None, 2024, False),
]


@pytest.mark.parametrize(("organ", "form", "number", "when", "explicit", "year", "ok"), RESOLUTIONS)
def test_organ_can_have_issued_the_resolution(
    organ: ResolutionOrgan, form: str, number: str, when: str | None, explicit: Organ | None, year: int, ok: bool
) -> None:
    assert _compatible(organ, mention(form, number, when, explicit=explicit), context(year)) is ok


DECISIONS = [
    (GA, "session", "472", "48", True),
    (GA, "session", "1", "20", False),
    (GA, "yslash", "297", "1996", False),
    (HRC, "session", "115", "19", True),
    (ECOSOC, "yslash", "297", "1996", True),
    (CHR, "yslash", "101", "1990", True),
    (SC, "year", "822", "1993", False),  # the Security Council adopts no numbered decisions
]


@pytest.mark.parametrize(("organ", "form", "number", "when", "ok"), DECISIONS)
def test_organ_can_have_issued_the_decision(
    organ: ResolutionOrgan, form: str, number: str, when: str, ok: bool
) -> None:
    assert _compatible(organ, mention(form, number, when, decision=True), context()) is ok


CONCRETE = [
    # name, form, number, when, the document's organs: the organ the name stands for
    (COUNCIL, "year", "822", "1993", (), SC),
    (COUNCIL, "yslash", "31", "1996", (), ECOSOC),
    (COUNCIL, "session", "1", "5", (), HRC),
    (COUNCIL, "year", "822", "1993", (HRC,), SC),  # "the Council" in a Human Rights Council text: not its form
    (ASSEMBLY, "session", "118", "47", (), GA),
    (ASSEMBLY, "year", "822", "1993", (), None),
    (SC, "session", "118", "47", (), None),
    (OtherBody("pace"), "year", "1416", "2005", (), None),
]


@pytest.mark.parametrize(("name", "form", "number", "when", "organs", "expected"), CONCRETE)
def test_generic_name_stands_for_an_organ(
    name: Organ, form: str, number: str, when: str | None, organs: tuple[ResolutionOrgan, ...],
    expected: ResolutionOrgan | None,
) -> None:
    assert _concrete(name, mention(form, number, when), context(organs=organs)) == expected


@pytest.mark.parametrize(
    ("symbol", "organ"),
    [("S/2025/105", SC), ("A/79/796", GA), ("A/HRC/55/1", HRC), ("E/2025/1", ECOSOC), ("E/CN.4/2005/1", CHR),
     ("CEDAW/C/CAF/1", None)],
)
def test_organ_of_a_symbol(symbol: str, organ: ResolutionOrgan | None) -> None:
    assert organ_of_symbol(parse(symbol)) == organ


@pytest.mark.parametrize(
    ("text", "organ"),
    [("Security Council", SC), ("Conseil de sécurité", SC), ("General Assembly", GA), ("ECOSOC", ECOSOC),
     ("the Council", COUNCIL), ("l’Assemblée", ASSEMBLY),
     ("Parliamentary Assembly of the Council of Europe", OtherBody("pace"))],
)
def test_organ_named_in_words(text: str, organ: Organ) -> None:
    m = bodies().organ_re.search(text)
    assert m is not None
    assert organ_of_match(m) == organ


def test_organ_values_come_from_the_catalogue() -> None:
    assert (SC.code, SC.name, SC.symbol_prefix) == ("SC", "Security Council", "S")
    assert HRC.symbol_prefix == "A/HRC"
    assert organ_named("GA") is GA
    assert organ_named("COUNCIL") is COUNCIL
    assert re.fullmatch(r"[A-Z]+", CHR.code)


@pytest.mark.parametrize(("text", "kind", "target"), [
    # A bare number or a roman session is not in the Human Rights Council's session/number form:
    # the mention stays unresolved, and the parse goes on.
    ("Human Rights Council resolution 5 is here.", "un_resolution", None),
    ("Human Rights Council resolution 47/1 of 2021", "un_symbol", "A/HRC/RES/47/1"),
])
def test_a_number_out_of_the_councils_form_is_no_error(text: str, kind: str, target: str | None) -> None:
    [found] = unref.cite_text(text)
    assert (found.kind, found.target) == (kind, target)


@pytest.mark.parametrize(("number", "year"), [
    (646, 1990), (677, 1990), (678, 1991), (779, 1992), (1325, 2000), (1820, 2008), (2767, 2024),
    (242, None),  # 1965-1970: the table interpolates, so the year is not known exactly
    (2768, None),  # 2025, the table's last year: where it ends is not known
    (5000, None),
])
def test_sc_year_of(number: int, year: int | None) -> None:
    assert sc_year_of(number) == year


@pytest.mark.parametrize(("text", "kind", "target"), [
    # The Council numbers its resolutions in one series: its number alone names one, and gives its year.
    ("In line with UNSCR 1325 on women, peace and security.", "un_symbol", "S/RES/1325 (2000)"),
    ("the Security Council Resolution 1820 on sexual violence", "un_symbol", "S/RES/1820 (2008)"),
    ("Security Council resolution 242 on the Middle East", "un_resolution", None),  # its year not exact
    ("as resolution 1325 says", "un_resolution", None),  # no organ named
])
def test_a_council_resolution_named_by_its_number(text: str, kind: str, target: str | None) -> None:
    [found] = [c for c in unref.cite_text(text) if c.kind in ("un_symbol", "un_resolution")]
    assert (found.kind, found.target) == (kind, target)
