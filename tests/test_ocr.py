"""Scans read by OCR: generated scans (a tests/pdfgen.py page rendered, degraded, written as an image-only PDF
or as image files) through the whole pipeline, the record's OCR fields, the cache, --ocr never, damaged
images, and the decision functions of read/ocr. Real scans of ../shared are checked where it is present."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("tesserocr")

import unref
from unref import Document, InputError
from unref.read import looks_like_image, read
from unref.read.ocr import engine, pool
from unref.read.ocr.engine import EngineMissing
from unref.read.ocr.page import font_size, is_drawing, is_raised, too_tall
from unref.read.ocr.pool import PageRead, pool_size
from unref.read.ocr.scan import (
    ALWAYS,
    NO_TEXT_LAYER,
    is_symbol_word,
    keep_confident,
    kept_words,
    page_language,
    page_ranges,
    page_reason,
    page_warnings,
)
from unref.read.ocr.sources import image_dpi
from unref.read.ocr.words import OcrWord
from unref.read.pdf import NO_TEXT_LAYER as NO_TEXT_LAYER_ERROR
from unref.read.pdf.geometry import PageGeometry

sys.path.insert(0, str(Path(__file__).parent))
import ocrgen
import pdfgen

try:
    engine.tessdata_dir()
except EngineMissing:
    pytest.skip("Tesseract's language data is not installed", allow_module_level=True)

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


@pytest.fixture(scope="module", autouse=True)
def ocr_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep the module's OCR cache in a folder of its own (pages read once are read from it after)."""
    folder = tmp_path_factory.mktemp("ocr-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("UNREF_OCR_CACHE", str(folder))
        yield folder


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Write the generated letter, as a scan (image-only PDF) and as PNG, JPEG and two-page TIFF files."""
    folder = tmp_path_factory.mktemp("scans")
    letter = pdfgen.letter(folder / "letter.pdf")
    images = [ocrgen.degrade(image, seed=k) for k, image in enumerate(ocrgen.page_images(letter))]
    return {
        "pdf": ocrgen.scan_pdf(images, folder / "scan.pdf"),
        "png": ocrgen.save_images(images[:1], folder / "page1.png"),
        "jpeg": ocrgen.save_images(images[:1], folder / "page1.jpg"),
        "tiff": ocrgen.save_images(images, folder / "letter.tiff"),
    }


@pytest.fixture(scope="module")
def scan_doc(scans: dict[str, Path]) -> Document:
    return unref.parse(scans["pdf"])


# --- Generated scans through the pipeline --------------------------------------------------------------------


def test_a_scan_is_read_by_ocr(scan_doc: Document) -> None:
    assert scan_doc.metadata.symbols == ["S/2025/999"]
    assert scan_doc.metadata.date == "2025-03-03"
    text = scan_doc.text()
    assert "Letter dated 2 March 2025 from the Permanent Representative" in text
    assert "which is the second half of one paragraph" in text
    assert scan_doc.pages == 2


def test_the_footnote_area_is_found_under_its_rule(scan_doc: Document) -> None:
    assert len(scan_doc.footnotes) >= 2
    assert any("example.org/reports/2025/summary.pdf" in f.text for f in scan_doc.footnotes)


def test_the_record_says_which_pages_ocr_read(scan_doc: Document) -> None:
    record = scan_doc.to_json()
    ocr = record["ocr"]
    assert ocr["engine"].startswith("tesseract ")
    assert ocr["dpi"] == 300
    assert [p["page"] for p in ocr["pages"]] == [1, 2]
    assert {p["language"] for p in ocr["pages"]} == {"eng"}
    assert {p["reason"] for p in ocr["pages"]} == {NO_TEXT_LAYER}
    assert all(80 <= p["confidence"] <= 100 for p in ocr["pages"])
    assert any("read by OCR" in w for w in record["warnings"])
    assert Document.from_json(record).to_json() == record


def test_the_ocr_record_fits_the_schema(scan_doc: Document) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(unref.__file__).parent / "schema" / "document.schema.json").read_text("utf-8"))
    jsonschema.validate(scan_doc.to_json(), schema)


def test_born_digital_records_have_no_ocr_field() -> None:
    doc = unref.parse_text("A/1/1\n\nUnited Nations\n\nGeneral Assembly\n\nThe Assembly met.\n")
    assert doc.ocr is None and "ocr" not in doc.to_json()


@pytest.mark.parametrize("kind", ["png", "jpeg", "tiff"])
def test_image_files_are_read_as_scans(scans: dict[str, Path], kind: str) -> None:
    doc = unref.parse(scans[kind])
    assert doc.metadata.symbols == ["S/2025/999"]
    assert doc.pages == (2 if kind == "tiff" else 1)
    assert doc.ocr is not None and doc.ocr.pages[0].reason == "an image file"


def test_progress_is_told_page_by_page(scans: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNREF_OCR_WORKERS", "2")  # a pool of two processes reads the two pages
    calls: list[tuple[int, int]] = []
    doc = unref.parse(scans["tiff"], progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]
    assert doc.pages == 2 and "which is the second half of one paragraph" in doc.text()


def test_image_bytes_are_read_as_scans(scans: dict[str, Path]) -> None:
    doc = unref.parse(scans["png"].read_bytes(), name="page1.png")
    assert doc.source == "page1.png" and doc.metadata.symbols == ["S/2025/999"]


def test_ocr_never_keeps_the_old_error(scans: dict[str, Path]) -> None:
    with pytest.raises(InputError) as info:
        unref.parse(scans["pdf"], ocr="never")
    assert info.value.reason == NO_TEXT_LAYER_ERROR


def test_cli_ocr_never_on_a_scan(scans: dict[str, Path]) -> None:
    code = "import sys; from unref.cli import main; sys.argv[0] = 'unref'; main()"
    out = subprocess.run([sys.executable, "-c", code, "parse", str(scans["pdf"]), "--ocr", "never"],
                         capture_output=True, text=True, timeout=120)
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr == f"unref: error: {scans['pdf']}: {NO_TEXT_LAYER_ERROR}\n"


def test_cli_reads_a_scan(scans: dict[str, Path]) -> None:
    code = "import sys; from unref.cli import main; sys.argv[0] = 'unref'; main()"
    out = subprocess.run([sys.executable, "-c", code, "parse", str(scans["png"]), "--format", "json", "--no-spans"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["symbols"] == ["S/2025/999"]


@pytest.mark.parametrize(("data", "reason"), [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "damaged image (cannot be decoded)"),
    (b"\xff\xd8\xff\xe0" + b"garbage" * 10, "damaged image (Truncated File Read)"),
])
def test_a_damaged_image_is_one_clear_line(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        unref.parse(path)
    assert str(info.value) == f"{path}: {reason}"


def test_a_truncated_image_names_the_file(scans: dict[str, Path], tmp_path: Path) -> None:
    path = tmp_path / "cut.png"
    path.write_bytes(scans["png"].read_bytes()[:5000])
    with pytest.raises(InputError) as info:
        unref.parse(path)
    assert str(info.value).startswith(f"{path}: damaged image")
    assert "\n" not in str(info.value)


def test_a_page_read_again_comes_from_the_cache(scans: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNREF_OCR_WORKERS", "1")  # in this process, where the engine is replaced
    first = unref.parse(scans["png"]).to_json()

    def no_engine(*args: object) -> list[OcrWord]:
        raise AssertionError("the engine ran on a cached page")

    monkeypatch.setattr(pool, "recognize", no_engine)
    assert unref.parse(scans["png"]).to_json() == first


def test_a_french_scan_is_read_with_french_data(tmp_path: Path) -> None:
    w = pdfgen.Writer()
    w.page()
    lines = ["Le Conseil de sécurité a examiné la situation dans la région et les rapports",
             "du Secrétaire général sur les activités de la mission des Nations Unies.",
             "Les membres du Conseil ont noté que la situation reste préoccupante et que",
             "les parties doivent respecter le cessez-le-feu et les accords de paix."]
    for k, line in enumerate(lines):
        w.text(72, 100 + 16 * k, line, size=12)
    pdf = w.output(tmp_path / "fr.pdf")
    scan = ocrgen.scan_pdf([ocrgen.degrade(image) for image in ocrgen.page_images(pdf)], tmp_path / "scan.pdf")
    source = read(scan)
    assert source.ocr is not None and source.ocr.pages[0].language == "fra"
    assert "Le Conseil de sécurité a examiné la situation" in source.text


def test_ocr_always_reads_pages_with_a_text_layer(tmp_path: Path) -> None:
    letter = pdfgen.letter(tmp_path / "letter.pdf")
    doc = unref.parse(letter, ocr="always")
    assert doc.ocr is not None and [p.reason for p in doc.ocr.pages] == [ALWAYS, ALWAYS]
    assert doc.metadata.symbols == ["S/2025/999"]
    assert unref.parse(letter).ocr is None  # auto: a good text layer is kept


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_time_limit_holds_while_ocr_reads(scans: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
                                              workers: str) -> None:
    monkeypatch.setenv("UNREF_OCR_CACHE", "off")
    monkeypatch.setenv("UNREF_OCR_WORKERS", workers)
    with pytest.raises(unref.LimitError) as info:
        unref.parse(scans["pdf"], timeout=0.5)
    assert str(info.value) == f"{scans['pdf']}: reading took longer than 0.5 s (the limit)"


def test_max_pages_holds_for_image_files(scans: dict[str, Path]) -> None:
    with pytest.raises(unref.LimitError, match=r"too many pages \(2; the limit is 1\)"):
        unref.parse(scans["tiff"], max_pages=1)


def test_a_bad_ocr_mode_is_refused(scans: dict[str, Path]) -> None:
    with pytest.raises(ValueError, match="ocr must be"):
        unref.parse(scans["pdf"], ocr="sometimes")  # type: ignore[arg-type]


# --- Decisions ---------------------------------------------------------------------------------------------


def _geo(chars: int, scanned: bool, text: str = "") -> PageGeometry:
    return PageGeometry(1, 600.0, 800.0, [], [], [], chars, scanned=scanned, text=text)


@pytest.mark.parametrize(("chars", "scanned", "mode", "reason"), [
    (0, True, "auto", NO_TEXT_LAYER),
    (0, True, "always", NO_TEXT_LAYER),
    (0, True, "never", None),
    (900, False, "auto", None),
    (900, False, "always", ALWAYS),
    (0, False, "auto", None),  # a blank page: nothing to read
])
def test_page_reason(chars: int, scanned: bool, mode: str, reason: str | None) -> None:
    assert page_reason(_geo(chars, scanned, "x" * chars), mode, "en") == reason  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "scanned", "doc", "language"), [
    ("", True, "en", None),  # no text layer: the document's first page decides
    ("the report of the Council and the members of the Assembly", False, "fr", "en"),
    ("الضؤؤؤؤراحمة لل ونيين ن ال دامت ال يتةرة ب الحرب", False, "en", "ar"),  # an Arabic annex, glyphs coded wrong
    ("xq zz 12 kk", False, "fr", "fr"),  # its own text tells nothing: the document's
])
def test_page_language(text: str, scanned: bool, doc: str, language: str | None) -> None:
    assert page_language(_geo(len(text), scanned, text), doc) == language


def _word(text: str, bottom: float, top: float, left: float = 0.0) -> OcrWord:
    return OcrWord(text, left, bottom, left + 10.0, top, 90.0, 0)


@pytest.mark.parametrize(("word", "raised"), [
    (_word("1", 104.0, 109.0), True),  # a figure above the baseline, smaller than the letters
    (_word("12", 104.0, 109.0), True),
    (_word("a", 104.0, 109.0), True),
    (_word("1", 100.0, 107.0), False),  # on the baseline: a figure of the text
    (_word("’", 104.0, 109.0), False),  # an apostrophe stands high too, but is no label
    (_word("1234", 104.0, 109.0), False),  # four figures: no note's label
    (_word("1", 104.0, 112.0), False),  # as tall as the letters
])
def test_is_raised(word: OcrWord, raised: bool) -> None:
    assert is_raised(word, 100.0, 7.0) is raised


def _symbols(spec: str) -> list[engine._Symbol]:
    """Symbols on a baseline at 100 (pixels, top-left origin), 30 tall; a symbol after "^" stands raised and small."""
    out, raised = [], False
    for ch in spec:
        if ch == "^":
            raised = True
            continue
        x = 20 * len(out)
        out.append(engine._Symbol(ch, x, 78, x + 18, 90) if raised else engine._Symbol(ch, x, 70, x + 18, 100))
    return out


@pytest.mark.parametrize(("spec", "words"), [
    ("War.^1", ["War.", "1"]),  # a marker glued to the word before it
    ("War.^!", ["War.", "!"]),  # split, then read again on its own
    ("Nations^12", ["Nations", "12"]),
    ("*2502826^*", ["*2502826*"]),  # the bar code's figures: no marker follows a figure
    ("people^’", ["people’"]),  # an apostrophe stands high by its nature
    ("Council", ["Council"]),
    ("^?", ["?"]),  # all raised: a mark of its own
])
def test_split_word(spec: str, words: list[str]) -> None:
    symbols = _symbols(spec)
    word = engine._Word(symbols, engine._box(symbols), 90.0)
    parts = engine._split_word(word, 100.0, 30.0)
    assert ["".join(s.text for s in w.symbols) for w in parts] == words


TALL_LETTERS = frozenset("bdfhijklt")


def _tilted_line(spec: str, slope: float) -> list[engine._Word]:
    """A line of words (spaces between them) whose baseline falls by `slope` pixels a pixel across, as on a
    skewed scan; short letters stand 17 or 19 high (as OCR boxes vary), capitals and tall letters 28, a symbol
    after "^" raised and 14 high."""
    words: list[engine._Word] = []
    x = 0
    for part in spec.split():
        symbols, raised = [], False
        for ch in part:
            if ch == "^":
                raised = True
                continue
            bottom = round(1000 + slope * x) - (12 if raised else 0)
            height = 14 if raised else 28 if ch.isupper() or ch in TALL_LETTERS else 17 + 2 * (x % 40 == 0)
            symbols.append(engine._Symbol(ch, x, bottom - height, x + 18, bottom))
            x += 20
        words.append(engine._Word(symbols, engine._box(symbols), 90.0))
        x += 20
    return words


LONG_LINE = "the United Nations Mission in Haiti for a period of six months subject to the proviso that it"


@pytest.mark.parametrize(("spec", "slope", "words"), [
    (LONG_LINE, 0.026, LONG_LINE.split()),  # skewed by 1.5 degrees: no letter is taken for a raised mark
    (LONG_LINE, -0.026, LONG_LINE.split()),
    (LONG_LINE + " war.^1", 0.026, [*LONG_LINE.split(), "war.", "1"]),  # a marker on the skewed line
    ("the war.^1 and the peace", 0.0, ["the", "war.", "1", "and", "the", "peace"]),
])
def test_split_raised_on_a_skewed_line(spec: str, slope: float, words: list[str]) -> None:
    parts = engine._split_raised(_tilted_line(spec, slope))
    assert ["".join(s.text for s in w.symbols) for w in parts] == words


@pytest.mark.parametrize(("bottoms", "slope"), [
    ([100, 100, 100, 100], 0.0),
    ([100, 102, 104, 106], 0.1),  # steeper than a scan's skew: held to MAX_SLOPE
    ([100, 101, 101, 102], 0.025),
    ([100, 100, 112, 100, 100, 100], 0.0),  # a descender does not tilt it
])
def test_baseline(bottoms: list[int], slope: float) -> None:
    symbols = [engine._Symbol("x", 20 * i, b - 20, 20 * i + 18, b) for i, b in enumerate(bottoms)]
    assert engine._baseline(symbols)[2] == pytest.approx(min(slope, engine.MAX_SLOPE))


@pytest.mark.parametrize(("text", "conf", "tall", "left", "drawing"), [
    ("SWS7/4", 0.0, 15.8, 38.0, True),  # the UN emblem beside an old masthead
    ("$/1998/144", 0.0, 8.9, 403.0, False),  # a symbol the engine doubts, as tall as its line
    ("A/56/385", 0.0, 17.0, 452.0, False),  # a symbol in large print at the masthead's right
    ("Security", 96.6, 13.4, 125.0, False),  # a big title, read with confidence
    ("‘4", 50.9, 24.2, 35.0, False),  # doubtful, not hopeless: left to the repairs
])
def test_is_drawing(text: str, conf: float, tall: float, left: float, drawing: bool) -> None:
    word = OcrWord(text, left, 100.0, left + 45.0, 100.0 + tall, conf, 0)
    assert is_drawing(word, 6.5, 568.0) is drawing


@pytest.mark.parametrize(("tall", "size"), [(6.6, 10.0), (7.9, 12.0), (5.3, 8.0), (0.1, 0.5)])
def test_font_size(tall: float, size: float) -> None:
    assert font_size(tall) == size


@pytest.mark.parametrize(("heights", "index", "tall"), [
    ([8.0, 8.0, 26.0], 2, True),  # a masthead's big series letter beside a line
    ([8.0, 8.0, 12.0], 2, False),  # a capital with a descender
    ([4.0, 9.0], 1, False),  # "on Security": x-height against ascender and descender
    ([26.0], 0, False),  # alone on its line
])
def test_too_tall(heights: list[float], index: int, tall: bool) -> None:
    line = [_word("w", 100.0, 100.0 + h, left=20.0 * k) for k, h in enumerate(heights)]
    assert too_tall(line[index], line) is tall


@pytest.mark.parametrize(("head", "image"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00", True),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", True),
    (b"II*\x00\x08\x00", True),
    (b"MM\x00*\x00\x00", True),
    (b"%PDF-1.7", False),
    (b"United Nations", False),
])
def test_looks_like_image(head: bytes, image: bool) -> None:
    assert looks_like_image(head) is image


@pytest.mark.parametrize(("info", "dpi"), [
    ({"dpi": (300, 300)}, 300.0),
    ({"dpi": (600.0, 600.0)}, 600.0),
    ({"dpi": (72, 72)}, 300.0),  # a screen default, not a scan's resolution
    ({}, 300.0),
    ({"dpi": "x"}, 300.0),
])
def test_image_dpi(info: dict[str, object], dpi: float) -> None:
    from PIL import Image

    image = Image.new("L", (10, 10))
    image.info.update(info)
    assert image_dpi(image) == dpi


@pytest.mark.parametrize(("env", "pages", "size"), [("1", 10, 1), ("3", 10, 3), ("3", 2, 2), ("", 1, 1), ("0", 1, 1)])
def test_pool_size(monkeypatch: pytest.MonkeyPatch, env: str, pages: int, size: int) -> None:
    monkeypatch.setenv("UNREF_OCR_WORKERS", env)
    assert pool_size(pages) == size


@pytest.mark.parametrize(("iso", "lang"), [
    ("en", "eng"), ("fr", "fra"), ("zh", "chi_sim"), (None, "eng"), ("de", "eng"),
])
def test_tesseract_language(iso: str | None, lang: str) -> None:
    assert engine.tesseract_language(iso) == lang


@pytest.mark.parametrize(("numbers", "text"), [([1], "1"), ([1, 2, 3, 7], "1–3, 7"), ([2, 4], "2, 4")])
def test_page_ranges(numbers: list[int], text: str) -> None:
    assert page_ranges(numbers) == text


@pytest.mark.parametrize(("page", "words", "warning"), [
    (PageRead(0, error="cannot be rendered (x)"), [], "page 3: cannot be rendered (x)"),
    (PageRead(0), [], "page 3: OCR found no text (a blank page, a drawing or a photograph)"),
    (PageRead(0), [OcrWord("word", 0, 0, 1, 1, 30.0, 0)],
     "page 3: OCR confidence 30 of 100 (a drawing, a map or a photograph: only the words read with confidence 60 "
     "or more are kept)"),
    (PageRead(0), [OcrWord("word", 0, 0, 1, 1, 90.0, 0)], None),
])
def test_page_warnings(page: PageRead, words: list[OcrWord], warning: str | None) -> None:
    assert page_warnings(3, page, words) == ([warning] if warning else [])


@pytest.mark.parametrize(("confs", "kept"), [
    ([95.0, 90.0, 20.0], [95.0, 90.0, 20.0]),  # a page of text: every word, doubtful ones to the repairs
    ([10.0, 20.0, 70.0, 5.0], [70.0]),  # a map: only what was read with confidence
    ([], []),
])
def test_keep_confident(confs: list[float], kept: list[float]) -> None:
    words = [OcrWord("word", 0, 0, 1, 1, c, 0) for c in confs]
    assert [w.conf for w in keep_confident(words)] == kept



@pytest.mark.parametrize(("text", "symbol"), [
    ("A/56/385", True),  # a symbol as printed
    ("S/1998/l44", True),  # one the digits repair sets right
    ("Avs6/385", True),  # one the document's own symbols set right
    ("SWS7/4", False),  # the emblem read as letters
    ("and/or", False),
    ("Nations", False),
])
def test_is_symbol_word(text: str, symbol: bool) -> None:
    assert is_symbol_word(text, ("A/56/385",)) is symbol


@pytest.mark.parametrize(("texts", "kept"), [
    # A masthead page read with low confidence: its symbol in large print stays for the repairs.
    (["Avs6/385", "(gg", "word", "text"], ["Avs6/385", "word"]),
    (["A/56/385", "(gg", "word", "text"], ["A/56/385", "word"]),
    (["SWS7/4", "(gg", "word", "text"], ["word"]),  # the emblem read as letters goes
])
def test_kept_words(texts: list[str], kept: list[str]) -> None:
    confs = [9.2, 0.0, 95.0, 10.0]
    words = [OcrWord(t, 400.0, 0, 450.0, 10, c, 0) for t, c in zip(texts, confs, strict=True)]
    assert [w.text for w in kept_words(words, 568.0, ("A/56/385",))] == kept


# --- Real scans of the dev corpus -----------------------------------------------------------------------------


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not present")
def test_a_real_scan_of_1998() -> None:
    doc = unref.parse(SHARED / "S_1998_144.en.pdf", timeout=600)
    assert doc.metadata.symbols == ["S/1998/144"]
    assert doc.metadata.date == "1998-02-20"
    assert doc.ocr is not None and len(doc.ocr.pages) == 10
