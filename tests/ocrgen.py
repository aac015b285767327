"""Make scans for the OCR tests: a page of tests/pdfgen.py rendered to an image, degraded as a photocopy is
(grey background, noise, a slight blur), and written as an image-only PDF or as PNG, JPEG or TIFF files."""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
from fpdf import FPDF
from PIL import Image, ImageFilter

from unref.read.ocr.words import OcrWord

DPI = 300


def page_images(pdf: Path, dpi: int = DPI) -> list[Image.Image]:
    """Return the pages of a PDF rendered in grey at `dpi`."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [doc[k].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for k in range(len(doc))]
    finally:
        doc.close()


def degrade(image: Image.Image, seed: int = 7) -> Image.Image:
    """Return the image as a photocopy gives it: a grey background, specks of noise, a slight blur."""
    rng = random.Random(seed)
    out = image.point(lambda v: 225 if v > 225 else v)  # grey paper
    pixels = out.load()
    width, height = out.size
    for _ in range(width * height // 400):  # specks, light and dark
        x, y = rng.randrange(width), rng.randrange(height)
        pixels[x, y] = rng.choice((60, 255))
    return out.filter(ImageFilter.GaussianBlur(0.6))


def scan_pdf(images: list[Image.Image], path: Path, dpi: int = DPI) -> Path:
    """Write the images as an image-only PDF, one page each, at `dpi`; return its path."""
    pdf = FPDF(unit="pt", format="letter")
    for image in images:
        pdf.add_page()
        pdf.image(image, 0, 0, image.width * 72 / dpi, image.height * 72 / dpi)
    pdf.output(str(path))
    return path


def save_images(images: list[Image.Image], path: Path, dpi: int = DPI) -> Path:
    """Write the images as one file (several pages where the format holds them: TIFF); return its path."""
    first, *rest = images
    extra = {"save_all": True, "append_images": rest} if rest else {}
    first.save(path, dpi=(dpi, dpi), **extra)
    return path


def word(text: str, left: float, bottom: float, right: float, top: float, conf: float = 95.0,
         line: int = 0) -> OcrWord:
    """Return an OCR word (page points, origin bottom left) for the tests' hand-made pages."""
    return OcrWord(text, left, bottom, right, top, conf, line)
