"""Masthead rules for documents nobody tuned on (issue 11): the lines are real, from the dev corpus and the
Security Council's resolutions of 1946-1994 (cr-unsc), written as pdftotext prints them."""

from __future__ import annotations

import pytest

import unref
from unref.structure.masthead.reader import (
    _adopted_on,
    _adoption_year,
    _ends_with_marker,
    _mend_symbol_year,
    _nearest_month,
    _reads_as_date,
    _unspaced_symbol,
    _wrapped_byline,
)
from unref.text.regexes import DATE_RE, JOB_NUMBER_RE, SYMBOL_LINE_RE

LETTER_BODY = (
    "I have the honour to refer to the situation in the region, which has been described\n"
    "in detail by the Commission of Inquiry in its report to the Council.\n"
)


@pytest.mark.parametrize(("line", "is_date"), [
    ("15 March 1990", True),
    ("of 22 November 1967", True),
    ("on 30 April 1993", True),
    ("Wednesday, 16 April 2025, 10 a.m.", True),
    ("3163rd meeting, on 25 January 1993", True),
    ("of 30 May 1992 54", True),  # a note's number after the date
    ("Geneva, 6 June 1995", True),
    # Sentences of a resolution's text that cite an earlier one, and a report's first sentence.
    ("1985 and 618 (1988) of 29 July 1988 condemning all acts", False),
    ("Reaffirming its resolution 765 (1992) of 16 July 1992,", False),
    ("Recalling its resolutions 660 (1990) of 2 August 1990, 661", False),
    ("693 (19Pl) of 20 May 1991 by which tb% Council,", False),
])
def test_reads_as_date(line: str, is_date: bool) -> None:
    m = DATE_RE.search(line)
    assert m is not None
    assert _reads_as_date(line, m) is is_date


@pytest.mark.parametrize(("head", "date"), [
    # S/RES/638 (1989): the heading's date is OCR-damaged; a date of the preamble's list is not the document's.
    ("Resolution 638 (1989)\nof 3f July 1989\n\nThe Security Council,\n\n"
     "Deeply disturbed by the prevalence of incidents of\nhostage-taking and abduction,\n\n"
     "Recalling its resolutions 579 (1985) of 18 December\n1985 and 618 (1988) of 29 July 1988 condemning all acts\n"
     "of hostage-taking and abduction,\n", None),
    ("Resolution 772 (1992)\nof 17 August 1992\n\nThe Security Council,\n\n"
     "Reaffirming its resolution 765 (1992) of 16 July 1992,\n", "1992-08-17"),
])
def test_a_date_in_a_resolutions_text_is_not_its_date(head: str, date: str | None) -> None:
    doc = unref.parse(text=head + "\n1. Decides to remain seized of the matter.\n")
    assert doc.metadata.date == date
    recalling = next(p for p in doc.paragraphs if "618 (1988)" in p.text or "765 (1992)" in p.text)
    assert recalling.kind != "masthead"  # the line stays in its paragraph
    assert "(1985) of 18 December 1985 and 618" in recalling.text or "Reaffirming its" in recalling.text


def test_a_typed_date_whose_year_stands_apart() -> None:
    # S/23777's extracted text: the typewritten date's year on a line of its own.
    text = ("Security Council\n\nDistr.\nGENERAL\n\nS/23777\n2 April\n\n1992\n\nORIGINAL: ENGLISH\n\n"
            "REPORT OF THE SECRETARY-GENERAL PURSUANT TO SECURITY COUNCIL\nRESOLUTION 743 (1992)\n\n"
            "1. In paragraph 4 of its resolution 743 (1992), the Council requested a report.\n")
    md = unref.parse(text=text).metadata
    assert (md.symbols, md.date) == (["S/23777"], "1992-04-02")


def test_a_symbol_under_the_original_line_is_page_art() -> None:
    # E/2025/8's extracted text: "E/25", the logo of the Council's 2025 session, under "Original: English".
    text = ("E/2025/8\n\nUnited Nations\n\nEconomic and Social Council\n\nDistr.: General\n3 January 2025\n"
            "Original: English\n\nE/25\n\n2025 session\n25 July 2024–30 July 2025\nItem 10 of the provisional agenda*\n"
            "Development Cooperation Forum\n\nTrends and progress in international development cooperation\n"
            "Report of the Secretary-General\n\n" + LETTER_BODY)
    md = unref.parse(text=text).metadata
    assert md.symbols == ["E/2025/8"]
    assert md.sessions == {"Economic and Social Council": "2025 session"}


@pytest.mark.parametrize(("line", "ends"), [
    ("du Conseil des droits de l’homme*", True),
    ("OF THE ANNEX TO HUMAN RIGHTS COUNCIL RESOLUTION 5/1 *", True),
    ("Summary of Stakeholders’ submissions on Italy**", True),
    ("Rapport national présenté conformément au", False),
    ("*", False),
])
def test_ends_with_marker(line: str, ends: bool) -> None:
    assert _ends_with_marker(line) is ends


def test_a_title_ends_at_its_notes_marker() -> None:
    # A/HRC/WG.6/7/ITA/1 in French: the State's name under the title is no part of it.
    text = ("Nations Unies\nA/HRC/WG.6/7/ITA/1\n\nAssemblée générale\nDistr. générale\n16 novembre 2009\nFrançais\n"
            "Original: anglais\n\nConseil des droits de l’homme\nGroupe de travail sur l’Examen périodique universel\n"
            "Septième session\nGenève, 8-19 février 2010\n\nRapport national présenté conformément au\n"
            "paragraphe 15 a) de l’annexe à la résolution 5/1\ndu Conseil des droits de l’homme*\nItalie\n\n"
            "1. Le présent rapport a été établi par le Gouvernement italien.\n")
    assert unref.parse(text=text).metadata.title == (
        "Rapport national présenté conformément au paragraphe 15 a) de l’annexe à la résolution 5/1 du Conseil des"
        " droits de l’homme")


@pytest.mark.parametrize(("line", "is_symbol"), [
    ("ICCD/COP(16)/1", True),
    ("ICCD/CRIC(22)/2", True),
    ("A/79/359–S/2024/684", True),
    ("S/RES/1445 (2002)", True),
    ("A/HRC/WG.6/7/ITA/1", True),
    ("Committee (16)/1", False),
    ("Distr.: General", False),
])
def test_symbol_line(line: str, is_symbol: bool) -> None:
    assert bool(SYMBOL_LINE_RE.match(line)) is is_symbol


@pytest.mark.parametrize(("line", "is_job"), [
    ("25-05010X (E)", True),  # DP/2025/14: a letter after the digits
    ("25-05010X (E) 080425", True),
    ("25-02826* (E)", True),
    ("GE.19-13879(E)", True),
    ("25-02826 (E)", True),
    ("2025-05-01", False),
    ("Item 10", False),
])
def test_job_number_line(line: str, is_job: bool) -> None:
    assert bool(JOB_NUMBER_RE.match(line)) is is_job


def test_a_job_number_with_a_letter_is_page_furniture() -> None:
    text = ("DP/2025/14\n\nUnited Nations\n\nExecutive Board of the\nUnited Nations Development\nProgramme, the United"
            " Nations\nPopulation Fund and the\nUnited Nations Office for\nProject Services\n\nDistr.: General\n"
            "7 April 2025\nOriginal: English\n\nAnnual session 2025\n\nAnnual report on evaluation, 2024\n\n"
            + LETTER_BODY + "\n25-05010X (E)\n\n080425\n\f")
    doc = unref.parse(text=text)
    assert doc.metadata.job_number == "25-05010X (E)"
    assert not any("25-05010X" in p.text for p in doc.paragraphs if p.kind != "masthead")


@pytest.mark.parametrize(("line", "adopted"), [
    ("Adopted by the Security Council at its 3102nd meeting on 30 July 1992", True),
    ("Adopted by the Security Council at its 3123rd meeting, on 13 October 1992", True),
    ("Adopted unanimously by the General Assembly at its 103rd plenary meeting, on 20 June 2025", True),
    ("Recalling its resolutions 425 (1978) and 426 (1978) of 19 March 1978,", False),
    ("The Council met at its 3102nd meeting on 30 July 1992 to consider the item", False),
])
def test_adopted_on(line: str, adopted: bool) -> None:
    m = DATE_RE.search(line)
    assert m is not None
    assert _adopted_on(line, m) is adopted


@pytest.mark.parametrize(("head", "symbol", "date"), [
    # The adoption line on one line, longer than a masthead's date line.
    ("RESOLUTION 768 (1992)\n\nAdopted by the Security Council at its 3102nd meeting on 30 July 1992\n\n"
     "The Security Council,\n", "S/RES/768 (1992)", "1992-07-30"),
    # The heading's year lost, or misread by OCR: the date under it gives it.
    ("Resolution 290\nof 8 December 1970\n\nThe Security Council,\n", "S/RES/290 (1970)", "1970-12-08"),
    ("Resolution 434 (1973)\nof 18 September 1978\n\nThe Security Council,\n", "S/RES/434 (1978)", "1978-09-18"),
    # The month misread by OCR.
    ("Resolution 687 (1991)\nof 3 Apri] 1991\n\nThe Security Council,\n", "S/RES/687 (1991)", "1991-04-03"),
    ("RESOLUTION 856 (1993)\n\nAdopted by the Security Council at its 3263rd meeting,\non 10 Auqust 1993\n\n"
     "The Security Council,\n", "S/RES/856 (1993)", "1993-08-10"),
])
def test_resolution_heads_of_the_yearly_volumes(head: str, symbol: str, date: str) -> None:
    md = unref.parse(text=head + "\nRecalling its resolution 425 (1978),\n\n1. Decides to remain seized.\n").metadata
    assert (md.symbols, md.date, md.doc_type) == ([symbol], date, "resolution")


@pytest.mark.parametrize(("year", "of_date", "expected"), [
    ("1993", "of 29 July 1993", "1993"),
    (None, "of 8 December 1970", "1970"),
    ("1973", "of 18 September 1978", "1978"),  # one digit apart: OCR
    ("1946", "of 17 May 1958", "1946"),  # two digits apart: the heading stands
    ("1993", None, "1993"),
    (None, None, None),
])
def test_adoption_year(year: str | None, of_date: str | None, expected: str | None) -> None:
    assert _adoption_year(year, of_date) == expected


@pytest.mark.parametrize(("word", "month"), [
    ("Apri]", 4), ("N:,srember", 11), ("Septernber", 9), ("0ctober", 10), ("Fehruary", 2), ("avri1", 4),
    ("session", None), ("Council", None), ("ENGLISH", None),
])
def test_nearest_month(word: str, month: int | None) -> None:
    assert _nearest_month(word) == month


@pytest.mark.parametrize(("symbol", "date", "expected"), [
    ("S/1935/987", "1995-11-23", "S/1995/987"),  # S/1995/987's extracted text
    ("S/2007/768", "2008-01-03", "S/2007/768"),  # issued in the next year: as printed
    ("S/1935/987", "2005-11-23", "S/1935/987"),  # digits apart: as printed
    ("A/79/796", "2025-02-19", "A/79/796"),
    ("S/1935/987", None, "S/1935/987"),
])
def test_mend_symbol_year(symbol: str, date: str | None, expected: str) -> None:
    assert _mend_symbol_year(symbol, date) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("A / 4 4 / 8 0 6", "A/44/806"),  # A/44/886-S/21029's OCR layer
    ("E / 2 5", "E / 2 5"),  # too short to be told from letters set apart
    ("N A T I O N S", "N A T I O N S"),  # no symbol
    ("S/2025/54", "S/2025/54"),
])
def test_unspaced_symbol(line: str, expected: str) -> None:
    assert _unspaced_symbol(line) == expected


@pytest.mark.parametrize(("line", "nxt", "wrapped"), [
    ("Report of the Special Rapporteur on the situation of human rights defenders,", "Mary Lawlor", True),
    ("Report of the Special Rapporteur on extrajudicial, summary or arbitrary executions,", "Morris Tidball-Binz*",
     True),
    ("Report of the Special Rapporteur on the situation of human rights defenders,", "mary lawlor", False),
    ("Report of the Special Rapporteur on the situation of human rights defenders,", "", False),
    # An agenda item's title that wraps after a comma goes on in a phrase, not a name.
    ("Report of the United Nations High Commissioner for Refugees,", "questions relating to refugees, returnees and",
     False),
    ("Promotion and protection of all human rights, civil,", "Political rights", False),
])
def test_wrapped_byline(line: str, nxt: str, wrapped: bool) -> None:
    assert _wrapped_byline(line, nxt) is wrapped


HRC_REPORT = (
    "United Nations                                                   A/HRC/58/53\n\n"
    "General Assembly                                    Distr.: General\n"
    "                                                    20 December 2024\n\n"
    "                                                    Original: English\n\n"
    "Human Rights Council\nFifty-eighth session\n24 February–4 April 2025\nAgenda item 3\n"
    "Promotion and protection of all human rights, civil,\npolitical, economic, social and cultural rights,\n"
    "including the right to development\n\n"
    "                Human rights defenders working in conflict and\n                post-conflict situations\n\n"
    "                Report of the Special Rapporteur on the situation of human rights defenders,\n"
    "                Mary Lawlor\n\n"
    "  Summary\n"
    "                In the present report, the Special Rapporteur examines the situation of defenders.\n"
)


def test_a_rapporteurs_byline_that_names_its_author_after_a_comma() -> None:
    md = unref.parse(text=HRC_REPORT).metadata
    assert md.title == "Human rights defenders working in conflict and post-conflict situations"
    assert md.agenda_titles == ["Promotion and protection of all human rights, civil, political, economic, social"
                                " and cultural rights, including the right to development"]
    assert md.doc_type == "report"


def test_an_annotated_agenda_names_itself() -> None:
    # A commission's working party: the title ends at its markers, above the line on where the session is held.
    text = ("ECE/TRANS/WP.29/2025/1\n\nUnited Nations\n\nEconomic and Social Council\n\nDistr.: General\n"
            "10 January 2025\nOriginal: English\n\nEconomic Commission for Europe\nInland Transport Committee\n"
            "World Forum for Harmonization of Vehicle Regulations\n195th session\nGeneva, 4-7 March 2025\n"
            "Item 1 of the provisional agenda\nAdoption of the agenda\n\n"
            "Annotated provisional agenda for the 195th session*,**\n"
            "to be held at the Palais des Nations, Geneva, starting at 10 a.m. on Tuesday, 4 March 2025\n\n"
            "I. Provisional agenda\n1. Adoption of the agenda.\n2. Coordination and organization of work.\n")
    md = unref.parse(text=text).metadata
    assert (md.doc_type, md.title) == ("agenda", "Annotated provisional agenda for the 195th session")
    assert md.organs == ["Economic and Social Council", "Economic Commission for Europe"]


def test_a_treaty_bodys_subject_over_its_first_paragraph() -> None:
    text = ("CRC/C/ITA/CO/7\n\nUnited Nations\n\nConvention on the Rights\nof the Child\n\nDistr.: General\n"
            "25 February 2025\nOriginal: English\n\nCommittee on the Rights of the Child\n"
            "Concluding observations on the combined seventh periodic\nreport of Italy*\n\n"
            "1. The Committee considered the combined seventh periodic report of Italy at its 2850th meeting.\n")
    md = unref.parse(text=text).metadata
    assert md.title == "Concluding observations on the combined seventh periodic report of Italy"
    assert (md.organs, md.date) == (["Committee on the Rights of the Child"], "2025-02-25")


def test_a_typewritten_letters_title_in_capitals() -> None:
    # The typewritten masthead of 1946-1995 (issue 11): "UNITED NATIONS / Security Council / Distr. GENERAL /
    # S/24090 / 3 June 1992 / ORIGINAL: ENGLISH", the letter's title in capitals over three lines.
    text = ("UNITED\nNATIONS\n\nSecurity Council\n\nDistr.\nGENERAL\n\nS/24090\n3 June 1992\n\nORIGINAL: ENGLISH\n\n"
            "LETTER DATED 2 JUNE 1992 FROM THE PERMANENT REPRESENTATIVE OF\n"
            "AUSTRIA TO THE UNITED NATIONS ADDRESSED TO THE PRESIDENT OF THE\nSECURITY COUNCIL\n\n"
            "I have the honour to transmit herewith the text of a statement issued on 1 June 1992.\n")
    md = unref.parse(text=text).metadata
    assert (md.symbols, md.date, md.doc_type) == (["S/24090"], "1992-06-03", "letter")
    assert md.title == ("LETTER DATED 2 JUNE 1992 FROM THE PERMANENT REPRESENTATIVE OF AUSTRIA TO THE UNITED NATIONS"
                        " ADDRESSED TO THE PRESIDENT OF THE SECURITY COUNCIL")
    assert md.addressee == "PRESIDENT OF THE SECURITY COUNCIL"
