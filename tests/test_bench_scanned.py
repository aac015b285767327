"""bench/scanned.py: the simulated scan (seeded, image-only, same page size) and the character error rate."""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from fpdf import FPDF
from PIL import Image

from benchmods import load_bench

scanned = load_bench("scanned")


@pytest.mark.parametrize(
    ("ref", "hyp", "rate"),
    [
        ("the Security Council", "the Security Council", 0.0),
        ("the Security Council", "the  Security\nCouncil", 0.0),  # white space folded
        ("resolution 1995", "resolution l995", 1 / 15),
        ("abcd", "", 1.0),
        ("in 1989 the Council met", "in the Council met", 5 / 23),
        ("one two three", "one tw0 three four", 6 / 13),
    ],
)
def test_cer(ref: str, hyp: str, rate: float) -> None:
    assert scanned.cer(ref, hyp, scanned._difflib_distance) == pytest.approx(rate)


@pytest.mark.parametrize(
    ("a", "b", "d"), [("kitten", "sitting", 3), ("", "abc", 3), ("abc", "abc", 0), ("ab", "ba", 2)]
)
def test_levenshtein(a: str, b: str, d: int) -> None:
    assert scanned.edit_distance(a, b) == d


def test_damage_is_mild_and_seeded() -> None:
    one = scanned.Damage.draw(random.Random(1))
    assert one == scanned.Damage.draw(random.Random(1))
    for seed in range(50):
        d = scanned.Damage.draw(random.Random(seed))
        assert abs(d.skew) <= scanned.MAX_SKEW and 200 <= d.paper < 255 and d.ink < 60


def test_degrade_greys_the_page_and_keeps_its_size() -> None:
    page = Image.new("L", (400, 300), 255)
    page.paste(0, (100, 100, 300, 140))  # a black bar: ink
    damage = scanned.Damage(paper=225, ink=30, skew=1.0, blur=0.6, noise=16)
    out = scanned.degrade(page, damage, 300, random.Random(3))
    assert out.size == page.size and out.mode == "L"
    corner = sum(out.getpixel((x, 5)) for x in range(5, 50)) / 45
    ink = sum(out.getpixel((x, 120)) for x in range(150, 250)) / 100
    assert 205 < corner < 245 and ink < 80


def test_write_scan_is_image_only_and_seeded(tmp_path: Path) -> None:
    src = tmp_path / "src.pdf"
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.text(72, 100, "The Security Council, recalling its resolution 2334 (2016),")
    pdf.output(str(src))
    one, two = tmp_path / "a" / "dev" / "x.pdf", tmp_path / "b" / "dev" / "x.pdf"
    assert scanned.write_scan(src, one, 100, 7) == 1
    scanned.write_scan(src, two, 100, 7)
    renders = []
    for path in (one, two):
        doc = pdfium.PdfDocument(str(path))
        renders.append(doc[0].render(scale=1).to_pil().tobytes())
        doc.close()
    assert renders[0] == renders[1]  # the same damage (the files differ in their IDs only)
    doc, orig = pdfium.PdfDocument(str(one)), pdfium.PdfDocument(str(src))
    try:
        assert doc[0].get_size() == pytest.approx(orig[0].get_size())
        assert doc[0].get_textpage().get_text_range().strip() == ""
    finally:
        doc.close()
        orig.close()


P = "The Security Council met on 3 March and heard a briefing by the Special Representative."
Q = "It then decided to remain seized of the matter and to consider the report at its next meeting in April."
NOTE = "The text of the speech is available at the Secretariat."


def test_a_moved_note_counts_only_its_own_errors() -> None:
    ref, hyp = f"{P} {NOTE} {Q}", f"{P} {Q} {NOTE.replace('Secretariat', 'Secretarist')}"
    assert scanned._difflib_distance(ref, hyp) > 2 * len(NOTE)  # in reading order: deleted, then inserted
    assert scanned.moved_distance(ref, hyp) == 1


def test_short_stretches_count_where_they_stand() -> None:
    ref, hyp = f"{P} short bit {Q}", f"{P} {Q} short bit"
    assert scanned.moved_distance(ref, hyp) == scanned._difflib_distance(ref, hyp) == 2 * len(" short bit")
