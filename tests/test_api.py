"""The public API: what `unref.parse`, `parse_text` and `cite_text` take, `Document.from_json`, the errors."""

from __future__ import annotations

import ast
import io
import json
import pickle
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import unref
from conftest import FIXTURES, SHARED
from unref import Citation, Document, InputError, LimitError, UnrefError
from unref.model import (
    CITATION_KINDS,
    PARAGRAPH_KINDS,
    Footnote,
    FootnoteRef,
    Metadata,
    Paragraph,
    Quote,
    Signatory,
    Span,
)
from unref.render import markdown_block, with_note_markers

LETTER = FIXTURES / "letter.txt"
SRC = Path(unref.__file__).resolve().parent


def summary(doc: Document) -> dict[str, Any]:
    """Return what a parse gives, less where it came from: the record without its source."""
    record = doc.to_json()
    record.pop("source")
    return record


@pytest.fixture(scope="module")
def letter() -> Document:
    return unref.parse(LETTER)


# ---------------------------------------------------------------------------
# The names the package exports


def test_the_package_exports_its_api() -> None:
    assert set(unref.__all__) == {"parse", "parse_text", "cite_text", "Document", "Citation",
                                  "UnrefError", "InputError", "LimitError"}
    for name in unref.__all__:
        assert getattr(unref, name).__doc__, f"unref.{name} has no docstring"


# ---------------------------------------------------------------------------
# parse: a path, bytes or a binary file


@pytest.mark.parametrize(("given", "source"), [
    (str(LETTER), str(LETTER)),
    (LETTER, str(LETTER)),
])
def test_a_path_is_read_from_disk(letter: Document, given: str | Path, source: str) -> None:
    doc = unref.parse(given)
    assert doc.source == source
    assert summary(doc) == summary(letter)


def test_bytes_are_read_from_memory(letter: Document) -> None:
    data = LETTER.read_bytes()
    assert summary(unref.parse(data)) == summary(letter)
    assert unref.parse(data).source is None
    assert unref.parse(data, name="upload.txt").source == "upload.txt"


def test_a_binary_file_is_read_from_memory(letter: Document) -> None:
    assert summary(unref.parse(io.BytesIO(LETTER.read_bytes()))) == summary(letter)
    with LETTER.open("rb") as fh:
        doc = unref.parse(fh)
    assert (doc.source, summary(doc)) == (str(LETTER), summary(letter))


def test_a_pdf_from_bytes_is_the_pdf_from_its_path(tmp_path: Path) -> None:
    pdfgen = pytest.importorskip("pdfgen")
    pytest.importorskip("fpdf", reason="fpdf2 makes the test PDFs: pip install -e '.[dev]'")
    path = pdfgen.letter(tmp_path / "letter.pdf")
    from_path = unref.parse(path)
    assert summary(unref.parse(path.read_bytes())) == summary(from_path)
    with path.open("rb") as fh:
        assert unref.parse(fh).to_json() == from_path.to_json()


def test_a_scan_from_bytes_with_allow_empty_is_named_as_given(tmp_path: Path) -> None:
    pdfgen = pytest.importorskip("pdfgen")
    pytest.importorskip("fpdf", reason="fpdf2 makes the test PDFs: pip install -e '.[dev]'")
    data = pdfgen.scanned(tmp_path / "scanned.pdf").read_bytes()
    assert unref.parse(data, allow_empty=True).source is None
    doc = unref.parse(data, allow_empty=True, name="scan.pdf")
    assert (doc.source, doc.format, doc.paragraphs, doc.pages) == ("scan.pdf", "pdf", [], 1)
    with pytest.raises(InputError):
        unref.parse(data)


def test_a_limit_is_said_in_words(tmp_path: Path) -> None:
    pdfgen = pytest.importorskip("pdfgen")
    pytest.importorskip("fpdf", reason="fpdf2 makes the test PDFs: pip install -e '.[dev]'")
    path = pdfgen.letter(tmp_path / "letter.pdf")
    with pytest.raises(LimitError) as info:
        unref.parse(path.read_bytes(), max_pages=1)
    assert info.value.limit == "max_pages"
    assert info.value.reason.startswith("too many pages (")
    assert "--" not in str(info.value)


@pytest.mark.parametrize("given", [None, 3, 2.5, ["a"], {"path": "x"}])
def test_parse_says_what_it_takes(given: Any) -> None:
    with pytest.raises(TypeError, match="path, bytes or a binary file"):
        unref.parse(given)


# ---------------------------------------------------------------------------
# parse_text: the string is the text


def test_text_is_parsed_as_text(letter: Document) -> None:
    text = LETTER.read_text()
    assert summary(unref.parse_text(text)) == summary(letter)
    # The ways of before, kept for compatibility, give the same.
    assert unref.parse(text=text).to_json() == unref.parse_text(text).to_json()
    assert unref.parse(text).to_json() == unref.parse_text(text).to_json()


@pytest.mark.parametrize("text", [
    str(LETTER),  # names a file, and is still text
    "letter.txt",
    "Hello",
])
def test_a_one_line_string_is_text_never_a_path(text: str) -> None:
    with pytest.raises(InputError, match="does not look like a UN document") as info:
        unref.parse_text(text)
    assert info.value.path is None


def test_a_one_line_document_is_parsed() -> None:
    doc = unref.parse_text("Security Council resolution 2334 (2016) is recalled in S/2025/105.")
    assert [c.target for c in doc.citations] == ["S/RES/2334 (2016)", "S/2025/105"]


@pytest.mark.parametrize("given", [b"S/2025/1\nText", Path("x.txt"), None])
def test_parse_text_takes_a_str_only(given: Any) -> None:
    with pytest.raises(TypeError, match="parse_text"):
        unref.parse_text(given)


# ---------------------------------------------------------------------------
# cite_text: citations with no document around them


@pytest.mark.parametrize(("text", "expected"), [
    ("as decided in Security Council resolution 2334 (2016)",
     [("un_symbol", "resolution 2334 (2016)", "S/RES/2334 (2016)")]),
    ("see A/79/796-S/2025/105, para. 4",
     [("un_symbol", "A/79/796", "A/79/796"), ("un_symbol", "S/2025/105", "S/2025/105")]),
    ("General Assembly resolution 45/3", [("un_symbol", "resolution 45/3", "A/RES/45/3")]),
    ("recalling its resolution 12", [("un_resolution", "resolution 12", None)]),
    ("at https://www.un.org/en/about-us", [("url", "https://www.un.org/en/about-us", "https://www.un.org/en/about-us")]),
    ("No citation here.", []),
    ("", []),
])
def test_cite_text(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = unref.cite_text(text)
    assert [(c.kind, c.text, c.target) for c in found] == expected
    for c in found:
        assert isinstance(c, Citation)
        assert (c.location, text[c.start:c.end]) == ("p1", c.text)


def test_cite_text_is_what_a_document_cites() -> None:
    sentence = "The Council recalled resolutions 822 (1993) and 853 (1993) and document S/2025/105."
    in_document = unref.parse_text(f"S/2025/1\n\nUnited Nations\n\nSecurity Council\n\n{sentence}\n")
    paragraph = next(p for p in in_document.paragraphs if p.text == sentence)
    cited = [(c.text, c.target) for c in in_document.citations if c.location == paragraph.id]
    assert [(c.text, c.target) for c in unref.cite_text(sentence)] == cited


@pytest.mark.parametrize(("language", "url"), [
    (None, "https://undocs.org/en/S/2025/105"),
    ("fr", "https://undocs.org/fr/S/2025/105"),
])
def test_cite_text_language_of_urls(language: str | None, url: str) -> None:
    assert [c.url for c in unref.cite_text("S/2025/105", language=language)] == [url]


def test_cite_text_takes_a_str_only() -> None:
    with pytest.raises(TypeError, match="cite_text"):
        unref.cite_text(b"S/2025/105")


# ---------------------------------------------------------------------------
# Document.from_json round-trips to_json

_text = st.text(max_size=12)
_maybe = st.none() | _text
_int = st.integers(min_value=0, max_value=10_000)
_spans = st.lists(st.builds(Span, _int, _int, _int, _int), max_size=3)
_json_value = st.recursive(st.none() | st.booleans() | _int | _text,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3),
                           max_leaves=6)

documents = st.builds(
    Document,
    source=_maybe,
    format=st.sampled_from(["text", "pdf"]),
    metadata=st.builds(
        Metadata,
        symbols=st.lists(_text, max_size=3), date=_maybe, language=_maybe, original_language=_maybe,
        distribution=_maybe, doc_type=_maybe, organs=st.lists(_text, max_size=2),
        sessions=st.dictionaries(_text, _text, max_size=2),
        agenda_items=st.dictionaries(_text, st.lists(_text, max_size=2), max_size=2),
        agenda_titles=st.lists(_text, max_size=2), title=_maybe, addressee=_maybe, sender=_maybe,
        signatories=st.lists(st.builds(Signatory, _text, _maybe, _maybe, _text), max_size=2),
        circulation=st.none() | st.dictionaries(_text, _json_value, max_size=3),
        job_number=_maybe, draft_symbol=_maybe,
    ),
    paragraphs=st.lists(st.builds(Paragraph, _text, st.sampled_from(PARAGRAPH_KINDS), _text, _int, _spans, _text),
                        max_size=4),
    footnotes=st.lists(st.builds(Footnote, _text, _text, _int, _spans, _text), max_size=3),
    footnote_refs=st.lists(st.builds(FootnoteRef, _text, _text, _int, _maybe), max_size=3),
    citations=st.lists(st.builds(Citation, st.sampled_from(CITATION_KINDS), _text, _text, _int, _int, _maybe, _maybe,
                                 st.booleans(), _maybe, _maybe, st.dictionaries(_text, _json_value, max_size=3)),
                       max_size=4),
    quotes=st.lists(st.builds(Quote, _text, _text, _int, _int, _maybe, _maybe, st.booleans()), max_size=2),
    warnings=st.lists(_text, max_size=2),
    pages=_int,
    links=st.lists(st.tuples(_int, _text), max_size=2),
)


def assert_round_trips(doc: Document) -> None:
    """Assert that from_json reads back what to_json wrote, with and without spans, in memory and as JSON."""
    for spans in (True, False):
        record = doc.to_json(spans=spans)
        assert Document.from_json(record).to_json(spans=spans) == record
        read_back = json.loads(json.dumps(record))
        assert Document.from_json(read_back).to_json(spans=spans) == read_back


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_from_json_round_trips_generated_documents(doc: Document) -> None:
    assert_round_trips(doc)
    assert Document.from_json(doc.to_json()) == doc


def test_from_json_round_trips_a_parsed_document(letter: Document) -> None:
    assert_round_trips(letter)
    assert Document.from_json(letter.to_json()) == letter


def test_from_json_shares_nothing_with_the_record(letter: Document) -> None:
    record = letter.to_json()
    doc = Document.from_json(record)
    record["paragraphs"][0]["spans"][0][0] = -1
    record["symbols"].append("X/1")
    record["citations"][0]["fields"]["added"] = True
    assert doc.to_json() == letter.to_json()


def _corpus_sample() -> list[Path]:
    """Return a few corpus files of each kind: every 40th text and every 40th PDF, in name order."""
    corpus = SHARED / "corpus"
    texts = sorted(corpus.glob("*/*.txt"))[::40]
    pdfs = sorted((corpus / "dev").glob("*.pdf"))[::40]
    return texts + pdfs


@pytest.mark.parametrize("path", _corpus_sample() or [pytest.param(None, marks=pytest.mark.skip(
    reason=f"{SHARED / 'corpus'} is absent (the shared corpus is not beside this checkout)"))],
    ids=lambda p: p.name if p else "absent")
def test_from_json_round_trips_corpus_documents(path: Path) -> None:
    assert_round_trips(unref.parse(path, allow_empty=True))


@pytest.mark.parametrize(("change", "message"), [
    (lambda r: r.update(schema="unref.document/2"), "not a unref.document/1 record"),
    (lambda r: r.pop("schema"), "not a unref.document/1 record"),
    (lambda r: r.pop("paragraphs"), "KeyError: 'paragraphs'"),
    (lambda r: r.pop("title"), "KeyError: 'title'"),
    (lambda r: r["quotes"].append({"text": "x", "unknown": 1}), "TypeError"),
    (lambda r: r["paragraphs"][0].update(spans=[[1, 2]]), "TypeError"),
])
def test_from_json_says_what_is_wrong(letter: Document, change: Any, message: str) -> None:
    record = letter.to_json()
    change(record)
    with pytest.raises(ValueError, match=re.escape(message)):
        Document.from_json(record)


@pytest.mark.parametrize("record", [None, [], "unref.document/1"])
def test_from_json_takes_a_record(record: Any) -> None:
    with pytest.raises(ValueError, match=re.escape("not a unref.document/1 record")):
        Document.from_json(record)


# ---------------------------------------------------------------------------
# Errors


@pytest.mark.parametrize(("error", "text"), [
    (UnrefError("a.pdf", "is empty"), "a.pdf: is empty"),
    (UnrefError(None, "is empty"), "is empty"),
    (InputError("a.txt", "is binary, not text"), "a.txt: is binary, not text"),
    (LimitError("a.pdf", "reading took longer than 120 s (the time limit)", "timeout"),
     "a.pdf: reading took longer than 120 s (the time limit)"),
])
def test_errors_are_one_line_and_cross_processes(error: UnrefError, text: str) -> None:
    assert str(error) == text
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), str(again), again.__dict__) == (type(error), text, error.__dict__)


def test_a_limit_error_names_the_limit_by_its_parse_keyword() -> None:
    error = LimitError("a.pdf", "too many pages (3; the limit is 2)", "max_pages")
    assert isinstance(error, InputError)
    assert error.limit == "max_pages"
    assert error.limit in unref.parse.__code__.co_varnames


# Library errors name no command-line option: the CLI adds its option's name where it prints one.
FLAG_RE = re.compile(r"(?<![\w-])--[a-z][a-z-]*")


def _library_modules() -> dict[Path, ast.Module]:
    """Return the parsed modules of src/unref, less the CLI (which has the options)."""
    return {path: ast.parse(path.read_text(encoding="utf-8"))
            for path in sorted(SRC.rglob("*.py")) if "cli" not in path.relative_to(SRC).parts}


def _error_classes(modules: dict[Path, ast.Module]) -> set[str]:
    """Return the names of the exception classes defined in the modules (by their bases, to a fixed point)."""
    names = {"Exception", "ValueError"}
    classes = [n for tree in modules.values() for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    grew = True
    while grew:
        found = {c.name for c in classes if any(_name_of(b) in names or _name_of(b).endswith("Error") for b in c.bases)}
        grew = not found <= names
        names |= found
    return names


def _name_of(node: ast.expr) -> str:
    """Return the name a call or base class is written with: `Error` or `module.Error` gives Error."""
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else ""


def _messages(tree: ast.Module, errors: set[str]) -> list[tuple[int, str]]:
    """Return (line, text) of the strings an error is built from: in a raise, a call of an error class,
    or the body of an error class (less its docstrings)."""
    roots: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            roots.append(node.exc)
        elif isinstance(node, ast.Call) and _name_of(node.func) in errors:
            roots.append(node)
        elif isinstance(node, ast.ClassDef) and node.name in errors:
            roots += [s for s in node.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    found = set()
    for root in roots:
        for node in ast.walk(root):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add((node.lineno, node.value))
    return sorted(found)


# Modules whose errors still name an option, each for its owner to say the limit in words.
_STILL_NAMING: dict[str, str] = {}


def _library_module_params() -> list[Any]:
    modules = _library_modules()
    errors = _error_classes(modules)
    params = []
    for path, tree in modules.items():
        rel = path.relative_to(SRC).as_posix()
        marks = [pytest.mark.xfail(reason=_STILL_NAMING[rel], strict=False)] if rel in _STILL_NAMING else []
        params.append(pytest.param(_messages(tree, errors), id=rel, marks=marks))
    return params


@pytest.mark.parametrize("messages", _library_module_params())
def test_library_errors_name_no_cli_option(messages: list[tuple[int, str]]) -> None:
    assert [(line, text) for line, text in messages if FLAG_RE.search(text)] == []


@pytest.mark.parametrize(("text", "names_an_option"), [
    ("reading took longer than 120 s (see --timeout)", True),
    ("too many pages (the limit is 2000, see --max-pages)", True),
    ("reading took longer than 120 s (the time limit)", False),
    ("a range 1--2 of pages", False),
    ("an em--dash", False),
])
def test_what_names_an_option(text: str, names_an_option: bool) -> None:
    assert bool(FLAG_RE.search(text)) is names_an_option


# ---------------------------------------------------------------------------
# Rendering


@pytest.mark.parametrize(("kind", "text", "markdown"), [
    ("title", "Letter dated 1 May", "## Letter dated 1 May"),
    ("annex_title", "Annex", "## Annex"),
    ("heading", "I. Introduction", "### I. Introduction"),
    ("quote", "line one\nline two", "> line one\n> line two"),
    ("signature", "(Signed) A. Name\nPermanent Representative", "(Signed) A. Name  \nPermanent Representative"),
    ("body", "1. The Council,\nacting", "1. The Council,\nacting"),
    ("list_item", "(a) first", "(a) first"),
])
def test_markdown_block(kind: Any, text: str, markdown: str) -> None:
    assert markdown_block(kind, text) == markdown


@pytest.mark.parametrize(("text", "refs", "marked"), [
    ("No notes.", [], "No notes."),
    ("See below. And more.", [(10, "1")], "See below.[^1] And more."),
    ("One two", [(3, "1"), (7, "2")], "One[^1] two[^2]"),
    ("One two", [(7, "2"), (3, "1")], "One[^1] two[^2]"),  # in any order
])
def test_note_markers_in_markdown(text: str, refs: list[tuple[int, str]], marked: str) -> None:
    assert with_note_markers(text, [FootnoteRef(label, "p1", offset) for offset, label in refs]) == marked
