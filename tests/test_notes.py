"""Footnotes: the notes of a footnote area, the markers in the body, and the two linked.

Note areas are written as pdftotext prints them: labels on the line of their text,
or on lines of their own, away from their text.
"""

from __future__ import annotations

from typing import Any

import pytest

import unref
from letterhead import HEAD
from unref.model import Line
from unref.structure.notes import (
    footless_notes_start,
    glued_number_markers,
    is_marker_at,
    marker_pattern,
    parse_note_area,
)


def xfail(*values: Any, reason: str) -> Any:
    """A case that shows a known fault: it must fail until the code is fixed."""
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason))


def lines_of(text: str, page: int = 1) -> list[Line]:
    """Return the lines of a text with their offsets, as the read stage gives them."""
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        out.append(Line(raw, pos, page))
        pos += len(raw) + 1
    return out


def notes_of(area: str, width: int = 90, endnotes: bool = False) -> list[tuple[str, str]]:
    """Return (label, text) of each note of an area; a note's lines joined by spaces."""
    return [(n.label, " ".join(ln.text.strip() for ln in n.lines))
            for n in parse_note_area(lines_of(area), 1, width, endnotes)]


# --- Note areas -----------------------------------------------------------------------------

NOTE_AREAS = [
    ("inline labels",
     "1 See A/80/999, para. 12.\n"
     "2 Ibid.\n"
     "3 Report of the Special Rapporteur on the right to water (A/HRC/61/40),\n"
     "  para. 7.",
     [("1", "See A/80/999, para. 12."), ("2", "Ibid."),
      ("3", "Report of the Special Rapporteur on the right to water (A/HRC/61/40), para. 7.")]),
    ("two-digit labels",
     "12 See A/79/1.\n13 See the Convention on the Rights of the Child, art. 3.\n14 Ibid., para. 5.",
     [("12", "See A/79/1."), ("13", "See the Convention on the Rights of the Child, art. 3."),
      ("14", "Ibid., para. 5.")]),
    # pdftotext prints texts first, then a label and its text, then the other labels.
    ("labels away from their texts",
     "See A/80/999, para. 12.\n"
     "See https://www.example.org/reports/2026/valley.pdf.\n"
     "3\n"
     "Report of the Special Rapporteur on the right to water (A/HRC/61/40), para. 7.\n"
     "1\n"
     "2",
     [("1", "See A/80/999, para. 12."), ("2", "See https://www.example.org/reports/2026/valley.pdf."),
      ("3", "Report of the Special Rapporteur on the right to water (A/HRC/61/40), para. 7.")]),
    ("labels first, texts after",
     "1\n2\n3\n"
     "See A/80/999, para. 12.\n"
     "See https://www.example.org/reports/2026/valley.pdf.\n"
     "Report of the Special Rapporteur (A/HRC/61/40), para. 7.",
     [("1", "See A/80/999, para. 12."), ("2", "See https://www.example.org/reports/2026/valley.pdf."),
      ("3", "Report of the Special Rapporteur (A/HRC/61/40), para. 7.")]),
    # A note of two lines among floating labels: the short line ends it.
    ("a long note among floating labels",
     "Report of the Independent International Commission of Inquiry on the situation in the region,\n"
     "covering the period from January to June 2024 (A/HRC/57/22).\n"
     "See A/80/999, para. 12.\n"
     "5\n"
     "Available at https://www.example.org/reports/2026/valley.pdf.\n"
     "3\n"
     "4",
     [("3", "Report of the Independent International Commission of Inquiry on the situation in the region, "
            "covering the period from January to June 2024 (A/HRC/57/22)."),
      ("4", "See A/80/999, para. 12."), ("5", "Available at https://www.example.org/reports/2026/valley.pdf.")]),
    ("1/ labels of the 1990s",
     "1/ Official Records of the General Assembly, Forty-eighth Session,\n"
     "Supplement No. 49 (A/48/49).\n"
     "2/ A/48/L.21/Rev.1.",
     [("1", "Official Records of the General Assembly, Forty-eighth Session, Supplement No. 49 (A/48/49)."),
      ("2", "A/48/L.21/Rev.1.")]),
    ("star notes",
     "* Reissued for technical reasons on 5 March 2025.\n** A/80/50.",
     [("*", "Reissued for technical reasons on 5 March 2025."), ("**", "A/80/50.")]),
    # The first lines finish a note of the page before: they have no label.
    ("a note continued from the page before",
     "sanitation (A/HRC/60/30), para. 22.\n4 S/2025/80.",
     [("", "sanitation (A/HRC/60/30), para. 22."), ("4", "S/2025/80.")]),
    # A number that starts a line of a note is not a label: "17 May" is a date.
    ("a date at a line start",
     "1 Statement by the Ministry of Foreign Affairs of Utopia of\n17 May 2024.\n2 Ibid.",
     [("1", "Statement by the Ministry of Foreign Affairs of Utopia of 17 May 2024."), ("2", "Ibid.")]),
    ("nothing printed", "\n  \n", []),
    # S/2025/420: two labels floated below the notes; a note's address after "See" is no note's start.
    ("an address after See goes on its note",
     "See https://apnews.com/article/haiti-gangs-canape-vert-police-8ae266fadfb1656fdb80a44430e83d83.\n"
     "This wealthy community on the outskirts of the capital has suffered repeated attacks since\n"
     "January. Approximately 100 men targeted Pétion-Ville and killing Kenscoff residents on\n"
     "27 January 2025. According to news sources, more than 262 people have been killed in\n"
     "Kenscoff as at the end of March 2025, including 147 gang members.\n"
     "5\n"
     "See https://www.reuters.com/world/americas/thousands-haitians-take-streets-protest-surging.\n"
     "6\n"
     "In early 2025, the transitional government of Haiti created a special task force under the Prime\n"
     "Minister to combat armed gangs destabilizing Port-au-Prince. The unit operates separately from\n"
     "emergency efforts to restore State authority and public safety. See\n"
     "https://www.washingtonpost.com/world/2025/04/10/haiti-government-drones-gangs/.\n"
     "3\n"
     "4",
     [("3", "See https://apnews.com/article/haiti-gangs-canape-vert-police-8ae266fadfb1656fdb80a44430e83d83."),
      ("4", "This wealthy community on the outskirts of the capital has suffered repeated attacks since "
            "January. Approximately 100 men targeted Pétion-Ville and killing Kenscoff residents on "
            "27 January 2025. According to news sources, more than 262 people have been killed in "
            "Kenscoff as at the end of March 2025, including 147 gang members."),
      ("5", "See https://www.reuters.com/world/americas/thousands-haitians-take-streets-protest-surging."),
      ("6", "In early 2025, the transitional government of Haiti created a special task force under the Prime "
            "Minister to combat armed gangs destabilizing Port-au-Prince. The unit operates separately from "
            "emergency efforts to restore State authority and public safety. See "
            "https://www.washingtonpost.com/world/2025/04/10/haiti-government-drones-gangs/.")]),
]


@pytest.mark.parametrize(("case", "area", "expected"), NOTE_AREAS, ids=[case[0] for case in NOTE_AREAS])
def test_parse_note_area(case: str, area: str, expected: list[tuple[str, str]]) -> None:
    assert notes_of(area) == expected


def test_endnotes_are_read_inline() -> None:
    area = "1 A/RES/78/187.\n2 See A/78/200, paras. 4–9.\n3 See CRC/C/90/2."
    assert notes_of(area, endnotes=True) == [
        ("1", "A/RES/78/187."), ("2", "See A/78/200, paras. 4–9."), ("3", "See CRC/C/90/2.")]


def test_note_lines_keep_their_source_offsets() -> None:
    area = "__\n1 See A/80/999, para. 12.\n2 Ibid."
    notes = parse_note_area(lines_of(area)[1:], 1, 90)
    first = notes[0].lines[0]
    assert area[first.start:].startswith("See A/80/999")


# --- Markers --------------------------------------------------------------------------------

MARKERS = [
    # (text, label, is there a marker?)
    ("the horrors of the war.1 The", "1", True),  # glued after a full stop
    ("the Republic of Armenia.12 The", "12", True),
    ("Armenia,2 and Azerbaijan", "2", True),
    ("restore either service.”3", "3", True),
    ("the area (see annex).4", "4", True),
    ("the horrors of the War. 1 President Aliyev", "1", True),  # spaced, as pdftotext prints superscripts
    ("in its report to the Council. 1 The Commission", "1", True),
    ("Serzh Sargsyan, 6 along with", "6", True),
    ("in its resolution 2334 (2016), 12 the Council", "12", True),
    ("in 2023. 2 The", "2", True),  # a marker may follow a year
    ("in 1994, 2 the", "2", True),
    ("the situation in Haiti 1/ and the", "1", True),
    ("signé le 7 août 1987 1/ lors de la réunion", "1", True),  # "1/" follows a year
    ("in resolution 48/161 1/ of", "1", True),
    ("Secretary-General*", "*", True),
    ("as stated in its resolution 1 of the", "1", False),
    ("on 1 January 2024", "1", False),
    ("at least 1 million people", "1", False),
    ("for 3 years", "3", False),
    ("of 4 children", "4", False),
    ("about 5 km from", "5", False),
    ("(A/79/1/Add.1) and", "1", False),
    ("Add.1/ of", "1", False),
    ("see para. 3 above", "3", False),
    ("growth of 3.1 per cent", "1", False),
    ("growth of 3.1 per cent", "3", False),
    ("a total of 1,000 people", "1", False),
    ("paragraphs 3 and 4", "3", False),
    ("chapter 2 of the report", "2", False),
    ("Goal 16 and", "16", False),
    ("page 2 of", "2", False),
    ("the 2 countries", "2", False),
    ("the Council’s decision 5 on the matter", "5", False),
    ("A/RES/48/1 and", "1", False),
    ("S/2024/1 and", "1", False),
    ("10 % of", "10", False),
    ("1 2 3", "2", False),
    ("the 2030 Agenda for 2015–2030 7 and the", "7", True),  # a marker may follow a year
    ("the COVID-19 19 and other diseases", "19", True),
    ("resolution 78/187 1 and", "1", True),
    ("A/80/50*", "*", True),  # the star of a reissued document's symbol
    ("OF THE ANNEX TO HUMAN RIGHTS COUNCIL RESOLUTION 5/1 *\nItaly", "*", True),  # set off at a line's end
    ("by Greece (see enclosure). * These provocative acts", "*", True),
    ("with children now comprising 30 per cent of gang membership. 43", "43", True),  # not "p. 43"
    ("heavily shelled, injuring at least 29. 24 Both sides", "24", True),  # no sentence opens with figures
    ("as set out in paragraphs 28 and 29. 24 of the", "24", False),
    ("contingency and predictive financing capabilities. 13,14In the", "13", True),
    ("3 * 4 = 12", "*", False),
    ("* * *", "*", False),
    ("cemeteries located in Riga. 28,29 The", "28", True),  # two notes' markers together
    ("cemeteries located in Riga. 28,29 The", "29", True),
    ("a total of 28,000 people", "28", False),
    ("a total of 28,29 people", "29", False),
    ('"put up with relics of Soviet propaganda 47". The Prime Minister', "47", True),
]

GLUED_TO_NUMBERS = [
    # (text, label, where the marker is, or None): only after a sum with its two decimals or a year's stop
    ("country offices had an expenditure of $10.182 on evaluation", "2", "$10.18"),
    ("compared with 190 million in 2022.2", "2", "in 2022."),
    ("the plaque was installed in 1974.151 It was", "151", "in 1974."),
    ("for whose support $1.62 billion of the overall $2.35 2 billion is required", "2", "$2.35 "),
    ("growth of 10.182 per cent", "2", None),
    ("version 2.0.2 of the guide", "2", None),
    ("a sum of $10.1 in", "1", None),
    ("a total of 1,2022.2 people", "2", None),
    ("in 2022.2.1 of", "1", None),
]


def markers_in(text: str, label: str) -> list[int]:
    """Return where the markers of a label stand in a text."""
    return [m.start() for m in marker_pattern(label).finditer(text) if is_marker_at(text, m.start(), m.end())]


@pytest.mark.parametrize(("text", "label", "found"), MARKERS)
def test_marker(text: str, label: str, found: bool) -> None:
    assert bool(markers_in(text, label)) is found


@pytest.mark.parametrize(("text", "label", "before"), GLUED_TO_NUMBERS)
def test_marker_glued_to_a_number(text: str, label: str, before: str | None) -> None:
    found = glued_number_markers(text, label)
    assert [text[:start].endswith(before) for start, _ in found] == ([True] if before else [])


# --- Note areas that the extractor printed without their rule ---------------------------------

def page_of(text: str) -> list[Line]:
    """Return a page's lines labelled body or blank, as the structure stage sees them."""
    out = lines_of(text)
    for ln in out:
        ln.kind = "body" if ln.text.strip() else "blank"
    return out


BODY = ("2. Less than half the population in the least developed countries have access to basic\n"
        "sanitation and some 500 million people still lack access to electricity.1 More than 231\n"
        "million people were expected to require humanitarian assistance in 2024, compared with\n"
        "190 million in 2022.2\n")

FOOTLESS = [
    # (case, page text, note expected next, the first line of the note area or None)
    ("labels on lines of their own", BODY + "1\n\nRocky Mountain Institute, Opportunities for Energy Access.\n2\n"
     "United Nations, Global Humanitarian Overview 2024, abridged version (2023)", 1, "1"),
    ("labels on the line of their note", BODY + "\n1 Rocky Mountain Institute, Opportunities for Energy Access.\n"
     "2 United Nations, Global Humanitarian Overview 2024 (2023).", 1, "1 Rocky"),
    ("a note that goes on with a number", BODY + "\n1 Rocky Mountain Institute, Opportunities for Energy\n"
     "23 августа 2024 г. Access.", 1, "1 Rocky"),
    ("1/ notes of a typewritten page",
     "The Group reviewed the four technical reports 1/ completed in 1992 and another two 2/\n"
     "finalized in 1993. The Group carried out a comprehensive examination of the work.\n\n"
     "1/ The principles of modern port management and organization, TD/BC.4/AC.7/13.\n"
     "2/ Strategic planning for port authorities, UNCTAD/SHIP/646.", 1, "1/ The"),
    ("the note expected is another", BODY + "\n1 Rocky Mountain Institute, Opportunities for Energy Access.", 5, None),
    ("no marker in the body above", BODY.replace(".1 More", ". More").replace("2022.2", "2022") +
     "\n1 Rocky Mountain Institute, Opportunities for Energy Access.", 1, None),
    ("a number that starts a line of the body", BODY + "1 of the households surveyed had no electricity at all.", 1,
     None),
    ("a table's rows", BODY + "\n1 309\n2 433\n3 1 237", 1, None),
    ("a table under a label", BODY + "1\n\nRegion\nCountry\nAfrica\nBenin\nBotswana\nChad\nComoros", 1, None),
]


@pytest.mark.parametrize(("case", "page", "expected", "first"), FOOTLESS, ids=[case[0] for case in FOOTLESS])
def test_note_area_without_a_rule(case: str, page: str, expected: int, first: str | None) -> None:
    lines = page_of(page)
    start = footless_notes_start(lines, expected, 90)
    assert (lines[start].text.split(maxsplit=1)[0] if start is not None else None) == (
        first.split(maxsplit=1)[0] if first else None)


# --- Whole documents: notes linked to their markers, markers out of the text -----------------

# Two pages; note 3 runs on from the foot of page 1 to the foot of page 2.
TWO_PAGES = HEAD + """I have the honour to refer to the situation in the region, which has been described in
detail by the Commission of Inquiry in its latest report to the Human Rights Council.1
The Commission observed that the borders of the region remained closed throughout the
period under review, 2 and that the humanitarian situation was grave in every district
of the region. The Special Rapporteur found that the population had no access to water
for several months and that the authorities took no steps to restore the supply.3

__________________
1 A/HRC/58/22, paras. 10–14.
2 See the report of the Secretary-General on the situation in the region (S/2025/100),
  paras. 3 and 4.
3 Report of the Special Rapporteur on the human rights to safe drinking water and

25-01234 (E)
\fS/2025/999

The Government of Utopia has repeatedly drawn the attention of the Council to these
violations, most recently in its letter of 3 February 2025. 4 It calls on the Council to
act without delay.
I should be grateful if you would have the present letter circulated as a document of
the Security Council.
(Signed) Maria Example
Ambassador

__________________
sanitation (A/HRC/60/30), para. 22.
4 S/2025/80.

2/2
\f"""

# A resolution of 1994, with "1/" markers and notes.
OLD_RESOLUTION = """A

NATIONS
UNIES

General Assembly
Distr.
GENERAL
A/RES/48/161
21 January 1994

Forty-eighth session
Agenda item 40
RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY
The General Assembly,
Recalling the agreement on the procedure for the establishment of a firm and
lasting peace in Central America, signed at Guatemala City on 7 August 1987 1/
at the Esquipulas II summit meeting, and the subsequent agreements,
Taking note of the report of the Secretary-General on the situation in Haiti 2/ and
the recommendations contained therein,
1. Decides to remain seized of the matter.

____________
1/ A/42/521-S/19085, annex.
2/ A/48/L.21/Rev.1.

94-12345
\f"""

# Star notes at the foot of page 1 with no rule above them.
STARS = """A/80/50

United Nations

General Assembly

Distr.: General
25 February 2025
Original: English

Eightieth session
Item 69 of the preliminary list*
Promotion and protection of the rights of children

Report of the Secretary-General on the rights of children**
The present report is submitted pursuant to General Assembly resolution 78/187. It
provides an overview of the activities undertaken by the Organization in the period
under review and contains recommendations for the consideration of the Assembly.
The Organization continued to support the efforts of Member States during the period.

* A/80/1.
** The present report was submitted late owing to the need for consultations.
25-01234 (E)
\f"""

# Endnotes under a "Notes" heading at the end of the document.
ENDNOTES = """A/79/100

United Nations

General Assembly

Distr.: General
1 July 2024
Original: English

Report of the Secretary-General on the rights of children
The present report is submitted pursuant to a request of the General Assembly.1 It
provides an overview of the activities undertaken by the Organization in the period
under review. It contains recommendations for the consideration of the Assembly.
The Organization continued to support the efforts of Member States in that regard.2
The Organization also assisted the Member States in the preparation of their reports
to the Committee on the Rights of the Child and to the Human Rights Council.3
\f
A/79/100

The Secretary-General welcomes the contributions of all the Member States and calls
on them to continue their support for the work of the Organization in this field.
Notes
1 A/RES/78/187.
2 See A/78/200, paras. 4–9.
3 See CRC/C/90/2.
\f"""

# A report whose rule above the notes is drawn, not typed: pdftotext prints the notes right after
# the body, their labels on lines of their own; the pages carry bare page numbers at the foot.
NO_RULE = """DP/2026/99

United Nations

Executive Board of the United Nations Development Programme

Distr.: General
27 March 2026
Original: English

Annual report on evaluation, 2025
1. The annual report provides an overview of the evaluation activities undertaken by the
Programme and the funds that it administers during the year under review, 2025.

25-01234 (E)
\fDP/2026/99

2. Less than half the population in the least developed countries have access to basic
sanitation and some 500 million people still lack access to electricity.1 More than 231
million people were expected to require humanitarian assistance in 2024, compared with
190 million in 2022.2
1

Rocky Mountain Institute, Opportunities for Energy Access in the Least Developed Countries.
2
United Nations, Global Humanitarian Overview 2024, abridged version (2023).
2

\fDP/2026/99

3. In 2025, country offices had an expenditure of $10.183 on evaluation, while the
evaluation-related costs increased to $2.86 million4 (from $2.1 million in 2024). The
Office will continue to work with the country offices on the quality of their plans
and on the

3
4

Based on Evaluation Resource Centre data downloaded on 3 February 2026.
Staff time allocations for evaluation were self-reported through the annual reports.
3

\fDP/2026/99

use of evaluations in the programming of the country offices and regional bureaux.
4. The Board may wish to take note of the present report.
4

\f"""

# A typewritten page of 1994: "1/" notes with no rule, and a running head of symbol and page number.
TYPEWRITTEN = """TD/B/CN.4/99
10 December 1994

Original: ENGLISH

TRADE AND DEVELOPMENT BOARD
Standing Committee on Developing Services Sectors
REPORT OF THE STANDING COMMITTEE ON ITS THIRD SESSION
31. The Group reviewed the four technical reports 1/ completed in 1992 and
another two 2/ finalized in 1993. The Group carried out a comprehensive examination
of the work so far carried out and considered training one of the most important

1/ The principles of modern port management and organization, TD/BC.4/AC.7/13.
2/ Strategic planning for port authorities, UNCTAD/SHIP/646; and Sustainable
development for ports, UNCTAD/SDD/PORT/1.

\fTD/B/CN.4/99
page 2
domains where assistance by UNCTAD could be provided.
32. The Standing Committee expressed its appreciation for the report of the Group.
\f"""

# A star note at the foot of page 1 right under the last line of the body.
STAR_UNDER_THE_BODY = HEAD + """I have the honour to transmit herewith copies of the documents listed
below (see annexes),* which were adopted at that meeting, while respectfully requesting
* Circulated in the language of submission only.

25-06252 (E)
\fS/2025/999

your good offices to have the present letter circulated as a document of the Council.
\f"""

# (case, document, {label: (words the text ends with before the marker, the note's text)})
DOCUMENTS = [
    ("notes without a rule, markers glued to numbers", NO_RULE, {
        "1": ("some 500 million people still lack access to electricity.",
              "Rocky Mountain Institute, Opportunities for Energy Access in the Least Developed Countries."),
        "2": ("compared with 190 million in 2022.",
              "United Nations, Global Humanitarian Overview 2024, abridged version (2023)."),
        "3": ("country offices had an expenditure of $10.18",
              "Based on Evaluation Resource Centre data downloaded on 3 February 2026."),
        "4": ("evaluation-related costs increased to $2.86 million",
              "Staff time allocations for evaluation were self-reported through the annual reports."),
    }),
    ("1/ notes of a typewritten page without a rule", TYPEWRITTEN, {
        "1": ("The Group reviewed the four technical reports",
              "The principles of modern port management and organization, TD/BC.4/AC.7/13."),
        "2": ("completed in 1992 and another two",
              "Strategic planning for port authorities, UNCTAD/SHIP/646; and Sustainable development for "
              "ports, UNCTAD/SDD/PORT/1."),
    }),
    ("a star note right under the body", STAR_UNDER_THE_BODY, {
        "*": ("the documents listed below (see annexes),", "Circulated in the language of submission only."),
    }),
    ("two pages, a note across the page break", TWO_PAGES, {
        "1": ("latest report to the Human Rights Council.", "A/HRC/58/22, paras. 10–14."),
        "2": ("remained closed throughout the period under review,",
              "See the report of the Secretary-General on the situation in the region (S/2025/100), paras. 3 and 4."),
        "3": ("the authorities took no steps to restore the supply.",
              "Report of the Special Rapporteur on the human rights to safe drinking water and sanitation "
              "(A/HRC/60/30), para. 22."),
        "4": ("most recently in its letter of 3 February 2025.", "S/2025/80."),
    }),
    ("1/ markers of 1994", OLD_RESOLUTION, {
        "1": ("signed at Guatemala City on 7 August 1987", "A/42/521-S/19085, annex."),
        "2": ("the report of the Secretary-General on the situation in Haiti", "A/48/L.21/Rev.1."),
    }),
    ("star notes at a page foot without a rule", STARS, {
        "*": ("Item 69 of the preliminary list", "A/80/1."),
        "**": ("Report of the Secretary-General on the rights of children",
               "The present report was submitted late owing to the need for consultations."),
    }),
    ("endnotes under a Notes heading", ENDNOTES, {
        "1": ("pursuant to a request of the General Assembly.", "A/RES/78/187."),
        "2": ("efforts of Member States in that regard.", "See A/78/200, paras. 4–9."),
        "3": ("to the Committee on the Rights of the Child and to the Human Rights Council.", "See CRC/C/90/2."),
    }),
]


@pytest.mark.parametrize(("case", "text", "expected"), DOCUMENTS, ids=[case[0] for case in DOCUMENTS])
def test_notes_linked_to_markers(case: str, text: str, expected: dict[str, tuple[str, str]]) -> None:
    doc = unref.parse(text=text)
    assert {fn.label: fn.text for fn in doc.footnotes} == {label: note for label, (_, note) in expected.items()}
    paragraphs = {p.id: p.text for p in doc.paragraphs}
    assert sorted(r.label for r in doc.footnote_refs) == sorted(expected)
    ids = {fn.id: fn.label for fn in doc.footnotes}
    for ref in doc.footnote_refs:
        before = paragraphs[ref.paragraph][: ref.offset]
        assert before.endswith(expected[ref.label][0]), (ref.label, before[-80:])
        assert ids[ref.footnote or ""] == ref.label


@pytest.mark.parametrize(("case", "text", "gone"), [
    ("glued and spaced markers", TWO_PAGES, ["Council.1", "review, 2 and", "supply.3", "2025. 4 It"]),
    ("1/ markers", OLD_RESOLUTION, ["1987 1/", "Haiti 2/"]),
    ("star markers", STARS, ["list*", "children**"]),
    ("endnote markers", ENDNOTES, ["Assembly.1", "regard.2", "Council.3"]),
])
def test_markers_are_gone_from_the_text(case: str, text: str, gone: list[str]) -> None:
    body = unref.parse(text=text).text()
    for marker in gone:
        assert marker not in body


@pytest.mark.parametrize(("case", "text", "joined"), [
    ("a bare page number", NO_RULE, "the quality of their plans and on the use of evaluations in the programming"),
    ("a running head of symbol and page number", TYPEWRITTEN,
     "one of the most important domains where assistance by UNCTAD"),
    ("a star note", STAR_UNDER_THE_BODY, "while respectfully requesting your good offices"),
    ("markers glued to numbers", NO_RULE, "expenditure of $10.18 on evaluation"),
])
def test_a_sentence_joins_across_the_page_foot(case: str, text: str, joined: str) -> None:
    assert joined in unref.parse(text=text).text()


def test_marker_removal_keeps_the_sentence_spacing() -> None:
    body = unref.parse(text=TWO_PAGES).text()
    assert "Human Rights Council. The Commission" in body
    assert "under review, and that" in body
    assert "3 February 2025. It calls" in body


def test_notes_keep_their_pages() -> None:
    doc = unref.parse(text=TWO_PAGES)
    assert {fn.label: fn.page for fn in doc.footnotes} == {"1": 1, "2": 1, "3": 1, "4": 2}


def test_note_spans_point_into_the_note_area() -> None:
    doc = unref.parse(text=TWO_PAGES)
    note = next(fn for fn in doc.footnotes if fn.label == "2")
    start = note.spans[0].source_start
    assert TWO_PAGES[start:].startswith("See the report of the Secretary-General")


def test_star_after_a_symbol() -> None:
    text = STARS.replace("A/80/50\n", "A/80/50*\n", 1).replace("list*\n", "list**\n").replace(
        "children**\n", "children\n").replace("* A/80/1.\n** The present", "* Reissued for technical "
                                               "reasons on 5 March 2025.\n** A/80/1.\n*** The present")
    doc = unref.parse(text=text)
    paragraphs = {p.id: p.text for p in doc.paragraphs}
    before = {r.label: paragraphs[r.paragraph][: r.offset] for r in doc.footnote_refs}
    assert before["*"].endswith("A/80/50")
    assert before["**"].endswith("Item 69 of the preliminary list")


@pytest.mark.parametrize("markers", ["* , **", "*, **"])
def test_a_list_of_star_markers(markers: str) -> None:
    # "Iraq:* , ** draft resolution": both notes are at "Iraq:", and the comma between them goes too.
    text = STARS.replace("list*\n", "list\n").replace("children**\n", f"children{markers} draft\n")
    doc = unref.parse(text=text)
    paragraphs = {p.id: p.text for p in doc.paragraphs}
    before = {r.label: paragraphs[r.paragraph][: r.offset] for r in doc.footnote_refs}
    assert before["*"].endswith("rights of children") and before["**"].endswith("rights of children")
    assert "rights of children draft" in doc.text()


def test_a_glued_marker_ends_a_paragraph() -> None:
    text = HEAD + (
        "I have the honour to refer to the situation in the region, which has been described in\n"
        "detail by the Commission of Inquiry in its latest report to the Human Rights Council.\n"
        "The Memorial Human Rights Centre stated that the corridor was not respected.2\n"
        "The Special Rapporteur said that the population had no water for several months.\n"
        "\n__________________\n2 Memorial Human Rights Centre, report of 1992.\n\f"
    )
    paragraphs = [p.text for p in unref.parse(text=text).paragraphs if p.kind == "body"]
    assert paragraphs[-1].startswith("The Special Rapporteur")


def test_a_marker_is_not_sought_pages_away_from_its_note() -> None:
    # Note 2's marker is lost on page 1; the "2" two pages on is the text's, or another note's.
    text = TWO_PAGES.replace("review, 2 and", "review, and") + (
        "S/2025/999\n\nThe Council was informed of the situation in the region by the Government.\n\f"
        "S/2025/999\n\nThe authorities recalled their letter on the elimination of nuclear weapons, 2 this\n"
        "is more urgent than ever before, and they called on the Council to act without delay.\n\f")
    doc = unref.parse(text=text)
    assert "2" in {fn.label for fn in doc.footnotes}
    assert "2" not in {r.label for r in doc.footnote_refs}
