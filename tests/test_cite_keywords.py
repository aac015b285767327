"""The cite stage's keyword prefilters (`unref.cite.patterns.Keywords`): the answer of the case-insensitive pattern."""

from __future__ import annotations

import re
import sys

import pytest

from unref.cite import patterns as P
from unref.cite.context import Unit

_ALL = (P.SHORT_FORM_PREFILTER, P.RES_PREFILTER)


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
    ],
)
def test_keywords_found(keywords: P.Keywords, text: str, found: bool) -> None:
    assert keywords.found_in(text) is found
    assert (keywords.pattern.search(text) is not None) is found
    assert keywords.found_in(text, text.lower()) is found


def test_odd_cases_are_all_the_letters_whose_case_lower_and_ignorecase_read_differently() -> None:
    """Every code point that IGNORECASE matches with a keyword's letter while str.lower gives another (or two
    characters) is in ODD_CASES: then found_in answers as the pattern on every text."""
    letters = sorted({c for k in _ALL for c in "".join(k.words)})
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    by_ignorecase = set(re.findall("(?i:[" + re.escape("".join(letters)) + "])", every))
    by_lower = {c for c in every if c.lower() in letters}
    assert by_ignorecase ^ by_lower <= set(P.ODD_CASES)
    assert [c for c in every if len(c.lower()) != 1] == ["\u0130"]


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
