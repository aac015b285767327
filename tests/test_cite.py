"""Tests for unref.cite: citations found in paragraphs and footnotes, and how they resolve."""

from __future__ import annotations

import re

import pytest

import unref
from conftest import FIXTURES
from unref.cite import bodies, cite
from unref.cite import patterns as P
from unref.cite.organs import sc_plausible
from unref.model import Citation, Document, Footnote, Metadata, Paragraph


def make_doc(
    *paragraphs: str,
    footnotes: dict[str, str] | None = None,
    symbols: tuple[str, ...] = (),
    organs: tuple[str, ...] = (),
    language: str = "en",
    date: str | None = None,
    title: str | None = None,
) -> Document:
    md = Metadata(symbols=list(symbols), organs=list(organs), language=language, date=date, title=title)
    return Document(
        source=None,
        format="text",
        metadata=md,
        paragraphs=[Paragraph(f"p{i}", "body", text, 1) for i, text in enumerate(paragraphs, 1)],
        footnotes=[Footnote(label, text, 1) for label, text in (footnotes or {}).items()],
    )


def found(text: str, *kinds: str, **doc: object) -> list[tuple[str, str | None]]:
    """Return (kind, target) of the citations of a one-paragraph document, of the given kinds."""
    citations = cite(make_doc(text, **doc))  # type: ignore[arg-type]
    return [(c.kind, c.target) for c in citations if not kinds or c.kind in kinds]


def un(text: str, **doc: object) -> list[str | None]:
    """Return the targets of un_symbol citations (what the gold scores)."""
    return [t for _k, t in found(text, "un_symbol", **doc)]


# ---------------------------------------------------------------------------
# Written symbols

WRITTEN = [
    ("See S/2018/462, para. 32.", ["S/2018/462"]),
    ("my letter dated 4 April 2011 (A/65/808-S/2011/145)", ["A/65/808", "S/2011/145"]),  # double symbol: two
    ("circulated as S/2025/\n105 and", ["S/2025/105"]),  # wrapped after the slash by pdftotext
    ("document S/RES/822 (30 April 1993);", ["S/RES/822 (1993)"]),  # a date standing for the year
    ("S/1995/222 and Corr.1 and 2", ["S/1995/222", "S/1995/222/Corr.1", "S/1995/222/Corr.2"]),
    ("(A/74/881-S/2020-503 of 5 June 2020)", ["A/74/881", "S/2020/503"]),  # a typed dash for the slash
    ("report (A/44/344/Add.l-S/20699/Add.l)", ["A/44/344/Add.1", "S/20699/Add.1"]),  # OCR "l" for "1"
    ("Opinion No. 46/2024, A/HRC/WGAD/2024/46, paras. 86", ["A/HRC/WGAD/2024/46"]),
    ("decision A/HRC/DEC/19/115 of the Council", ["A/HRC/DEC/19/115"]),  # a decision written as a symbol
    ("statement by the President of the Security Council of 23 September 2010 (S/PRST/2010/18)",
     ["S/PRST/2010/18"]),
    ("see https://undocs.org/en/S/RES/822%20(1993).", []),  # a symbol inside an address is the address
]


@pytest.mark.parametrize(("text", "expected"), WRITTEN)
def test_written_symbols(text: str, expected: list[str]) -> None:
    assert un(text) == expected


def test_own_symbols_are_not_citations() -> None:
    assert un("the present letter (A/79/796-S/2025/105) and A/79/797", symbols=("A/79/796", "S/2025/105")) == [
        "A/79/797"
    ]


def test_symbol_url_in_document_language() -> None:
    (c,) = cite(make_doc("voir S/2018/462.", language="fr"))
    assert c.url == "https://undocs.org/fr/S/2018/462"


def test_date_of_a_symbol_and_year_check() -> None:
    doc = make_doc("letter dated 4 April 2011 (A/65/808-S/2023/145 of 11 April 2011)")
    citations = cite(doc)
    assert [c.fields["date"] for c in citations] == ["2011-04-11", "2011-04-11"]
    assert len(doc.warnings) == 1 and "S/2023/145" in doc.warnings[0]


def test_presidential_statement_with_its_date() -> None:
    (c,) = cite(make_doc("statement by the President of the Security Council of 23 September 2010 (S/PRST/2010/18)"))
    assert (c.kind, c.target, c.fields["date"]) == ("un_symbol", "S/PRST/2010/18", "2010-09-23")


def test_date_before_the_parenthesis() -> None:
    (c,) = cite(make_doc("Letters dated 20 March 2024 (S/2024/252) were sent."))
    assert c.fields["date"] == "2024-03-20"


# ---------------------------------------------------------------------------
# Resolutions named in words, with their organ

NAMED = [
    ("See Security Council resolutions 822 (1993), 853 (1993), 874 (1993) and 884 (1993);",
     ["S/RES/822 (1993)", "S/RES/853 (1993)", "S/RES/874 (1993)", "S/RES/884 (1993)"]),
    ("General Assembly resolutions 73/1 and 73/2", ["A/RES/73/1", "A/RES/73/2"]),
    ("General Assembly resolution 31/16 A of 10 November 1976", ["A/RES/31/16 A"]),
    ("General Assembly resolutions 3411 A and B (XXX)", ["A/RES/3411 A (XXX)", "A/RES/3411 B (XXX)"]),
    ("Human Rights Council resolution 31/1", ["A/HRC/RES/31/1"]),
    ("Human Rights Council resolutions 5/1 and 16/21", ["A/HRC/RES/5/1", "A/HRC/RES/16/21"]),
    ("Economic and Social Council resolutions 1980/67 and 1996/31", ["E/RES/1980/67", "E/RES/1996/31"]),
    ("Commission on Human Rights resolution 1998/50", ["E/CN.4/RES/1998/50"]),
    ("Resolution 217 A (III).", ["A/RES/217 A (III)"]),  # the roman session is the Assembly's
    ("General Assembly resolution 1874 (S-IV)", ["A/RES/1874 (S-IV)"]),  # special session
    ("Economic and Social Council resolution 1296 (XLIV)", ["E/RES/1296 (XLIV)"]),
    ("the Security Council Resolution 1325/2000 (NAP1325)", ["S/RES/1325 (2000)"]),
    ("resolution 822 (1993) of the Security Council", ["S/RES/822 (1993)"]),  # organ after the list
    ("Security Council resolution 2378 (2017) and resolution 2436 (2018)", ["S/RES/2378 (2017)", "S/RES/2436 (2018)"]),
    ("resolution 2577\n(2021)", ["S/RES/2577 (2021)"]),  # broken over a line
    ("Recalling General Assembly resolutions 46/221 A of 20 December 1991 and 48/223 A of 23 December 1993",
     ["A/RES/46/221 A", "A/RES/48/223 A"]),  # dates between the numbers
    ("General Assembly resolution ES-11/5", ["A/RES/ES-11/5"]),
    ("Human Rights Council resolution S-37/1", ["A/HRC/RES/S-37/1"]),
    # A roman session typed with the Cyrillic Х and І that look like Latin letters.
    ("General Assembly resolution 3212 (\u0425\u0425IX) of 1 November 1974", ["A/RES/3212 (XXIX)"]),
    ("резолюцию 1514 (\u0425V) Генеральной Ассамблеи", ["A/RES/1514 (XV)"]),
    # The Assembly's numbers before 1976 are one series: the number names the resolution, kept as printed.
    ("mandate (United Nations General Assembly resolution 2186) and (c)", ["A/RES/2186"]),
    ("as per General Assembly resolution\n2186, and to drive", ["A/RES/2186"]),
    ("General Assembly resolution 1514 (XV) ... in resolution 1514", ["A/RES/1514 (XV)"] * 2),
]

# Lists of Security Council resolutions as the Council wrote them (cr-unsc), each item a citation.
LISTS = [
    # Dates of adoption without their year: the year is given once, after the last of that year.
    ("Reaffirms its resolutions 186 (1964) of 4 March,\n187 (1964) of 13 March, 192 (1964) of 20 June,\n"
     "193 (1964) of 9 August, 194 (1964) of 25 September\nand 198 (1964) of 18 December 1964, 201 (1965)\n"
     "of 19 March, 206 (1965) of 15 June",
     [186, 187, 192, 193, 194, 198, 201, 206]),
    ("Recalling its resolutions 338 (1973) of 22 October, 340 (1973) of 25 October and 341 (1973) of "
     "27 October 1973, 346 (1974) of 8 April and 362 (1974) of 23 October 1974,",
     [338, 340, 341, 346, 362]),
    ("Reaffirms also its resolutions 353 (1974) of 20\nJuly, 354 (1974) of 23 July, 355 (1974) of 1 August,\n"
     "357 (1974) of 14 August, 358 (1974) and 359\n(1974) of 15 August, 360 (1974) of 16 August and\n"
     "361 (1974) of 30 August 1974;",
     [353, 354, 355, 357, 358, 359, 360, 361]),
    ("Recalling its resolutions 425 (1978) and 426 (1978) of 19 March, 427 (1978) of 3 May and 434 (1978) "
     "of 18 September 1978, and the statement",
     [425, 426, 427, 434]),
    # OCR damage to one number: read when the Council's numbering and the list's order leave one reading.
    ("Reaffirming its resolutions 508 (1982), 509 (1982), S11\n(1982), 512 (1982) and 513 (1982),",
     [508, 509, 511, 512, 513]),
    ("Recalling its resolutions 508 (1982), 509 (1982), 511 (1982), 512.(1982), 513 (1982), 515 (1982)",
     [508, 509, 511, 512, 513, 515]),
    ("Recalling its resolutions 387 1976), 418 (1977), 428 (1978), 447 (1979),", [387, 418, 428, 447]),
    ("In its resolutions 981 (1995) SB2 (1995) and 983 (1995) of 30 March 1995,", [981, 982, 983]),
    ("In its resolution 1023, (1995) of 22 November 1995, the Security Council", [1023]),
    ("under Council resolutions 1840 (2008), 1892 (2009), 1908 (2010), 19 27 (2010), 1944 (2010),\n"
     "2012 (2011), 2070 (2012)", [1840, 1892, 1908, 1927, 1944, 2012, 2070]),
    ("Recalling its resolutions 346 (1974) of 8 April and 362 (1974) of 23 October 1974. 368 (1975) of "
     "17 April, 371 (1975) of 24 July", [346, 362, 368, 371]),  # a point read for a comma
    ("In pursuance of paragraph 3 of Security Council resolution 719 (19911, I shall", [719]),  # ")" read as "1"
    # A damaged number that no reading fits is passed over, or ends the list when nothing follows.
    ("Recalling its resolutions 512 (1982), S11 (1982) and 513 (1982),", [512, 513]),
    ("Recalling its resolutions 501 (1982) of 25 February 1982, 508 eB) of 5 June 1982", [501]),
    ("Recalling resolution 1701 (2006). 1559 (2004) is", [1701]),  # a point before a lower number ends it
]


@pytest.mark.parametrize(("text", "numbers"), LISTS)
def test_lists_of_resolutions(text: str, numbers: list[int]) -> None:
    assert [str(t).split(" ")[0] for t in un(text)] == [f"S/RES/{n}" for n in numbers]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_named_resolutions(text: str, expected: list[str]) -> None:
    assert un(text) == expected


def test_named_resolution_fields() -> None:
    (c,) = cite(make_doc("pursuant to Security Council resolution 2462 (2019), para. 5."))
    assert c.fields["named_in_prose"] is True
    assert c.fields["organ"] == "Security Council"
    assert c.pinpoint == "para. 5"
    assert c.url == "https://undocs.org/en/S/RES/2462%20(2019)"


def test_damaged_number_keeps_its_printed_form() -> None:
    citations = cite(make_doc("Reaffirming its resolutions 508 (1982), 509 (1982), S11\n(1982), 512 (1982)"))
    (c,) = [c for c in citations if c.fields.get("printed")]
    assert (c.text, c.target, c.fields["printed"]) == ("S11\n(1982)", "S/RES/511 (1982)", "S11 (1982)")


def test_list_opening_the_paragraph_after_its_keyword() -> None:
    doc = make_doc("the Chair of the Security Council Committee pursuant to resolutions",
                   "1267 (1999), 1989 (2011) and 2253 (2015) concerning ISIL (Da’esh)")
    assert [(c.location, c.target) for c in cite(doc)] == [
        ("p2", "S/RES/1267 (1999)"), ("p2", "S/RES/1989 (2011)"), ("p2", "S/RES/2253 (2015)")]
    # A number alone is not carried over: it is more often the next paragraph's own number.
    assert cite(make_doc("prepared pursuant to Security Council resolution", "1. The Council")) == []
    # Nor is a heading that is only the keyword ("Decisions") read with the note after it.
    assert [c for c in cite(make_doc("Decisions", "19 (1946) Ibid.")) if c.kind == "un_symbol"] == []


def test_issuing_symbol_is_metadata() -> None:
    doc = make_doc("186 (1964). Resolution of 4 March 1964", "[S/5575]", "The Security Council,",
                   "Noting the report (S/5569),")
    assert [c.target for c in cite(doc)] == ["S/5569"]
    assert doc.metadata.draft_symbol == "S/5575"
    # A bracketed symbol that no resolution heading precedes is a citation.
    doc = make_doc("Note by the Secretariat", "[S/5575]")
    assert [c.target for c in cite(doc)] == ["S/5575"] and doc.metadata.draft_symbol is None


# By context: (text, document facts, expected un_symbol targets)
CONTEXT: list[tuple[str, dict[str, object], list[str]]] = [
    ("Recalling its resolution 2765 (2024),", {"symbols": ("S/RES/2773 (2025)",)}, ["S/RES/2765 (2024)"]),
    ("Recalling its resolution 47/118,", {"symbols": ("A/RES/48/161",)}, ["A/RES/47/118"]),
    ("Recalling its resolution 973 (X) of 15 December 1955,", {"symbols": ("A/RES/48/246",)}, ["A/RES/973 (X)"]),
    ("Recalling also its resolution 2024/18,", {"symbols": ("E/2025/L.10",)}, ["E/RES/2024/18"]),
    ("in line with resolution 16/21,", {"symbols": ("A/HRC/WG.6/34/ITA/3",)}, ["A/HRC/RES/16/21"]),
    ("the Council in its resolution 2231 (2015)", {}, ["S/RES/2231 (2015)"]),
    ("The Assembly, in its resolution 77/335,", {"symbols": ("S/2025/1",)}, ["A/RES/77/335"]),
    ("the 2334 text, resolution 2334 (2016)", {}, ["S/RES/2334 (2016)"]),  # the year form is the Council's
    ("Resolution 78/317, annex.", {"symbols": ("E/2025/L.10",)}, ["A/RES/78/317"]),  # session form: Assembly
    # The same number resolved earlier in the document.
    ("pioneered Human Rights Council resolution 19/26. A follow-up resolution to resolution 19/26 was tabled.",
     {}, ["A/HRC/RES/19/26", "A/HRC/RES/19/26"]),
    ("resolution 1701 (2006) ... in flagrant breach of resolution 1701", {}, ["S/RES/1701 (2006)"] * 2),
    ("Security Council, Resolution 822, document S/RES/822 (30 April 1993)", {}, ["S/RES/822 (1993)"] * 2),
]


@pytest.mark.parametrize(("text", "doc", "expected"), CONTEXT)
def test_resolution_by_context(text: str, doc: dict[str, object], expected: list[str]) -> None:
    assert un(text, **doc) == expected


# Where the organ cannot be known: (text, kind, reason contains)
UNRESOLVED = [
    ("in accordance with resolution 1996/31 of 25 July 1996", "un_resolution", "no organ is named"),
    ("in flagrant breach of resolution 1701", "un_resolution", "without its year"),
    ("General Assembly resolution 4186", "un_resolution", "without its year"),  # past the one series
    ("resolution 1416 (2005) was adopted", "un_resolution", "not a Security Council resolution of that year"),
    ("decision 4 of the first Meeting of States Parties", "un_decision", "without its year"),
]


@pytest.mark.parametrize(("text", "kind", "reason"), UNRESOLVED)
def test_unresolved_resolutions_say_why(text: str, kind: str, reason: str) -> None:
    (c,) = cite(make_doc(text))
    assert (c.kind, c.target, c.resolved) == (kind, None, False)
    assert c.reason is not None and reason in c.reason


# ---------------------------------------------------------------------------
# Other bodies' resolutions are not UN documents

OTHER_BODIES = [
    ("and Resolution 1416 (2005) of the Parliamentary Assembly of the Council of Europe, entitled",
     "coe_resolution", "PACE resolution 1416 (2005)"),
    ("PACE Resolution 2391 (2021)", "coe_resolution", "PACE resolution 2391 (2021)"),
    ("adopted by the Economic Commission for Latin America and the Caribbean of its resolution 574 (XXVII)",
     "other", "Economic Commission for Latin America and the Caribbean resolution 574 (XXVII)"),
    ("Council of the Conference on Security and Cooperation in Europe, Communication No. 284, Prague",
     "osce_document", "CSCE Communication No. 284"),
    ("(Armenia v. Azerbaijan). Provisional Measures, Order of the International Court of Justice of 7 December 2021",
     "icj_document", "ICJ Order of 7 December 2021"),
    ("United Nations, Treaty Series, vol. 1249, No. 20378.", "treaty", "UNTS vol. 1249, No. 20378"),
    ("Council Regulation (EU) No 269/2014 of 17 March 2014", "eu_document", "Regulation (EU) 269/2014"),
    ("communiqué PSC/PR/COMM.(MCCXLV) of the Peace and Security Council", "au_document", "PSC/PR/COMM.(MCCXLV)"),
]


@pytest.mark.parametrize(("text", "kind", "target"), OTHER_BODIES)
def test_other_bodies(text: str, kind: str, target: str) -> None:
    assert found(text) == [(kind, target)]


def test_catalogue_examples() -> None:
    """Every document pattern of data/bodies.json finds each of its examples, with that target."""
    for pattern in bodies().documents:
        for text, target in pattern.examples:
            m = pattern.regex.search(text)
            assert m is not None, (pattern.name, text)
            assert pattern.target(m) == target, (pattern.name, text)


def test_body_examples_are_not_un() -> None:
    """Each body's example resolution is cited as that body's, never as a UN symbol."""
    for body in bodies().bodies.values():
        for example in body.examples:
            kinds = {kind for kind, _t in found(example)}
            assert kinds == {body.kind}, (body.id, example, kinds)


@pytest.mark.parametrize("organ", P.UN_ORGANS, ids=lambda o: o.organ)
def test_organ_names_match_their_examples(organ: P.OrganName) -> None:
    for example in organ.examples:
        name = re.sub(r"^(?:the |le |el |la |l’)", "", example)
        assert re.fullmatch(organ.pattern, name), example


# ---------------------------------------------------------------------------
# Meetings, decisions, pinpoints

MEETINGS = [
    ("9878th meeting of the Security Council, held in connection with", ["S/PV.9878"]),
    ("the Security Council, at its 9878th meeting,", ["S/PV.9878"]),
    ("Adopted by the Security Council at its 9928th meeting, on 30 May 2025", []),  # adoption line: metadata
    ("à la 9878e séance du Conseil de sécurité", ["S/PV.9878"]),
    ("на 9878-м заседании Совета Безопасности", ["S/PV.9878"]),
    ("at its 103rd plenary meeting", []),  # no organ named
    ("the Committee, at its 45th meeting,", []),  # "its" is the Committee's
]


def test_meeting_of_the_documents_council() -> None:
    assert un("The Council, at its 9878th meeting, heard", symbols=("S/2025/260",)) == ["S/PV.9878"]
    assert un("The Council, at its 9878th meeting, heard", symbols=("A/80/1",)) == []


@pytest.mark.parametrize(("text", "expected"), MEETINGS)
def test_meetings(text: str, expected: list[str]) -> None:
    assert un(text) == expected


DECISIONS = [
    ("General Assembly decision 49/426 of 9 December 1994", [("un_decision", "A/DEC/49/426")]),
    ("Recalling its decision 48/477,", [("un_decision", "A/DEC/48/477")]),  # session form: the Assembly
    ("Human Rights Council decision 19/115", [("un_decision", "A/HRC/DEC/19/115")]),
    ("its decisions 48/472 A and 47/456", [("un_decision", "A/DEC/48/472"), ("un_decision", "A/DEC/47/456")]),
]


@pytest.mark.parametrize(("text", "expected"), DECISIONS)
def test_decisions_are_not_un_symbols(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


PINPOINTS = [
    ("S/2018/462, para. 32.", "para. 32"),
    ("see A/HRC/28/4, paras. 145.26–145.51; 145.53.", "paras. 145.26–145.51; 145.53"),
    ("on the implementation of resolution 1701 (2006) (S/2007/641, annex)", "annex"),
    ("A/79/6, sect. II", "sect. II"),
    ("paragraph 9 of resolution 1998 (2011) and", "paragraph 9"),
    ("A/HRC/28/4, annex I, sect. II.", "annex I, sect. II"),
]


@pytest.mark.parametrize(("text", "pin"), PINPOINTS)
def test_pinpoints(text: str, pin: str) -> None:
    assert cite(make_doc(text))[-1].pinpoint == pin


# ---------------------------------------------------------------------------
# French, Spanish, Russian

LANGUAGES = [
    ("la résolution 822 (1993) du Conseil de sécurité", "fr", ["S/RES/822 (1993)"]),
    ("ses résolutions 47/118 de l’Assemblée générale", "fr", ["A/RES/47/118"]),
    ("la résolution 1325 (2000) du Conseil de sécurité, l’objectif", "fr", ["S/RES/1325 (2000)"]),
    ("la resolución 48/246 de la Asamblea General", "es", ["A/RES/48/246"]),
    ("la resolución 867 (1993) del Consejo de Seguridad, de", "es", ["S/RES/867 (1993)"]),
    ("resoluciones 43/230, de 21 de diciembre de 1988, 44/192 A, de 21 de diciembre de 1989, de la Asamblea General",
     "es", ["A/RES/43/230", "A/RES/44/192 A"]),
    ("резолюция 822 (1993) Совета Безопасности", "ru", ["S/RES/822 (1993)"]),
    ("в соответствии с резолюции 2334 (2016)", "ru", ["S/RES/2334 (2016)"]),
    ("Советом по правам человека в его резолюции 17/4 от 16 июня 2011 года", "ru", ["A/HRC/RES/17/4"]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), LANGUAGES)
def test_other_languages(text: str, lang: str, expected: list[str]) -> None:
    assert un(text, language=lang) == expected


# ---------------------------------------------------------------------------
# Short forms


def test_ibid_stands_for_the_previous_note() -> None:
    doc = make_doc("Text.", footnotes={"1": "S/2024/556, para. 94.", "2": "Ibid., para. 95."})
    citations = cite(doc)
    assert [(c.kind, c.target) for c in citations] == [("un_symbol", "S/2024/556"), ("short_form", "S/2024/556")]
    assert citations[1].fields["antecedent"] == 0


@pytest.mark.parametrize(("notes", "target"), [
    # "Ibid." names the source of the note just before, a web page too.
    ({"1": "S/2024/556, para. 94.", "2": "See https://example.org/report.pdf.", "3": "Ibid."},
     "https://example.org/report.pdf"),
    # A document cited with its address: the document.
    ({"1": "Report S/2024/556, available at https://example.org/s2024556.pdf.", "2": "Ibid., para. 3."},
     "S/2024/556"),
    # The note before cites nothing that is found (an interview): not a source cited further back.
    ({"1": "S/2024/556, para. 94.", "2": "Interview with an official, May 2025.", "3": "Ibid."}, None),
    # An "ibid." after an "ibid." stands for the same source.
    ({"1": "S/2024/556, para. 94.", "2": "Ibid., para. 95.", "3": "Ibid., para. 96."}, "S/2024/556"),
])
def test_ibid_in_a_numbered_note(notes: dict[str, str], target: str | None) -> None:
    citations = cite(make_doc("Text.", footnotes=notes))
    last = [c for c in citations if c.kind == "short_form"][-1]
    assert last.target == target


@pytest.mark.parametrize(("notes", "target", "note"), [
    # The last source of the note before, not the first of its run.
    ({"1": "S/2024/556, para. 94; and S/2024/704, para. 12.", "2": "Ibid., para. 13."}, "S/2024/704", None),
    # An address that is a source of its own, after "; ": the address.
    ({"1": "See S/2024/556; and https://example.org/press.html.", "2": "Ibid."}, "https://example.org/press.html",
     None),
    # A publication with its address: the publication.
    ({"1": "Robert Muggah, “Haiti’s criminal markets: mapping trends” (UNODC, 2023), available at "
           "https://www.unodc.org/haiti.pdf.", "2": "Ibid."}, "Robert Muggah, Haiti’s criminal markets: mapping "
     "trends (2023)", None),
    # A note that cites a source no citation names: the "ibid." stands for that note, and so does the next.
    ({"1": "Interviews with gang analyst, February 2025.", "2": "Ibid."}, None, "1"),
    ({"1": "Interviews with gang analyst, February 2025.", "2": "Ibid.", "3": "Ibid."}, None, "1"),
])
def test_ibid_stands_for_the_last_source_of_the_note_before(
    notes: dict[str, str], target: str | None, note: str | None
) -> None:
    citations = cite(make_doc("Text.", footnotes=notes))
    last = [c for c in citations if c.kind == "short_form"][-1]
    assert (last.target, last.fields.get("note"), last.resolved) == (target, note, True)


SHORT_FORMS = [
    ("Security Council resolution 2334 (2016) and A/79/1. The above-mentioned resolution was", "S/RES/2334 (2016)"),
    ("the report S/1994/1375 and resolution 981 (1995). The same report says", "S/1994/1375"),
    ("S/2025/29 and resolution 2767 (2024). The said resolution", "S/RES/2767 (2024)"),
]


@pytest.mark.parametrize(("text", "target"), SHORT_FORMS)
def test_short_forms(text: str, target: str) -> None:
    citations = cite(make_doc(text))
    short = [c for c in citations if c.kind == "short_form"]
    assert [c.target for c in short] == [target]
    assert citations[short[0].fields["antecedent"]].target == target


# ---------------------------------------------------------------------------
# Publications and letters


def test_publication() -> None:
    text = ("Jessica A. Stanton, Violence and Restraint in Civil War: Civilian Targeting in the Shadow of "
            "International Law (New York, Cambridge University Press, 2016).")
    (c,) = cite(make_doc(text))
    assert c.kind == "publication"
    assert c.fields["authors"] == "Jessica A. Stanton"
    assert c.fields["title"].startswith("Violence and Restraint in Civil War:")
    assert (c.fields["place"], c.fields["publisher"], c.fields["year"]) == ("New York", "Cambridge University Press",
                                                                             "2016")


def test_edited_publication_after_an_address() -> None:
    text = ("For more information, see www.justiceforkhojaly.org and Fiona Maclachlan and Ian Peart, eds., Khojaly "
            "Witness of a War Crime: Armenia in the Dock (Reading, United Kingdom, Ithaca Press, 2014).")
    pub = [c for c in cite(make_doc(text)) if c.kind == "publication"]
    assert pub[0].fields["authors"] == "Fiona Maclachlan and Ian Peart"
    assert pub[0].fields["editors"] is True


def test_letter_without_symbol_and_interview() -> None:
    text = ("Letter dated 24 March 1997 from the Executive Director of Human Rights Watch/Helsinki addressed to the "
            "Minister for Foreign Affairs of Armenia, available at www.hrw.org/news/1997/03/23/response. See also "
            "the interview with Serzh Sargsyan, in a book.")
    citations = cite(make_doc(text))
    assert [c.kind for c in citations] == ["letter", "url", "letter"]
    assert citations[0].fields == {"date": "1997-03-24", "sender": "the Executive Director of Human Rights "
                                   "Watch/Helsinki", "addressee": "the Minister for Foreign Affairs of Armenia"}
    assert citations[2].fields == {"interview": "Serzh Sargsyan"}


def test_letter_with_symbol_is_the_symbol() -> None:
    assert found("Letter dated 13 January 2023 from the Permanent Representative addressed to the "
                 "Secretary-General, A/77/695-S/2023/34.") == [("un_symbol", "A/77/695"), ("un_symbol", "S/2023/34")]


def test_the_documents_own_letter_is_not_cited() -> None:
    title = "Letter dated 17 January 2025 from the Permanent Representative of Ukraine addressed to the President"
    assert found("Annex to the letter dated 17 January 2025 from the Permanent Representative of Ukraine", title=title
                 ) == []


# ---------------------------------------------------------------------------
# Web addresses

URLS = [
    ("see www.justiceforkhojaly.org and", "www.justiceforkhojaly.org"),
    ("See https://x.com/NasimiAghayev/status/1875267125788713374?mx=2.",
     "https://x.com/NasimiAghayev/status/1875267125788713374?mx=2"),
    ("at www.hrw.org/news/1997/ 03/23/response-armenian-government.",
     "www.hrw.org/news/1997/03/23/response-armenian-government"),  # a blank after a slash
    ("cited at www.un.org/securitycouncil/ctc/news/ cted%E2%80%99s-tech-sessions-highlights.",
     "www.un.org/securitycouncil/ctc/news/cted%E2%80%99s-tech-sessions-highlights"),
    ("at https://www.fatf.org/en/Digitaltransformation/Opportunities challenges-new-technologies.html.",
     "https://www.fatf.org/en/Digitaltransformation/Opportunities-challenges-new-technologies.html"),  # lost hyphen
    ("the source (https://media.un.org/en/asset/k1g/k1gvc8zwrd).", "https://media.un.org/en/asset/k1g/k1gvc8zwrd"),
    ("available at https://caliber.az/en/post/207092/ (with reference", "https://caliber.az/en/post/207092/"),
    ("are available at: www.ohchr.org. Civil society", "www.ohchr.org"),
    ("see https://en.wikipedia.org/wiki/Khojaly_(town).", "https://en.wikipedia.org/wiki/Khojaly_(town)"),
    ("visit http://documents.un.org and", "http://documents.un.org"),
    ("“www.example.org/a”, he said", "www.example.org/a"),
]


@pytest.mark.parametrize(("text", "target"), URLS)
def test_urls(text: str, target: str) -> None:
    (c,) = [c for c in cite(make_doc(text)) if c.kind == "url"]
    assert c.target == target
    assert c.text == text[c.start : c.end]
    assert c.text.split()[0] in target and c.text.split()[-1] in target


def test_link_list_rendering_symbols_is_dropped() -> None:
    links = "https://undocs.org/en/S/RES/822%20(1993)\nhttp://www.justiceforkhojaly.org/"
    assert found(links) == [("url", "http://www.justiceforkhojaly.org/")]


def test_url_is_not_joined_to_the_next_word() -> None:
    assert found("see www.ohchr.org/en for more-detailed news") == [("url", "www.ohchr.org/en")]


# ---------------------------------------------------------------------------
# The pieces


@pytest.mark.parametrize(
    ("number", "year", "ok"),
    [(822, 1993, True), (1416, 2005, False), (2765, 2024, True), (2768, 2025, True), (550, 1984, True),
     (1325, 2000, True), (242, 1967, True), (2334, 2016, True), (2334, 2006, False)],
)
def test_security_council_numbers_fit_their_year(number: int, year: int, ok: bool) -> None:
    assert sc_plausible(number, year) is ok


def test_citations_in_the_parsed_letter() -> None:
    doc = unref.parse(FIXTURES / "letter.txt")
    by_kind = {(c.kind, c.target, c.location) for c in doc.citations}
    assert ("un_symbol", "A/80/999", "fn:1") in by_kind
    assert ("url", "https://www.example.org/reports/2026/valley.pdf", "fn:2") in by_kind
    assert all(isinstance(c, Citation) for c in doc.citations)
    assert not any(c.target in doc.metadata.symbols for c in doc.citations)
