"""Punctuation an old OCR layer misread: the steps and their decisions, one table each."""

from __future__ import annotations

import pytest

from unref.repair import _guillemet_open, _guillemet_reading, repair_text


@pytest.mark.parametrize(("text", "expected"), [
    # E/ICEF/672 (Part II), an old OCR layer: the full stop and the comma after a year read as "»".
    ("(OCDE) en juin 1979» Dans le cadre des Nations Unies", "(OCDE) en juin 1979. Dans le cadre des Nations Unies"),
    ("En décembre 1979» le FISE et la CEPAL", "En décembre 1979, le FISE et la CEPAL"),
    ("(E/ICEF/67O, par. 206 et 207)» dénommé ci-après", "(E/ICEF/67O, par. 206 et 207), dénommé ci-après"),
    # A real closing guillemet: its "«" is open before it (Spanish and French alike).
    ("le principe de l’«égalité des armes» entre", "le principe de l’«égalité des armes» entre"),
    ("el llamado «acuerdo marco» de paz", "el llamado «acuerdo marco» de paz"),
    # French spacing: the space before "»" says it closes a quotation.
    ("« les droits » et", "« les droits » et"),
    # An Arabic font's comma, encoded as "»" (S/2025/354): the Arabic comma.
    ("ومرحلة بناء السلام» ويغطي التقرير", "ومرحلة بناء السلام، ويغطي التقرير"),
    # No word after it (a table's figures, the paragraph's end): what it stood for is unknown.
    ("21» 200", "21» 200"),
    ("en 1977»", "en 1977»"),
])
def test_guillemet_for_punctuation(text: str, expected: str) -> None:
    assert repair_text(text, "fr") == expected


@pytest.mark.parametrize(("text", "pos", "expected"), [
    ("«a b", 4, True),
    ("«a» b", 5, False),
    ("a b", 3, False),
    ("«a» «b", 6, True),
])
def test_guillemet_open(text: str, pos: int, expected: bool) -> None:
    assert _guillemet_open(text, pos) is expected


@pytest.mark.parametrize(("letter", "expected"), [("D", "."), ("É", "."), ("l", ","), ("é", ","), ("و", "،")])
def test_guillemet_reading(letter: str, expected: str) -> None:
    assert _guillemet_reading(letter) == expected
