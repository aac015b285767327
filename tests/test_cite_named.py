"""Table tests for the decisions of unref.cite.named (lists of resolutions, numbers OCR damaged) and of
unref.cite.other_bodies (publications)."""

from __future__ import annotations

import re

import pytest

from unref.cite import patterns as P
from unref.cite.named import (
    _continues,
    _damaged_at,
    _is_council_run,
    _Item,
    _item,
    _list_items,
    _readings,
    _repaired_number,
    _separator,
)
from unref.cite.other_bodies import _is_publication


@pytest.mark.parametrize(
    ("text", "years", "weak"),
    [
        (", 853 (1993)", True, False),  # a comma
        (" and 853 (1993)", True, False),  # a conjunction
        (" of 4 March, 187 (1964)", True, False),  # a date of adoption, then a comma
        (" 982 (1995)", True, True),  # the comma lost: read only in a list of year-form numbers
        (". 368 (1975)", True, True),  # a point read for the comma
        (" 982 (1995)", False, None),  # no separator in a list of other forms
    ],
)
def test_separator(text: str, years: bool, weak: bool | None) -> None:
    sep, is_weak = _separator(text, 0, years)
    assert (None if sep is None else is_weak) == weak


def _entries(text: str) -> list[_Item | re.Match[str]]:
    return [_item(m) for m in P.RES_ITEM_RE.finditer(text)]


@pytest.mark.parametrize(
    ("before", "following", "weak", "expected"),
    [
        ("822 (1993)", "853 (1993)", False, True),
        ("1701 (2006)", "30", False, False),  # a bare number only continues a bare list
        ("1701", "1702", False, True),
        ("981 (1995)", "982 (1995)", True, True),  # after a weak separator: a year-form number that ascends
        ("981 (1995)", "970 (1995)", True, False),
        ("47/118", "48/1", True, False),
    ],
)
def test_number_continues_the_list(before: str, following: str, weak: bool, expected: bool) -> None:
    m = P.RES_ITEM_RE.match(following)
    assert m is not None
    assert _continues(m, _entries(before), weak) is expected


@pytest.mark.parametrize(
    ("raw", "low", "high", "expected"),
    [
        ("S11", None, None, {511}),  # a letter for the digit it resembles
        ("SB2", 981, 983, {int(f"{n}2") for n in range(100)}),  # between two neighbours: any digit for a letter
        ("1O23", 1022, None, {1023}),
        ("5X1", None, 600, set()),  # a letter OCR never reads for a digit
    ],
)
def test_readings_of_a_damaged_number(raw: str, low: int | None, high: int | None, expected: set[int]) -> None:
    assert _readings(raw, low, high) == expected


@pytest.mark.parametrize(
    ("text", "low", "high", "first", "expected"),
    [
        ("S11 (1982)", None, None, True, 511),  # first of the list, read by its resemblance
        ("S11 (1982)", None, None, False, None),  # neither neighbour known, and not first
        ("SB2 (1995)", 981, 983, False, 982),  # the one reading between its neighbours
        ("S11 (2010)", None, None, True, None),  # 511 is not of 2010
    ],
)
def test_repaired_number(text: str, low: int | None, high: int | None, first: bool, expected: int | None) -> None:
    m = P.DAMAGED_ITEM_RE.match(text)
    assert m is not None
    assert _repaired_number(m, low, high, first) == expected


def test_damaged_list_keeps_the_readable_numbers() -> None:
    numbers = [int(item.number) for item in _list_items("981 (1995), SB2 (1995) and 983 (1995)", 0)]
    assert numbers == [981, 982, 983]


@pytest.mark.parametrize(
    ("title", "imprint", "authors", "expected"),
    [
        ("Black Garden", "(New York, New York University Press, 2003)", None, True),
        ("Garden", "(New York, New York University Press, 2003)", None, False),  # one word is no title
        ("Black Garden", "(Ithaca Press, 2014)", None, False),  # no place and no authors
        ("Black Garden", "(Ithaca Press, 2014)", "Thomas de Waal, Black Garden", True),
        ("Black Garden", "(Geneva, Room 12, 2016)", None, False),  # a publisher has no digits
    ],
)
def test_is_publication(title: str, imprint: str, authors: str | None, expected: bool) -> None:
    m = P.IMPRINT_RE.search(imprint)
    assert m is not None
    author_match = P.AUTHORS_RE.match(authors) if authors else None
    assert _is_publication(title, m, author_match) is expected


def test_imprint_pattern_reads_place_publisher_year() -> None:
    m = P.IMPRINT_RE.search("(London and New York, I.B. Tauris, 2005)")
    assert m is not None
    assert (m["place"], m["publisher"], m["year"]) == ("London and New York", "I.B. Tauris", "2005")
    assert re.fullmatch(P.YEAR, m["year"])


@pytest.mark.parametrize(
    ("text", "first", "expected"),
    [
        ("775 1992 and 787 (1992)", False, "775 1992"),  # both parentheses lost, inside a list
        ("775 1992, 787 (1992)", False, "775 1992"),
        ("775 1992 and", True, None),  # never as a list's first number
        ("775 (1992, 787 (1992)", True, "775 (1992"),  # the closing parenthesis lost
        ("S11 (1982)", True, "S11 (1982)"),  # letters read for digits
        ("775 (1992)", False, None),  # undamaged
        ("775 1992 was", False, None),  # no separator after it: not a list's number
        ("508 eB) of 5 June 1982", False, "508 eB)"),  # the year read as letters
        ("1701 (a) of", True, None),  # a subparagraph, never a list's first number
    ],
)
def test_damaged_at(text: str, first: bool, expected: str | None) -> None:
    m = _damaged_at(text, 0, first=first)
    assert (m.group() if m else None) == expected


def test_list_through_a_number_without_parentheses() -> None:
    numbers = [int(item.number) for item in _list_items("770 (1992), 775 1992 and 787 (1992),", 0)]
    assert numbers == [770, 775, 787]


def test_list_through_a_number_whose_year_was_lost() -> None:
    # S/RES/630 (1989) as OCR read it: the year of 508 read as "eB)"; its neighbours give 1982.
    text = "501 (1982) of 25 February 1982, 508 eB) of 5 June 1982, 509 (1982) of 6 June 1982 and"
    assert [(item.number, item.when) for item in _list_items(text, 0)] == [("501", "1982"), ("508", "1982"),
                                                                         ("509", "1982")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # S/RES/687 (1991) as extracted: its list broken by a line from elsewhere goes on without keyword.
        ("662 (1990) of 9 August 1990, 664 (1990) of 18 August 1990, 665 (1990) of 25 August 1990", True),
        ("662 (1990) and 664 (1990)", False),  # two: too few to be sure
        ("664 (1990), 662 (1990) and 665 (1990)", False),  # not ascending
        ("150 (1998), 200 (1999) and 250 (2000)", False),  # not Council resolutions of those years
        ("75 (1950), vol. 76 (1950) and vol. 80 (1951)", False),  # Treaty Series volumes: no list
    ],
)
def test_is_council_run(text: str, expected: bool) -> None:
    assert _is_council_run(_list_items(text, 0)) is expected
