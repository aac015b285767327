"""Table tests for the masthead's named decisions: the item rules of one line and the tests that end a
body's name and a title."""

from __future__ import annotations

import re

import pytest

from unref.model import Line, Metadata
from unref.structure.masthead import read_masthead
from unref.structure.masthead.reader import (
    _FORWARD_RE,
    _NUMBER,
    SESSION_RE,
    _addressee_ends,
    _anchor,
    _case_breaks,
    _ends_open,
    _ends_short_title,
    _forward_title,
    _is_body_name,
    _is_last_word_of_name,
    _is_sentence_line,
    _name_lines,
    _no_blank_lines,
    _Reader,
    _resolution_head,
    _stacked_organ,
    _starts_body,
    _subject_after_agenda,
    _subject_or_none,
    _title_lines,
    _title_units,
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
        ("English only", 12, {"seen_distr": True}, "language"),  # the versions a document is issued in
        ("Arabic, English and French only", 12, {"seen_distr": True}, "language"),
        ("Anglais et français seulement", 12, {"seen_distr": True}, "language"),
        ("English/French/Spanish", 12, {"seen_distr": True}, "language"),
        ("English language teaching", 12, {"seen_distr": True}, ""),
        ("Agenda item 68", 14, {}, "agenda"),
        ("Seventy-ninth session", 14, {"current_organ": "General Assembly", "chain": "organ"}, "session"),
        ("Seventy-ninth session", 14, {"current_organ": "General Assembly", "chain": ""}, ""),
        ("Geneva, 2025", 14, {"chain": "session"}, "session"),  # a place and date under a body's session
        ("Geneva, 2025", 14, {"chain": "symbol"}, ""),
        ("Official Records", 14, {"seen_distr": True}, "cover"),
        ("Official Records", 14, {}, ""),
        ("The situation in the region is grave.", 14, {}, ""),
        ("s/21194", 3, {}, "symbol"),  # OCR of a typewritten masthead: the series in lower case
        ("E/ICEF/672 (Deuxième partie)", 3, {}, "symbol"),
        ("A/79/6 (Sect. 33)", 3, {}, "symbol"),
        ("A/79/6 (see annex)", 3, {}, ""),
        ("ICCD/COP(16)/1", 0, {}, "symbol"),
        ("ICCD/CRIC(22)/2*", 0, {}, "symbol"),
        ("l6 avril 1980", 5, {}, "date"),  # OCR's "l" for a typed 1
        ("S/11800.", 8, {}, ""),  # "document" over "S/11800.": a sentence ends; a masthead's symbol never does
        ("First regular session 2025", 14, {"current_organ": "Executive Board", "chain": "organ"}, "session"),
        ("UNIES", 2, {}, "un"),  # the emblem's words in every language, and the letters beside them
        ("NACIONES A", 1, {}, "un"),
        ("A S", 1, {}, "un"),
        ("AS", 1, {}, "un"),
        # A body printed under the organ that heads the block is part of the block, its name wrapped or not.
        ("Working Group on the Universal Periodic Review", 15, {"chain": "organ", "current_organ": "Human Rights"
                                                               " Council"}, "organ"),
        ("Working Group on the Universal Periodic Review", 15, {"chain": ""}, ""),
        ("периодическому обзору", 16, {"chain": "organ", "last_kind": "organ"}, "organ"),
        ("периодическому обзору", 16, {"chain": "session", "last_kind": "session"}, ""),
        # A place and date under the other column's items that follow a body's name.
        ("New York, 3–7 March 2025", 12, {"chain": "original", "current_organ": "Meeting of States Parties",
                                          "md": Metadata(date="2025-03-19")}, "session"),
        ("New York, 3–7 March 2025", 12, {"chain": "original", "md": Metadata(date="2025-03-19")}, ""),
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
        ("s/21194", {}, "symbols", ["S/21194"]),
        ("E/ICEF/672 (Deuxième partie)", {}, "symbols", ["E/ICEF/672 (Deuxième partie)"]),
        ("l6 avril 1980", {}, "date", "1980-04-16"),
        # the note's star after the agenda line read as a figure glued to its last word (a scan)
        ("Item 116 (c) of the preliminary list3", {}, "agenda_items", {"General Assembly": ["116 (c)"]}),
        ("Item 10 of the provisional agenda12", {}, "agenda_items", {"General Assembly": ["10"]}),
        ("Item 110 (f) of the provisional agenda*", {}, "agenda_items", {"General Assembly": ["110 (f)"]}),
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
        ("Economic Commission for Europe", True),
        ("United Nations Environment Assembly of the United Nations Environment Programme", True),
        ("TD United Nations Conference on Trade and Development", False),  # the emblem's letters and words
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Committee on Non-Governmental Organizations", True),
        ("Special Committee on Peacekeeping Operations", True),
        ("Economic Commission for Europe", True),
        ("Inland Transport Committee", True),
        ("World Forum for Harmonization of Vehicle Regulations", True),
        ("United Nations Environment Assembly of the", True),
        ("Annual report on evaluation, 2024", False),
        ("Review of the work of the Commission", False),  # a title names a body after lower-case words
        ("TD United Nations Conference", False),
    ],
)
def test_starts_body(text: str, expected: bool) -> None:
    assert _starts_body(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("First regular session 2025", True),  # executive boards
        ("Second regular session 2025", True),
        ("Annual session 2025", True),
        ("Eighth substantive session", True),
        ("192nd session", True),  # working parties of ECE
        ("Fifty-ninth session (second part)", True),
        ("Ninth session (resumed)", True),
        ("Première session ordinaire de 2025", True),
        ("Segundo período ordinario de sesiones de 2025", True),
        ("Octavo período de sesiones sustantivo", True),
        ("Первая очередная сессия 2025 года", True),
        ("Sixty-eighth session", True),
        ("Opening of the session", False),  # an agenda item's title
        ("Closure of the session", False),
    ],
)
def test_session_line(text: str, expected: bool) -> None:
    assert bool(SESSION_RE.match(text)) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("58/... The right to food", "The right to food"),  # a draft's placeholder number
        ("80/… Freedom of expression", "Freedom of expression"),
        ("48/161. The situation in Central America", "The situation in Central America"),
        ("217 A (III)", "217 A (III)"),
        ("ES-11/1. Aggression against Ukraine", "Aggression against Ukraine"),
    ],
)
def test_resolution_number(title: str, expected: str) -> None:
    assert re.sub(_NUMBER, "", title) == expected


@pytest.mark.parametrize(
    ("texts", "organ", "taken"),
    [
        (("GENERAL", "", "ASSEMBLY", "", "LIMITED"), "General Assembly", [0, 2]),  # blank lines between
        (("SECURITY", "COUNCIL", "Distr."), "Security Council", [0, 1]),
        (("CONSEIL", "ECONOMIQUE", "ET S O C I A L"), "Economic and Social Council", [0, 1, 2]),
        (("ECONOMIC", "AND SOCIAL", "COUNCIL"), "Economic and Social Council", [0, 1, 2]),
        (("GENERAL", "ASSEMBLY OF STATES"), None, []),
        (("Security Council", "Distr.: General"), None, []),  # one line: the organ rule's
        (("UNITED", "NATIONS"), None, []),
    ],
)
def test_stacked_organ(texts: tuple[str, ...], organ: str | None, taken: list[int]) -> None:
    found = _stacked_organ(lines(*texts), 0)
    assert (found or (None, []))[0] == organ
    assert (found[1] if found else []) == taken


def sized(*rows: tuple[str, float | None]) -> list[Line]:
    """Return lines at consecutive offsets with a print size each."""
    return [Line(t, k * 100, 1, font_size=size) for k, (t, size) in enumerate(rows)]


@pytest.mark.parametrize(
    ("rows", "by_case", "units"),
    [
        # Told apart by case, when the extractor kept no blank lines.
        ((("Illicit drug traffic and supply", None), ("Strengthening international cooperation in the control of",
                                                      None), ("opium poppy cultivation", None)), True, [1, 2]),
        ((("Illicit drug traffic and supply", None), ("Strengthening international cooperation", None)), False,
         [2]),
        # A line that ends open, or a colon, goes on whatever the next line's case.
        ((("Elections to fill vacancies in the", None), ("Human Rights Council", None)), True, [2]),
        ((("Economic and environmental questions:", None), ("Statistics", None)), True, [2]),
        # Told apart by print size.
        ((("Development Cooperation Forum", 10.0), ("Trends and progress in development cooperation", 14.0)),
         False, [1, 1]),
    ],
)
def test_title_units(rows: tuple[tuple[str, float | None], ...], by_case: bool, units: list[int]) -> None:
    assert [len(u) for u in _title_units(sized(*rows), by_case)] == units


def test_subject_after_agenda() -> None:
    group = lines("Illicit drug traffic and supply", "Strengthening international cooperation in the control of",
                  "opium poppy cultivation")
    agenda, subject = _subject_after_agenda(group, 80, True)
    assert [ln.text for ln in agenda] == ["Illicit drug traffic and supply"]
    assert subject == group[1:]
    assert _subject_after_agenda(group[:1], 80, True) == (group[:1], [])  # one title: the agenda item's


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (tuple(f"line {k}" for k in range(14)), True),
        ((*(f"line {k}" for k in range(14)), ""), True),  # a blank line at the end only
        (("", *(f"line {k}" for k in range(14))), True),
        ((*(f"line {k}" for k in range(7)), "", *(f"line {k}" for k in range(7))), False),
        (tuple(f"line {k}" for k in range(5)), False),  # too few lines to tell
    ],
)
def test_no_blank_lines(texts: tuple[str, ...], expected: bool) -> None:
    assert _no_blank_lines(lines(*texts)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Draft decision submitted by the Vice-President of the Council,", True),
        ("Draft resolution submitted by the President of the", True),
        ("Draft resolution submitted by the Chair", False),
        ("Iraq: draft resolution", False),
    ],
)
def test_ends_open(text: str, expected: bool) -> None:
    assert _ends_open(text) is expected


def test_forward_title_after_a_wrapped_heading() -> None:
    window = lines("Draft decision submitted by the Vice-President of the Council,",
                   "Maria Silva (Brazil), on the basis of informal consultations", "",
                   "Report of the Statistical Commission on its fifty-sixth session", "The Economic and Social Council")
    assert [ln.text for ln in _forward_title(window, 0)] == [window[3].text]


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (("RAPPORT DU DIRECTEUR GENERAL SUR L'ETAT DES TRAVAUX",), "Chapitre II : Etat d'avancement", True),
        (("REPORT OF THE SECRETARY-GENERAL PURSUANT TO SECURITY",), "REsoLuTIoN 743 (1992)", False),  # OCR
        (("The situation in Central Africa",), "and the activities of the Office", False),
    ],
)
def test_case_breaks(title: tuple[str, ...], text: str, expected: bool) -> None:
    assert _case_breaks(lines(*title), text) is expected


@pytest.mark.parametrize(
    ("texts", "anchor"),
    [
        (("NATIONAL REPORT SUBMITTED IN ACCORDANCE WITH PARAGRAPH 15 (A)", "OF THE ANNEX"), "self"),
        (("National report submitted in accordance with paragraph 5 of the annex to", "Human Rights Council"),
         "self"),
        (("Rapport national présenté conformément au paragraphe 15 a)",), "self"),
        (("Report of the Secretary-General on Somalia",), "back"),
        (("The situation in Somalia",), ""),
    ],
)
def test_anchor(texts: tuple[str, ...], anchor: str) -> None:
    assert _anchor(lines(*texts), 0, None, True) == anchor


def test_cover_lines_are_masthead() -> None:
    window = lines("A/80/1", "", "United Nations", "", "Report of the Secretary-General",
                   "on the work of the Organization", "", "General Assembly", "Official Records", "Eightieth Session",
                   "Supplement No. 1", "", "Note")
    result = read_masthead(window, 80)
    assert result.metadata.organs == ["General Assembly"]
    assert result.metadata.title == "Report of the Secretary-General on the work of the Organization"
    used = {ln.text for ln in window if ln.start in result.used}
    assert {"General Assembly", "Official Records", "Eightieth Session", "Supplement No. 1"} <= used
    assert "Note" not in used


@pytest.mark.parametrize(
    ("texts", "taken"),
    [
        # A title line that ends open goes on over an organ's name or a by-line.
        (("Annual report of the Chair of the", "Peacebuilding Commission", "Report of the Secretary-General"), 2),
        (("Report of the Secretary-General", "Security Council", "Distr.: General"), 1),
        (("The situation in Somalia", "Report of the Secretary-General"), 1),
    ],
)
def test_title_lines_go_on_from_an_open_line(texts: tuple[str, ...], taken: int) -> None:
    assert len(_title_lines(lines(*texts), 80)) == taken


def test_organ_name_ending_a_title_is_no_organ() -> None:
    window = lines("A/79/300", "", "General Assembly", "", "Distr.: General", "2 August 2024", "",
                   "Seventy-ninth session", "Item 70 (b) of the provisional agenda", "Promotion of human rights", "",
                   "Cooperation between the United Nations and regional arrangements", "in support of the work of the",
                   "Human Rights Council", "Note by the Secretary-General", "The Secretary-General has the honour")
    md = read_masthead(window, 80).metadata
    assert md.organs == ["General Assembly"]
    assert md.title == ("Cooperation between the United Nations and regional arrangements in support of the work of"
                        " the Human Rights Council")
    assert md.agenda_titles == ["Promotion of human rights"]


@pytest.mark.parametrize(
    ("texts", "symbol"),
    [
        (("Resolution 853 (1993)", "", "Adopted by the Security Council at its 3259th meeting"), "S/RES/853 (1993)"),
        (("RESOLUTION 798 (1992)", "The Security Council,"), "S/RES/798 (1992)"),
        (("Resolution 466 (1980)", "of 11 April 1980", "Taking note of the letter"), "S/RES/466 (1980)"),
        (("Resolution 892 (1993) of 22 December 1993", "", "Reaffirming its resolutions"), "S/RES/892 (1993)"),
        # The Council's yearly volumes of 1946-1964.
        (("6 (1946). Resolution of 17 May 1946 21", "The Security Council,"), "S/RES/6 (1946)"),
        (("2 (1946). Resolution of 30 January 1946",), "S/RES/2 (1946)"),
        (("Resolution 466 (1980)", "Taking note of the letter"), None),  # nothing says whose or when
        (("Resolution 217 (III)", "The General Assembly,"), None),  # the Assembly's numbering
    ],
)
def test_resolution_head(texts: tuple[str, ...], symbol: str | None) -> None:
    assert _resolution_head(lines(*texts), 0) == symbol


@pytest.mark.parametrize(
    ("texts", "date", "used"),
    [
        (("Resolution 466 (1980)", "of 11 April 1980", "", "Taking note of the letter"), "1980-04-11", 2),
        (("6 (1946). Resolution of 17 May 1946 21", "The Security Council,"), "1946-05-17", 1),
    ],
)
def test_resolution_head_takes_its_date(texts: tuple[str, ...], date: str, used: int) -> None:
    result = read_masthead(lines(*texts), 80)
    assert result.metadata.organs == ["Security Council"]
    assert result.metadata.date == date
    assert len(result.used) == used


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        # a scan's speck read as a stop between the lines of a name open at "of the", blank lines by it
        (("Executive Board of the", "", ";", "United Nations Development", "Programme", ""),
         ["Executive Board of the", "United Nations Development", "Programme"]),
        (("Executive Board of the", ";", "United Nations Development", ""),
         ["Executive Board of the", "United Nations Development"]),
        (("Executive Board of the", "", "United Nations Development", ""), ["Executive Board of the"]),  # a blank
        (("Statistical Commission", "", ";", "Fifty-sixth session"), ["Statistical Commission"]),  # a name ended
    ],
)
def test_name_lines_over_specks(texts: tuple[str, ...], name: list[str]) -> None:
    found = _name_lines(lines(*texts), 0)
    assert found is not None and found[0] == name


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        ("Iraq: draft resolution", True),
        ("Iraq:* draft resolution", True),  # the sponsor's note star
        ("Iraq:*' draft resolution", True),  # the star as a scan's engine reads it
        ("Iraq:’ revised draft resolution", True),
        ("Iraq: the draft resolution was adopted", False),
    ],
)
def test_forward_heading(text: str, heads: bool) -> None:
    assert bool(_FORWARD_RE.match(text)) is heads

