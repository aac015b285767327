"""The quote grammar's gates: a clause is searched for possessors of words or organs' texts only when it holds a word
that every match holds."""

from __future__ import annotations

import pytest
import regex

from unref.quotes import grammar as G


@pytest.mark.parametrize(
    ("alternation", "words"),
    [
        ("(?:statement|comments?|op-ed)", ("statement", "comment", "op-ed")),
        ("(?:words)", ("words",)),
    ],
)
def test_words_of(alternation: str, words: tuple[str, ...]) -> None:
    assert G._words_of(alternation) == words


@pytest.mark.parametrize(
    ("clause", "owner"),
    [
        ("the Prime Minister’s statement", "Prime Minister"),
        ("in the statement of the Ministry of Foreign Affairs", "Ministry of Foreign Affairs"),
        ("the Prime Minister’s Statement", None),  # the pattern is case-sensitive: no word of _WORDS
        ("the Prime Minister said", None),
    ],
)
def test_possessive_sources(clause: str, owner: str | None) -> None:
    found = G._possessive_sources(clause)
    assert (found[0].who if found else None) == owner
    assert bool(list(G._POSSESSIVE_RE.finditer(clause))) is (owner is not None)


@pytest.mark.parametrize(
    ("clause", "organ"),
    [
        ("welcomes the acknowledgment in General Assembly resolution 77/335, in paragraph 77:", "General Assembly"),
        ("as recalled in the DECLARATION of the Security Council", "Security Council"),
        ("the Minister of Foreign Affairs of the Council", None),
    ],
)
def test_organ_text_sources(clause: str, organ: str | None) -> None:
    found = G._organ_text_sources(clause, [])
    assert (found[0].who if found else None) == organ
    assert bool(list(G._organ_text_re().finditer(clause))) is (organ is not None)


@pytest.mark.parametrize(
    ("before", "title"),
    [
        ("a conference entitled", True),
        ("the report on", True),
        ("the report of the Secretary-General on the situation in Mali,", False),
        ("a debate of the Council about:", True),
        ("the law", True),
        ("General Assembly resolution No. 5/2", True),
        ("under item 68 (b) of the agenda:", True),
        ("the Minister stated", False),
        ("a report that on 3 May the Council stated", False),
        ("", False),
    ],
)
def test_is_title_searched_from_the_end(before: str, title: bool) -> None:
    """The two patterns are searched from the end (REVERSE); a search from the start says the same."""
    assert G.is_title(before) is title
    forward = [regex.compile(p.pattern, p.flags & ~regex.REVERSE) for p in (G._TITLE_BEFORE_RE, G._NAMED_BEFORE_RE)]
    assert any(p.search(before[-140:]) is not None for p in forward) is title
