"""The keyword prefilters (`unref.text.regexes.Keywords`) of cite and quotes: the case-insensitive pattern's answer."""

from __future__ import annotations

import re
import sys
from importlib import import_module

import pytest

from unref.cite import patterns as P
from unref.cite.context import Unit
from unref.quotes import grammar as G
from unref.text.regexes import ODD_CASES, Keywords

_ALL = (P.SHORT_FORM_PREFILTER, P.RES_PREFILTER, G._ORGAN_TEXT_WORDS)


@pytest.mark.parametrize(
    ("keywords", "text", "found"),
    [
        (P.SHORT_FORM_PREFILTER, "Ibid., para. 4.", True),
        (P.SHORT_FORM_PREFILTER, "IBID.", True),
        (P.SHORT_FORM_PREFILTER, "Там же, стр. 4.", True),
        (P.SHORT_FORM_PREFILTER, "Там\u00a0же", False),  # the pattern's blank is a space, as before
        (P.SHORT_FORM_PREFILTER, "the above-mentioned report", True),
        (P.SHORT_FORM_PREFILTER, "Précitée", True),
        (P.SHORT_FORM_PREFILTER, "the report of the Secretary-General", False),
        (P.SHORT_FORM_PREFILTER, "\u0130bid.", True),  # dotted capital I: lowers to two characters
        (P.SHORT_FORM_PREFILTER, "\u0131bid.", True),  # dotless i: IGNORECASE reads it as i
        (P.SHORT_FORM_PREFILTER, "\u017fame", True),  # long s
        (P.SHORT_FORM_PREFILTER, "\u0131n the meantime", False),
        (P.RES_PREFILTER, "Security Council resolution 2334 (2016)", True),
        (P.RES_PREFILTER, "RÉSOLUTION 1701", True),
        (P.RES_PREFILTER, "UNSCR 1325", True),
        (P.RES_PREFILTER, "unscr", True),
        (P.RES_PREFILTER, "Резолюция 242", True),
        (P.RES_PREFILTER, "Решение Совета", True),
        (P.RES_PREFILTER, "the Council decided", False),
        (P.RES_PREFILTER, "r\u1c82", False),  # an old Cyrillic form, asked of the pattern
        (G._ORGAN_TEXT_WORDS, "General Assembly resolution 77/335", True),
        (G._ORGAN_TEXT_WORDS, "the Presidential Statement of", True),
        (G._ORGAN_TEXT_WORDS, "ДЕКЛАРАЦИЯ и ЗАЯВЛЕНИЕ", True),
        (G._ORGAN_TEXT_WORDS, "the Council’s DÉCISION", True),
        (G._ORGAN_TEXT_WORDS, "the Special Rapporteur stated", False),
        (G._ORGAN_TEXT_WORDS, "\u017ftatement", True),  # long s: asked of the regex pattern
    ],
)
def test_keywords_found(keywords: Keywords, text: str, found: bool) -> None:
    assert keywords.found_in(text) is found
    assert (keywords.pattern.search(text) is not None) is found
    assert keywords.found_in(text, text.lower()) is found


_EVERY = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)


@pytest.mark.parametrize("keywords", _ALL)
def test_odd_cases_are_all_the_letters_whose_case_lower_and_ignorecase_read_differently(keywords: Keywords) -> None:
    """Every code point that IGNORECASE (of the keywords' module) matches with a keyword's letter while str.lower
    gives another letter (or two characters) is in ODD_CASES, and found_in asks the pattern of a text that holds it:
    then found_in answers as the pattern on every text."""
    module = import_module(keywords.module)
    by_lower: dict[str, set[str]] = {}
    for c in _EVERY:
        by_lower.setdefault(c.lower(), set()).add(c)
    for letter in sorted(set("".join(keywords.words))):
        by_ignorecase = set(module.findall("(?i:" + re.escape(letter) + ")", _EVERY))
        missed = by_ignorecase - by_lower.get(letter, set())
        assert missed <= set(keywords._odd_letters()) <= set(ODD_CASES), letter
        assert by_lower.get(letter, set()) <= by_ignorecase, letter


def test_only_one_letter_lowers_to_two() -> None:
    assert [c for c in _EVERY if len(c.lower()) != 1] == ["\u0130"]


@pytest.mark.parametrize(
    "text",
    ["Ibid.", "the same report", "\u0130BID", "Resolution", "r\u00e9solutions", "nothing here", ""],
)
def test_keywords_agree_with_their_pattern(text: str) -> None:
    for keywords in _ALL:
        assert keywords.found_in(text) is (keywords.pattern.search(text) is not None)


def test_unit_lowers_its_text_once() -> None:
    unit = Unit("p1", "Ibid., Resolution 5", False)
    assert unit.lowered() == "ibid., resolution 5"
    assert unit.lowered() is unit.lowered()


@pytest.mark.parametrize(
    ("keys", "pattern"),
    [
        (["CM/", "Cour", "/EU"], r"C(?:M/|our)|/(?:EU)"),
        ([" v. ", "Sales No"], r"\ (?:v\.\ )|S(?:ales\ No)"),
    ],
)
def test_by_first_character(keys: list[str], pattern: str) -> None:
    from unref.cite.other_bodies import _by_first_character

    assert _by_first_character(keys) == pattern


def test_other_bodies_prefilter_finds_what_the_flat_alternation_finds() -> None:
    from unref.cite.other_bodies import bodies

    catalogue = bodies()
    keys = sorted({key for d in catalogue.documents for key in d.prefilter}, key=len, reverse=True)
    flat = re.compile("|".join(re.escape(key) for key in keys))
    text = " ".join(keys) + " CM/Del/Dec(2024)1 I.C.J. Reports 1996 (EU) 2016/679 United Nations Sales No. E.24 v. "
    assert [m.span() for m in catalogue.prefilter_re.finditer(text)] == [m.span() for m in flat.finditer(text)]


@pytest.mark.parametrize(
    ("words", "kept"),
    [
        (("said", "aforesaid", "same"), ("said", "same")),
        (("UNSCR", "resolu"), ("unscr", "resolu")),
        (("idem", "ídem"), ("idem", "ídem")),
    ],
)
def test_keywords_keep_the_words_that_hold_no_other(words: tuple[str, ...], kept: tuple[str, ...]) -> None:
    assert Keywords(*words).words == kept


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("pursuant to Security Council resolution", True),
        ("RÉSOLUTION 1701", True),
        ("The Council met.", False),
    ],
)
def test_unit_names_resolutions_once(text: str, names: bool) -> None:
    unit = Unit("p1", text, False)
    assert unit.names_resolutions() is names
    unit.text = "resolution"  # asked once: the answer is kept with the unit
    assert unit.names_resolutions() is names
