"""Layout of extracted text, from the survey of the dev corpus's pdftotext variants against their PDFs
(issue 11): a web address that ends a note on two pages is no running foot."""

from __future__ import annotations

import pytest

import unref
from letterhead import HEAD
from unref.layout import _repeats_as_furniture

REPEATS = [
    # (line, pages it stands at the edge of, pages in the document, a running head or foot?)
    ("https://ria.ru/20240430/moldaviya-1943133341.html?ysclid=m6r541wcmk195597052", 2, 116, False),
    ("https://ria.ru/20240430/moldaviya-1943133341.html", 2, 3, False),
    ("www.unep.org", 40, 116, True),  # printed at the foot of a third of the pages
    ("www.unep.org", 3, 4, True),
    ("A/79/924", 2, 116, True),  # any other line repeats as before
    ("Annex", 2, 3, True),
]


@pytest.mark.parametrize(("text", "n", "pages", "running"), REPEATS)
def test_repeats_as_furniture(text: str, n: int, pages: int, running: bool) -> None:
    assert _repeats_as_furniture(text, n, pages) is running


def page(number: int, label: int, body: str) -> str:
    """Return a page whose last note ends with the same web address, the rule dropped as pdftotext may."""
    return (f"{body} sources.{label} The work goes on in the region and the Council is kept informed of it.\n"
            f"{label} See the statement of the Ministry, 30 April 2024, available at\n"
            "https://ria.ru/20240430/moldaviya-1943133341.html\n"
            f"25-08895\n\n{number}/3\n\f")


def test_a_web_address_that_ends_notes_on_two_pages_stays_in_them() -> None:
    text = (HEAD + page(1, 1, "The Government has adopted amendments, as several") + "S/2025/999\n\n"
            + page(2, 2, "The amendments were reported by the press and by other") + "S/2025/999\n\nEnd.\n")
    doc = unref.parse(text=text)
    assert [fn.text.endswith("moldaviya-1943133341.html") for fn in doc.footnotes] == [True, True]
