"""read.ocr.layer: an old OCR layer (invisible text over the page's image) told from drawn text, on PDFs made
here with fpdf2; and scan.pages_to_read reading such pages in auto mode when it is given the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF
from fpdf.enums import TextMode
from PIL import Image

from unref.read.ocr.layer import OLD_OCR_LAYER, Drawn, is_ocr_layer, ocr_layer_pages
from unref.read.ocr.scan import old_layer_pages, pages_to_read
from unref.read.ocr.sources import SourceSpec
from unref.read.pdf.geometry import PageGeometry

W, H = 612.0, 792.0


@pytest.mark.parametrize(
    ("drawn", "layer"),
    [
        (Drawn(W * H, 300, 0), True),  # the page's image, its text all invisible
        (Drawn(0.95 * W * H, 90, 10), True),  # images in strips that cover it, a few words drawn
        (Drawn(W * H, 25, 88), False),  # drawn text, doubtful words invisible over pieces of the image
        (Drawn(0.3 * W * H, 300, 0), False),  # invisible text over a small picture
        (Drawn(W * H, 0, 0), False),  # a scan without any text
        (Drawn(0.0, 0, 500), False),  # born-digital
    ],
)
def test_is_ocr_layer(drawn: Drawn, layer: bool) -> None:
    assert is_ocr_layer(drawn, W, H) is layer


def make_pdf(path: Path, pages: list[tuple[bool, bool]]) -> Path:
    """Write a PDF of letter pages, each (with a page-size image?, its text invisible?)."""
    pdf = FPDF(unit="pt", format="letter")
    image = Image.new("L", (200, 260), 235)
    for with_image, invisible in pages:
        pdf.add_page()
        if with_image:
            pdf.image(image, 0, 0, W, H)
        pdf.set_font("Helvetica", size=10)
        pdf.text_mode = TextMode.INVISIBLE if invisible else TextMode.FILL
        for k in range(30):
            pdf.text(72, 80 + 20 * k, f"Line {k} of the text that the page carries, word after word.")
    pdf.output(str(path))
    return path


def test_ocr_layer_pages(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "mixed.pdf", [(True, True), (False, False), (True, True), (True, False)])
    assert ocr_layer_pages(str(path), [0, 1, 2, 3]) == {0, 2}
    assert ocr_layer_pages(path.read_bytes(), [1, 3]) == set()


@pytest.mark.parametrize(
    ("pages", "found"),
    [
        ([(True, True), (True, True)], [0, 1]),
        ([(False, False), (True, True)], []),  # the first page with text decides: drawn text, no look further
        ([(True, False), (True, False)], []),
    ],
)
def test_old_layer_pages(tmp_path: Path, pages: list[tuple[bool, bool]], found: list[int]) -> None:
    path = make_pdf(tmp_path / "doc.pdf", pages)
    assert old_layer_pages(SourceSpec("pdf", str(path)), list(range(len(pages)))) == found


def test_pages_to_read_reads_an_old_layer_in_auto_mode(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "old.pdf", [(True, True)])
    text = "Line of the text that the page carries, word after word. " * 20
    geo = PageGeometry(1, W, H, [], [], [], len(text), text=text)
    jobs, language = pages_to_read([geo], "auto", SourceSpec("pdf", str(path)))
    assert language == "en" and jobs == [(0, OLD_OCR_LAYER, "en")]
    assert pages_to_read([geo], "auto")[0] == []  # without the PDF, its text alone decides
    assert pages_to_read([geo], "never", SourceSpec("pdf", str(path)))[0] == []


def test_read_pdf_reads_an_old_layer_again_in_auto_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page whose image shows one text and whose invisible layer spells another (an old engine's reading, here
    clean words so that no word signal tells it) is read by OCR under auto: the page decides (read.pdf passes
    the PDF's spec to pages_to_read)."""
    pytest.importorskip("tesserocr")
    import sys

    from unref.read import read
    from unref.read.ocr.engine import EngineMissing, tessdata_dir

    try:
        tessdata_dir()
    except EngineMissing:
        pytest.skip("Tesseract's language data is not installed")
    sys.path.insert(0, str(Path(__file__).parent))
    import ocrgen
    import pdfgen

    monkeypatch.setenv("UNREF_OCR_CACHE", str(tmp_path / "cache"))
    w = pdfgen.Writer()
    w.page()
    shown = ["The Council examined the situation in the region and the reports",
             "of the Secretary-General on the activities of the mission there."]
    for k, line in enumerate(shown):
        w.text(72, 100 + 16 * k, line, size=12)
    image = ocrgen.degrade(ocrgen.page_images(w.output(tmp_path / "shown.pdf"))[0])
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.image(image, 0, 0, W, H)
    pdf.set_font("Helvetica", size=10)
    pdf.text_mode = TextMode.INVISIBLE
    for k in range(30):
        pdf.text(72, 80 + 20 * k, f"Line {k} of the text that the old engine gave, word after word.")
    pdf.output(str(tmp_path / "old.pdf"))
    source = read(tmp_path / "old.pdf")
    assert source.ocr is not None and [p.reason for p in source.ocr.pages] == [OLD_OCR_LAYER]
    assert "The Council examined the situation" in source.text
    assert "old engine" not in source.text
    assert read(tmp_path / "old.pdf", ocr="never").ocr is None  # never: the layer is kept
