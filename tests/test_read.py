"""The read stage's door: code points no record can hold are replaced and counted, a BOM decides UTF-16
and UTF-32, and whatever text comes in, every record unref writes encodes to UTF-8 and reads back from JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import unref
from conftest import FIXTURES
from unref.errors import InputError
from unref.model import Document
from unref.read import read
from unref.read.text import _wide_encoding, decode_text, read_text
from unref.text.chars import noncharacter_warning, replace_noncharacters

LETTER = (FIXTURES / "letter.txt").read_text(encoding="utf-8")


def encodes(record: dict[str, Any]) -> bool:
    """Return True when a record writes as UTF-8 JSON and reads back equal."""
    json.dumps(record, ensure_ascii=False).encode("utf-8")
    return bool(json.loads(json.dumps(record, ensure_ascii=False)) == record)


@pytest.mark.parametrize("text, expected, count", [
    ("plain text", "plain text", 0),
    ("", "", 0),
    ("a\ud800b", "a\ufffdb", 1),                       # a lone high surrogate
    ("\udfff", "\ufffd", 1),                           # a lone low surrogate
    ("\ud83d\ude00", "\ufffd\ufffd", 2),               # two halves in a str are two code points, not a character
    ("\ufdd0 \ufdef \ufdf0", "\ufffd \ufffd \ufdf0", 2),  # the block of non-characters ends at U+FDEF
    ("\ufffe\uffff\ufffd", "\ufffd\ufffd\ufffd", 2),   # U+FFFD itself stays
    ("\U0001fffe\U0010ffff\U0010fffd", "\ufffd\ufffd\U0010fffd", 2),  # the last two of every plane
    ("\U0001f600 é \u200b \x00", "\U0001f600 é \u200b \x00", 0),  # characters, however odd, stay
])
def test_replace_noncharacters(text: str, expected: str, count: int) -> None:
    assert replace_noncharacters(text) == (expected, count)


@pytest.mark.parametrize("count, words", [(1, "1 code point that is not a character"),
                                          (3, "3 code points that are not characters")])
def test_noncharacter_warning(count: int, words: str) -> None:
    assert noncharacter_warning(count).startswith(words)


@pytest.mark.parametrize("head, expected", [
    (b"\xff\xfe\x00\x00A\x00\x00\x00", (4, "utf-32-le")),  # UTF-32 LE's BOM starts like UTF-16 LE's
    (b"\x00\x00\xfe\xff\x00\x00\x00A", (4, "utf-32-be")),
    (b"\xff\xfeA\x00", (2, "utf-16-le")),
    (b"\xfe\xff\x00A", (2, "utf-16-be")),
    (b"\xef\xbb\xbfA", None),                              # UTF-8's BOM: the narrow decoder
    (b"A", None),
])
def test_wide_encoding(head: bytes, expected: tuple[int, str] | None) -> None:
    assert _wide_encoding(head) == expected


@pytest.mark.parametrize("codec, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                        ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_bom_decides_wide_text(codec: str, bom: bytes) -> None:
    assert decode_text(bom + LETTER.encode(codec), "letter.txt") == LETTER
    doc = unref.parse(bom + LETTER.encode(codec), name="letter.txt")
    assert doc.to_json(spans=False) == unref.parse_text(LETTER).to_json(spans=False) | {"source": "letter.txt"}


@pytest.mark.parametrize("data, reason", [
    (b"\xff\xfe" + "   \n".encode("utf-16-le"), "is empty"),
    (b"\xff\xfe" + "\x01\x02\x03\x04 text".encode("utf-16-le") * 50, "is binary, not text"),
    (b"A\x00B\x00C\x00", "is binary, not text"),            # UTF-16 with no BOM is not guessed
])
def test_wide_text_refused(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        decode_text(data, "x.txt")


def test_wide_text_with_a_lone_surrogate_is_replaced_and_warned() -> None:
    data = b"\xff\xfe" + LETTER[:400].encode("utf-16-le") + b"\x00\xd8" + LETTER[400:].encode("utf-16-le")
    source = read(data, name="letter.txt")
    assert "\ud800" not in source.text and source.text[400] == "\ufffd"
    assert source.warnings == [noncharacter_warning(1)]
    # An odd byte at the end (data cut inside a character) is replaced too, not an error.
    assert decode_text(data + b"\x41", "x.txt").endswith("\ufffd")


def test_read_text_replaces_and_warns() -> None:
    source = read_text(LETTER[:300] + "\ud800\ufffe" + LETTER[300:])
    assert source.text == LETTER[:300] + "\ufffd\ufffd" + LETTER[300:]
    assert source.warnings == [noncharacter_warning(2)]
    assert read_text(LETTER).warnings == []


def test_parse_text_with_noncharacters_encodes() -> None:
    doc = unref.parse_text(LETTER.replace("the situation", "the \udc80situation\U0010ffff", 1))
    assert noncharacter_warning(2) in doc.warnings
    assert encodes(doc.to_json())


def test_a_path_of_undecodable_bytes_encodes(tmp_path: Path) -> None:
    # A file name that is not UTF-8 comes to Python with lone surrogates (surrogateescape).
    doc = unref.parse_text(LETTER)
    doc.source = str(tmp_path / "caf\udce9.txt")
    record = doc.to_json()
    assert record["source"].endswith("caf\ufffd.txt") and encodes(record)


def test_pdf_text_with_a_lone_surrogate(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A PDF whose text holds a lone surrogate (as a damaged ToUnicode map gives) makes a record that encodes."""
    pdfgen = pytest.importorskip("pdfgen")
    pytest.importorskip("fpdf")
    import importlib

    assemble = importlib.import_module("unref.read.pdf.assemble")

    path = pdfgen.letter(tmp_path / "letter.pdf")
    line_text = assemble._line_text

    def damaged(line: Any) -> tuple[str, list[tuple[int, str]]]:
        text, markers = line_text(line)
        return text.replace("Ambassador", "Amba\ud800sador"), markers

    monkeypatch.setattr(assemble, "_line_text", damaged)
    source = read(path)
    assert "\ud800" not in source.text and "Amba\ufffdsador" in source.text
    assert all(source.text[ln.start:ln.start + len(ln.text)] == ln.text for p in source.pages for ln in p.lines)
    assert source.warnings == [noncharacter_warning(1)]
    doc = unref.parse(path)
    assert noncharacter_warning(1) in doc.warnings and encodes(doc.to_json())


# --- Any text at all: hypothesis ------------------------------------------------------------------

# Lines as UN documents print them, for text that goes past the door into the parser's rules.
_UN_LINES = [
    "United Nations", "General Assembly", "Security Council", "A/81/123-S/2026/456", "Distr.: General",
    "3 March 2026", "Original: English", "Eighty-first session", "Agenda item 12",
    "Letter dated 2 March 2026 from the Permanent Representative", "1. Recalls its resolution 2712 (2023),",
    "as stated in A/RES/78/1 and S/PV.9999,", "“The Council decides to remain seized of the matter.”",
    "see https://undocs.org/A/78/1", "1 A/78/2, annex.", "__________", "\f", "", "   ", "(Signed) Name",
    "inter-", "national", "resolution 1514 (XV) of 14 December 1960", "ibid., para. 4.",
]
_ODD = st.sampled_from(["\ud800", "\udfff", "\ufffe", "\uffff", "\ufdd0", "\U0010ffff", "\x00", "\x1b",
                        "\u2028", "\u202e", "\ufeff", "\r", "\b", "\u0301", "ǅ", "İ", "ß", "\U0001f600"])
_UN_TEXT = st.lists(st.one_of(st.sampled_from(_UN_LINES), st.text(max_size=30), _ODD),
                    max_size=30).map("\n".join)
ANY_TEXT = st.one_of(st.text(max_size=200), _UN_TEXT)


def test_a_line_of_superscript_digits() -> None:
    """A line of only a superscript figure at the head of a page is no page number (int() takes no "²")."""
    assert unref.parse_text("²\n" + LETTER).paragraphs


@settings(max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_any_text_parses_or_fails_cleanly_and_every_record_round_trips(text: str) -> None:
    try:
        doc = unref.parse_text(text)
    except unref.UnrefError:
        return
    record = doc.to_json()
    assert encodes(record)
    assert Document.from_json(json.loads(json.dumps(record))).to_json() == record
