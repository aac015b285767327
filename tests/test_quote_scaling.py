"""Quotations in time linear in the text (issue 16): each faster form gives what the form it replaces gave."""

from __future__ import annotations

import pytest
import regex

from unref.model import Paragraph
from unref.quotes import _annexed_addressee, _Covers
from unref.quotes.grammar import _FILLER, _HEARSAY, _TRAILING_DATE_RE, _TRAILING_FILLER_RE

# The pattern as it was: the spaces given back one by one, tried from every one of them.
_BACKTRACKING_FILLER_RE = regex.compile(rf"(?:\s+{_FILLER}|\s+{_HEARSAY}|\s*[,–—-])+\s*$")
_BACKTRACKING_DATE_RE = regex.compile(r"\s+(?:of|dated)\s+\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4}$")
_MASKED = "The Embassy of Pakistan to Afghanistan informed UNAMA in writing that “" + " " * 300 + "” and "


@pytest.mark.parametrize("phrase", [
    _MASKED,  # a quotation masked as a run of spaces: 30 ms a phrase before
    "the Minister has also",
    "the Minister, ",
    "The Israel Defense Forces were reported to have",
    "the Council on 12 May 2020 ",
    "the Council   on 3 ,  -  ",
    "  a an a",
    "the Secretary-General \n",
    "armed",
    "",
    " , ",
    "\t– also\n",
])
def test_trailing_filler_as_before(phrase: str) -> None:
    assert _TRAILING_FILLER_RE.sub("", phrase) == _BACKTRACKING_FILLER_RE.sub("", phrase)


@pytest.mark.parametrize("segment", [
    "Law on the Protection of Military Graves of 10 January 2007",
    "the decree dated  3   May\t1999",
    "the decree dated 3 May 1999\n",
    "He reaffirmed “" + " " * 300 + "” of 3 May 2020",  # a masked quotation before the date
    "He reaffirmed “" + " " * 300 + "” to resolution 2231 (2015)",
    "of 10 January 2007",
    "the law of10 January 2007",
    "the law of 10 january 2007",
])
def test_trailing_date_as_before(segment: str) -> None:
    assert _TRAILING_DATE_RE.sub("", segment) == _BACKTRACKING_DATE_RE.sub("", segment)


def _paragraphs(kinds_and_texts: list[tuple[str, str]]) -> list[Paragraph]:
    return [Paragraph(id=f"p{k}", kind=kind, text=text, page=1) for k, (kind, text) in enumerate(kinds_and_texts)]


_TO_TOM = "Please find attached a letter delivered to Tom Fletcher, Under-Secretary-General (see annex)."
_TO_YOU = "I have the honour to transmit herewith the letter of the Minister addressed to you."
_TO_SG = "I transmit a letter dated 3 May 2025 addressed to the Secretary-General (see annex)."


@pytest.mark.parametrize("paragraphs", [
    [("body", _TO_TOM), ("annex_title", "Annex"), ("body", "Text."), ("annex_title", "Annex II")],
    [("body", _TO_TOM), ("annex_title", "Annex"), ("body", _TO_YOU), ("annex_title", "Annex II")],
    [("quote", _TO_TOM), ("annex_title", "Annex"), ("body", _TO_SG), ("body", "Text."), ("annex_title", "Annex")],
    [("annex_title", "Annex"), ("body", "Text."), ("annex_title", "Annex II")],  # no cover names one
    [("body", _TO_SG), ("body", _TO_TOM), ("heading", _TO_YOU), ("annex_title", "Annex")],  # the last body one
])
def test_covers_read_once_answer_as_all_before(paragraphs: list[tuple[str, str]]) -> None:
    paras = _paragraphs(paragraphs)
    covers = _Covers(paras)
    for i, p in enumerate(paras):
        if p.kind == "annex_title":
            for addressee in ("President of the Security Council", None):
                assert covers.addressee(i, addressee) == _annexed_addressee(paras[:i], addressee)
