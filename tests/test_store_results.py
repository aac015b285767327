"""Search results for research: hits grouped by document, sorted by relevance or date, exported as CSV or JSON.

Table tests of the decisions (`group_hits`, `sort_groups`, `checked_sort`, the CSV cell guard, the export
format a file name asks for) on hand-made hits; no database is needed.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from unref.corpus.export import _cell, export_results, results_format
from unref.corpus.store import BadFilter, DocumentInfo, Hit
from unref.corpus.store.results import EXPORT_COLUMNS, checked_sort, group_hits, hit_rows, sort_groups
from unref.errors import UnrefError


def doc(id: int, symbol: str | None, date: str | None, format: str = "pdf") -> DocumentInfo:
    """A stored document's facts, as the store gives them."""
    symbols = (symbol,) if symbol else ()
    return DocumentInfo(id, f"h{id}", f"/c/{id}.{format}", symbol, symbols, f"Title {id}", "letter", date, "en",
                        format, 3, "2026-01-01T00:00:00+00:00")


def hit(d: DocumentInfo, ref: str, score: float, page: int | None = 1, snippet: str = "text") -> Hit:
    """A passage found in `d`."""
    return Hit(d, ref, "footnote" if ref.startswith("fn:") else "paragraph", page, score, snippet, ((0, 4),),
               d.id * 100 + len(ref))


A, B, C = doc(1, "S/2025/1", "2025-01-10"), doc(2, "S/2025/2", "2025-03-02"), doc(3, "S/2024/9", None)
A_TEXT = doc(4, "S/2025/1", "2025-01-10", "text")  # the extracted text of A: a copy of the same document
NO_SYMBOL = doc(5, None, "2025-02-01")


@pytest.mark.parametrize(("hits", "groups"), [
    ([], []),
    ([hit(A, "p1", 9), hit(B, "p2", 8), hit(A, "fn:1", 7)], [("S/2025/1", ["p1", "fn:1"]), ("S/2025/2", ["p2"])]),
    ([hit(B, "p2", 8), hit(A, "p1", 7)], [("S/2025/2", ["p2"]), ("S/2025/1", ["p1"])]),  # best hit's order
    ([hit(A, "p1", 9), hit(A_TEXT, "p3", 5)], [("S/2025/1", ["p1", "p3"])]),  # copies of one document: one group
    ([hit(NO_SYMBOL, "p1", 9), hit(C, "p1", 1)], [(None, ["p1"]), ("S/2024/9", ["p1"])]),  # by hash without symbol
])
def test_group_hits(hits: list[Hit], groups: list[tuple[str | None, list[str]]]) -> None:
    assert [(g.document.symbol, [h.ref for h in g.hits]) for g in group_hits(hits)] == groups


def test_a_group_has_its_best_score_and_its_pages() -> None:
    [group] = group_hits([hit(A, "p9", 9, page=3), hit(A, "p1", 4, page=1), hit(A, "fn:2", 2, page=3),
                          hit(A, "p2", 1, page=None)])
    assert group.score == 9 and group.pages == [1, 3]
    data = group.to_json()
    assert data["pages"] == [1, 3] and [h["location"] for h in data["hits"]] == ["p9", "p1", "fn:2", "p2"]
    assert data["hits"][0] == {"location": "p9", "kind": "paragraph", "page": 3, "score": 9, "snippet": "text",
                               "highlights": [[0, 4]]}


@pytest.mark.parametrize(("sort", "order"), [
    ("relevance", ["S/2024/9", "S/2025/1", "S/2025/2"]),  # as found: best hit first
    ("date", ["S/2025/2", "S/2025/1", "S/2024/9"]),  # newest first, the undated last
])
def test_sort_groups(sort: str, order: list[str]) -> None:
    groups = group_hits([hit(C, "p1", 9), hit(A, "p1", 8), hit(B, "p1", 7)])
    assert [g.document.symbol for g in sort_groups(groups, sort)] == order


def test_equal_dates_keep_relevance_order() -> None:
    same = doc(6, "S/2025/6", "2025-03-02")
    groups = group_hits([hit(B, "p1", 3), hit(same, "p1", 5)])
    assert [g.document.symbol for g in sort_groups(groups, "date")] == ["S/2025/6", "S/2025/2"]


@pytest.mark.parametrize(("value", "order"), [(None, "relevance"), ("", "relevance"), ("date", "date"),
                                              (" Date ", "date"), ("relevance", "relevance")])
def test_checked_sort(value: str | None, order: str) -> None:
    assert checked_sort(value) == order


def test_an_unknown_sort_names_the_orders() -> None:
    with pytest.raises(BadFilter, match="the orders are relevance, date"):
        checked_sort("newest")


@pytest.mark.parametrize(("value", "written"), [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("plain", "plain"), ("a = b", "a = b"), (3, 3), (None, None),
])
def test_csv_cells_never_start_a_formula(value: object, written: object) -> None:
    assert _cell(value) == written


@pytest.mark.parametrize(("path", "format"), [("out.csv", "csv"), ("OUT.JSON", "json"), ("a.b/out.json", "json")])
def test_results_format(path: str, format: str) -> None:
    assert results_format(path) == format


@pytest.mark.parametrize("path", ["out.txt", "out", "out.jsonl"])
def test_results_format_refuses_other_files(path: str) -> None:
    with pytest.raises(UnrefError, match=r"\.csv or \.json"):
        results_format(path)


def test_export_csv_has_a_row_per_hit_with_its_document() -> None:
    groups = group_hits([hit(A, "p1", 9, page=2, snippet="=cmd"), hit(B, "fn:1", 8), hit(A, "p4", 7, page=3)])
    out = io.StringIO()
    assert export_results(groups, "csv", out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == EXPORT_COLUMNS
    assert [(r["symbol"], r["location"], r["page"]) for r in rows] == [
        ("S/2025/1", "p1", "2"), ("S/2025/1", "p4", "3"), ("S/2025/2", "fn:1", "1")]
    assert rows[0]["snippet"] == "'=cmd" and rows[0]["title"] == "Title 1" and rows[0]["date"] == "2025-01-10"


def test_export_json_holds_the_query_and_the_documents() -> None:
    groups = sort_groups(group_hits([hit(A, "p1", 9), hit(B, "p1", 8)]), "date")
    out = io.StringIO()
    assert export_results(groups, "json", out, query="water", filters={"type": "letter"}, sort="date") == 2
    data = json.loads(out.getvalue())
    assert {k: data[k] for k in ("query", "filters", "sort", "documents", "hits")} == {
        "query": "water", "filters": {"type": "letter"}, "sort": "date", "documents": 2, "hits": 2}
    assert [r["symbol"] for r in data["results"]] == ["S/2025/2", "S/2025/1"]


def test_hit_rows_are_flat() -> None:
    [row] = list(hit_rows(group_hits([hit(A, "p1", 1.23456)])))
    assert set(row) == set(EXPORT_COLUMNS) and row["score"] == 1.2346 and row["symbols"] == "S/2025/1"
