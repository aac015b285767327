"""The pages in a real browser on the real documents of ../shared/corpus/dev (skipped when it is absent).

The whole dev folder is ingested once (PDFs and texts, two worker processes), then served;
the tests search it and page through the hits, read a footnote at its marker, follow a
citation between letters, draw the neighbourhood of Security Council resolution 822 (1993),
walk a correspondence thread, open the original PDF at a page, and check that real documents
(long web addresses in footnotes) fit a phone's screen. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_kit import SKIPS, Tab, browser_fixture, serving, tab_fixture  # noqa: F401  (fixtures)
from conftest import shared_path
from unref.corpus.ingest import ingest
from unref.corpus.store import open_store

pytestmark = SKIPS


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Ingest the dev corpus into a fresh SQLite store and serve it; yield the base URL."""
    dev = shared_path("corpus", "dev").resolve()
    url = f"sqlite:///{tmp_path_factory.mktemp('dev-corpus') / 'dev.db'}"
    with open_store(url) as store:
        result = ingest([dev], store, workers=2)
    assert result.added >= 300, result
    with serving(url) as base:
        yield base


def _hrefs(page: Any) -> list[str]:
    links = page.locator("li.hit a.symbol")
    return [links.nth(i).get_attribute("href") + "|" + page.locator("li.hit .snippet").nth(i).inner_text()
            for i in range(links.count())]


def test_search_pages_through_real_documents(tab: Tab) -> None:
    page = tab.go("/search")
    page.fill("#q", "humanitarian")
    page.click("form.search button[type=submit]")
    page.wait_for_url("**/search?q=humanitarian*")
    first = _hrefs(page)
    assert len(first) == 20
    assert page.locator("li.hit mark").count() >= 20
    assert page.locator(".facet li a", has_text="Security Council").count() >= 1
    tab.shot("dev-search")
    page.locator("a[rel=next]").click()
    page.wait_for_url("**after=*")
    second = _hrefs(page)
    assert second and not set(first) & set(second)  # keyset pages: nothing shown twice
    page.locator("li.hit a.symbol").first.click()
    page.wait_for_url("**/documents/**")
    assert page.locator("article .p").count() > 3


def test_read_a_real_footnote(tab: Tab) -> None:
    page = tab.go("/documents/A/79/796")
    note = page.locator("details.fn").first
    body = note.locator(".fn-body")
    assert not body.is_visible()
    note.locator("summary").click()
    assert body.is_visible() and "x.com/NasimiAghayev" in body.inner_text()
    assert page.locator("section.notes").inner_text().count("See") >= 5  # every note listed at the end too
    tab.shot("dev-document-footnote", full=False)


def test_follow_a_citation_between_letters_and_open_the_pdf_page(tab: Tab) -> None:
    page = tab.go("/documents/S/2025/260")
    assert "United Arab Emirates" in page.locator("h1").inner_text()
    page_link = page.locator("a.pg").first
    href = page_link.get_attribute("href")
    assert href is not None and href.startswith("/documents/S/2025/260/source#page=")
    pdf = page.request.get(tab.base + href.split("#")[0])
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    page.locator("a.cite.local", has_text="S/2025/239").first.click()
    page.wait_for_url("**/documents/S/2025/239")
    assert "S/2025/239" in page.locator("article .symbols").inner_text()


def test_the_neighbourhood_of_resolution_822(tab: Tab) -> None:
    page = tab.go("/documents/S/RES/822%20(1993)/graph")
    svg = page.locator("svg#graph")
    nodes = svg.locator("g.node")
    labels = {nodes.nth(i).get_attribute("data-symbol") for i in range(nodes.count())}
    assert {"S/RES/822 (1993)", "S/RES/853 (1993)", "S/RES/874 (1993)", "S/RES/884 (1993)"} <= labels
    assert page.locator("table").first.locator("tbody tr").count() >= 3
    cy = page.locator("#cy")
    page.wait_for_function("document.getElementById('cy').dataset.rendered !== undefined")
    assert int(cy.get_attribute("data-rendered") or 0) == nodes.count()
    tab.shot("dev-graph")


def test_a_real_thread(tab: Tab) -> None:
    page = tab.go("/documents/S/2025/260/thread")
    letters = page.locator("ol.thread li a.symbol")
    shown = [letters.nth(i).inner_text() for i in range(letters.count())]
    assert shown[:3] == ["S/2025/239", "S/2025/260", "S/2025/277"]
    tab.shot("dev-thread")


@pytest.mark.parametrize("path", ["/documents/A/79/796", "/documents/S/2025/260", "/documents/S/RES/822%20(1993)",
                                  "/search?q=resolution"])
def test_real_pages_fit_a_phone(browser: Any, server: str, path: str) -> None:
    phone = Tab(browser, server, width=390, height=844)
    try:
        page = phone.go(path)
        for details in page.locator("details.fn").all()[:10]:  # open notes must fit too
            details.locator("summary").click()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
        if path == "/documents/A/79/796":
            phone.shot("dev-phone-document")
    finally:
        phone.close()


def test_documents_without_a_masthead_are_named_by_symbol(server: str) -> None:
    import json
    from urllib.request import urlopen

    with urlopen(f"{server}/api/documents/S/RES/853%20(1993)") as response:  # a plain text resolution
        record = json.load(response)
    assert record["symbols"] == ["S/RES/853 (1993)"] and record["doc_type"] == "resolution"
    assert Path(record["source"]).name == "S_RES_853_1993.en.txt"
