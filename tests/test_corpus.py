"""Invariants over the shared corpus of real UN documents (../shared/corpus), when present.

Every `*.pdftotext.txt` of the dev corpus is parsed once, in-process (about 10 s for
the whole corpus), and each test checks one property over all documents, listing
every document that breaks it. The tests skip when ../shared is not beside this
checkout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import unref
from conftest import shared_path

# A job number as printed at a page foot: "25-02826 (E)", "GE.19-13879(E)".
JOB_NUMBER_RE = re.compile(r"(?:\b[A-Z]{1,3}\.)?\b\d{2}-\d{5}\s*\([A-Z]\)")
UNDERSCORES_RE = re.compile(r"_{10,}")


@dataclass
class Parsed:
    """A corpus file, its text, and the document or the error that parsing raised."""

    path: Path
    source: str
    doc: unref.Document | None
    error: str | None


@pytest.fixture(scope="module")
def corpus() -> list[Parsed]:
    """Return every dev corpus file, parsed."""
    folder = shared_path("corpus", "dev")
    out: list[Parsed] = []
    for path in sorted(folder.glob("*.pdftotext.txt")):
        source = path.read_text(encoding="utf-8")
        try:
            out.append(Parsed(path, source, unref.parse(path), None))
        except Exception as err:  # the test lists every failure
            out.append(Parsed(path, source, None, f"{type(err).__name__}: {err}"))
    assert out, f"no *.pdftotext.txt in {folder}"
    return out


def docs(corpus: list[Parsed]) -> list[tuple[str, unref.Document]]:
    """Return (file name, document) of every file that parsed."""
    return [(item.path.name, item.doc) for item in corpus if item.doc is not None]


def test_every_file_parses(corpus: list[Parsed]) -> None:
    failures = [f"{item.path.name}: {item.error}" for item in corpus if item.error]
    assert not failures, "\n".join(failures)


def test_every_document_has_paragraphs(corpus: list[Parsed]) -> None:
    empty = [name for name, doc in docs(corpus) if not any(p.kind != "masthead" for p in doc.paragraphs)]
    assert not empty


def test_no_page_furniture_in_paragraphs(corpus: list[Parsed]) -> None:
    found = [
        f"{name} {p.id}: {p.text[:100]!r}"
        for name, doc in docs(corpus)
        for p in doc.paragraphs
        if JOB_NUMBER_RE.search(p.text) or UNDERSCORES_RE.search(p.text)
    ]
    assert not found, "\n".join(found)


def test_numeric_note_labels_do_not_repeat(corpus: list[Parsed]) -> None:
    # Within a run of notes numbered from 1, labels rise; they repeat only where the
    # numbering starts again at 1 (an annex, or the next part of a report, numbers its
    # notes anew). Endnotes are left out: they repeat the labels of the notes they follow.
    broken = []
    for name, doc in docs(corpus):
        if any(fn.page == 0 for fn in doc.footnotes):
            continue
        labels = [int(fn.label) for fn in doc.footnotes if fn.label.isdigit()]
        previous = 0
        for label in labels:
            if label != 1 and label <= previous:
                broken.append(f"{name}: {labels}")
                break
            previous = label
    assert not broken, "\n".join(broken)


def test_refs_point_at_paragraphs_and_notes(corpus: list[Parsed]) -> None:
    broken = []
    for name, doc in docs(corpus):
        lengths = {p.id: len(p.text) for p in doc.paragraphs}
        notes = {fn.id for fn in doc.footnotes}
        for ref in doc.footnote_refs:
            length = lengths.get(ref.paragraph, -1)
            if ref.footnote not in notes or not 0 <= ref.offset <= length:
                broken.append(f"{name}: {ref}")
    assert not broken, "\n".join(broken)


def test_paragraphs_map_back_to_the_source(corpus: list[Parsed]) -> None:
    broken = []
    for item in corpus:
        if item.doc is None:
            continue
        for p in item.doc.paragraphs:
            at = p.source_offset(0)
            if at is None or item.source[at] != p.text[0]:
                broken.append(f"{item.path.name} {p.id}: {p.text[:40]!r} -> {at}")
    assert not broken, "\n".join(broken[:50])


def test_seed_letter() -> None:
    doc = unref.parse(shared_path("corpus", "seed", "khojaly_letter_2019.txt"))
    assert [fn.label for fn in doc.footnotes] == [str(n) for n in range(1, 10)]
    assert sorted(int(r.label) for r in doc.footnote_refs) == list(range(1, 10))
    paragraphs = {p.id: p.text for p in doc.paragraphs}
    before = {r.label: paragraphs[r.paragraph][: r.offset] for r in doc.footnote_refs}
    # A spaced marker after a name and a comma: "Serzh Sargsyan, 6 along with".
    assert before["6"].endswith("Serzh Sargsyan,")
    assert not re.search(r"Sargsyan, 6 along", doc.text())
