"""PDF input: generated PDFs whose every line is known, the awkward files, and real UN PDFs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import unref
from conftest import SHARED

pdfgen = pytest.importorskip("pdfgen")
pytest.importorskip("fpdf", reason="fpdf2 makes the test PDFs: pip install -e '.[dev]'")

from unref.errors import InputError  # noqa: E402
from unref.model import Source  # noqa: E402
from unref.read import looks_like_pdf, read  # noqa: E402
from unref.read.pdf import NO_TEXT_LAYER, NoTextLayerError, read_pdf, slash_markers  # noqa: E402
from unref.read.pdf.glyphs import SPACE_GAP, Fragment, Glyph, Row, _space_at_marker_edge  # noqa: E402
from unref.read.pdf.labels import _is_head_row, _small_print_start  # noqa: E402
from unref.read.pdf.order import _bands, _blocks  # noqa: E402

needs_fonts = pytest.mark.skipif(not pdfgen.have_fonts(),
                                 reason=f"the DejaVu fonts for non-Latin test text are not in {pdfgen.FONT_DIR}")


def corpus_pdf(name: str) -> Path:
    """Return a PDF of the shared corpus, skipping the test (and naming the path) when it is absent."""
    path = SHARED / "corpus" / "dev" / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpus is not beside this checkout)")
    return path


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pdfs")
    pdfgen.letter(folder / "letter.pdf")
    pdfgen.letter(folder / "encrypted.pdf", user_password="secret")
    pdfgen.rotated(folder / "rotated.pdf")
    if pdfgen.have_fonts():
        pdfgen.languages(folder / "languages.pdf")
    pdfgen.scanned(folder / "scanned.pdf")
    pdfgen.chinese(folder / "chinese.pdf")
    data = (folder / "letter.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 2])
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n")
    (folder / "empty.pdf").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def letter(made: Path) -> Source:
    return read_pdf(made / "letter.pdf")


def lines_of(source: Source, kind: str, page: int | None = None) -> list[str]:
    return [ln.text for p in source.pages for ln in p.lines if ln.kind == kind and page in (None, p.number)]


# --- Reading: text, offsets, geometry ----------------------------------------------------------------


def test_source_shape(letter: Source) -> None:
    assert (letter.format, letter.style, len(letter.pages)) == ("pdf", "pdf", 2)
    assert letter.text.count("\f") == 1
    for page in letter.pages:
        for line in page.lines:
            assert letter.text[line.start:line.end] == line.text
            assert line.page == page.number
            if line.kind != "blank":
                assert line.box is not None and line.font_size
    page1 = letter.text.split("\f")[0]
    assert page1 == "\n".join(ln.text for ln in letter.pages[0].lines)


@pytest.mark.parametrize("words", [
    "I write with regard to a recently surfaced video recording, dated 23 July 1993,",
    "Since then the Council has met on the matter several times.",  # words placed without space glyphs
    "Its last meeting took place in February 2025, when members heard a briefing.",  # letter-spaced word
    "The meeting addressed the situation in and around the former Nagorno-",  # line-end hyphen kept
    "Karabakh region and the return of displaced persons.",
])
def test_words_are_spaced_from_geometry(letter: Source, words: str) -> None:
    assert words in lines_of(letter, "body")


def test_masthead_reads_column_by_column(letter: Source) -> None:
    body = [t for t in lines_of(letter, "body", 1) if t][:6]
    assert body == ["United Nations", "S/2025/999", "Security Council", "Distr.: General", "3 March 2025",
                    "Original: English"]


def test_running_heads_and_feet_are_furniture(letter: Source) -> None:
    assert lines_of(letter, "furniture", 1) == ["25-02826 (E) 270225", "*2502826*"]
    assert lines_of(letter, "furniture", 2) == ["S/2025/999", "2/2", "25-02826"]


def test_footnote_area_under_the_rule(letter: Source) -> None:
    assert lines_of(letter, "note", 1) == [
        "1 See https://example.org/reports/2025/summary.pdf.",
        "2 Letter dated 4 April 2011 from the Permanent Representative of Utopia to the",
        "United Nations addressed to the Secretary-General (A/65/808-S/2011/145).",
    ]
    assert lines_of(letter, "note", 2) == ["3 Circulated in the language of submission only."]
    notes = [ln for p in letter.pages for ln in p.lines if ln.kind == "note"]
    assert all(ln.font_size == pytest.approx(8.0, abs=0.1) for ln in notes)


def test_superscripts_are_glued_and_recorded(letter: Source) -> None:
    body = lines_of(letter, "body")
    assert "War.1 The admission was made in public and is recorded in full." in body
    assert "Nations2 and with other bodies, and this paragraph carries on" in body
    assert [label for _, label in letter.markers] == ["1", "2", "3"]
    for offset, label in letter.markers:
        assert letter.text[offset:offset + len(label)] == label
    assert letter.text[letter.markers[0][0] - 4:letter.markers[0][0]] == "War."


def test_paragraph_breaks_are_blank_lines(letter: Source) -> None:
    kinds = [(ln.kind, ln.text) for ln in letter.pages[0].lines]
    i = kinds.index(("body", "Since then the Council has met on the matter several times."))
    assert kinds[i - 1] == ("blank", "")
    assert kinds[i + 1][0] == "body"  # the next line of the same paragraph follows without a break


def test_links(letter: Source) -> None:
    assert letter.links == [(1, "https://example.org/reports/2025/summary.pdf")]


def test_turned_page_reads_in_order(made: Path) -> None:
    source = read_pdf(made / "rotated.pdf")
    assert lines_of(source, "body") == ["First line of the turned page.", "Second line follows the first.",
                                        "Third line ends it."]


@needs_fonts
def test_languages(made: Path) -> None:
    body = lines_of(read_pdf(made / "languages.pdf"), "body")
    assert body == [
        "Français : élève, déjà, garçon, Noël, cœur.",
        "Español: año, señor, corazón, pingüino.",
        "Русский: Совет Безопасности, резолюция.",
        "الأمم المتحدة S/2025/1",  # right to left in reading order; the symbol keeps its own order
    ]


def test_chinese(made: Path) -> None:
    source = read_pdf(made / "chinese.pdf")
    assert lines_of(source, "body") == ["联合国安全理事会", "第2025/1号决议 S/RES/2025"]


# --- The whole pipeline ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def letter_doc(made: Path) -> unref.Document:
    return unref.parse(made / "letter.pdf")


def test_parse_letter(letter_doc: unref.Document) -> None:
    md = letter_doc.metadata
    assert (letter_doc.format, letter_doc.pages) == ("pdf", 2)
    assert md.symbols == ["S/2025/999"]
    assert md.date == "2025-03-03"
    assert md.doc_type == "letter"
    assert [s.name for s in md.signatories] == ["Maria Example"]


def test_parse_links_every_marker(letter_doc: unref.Document) -> None:
    assert [(f.label, f.page) for f in letter_doc.footnotes] == [("1", 1), ("2", 1), ("3", 2)]
    assert letter_doc.footnotes[0].text == "See https://example.org/reports/2025/summary.pdf."
    texts = {p.id: p.text for p in letter_doc.paragraphs}
    before = {r.label: texts[r.paragraph][:r.offset] for r in letter_doc.footnote_refs}
    assert before["1"].endswith("before the First Garabagh War.")
    assert before["2"].endswith("in correspondence with the United Nations")
    assert before["3"].endswith("as a document of the Security Council.")


def test_paragraph_runs_across_the_page_break(letter_doc: unref.Document) -> None:
    texts = [p.text for p in letter_doc.paragraphs]
    assert any("across the page break without any gap in its text, which is the second half" in t for t in texts)
    assert any("the former Nagorno-Karabakh region" in t for t in texts)
    assert not any("25-02826" in t or "2502826" in t for t in texts)


# --- Files that cannot be read ------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "reason"), [
    ("empty.pdf", "is empty"),
    ("truncated.pdf", "damaged or truncated PDF (the end of the file is missing)"),
    ("corrupt.pdf", "damaged or truncated PDF (cannot be opened)"),
    ("encrypted.pdf", "encrypted PDF (password required)"),
    ("scanned.pdf", NO_TEXT_LAYER),
])
def test_bad_files_give_one_clear_reason(made: Path, name: str, reason: str) -> None:
    with pytest.raises(InputError) as info:
        unref.parse(made / name)
    assert info.value.reason == reason
    assert str(info.value) == f"{made / name}: {reason}"


@pytest.mark.parametrize(("name", "reason"), [
    ("empty.pdf", "is empty"),
    ("truncated.pdf", "damaged or truncated PDF (the end of the file is missing)"),
    ("corrupt.pdf", "damaged or truncated PDF (cannot be opened)"),
    ("encrypted.pdf", "encrypted PDF (password required)"),
    ("scanned.pdf", NO_TEXT_LAYER),
])
def test_bad_bytes_give_the_same_reason(made: Path, name: str, reason: str) -> None:
    data = (made / name).read_bytes()
    with pytest.raises(InputError) as info:
        read(data)
    # Empty bytes are no PDF by their header: they are read as text, which is empty all the same.
    assert (info.value.reason, info.value.path) == (reason, "<bytes>")
    with pytest.raises(InputError) as named:
        read(data, name="upload.pdf")
    assert named.value.path == "upload.pdf"


def test_read_from_bytes_is_read_from_the_file(made: Path, letter: Source) -> None:
    path = made / "letter.pdf"
    from_bytes = read(path.read_bytes())
    assert (from_bytes.text, from_bytes.markers, from_bytes.links) == (letter.text, letter.markers, letter.links)
    assert [ln.box for p in from_bytes.pages for ln in p.lines] == [ln.box for p in letter.pages for ln in p.lines]
    assert from_bytes.path is None
    with path.open("rb") as fh:
        from_file = read(fh)
    assert (from_file.text, from_file.path) == (letter.text, str(path))


def test_a_text_mode_file_is_refused(made: Path) -> None:
    with (made / "letter.pdf").open(encoding="latin-1") as fh, pytest.raises(TypeError, match="binary mode"):
        read(fh)  # type: ignore[arg-type]


@pytest.mark.parametrize(("data", "text"), [
    (b"\xef\xbb\xbfS/2025/1\nText", "S/2025/1\nText"),  # UTF-8 with a BOM
    ("Résolution 2334\n".encode("cp1252"), "Résolution 2334\n"),  # Windows-1252
    (b"page one\fpage two", "page one\fpage two"),
])
def test_text_from_bytes(data: bytes, text: str) -> None:
    source = read(data)
    assert (source.text, source.format, source.path) == (text, "text", None)


@pytest.mark.parametrize(("data", "reason"), [
    (b"  \n", "is empty"),
    (b"ab\x00cd" * 10, "is binary, not text"),
])
def test_bad_text_bytes(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as info:
        read(data, name="upload.txt")
    assert (info.value.path, info.value.reason) == ("upload.txt", reason)


@pytest.mark.parametrize(("head", "name", "pdf"), [
    (b"%PDF-1.7\n", None, True),
    (b"\xef\xbb\xbf\n%PDF-1.4", None, True),
    (b"junk %PDF-1.4", None, False),
    (b"junk %PDF-1.4", "a.PDF", True),
    (b"Security Council", "a.pdf", False),
])
def test_looks_like_pdf(head: bytes, name: str | None, pdf: bool) -> None:
    assert looks_like_pdf(head, name) is pdf


def test_encrypted_with_its_password(made: Path) -> None:
    assert "War.1" in read_pdf(made / "encrypted.pdf", password="secret").text
    with pytest.raises(InputError, match="wrong password"):
        read_pdf(made / "encrypted.pdf", password="guess")


def test_scan_allowed_empty(made: Path) -> None:
    with pytest.raises(NoTextLayerError):
        read_pdf(made / "scanned.pdf")
    doc = unref.parse(made / "scanned.pdf", allow_empty=True)
    assert (doc.paragraphs, doc.warnings, doc.pages) == ([], [NO_TEXT_LAYER], 1)


def test_limits(made: Path) -> None:
    with pytest.raises(InputError, match=r"too many pages \(2; the limit is 1"):
        unref.parse(made / "letter.pdf", max_pages=1)
    with pytest.raises(InputError, match="longer than"):
        read_pdf(made / "letter.pdf", timeout=1e-9)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from unref.cli import main; sys.argv[0] = 'unref'; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60)


def test_cli(made: Path) -> None:
    ok = _cli("parse", str(made / "letter.pdf"), "--format", "json", "--no-spans")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["symbols"] == ["S/2025/999"]
    bad = _cli("parse", str(made / "encrypted.pdf"))
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr == f"unref: error: {made / 'encrypted.pdf'}: encrypted PDF (password required)\n"
    scan = _cli("parse", str(made / "scanned.pdf"), "--allow-empty", "--max-pages", "5", "--timeout", "30",
                "--max-memory", "4096")
    assert scan.returncode == 0, scan.stderr
    assert json.loads(scan.stdout)["warnings"] == [NO_TEXT_LAYER]


# --- Small pieces -------------------------------------------------------------------------------------------


def test_slash_markers() -> None:
    from unref.model import Line

    text = "summit meeting on 7 August 1987, 1/ and the agreements"
    lines = [Line(text, 0, 1),
             Line("of resolution 47/118 and annex 2/ of", 60, 1),
             Line("1/ A/42/521-S/19085, annex.", 100, 1, kind="note")]
    # "2/" has no note on the page; "47/118" is a symbol.
    assert slash_markers(lines) == [(text.index("1/"), "1")]


# --- Real UN documents (read from ../shared when it is there) ---------------------------------------------


def test_corpus_letter() -> None:
    doc = unref.parse(corpus_pdf("A_79_796-S_2025_105.en.pdf"))
    assert doc.metadata.symbols == ["A/79/796", "S/2025/105"]
    assert [f.label for f in doc.footnotes] == ["1", "2", "3", "4", "5"]
    texts = {p.id: p.text for p in doc.paragraphs}
    before = {r.label: texts[r.paragraph][:r.offset] for r in doc.footnote_refs}
    assert before["1"].endswith("before and during the First Garabagh War.")
    assert before["5"].endswith("committed against some 1,000,000 Azerbaijanis.")
    assert any("Levon Ter-Petrosyan, explicitly" in t for t in texts.values())


def test_corpus_scan() -> None:
    with pytest.raises(NoTextLayerError):
        unref.parse(corpus_pdf("S_1998_144.en.pdf"), ocr="never")  # auto reads it by OCR (tests/test_ocr.py)


def test_corpus_1990s_slash_markers() -> None:
    source = read_pdf(corpus_pdf("A_RES_48_161.en.pdf"))
    assert [label for _, label in source.markers][:2] == ["1", "2"]
    offset = source.markers[0][0]
    assert source.text[offset - 6:offset + 2] == "1987, 1/"


def test_corpus_landscape_heads_are_furniture() -> None:
    source = read_pdf(corpus_pdf("A_79_794-S_2025_104.en.pdf"))
    page = source.pages[2]
    assert "A/79/794" in [ln.text for ln in page.lines if ln.kind == "furniture"]
    assert any(ln.kind == "table" for ln in page.lines)


# --- Decisions of the PDF reader, one table each ----------------------------------------------------------


def _glyph(ch: str, left: float, right: float, size: float = 10.0, bottom: float = 100.0) -> Glyph:
    return (ch, left, bottom, right, bottom + size, size)


@pytest.mark.parametrize(("opens", "prev", "parts", "g", "pending", "space"), [
    (True, _glyph(".", 10, 12), list("war."), _glyph("1", 12, 14, 6, 104), False, False),  # war.1
    (True, _glyph("3", 10, 15), list("2023"), _glyph("2", 15, 18, 6, 104), False, True),  # 2023 2: not 20232
    (True, _glyph(".", 10, 12), list("2023."), _glyph("2", 12, 15, 6, 104), False, True),  # 2023. 2
    (False, _glyph("1", 12, 14, 6, 104), list("war.1"), _glyph("T", 14, 20), False, False),  # 1The: no gap
    (False, _glyph("1", 12, 14, 6, 104), list("war.1"), _glyph("T", 15, 20), False, True),  # a gap before a letter
    (False, _glyph("1", 12, 14, 6, 104), list("war.1"), _glyph(",", 14.6, 16), False, False),  # 1, glued
    (False, _glyph("1", 12, 14, 6, 104), list("war.1"), _glyph(",", 14, 16), True, True),  # a printed space
])
def test_space_at_marker_edge(opens: bool, prev: Glyph, parts: list[str], g: Glyph, pending: bool,
                              space: bool) -> None:
    assert _space_at_marker_edge(opens, g, prev, parts, pending, SPACE_GAP) is space


def _frag(text: str, y0: float, size: float = 10.0, x0: float = 72.0, x1: float = 300.0) -> Fragment:
    row = Row([], y0, y0 + size, size)
    return Fragment(row, [], x0, x1, size, y0, y0 + size, (text, []))


@pytest.mark.parametrize(("tops", "big", "blocks"), [
    ([700, 688, 676], 6.0, 0),  # one paragraph: no white space taller than `big`
    ([700, 688, 650], 6.0, 2),  # a paragraph break
    ([700, 650, 600], 6.0, 3),
    ([700], 6.0, 0),  # one band: nothing to cut
])
def test_blocks(tops: list[float], big: float, blocks: int) -> None:
    frags = [_frag("text", y) for y in tops]
    assert len(_blocks(_bands(frags), big)) == blocks


@pytest.mark.parametrize(("sizes", "start"), [
    ([10, 10, 8, 8], 2),
    ([10, 10], 2),  # no small print at the foot
    ([8, 8], 0),  # all small print
    ([10, 8, 10], 3),  # small print that does not end the page
])
def test_small_print_start(sizes: list[float], start: int) -> None:
    rows = [Row([], 700 - 12 * i, 710 - 12 * i, s) for i, s in enumerate(sizes)]
    assert _small_print_start(rows, 9.2) == start


@pytest.mark.parametrize(("texts", "sizes", "page", "head"), [
    (["S/2025/999"], [8.4], 2, True),
    (["S/2025/999", "Letter to the President"], [8.4, 8.4], 2, True),  # a head's title in its small print
    (["S/2025/999", "Letter to the President"], [8.4, 10.0], 2, False),  # body text beside it
    (["S/2025/999"], [8.4], 1, False),  # on page 1 a symbol is the masthead's
    (["25-02826 (E)"], [8.4], 1, True),  # a job number is furniture everywhere
    (["Security Council"], [10.0], 2, False),
])
def test_is_head_row(texts: list[str], sizes: list[float], page: int, head: bool) -> None:
    group = [_frag(t, 760, s) for t, s in zip(texts, sizes, strict=True)]
    assert _is_head_row(group, page, 0.92 * 10.0) is head


def test_a_glyph_without_a_box_keeps_the_box_before(made: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pdfium fails only for an index out of range; should it fail, the glyph takes the last box it gave."""
    import pypdfium2 as pdfium

    from unref.read.pdf import glyphs

    doc = pdfium.PdfDocument(made / "letter.pdf")
    page = doc[0]
    tp = page.get_textpage()
    try:
        real = glyphs._LOOSE_CHAR_BOX
        text = tp.get_text_range()
        first = next(i for i, ch in enumerate(text) if ch.isalpha())
        monkeypatch.setattr(glyphs, "_LOOSE_CHAR_BOX", lambda a, i, r: real(a, i, r) if i <= first else 0)
        got = [g for runs in glyphs.page_runs(tp.raw).values() for run in runs for g in run.glyphs]
    finally:
        tp.close()
        page.close()
        doc.close()
    assert got[0][0] == text[first]
    assert len(got) > 1
    assert {g[1:5] for g in got} == {got[0][1:5]}  # every later glyph keeps the first one's box


@pytest.mark.parametrize("count", [1, glyphs_clock := 4096, glyphs_clock + 1])
def test_char_boxes_in_slices(made: Path, count: int) -> None:
    """The boxes come in slices of CLOCK_EVERY glyphs: the same boxes as asked for one by one."""
    import ctypes
    from array import array

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from unref.read.pdf.glyphs import _RECT, _char_boxes

    doc = pdfium.PdfDocument(made / "letter.pdf")
    page = doc[0]
    tp = page.get_textpage()
    try:
        n = min(count, tp.count_chars())
        text = tp.get_text_range()
        buf = array("f", bytes(_RECT * n))
        address = ctypes.cast(tp.raw, ctypes.c_void_p).value or 0
        lefts, tops, rights, bottoms, _ = _char_boxes(address, text, 0, n, buf, (0.0, 0.0, 0.0, 0.0))
        rect = pdfium_c.FS_RECTF()
        for i in range(n):
            pdfium_c.FPDFText_GetLooseCharBox(tp.raw, i, ctypes.byref(rect))
            assert (lefts[i], tops[i], rights[i], bottoms[i]) == (rect.left, rect.top, rect.right, rect.bottom)
    finally:
        tp.close()
        page.close()
        doc.close()
