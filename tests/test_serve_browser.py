"""The pages in a real browser: Playwright drives Debian's chromium against the app served on loopback.

Covers searching (hits by document, sorted by date, downloaded as CSV and JSON), opening a
document, reading a footnote at its marker, the PDF beside the text with the paragraph in view
and a citation highlighted, citing a document, following a citation, the citation graph (at a
phone's width too), the thread of a letter, a phone-sized screen, and document text that holds
markup (it must show as text, and no script may run). Every request the pages make must go to
the app itself, and the console must show no Content-Security-Policy error. Screenshots go to
test-artifacts/.

The browser and the server come from browser_kit.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
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


# ---------------------------------------------------------------------------
# Issue 14: the document page (the PDF beside the text, highlights, notes, citing), grouped search with export,
# and the graph on a phone.


def test_document_page_shows_the_pdf_beside_the_text(browser: Any, server: str) -> None:
    wide = Tab(browser, server, width=1500, height=900)
    try:
        page = wide.go("/documents/S/2025/999")
        page.wait_for_selector("#pdf-pane[data-ready]")
        svg = page.locator("svg#pdf-page")
        assert svg.is_visible() and svg.get_attribute("data-page") == "1"
        assert svg.locator("image").get_attribute("href") == "/documents/S/2025/999/pages/1.png"
        assert page.evaluate("document.querySelector('svg#pdf-page image').getBBox().width") > 0
        first = svg.get_attribute("data-shown")
        assert first and int(svg.get_attribute("data-marks") or 0) >= 1  # the paragraph in view, highlighted
        rect, frame = svg.locator("rect.hl").first.bounding_box(), svg.bounding_box()
        assert rect and frame and frame["x"] <= rect["x"] < frame["x"] + frame["width"]
        text, pane = page.locator("article.document").bounding_box(), page.locator("#pdf-pane").bounding_box()
        assert text and pane and pane["x"] >= text["x"] + text["width"] - 1  # beside the text, not under it
        # A paragraph of page 2 pointed at by the address: the pane turns to page 2 and highlights it.
        placed = page.request.get(server + "/documents/S/2025/999/boxes.json").json()["paragraphs"]
        second = next(p for p, boxes in placed.items() if boxes and {b[0] for b in boxes} == {2})
        page.evaluate(f"window.location.hash = '#{second}'")
        page.wait_for_selector(f"svg#pdf-page[data-shown='{second}']")  # (a selector: the policy forbids eval)
        assert svg.get_attribute("data-page") == "2"
        assert svg.locator("image").get_attribute("href") == "/documents/S/2025/999/pages/2.png"
        page.wait_for_selector("svg#pdf-page[data-loaded='2']")  # the page's image, drawn
        assert page.locator("#pdf-open").get_attribute("href") == "/documents/S/2025/999/source#page=2"
        assert svg.locator("rect.hl.para").count() >= 1
        # Every footnote is listed, and the document cites itself plainly.
        assert page.locator("section.notes li").count() == len(
            page.request.get(server + "/documents/S/2025/999.json").json()["footnotes"]) >= 1
        assert page.locator("a.undocs").first.get_attribute("href") == "https://undocs.org/en/S/2025/999"
        page.locator("details.cite-this summary").click()
        reference = page.locator("#reference").input_value()
        assert "S/2025/999" in reference and "https://undocs.org/en/S/2025/999" in reference
        assert page.locator("a.record-json").get_attribute("href") == "/documents/S/2025/999.json"
        page.evaluate(f"document.getElementById('{second}').scrollIntoView()")
        wide.shot("document-pdf", full=False)
    finally:
        wide.close()


def test_a_citation_is_highlighted_on_the_page(browser: Any, server: str) -> None:
    wide = Tab(browser, server, width=1500, height=900)
    try:
        page = wide.go("/documents/S/2025/999")
        page.wait_for_selector("#pdf-pane[data-ready]")
        note = page.locator(".text details.fn", has=page.locator("[data-c]")).first
        note.locator("summary").click()  # the citation stands in a note: open it at its marker
        cite = note.locator("[data-c]").first
        cite.hover()
        svg = page.locator("svg#pdf-page")
        page.wait_for_selector("svg#pdf-page rect.hl.cite.current")
        boxes = page.request.get(server + "/documents/S/2025/999/boxes.json").json()
        n = int(cite.get_attribute("data-c") or -1)
        assert svg.get_attribute("data-page") == str(boxes["citations"][n][0][0])
        wide.shot("document-citation", full=False)
    finally:
        wide.close()


def test_a_document_without_its_pdf_says_so(tab: Tab) -> None:
    page = tab.go("/documents/S/2026/1")
    assert "read from extracted text, not a PDF" in page.locator(".pdf-missing").inner_text()
    assert page.locator("svg#pdf-page").count() == 0


def test_search_groups_by_document_and_exports(tab: Tab) -> None:
    page = tab.go("/search?q=valley")
    groups = page.locator("li.hit")
    symbols = [groups.nth(i).locator("a.symbol").inner_text() for i in range(groups.count())]
    assert len(symbols) == len(set(symbols)) >= 5  # each document once
    shown = page.locator("li.hit .passage").count()
    assert shown >= len(symbols) and page.locator(".results-head .summary").inner_text().startswith(f"{shown} passage")
    assert page.locator("li.hit .passage a.where").first.inner_text().startswith(("para.", "note"))
    page.select_option("select[name=sort]", "date")
    page.click("form.search button[type=submit]")
    page.wait_for_url("**sort=date*")
    dates = [d.split(" · ")[0] for d in page.locator("li.hit .meta").all_inner_texts()]
    assert dates == sorted(dates, reverse=True)
    by_date = page.locator("li.hit a.symbol").all_inner_texts()
    assert sorted(by_date) == sorted(symbols)
    tab.shot("search-grouped")
    with page.expect_download() as download:
        page.locator("a.export-csv").click()
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("symbol,symbols,title,date") and len(lines) - 1 >= shown
    with page.expect_download() as download:
        page.locator("a.export-json").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["sort"] == "date" and [g["symbol"] for g in data["results"]] == by_date


def test_graph_at_phone_width(browser: Any, server: str) -> None:
    phone = Tab(browser, server, width=390, height=844)
    try:
        page = phone.go("/documents/S/2026/1/graph")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        svg = page.locator("svg#graph-narrow")
        assert svg.is_visible() and not page.locator("svg#graph").is_visible()
        box = svg.bounding_box()
        assert box is not None and box["width"] <= 390
        labels = svg.locator("g.node text")
        assert labels.count() == svg.locator("g.node").count() >= 5
        sizes = [float(x) for x in page.evaluate(
            "[...document.querySelectorAll('svg#graph-narrow g.node text')]"
            ".map(t => t.getBoundingClientRect().height)")]
        assert min(sizes) >= 11  # readable: labels at least 11 px high on the phone's screen
        for i in range(labels.count()):  # no label runs off the screen
            b = labels.nth(i).bounding_box()
            assert b is not None and b["x"] >= 0 and b["x"] + b["width"] <= 391, labels.nth(i).inner_text()
        phone.shot("phone-graph")
    finally:
        phone.close()


def test_a_note_pointed_at_is_shown_on_its_page(browser: Any, server: str) -> None:
    wide = Tab(browser, server, width=1500, height=900)
    try:
        page = wide.go("/documents/S/2025/999#fn:3")  # note 3 stands at the foot of page 2
        page.wait_for_selector("svg#pdf-page[data-shown='fn:3']")
        assert page.locator("svg#pdf-page").get_attribute("data-page") == "2"
        assert page.locator("svg#pdf-page rect.hl.para").count() >= 1
    finally:
        wide.close()
