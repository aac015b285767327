"""The layout stage: one interface for both kinds of source, and the text labeller's decisions."""

from __future__ import annotations

import pytest

from unref.layout import (
    _first_page_symbols,
    _foot_zone,
    _label_furniture,
    _label_notes,
    _repeated_at_edges,
    _running_feet_under_rule,
    label_typed_head,
    layout,
)
from unref.model import Line, Page, Source
from unref.read import read_text


def _page(number: int, texts: list[str]) -> Page:
    return Page(number, [Line(t, 100 * number + i, number) for i, t in enumerate(texts)])


def test_a_pdf_keeps_the_labels_its_reader_gave() -> None:
    line = Line("a | b | c", 0, 1, box=(0.0, 0.0, 10.0, 10.0), kind="table")
    source = Source(path=None, text=line.text, pages=[Page(1, [line])], format="pdf", style="pdf")
    assert layout(source) is source
    assert line.kind == "table"


def test_text_is_labelled_here() -> None:
    source = layout(read_text("Body text of the page.\n\n____________\n1 A note.\n"))
    assert [ln.kind for ln in source.pages[0].lines] == ["body", "blank", "separator", "note", "blank"]


@pytest.mark.parametrize(("head", "symbols"), [
    (["United Nations", "A/81/123 - S/2026/456"], {"A/81/123 - S/2026/456", "A/81/123", "S/2026/456"}),
    (["United Nations", "S/2025/999"], {"S/2025/999"}),
    (["United Nations", "Security Council"], set()),
    (["1", "2", "3", "4", "5", "S/2025/999"], set()),  # below the head zone
])
def test_first_page_symbols(head: list[str], symbols: set[str]) -> None:
    assert _first_page_symbols(_page(1, head)) == symbols


@pytest.mark.parametrize(("pages", "running"), [
    ([["S/2025/1", "Text one."], ["S/2025/1", "Text two."]], {"S/2025/1"}),
    ([["7", "Text one."], ["7", "Text two."]], set()),  # bare numbers are never running heads
    ([["S/2025/1", "Text one."], ["Text two."]], set()),  # on one page only
])
def test_repeated_at_edges(pages: list[list[str]], running: set[str]) -> None:
    source = Source(path=None, text="", pages=[_page(i + 1, p) for i, p in enumerate(pages)])
    assert _repeated_at_edges(source) == running


@pytest.mark.parametrize(("texts", "numbered", "kinds"), [
    (["Text.", "25-02826 (E)"], False, ["body", "furniture"]),
    (["Text.", "3"], True, ["body", "furniture"]),  # the page's own number where pages are numbered
    (["Text.", "3"], False, ["body", "body"]),  # else a number may be a note's label or a sum
    (["Text.", "4"], True, ["body", "body"]),  # another page's number
])
def test_label_furniture(texts: list[str], numbered: bool, kinds: list[str]) -> None:
    page = _page(3, texts)
    _label_furniture(page.lines, 3, numbered)
    assert [ln.kind for ln in page.lines] == kinds


@pytest.mark.parametrize(("texts", "dump", "kinds"), [
    (["Text.", "__________", "1 A note."], False, ["body", "separator", "note"]),
    (["Text.", "__________", "https://un.org/x"], True, ["body", "separator", "links"]),
    (["Text.", "__________", "https://un.org/x"], False, ["body", "separator", "note"]),
    (["Text.", "1 Not a note."], False, ["body", "body"]),  # no rule: no notes
])
def test_label_notes(texts: list[str], dump: bool, kinds: list[str]) -> None:
    page = _page(1, texts)
    _label_notes(page.lines, dump)
    assert [ln.kind for ln in page.lines] == kinds


@pytest.mark.parametrize(("texts", "below", "rest"), [
    (["Text.", "More text.", "____________", "1 A note.", "25-04516"], ["1 A note.", "25-04516"],
     ["More text.", "____________"]),
    (["____________", "1", "A note.", "25-04516", "13/27"], ["1", "A note.", "25-04516", "13/27"], []),  # rule above
    (["Text.", "More text.", "Yet more.", "25-04516"], [], ["Text.", "More text.", "Yet more.", "25-04516"]),
])
def test_foot_zone(texts: list[str], below: list[str], rest: list[str]) -> None:
    got = _foot_zone(_page(1, texts).lines)
    assert ([ln.text for ln in got[0]], [ln.text for ln in got[1]]) == (below, rest)


@pytest.mark.parametrize(("pages", "feet"), [
    # a note printed on two pages of six is no running foot below the rule
    ([["Adopted at its 10th meeting."]] * 2 + [[]] * 4, set()),
    # a foot on every page is
    ([["Report of the Board"]] * 6, {"Report of the Board"}),
    ([["Report of the Board"]] * 2, set()),  # two pages are not enough
])
def test_running_feet_under_rule(pages: list[list[str]], feet: set[str]) -> None:
    source = Source(path=None, text="", pages=[_page(i + 1, [f"Text of page {i}.", *p]) for i, p in enumerate(pages)])
    assert _running_feet_under_rule(source, _repeated_at_edges(source)) == feet


def test_a_note_printed_on_two_pages_stays_a_note() -> None:
    page = "Body text of page {n}.1\n\n____________\n1\n\nAdopted at its 10th plenary meeting.\n{n}/6\n"
    source = layout(read_text("\f".join(page.format(n=n) for n in (1, 2)) + "\f" + "Text.\n\f" * 4))
    kinds = [[ln.kind for ln in p.lines if ln.text.startswith("Adopted")] for p in source.pages[:2]]
    assert kinds == [["note"], ["note"]]


@pytest.mark.parametrize(("texts", "furniture"), [
    (["A/44/886", "S/21029", "English", "Page 2", "political"], ["A/44/886", "S/21029", "English", "Page 2"]),
    (["A/44/006", "s/21029", "English", "Page 4", "9."], ["A/44/006", "s/21029", "English", "Page 4"]),  # OCR damage
    (["E/ICEF/672 (Deuxième partie)", "Français", "Page 2", "TABLE"], ["E/ICEF/672 (Deuxième partie)", "Français",
                                                                      "Page 2"]),
    (["English", "The text goes on"], []),  # a language alone, over no page number: the walk from the edge decides
    (["Introduction", "English", "Page 2"], ["English", "Page 2"]),  # only symbols go with the language
])
def test_label_typed_head(texts: list[str], furniture: list[str]) -> None:
    page = _page(2, texts)
    for line in page.lines:
        line.kind = "furniture" if line.text.startswith("Page") else "body"
    label_typed_head(page.lines)
    assert [ln.text for ln in page.lines if ln.kind == "furniture"] == furniture
