"""Whole-document parsing of a small letter written for the tests, and its JSON schema."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest

import unref
from conftest import FIXTURES


@pytest.fixture(scope="module")
def doc() -> unref.Document:
    return unref.parse(FIXTURES / "letter.txt")


def test_masthead(doc: unref.Document) -> None:
    md = doc.metadata
    assert md.symbols == ["A/81/123", "S/2026/456"]
    assert md.date == "2026-03-03"
    assert md.language == "en"
    assert md.original_language == "en"
    assert md.doc_type == "letter"
    assert md.organs == ["General Assembly", "Security Council"]
    assert md.agenda_items == {"General Assembly": ["12", "34 (b)"]}
    assert md.sessions["General Assembly"] == "Eighty-first session"
    assert md.addressee == "Secretary-General"
    assert md.sender == "Permanent Representative of Utopia to the United Nations"
    assert md.agenda_titles == ["Maintenance of international peace and security"]


def test_signature_and_circulation(doc: unref.Document) -> None:
    sig = doc.metadata.signatories[0]
    assert (sig.name, sig.title, sig.function) == ("Maria Example", "Ambassador", "Permanent Representative")
    assert doc.metadata.circulation is not None
    assert doc.metadata.circulation["agenda_items"]["General Assembly"] == ["12", "34 (b)"]


def test_footnotes_with_floating_labels(doc: unref.Document) -> None:
    notes = {fn.label: fn.text for fn in doc.footnotes}
    assert notes == {
        "1": "See A/80/999, para. 12.",
        "2": "See https://www.example.org/reports/2026/valley.pdf.",
        "3": "Report of the Special Rapporteur on the right to water (A/HRC/61/40), para. 7.",
    }


def test_markers_removed_and_linked(doc: unref.Document) -> None:
    text = {p.id: p.text for p in doc.paragraphs}
    before = {r.label: text[r.paragraph][: r.offset] for r in doc.footnote_refs}
    assert before["1"].endswith("in its report to the Council.")
    assert before["2"].endswith("the humanitarian situation was grave.")
    assert before["3"].endswith("to restore either service.”")
    assert "Council. The Commission" in doc.text()


def test_repairs_in_body(doc: unref.Document) -> None:
    assert "throughout the February period and that the humanitarian" in doc.text()


def test_furniture_is_not_body(doc: unref.Document) -> None:
    text = doc.text()
    for junk in ("26-01234", "040326", "*2601234*", "______"):
        assert junk not in text


def test_quote_attributed(doc: unref.Document) -> None:
    quotes = [q for q in doc.quotes if q.text.startswith("The population of the valley")]
    assert quotes and quotes[0].attributed_to == "Special Rapporteur"
    assert quotes[0].footnote == "3"


def test_spans_map_back_to_source(doc: unref.Document) -> None:
    source = (FIXTURES / "letter.txt").read_text()
    p = next(p for p in doc.paragraphs if p.text.startswith("I have the honour"))
    at = p.source_offset(0)
    assert at is not None and source[at:].startswith("I have the honour")


def test_json_matches_published_schema(doc: unref.Document) -> None:
    schema = json.loads((files("unref") / "schema" / "document.schema.json").read_text())
    jsonschema.validate(doc.to_json(), schema)
    jsonschema.validate(doc.to_json(spans=False), schema)


def test_parse_text_directly() -> None:
    doc = unref.parse(text=(FIXTURES / "letter.txt").read_text())
    assert doc.source is None
    assert doc.metadata.symbols == ["A/81/123", "S/2026/456"]


def test_title_takes_the_repairs_of_its_paragraph() -> None:
    text = (FIXTURES / "letter.txt").read_text()
    title = unref.parse(text=text).metadata.title
    assert title and title.startswith("Letter dated 2 March 2026 from the Permanent Representative of")
    # A word split by justification on the title's line is joined in the title as in its paragraph.
    broken = text.replace("from the Permanent Representative of", "from the Permanent Represen tative of", 1)
    assert broken != text
    assert unref.parse(text=broken).metadata.title == title
