"""The pages in a real browser: Playwright drives Debian's chromium against the app served on loopback.

Covers searching, opening a document, reading a footnote at its marker, following a
citation, the citation graph, the thread of a letter, a phone-sized screen, and document
text that holds markup (it must show as text, and no script may run). Every request the
pages make must go to the app itself. Screenshots go to test-artifacts/.

The browser and the server come from browser_kit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from browser_kit import SKIPS, Tab, browser_fixture, serving, tab_fixture  # noqa: F401  (fixtures)
from serve_fixtures import HOSTILE, shared_store

pytestmark = SKIPS


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the fixture corpus; yield its base URL."""
    with serving(shared_store(tmp_path_factory)) as base:
        yield base


def test_search_and_open_a_document(tab: Tab) -> None:
    page = tab.go("/search")
    page.fill("#q", "valley")
    page.click("form.search button[type=submit]")
    page.wait_for_url("**/search?q=valley*")
    hits = page.locator("li.hit a.symbol")
    assert {hits.nth(i).inner_text() for i in range(hits.count())} >= {"S/2026/1", "S/2026/2", "A/81/5"}
    assert page.locator("mark", has_text="valley").count() >= 3
    tab.shot("search")
    page.locator(".facet li a", has_text="Resolution").click()
    page.wait_for_url("**type=resolution*")
    assert {hits.nth(i).inner_text() for i in range(hits.count())} == {"S/RES/2799 (2026)"}
    page.locator("li.hit a.symbol").first.click()
    page.wait_for_url("**/documents/S/RES/2799%20(2026)*")
    assert "2799" in page.locator("article .symbols").inner_text()


def test_read_a_footnote(tab: Tab) -> None:
    page = tab.go("/documents/S/2026/1")
    note = page.locator("#p8 details.fn").first
    body = note.locator(".fn-body")
    assert not body.is_visible()
    assert note.locator("summary").get_attribute("title") == "See A/80/999, para. 12."  # shown on hover
    note.locator("summary").click()  # a tap or a click opens it, without script
    assert body.is_visible() and "See A/80/999, para. 12." in body.inner_text()
    tab.shot("document-footnote", full=False)
    quote = page.locator("span.quote").first
    assert "without water" in quote.inner_text()
    assert page.locator("cite.by").first.inner_text() == "Special Rapporteur"


def test_follow_a_citation(tab: Tab) -> None:
    page = tab.go("/documents/S/2026/2")
    external = page.locator("a.cite.external", has_text="resolution 822 (1993)")
    assert external.get_attribute("href") == "https://undocs.org/en/S/RES/822%20(1993)"  # not followed here
    page.locator("#p8 a.cite.local", has_text="S/2026/1").first.click()
    page.wait_for_url("**/documents/S/2026/1")
    assert "Utopia" in page.locator("h1").inner_text()
    tab.shot("document")


def test_graph(tab: Tab) -> None:
    page = tab.go("/documents/S/2026/1/graph")
    svg = page.locator("svg#graph")
    assert svg.is_visible()
    nodes = svg.locator("g.node")
    labels = {nodes.nth(i).get_attribute("data-symbol") for i in range(nodes.count())}
    assert {"S/2026/1", "S/2026/2", "S/2026/3", "S/RES/2799 (2026)", "A/HRC/61/40"} <= labels
    assert svg.locator("path.edge").count() == nodes.count() - 1
    box = svg.locator("g.node.center circle").bounding_box()
    assert box is not None and box["width"] > 0
    rows = page.locator("table").first.locator("tbody tr")
    assert rows.count() == 4  # the citing passages, listed for those who cannot see the drawing
    # The interactive drawing: cytoscape, installed from npm (package.json), renders the same nodes.
    cy = page.locator("#cy")
    if cy.count():
        page.wait_for_function("document.getElementById('cy').dataset.rendered !== undefined")
        assert int(cy.get_attribute("data-rendered") or 0) == nodes.count()
        assert cy.locator("canvas").count() > 0
    tab.shot("graph")
    svg.locator("g.node.citing a", has_text="S/2026/3").click()
    page.wait_for_url("**/documents/S/2026/3")


def test_thread(tab: Tab) -> None:
    page = tab.go("/documents/S/2026/2/thread")
    letters = page.locator("ol.thread li a.symbol")
    assert [letters.nth(i).inner_text() for i in range(3)] == ["S/2026/1", "S/2026/2", "S/2026/3"]
    assert page.locator("li.letter.current a.symbol").inner_text() == "S/2026/2"
    tab.shot("thread")


def test_document_markup_is_text(tab: Tab) -> None:
    page = tab.go("/documents/S/2026/9")
    page.locator("#p8 details.fn summary").click()
    page.wait_for_timeout(100)  # time for a script to run, were there one
    assert HOSTILE in page.locator("#p8").inner_text()
    assert "<b>x</b>" in page.locator("#p8").inner_text()
    assert page.evaluate("document.querySelectorAll('script').length") == 0
    assert page.locator("article b").count() == 0
    assert HOSTILE in page.locator("section.notes").inner_text()
    tab.shot("escaping")
    search = tab.go("/search?q=alert")
    assert HOSTILE in search.locator("li.hit .snippet").first.inner_text()
    assert search.evaluate("document.querySelectorAll('script').length") == 0


def test_phone(browser: Any, server: str) -> None:
    phone = Tab(browser, server, width=390, height=844)
    try:
        for path, name in (("/documents/S/2026/1", "phone-document"), ("/search?q=valley", "phone-search")):
            page = phone.go(path)
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
            phone.shot(name)
        page = phone.go("/documents/S/2025/999")
        link = page.locator("a.pg").first
        assert link.get_attribute("href") == "/documents/S/2025/999/source#page=1"
        pdf = page.request.get(phone.base + "/documents/S/2025/999/source")
        assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    finally:
        phone.close()
