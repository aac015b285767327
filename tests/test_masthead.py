"""Mastheads of the first page, written as pdftotext prints them, and what parse reads there.

Each case is a small document: a masthead, a title and a few lines of body text
in the masthead's language, then a form feed. The expected values are the
metadata fields that the masthead gives.
"""

from __future__ import annotations

from typing import Any

import pytest

import unref
from unref.catalogue import organ_of
from unref.structure.masthead import agenda_items, iso_date, read_circulation, title_parts
from unref.structure.masthead.reader import glued_item
from unref.text.regexes import AGENDA_RE, DATE_RE

BODY = {
    "en": (
        "I have the honour to refer to the situation in the region, which has been described\n"
        "in detail by the Commission of Inquiry in its report to the Council. The Commission\n"
        "observed that the borders remained closed throughout the period and that the\n"
        "humanitarian situation in the region was grave.\n"
    ),
    "fr": (
        "J’ai l’honneur de vous faire tenir ci-joint le texte de la déclaration faite par le\n"
        "Gouvernement de la République sur la situation dans la région, et je vous serais\n"
        "reconnaissant de bien vouloir faire distribuer le texte de la présente lettre et de\n"
        "son annexe comme document de l’Assemblée générale.\n"
    ),
    "es": (
        "Tengo el honor de transmitirle adjunto el texto de la declaración formulada por el\n"
        "Gobierno de la República sobre la situación en la región, y le agradecería que la\n"
        "presente carta y su anexo se distribuyesen como documento de la Asamblea General\n"
        "en relación con el tema del programa.\n"
    ),
    "ru": (
        "Имею честь препроводить настоящим текст заявления правительства Республики о\n"
        "положении в регионе и просить распространить настоящее письмо и приложение к\n"
        "нему в качестве документа Совета Безопасности для сведения всех государств —\n"
        "членов Организации.\n"
    ),
}


def doc_of(masthead: str, lang: str = "en") -> unref.Document:
    """Return the parsed document of a masthead followed by body text and a page end."""
    return unref.parse(text=masthead.lstrip("\n") + BODY[lang] + "\n25-01234 (E)\n\f")


def xfail(*values: Any, reason: str) -> Any:
    """A case that shows a known fault: it must fail until the code is fixed."""
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason))


# --- Whole mastheads ------------------------------------------------------------------------

SC_LETTER = """
S/2024/123

United Nations

Security Council

Distr.: General
11 March 2024

Original: English

Letter dated 8 March 2024 from the Permanent Representative of Utopia to
the United Nations addressed to the President of the Security Council
"""

DOUBLE_SYMBOL = """
United Nations

A/79/359–S/2024/684

General Assembly
Security Council

Distr.: General
20 September 2024
Original: English

General Assembly
Seventy-ninth session
Agenda items 32, 60 and 132

Security Council
Seventy-ninth year

Identical letters dated 18 September 2024 from the Permanent
Representative of Utopia to the United Nations addressed to the
Secretary-General and the President of the Security Council
"""

NOTE_VERBALE = """
A/80/66

United Nations

General Assembly

Distr.: General
25 February 2025
English
Original: Spanish

Eightieth session
Item 110 (f) of the provisional agenda*
Elections to fill vacancies in subsidiary organs
and other elections

Note verbale dated 18 February 2025 from the Permanent Mission
of Utopia to the United Nations addressed to the President of the
General Assembly
"""

REPORT = """
United Nations

A/79/100

General Assembly

Distr.: General
1 July 2024

Original: English

Seventy-ninth session
Item 69 of the preliminary list*
Promotion and protection of the rights of children

Report of the Secretary-General on the rights of children
"""

SC_RESOLUTION = """
United Nations

S/RES/2734 (2024)

Security Council

Distr.: General
10 June 2024

Resolution 2734 (2024)
Adopted by the Security Council at its 9650th meeting, on 10 June 2024
"""

DRAFT = """
S/2025/68

United Nations

Security Council

Distr.: General
31 January 2025
Original: English

Utopia: draft resolution
The Security Council,
"""

MEETING = """
A/79/PV.64

United Nations

General Assembly

Official Records

Seventy-ninth session

64th plenary meeting

Wednesday, 16 April 2025, 10 a.m.
New York

The meeting was called to order at 10.05 a.m.
"""

SG_LETTER = """
S/2025/122

United Nations

Security Council

Distr.: General
26 February 2025
Original: English

Letter dated 25 February 2025 from the Secretary-General addressed to
the President of the Security Council
"""

FR_LETTER = """
NATIONS
UNIES

A

Assemblée générale
Distr.
GÉNÉRALE
A/48/850
21 janvier 1994
FRANCAIS
ORIGINAL : ANGLAIS

Quarante-huitième session
Point 40 de l’ordre du jour

Lettre datée du 20 janvier 1994, adressée au Secrétaire général
"""

ES_RESOLUTION = """
A

NACIONES
UNIDAS

Asamblea General
Distr.
GENERAL
A/RES/48/246
11 de mayo de 1994

Tema 165 del programa
RESOLUCION APROBADA POR LA ASAMBLEA GENERAL
"""

ES_LETTER = """
S/2023/664

Naciones Unidas

Consejo de Seguridad

Distr. general
13 de septiembre de 2023
Español
Original: inglés

Carta de fecha 12 de septiembre de 2023 dirigida a la
Presidencia del Consejo de Seguridad por el Representante
Permanente de Utopía ante las Naciones Unidas
"""

RU_LETTER = """
S/2024/228

Организация Объединенных Наций

Совет Безопасности

Distr.: General
11 марта 2024 года
Russian
Original: English

Письмо Постоянного представителя Утопии при Организации Объединенных
Наций от 10 марта 2024 года на имя Председателя Совета Безопасности
"""

STARRED = """
A/79/843*-S/2025/201*

United Nations

General Assembly
Security Council

Distr.: General
2 April 2025
Original: English

Letter dated 1 April 2025 from the Permanent Representative of Utopia to
the United Nations addressed to the Secretary-General
"""

STARRED_RESOLUTION = """
S/RES/2776 (2025)*

United Nations

Security Council

Distr.: General
3 March 2025

Resolution 2776 (2025)
Adopted by the Security Council at its 9872nd meeting, on 3 March 2025
"""

# (case, masthead, language of the body, expected metadata fields)
MASTHEADS = [
    ("single symbol", SC_LETTER, "en", {
        "symbols": ["S/2024/123"], "date": "2024-03-11", "distribution": "General", "original_language": "en",
        "organs": ["Security Council"], "doc_type": "letter", "language": "en",
        "title": "Letter dated 8 March 2024 from the Permanent Representative of Utopia to the United Nations "
                 "addressed to the President of the Security Council",
        "sender": "Permanent Representative of Utopia to the United Nations",
        "addressee": "President of the Security Council",
    }),
    ("double symbol, two organs", DOUBLE_SYMBOL, "en", {
        "symbols": ["A/79/359", "S/2024/684"], "date": "2024-09-20",
        "organs": ["General Assembly", "Security Council"],
        "sessions": {"General Assembly": "Seventy-ninth session", "Security Council": "Seventy-ninth year"},
        "agenda_items": {"General Assembly": ["32", "60", "132"]},
        "doc_type": "identical_letters",
        "sender": "Permanent Representative of Utopia to the United Nations",
        "addressee": "Secretary-General and the President of the Security Council",
    }),
    ("note verbale, item of the provisional agenda", NOTE_VERBALE, "en", {
        "symbols": ["A/80/66"], "original_language": "es", "doc_type": "note_verbale",
        "sessions": {"General Assembly": "Eightieth session"},
        "agenda_items": {"General Assembly": ["110 (f)"]},
        # The agenda item's title stands between the masthead and the document's title.
        "agenda_titles": ["Elections to fill vacancies in subsidiary organs and other elections"],
        "sender": "Permanent Mission of Utopia to the United Nations",
        "addressee": "President of the General Assembly",
    }),
    ("report", REPORT, "en", {
        "symbols": ["A/79/100"], "date": "2024-07-01", "doc_type": "report",
        "agenda_items": {"General Assembly": ["69"]},
        "agenda_titles": ["Promotion and protection of the rights of children"],
        "title": "Report of the Secretary-General on the rights of children",
    }),
    ("resolution by its /RES/ symbol", SC_RESOLUTION, "en", {
        "symbols": ["S/RES/2734 (2024)"], "date": "2024-06-10", "doc_type": "resolution",
        "organs": ["Security Council"],
    }),
    ("draft resolution", DRAFT, "en", {"symbols": ["S/2025/68"], "doc_type": "draft_resolution"}),
    ("meeting record by its /PV. symbol", MEETING, "en", {
        "symbols": ["A/79/PV.64"], "date": "2025-04-16", "doc_type": "meeting_record",
        "sessions": {"General Assembly": "Seventy-ninth session"},
    }),
    ("letter of the Secretary-General", SG_LETTER, "en", {
        "sender": "Secretary-General", "addressee": "President of the Security Council", "doc_type": "letter",
    }),
    ("French", FR_LETTER, "fr", {
        "symbols": ["A/48/850"], "date": "1994-01-21", "language": "fr", "original_language": "en",
        "organs": ["General Assembly"], "sessions": {"General Assembly": "Quarante-huitième session"},
        "agenda_items": {"General Assembly": ["40"]}, "doc_type": "letter",
    }),
    ("Spanish resolution", ES_RESOLUTION, "es", {
        "symbols": ["A/RES/48/246"], "date": "1994-05-11", "language": "es", "distribution": "General",
        "organs": ["General Assembly"], "agenda_items": {"General Assembly": ["165"]}, "doc_type": "resolution",
    }),
    ("Spanish letter", ES_LETTER, "es", {
        "symbols": ["S/2023/664"], "date": "2023-09-13", "original_language": "en",
        "organs": ["Security Council"], "doc_type": "letter",
    }),
    ("Russian letter", RU_LETTER, "ru", {
        "symbols": ["S/2024/228"], "date": "2024-03-11", "language": "ru", "original_language": "en",
        "organs": ["Security Council"], "doc_type": "letter",
        "title": "Письмо Постоянного представителя Утопии при Организации Объединенных Наций от 10 марта "
                 "2024 года на имя Председателя Совета Безопасности",
    }),
    ("French title: the sender follows the addressee", FR_LETTER.replace(
        "adressée au Secrétaire général\n",
        "adressée au Secrétaire général par le\nReprésentant permanent de l’Utopie auprès de l’Organisation\n"),
        "fr", {
            "title": "Lettre datée du 20 janvier 1994, adressée au Secrétaire général par le Représentant "
                     "permanent de l’Utopie auprès de l’Organisation",
            "addressee": "Secrétaire général",
        }),
    ("Spanish title: the sender follows the addressee", ES_LETTER, "es", {
        "title": "Carta de fecha 12 de septiembre de 2023 dirigida a la Presidencia del Consejo de Seguridad "
                 "por el Representante Permanente de Utopía ante las Naciones Unidas",
        "sender": "Representante Permanente de Utopía ante las Naciones Unidas",
    }),
    ("Russian title cut at a line end", RU_LETTER.replace(
        "Наций от 10 марта 2024 года на имя Председателя Совета Безопасности\n",
        "Наций от 10 марта 2024 года на имя Председателя Совета\nБезопасности\n"), "ru", {
            "title": "Письмо Постоянного представителя Утопии при Организации Объединенных Наций от 10 марта "
                     "2024 года на имя Председателя Совета Безопасности",
        }),
    ("Old French distribution in capitals without accent", FR_LETTER.replace("GÉNÉRALE", "GENERALE"), "fr",
     {"distribution": "Generale"}),
    ("Star after each symbol", STARRED, "en", {"symbols": ["A/79/843", "S/2025/201"]}),
    ("Star after a resolution symbol with its year", STARRED_RESOLUTION, "en",
     {"symbols": ["S/RES/2776 (2025)"], "doc_type": "resolution"}),
]


@pytest.mark.parametrize(("case", "masthead", "lang", "expected"), MASTHEADS, ids=[
    (m.values[0] if hasattr(m, "values") else m[0]) for m in MASTHEADS])
def test_masthead(case: str, masthead: str, lang: str, expected: dict[str, Any]) -> None:
    md = doc_of(masthead, lang).metadata
    got = {field: getattr(md, field) for field in expected}
    assert got == expected


def test_masthead_lines_are_not_body_text() -> None:
    doc = doc_of(DOUBLE_SYMBOL)
    body = [p.text for p in doc.paragraphs if p.kind not in ("masthead", "title")]
    assert body[0].startswith("I have the honour")
    assert not any("Distr." in text or "Seventy-ninth" in text for text in body)


# --- The pieces -----------------------------------------------------------------------------

AGENDA = [
    ("Agenda items 32, 60 and 132", ["32", "60", "132"]),
    ("Agenda item 74 (b)", ["74 (b)"]),
    ("Item 110 (f) of the provisional agenda*", ["110 (f)"]),  # the star is a footnote marker
    ("Item 69 of the preliminary list*", ["69"]),
    ("Items 12 and 34 (b)", ["12", "34 (b)"]),
    ("Point 40 de l’ordre du jour", ["40"]),
    ("Points 12 et 34 de l’ordre du jour", ["12", "34"]),
    ("Tema 165 del programa", ["165"]),
    ("Temas 12 y 34 del programa", ["12", "34"]),
    ("Пункт 40 повестки дня", ["40"]),
]


@pytest.mark.parametrize(("line", "items"), AGENDA)
def test_agenda_line(line: str, items: list[str]) -> None:
    m = AGENDA_RE.match(line)
    assert m is not None
    assert agenda_items(m.group("items")) == items


@pytest.mark.parametrize(
    "line",
    [
        "Agenda item 13 (continued)",  # a meeting record's heading, not a masthead line
        "Items of the agenda",
        "The item was considered at the 64th meeting.",
    ],
)
def test_not_an_agenda_line(line: str) -> None:
    assert AGENDA_RE.match(line) is None


DATES = [
    ("11 March 2024", "2024-03-11"),
    ("1 July 2024", "2024-07-01"),
    ("Wednesday, 16 April 2025, 10 a.m.", "2025-04-16"),
    ("21 janvier 1994", "1994-01-21"),
    ("1er février 2024", "2024-02-01"),
    ("5 août 2020", "2020-08-05"),
    ("11 de mayo de 1994", "1994-05-11"),
    ("3 setiembre 1995", "1995-09-03"),  # the older Spanish spelling
    ("11 марта 2024 года", "2024-03-11"),
]


@pytest.mark.parametrize(("text", "iso"), DATES)
def test_iso_date(text: str, iso: str) -> None:
    m = DATE_RE.search(text)
    assert m is not None
    assert iso_date(m) == iso


ORGANS = [
    ("General Assembly", "General Assembly"),
    ("Security  Council", "Security Council"),  # spacing and case do not matter
    ("security council", "Security Council"),
    ("Assemblée générale", "General Assembly"),
    ("Conseil de sécurité", "Security Council"),
    ("Conseil des droits de l'homme", "Human Rights Council"),  # a straight apostrophe
    ("Conseil des droits de l’homme", "Human Rights Council"),
    ("Asamblea General", "General Assembly"),
    ("Consejo de Seguridad", "Security Council"),
    ("Совет Безопасности", "Security Council"),
    ("Генеральная Ассамблея", "General Assembly"),
    ("Экономический и Социальный Совет", "Economic and Social Council"),
    ("Conseil de tutelle", "Trusteeship Council"),
    ("United Nations", None),
    ("Security Council resolution 2334 (2016)", None),  # a mention, not an organ's line
]


@pytest.mark.parametrize(("line", "organ"), ORGANS)
def test_organ_of(line: str, organ: str | None) -> None:
    assert organ_of(line) == organ


TITLES = [
    ("Letter dated 2 March 2026 from the Permanent Representative of Utopia to the United Nations addressed "
     "to the Secretary-General", "Permanent Representative of Utopia to the United Nations", "Secretary-General"),
    ("Identical letters dated 18 September 2024 from the Chargé d’affaires a.i. of the Permanent Mission of "
     "Utopia to the United Nations addressed to the Secretary-General and the President of the Security Council",
     "Chargé d’affaires a.i. of the Permanent Mission of Utopia to the United Nations",
     "Secretary-General and the President of the Security Council"),
    ("Letter dated 1 May 2025 from the Secretary-General addressed to the President of the Security Council",
     "Secretary-General", "President of the Security Council"),
    ("Note verbale dated 18 February 2025 from the Permanent Mission of Chile to the United Nations addressed "
     "to the President of the General Assembly", "Permanent Mission of Chile to the United Nations",
     "President of the General Assembly"),
    ("Carta de fecha 12 de septiembre de 2023 dirigida a la Presidencia del Consejo de Seguridad por el "
     "Representante Permanente de Egipto ante las Naciones Unidas",
     "Representante Permanente de Egipto ante las Naciones Unidas", "la Presidencia del Consejo de Seguridad"),
    ("Report of the Secretary-General", None, None),
    (None, None, None),
    ("Lettre datée du 20 janvier 1994, adressée au Secrétaire général par le Représentant permanent de "
     "l’Utopie auprès de l’Organisation des Nations Unies",
     "Représentant permanent de l’Utopie auprès de l’Organisation des Nations Unies", "Secrétaire général"),
    ("Lettre datée du 20 janvier 1994 du Représentant permanent de l’Utopie adressée au Secrétaire général",
     "Représentant permanent de l’Utopie", "Secrétaire général"),
]


@pytest.mark.parametrize(("title", "sender", "addressee"), TITLES)
def test_title_parts(title: str | None, sender: str | None, addressee: str | None) -> None:
    assert title_parts(title) == (sender, addressee)


# --- Requests to circulate a letter ----------------------------------------------------------

CIRCULATION = [
    ("I should be grateful if you would have the present letter circulated as a document of the General "
     "Assembly, under agenda items 35 and 41, and of the Security Council.",
     {"General Assembly": ["35", "41"], "Security Council": []}),
    ("the present letter and its annex circulated as a document of the General Assembly, under agenda items "
     "12, 34 (b) and 60, and of the Security Council.",
     {"General Assembly": ["12", "34 (b)", "60"], "Security Council": []}),
    ("I would be grateful if the present letter could be circulated as a document of the Security Council.",
     {"Security Council": []}),
    ("I request that this letter be circulated as a document of the General Assembly under agenda item 74 (b).",
     {"General Assembly": ["74 (b)"]}),
    ("Le agradecería que tuviera a bien hacer distribuir la presente carta como documento de la Asamblea "
     "General, en relación con el tema 165 del programa.", {"General Assembly": ["165"]}),
    ("Прошу распространить настоящее письмо в качестве документа Совета Безопасности и Генеральной "
     "Ассамблеи по пункту 32 повестки дня.", {"Security Council": [], "General Assembly": ["32"]}),
    ("The Council decided to remain seized of the matter.", None),  # no request to circulate
    ("as a document of the Human Rights Council under agenda item 4.", None),  # no verb: not a request
    ("Je vous serais reconnaissant de bien vouloir faire distribuer le texte de la présente lettre comme "
     "document de l’Assemblée générale, au titre du point 40 de l’ordre du jour, et du Conseil de sécurité.",
     {"General Assembly": ["40"], "Security Council": []}),
]


@pytest.mark.parametrize(("text", "expected"), CIRCULATION)
def test_read_circulation(text: str, expected: dict[str, list[str]] | None) -> None:
    assert read_circulation(text) == expected


def test_circulation_in_a_whole_letter() -> None:
    body = BODY["en"] + (
        "I should be grateful if you would have the present letter circulated as a document\n"
        "of the General Assembly, under agenda items 35 and 41, and of the Security Council.\n"
    )
    doc = unref.parse(text=SC_LETTER.lstrip("\n") + body + "\f")
    circulation = doc.metadata.circulation
    assert circulation is not None
    assert circulation["agenda_items"] == {"General Assembly": ["35", "41"], "Security Council": []}
    # The request names an organ the masthead does not: it joins the document's organs.
    assert doc.metadata.organs == ["Security Council", "General Assembly"]
    assert doc.metadata.agenda_items["General Assembly"] == ["35", "41"]


# --- Resolutions printed without a masthead, and mastheads whose columns were joined --------------------

RESOLUTION_BODY = (
    "Reaffirming its resolution 822 (1993) of 30 April 1993,\n\n"
    "Expressing its serious concern at the deterioration of relations between the two States,\n\n"
    "1. Condemns the seizure of the district and all other recently occupied areas;\n\n"
    "2. Decides to remain actively seized of the matter.\n"
)


@pytest.mark.parametrize(("head", "symbol", "date"), [
    ("Resolution 853 (1993)\nof 29 July 1993\n\nThe Security Council,\n", "S/RES/853 (1993)", "1993-07-29"),
    ("RESOLUTION 822 (1993)\n\nAdopted by the Security Council at its 3205th meeting,\non 30 April 1993\n\n"
     "The Security Council,\n", "S/RES/822 (1993)", "1993-04-30"),
    ("Resolution 425 (1978)\nof 19 March 1978\nThe Security Council,\n", "S/RES/425 (1978)", "1978-03-19"),
])
def test_a_resolution_without_a_masthead_is_named_by_its_heading(head: str, symbol: str, date: str) -> None:
    doc = unref.parse(text=head + "\n" + RESOLUTION_BODY)
    md = doc.metadata
    assert (md.symbols, md.date, md.doc_type, md.organs) == ([symbol], date, "resolution", ["Security Council"])
    body = [p.text for p in doc.paragraphs if p.kind != "masthead"]
    assert body[0].startswith(("of ", "Adopted by", "The Security Council"))  # the date stays in the text
    assert not md.sessions


def test_a_resolution_heading_alone_names_nothing() -> None:
    # "Resolution 12 (2001)" heading a section of a letter is not the document's symbol.
    text = ("S/2025/10\n\nSecurity Council Distr.: General\n3 March 2025\n\n"
            "Resolution 12 (2001)\n\nThe Commission on Human Rights,\n\n" + BODY["en"])
    assert unref.parse(text=text).metadata.symbols == ["S/2025/10"]


def test_masthead_columns_joined_by_the_extractor() -> None:
    text = ("United Nations S/RES/1445 (2002)\n\nSecurity Council Distr.: General\n4 December 2002\n\n\n"
            "Resolution 1445 (2002)\n\nAdopted by the Security Council at its 4653rd meeting,\non 4 December 2002\n\n"
            "The Security Council,\n\n" + RESOLUTION_BODY)
    md = unref.parse(text=text).metadata
    assert (md.symbols, md.organs, md.distribution, md.date) == (
        ["S/RES/1445 (2002)"], ["Security Council"], "General", "2002-12-04")
    assert not md.sessions  # "on 4 December 2002" is the adoption, in the text


def test_a_line_that_begins_with_district_is_not_the_distribution() -> None:
    from unref.text.regexes import DISTR_RE

    assert DISTR_RE.match("Distr.: General") and DISTR_RE.match("DISTR. LIMITED") and DISTR_RE.match("Distr.")
    assert not DISTR_RE.match("district,") and not DISTR_RE.match("Distribution of aid")


# --- Subsidiary bodies, subject titles and typewritten mastheads (real masthead fragments) ----------

EXECUTIVE_BOARD = """
DP/2025/14

United Nations

Executive Board of the
United Nations Development
Programme, the United Nations
Population Fund and the
United Nations Office for
Project Services

Distr.: General
27 March 2025

Original: English

Annual session 2025
2 to 5 June 2025, New York
Item 11 of the provisional agenda
Evaluation

Annual report on evaluation, 2024
Summary
"""
DP_BOARD = ("Executive Board of the United Nations Development Programme, the United Nations Population Fund "
            "and the United Nations Office for Project Services")

UNICEF_DRAFT = """
E/ICEF/2025/L.8

United Nations

Economic and Social Council

Distr.: Limited
11 June 2025
Original: English
For decision

United Nations Children’s Fund
Executive Board
Annual session 2025
10–13 June 2025
Agenda item 3
Draft decision submitted to the Executive Board

Annual report for 2024 of the Executive Director of UNICEF
The Executive Board
"""

SPECIAL_COMMITTEE = """
A/AC.182/2025/L.8

United Nations

General Assembly

Distr.: Limited
20 February 2025
Original: English

Special Committee on the Charter of the
United Nations and on the Strengthening of the
Role of the Organization
New York, 18–26 February 2025

Draft report
Rapporteur: Ms. Eliza Grisle (Latvia)

"""

NGO_COMMITTEE = """
E/C.2/2025/2/Add.3

United Nations

Economic and Social Council

Distr.: General
11 November 2024
English
Original: French

Committee on Non-Governmental Organizations
2025 regular session
New York, 20–24 and 29–31 January and 11 February 2025

Quadrennial reports for the period 2020–2023 submitted
by non-governmental organizations in consultative status
with the Economic and Social Council through the
Secretary-General pursuant to Council resolution 1996/31*
Note by the Secretary-General
Addendum

"""

WORKING_GROUP = """
A/HRC/WG.6/34/ITA/3

United Nations

General Assembly

Distr.: General
14 August 2019
Original: English

Human Rights Council
Working Group on the Universal Periodic Review
Thirty-fourth session
4–15 November 2019

Summary of Stakeholders’ submissions on Italy*
Report of the Office of the United Nations High Commissioner for
Human Rights

"""

SUBJECT_AND_AGENDA = """
A/56/385

United Nations

General Assembly

Distr.: General
18 September 2001
Original: English

Fifty-sixth session
Item 110 (f) of the provisional agenda*
Environment and sustainable development: protection
of global climate for present and future generations of mankind

Institutional linkage of the secretariat of the United
Nations Framework Convention on Climate Change
to the United Nations
Report of the Secretary-General**

"""

SC_REPORT = """
S/2025/342

United Nations

Security Council

Distr.: General
30 May 2025
Original: English

The situation in Central Africa and the activities of the
United Nations Regional Office for Central Africa
Report of the Secretary-General

"""

OLD_RESOLUTION = """
A

UNITED
NATIONS

General Assembly
Distr.
GENERAL
A/RES/48/161
21 January 1994

Forty-eighth session
Agenda item 40
RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY
[without reference to a Main Committee (A/48/L.21/Rev.1)]
48/161.

The situation in Central America:
procedures for the establishment of a firm
and lasting peace
The General Assembly,
"""

SPONSORED_DRAFT = """
E/2025/L.10

United Nations

Economic and Social Council

Distr.: Limited
30 May 2025
Original: English

2025 session
25 July 2024–30 July 2025
Agenda item 12 (b)
Implementation of and follow-up to major United Nations
conferences and summits
Iraq:* , ** draft resolution

Doha Programme of Action for the Least Developed Countries for
the decade 2022–2031
The Economic and Social Council,
"""

INCLUSION_REQUEST = """
A/80/141

United Nations

General Assembly

Distr.: General
5 June 2025
Original: English

Eightieth session

Request for the inclusion of an item in the provisional
agenda of the eightieth session
Observer status for the International Centre for Integrated
Mountain Development in the General Assembly
Letter dated 28 May 2025 from the Permanent Representative of
Bhutan to the United Nations addressed to the Secretary-General
"""

THREE_ADDRESSEES = """
A/ES-10/1027-S/2025/173

United Nations

General Assembly
Security Council

Distr.: General
20 March 2025
Original: English

General Assembly
Tenth emergency special session
Agenda item 5
Illegal Israeli actions in Occupied East Jerusalem and the
rest of the Occupied Palestinian Territory

Security Council
Eightieth year

Identical letters dated 19 March 2025 from the Permanent
Observer of the State of Palestine to the United Nations addressed
to the Secretary-General, the President of the General Assembly
and the President of the Security Council
"""

TYPEWRITTEN = """
UNITED
NATIONS

S

Security Council

Distr.
GENERAL

S/1995/320
18 April 1995

ORIGINAL:

ENGLISH

REPORT OF THE SECRETARY-GENERAL SUBMITTED PURSUANT TO
PARAGRAPH 4 OF SECURITY COUNCIL RESOLUTION 981 (1995)

I.

INTRODUCTION

"""

OFFICIAL_RECORDS = """
E/2025/25-E/CN.9/2025/7

United Nations

Commission on Population
and Development

Report on the fifty-eighth session
(3 May 2024 and 7–11 April 2025)

Economic and Social Council
Official Records, 2025
Supplement No. 5

"""

OCR_ORGAN = """
S
UNITED
NATIONS

Secuflty Council

Distr.
GENERAL
S/21194
15 March 1990
ORIGINAL: ENGLISH

UNITED NATIONS OBSERVER GROUP IN CENTRAL AMERICA

Report
of the Secretary-General

"""

WRAPPED_ITEMS = """
A/79/870

United Nations

General Assembly

Distr.: General
15 April 2025
Original: English

Seventy-ninth session
Agenda items 14, 16, 18, 22 (b), 30, 34, 35, 38, 58, 69,
71, 120, 123 and 135
Culture of peace

Letter dated 15 April 2025 from the Permanent Representative of Utopia to
the United Nations addressed to the Secretary-General
"""

BODIES = [
    ("a board heads the masthead: its items go under it", EXECUTIVE_BOARD, {
        "organs": [DP_BOARD], "agenda_items": {DP_BOARD: ["11"]}, "doc_type": "report",
        "agenda_titles": ["Evaluation"], "title": "Annual report on evaluation, 2024",
    }),
    ("a board's block under the principal organ; a draft decision's title follows its heading", UNICEF_DRAFT, {
        "organs": ["Economic and Social Council", "Executive Board of the United Nations Children's Fund"],
        "agenda_items": {"Executive Board of the United Nations Children's Fund": ["3"]},
        "doc_type": "draft_decision", "title": "Annual report for 2024 of the Executive Director of UNICEF",
    }),
    ("a special committee over its place and dates; a draft report", SPECIAL_COMMITTEE, {
        "organs": ["General Assembly", "Special Committee on the Charter of the United Nations and on the "
                   "Strengthening of the Role of the Organization"],
        "doc_type": "report", "title": "Draft report",
    }),
    ("a committee over its session; the subject above the note's by-line, without its marker", NGO_COMMITTEE, {
        "organs": ["Economic and Social Council", "Committee on Non-Governmental Organizations"],
        "sessions": {"Committee on Non-Governmental Organizations": "2025 regular session"}, "doc_type": "note",
        "title": "Quadrennial reports for the period 2020–2023 submitted by non-governmental organizations in "
                 "consultative status with the Economic and Social Council through the Secretary-General "
                 "pursuant to Council resolution 1996/31",
    }),
    ("a working group under the council that heads the block is no organ", WORKING_GROUP, {
        "organs": ["General Assembly", "Human Rights Council"], "doc_type": "report",
        "title": "Summary of Stakeholders’ submissions on Italy",
    }),
    ("the agenda item's title, then the report's subject", SUBJECT_AND_AGENDA, {
        "agenda_titles": ["Environment and sustainable development: protection of global climate for present "
                          "and future generations of mankind"],
        "title": "Institutional linkage of the secretariat of the United Nations Framework Convention on "
                 "Climate Change to the United Nations",
        "doc_type": "report",
    }),
    ("a report's subject, not its by-line", SC_REPORT, {
        "title": "The situation in Central Africa and the activities of the United Nations Regional Office "
                 "for Central Africa", "doc_type": "report",
    }),
    ("a resolution's title after its number", OLD_RESOLUTION, {
        "symbols": ["A/RES/48/161"], "agenda_items": {"General Assembly": ["40"]}, "doc_type": "resolution",
        "title": "The situation in Central America: procedures for the establishment of a firm and lasting peace",
    }),
    ("a draft's title after its sponsors' line", SPONSORED_DRAFT, {
        "doc_type": "draft_resolution", "agenda_items": {"Economic and Social Council": ["12 (b)"]},
        "title": "Doha Programme of Action for the Least Developed Countries for the decade 2022–2031",
    }),
    ("a request for an item: the item is the subject, the letter the type", INCLUSION_REQUEST, {
        "doc_type": "letter",
        "agenda_titles": ["Request for the inclusion of an item in the provisional agenda of the eightieth session"],
        "title": "Observer status for the International Centre for Integrated Mountain Development in the "
                 "General Assembly",
    }),
    ("the last addressee on its own line", THREE_ADDRESSEES, {
        "title": "Identical letters dated 19 March 2025 from the Permanent Observer of the State of Palestine to "
                 "the United Nations addressed to the Secretary-General, the President of the General Assembly "
                 "and the President of the Security Council",
        "doc_type": "identical_letters",
    }),
    ("typewritten: ORIGINAL over its language, the title in capitals", TYPEWRITTEN, {
        "symbols": ["S/1995/320"], "date": "1995-04-18", "organs": ["Security Council"], "original_language": "en",
        "doc_type": "report", "title": "REPORT OF THE SECRETARY-GENERAL SUBMITTED PURSUANT TO PARAGRAPH 4 OF "
                                       "SECURITY COUNCIL RESOLUTION 981 (1995)",
    }),
    ("an Official Records cover", OFFICIAL_RECORDS, {
        "organs": ["Commission on Population and Development", "Economic and Social Council"], "doc_type": "report",
        "title": "Commission on Population and Development: Report on the fifty-eighth session "
                 "(3 May 2024 and 7–11 April 2025)",
    }),
    ("an organ's name misread by OCR", OCR_ORGAN, {"organs": ["Security Council"], "doc_type": "report"}),
    ("a cover: the title before the organ", """
A/80/1

United Nations

Report of the Secretary-General
on the work of the Organization

General Assembly
Official Records
Eightieth Session
Supplement No. 1

""", {"organs": ["General Assembly"], "title": "Report of the Secretary-General on the work of the Organization",
      "doc_type": "report"}),
    ("a letter of a date; columns the extractor joined", """
TPNW/MSP/2025/11/Rev.1

Third Meeting of States Parties to the Distr.: General
Treaty on the Prohibition of 6 May 2025
Nuclear Weapons Original: English

Letter of 9 May 2025 from the Secretary-General addressed to the
President of the Security Council
""", {"original_language": "en", "distribution": "General", "doc_type": "letter",
      "title": "Letter of 9 May 2025 from the Secretary-General addressed to the President of the Security Council"}),
    ("a council's block with agenda titles that name reports; the subject above the rapporteur's by-line", """
A/HRC/58/50

United Nations

General Assembly

Distr.: General
10 January 2025
Original: English

Human Rights Council
Fifty-eighth session
24 February–4 April 2025
Agenda items 2 and 3
Annual report of the United Nations High Commissioner
for Human Rights and reports of the Office of the
High Commissioner and the Secretary-General
Promotion and protection of all human rights

Visit to Utopia
Report of the Special Rapporteur on the right to food

""", {"organs": ["General Assembly", "Human Rights Council"], "agenda_items": {"Human Rights Council": ["2", "3"]},
      "sessions": {"Human Rights Council": "Fifty-eighth session"}, "title": "Visit to Utopia", "doc_type": "report"}),
    ("a treaty body's name over two lines, its subject over the first paragraph", """
CEDAW/C/CAF/CO/6
Distr.: General
20 February 2024
Russian
Original: English

Комитет по ликвидации дискриминации
в отношении женщин

Заключительные замечания по шестому
периодическому докладу Центральноафриканской
Республики*
1.
""", {"organs": ["Committee on the Elimination of Discrimination against Women"], "doc_type": "report",
      "title": "Заключительные замечания по шестому периодическому докладу Центральноафриканской Республики"}),
    ("a Council resolution numbered by its year", """
E/RES/2025/5

United Nations

Economic and Social Council

Distr.: General
20 June 2025

2025 session
Agenda item 12 (b)
Resolution adopted by the Economic and Social Council on 5 June 2025
[on the recommendation of the Committee (E/2025/L.10)]
2025/5. Doha Programme of Action for the Least Developed Countries
The Economic and Social Council,
""", {"doc_type": "resolution", "title": "Doha Programme of Action for the Least Developed Countries"}),
    ("agenda items wrapped over two lines", WRAPPED_ITEMS, {
        "agenda_items": {"General Assembly": ["14", "16", "18", "22 (b)", "30", "34", "35", "38", "58", "69",
                                              "71", "120", "123", "135"]},
        "agenda_titles": ["Culture of peace"], "doc_type": "letter",
    }),
]


@pytest.mark.parametrize(("case", "masthead", "expected"), BODIES, ids=[b[0] for b in BODIES])
def test_bodies_and_titles(case: str, masthead: str, expected: dict[str, Any]) -> None:
    md = doc_of(masthead).metadata
    got = {field: getattr(md, field) for field in expected}
    assert got == expected


@pytest.mark.parametrize("line", [
    "Welcoming the report of the Secretary-General of 3 January 2025 on his Good",
    "Draft resolution (A/79/L.64)",
    "Britain and Northern Ireland: amendment to the draft resolution",
    "report of the United Nations Iraq-Kuwait Boundary Demarcation Commission enclosed therewith;",
])
def test_text_lines_are_no_title_headings(line: str) -> None:
    from unref.structure.masthead.reader import _BYLINE_RE, _FORWARD_RE

    assert not _BYLINE_RE.match(line) and not _FORWARD_RE.match(line)


@pytest.mark.parametrize(("text", "date_too", "expected"), [
    ("Third Meeting of States Parties to the Distr.: General", False,
     ("Third Meeting of States Parties to the", "Distr.: General")),
    ("Nuclear Weapons Original: English", False, ("Nuclear Weapons", "Original: English")),
    ("Treaty on the Prohibition of 6 May 2025", True, ("Treaty on the Prohibition of", "6 May 2025")),
    ("Treaty on the Prohibition of 6 May 2025", False, None),  # no "Distr." glued above: a line of text
    ("6 May 2025", True, None),  # the date alone is its own line
    ("Committee on Contributions", True, None),
])
def test_glued_item(text: str, date_too: bool, expected: tuple[str, str] | None) -> None:
    assert glued_item(text, date_too) == expected


def test_a_body_name_glued_to_the_other_column() -> None:
    # A PDF extractor joined the two columns of the masthead line by line: the body heads the block all the same.
    text = ("TPNW/MSP/2025/11/Rev.1\nThird Meeting of States Parties to the Distr.: General\n"
            "Treaty on the Prohibition of 6 May 2025\nNuclear Weapons Original: English\n\n"
            "New York, 3–7 March 2025\nAgenda item 15\nConsideration and adoption of the final document\n\n"
            "Report of the third Meeting of States Parties\n\n" + BODY["en"])
    md = unref.parse(text=text).metadata
    body = "Third Meeting of States Parties to the Treaty on the Prohibition of Nuclear Weapons"
    assert (md.organs, md.agenda_items, md.distribution, md.date) == ([body], {body: ["15"]}, "General", "2025-05-06")
