"""Masthead rules for documents nobody tuned on (issue 11): the lines are real, from the dev corpus and the
Security Council's resolutions of 1946-1994 (cr-unsc), written as pdftotext prints them."""

from __future__ import annotations

import pytest

import unref
from unref.structure.masthead.reader import _ends_with_marker, _reads_as_date
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
