"""Tests for unref.symbols: parsing, printing and finding UN document symbols."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unref.symbols import (
    _ITEM_RE,
    SYMBOL_RE,
    Symbol,
    SymbolError,
    _classify,
    _continues_list,
    _of_previous_addendum,
    catalogue,
    continuations,
    find_symbols,
    parse,
    parse_double,
    try_parse,
)

FIXTURE = Path(__file__).parent / "fixtures" / "symbols.txt"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"

# ---------------------------------------------------------------------------
# Canonical forms: text -> (series, bodies, session, type, number, year, modifiers, reissue, extra)

CANONICAL = [
    ("A/79/796", "A", (), "79", None, "796", None, (), False, None),
    ("S/2025/105", "S", (), "2025", None, "105", None, (), False, None),
    ("S/26416", "S", (), None, None, "26416", None, (), False, None),  # before 1994: no year element
    ("A/9601", "A", (), None, None, "9601", None, (), False, None),  # before 1976: no session element
    ("S/RES/822 (1993)", "S", (), None, "RES", "822", "1993", (), False, None),
    ("A/RES/78/323", "A", (), "78", "RES", "323", None, (), False, None),
    ("A/RES/217 (III)", "A", (), None, "RES", "217", "III", (), False, None),
    ("A/RES/217 A (III)", "A", (), None, "RES", "217 A", "III", (), False, None),  # part letter
    ("A/RES/ES-10/21", "A", (), "ES-10", "RES", "21", None, (), False, None),
    ("A/RES/S-13/2", "A", (), "S-13", "RES", "2", None, (), False, None),
    ("A/HRC/RES/31/1", "A", ("HRC",), "31", "RES", "1", None, (), False, None),
    ("E/CN.4/2005/L.10/Add.17", "E", ("CN.4",), "2005", "L", "10", None, ("Add.17",), False, None),
    ("A/C.3/79/L.12/Rev.1", "A", ("C.3",), "79", "L", "12", None, ("Rev.1",), False, None),
    ("S/PV.9999", "S", (), None, "PV", "9999", None, (), False, None),
    ("S/PV.3745 (Resumption 1)", "S", (), None, "PV", "3745", None, (), False, "(Resumption 1)"),
    ("A/79/PV.64", "A", (), "79", "PV", "64", None, (), False, None),
    ("S/PRST/2024/3", "S", (), "2024", "PRST", "3", None, (), False, None),
    ("CRC/C/GC/25", "CRC", ("C",), None, "GC", "25", None, (), False, None),
    ("CEDAW/C/CAF/CO/6", "CEDAW", ("C",), None, "CO", "6", None, (), False, None),
    ("A/HRC/WG.6/34/ITA/3", "A", ("HRC", "WG.6"), "34", None, "3", None, (), False, None),
    ("A/73/785*", "A", (), "73", None, "785", None, (), True, None),
    ("E/CN.4/RES/1998/50", "E", ("CN.4",), "1998", "RES", "50", None, (), False, None),
    ("E/RES/1996/31", "E", (), "1996", "RES", "31", None, (), False, None),
    ("A/HRC/DEC/19/115", "A", ("HRC",), "19", "DEC", "115", None, (), False, None),
    ("FCCC/CP/1995/7/Add.1", "FCCC", ("CP",), "1995", None, "7", None, ("Add.1",), False, None),
    ("A/AC.109/2025/L.9", "A", ("AC.109",), "2025", "L", "9", None, (), False, None),
    ("A/CONF.230/2025/1", "A", ("CONF.230",), "2025", None, "1", None, (), False, None),
    ("E/ICEF/672 (Part II)", "E", ("ICEF",), None, None, "672", None, (), False, "(Part II)"),
    ("TPNW/MSP/2025/11/Rev.1", "TPNW", ("MSP",), "2025", None, "11", None, ("Rev.1",), False, None),
    ("A/INF/76/1", "A", (), "76", "INF", "1", None, (), False, None),
    ("A/L.632", "A", (), None, "L", "632", None, (), False, None),
    ("S/1994/529/Add.1", "S", (), "1994", None, "529", None, ("Add.1",), False, None),
    ("A/47/1012/Add.1", "A", (), "47", None, "1012", None, ("Add.1",), False, None),
    ("A/ES-10/1022", "A", (), "ES-10", None, "1022", None, (), False, None),
    ("E/2025/L.10", "E", (), "2025", "L", "10", None, (), False, None),
    ("CCPR/C/21/Rev.1/Add.13", "CCPR", ("C",), None, None, "21", None, ("Rev.1", "Add.13"), False, None),
    ("A/79/L.12/Add.1/Corr.1", "A", (), "79", "L", "12", None, ("Add.1", "Corr.1"), False, None),
    ("S/2017/95/Amend.2", "S", (), "2017", None, "95", None, ("Amend.2",), False, None),
    ("E/CN.4/Sub.2/2003/12/Rev.2", "E", ("CN.4", "Sub.2"), "2003", None, "12", None, ("Rev.2",), False, None),
    ("UNEP/CBD/COP/DEC/X/2", "UNEP", ("CBD", "COP"), "X", "DEC", "2", None, (), False, None),  # roman session
    ("UNEP/EA.5/Res.14", "UNEP", ("EA.5",), None, "Res", "14", None, (), False, None),
    ("S/AC.57/2025/COMM.01", "S", ("AC.57",), "2025", "COMM", "01", None, (), False, None),
    ("CEDAW/C/CAF/1-5", "CEDAW", ("C",), None, None, "1-5", None, (), False, None),  # combined reports
    ("HRI/GEN/1/Rev.9 (Vol. I)", "HRI", ("GEN",), None, None, "1", None, ("Rev.9",), False, "(Vol. I)"),
    ("A/62/6 (Sect. 33)", "A", (), "62", None, "6", None, (), False, "(Sect. 33)"),
    ("S/RES/2776 (2025)*", "S", (), None, "RES", "2776", "2025", (), True, None),
    ("E/RES/1503 (XLVIII)", "E", (), None, "RES", "1503", "XLVIII", (), False, None),
    ("A/52/PartII", "A", (), "52", None, "PartII", None, (), False, None),
    ("A/RES/46/36 L", "A", (), "46", "RES", "36 L", None, (), False, None),  # part letter, no year
]


@pytest.mark.parametrize(
    ("text", "series", "bodies", "session", "type_", "number", "year", "modifiers", "reissue", "extra"),
    CANONICAL,
)
def test_canonical_forms(
    text: str,
    series: str,
    bodies: tuple[str, ...],
    session: str | None,
    type_: str | None,
    number: str | None,
    year: str | None,
    modifiers: tuple[str, ...],
    reissue: bool,
    extra: str | None,
) -> None:
    s = parse(text)
    got = (s.series, s.bodies, s.session, s.type, s.number, s.year, s.modifiers, s.reissue, s.extra)
    assert got == (series, bodies, session, type_, number, year, modifiers, reissue, extra)
    assert str(s) == text
    assert parse(str(s)) == s


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("CEDAW/C/CAF/CO/6", "CAF"),
        ("A/HRC/WG.6/34/ITA/3", "ITA"),
        ("CEDAW/C/CAF/Q/6", "CAF"),
        ("A/HRC/58/76", None),
        ("A/HRC/WGAD/2024/46", None),  # WGAD is a body, not a country
        ("FCCC/PA/CMA/2018/3/Add.1", None),  # CMA is a body the catalogue knows
    ],
)
def test_country(text: str, country: str | None) -> None:
    assert parse(text).country == country


# ---------------------------------------------------------------------------
# Normalisation of symbols as found in documents: input -> canonical form

NORMALISED = [
    ("S/RES/822(1993)", "S/RES/822 (1993)"),  # missing space before the year
    ("S/RES/822\u00a0(1993)", "S/RES/822 (1993)"),  # no-break space
    ("S/RES/822  (1993)", "S/RES/822 (1993)"),
    ("S/RES/822 (30 April 1993)", "S/RES/822 (1993)"),  # a date in place of the year
    ("E/ICEF/672(Part II)", "E/ICEF/672 (Part II)"),  # as the manifest writes it
    ("A/RES/ES\u201310/21", "A/RES/ES-10/21"),  # en dash
    ("A/RES/ES\u201110/21", "A/RES/ES-10/21"),  # non-breaking hyphen
    ("S/2018/462.", "S/2018/462"),  # sentence punctuation is never part of a symbol
    ("A/79/L.75.", "A/79/L.75"),
    ("S/2025/71/Rev.1.", "S/2025/71/Rev.1"),  # Rev.1 keeps its dot-number
    ("S/2025/ 105", "S/2025/105"),  # line wrap after a slash
    ("A/HRC/\n31/1", "A/HRC/31/1"),
    ("  A/79/796 ", "A/79/796"),
    ("S/2020-503", "S/2020-503"),  # a hyphen typo is kept as written, not repaired
]


@pytest.mark.parametrize(("text", "canonical"), NORMALISED)
def test_normalisation(text: str, canonical: str) -> None:
    assert str(parse(text)) == canonical


PARSE_ERRORS = [
    ("", "not a UN document symbol"),
    ("A/79/796-S/2025/105", "double symbol"),
    ("A/79/796\u2013S/2025/105", "double symbol"),
    ("X/79/1", "unknown series 'X'"),
    ("2/3", "unknown series '2'"),
    ("A/HRC", "no document number"),
    ("A", "needs a series"),
    ("A//1", "needs a series"),
    ("A/79/796 (2025)", "year in parentheses"),  # only resolutions carry a year
    ("S/PRST/2010/18 (23 September 2010)", "year in parentheses"),
    ("A/79/796 A (III)", "year in parentheses"),
    ("A/Add.1/5", "must come last"),
    ("A/1/2/3", "too many numbers"),
    ("S/2025/105/ABC", "after the document number"),
    ("A/RES/L.1/RES/2", "more than one document type"),
    ("A/hrc/1", "not an element"),
    ("https://undocs.org/en/A/79/796", "not a UN document symbol"),
]


@pytest.mark.parametrize(("text", "message"), PARSE_ERRORS)
def test_parse_errors(text: str, message: str) -> None:
    with pytest.raises(SymbolError, match=message):
        parse(text)
    assert try_parse(text) is None


def test_symbol_error_is_value_error() -> None:
    assert issubclass(SymbolError, ValueError)


DOUBLES = [
    ("A/79/796-S/2025/105", ["A/79/796", "S/2025/105"]),
    ("A/79/924\u2013S/2025/351", ["A/79/924", "S/2025/351"]),  # en dash
    ("A/ES-10/1022-S/2025/92", ["A/ES-10/1022", "S/2025/92"]),  # ES-10 is not a split point
    ("A/47/1012/Add.1-S/26416/Add.1", ["A/47/1012/Add.1", "S/26416/Add.1"]),
    ("A/79/72/Add.1-E/2024/12/Add.1", ["A/79/72/Add.1", "E/2024/12/Add.1"]),
    ("A/74/881-S/2020-503", ["A/74/881", "S/2020-503"]),  # the typo stays in the second half
    ("S/2025/105", ["S/2025/105"]),
    ("CEDAW/C/CAF/1-5", ["CEDAW/C/CAF/1-5"]),  # a range, not a double symbol
]


@pytest.mark.parametrize(("text", "expected"), DOUBLES)
def test_parse_double(text: str, expected: list[str]) -> None:
    assert [str(s) for s in parse_double(text)] == expected


# ---------------------------------------------------------------------------
# Properties

BASES = [
    ("A/47/1012/Add.1", "A/47/1012"),
    ("CCPR/C/21/Rev.1/Add.13", "CCPR/C/21"),
    ("A/73/785*", "A/73/785"),
    ("S/RES/822 (1993)", "S/RES/822 (1993)"),
    ("E/ICEF/672 (Part II)", "E/ICEF/672 (Part II)"),
]


@pytest.mark.parametrize(("text", "base"), BASES)
def test_base(text: str, base: str) -> None:
    assert str(parse(text).base) == base
    assert parse(text).base == parse(base)


ORGANS = [
    ("A/79/796", "General Assembly"),
    ("A/RES/78/323", "General Assembly"),
    ("A/C.3/79/L.12/Rev.1", "General Assembly"),
    ("S/RES/822 (1993)", "Security Council"),
    ("S/PV.9999", "Security Council"),
    ("E/2025/L.10", "Economic and Social Council"),
    ("A/HRC/RES/31/1", "Human Rights Council"),
    ("A/HRC/WG.6/34/ITA/3", "Human Rights Council"),
    ("E/CN.4/RES/1998/50", "Commission on Human Rights"),
    ("E/CN.6/2020/L.1", "Commission on the Status of Women"),
    ("CEDAW/C/CAF/CO/6", "Committee on the Elimination of Discrimination against Women"),
    ("A/AC.292/2024/3", "General Assembly"),  # through the generic A/AC entry
    ("E/ICEF/672 (Part II)", "United Nations Children's Fund Executive Board"),
    ("CD/1299", "Conference on Disarmament"),
]


@pytest.mark.parametrize(("text", "organ"), ORGANS)
def test_organ(text: str, organ: str) -> None:
    assert parse(text).organ == organ


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S/RES/822 (1993)", True),
        ("A/HRC/RES/31/1", True),
        ("UNEP/EA.5/Res.14", True),
        ("A/RES/217 A (III)", True),
        ("A/HRC/DEC/19/115", False),
        ("A/C.3/79/L.12/Rev.1", False),
        ("S/PRST/2024/3", False),
    ],
)
def test_is_resolution(text: str, expected: bool) -> None:
    assert parse(text).is_resolution is expected


URLS = [
    ("A/79/796", "en", "https://undocs.org/en/A/79/796"),
    ("S/RES/822 (1993)", "en", "https://undocs.org/en/S/RES/822%20(1993)"),
    ("S/RES/822 (1993)", "fr", "https://undocs.org/fr/S/RES/822%20(1993)"),
    ("A/RES/217 A (III)", "en", "https://undocs.org/en/A/RES/217%20A%20(III)"),
    ("S/PV.3745 (Resumption 1)", "es", "https://undocs.org/es/S/PV.3745%20(Resumption%201)"),
    ("A/73/785*", "en", "https://undocs.org/en/A/73/785"),  # the reissue mark is not in the address
    ("E/CN.4/2005/L.10/Add.17", "RU", "https://undocs.org/ru/E/CN.4/2005/L.10/Add.17"),
]


@pytest.mark.parametrize(("text", "lang", "url"), URLS)
def test_url(text: str, lang: str, url: str) -> None:
    assert parse(text).url(lang) == url


def test_url_default_language_and_bad_language() -> None:
    assert parse("S/2025/105").url() == "https://undocs.org/en/S/2025/105"
    with pytest.raises(ValueError, match="two-letter"):
        parse("S/2025/105").url("english")


def test_symbol_is_frozen_and_hashable() -> None:
    s = parse("A/79/796")
    assert {s, parse("A/79/796")} == {s}
    name = "number"
    with pytest.raises(AttributeError):
        setattr(s, name, "1")


# ---------------------------------------------------------------------------
# The catalogue: every example parses, prints back unchanged, and has the listed type


def _catalogue_examples() -> list[tuple[str, str]]:
    return [("/".join(e.prefix), ex) for e in catalogue().entries for ex in e.examples]


@pytest.mark.parametrize(("prefix", "example"), _catalogue_examples())
def test_catalogue_examples(prefix: str, example: str) -> None:
    s = parse(example)
    assert str(s) == example
    assert s.parts[: len(prefix.split("/"))][0] == prefix.split("/")[0]
    assert s.organ is not None


@pytest.mark.parametrize(
    ("token", "example"), [(t, ex) for t, examples in catalogue().types.items() for ex in examples]
)
def test_type_examples(token: str, example: str) -> None:
    assert parse(example).type == token


def test_catalogue_series_end_in_a_capital() -> None:
    # find_symbols' prefilter looks for a capital letter (and a dotted number: GEGN.2) right before "/".
    assert all(re.fullmatch(r"[A-Z]+(?:\.\d+)?", name) for name in catalogue().series)


# ---------------------------------------------------------------------------
# The fixture table of real symbols from the corpus


def _fixture_symbols() -> list[str]:
    return [line for line in FIXTURE.read_text("utf-8").splitlines() if line.strip()]


def test_fixture_is_large_and_distinct() -> None:
    symbols = _fixture_symbols()
    assert len(symbols) >= 300
    assert len(set(symbols)) == len(symbols)


def test_fixture_round_trips() -> None:
    failures = [t for t in _fixture_symbols() if str(parse(t)) != t or parse(str(parse(t))) != parse(t)]
    assert failures == []


def test_fixture_found_in_prose() -> None:
    symbols = _fixture_symbols()
    prose = "".join(f"See {t}, and " for t in symbols)
    assert [str(s) for _, _, s in find_symbols(prose)] == symbols


# ---------------------------------------------------------------------------
# find_symbols: (prose, symbols found as canonical strings)

FIND = [
    ("See S/2018/462.", ["S/2018/462"]),
    ("letter (A/79/796-S/2025/105) of", ["A/79/796", "S/2025/105"]),
    ("letter A/79/924\u2013S/2025/351", ["A/79/924", "S/2025/351"]),
    ("(A/74/881-S/2020-503 of 5 June 2020)", ["A/74/881", "S/2020-503"]),  # typo kept as written
    ("resolution S/RES/822 (30 April 1993) and", ["S/RES/822 (1993)"]),
    ("resolutions S/RES/822(1993) and S/RES/853 (1993).", ["S/RES/822 (1993)", "S/RES/853 (1993)"]),
    ("the report (S/2025/\n105) says", ["S/2025/105"]),  # pdftotext wrapped after the slash
    ("the report S/2025/ 105.", ["S/2025/105"]),
    ("resolution A/HRC/\n31/1 and", ["A/HRC/31/1"]),
    ("see E/CN.4/2005/L.10/Add.17.", ["E/CN.4/2005/L.10/Add.17"]),
    ("statement S/PRST/2010/18 (23 September 2010);", ["S/PRST/2010/18"]),  # a date is not a PRST year
    ("the Declaration (A/RES/217 A (III))", ["A/RES/217 A (III)"]),
    ("record S/PV.3745 (Resumption 1).", ["S/PV.3745 (Resumption 1)"]),
    ("A/73/785*\nDistr.: General", ["A/73/785*"]),
    ("E/ICEF/672(Part II)", ["E/ICEF/672 (Part II)"]),
    ("E/ICEF/672 (Deuxième partie)", ["E/ICEF/672 (Deuxième partie)"]),
    ("A/HRC/58/76 (see footnote 32)", ["A/HRC/58/76"]),  # a remark is not an extra
    ("S/RES/822\u00a0(1993)", ["S/RES/822 (1993)"]),
    ("resolution ES\u201310/21 of A/RES/ES\u201310/21", ["A/RES/ES-10/21"]),
    ("«S/2025/105»; “A/79/796”", ["S/2025/105", "A/79/796"]),
    ("Генеральная Ассамблея A/80/1 Distr.", ["A/80/1"]),
    ("见S/2025/105号文件", ["S/2025/105"]),  # Chinese sets symbols without spaces
    ("S/2025/105\u00b9 and", ["S/2025/105"]),  # a superscript footnote mark may follow
    ("S/RES/822\n(1993)", ["S/RES/822 (1993)"]),
    ("see A/79/L.10.The draft", ["A/79/L.10"]),  # a sentence glued after the symbol
    # The dash of a double symbol lost with a table-cell break: two symbols.
    ("declaration (A/44/872S/21019 and annex)", ["A/44/872", "S/21019"]),
    ("(A/79/359S/202/684), the", ["A/79/359", "S/202/684"]),
    # Other entities and series, and their sessions or parts glued in parentheses.
    ("is contained in TD/40(2)/L.7 and", ["TD/40(2)/L.7"]),
    ("technical material (TD/B/EX(2)/3 - TD/B/CN.4/16)", ["TD/B/EX(2)/3", "TD/B/CN.4/16"]),
    ("a semiannual review (TD/B/CN.4/Misc.10) listing", ["TD/B/CN.4/Misc.10"]),
    ("promotion tools for ports (UNCTAD/SHIP/494(12)). Also", ["UNCTAD/SHIP/494(12)"]),
    ("the Joint Inspection Unit\n(JIU/REP/2023/3).", ["JIU/REP/2023/3"]),
    ("see GEGN.2/2021/CRP.130/Rev.1, 25 April 2021", ["GEGN.2/2021/CRP.130/Rev.1"]),
    ("decision ICCD/COP(13)/CST/2 and ECE/TRANS/WP.29/1170", ["ICCD/COP(13)/CST/2", "ECE/TRANS/WP.29/1170"]),
]


@pytest.mark.parametrize(("text", "expected"), FIND)
def test_find_symbols(text: str, expected: list[str]) -> None:
    assert [str(s) for _, _, s in find_symbols(text)] == expected


NOT_SYMBOLS = [
    "two thirds, 2/3, of the members",  # fractions
    "24/7 support",
    "1/2 of the budget",
    "pages 2/3",
    "and/or",
    "speed in km/h",
    "HIV/AIDS and SLA/TC and SPLM/A-IO",  # no known series
    "SC/15942 press release",  # press releases are not document symbols
    "the Joint UNCTAD/IMO Intergovernmental Group",  # two bodies, no document
    "TD/B/EX(1993)/3",  # a year is not a part glued to an element
    "https://undocs.org/en/S/RES/822%20(1993)",  # a URL, not prose
    "https://undocs.org/en/A/79/796",
    "www.un.org/en/A/79/796",
    "https://example.org/x?id=A/79/796",
    "page#A/79/796 and file_S/2025/105.pdf",
    "https://undocs.org/en/\nA/79/796",  # a URL that pdftotext wrapped
    "see A/ both and A/ D",
    "USA/2025/1 and TSA/12",  # a series must start a word
    "E/ICEF/L.1\u00cf12",  # an element does not stop inside a word
    "s/21194",  # lower case series
    "A/HRC",  # no number
    "\u00e9S/2025/1",  # a series must start a word, in Latin scripts too
]


@pytest.mark.parametrize("text", NOT_SYMBOLS)
def test_find_symbols_rejects(text: str) -> None:
    assert list(find_symbols(text)) == []


SPANS = [
    ("See S/2018/462.", "S/2018/462"),
    ("(S/RES/822 (30 April 1993))", "S/RES/822 (30 April 1993)"),
    ("S/PRST/2010/18 (23 September 2010)", "S/PRST/2010/18"),
    ("the report (S/2025/\n105)", "S/2025/\n105"),
    ("A/79/796-S/2025/105", "A/79/796"),
    ("S/PV.3745 (Resumption 1)*.", "S/PV.3745 (Resumption 1)*"),
    ("见S/2025/105号", "S/2025/105"),
]


@pytest.mark.parametrize(("text", "written"), SPANS)
def test_find_symbols_spans(text: str, written: str) -> None:
    start, end, _ = next(find_symbols(text))
    assert text[start:end] == written


def test_symbol_re_is_compiled() -> None:
    assert SYMBOL_RE.search("see A/79/796.") is not None
    assert SYMBOL_RE.search("see 2/3.") is None


# ---------------------------------------------------------------------------
# Hypothesis: generated symbols print back unchanged and round-trip

_n = st.integers(1, 9999).map(str)
_session = st.integers(1, 80).map(str)
_year = st.integers(1946, 2030).map(str)
_roman = st.sampled_from(["I", "II", "III", "IV", "V", "XV", "XXV", "XLVIII"])
_country = st.sampled_from(["CAF", "ITA", "GBR", "FRA", "KEN", "BRA"])
_mods = st.lists(
    st.builds("{}.{}".format, st.sampled_from(["Add", "Corr", "Rev", "Amend"]), st.integers(1, 30)),
    max_size=2,
).map(lambda ms: "".join(f"/{m}" for m in ms))
_star = st.sampled_from(["", "*"])


def _fmt(template: str, **parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.fixed_dictionaries(parts).map(lambda d: template.format(**d))


GENERATED = st.one_of(
    _fmt("A/{s}/{n}{m}{r}", s=_session, n=_n, m=_mods, r=_star),
    _fmt("S/{y}/{n}{m}{r}", y=_year, n=_n, m=_mods, r=_star),
    _fmt("S/{n}{m}", n=_n, m=_mods),
    _fmt("S/RES/{n} ({y}){r}", n=_n, y=_year, r=_star),
    _fmt("A/RES/{s}/{n}", s=_session, n=_n),
    _fmt("A/RES/{n} ({r})", n=_n, r=_roman),
    _fmt("A/RES/{n} {p} ({r})", n=_n, p=st.sampled_from("ABCD"), r=_roman),
    _fmt("A/RES/{k}-{s}/{n}", k=st.sampled_from(["ES", "S"]), s=_session, n=_n),
    _fmt("A/C.{c}/{s}/L.{n}{m}", c=st.integers(1, 6).map(str), s=_session, n=_n, m=_mods),
    _fmt("S/PV.{n}{x}", n=_n, x=st.sampled_from(["", " (Resumption 1)", " (Resumption 2)"])),
    _fmt("A/{s}/PV.{n}", s=_session, n=_n),
    _fmt("E/CN.4/{y}/L.{n}{m}", y=_year, n=_n, m=_mods),
    _fmt("{t}/C/GC/{n}", t=st.sampled_from(["CRC", "CCPR", "CEDAW", "CERD", "CAT"]), n=_n),
    _fmt("CEDAW/C/{c}/CO/{n}", c=_country, n=_n),
    _fmt("A/HRC/WG.6/{s}/{c}/{n}", s=_session, c=_country, n=_n),
    _fmt("S/PRST/{y}/{n}", y=_year, n=_n),
    _fmt("TPNW/MSP/{y}/{t}/{n}{m}", y=_year, t=st.sampled_from(["NGO", "INF"]), n=_n, m=_mods),
    _fmt("E/ICEF/{n} (Part {r})", n=_n, r=_roman),
    _fmt("A/AC.{b}/{y}/L.{n}", b=_n, y=_year, n=_n),
)


@settings(max_examples=300, deadline=None)
@given(GENERATED)
def test_generated_round_trip(text: str) -> None:
    s = parse(text)
    assert str(s) == text
    assert parse(str(s)) == s
    assert isinstance(s, Symbol)


@settings(max_examples=200, deadline=None)
@given(GENERATED)
def test_generated_found_in_prose(text: str) -> None:
    prose = f"as stated in {text}. Next"
    assert [(start, end, s) for start, end, s in find_symbols(prose)] == [(13, 13 + len(text), parse(text))]


# ---------------------------------------------------------------------------
# The corpus, when present: each document's own symbol is found in its text

OCR_MISSES = {"S_21194.en.pdftotext.txt"}  # its masthead reads "s/21194" in lower case


@pytest.mark.skipif(not (CORPUS / "MANIFEST.csv").exists(), reason="corpus ../shared/corpus/dev is absent")
def test_corpus_documents_carry_their_symbols() -> None:
    missing = []
    with (CORPUS / "MANIFEST.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["file"].endswith(".pdftotext.txt")]
    for row in rows:
        if row["file"] in OCR_MISSES:
            continue
        found = {s.parts for _, _, s in find_symbols((CORPUS / row["file"]).read_text("utf-8"))}
        missing += [row["symbol"] for s in parse_double(row["symbol"]) if s.parts not in found]
    assert missing == []


# ---------------------------------------------------------------------------
# continuations: documents named after a symbol by their last number

CONTINUED = [
    ("[A/CONF.162/3/Add.1-3]", ["A/CONF.162/3/Add.1", "A/CONF.162/3/Add.2", "A/CONF.162/3/Add.3"]),
    ("in E/CN.9/2025/5 and 6.", ["E/CN.9/2025/5", "E/CN.9/2025/6"]),
    ("were unacceptable (S/PRST/1994/14 and 57). As", ["S/PRST/1994/14", "S/PRST/1994/57"]),
    ("S/1995/222 and Corr.1 and 2.", ["S/1995/222", "S/1995/222/Corr.1", "S/1995/222/Corr.2"]),
    ("(S/10896\nand Corr.1 and Add.1).", ["S/10896", "S/10896/Corr.1", "S/10896/Add.1"]),
    ("documents S/4417\nand Add.1/Rev.1 and Add.2.", ["S/4417", "S/4417/Add.1/Rev.1", "S/4417/Add.2"]),
    ("A/44/642 and Corr.1 of 3 May", ["A/44/642", "A/44/642/Corr.1"]),
    ("records S/PV.9818 and 9819.", ["S/PV.9818", "S/PV.9819"]),  # the number of a typed element
    ("drafts A/C.3/78/L.41 and 42;", ["A/C.3/78/L.41", "A/C.3/78/L.42"]),
    # summary statements of the Security Council
    ("(see S/10855/Add.15, 16, 23 and 44; S/11185/Add.14-16, 42/Rev.1 and 47)",
     ["S/10855/Add.15", "S/10855/Add.16", "S/10855/Add.23", "S/10855/Add.44", "S/11185/Add.14", "S/11185/Add.15",
      "S/11185/Add.16", "S/11185/Add.42/Rev.1", "S/11185/Add.47"]),
    ("S/19420/Add.2, 22 and Corr.1, 30 and 50;",
     ["S/19420/Add.2", "S/19420/Add.22", "S/19420/Add.22/Corr.1", "S/19420/Add.30", "S/19420/Add.50"]),
    # not lists: a footnote mark after the last "and", a date, words, numbers that go down
    ("documents S/7930/Add.64 and Add.65, 22\n\nThe", ["S/7930/Add.64", "S/7930/Add.65"]),
    ("contained in document S/13026 and\nCorr.1, 6\n", ["S/13026", "S/13026/Corr.1"]),
    ("S/1059/Rev.2, 39 and in consultation", ["S/1059/Rev.2"]),
    ("the note S/2025/10, 12 May 2025", ["S/2025/10"]),
    ("S/2025/105 and 3 annexes.", ["S/2025/105"]),
    ("S/2025/105 and 3.", ["S/2025/105"]),
    ("A/CONF.162/3/Add.1-300", ["A/CONF.162/3/Add.1"]),
]


@pytest.mark.parametrize(("text", "expected"), CONTINUED)
def test_continuations(text: str, expected: list[str]) -> None:
    found = []
    for _start, end, sym in find_symbols(text):
        found.append(str(sym))
        found += [str(more) for _s, _e, more in continuations(text, end, sym)]
    assert found == expected


def test_continuation_spans() -> None:
    text = "S/1994/20 and Add.4, 13-15 and 49;"
    spans = [(text[s:e], str(sym)) for s, e, sym in continuations(text, 9, parse("S/1994/20"))]
    # the member of a range that is not written gets an empty span at the dash
    assert spans == [("Add.4", "S/1994/20/Add.4"), ("13", "S/1994/20/Add.13"), ("", "S/1994/20/Add.14"),
                     ("15", "S/1994/20/Add.15"), ("49", "S/1994/20/Add.49")]


@settings(max_examples=300, deadline=None)
@given(
    GENERATED.filter(lambda t: not t.endswith("*")),
    st.text(alphabet=st.sampled_from(list("0123456789 ,-.;)/and Corr.Add.Rev.\n")), max_size=40),
)
def test_continuations_never_fail(symbol: str, tail: str) -> None:
    # whatever follows a symbol, continuations only yield symbols of its stem, inside the text
    text = symbol + tail
    for _start, end, sym in find_symbols(text):
        for s, e, more in continuations(text, end, sym):
            assert end <= s <= e <= len(text)
            assert more.series == sym.series


def test_continuations_of_combined_and_parted_numbers() -> None:
    for text in ("CEDAW/C/CAF/1-5 and 6.", "UNCTAD/SHIP/494(12) and 13."):
        (_, end, sym), = find_symbols(text)
        assert list(continuations(text, end, sym)) == []


# ---------------------------------------------------------------------------
# The decisions of continuations and of element classification, one table each


@pytest.mark.parametrize(
    ("low", "high", "kind", "previous", "expected"),
    [
        (2, 2, "Add", "S/19420/Add.1", True),  # an addendum goes on the list
        (13, 17, "Add", "S/19420/Add.12", True),  # a range of addenda
        (1, 40, "Add", "S/19420", False),  # longer than MAX_RANGE: a misreading
        (6, 6, None, "E/CN.9/2025/5", True),  # a document number after a lower one
        (5, 5, None, "E/CN.9/2025/5", False),  # document numbers of a list go up
        (57, 57, None, "S/PRST/1994/58", False),
        (6, 6, None, "UNCTAD/SHIP/494(12)", False),  # no list after a number glued to a part
    ],
)
def test_continues_list(low: int, high: int, kind: str | None, previous: str, expected: bool) -> None:
    assert _continues_list(low, high, kind, parse(previous)) is expected


@pytest.mark.parametrize(
    ("text", "kind", "previous", "expected"),
    [
        ("Corr.1", "Add", "S/19420/Add.22", True),  # "Add.22 and Corr.1": of Add.22
        ("Rev.1", "Add", "S/19420/Add.22", True),
        ("Corr.1", "Corr", "S/1995/222/Corr.1", False),  # a list of corrigenda
        ("Corr.1", "Add", "S/19420", False),  # no addendum before it
        ("23", "Add", "S/19420/Add.22", False),  # a bare number continues the addenda
    ],
)
def test_of_previous_addendum(text: str, kind: str, previous: str, expected: bool) -> None:
    item = _ITEM_RE.match(text)
    assert item is not None
    assert _of_previous_addendum(item, kind, parse(previous)) is expected


@pytest.mark.parametrize(
    ("core", "bodies", "types", "countries", "numbers"),
    [
        (["79", "796"], [], [], [], {0: "79", 1: "796"}),
        (["ES-10", "L.23"], [], ["L"], [], {0: "ES-10", 1: "23"}),  # a special session; a typed number
        (["HRC", "55", "1"], ["HRC"], [], [], {1: "55", 2: "1"}),  # a body
        (["RES", "822"], [], ["RES"], [], {1: "822"}),  # a document type
        (["C", "CAF", "1"], ["C"], [], ["CAF"], {2: "1"}),  # a country code after a body
        (["CBD", "COP", "DEC", "X", "2"], ["CBD", "COP"], ["DEC"], [], {3: "X", 4: "2"}),  # a roman session
        (["TRANS", "WP.29", "1170"], ["TRANS", "WP.29"], [], [], {2: "1170"}),  # a dotted body before a number
        (["EX(2)", "3"], ["EX(2)"], [], [], {1: "3"}),  # a word with its session in parentheses
        (["40(2)", "L.7"], [], ["L"], [], {0: "40(2)", 1: "7"}),  # a number with its part in parentheses
        (["PartII", "1"], [], [], [], {0: "PartII", 1: "1"}),
    ],
)
def test_classify_elements(
    core: list[str], bodies: list[str], types: list[str], countries: list[str], numbers: dict[int, str]
) -> None:
    fields, first_modifier = _classify(core, "/".join(core))
    assert (fields.bodies, fields.types, fields.countries, fields.numbers) == (bodies, types, countries, numbers)
    assert first_modifier == len(core)


@pytest.mark.parametrize(
    ("core", "message"),
    [(["Add.1", "5"], "must come last"), (["79", "ab"], "is not an element")],
)
def test_classify_rejects(core: list[str], message: str) -> None:
    with pytest.raises(SymbolError, match=message):
        _classify(core, "/".join(core))
