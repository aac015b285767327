"""The citation graph: cites, cited by, families, threads, export; on both backends."""

from __future__ import annotations

import csv
import io
import json
import xml.dom.minidom
from pathlib import Path

import pytest
from typer.testing import CliRunner

import unref.cli.corpus  # registers the corpus commands
from conftest import shared_path
from conftest_db import add, citation, db_url_fixture, record, store_fixture  # noqa: F401  (fixtures)
from unref.cli import app
from unref.corpus.export import export
from unref.corpus.graph import NotInCorpus, cited_by, cites, family, thread
from unref.corpus.ingest import ingest
from unref.corpus.store import Store, open_store


def _letters(store: Store) -> None:
    """A correspondence of four letters, a resolution they cite, a report family and copies."""
    add(store, record(["S/2025/239"], date="2025-04-17", paragraphs=["The Panel of Experts reports."],
                      citations=[]))
    add(store, record(["S/2025/260"], date="2025-04-29", paragraphs=[
        "I write with reference to the report dated 17 April 2025 (S/2025/239).",
        "Recalling resolution 1591 (2005) and S/2025/239 again."],
        citations=[citation("S/2025/239", "p1", start=58), citation("S/RES/1591 (2005)", "p2", start=10,
                                                                    text="resolution 1591 (2005)"),
                   citation("S/2025/239", "p2", start=40), citation("S/2025/260", "p2", start=0, text="Recall")]))
    add(store, record(["S/2025/277"], date="2025-05-09", paragraphs=["In reply to the letter S/2025/260."],
                      citations=[citation("S/2025/260", "p1", start=23)]))
    # A PDF copy of S/2025/277: the same document, stored once (the PDF; the text is its other source).
    add(store, record(["S/2025/277"], date="2025-05-09", paragraphs=["In reply to the letter S/2025/260 ."],
                      citations=[citation("S/2025/260", "p1", start=23)], fmt="pdf"))
    # A report cites a letter: reports are not letters, a thread does not go through them.
    add(store, record(["S/2025/300"], date="2025-06-01", doc_type="report", paragraphs=["See S/2025/277."],
                      citations=[citation("S/2025/277", "p1", start=4)]))
    add(store, record(["S/2025/301"], date="2025-06-02", paragraphs=["See the report S/2025/300."],
                      citations=[citation("S/2025/300", "p1", start=15)]))
    # A double-symbol letter and a family: A/79/796-S/2025/105 and its corrigendum; S/2025/71 and its revision.
    add(store, record(["A/79/796", "S/2025/105"], date="2025-02-19", footnotes=["See A/79/796/Add.1."],
                      citations=[citation("A/79/796/Add.1", "fn:1", start=4), citation("S/RES/822 (1993)", "p1")]))
    add(store, record(["A/79/796/Corr.1", "S/2025/105/Corr.1"], date="2025-02-25"))
    add(store, record(["S/2025/71"], date="2025-02-01"))
    add(store, record(["S/2025/71/Rev.1"], date="2025-02-03"))


def test_cites_lists_targets_once_with_stubs(store: Store) -> None:
    _letters(store)
    links = cites(store, "S/2025/260")
    assert [(x.target.symbol, x.target.in_corpus, x.location) for x in links] == [
        ("S/2025/239", True, "p1"), ("S/RES/1591 (2005)", False, "p2")]  # itself left out
    assert links[1].target.url == "https://undocs.org/en/S/RES/1591%20(2005)"
    assert links[0].passage is not None
    assert [links[0].passage.text[s:e] for s, e in links[0].passage.highlights] == ["S/2025/239"]


def test_cited_by_gives_passages_once_per_document(store: Store) -> None:
    _letters(store)
    links = cited_by(store, "S/2025/239")
    assert [(x.source.symbol, x.location) for x in links] == [("S/2025/260", "p1"), ("S/2025/260", "p2")]
    by_277 = cited_by(store, "S/2025/260")
    assert [(x.source.symbol, x.source.document and x.source.document.format) for x in by_277] == [
        ("S/2025/277", "pdf")]  # two copies, one link: the PDF's
    stub = cited_by(store, "S/RES/822 (1993)")  # not in the corpus: found by the cited symbol
    assert [x.source.symbol for x in stub] == ["A/79/796"] and not stub[0].target.in_corpus
    assert [x.source.symbol for x in cited_by(store, "S/2025/105/Add.1")] == []
    assert [x.source.symbol for x in cited_by(store, "A/79/796/Add.1")] == ["A/79/796"]


def test_unknown_symbols_say_so(store: Store) -> None:
    _letters(store)
    with pytest.raises(NotInCorpus, match="S/1999/1 is not in the corpus"):
        cites(store, "S/1999/1")
    with pytest.raises(NotInCorpus):
        thread(store, "S/1999/1")


@pytest.mark.parametrize(("symbol", "expected"), [
    ("S/2025/71", [("S/2025/71", "original", True), ("S/2025/71/Rev.1", "revision", True)]),
    ("S/2025/71/Rev.1", [("S/2025/71", "original", True), ("S/2025/71/Rev.1", "revision", True)]),
    ("A/79/796", [("A/79/796", "original", True), ("A/79/796/Add.1", "addendum", False),
                  ("A/79/796/Corr.1", "corrigendum", True), ("S/2025/105", "same document", True),
                  ("S/2025/105/Corr.1", "same document", True)]),
])
def test_family(store: Store, symbol: str, expected: list[tuple[str, str, bool]]) -> None:
    _letters(store)
    assert [(m.node.symbol, m.relation, m.node.in_corpus) for m in family(store, symbol)] == expected


@pytest.mark.parametrize("symbol", ["S/2025/400/Add.1", "S/2025/400/Add.2", "S/2025/400"])
def test_family_shows_its_parent_when_the_corpus_lacks_it(store: Store, symbol: str) -> None:
    add(store, record(["S/2025/400/Add.1"], date="2025-07-01"))  # the report itself was never ingested
    add(store, record(["S/2025/401"], citations=[citation("S/2025/400/Add.2")]))
    members = [(m.node.symbol, m.relation, m.node.in_corpus, m.node.url) for m in family(store, symbol)]
    assert members == [("S/2025/400", "original", False, "https://undocs.org/en/S/2025/400"),
                       ("S/2025/400/Add.1", "addendum", True, "https://undocs.org/en/S/2025/400/Add.1"),
                       ("S/2025/400/Add.2", "addendum", False, "https://undocs.org/en/S/2025/400/Add.2")]


CITING = record(["S/2025/500"], paragraphs=["See S/2025/239, the Rome Statute and J. Doe, Water (Oxford, 2020)."],
                citations=[citation("S/2025/239", start=4), citation("Rome Statute", kind="treaty", start=20),
                           citation("Doe, Water (Oxford, 2020)", kind="publication", start=38),
                           citation("CM/Rec(2010)5", kind="coe_resolution", start=0, url="https://rm.coe.int/x"),
                           citation("https://example.org/a", kind="url", start=0),
                           citation("ibid.", kind="short_form")])


@pytest.mark.parametrize(("flags", "lines"), [
    ([], ["→ S/2025/239  2025-04-17", "→ [treaty] Rome Statute  (p1)", "→ [publication] Doe, Water (Oxford, 2020)",
          "→ [Council of Europe] CM/Rec(2010)5  https://rm.coe.int/x  (p1)"]),
    (["--un-only"], ["→ S/2025/239  2025-04-17"]),
    (["--all"], ["→ S/2025/239", "[publication] Doe", "[web] https://example.org/a", "[short form] ibid."]),
])
def test_cites_lists_other_documents_beside_un_symbols(db_url: str, flags: list[str], lines: list[str]) -> None:
    with open_store(db_url) as s:
        _letters(s)
        add(s, CITING)
    result = CliRunner().invoke(app, ["cites", "S/2025/500", *flags, "--db", db_url])
    assert result.exit_code == 0, result.output
    for line in lines:
        assert line in result.stdout
    assert len(result.stdout.splitlines()) == {"--un-only": 1, "--all": 6}.get(flags[0] if flags else "", 4)


@pytest.mark.parametrize("start", ["S/2025/239", "S/2025/260", "S/2025/277"])
def test_thread_follows_letters_both_ways_in_date_order(store: Store, start: str) -> None:
    _letters(store)
    letters = thread(store, start)
    assert [(x.node.symbol, x.refers_to, x.referred_by) for x in letters] == [
        ("S/2025/239", [], ["S/2025/260"]),
        ("S/2025/260", ["S/2025/239"], ["S/2025/277"]),
        ("S/2025/277", ["S/2025/260"], []),
    ]  # S/2025/300 is a report: S/2025/301 is not reached through it


def test_thread_limit(store: Store) -> None:
    _letters(store)
    assert len(thread(store, "S/2025/260", limit=2)) == 2


# --- Export -----------------------------------------------------------------------------------


def test_export_graphml(store: Store) -> None:
    _letters(store)
    out = io.StringIO()
    export(store, "graphml", out)
    dom = xml.dom.minidom.parseString(out.getvalue())
    nodes = {n.getAttribute("id") for n in dom.getElementsByTagName("node")}
    edges = {(e.getAttribute("source"), e.getAttribute("target")) for e in dom.getElementsByTagName("edge")}
    assert {"S/2025/277", "S/RES/1591 (2005)", "A/79/796/Add.1"} <= nodes
    assert ("S/2025/260", "S/2025/239") in edges and ("S/2025/260", "S/2025/260") not in edges
    assert all(s in nodes and t in nodes for s, t in edges)
    assert len([e for e in edges if e[0] == "S/2025/277"]) == 1  # two copies, one edge


def test_export_jsonl_and_csv(store: Store) -> None:
    _letters(store)
    out = io.StringIO()
    assert export(store, "jsonl", out) == 9  # ten files, nine documents: S/2025/277 came as text and PDF
    first = json.loads(out.getvalue().splitlines()[0])
    assert first["type"] == "document" and first["record"]["schema"] == "unref.document/1"
    out = io.StringIO()
    export(store, "jsonl", out, what="graph")
    items = [json.loads(line) for line in out.getvalue().splitlines()]
    edge = next(i for i in items if i["type"] == "edge" and i["source"] == "S/2025/260" and i["target"] == "S/2025/239")
    assert edge["count"] == 2 and edge["target_in_corpus"] is True
    out = io.StringIO()
    export(store, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    triples = {(r["source"], r["target"], r["target_in_corpus"]) for r in rows}
    assert {("A/79/796", "S/RES/822 (1993)", "false"), ("S/2025/277", "S/2025/260", "true")} <= triples
    out = io.StringIO()
    export(store, "csv", out, what="documents")
    assert len(list(csv.DictReader(io.StringIO(out.getvalue())))) == 9


def test_export_rejects_graphml_documents(store: Store) -> None:
    with pytest.raises(unref.UnrefError, match="GraphML holds the graph only"):
        export(store, "graphml", io.StringIO(), what="documents")


# --- The commands -----------------------------------------------------------------------------


COMMANDS = [  # arguments, words the output holds
    (["cites", "S/2025/260"], ["S/2025/239", "https://undocs.org/en/S/RES/1591%20(2005)"]),
    (["cited-by", "S/2025/239"], ["S/2025/260", "(**S/2025/239**)"]),
    (["family", "S/2025/105"], ["same document", "A/79/796"]),
    (["thread", "S/2025/277"], ["S/2025/239", "refers to: S/2025/239", "referred to by: S/2025/277"]),
    (["search", "reply", "--type", "letter"], ["S/2025/277", "In **reply**"]),
    (["search", "S/2025/260"], ["document S/2025/260", "S/2025/277", "letter **S/2025/260**"]),  # then its citers
    (["show", "S/2025/105"], ["A/79/796 / S/2025/105", "See A/79/796/Add.1."]),
    (["stats"], ["documents   9"]),
    (["show", "s/2025/277"], ["In reply to the letter S/2025/260", "also from: /corpus/"]),  # its text: a source
]


@pytest.mark.parametrize(("args", "words"), COMMANDS)
def test_commands(db_url: str, args: list[str], words: list[str]) -> None:
    with open_store(db_url) as s:
        _letters(s)
    result = CliRunner().invoke(app, [*args, "--db", db_url])
    assert result.exit_code == 0, result.output
    for word in words:
        assert word in result.stdout


def test_search_prints_each_document_once_with_its_pages(db_url: str) -> None:
    with open_store(db_url) as s:
        _letters(s)
    result = CliRunner().invoke(app, ["search", "S/2025/239", "--db", db_url])
    assert result.exit_code == 0, result.output
    heads = [line for line in result.stdout.splitlines() if line.startswith("S/")]
    assert heads == ["S/2025/260  2025-04-29  letter  page 1"]  # two passages, one document
    assert "  p1 (page 1):" in result.stdout and "  p2 (page 1):" in result.stdout


@pytest.mark.parametrize(("sort", "order"), [("relevance", None), ("date", ["S/2025/301", "S/2025/300", "S/2025/277"])])
def test_search_sorts_and_exports(db_url: str, tmp_path: Path, sort: str, order: list[str] | None) -> None:
    with open_store(db_url) as s:
        _letters(s)
    target = tmp_path / "hits.json"
    args = ["search", "See OR reply", "--sort", sort, "--db", db_url]
    result = CliRunner().invoke(app, [*args, "--export", str(target)])
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text())
    assert data["query"] == "See OR reply" and data["sort"] == sort
    assert f"{data['hits']} passages of {data['documents']} documents written to {target}" in result.stderr
    symbols = [g["symbol"] for g in data["results"]]
    if order:
        assert symbols[:3] == order
    out = CliRunner().invoke(app, [*args, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(dict.fromkeys(r["symbol"] for r in rows)) == symbols
    wrong = CliRunner().invoke(app, [*args, "--export", str(tmp_path / "hits.txt")])
    assert wrong.exit_code == 2 and "export as .csv or .json" in wrong.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["show", "S/1999/1"], "S/1999/1 is not in the corpus"),
    (["thread", "S/1999/1"], "S/1999/1 is not in the corpus"),
    (["search", '"unbalanced'], "unbalanced quote"),
    (["search", "x", "--from", "May"], "must be YYYY"),
])
def test_command_errors_are_one_line(db_url: str, args: list[str], message: str) -> None:
    open_store(db_url).close()  # an empty corpus
    result = CliRunner().invoke(app, [*args, "--db", db_url])
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", [["search", "x"], ["show", "S/1/1"], ["cites", "S/1/1"], ["cited-by", "S/1/1"],
                                     ["family", "S/1/1"], ["thread", "S/1/1"], ["failures"], ["export", "-f", "jsonl"]])
def test_reading_a_missing_corpus_is_an_error_not_a_new_file(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "typo.db"
    result = CliRunner().invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 2, result.output
    expected = f"unref: error: no unref corpus at {db}: build one with `unref ingest FILES --db {db}`"
    assert result.stderr.strip() == expected
    assert not db.exists()


def test_json_output(db_url: str) -> None:
    with open_store(db_url) as s:
        _letters(s)
    runner = CliRunner()
    shown = json.loads(runner.invoke(app, ["show", "S/2025/239", "--db", db_url, "-f", "json"]).stdout)
    assert shown["schema"] == "unref.document/1" and shown["symbols"] == ["S/2025/239"]
    links = json.loads(runner.invoke(app, ["cited-by", "S/2025/260", "--db", db_url, "-f", "json"]).stdout)
    assert links[0]["source"] == "S/2025/277" and links[0]["highlights"]
    out = runner.invoke(app, ["export", "--format", "graphml", "--db", db_url])
    assert out.stdout.startswith("<?xml")


def test_every_corpus_command_is_documented() -> None:
    import typer.main

    group = typer.main.get_command(app)
    names = ["ingest", "failures", "search", "show", "cites", "cited-by", "family", "thread", "export", "stats"]
    for name in names:
        command = group.commands[name]  # type: ignore[attr-defined]
        assert command.help and command.help.strip(), f"`unref {name}` has no help"
        for param in command.params:
            if param.name not in ("help",):
                assert getattr(param, "help", None), f"`unref {name}` {param.name} has no help"


# --- The real letters of the dev corpus ------------------------------------------------------------

SUDAN_UAE = ["S_2025_239.en.pdftotext.txt", "S_2025_260.en.pdftotext.txt", "S_2025_277.en.pdftotext.txt"]


def test_the_sudan_uae_exchange_is_a_thread(tmp_path: Path) -> None:
    folder = shared_path("corpus", "dev")
    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        result = ingest([folder / name for name in SUDAN_UAE], store)
        assert result.added == 3, result.failures
        assert [x.node.symbol for x in thread(store, "S/2025/277")] == ["S/2025/239", "S/2025/260", "S/2025/277"]
        [link] = cited_by(store, "S/2025/239")
        assert link.source.symbol == "S/2025/260" and link.passage and "(S/2025/239)" in link.passage.text


# --- Named decisions of the thread ------------------------------------------------------------


@pytest.mark.parametrize(("items", "item", "after"), [
    ([], "S/2026/1", ["S/2026/1"]),
    (["S/2026/1"], "S/2026/1", ["S/2026/1"]),  # a letter cited twice is one link
    (["S/2026/1"], "S/2026/2", ["S/2026/1", "S/2026/2"]),
])
def test_add_once(items: list[str], item: str, after: list[str]) -> None:
    from unref.corpus.graph import _add_once

    _add_once(items, item)
    assert items == after


@pytest.mark.parametrize(("date", "symbol", "key"), [
    ("2026-01-05", "S/2026/9", ("2026-01-05", "S/2026/9")),
    (None, "S/2026/9", ("", "S/2026/9")),  # undated letters first
])
def test_date_order(date: str | None, symbol: str, key: tuple[str, str]) -> None:
    from unref.corpus.graph import Letter, Node, _date_order
    from unref.corpus.store import DocumentInfo

    doc = DocumentInfo(1, "h", None, symbol, (symbol,), None, "letter", date, "en", "text", 1, "now")
    assert _date_order(Letter(Node(symbol, doc))) == key
    assert _date_order(Letter(Node(symbol))) == ("", symbol)
