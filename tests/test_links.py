"""PDF link annotations checked against the citations of the text."""

from __future__ import annotations

import pytest

from unref.cite import check_links
from unref.cite.links import bare_domains, urls
from unref.model import Citation, Document, Metadata, Paragraph

CITED = [Citation("un_symbol", "S/RES/822 (1993)", "p1", 0, 16, target="S/RES/822 (1993)"),
         Citation("un_symbol", "resolution 217 A (III)", "p1", 20, 40, target="A/RES/217 A (III)")]


def _doc(*links: tuple[int, str]) -> Document:
    return Document(source=None, format="pdf", metadata=Metadata(symbols=["A/80/1"]),
                    paragraphs=[Paragraph("p1", "body", "text", 1)], links=list(links))


@pytest.mark.parametrize(("uri", "warned"), [
    ("https://undocs.org/en/S/RES/822%20(1993)", False),  # the link matches a cited symbol
    ("https://undocs.org/S/RES/822(1993)", False),  # spacing and the language part do not matter
    ("https://docs.un.org/EN/A/RES/217(III)", False),  # part letters of resolutions are not compared
    ("https://undocs.org/en/A/80/1", False),  # the document's own symbol
    ("https://undocs.org/en/S/RES/1416%20(2005)", True),  # PACE 1416 (2005) linked to a UN symbol
    ("https://www.example.org/report.pdf", False),  # only links to UN documents are checked
])
def test_link_against_citations(uri: str, warned: bool) -> None:
    warnings = check_links(_doc((1, uri)), CITED)
    assert bool(warnings) is warned
    if warned:
        assert warnings[0].startswith("page 1: link to S/RES/1416 (2005)")


def test_no_links_no_warnings() -> None:
    assert check_links(_doc(), CITED) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # DP/2025/18's note: a domain in parentheses, with no "www." or scheme.
        ("World Bank, processed by Our World in Data - Share of small-scale industries with a loan or line of credit, "
         "2023 (ourworldindata.org)", ["ourworldindata.org"]),
        ("Charles Crawford, Bosnia: the Bonn Powers Crawl Away to Die, available at "
         "charlescrawford.biz/2011/07/05/bosnia-the-bonn-powers-crawl-away-to-die/ (emphasis added).",
         ["charlescrawford.biz/2011/07/05/bosnia-the-bonn-powers-crawl-away-to-die/"]),
        ("Write to info@un.org.", []),  # an e-mail address
        ("See www.un.org/en and https://press.un.org/en.", []),  # addresses found as such, not again
        ("Amazon.com said so.", []),  # a company's name, capitalised
        ("the report.pdf file", []),  # a file's extension is no domain
    ],
)
def test_bare_domains(text: str, expected: list[str]) -> None:
    found = urls(text, "p1")
    bare = bare_domains(text, "p1", [c for c in found if c.target not in expected])
    assert [c.target for c in bare] == expected
