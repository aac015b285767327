"""The store: query language, snippets, URLs, and the same behaviour on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import unref
from conftest_db import (  # noqa: F401  (fixtures)
    add,
    citation,
    db_url_fixture,
    pg_unavailable,
    pg_url,
    record,
    store_fixture,
    with_schema,
)
from unref.corpus.store import Failure, Filters, QueryError, Store, StoreError, errors, open_store, parse_query, prepare
from unref.corpus.store.base import DOC_TYPES, expand_record, symbol_key, symbol_keys
from unref.corpus.store.query import fold, snippet

# --- The query language (no database) ----------------------------------------------------------

QUERIES = [  # query, FTS5 form, tsquery form
    ("security council", '"security" AND "council"', "(('security')) & (('council'))"),
    ('"human rights"', '"human rights"', "(('human' <-> 'rights'))"),
    ("secur*", '"secur" *', "(('secur':*))"),
    ("a OR b c", '("a" OR "b") AND "c"', "(('a') | ('b')) & (('c'))"),
    ("a -b", '("a") NOT "b"', "(('a')) & !('b')"),
    ("NOT b a", '("a") NOT "b"', "(('a')) & !('b')"),
    ("S/2025/239", '"s 2025 239"', "(('s' <-> '2025' <-> '239'))"),  # a symbol is a phrase of its words
    ("Résolution", '"resolution"', "(('resolution'))"),  # diacritics and case folded
    ("Azerbaijan - Armenia", '"azerbaijan" AND "armenia"', "(('azerbaijan')) & (('armenia'))"),  # a lone dash
    ('"human ri"*', '"human ri" *', "(('human' <-> 'ri':*))"),
]


@pytest.mark.parametrize(("text", "fts5", "tsquery"), QUERIES)
def test_query_translation(text: str, fts5: str, tsquery: str) -> None:
    query = parse_query(text)
    assert query.to_fts5() == fts5
    assert query.to_tsquery() == tsquery


BAD_QUERIES = [  # query, words of the one-line reason
    ('"unclosed phrase', "unbalanced quote"),
    ('a "b" "c', "unbalanced quote"),
    ("", "empty"),
    ("   ", "empty"),
    ("OR a", "OR needs a term on each side"),
    ("a OR", "OR needs a term on each side"),
    ("a OR OR b", "OR needs a term on each side"),
    ("-a", "at least one term that is not excluded"),
    ("a OR -b", "cannot be one side of an OR"),
    ("se*cur", "at the end of a word"),
    ("*", "no letters or digits"),
    ('""', "no letters or digits"),
    ("a NOT", "NOT needs a term"),
]


@pytest.mark.parametrize(("text", "reason"), BAD_QUERIES)
def test_bad_queries_say_why_in_one_line(text: str, reason: str) -> None:
    with pytest.raises(QueryError) as err:
        parse_query(text)
    assert reason in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize(("text", "folded"), [
    ("S/RES/822 (1993)", "s res 822 1993"),
    ("Conseil de sécurité", "conseil de securite"),
    ("Совет Безопасности", "совет безопасности"),
    ("snake_case", "snake case"),  # FTS5's unicode61 splits at the underscore too
])
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_snippet_shows_the_window_with_most_matches() -> None:
    text = "Filler words. " * 40 + "The Council recalls resolution 822 (1993) on Armenia. " + "More filler. " * 40
    snip = snippet(text, parse_query("resolution 822 Armenia"), width=120)
    assert snip.text.startswith("… ") and snip.text.endswith(" …")
    assert [snip.text[s:e] for s, e in snip.highlights] == ["resolution", "822", "Armenia"]
    assert "**822**" in snip.marked()


def test_snippet_of_a_phrase_highlights_the_phrase() -> None:
    snip = snippet("The Security Council and the council.", parse_query('"security council"'))
    assert [snip.text[s:e] for s, e in snip.highlights] == ["Security Council"]


@pytest.mark.parametrize(("text", "key"), [
    ("S/RES/822 (1993)", "S/RES/822 (1993)"),
    ("S/RES/822(1993)", "S/RES/822 (1993)"),
    ("A/73/785*", "A/73/785"),  # the reissue mark does not make another document
    ("A/79/796", "A/79/796"),
    # A look-up accepts any case and spacing (issue 14); suffix words are printed Add., Corr., Rev.
    ("s/res/2745 (2024)", "S/RES/2745 (2024)"),
    ("S/RES/2745(2024)", "S/RES/2745 (2024)"),
    ("S /2025/ 105", "S/2025/105"),
    ("s/2025/105/add.1", "S/2025/105/Add.1"),
    ("a/79/796/corr.1", "A/79/796/Corr.1"),
    ("a/hrc/58/l.1", "A/HRC/58/L.1"),
    ("s/pv.9962", "S/PV.9962"),
    ("security council", "security council"),  # not a symbol: left as typed
])
def test_symbol_key(text: str, key: str) -> None:
    assert symbol_key(text) == key


def test_a_double_symbol_in_lower_case_gives_both_keys() -> None:
    assert symbol_keys("a/79/796-s/2025/105") == ["A/79/796", "S/2025/105"]


# --- URLs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "path"), [
    ("sqlite:///corpus.db", "corpus.db"),  # relative, as SQLAlchemy reads it
    ("sqlite:///sub/corpus.db", "sub/corpus.db"),
    ("corpus.db", "corpus.db"),  # a bare path
])
def test_sqlite_urls_relative(url: str, path: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store(url) as s:
        assert s.backend == "sqlite"
    assert (tmp_path / path).exists()


def test_sqlite_url_absolute_and_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(f"sqlite:///{tmp_path / 'abs.db'}"):
        pass
    assert (tmp_path / "abs.db").exists()
    monkeypatch.setenv("UNREF_DB", f"sqlite:///{tmp_path / 'env.db'}")
    with open_store(None):
        pass
    assert (tmp_path / "env.db").exists()


def test_default_url_is_in_the_user_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("UNREF_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with open_store() as s:
        assert s.url == f"sqlite:///{tmp_path / 'unref' / 'unref.sqlite3'}"
    assert (tmp_path / "unref" / "unref.sqlite3").exists()


@pytest.mark.parametrize(("url", "reason"), [
    ("mysql://x@y/z", "unknown database URL"),
    ("postgresql://nobody:secret@127.0.0.1:1/none", "cannot use PostgreSQL at postgresql://nobody:***@127.0.0.1:1"),
])
def test_bad_urls_fail_in_one_line(url: str, reason: str) -> None:
    with pytest.raises(StoreError) as err:
        open_store(url)
    assert reason in str(err.value) and "secret" not in str(err.value)


def test_a_postgres_schema_that_does_not_exist() -> None:
    if (reason := pg_unavailable()) is not None:
        pytest.skip(reason)
    url = with_schema(pg_url(), "no_such_schema")
    with pytest.raises(StoreError, match="no schema has been selected"):
        open_store(url)


def test_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open the SQLite corpus"):
        open_store(str(junk))


# --- Both backends ------------------------------------------------------------------------------


def test_migrations_are_recorded_once(db_url: str) -> None:
    with open_store(db_url) as first:
        applied = first.migrations()
    with open_store(db_url) as second:
        assert second.migrations() == applied
    assert [(v, n) for v, n, _ in applied] == [(1, "initial"), (2, "masthead_not_searched"), (3, "sources"),
                                               (4, "search_head"), (5, "filter_indexes")]


def test_opening_a_migrated_store_waits_for_no_writer(db_url: str) -> None:
    with open_store(db_url) as writer, writer.transaction():
        writer.add(prepare(record(["S/2025/1"]), hash="h1"))  # holds the write lock, uncommitted
        started = time.monotonic()
        with open_store(db_url) as reader:
            assert reader.search("text") == []  # the uncommitted document is not seen
        assert time.monotonic() - started < 5


def test_add_is_idempotent_by_hash(store: Store) -> None:
    rec = record(["S/2025/1"])
    doc = prepare(rec, hash="h1")
    assert store.add(doc) is True
    assert store.add(doc) is False
    assert store.add_all([doc, prepare(record(["S/2025/2"]), hash="h2")]) == 1
    assert store.known(["h1", "h2", "h3"]) == {"h1", "h2"}
    assert store.stats()["documents"] == 2


def test_record_round_trip(store: Store) -> None:
    rec = record(["A/79/796", "S/2025/105"], paragraphs=["First.", "Second, with S/2025/1."],
                 footnotes=["A note."], citations=[citation("S/2025/1", "p2", start=14)])
    add(store, rec)
    doc = store.get("S/2025/105")
    assert doc is not None and doc.symbols == ("A/79/796", "S/2025/105")
    assert store.record(doc.id) == rec
    assert json.dumps(store.record(doc.id)) == json.dumps(rec)  # key order too
    assert store.get(doc.hash) == doc
    assert store.get("A/79/796-S/2025/105") == doc  # the double symbol as written
    assert store.get("s/2025/105") == store.get("a/79/796-s/2025/105") == store.get("S / 2025 / 105") == doc


def test_expand_record_tolerates_missing_passages() -> None:
    doc = prepare(record(["S/1/1"], paragraphs=["a", "b"]), hash="x")
    assert [p["text"] for p in expand_record(doc.record, [("paragraph", "a")])["paragraphs"]] == ["a", ""]


def _corpus(store: Store) -> None:
    add(store, record(["S/2025/10"], date="2025-03-01", paragraphs=[
        "The Security Council recalls resolution 822 (1993).", "Humanitarian access was denied in the valley."],
        footnotes=["See the report of the Special Rapporteur."], agenda_items={"Security Council": ["34 (b)"]}))
    add(store, record(["A/80/5", "S/2025/11"], date="2025-06-01", doc_type="identical_letters",
                      organs=["General Assembly", "Security Council"], agenda_items={"General Assembly": ["12"]},
                      paragraphs=["The résolution on humanitarian security was adopted.", "Nothing else."]))
    add(store, record(["A/HRC/58/1"], date="2024-12-01", doc_type="report", language="fr",
                      organs=["Human Rights Council"],
                      paragraphs=["Le Conseil de sécurité et les droits de l'homme.", "Security of the valley."]))


SEARCHES = [  # query, filters, expected (symbol, location) in any order
    ("security", Filters(), {("S/2025/10", "p1"), ("A/80/5", "p1"), ("A/HRC/58/1", "p2")}),
    ('"security council"', Filters(), {("S/2025/10", "p1")}),
    ("secur*", Filters(), {("S/2025/10", "p1"), ("A/80/5", "p1"), ("A/HRC/58/1", "p1"), ("A/HRC/58/1", "p2")}),
    ("resolution", Filters(), {("S/2025/10", "p1"), ("A/80/5", "p1")}),  # résolution folded
    ("rapporteur", Filters(), {("S/2025/10", "fn:1")}),  # footnotes are searched
    ("valley -humanitarian", Filters(), {("A/HRC/58/1", "p2")}),
    ("humanitarian OR droits", Filters(), {("S/2025/10", "p2"), ("A/80/5", "p1"), ("A/HRC/58/1", "p1")}),
    ('"822 (1993)"', Filters(), {("S/2025/10", "p1")}),
    ("security", Filters(symbol_prefix="S/2025/"), {("S/2025/10", "p1"), ("A/80/5", "p1")}),
    ("security", Filters(symbol_prefix="A/HRC"), {("A/HRC/58/1", "p2")}),
    ("security", Filters(symbol_prefix="s/2025/"), set()),  # symbols are case-sensitive
    ("security", Filters(symbol_prefix="S/%"), set()),  # no wildcards
    ("security", Filters(organ="GA"), {("A/80/5", "p1")}),
    ("security", Filters(organ="Human Rights Council"), {("A/HRC/58/1", "p2")}),
    ("security", Filters(doc_type="identical letters"), {("A/80/5", "p1")}),
    ("security", Filters(date_from="2025"), {("S/2025/10", "p1"), ("A/80/5", "p1")}),
    ("security", Filters(date_to="2025-03"), {("S/2025/10", "p1"), ("A/HRC/58/1", "p2")}),
    ("security", Filters(date_from="2025-02-01", date_to="2025-05-31"), {("S/2025/10", "p1")}),
    ("security", Filters(language="FR"), {("A/HRC/58/1", "p2")}),
    ("security", Filters(agenda_item="34"), {("S/2025/10", "p1")}),  # 34 matches 34 (b)
    ("security", Filters(agenda_item="34 (b)"), {("S/2025/10", "p1")}),
    ("security", Filters(agenda_item="3"), set()),
    ("nowhere", Filters(), set()),
]


@pytest.mark.parametrize(("query", "filters", "expected"), SEARCHES)
def test_search(store: Store, query: str, filters: Filters, expected: set[tuple[str, str]]) -> None:
    _corpus(store)
    hits = store.search(query, filters, limit=20)
    assert {(h.document.symbol, h.ref) for h in hits} == expected
    assert all(h.highlights for h in hits)


def test_search_ranks_and_pages(store: Store) -> None:
    add(store, record(["S/1/1"], paragraphs=["valley " * 5 + "town", "valley and many other words " * 10]))
    add(store, record(["S/1/2"], paragraphs=["one valley among a long run of words " * 20]))
    hits = store.search("valley", limit=10)
    assert hits[0].ref == "p1" and hits[0].document.symbol == "S/1/1"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert [h.ref for h in store.search("valley", limit=1, offset=1)] == [hits[1].ref]
    assert hits[0].to_json()["highlights"][0] == [0, 6]


def test_a_broad_query_is_ranked_within_the_window(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(6):  # the later documents match better: the word stands alone
        add(store, record([f"S/1/{n}"], paragraphs=["valley " + "filler words " * (20 - 3 * n)]))
    exact = [h.document.symbol for h in store.search("valley", limit=2)]
    assert exact == ["S/1/5", "S/1/4"]
    monkeypatch.setattr(store, "search_window", 3)
    assert [h.document.symbol for h in store.search("valley", limit=1)] == ["S/1/2"]  # best of the first 3
    assert [h.document.symbol for h in store.search("valley", limit=1, exhaustive=True)] == ["S/1/5"]


def test_search_shows_a_passage_of_copies_once(store: Store) -> None:
    add(store, record(["S/2025/10"], paragraphs=["Unique words here."], fmt="pdf"))
    add(store, record(["S/2025/10"], paragraphs=["Unique words here."], fmt="text"))
    assert len(store.search("unique")) == 1
    assert len(store.search("unique", distinct=False)) == 1  # the text is a source of the PDF, not a document
    # Two documents that hold the same paragraph (a letter and its annex reissued) still show it once.
    add(store, record(["S/2025/11"], paragraphs=["Unique words here."]))
    assert len(store.search("unique")) == 2 and len(store.search("unique", distinct=False)) == 2


def _pages(store: Store, query: str, size: int, **kw: Any) -> list[tuple[str | None, str, str]]:
    """Walk every page of a search with `after`, and return (symbol, format, ref) of the hits in order."""
    out: list[tuple[str | None, str, str]] = []
    after = None
    while True:
        page = store.search(query, limit=size, after=after, **kw)
        out += [(h.document.symbol, h.document.format, h.ref) for h in page]
        if len(page) < size:
            return out
        after = page[-1].position


@pytest.mark.parametrize("size", [1, 2, 3, 5])
def test_keyset_pages_walk_the_whole_ranking_once(store: Store, size: int) -> None:
    # Ties: the same paragraph in several documents has one score, and must be shown once even when a
    # page ends between them. Each document comes as text and PDF: one record, the PDF.
    for n in range(4):
        for fmt in ("text", "pdf"):
            add(store, record([f"S/1/{n}"], paragraphs=["valley town", "valley " + "words " * (n + 1),
                                                        "valley valley"], fmt=fmt))
    whole = store.search("valley", limit=100)
    expected = [(h.document.symbol, h.document.format, h.ref) for h in whole]
    assert len(expected) == 12 and len({(s, r) for s, _, r in expected}) == 12
    assert _pages(store, "valley", size) == expected
    assert {f for _, f, _ in expected} == {"pdf"}
    every = [(h.document.symbol, h.document.format, h.ref) for h in store.search("valley", limit=100, distinct=False)]
    assert len(every) == 12
    assert _pages(store, "valley", size, distinct=False) == every
    with pytest.raises(ValueError, match="not both"):
        store.search("valley", offset=1, after=whole[0].position)


_WORDS = st.sampled_from(["valley", "river", "town", "road"])
_PARAGRAPH = st.lists(_WORDS, min_size=1, max_size=4).map(" ".join)
_DOCUMENTS = st.lists(st.tuples(st.integers(0, 5), st.sampled_from(["pdf", "text"]),
                                st.lists(_PARAGRAPH, min_size=1, max_size=3)), min_size=1, max_size=8)


@given(docs=_DOCUMENTS, size=st.integers(1, 4), distinct=st.booleans())
@settings(max_examples=60, deadline=None)
def test_keyset_pages_are_the_ranking_cut_in_pieces(docs: list[tuple[int, str, list[str]]], size: int,
                                                    distinct: bool) -> None:
    # Few words, so that many passages tie; a symbol held twice (PDF and text) makes copies.
    with open_store(":memory:") as store:
        for n, (symbol, fmt, paragraphs) in enumerate(docs):
            store.add(prepare(record([f"S/2025/{symbol}"], paragraphs=paragraphs, fmt=fmt), hash=f"h{n}"))
        whole = [(h.document.hash, h.ref) for h in store.search("valley", limit=1000, distinct=distinct)]
        paged: list[tuple[str, str]] = []
        after = None
        while True:
            page = store.search("valley", limit=size, after=after, distinct=distinct)
            paged += [(h.document.hash, h.ref) for h in page]
            if len(page) < size:
                break
            after = page[-1].position
        assert paged == whole


def test_keyset_page_after_a_position_with_filters(store: Store) -> None:
    _corpus(store)
    first = store.search("security", Filters(symbol_prefix="S/2025/"), limit=1)
    rest = store.search("security", Filters(symbol_prefix="S/2025/"), limit=5, after=first[0].position)
    assert {(h.document.symbol, h.ref) for h in first + rest} == {("S/2025/10", "p1"), ("A/80/5", "p1")}
    assert len(rest) == 1


def test_facets_count_documents_by_organ_year_type_language_and_agenda_item(store: Store) -> None:
    _corpus(store)
    ids = [h.document.id for h in store.search("security", limit=20)]
    assert store.facets(ids + ids) == {  # each document counted once
        "organ": {"Security Council": 2, "General Assembly": 1, "Human Rights Council": 1},
        "year": {"2025": 2, "2024": 1},
        "type": {"letter": 1, "identical_letters": 1, "report": 1},
        "language": {"en": 2, "fr": 1},
        "agenda_item": {"34 (b)": 1, "12": 1},
    }
    assert store.facets([]) == {"organ": {}, "year": {}, "type": {}, "language": {}, "agenda_item": {}}


def test_a_read_only_store_reads_and_refuses_writes(db_url: str) -> None:
    with open_store(db_url) as writer:
        _corpus(writer)
    with open_store(db_url, read_only=True) as reader:
        assert reader.read_only and len(reader.search("security")) == 3
        with pytest.raises(Exception, match=r"(?i)read-?only"):
            reader.add(prepare(record(["S/2025/99"]), hash="new"))
        assert reader.known(["new"]) == set()


def test_a_read_only_store_must_exist_and_be_migrated(db_url: str, tmp_path: Path) -> None:
    if db_url.startswith("sqlite"):
        missing = tmp_path / "missing.db"
        with pytest.raises(errors.NoCorpus, match=r"no unref corpus at .*missing\.db$"):
            open_store(str(missing), read_only=True)
        assert not missing.exists()
    with pytest.raises(StoreError, match="no unref corpus at"):
        open_store(db_url, read_only=True)  # the empty database (or schema) the fixture gives


def test_masthead_lines_are_stored_but_not_searched(store: Store) -> None:
    rec = record(["S/2025/10"], paragraphs=["Security Council", "The Security Council met today."])
    rec["paragraphs"][0]["kind"] = "masthead"
    add(store, rec)
    hits = store.search("security council")
    assert [h.ref for h in hits] == ["p2"]
    doc = store.get("S/2025/10")
    assert doc is not None and store.record(doc.id)["paragraphs"][0]["text"] == "Security Council"
    assert store.delete(doc.hash) and store.search("security council") == []  # the index stays whole


def test_a_read_only_store_of_an_older_schema_says_how_to_migrate(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with open_store(url) as store:
        store._execute("DELETE FROM migrations WHERE version = 2")  # as an older unref left it
    with pytest.raises(errors.NeedsMigration, match=r"needs migration 2 of this unref \(opening it for writing"):
        open_store(url, read_only=True)
    with open_store(url) as store:  # a writable open migrates
        assert [v for v, _, _ in store.migrations()] == [1, 2, 3, 4, 5]


def test_a_query_of_one_symbol_names_its_document(store: Store) -> None:
    _corpus(store)
    assert store.named("S/2025/10") == store.get("S/2025/10") is not None
    assert store.named(' "A/80/5" ') == store.get("A/80/5")
    for query in ("security", "S/2025/10 security", "S/1999/1", "S/2025/\x0010", "S/\ud800", ""):
        assert store.named(query) is None, query


def test_delete_keeps_full_text_in_sync(store: Store) -> None:
    digest = add(store, record(["S/2025/10"], paragraphs=["Ephemeral text."]))
    assert store.search("ephemeral")
    assert store.delete(digest) is True
    assert store.search("ephemeral") == []
    assert store.stats()["passages"] == 0 and store.stats()["symbols"] == 0
    assert store.delete(digest) is False


def test_replace(store: Store) -> None:
    store.add(prepare(record(["S/2025/10"], paragraphs=["Old text."]), hash="h"))
    store.add(prepare(record(["S/2025/10"], paragraphs=["New text."]), hash="h"), replace=True)
    assert store.search("old") == [] and len(store.search("new")) == 1


def test_transaction_rolls_back_everything(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add(prepare(record(["S/2025/10"]), hash="h"))
        raise RuntimeError("boom")
    assert store.known(["h"]) == set() and store.stats()["passages"] == 0


def test_failures(store: Store) -> None:
    store.record_failure(Failure("/a.pdf", "h1", "no text layer"))
    store.record_failure(Failure("/b.pdf", "h1", "no text layer again"))  # same content: replaced
    store.record_failure(Failure("/missing.pdf", None, "no such file"))
    store.record_failure(Failure("/missing.pdf", None, "no such file"))
    assert [(f.path, f.reason) for f in store.failures()] == [
        ("/b.pdf", "no text layer again"), ("/missing.pdf", "no such file")]
    assert store.known_failures(["h1", "h2"]) == {"h1"}
    store.add(prepare(record(["S/2025/10"]), hash="h1"))  # it parses now: the failure goes
    assert store.known_failures(["h1"]) == set()


def test_bad_query_through_the_store(store: Store) -> None:
    with pytest.raises(QueryError, match="unbalanced quote"):
        store.search('"security')


def test_bad_filters() -> None:
    with pytest.raises(StoreError, match="YYYY"):
        Filters(date_from="March 2025")


# --- Named decisions of the store (no database) ------------------------------------------------


@pytest.mark.parametrize(("citation_", "target", "base"), [
    ({"kind": "un_symbol", "target": "S/RES/2334 (2016)*"}, "S/RES/2334 (2016)", "S/RES/2334 (2016)"),
    ({"kind": "un_symbol", "target": "A/79/796/Add.1"}, "A/79/796/Add.1", "A/79/796"),
    ({"kind": "un_symbol", "target": None}, None, None),
    ({"kind": "url", "target": "https://www.un.org/"}, "https://www.un.org/", None),
])
def test_citation_row_keys_symbols(citation_: dict[str, Any], target: str | None, base: str | None) -> None:
    from unref.corpus.store.base import _citation_row

    row = _citation_row(0, citation_)
    assert (row.target, row.target_base, row.resolved, row.text) == (target, base, 1, "")


@pytest.mark.parametrize(("items", "pairs"), [
    (None, ()),
    ({}, ()),
    ({"General Assembly": ["34 (b)", 34, "34 (b)"]}, (("General Assembly", "34 (b)"), ("General Assembly", "34"))),
])
def test_agenda_items_once_each(items: Any, pairs: tuple[tuple[str, str], ...]) -> None:
    from unref.corpus.store.base import _agenda_items

    assert _agenda_items({"agenda_items": items}) == pairs


@pytest.mark.parametrize(("wanted", "exhaustive", "window"), [
    (10, False, 4000), (2000, False, 6000), (10, True, None),
])
def test_search_window(wanted: int, exhaustive: bool, window: int | None) -> None:
    from unref.corpus.store.sqlite import SQLiteStore

    with SQLiteStore(":memory:") as s:
        assert s._window(wanted, exhaustive) == window


@pytest.mark.parametrize(("prefix", "sqlite", "postgres"), [
    ("S/2025/", ("s.symbol GLOB ?", "S/2025/*"), ("s.symbol LIKE ?", "S/2025/%")),
    ("A/C.3_[x]*", ("s.symbol GLOB ?", "A/C.3_[[]x][*]*"), ("s.symbol LIKE ?", "A/C.3\\_[x]*%")),
    ("50%\\", ("s.symbol GLOB ?", "50%\\*"), ("s.symbol LIKE ?", "50\\%\\\\%")),
])
def test_symbol_prefix_per_dialect(prefix: str, sqlite: tuple[str, str], postgres: tuple[str, str]) -> None:
    from unref.corpus.store.postgres import PostgresStore
    from unref.corpus.store.sqlite import SQLiteStore

    assert SQLiteStore._symbol_prefix(prefix) == sqlite
    assert PostgresStore._symbol_prefix(prefix) == postgres


@pytest.mark.parametrize(("error", "message"), [
    (errors.UnknownDatabase("mysql://x"), "unknown database URL 'mysql://x': use sqlite:///FILE or postgresql://"),
    (errors.NoCorpus("a.db", "a.db"), "no unref corpus at a.db"),
    (errors.NeedsMigration("a.db", 2), "the corpus at a.db needs migration 2 of this unref (opening it for writing"),
    (errors.BadMigration(" CREATE TABLE x (\n"), "incomplete statement in a migration: CREATE TABLE x ("),
    (errors.MissingFeature("no FTS5"), "no FTS5"),
    (errors.CannotOpen("locked"), "locked"),
    (errors.BadFilter("date from must be YYYY"), "date from must be YYYY"),
])
def test_one_error_class_per_failure(error: StoreError, message: str) -> None:
    assert isinstance(error, StoreError)
    assert str(error).startswith(message)


@pytest.mark.parametrize(("error", "message", "timeout"), [
    (errors.QueryError("NOT needs a term after it"), "bad search query: NOT needs a term after it", False),
    (errors.SearchTimeout(2.5), "bad search query: the search took longer than 2.5 s; narrow it down", True),
])
def test_query_errors_are_not_store_errors(error: QueryError, message: str, timeout: bool) -> None:
    from unref.serve.corpus import is_timeout

    assert isinstance(error, QueryError) and not isinstance(error, StoreError)  # the query's fault: 400, not 503
    assert (str(error), is_timeout(error)) == (message, timeout)


BAD_FILTERS = [  # filters, words of the one-line error
    ({"doc_type": "lettr"}, "type 'lettr' is not a document type (did you mean 'letter'?); the types are letter,"),
    ({"doc_type": "memo"}, "the types are letter, identical_letters, note_verbale"),
    ({"language": "english"}, "language 'english' is not a two-letter ISO 639-1 code"),
    ({"date_from": "2025-13"}, "date from '2025-13' is not a date of the calendar"),
    ({"date_to": "May 2025"}, "date to must be YYYY, YYYY-MM or YYYY-MM-DD"),
]


@pytest.mark.parametrize(("kwargs", "words"), BAD_FILTERS)
def test_a_bad_filter_value_names_the_values_allowed(kwargs: dict[str, str], words: str) -> None:
    with pytest.raises(errors.BadFilter) as caught:
        Filters(**kwargs)
    assert words in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("kwargs", [{"doc_type": "Note verbale"}, {"doc_type": "note-verbale"}, {"language": "FR"},
                                    {"doc_type": ""}, {"language": ""}])
def test_good_filter_values_in_any_case(kwargs: dict[str, str]) -> None:
    Filters(**kwargs)


def test_the_document_types_are_the_schema_s() -> None:
    schema = json.loads((Path(unref.__file__).parent / "schema" / "document.schema.json").read_text())
    assert [t for t in schema["properties"]["doc_type"]["enum"] if t is not None] == list(DOC_TYPES)


# ---------------------------------------------------------------------------
# PostgreSQL: broad queries read the passages in order (issue 13)

FREQS = {"security": 0.05, "council": 0.04, "the": 0.3, "secretary": 0.01, "secret": 0.002}


@pytest.mark.parametrize(("query", "share"), [
    ("security", 0.05),
    ("zzz", 0.001),  # not among the common words: below the floor
    ("security council", 0.04),  # AND: the rarer
    ('"the security council"', 0.04),  # a phrase: its rarest word
    ("security OR council", 0.09),  # OR: the sum
    ("the OR security OR council OR secretary OR secret OR zzz", 0.403),
    ("secre*", 0.012),  # a prefix: the listed words it begins
    ("qqq*", 0.001),
    ("security -council", 0.05),  # an excluded word narrows, by an unknown share
])
def test_query_share(query: str, share: float) -> None:
    from unref.corpus.store.postgres import query_share

    assert query_share(parse_query(query), FREQS, 0.001) == pytest.approx(share)


@pytest.mark.parametrize(("share", "rows", "window", "in_order"), [
    (0.05, 340_000, 1000, False),  # 2,000 documents: 17,000 matches in a bitmap, 40,000 rows read in order
    (0.05, 17_000_000, 1000, True),  # 100,000 documents: 850,000 matches against the same 40,000 rows
    (0.025, 3_400_000, 1000, True),  # 20,000 documents, a word in 2.5 %: 85,000 matches, 80,000 rows
    (0.002, 17_000_000, 1000, False),  # a medium word: 34,000 matches, 1,000,000 rows
    (0.04, 3_400_000, 4000, False),  # a phrase's candidates: a window four times as large
    (0.0, 17_000_000, 1000, False),  # no statistics yet
])
def test_scans_in_order(share: float, rows: float, window: int, in_order: bool) -> None:
    from unref.corpus.store.postgres import scans_in_order

    assert scans_in_order(share, rows, window) is in_order


def _council_documents(store: Store) -> None:
    """Store twelve documents in which "council" is a broad word (a window of 5 holds fewer than its matches)."""
    store.search_window = 5
    for n in range(12):
        add(store, record([f"S/2026/{n}"], paragraphs=[
            "The council met." + " council" * (n % 4), f"Other words {n}.", "The council and the security."]))


def test_postgres_broad_query_in_order_finds_what_the_index_finds() -> None:
    """A search read in table order ranks the same window of matches as through the index: the same hits."""
    from conftest_db import pg_schema
    from unref.corpus.store.postgres import PostgresStore

    with pg_schema() as url, open_store(url) as store:
        assert isinstance(store, PostgresStore)
        _council_documents(store)
        queries = ["council", '"the council"', "council security", "council -met"]
        before = {q: [(h.ref, h.score, h.document.symbol) for h in store.search(q, limit=20)] for q in queries}
        store._stats = (time.monotonic(), {"council": 0.9, "the": 0.9, "security": 0.9}, 0.5, 1e9)
        assert store._in_order(parse_query("council"), 5, "")
        after = {q: [(h.ref, h.score, h.document.symbol) for h in store.search(q, limit=20)] for q in queries}
        assert after == before and all(before.values())


# PostgreSQL: the search's head, the passages of the first documents (issue 13)


@pytest.mark.parametrize(("known_share", "head_rows", "rows", "window", "head"), [
    (0.01, 520_000, 12_700_000, 1000, True),  # 100,000 documents, a common word: 5,200 matches in the head
    (0.001, 520_000, 12_700_000, 1000, False),  # a medium word: 520 in the head, less than a window
    (0.003, 520_000, 12_700_000, 1000, False),  # 1,560: a window, but not two (the shares are estimates)
    (0.0, 520_000, 12_700_000, 1000, False),  # a word the planner does not list
    (0.05, 300_000, 300_000, 1000, False),  # a small corpus: the head is the table
    (0.05, 0.0, 12_700_000, 1000, False),  # no head index (or never counted)
])
def test_searches_head(known_share: float, head_rows: float, rows: float, window: int, head: bool) -> None:
    from unref.corpus.store.postgres import searches_head

    assert searches_head(known_share, head_rows, rows, window) is head


@pytest.mark.parametrize(("query", "head_rows", "rows", "counts"), [
    ("propo*", 520_000, 12_700_000, True),  # a prefix: its share is unknown, the head's index counts it
    ("council propo*", 520_000, 12_700_000, True),  # a prefix beside a word
    ("proposal", 520_000, 12_700_000, False),  # a word the planner does not list is rarer than its floor
    ('"security council"', 520_000, 12_700_000, False),  # a phrase: counted only when `searches_head` says so
    ("propo*", 300_000, 300_000, False),  # a small corpus: the head is the table
    ("propo*", 0.0, 12_700_000, False),  # no head index (or never counted)
])
def test_counts_head(query: str, head_rows: float, rows: float, counts: bool) -> None:
    from unref.corpus.store.postgres import counts_head

    assert counts_head(parse_query(query), head_rows, rows) is counts


@pytest.mark.parametrize(("head", "in_order", "values"), [
    (False, False, ("10000", "on", "on", "on")),  # the whole table: the planner chooses
    (False, True, ("10000", "off", "on", "on")),  # in order: no bitmap
    (True, False, ("10000", "on", "off", "off")),  # the head's index, as a bitmap
    (True, True, ("10000", "off", "on", "on")),  # the head, in order
])
def test_search_settings(head: bool, in_order: bool, values: tuple[str, ...]) -> None:
    from unref.corpus.store.postgres import Plan, search_settings

    sql, params = search_settings(Plan(head=head, in_order=in_order), 10.0)
    assert params == values and sql.count("%s") == len(values) and "set_config('jit', 'off', true)" in sql


def test_postgres_search_settings_end_with_the_search() -> None:
    """The settings and the search go in one message (one transaction): none is left on the connection."""
    from conftest_db import pg_schema
    from unref.corpus.store.postgres import PostgresStore

    with pg_schema() as url, open_store(url) as store:
        assert isinstance(store, PostgresStore)
        _council_documents(store)
        work_mem = store.conn.execute("SHOW work_mem").fetchone()
        assert store.search("council", limit=3) and store.search('"the council"', Filters(organ="SC"))
        assert store.conn.execute("SHOW work_mem").fetchone() == work_mem
        assert store.conn.execute("SHOW enable_seqscan").fetchone() == ("on",)
        with store.transaction():  # inside a caller's transaction, the search runs in it
            assert store.search("council", limit=3)


@pytest.mark.parametrize(("ranked", "window", "candidates", "limit", "holds"), [
    (1000, 1000, None, 0, True),  # a window ranked
    (999, 1000, None, 0, False),  # the head ran out of matches
    (0, 1000, None, 0, False),
    (300, 1000, 4000, 4000, True),  # a phrase: the head's 4,000 candidates held it 300 times
    (300, 1000, 2500, 4000, False),  # a phrase: the head ran out of candidates
])
def test_holds_window(ranked: int, window: int, candidates: int | None, limit: int, holds: bool) -> None:
    from unref.corpus.store.postgres import holds_window

    assert holds_window(ranked, window, candidates, limit) is holds


def test_postgres_search_of_the_head_finds_what_the_whole_table_finds() -> None:
    """A broad query searched in the head's index ranks the same window as through the whole table's."""
    from conftest_db import pg_schema
    from unref.corpus.store.postgres import PostgresStore

    with pg_schema() as url, open_store(url) as store:
        assert isinstance(store, PostgresStore)
        _council_documents(store)
        queries = ["council", '"the council"', "council security", "council -met", '"council met"',
                   '"council council council"']  # the last, a phrase held by few of its candidates
        # limit 1: a window of 5, which the head holds; limit 20: a window of 60, more than it holds

        def hits(q: str, limit: int) -> list[tuple[str, float, str | None]]:
            return [(h.ref, h.score, h.document.symbol) for h in store.search(q, limit=limit)]

        before = {(q, n): hits(q, n) for q in queries for n in (1, 2, 20)}
        store._stats = (time.monotonic(), {"council": 0.9, "the": 0.9, "security": 0.9, "met": 0.9}, 0.5, 1e9)
        store._head = (time.monotonic(), 1e6)
        assert store._plan(parse_query("council"), 5, 5, "").head
        after = {(q, n): hits(q, n) for q in queries for n in (1, 2, 20)}
        assert after == before and all(before.values())
        store._head = (time.monotonic(), 1.0)  # a head too small for a window: the whole table's index
        assert not store._plan(parse_query("council"), 5, 5, "").head
        assert {(q, n): hits(q, n) for q in queries for n in (1, 2, 20)} == before


def test_postgres_search_of_a_prefix_counted_in_the_head_finds_what_the_whole_table_finds() -> None:
    """A prefix, whose share the planner cannot tell, is searched in the head when the head's index counts a
    window of its matches there, and ranks the same window as through the whole table's index."""
    from conftest_db import pg_schema
    from unref.corpus.store.postgres import PostgresStore

    with pg_schema() as url, open_store(url) as store:
        assert isinstance(store, PostgresStore)
        _council_documents(store)
        queries = ["counc*", "counc* security", '"the counc*"', "secur* -met", "zzz*"]

        def hits(q: str, limit: int) -> list[tuple[str, float, str | None]]:
            return [(h.ref, h.score, h.document.symbol) for h in store.search(q, limit=limit)]

        before = {(q, n): hits(q, n) for q in queries for n in (1, 2, 20)}
        store._stats = (time.monotonic(), {}, 0.5, 1e9)  # no word listed: the prefixes' shares are unknown
        store._head = (time.monotonic(), 1e6)
        plan = store._plan(parse_query("counc*"), 5, 5, "")
        assert plan.head and plan.counted
        after = {(q, n): hits(q, n) for q in queries for n in (1, 2, 20)}
        assert after == before and any(before.values())
