"""Table tests for the masthead's named decisions: the item rules of one line and the tests that end a
body's name and a title."""

from __future__ import annotations

import pytest

from unref.model import Line
from unref.structure.masthead.reader import (
    _addressee_ends,
    _ends_short_title,
    _is_body_name,
    _is_last_word_of_name,
    _is_sentence_line,
    _Reader,
    _subject_or_none,
)


def reader(**state: object) -> _Reader:
    """Return a reader of no lines with the given state (seen_distr, chain, current_organ, ...)."""
    r = _Reader([], 0)
    for key, value in state.items():
        setattr(r, key, value)
    return r


@pytest.mark.parametrize(
    ("text", "i", "state", "kind"),
    [
        ("S/2024/123", 0, {}, "symbol"),
        ("S/2024/123", 25, {}, ""),  # a symbol below the masthead's top is text's
        ("United Nations", 3, {}, "un"),
        ("United Nations", 12, {}, ""),
        ("Security Council", 5, {}, "organ"),
        ("Distr.: General", 8, {}, "distr"),
        ("Distr.: General", 30, {}, ""),
        ("GENERAL", 9, {"seen_distr": True}, "distr"),
        ("GENERAL", 9, {}, ""),  # no "Distr." above it
        ("11 March 2024", 10, {}, "date"),
        ("on 30 April 1993", 10, {}, ""),  # ends a sentence of the text
        ("11 March 2024", 40, {}, ""),
        ("Original: English", 12, {}, "original"),
        ("English", 12, {"seen_distr": True}, "language"),
        ("ORIGINAL:", 12, {"seen_distr": True}, "original"),
        ("English", 12, {}, ""),  # a language alone stands under "Distr." or a symbol only
        ("Agenda item 68", 14, {}, "agenda"),
        ("Seventy-ninth session", 14, {"current_organ": "General Assembly", "chain": "organ"}, "session"),
        ("Seventy-ninth session", 14, {"current_organ": "General Assembly", "chain": ""}, ""),
        ("Geneva, 2025", 14, {"chain": "session"}, "session"),  # a place and date under a body's session
        ("Geneva, 2025", 14, {"chain": "symbol"}, ""),
        ("Official Records", 14, {"seen_distr": True}, "cover"),
        ("Official Records", 14, {}, ""),
        ("The situation in the region is grave.", 14, {}, ""),
    ],
)
def test_item_rules(text: str, i: int, state: dict[str, object], kind: str) -> None:
    assert reader(**state)._take(i, text) == kind


@pytest.mark.parametrize(
    ("text", "state", "field", "value"),
    [
        ("A /79/PV.64", {}, "symbols", ["A/79/PV.64"]),
        ("A/79/359–S/2024/684", {}, "symbols", ["A/79/359", "S/2024/684"]),
        ("A/79/843*", {}, "symbols", ["A/79/843"]),
        ("Distr.: Limited", {}, "distribution", "Limited"),
        ("11 March 2024", {}, "date", "2024-03-11"),
        ("Original: French", {}, "original_language", "fr"),
        ("ENGLISH", {"seen_distr": True, "last_kind": "original"}, "original_language", "en"),
        ("Agenda items 32, 60 and 132", {}, "agenda_items", {"General Assembly": ["32", "60", "132"]}),
        ("Seventy-ninth session", {"current_organ": "General Assembly", "chain": "organ"}, "sessions",
         {"General Assembly": "Seventy-ninth session"}),
    ],
)
def test_item_rules_fill_metadata(text: str, state: dict[str, object], field: str, value: object) -> None:
    r = reader(**state)
    r._take(2, text)
    assert getattr(r.md, field) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Committee on Non-Governmental Organizations", False),
        ("The Council decided to extend the mandate.", True),
        ("Commission on Narcotic Drugs;", True),
        ("Statistical Commission 11 March 2024", True),
        ("x" * 71, True),
    ],
)
def test_is_sentence_line(text: str, expected: bool) -> None:
    assert _is_sentence_line(text) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Committee on Non-Governmental Organizations", True),
        ("Statistical Commission", True),
        ("Executive Board of the", False),  # a name does not end open
        ("Letter from the Permanent Representative", False),
    ],
)
def test_is_body_name(name: str, expected: bool) -> None:
    assert _is_body_name(name) is expected


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("on the work of its sixty-first session", 80, False),
        ("Summary", 80, True),
        ("Report of the Secretary-General", 80, True),
        ("Security Council", 80, True),
        ("x" * 73, 80, True),  # a full line of text (0.9 of the width)
        ("x" * 73, 0, False),  # no width: 80 characters
    ],
)
def test_ends_short_title(text: str, width: int, expected: bool) -> None:
    assert _ends_short_title(text, width) is expected


@pytest.mark.parametrize(
    ("joined", "after", "expected"),
    [
        ("Letter dated 8 March 2024 from the Permanent Representative of Utopia to the United Nations addressed"
         " to the President of the Security Council", "I have the honour", True),
        ("Letter dated 8 March 2024 from the Permanent Representative of Utopia to the United Nations addressed"
         " to the Secretary-General, the President of the General Assembly", "and the President of the Council",
         False),
        ("Letter dated 8 March 2024 from the Permanent Representative of Utopia", "to the United Nations", False),
        ("Lettre datée du 8 mars 2024, adressée au Secrétaire général par le", "Représentant permanent", False),
    ],
)
def test_addressee_ends(joined: str, after: str, expected: bool) -> None:
    assert _addressee_ends(joined, joined.split("\n")[-1], after) is expected


@pytest.mark.parametrize(
    ("after", "width", "expected"),
    [("Безопасности", 80, True), ("", 80, False), ("I have the honour to", 80, False), ("the", 80, False)],
)
def test_is_last_word_of_name(after: str, width: int, expected: bool) -> None:
    assert _is_last_word_of_name(after, width) is expected


def lines(*texts: str) -> list[Line]:
    """Return lines at consecutive offsets."""
    return [Line(t, k * 100, 1) for k, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("texts", "width", "taken"),
    [
        (("The situation in Central Africa",), 80, True),
        (("1.",), 80, False),  # a paragraph number: the text has begun
        (("The Council met on the question.",), 80, False),  # a sentence of text
        (tuple("line" for _ in range(7)), 80, False),  # too long for a title
    ],
)
def test_subject_or_none(texts: tuple[str, ...], width: int, taken: bool) -> None:
    group = lines(*texts)
    assert (_subject_or_none(group, width) is group) is taken
