"""One record per document (issue 14): a PDF and the text extracted from it are one document.

The best source (a PDF before text) is the document; the other files are its `sources`. Both backends.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

import pdfgen
from conftest_db import db_url_fixture, pg_unavailable, pg_url, record, store_fixture  # noqa: F401  (fixtures)
from unref.corpus.ingest import ingest
from unref.corpus.store import Store, open_store, prepare


def _add(store: Store, symbol: str, fmt: str, hash: str, *, language: str = "en") -> bool:
    rec = record([symbol] if symbol else [], fmt=fmt, language=language, paragraphs=["The valley was quiet."])
    return store.add(prepare(rec, hash=hash, path=f"/corpus/{hash}.{'pdf' if fmt == 'pdf' else 'txt'}"))


@pytest.mark.parametrize("order", [("text", "pdf"), ("pdf", "text")])
def test_a_pdf_and_its_text_are_one_record_the_pdf(store: Store, order: tuple[str, str]) -> None:
    for fmt in order:
        assert _add(store, "S/2025/10", fmt, f"h-{fmt}") is True
    docs = list(store.iter_documents())
    assert [(d.symbol, d.format, d.hash) for d in docs] == [("S/2025/10", "pdf", "h-pdf")]
    assert [(s["hash"], s["format"], s["path"]) for s in store.sources(docs[0].id)] == [
        ("h-text", "text", "/corpus/h-text.txt")]
    assert store.known(["h-pdf", "h-text", "h-other"]) == {"h-pdf", "h-text"}
    assert _add(store, "S/2025/10", "text", "h-text") is False  # a source is known: a re-ingest skips it
    assert len(store.search("valley", distinct=False)) == 1
    assert store.stats()["documents"] == 1


def test_a_second_text_of_the_same_document_is_a_source_too(store: Store) -> None:
    assert _add(store, "S/2025/10", "text", "h1") and _add(store, "S/2025/10", "text", "h2")
    assert [d.hash for d in store.iter_documents()] == ["h1"]  # the first stays the document
    _add(store, "S/2025/10", "pdf", "h3")  # a PDF replaces it; the sources follow the document
    (doc,) = store.iter_documents()
    assert doc.hash == "h3" and sorted(s["hash"] for s in store.sources(doc.id)) == ["h1", "h2"]


def test_copies_in_one_batch(store: Store) -> None:
    docs = [prepare(record(["S/2025/10"], fmt=fmt, paragraphs=["Words."]), hash=f"h-{fmt}")
            for fmt in ("text", "pdf")]
    assert store.add_many(docs) == [True, True]
    (doc,) = store.iter_documents()
    assert doc.format == "pdf" and [s["hash"] for s in store.sources(doc.id)] == ["h-text"]
    assert store.stats()["passages"] == 1


@pytest.mark.parametrize(("first", "second"), [
    (("S/2025/10", "en"), ("S/2025/10", "fr")),  # two language versions: one record per language
    (("S/2025/10", "en"), ("S/2025/11", "en")),
    (("", "en"), ("", "en")),  # no symbol: nothing says they are the same document
])
def test_what_is_not_a_copy(store: Store, first: tuple[str, str], second: tuple[str, str]) -> None:
    _add(store, first[0], "text", "h1", language=first[1])
    _add(store, second[0], "pdf", "h2", language=second[1])
    assert sorted(d.hash for d in store.iter_documents()) == ["h1", "h2"]


def test_delete_a_source_or_the_document(store: Store) -> None:
    _add(store, "S/2025/10", "pdf", "h1")
    _add(store, "S/2025/10", "text", "h2")
    _add(store, "S/2025/10", "text", "h3")
    assert store.delete("h2") is True and store.known(["h2"]) == set()
    assert store.delete("h1") is True  # the document goes with its other sources
    assert store.known(["h1", "h3"]) == set() and store.stats()["documents"] == 0


def test_the_migration_merges_copies_already_stored(db_url: str) -> None:
    with open_store(db_url) as store:  # a store of an older unref: copies stored as documents
        store._execute("DROP TABLE sources")
        store._execute("DELETE FROM migrations WHERE version = 3")
        for n, (symbol, fmt) in enumerate([("S/1/1", "text"), ("S/1/1", "pdf"), ("S/1/1", "text"),
                                           ("S/1/2", "text"), ("", "text"), ("", "text")]):
            doc = prepare(record([symbol] if symbol else [], fmt=fmt, paragraphs=[f"Words {n}."]), hash=f"h{n}")
            with store.transaction():
                doc_id = store._insert_document(doc)
                assert doc_id is not None
                store._insert_rows_of([(doc_id, doc)])
    with open_store(db_url) as store:
        docs = {d.hash: d for d in store.iter_documents()}
        assert sorted(docs) == ["h1", "h3", "h4", "h5"]
        assert sorted(s["hash"] for s in store.sources(docs["h1"].id)) == ["h0", "h2"]
        assert store.known([f"h{n}" for n in range(6)]) == {f"h{n}" for n in range(6)}
        assert store.stats()["passages"] == 4


@pytest.mark.skipif(not pdfgen.have_fonts(), reason="needs the DejaVu fonts (Debian's fonts-dejavu-core)")
def test_ingest_of_a_pdf_and_its_text_stores_one_document(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    pdf = pdfgen.letter(folder / "letter.pdf")
    doc = pdfium.PdfDocument(str(pdf))
    try:  # the text extracted from the PDF, as a user's folder holds it beside the PDF
        pages = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()
    (folder / "letter.txt").write_text("\f".join(pages), encoding="utf-8")
    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        result = ingest([folder], store)
        assert result.failed == 0
        (stored,) = store.iter_documents()
        assert stored.symbol == pdfgen.SYMBOL and stored.format == "pdf"
        assert [s["format"] for s in store.sources(stored.id)] == ["text"]
        again = ingest([folder], store)  # a second run finds both files known
        assert again.failed == 0 and store.stats()["documents"] == 1
