"""The pages in a real browser on the real documents of ../shared/corpus/dev (skipped when it is absent).

The whole dev folder is ingested once (PDFs and texts, two worker processes), then served;
the tests search it and page through the hits (by document), sort them by date and download
them as CSV, read a footnote at its marker, follow a citation between letters, read a letter
beside its PDF with a citation highlighted on the page, draw the neighbourhood of Security
Council resolution 822 (1993) (on a phone too), walk a correspondence thread, open the original
PDF at a page, and check that real documents (long web addresses in footnotes) fit a phone's
screen. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import csv
import io
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
    """Return each passage shown (the hits by document): its link and its snippet."""
    passages = page.locator("li.hit .passage")
    return [passages.nth(i).locator("a.where").get_attribute("href") + "|" + passages.nth(i).locator(
        ".snippet").inner_text() for i in range(passages.count())]


def test_search_pages_through_real_documents(tab: Tab) -> None:
    page = tab.go("/search")
    page.fill("#q", "humanitarian")
    page.click("form.search button[type=submit]")
    page.wait_for_url("**/search?q=humanitarian*")
    first = _hrefs(page)
    assert len(first) == 20  # twenty passages, by document
    symbols = page.locator("li.hit a.symbol").all_inner_texts()
    assert len(symbols) == len(set(symbols))  # each document once on the page
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


def test_search_real_documents_by_date_and_export(tab: Tab) -> None:
    page = tab.go("/search?q=ceasefire&sort=date")
    dates = [d.split(" · ")[0] for d in page.locator("li.hit .meta").all_inner_texts()]
    dated = [d for d in dates if d[:1].isdigit()]
    assert len(dated) >= 5 and dated == sorted(dated, reverse=True) and dates[:len(dated)] == dated  # undated last
    with page.expect_download() as download:
        page.locator("a.export-csv").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)
    assert {r["symbol"] for r in rows} >= set(page.locator("li.hit a.symbol").all_inner_texts())
    tab.shot("dev-search-by-date")


def test_a_real_document_beside_its_pdf(browser: Any, server: str) -> None:
    wide = Tab(browser, server, width=1500, height=950)
    try:
        page = wide.go("/documents/S/2025/260")
        page.wait_for_selector("#pdf-pane[data-ready]", timeout=60_000)  # the PDF is read once for its boxes
        assert page.locator("#pdf-status").inner_text() == ""
        cited = page.locator(".text a.cite.local", has_text="S/2025/239").first
        paragraph = cited.locator("xpath=ancestor::div[contains(@class, 'p ')][1]").get_attribute("id")
        page.evaluate(f"window.location.hash = '#{paragraph}'")
        page.wait_for_selector(f"svg#pdf-page[data-shown='{paragraph}']")
        cited.hover()
        page.wait_for_selector("svg#pdf-page rect.hl.cite.current")
        page_no = page.locator("svg#pdf-page").get_attribute("data-page")
        page.wait_for_selector(f"svg#pdf-page[data-loaded='{page_no}']")
        assert page.locator("section.notes li").count() >= 1
        assert page.locator("a.undocs").first.get_attribute("href") == "https://undocs.org/en/S/2025/260"
        wide.shot("dev-document-pdf", full=False)
    finally:
        wide.close()


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
    page.wait_for_selector("#cy[data-rendered]")  # (a selector: the policy forbids the eval of wait_for_function)
    assert int(cy.get_attribute("data-rendered") or 0) == nodes.count()
    tab.shot("dev-graph")


def test_the_neighbourhood_of_resolution_822_on_a_phone(browser: Any, server: str) -> None:
    phone = Tab(browser, server, width=390, height=844)
    try:
        page = phone.go("/documents/S/RES/822%20(1993)/graph")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        labels = page.locator("svg#graph-narrow g.node text")
        assert labels.count() >= 4 and "S/RES/853 (1993)" in labels.all_text_contents()  # (SVG text: no innerText)
        for i in range(labels.count()):
            box = labels.nth(i).bounding_box()
            assert box is not None and box["height"] >= 11 and box["x"] + box["width"] <= 391
        phone.shot("dev-phone-graph")
    finally:
        phone.close()


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
