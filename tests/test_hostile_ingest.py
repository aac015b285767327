"""Issue 15: the ingest of a folder with every hostile file of bench/hostile.py and 20 good documents stores the 20
and records the rest; the batch never stops on a file.

The good documents are 14 text letters and 6 PDF letters, each with its own symbol (S/2026/100 to S/2026/119) and its
own word (zq<n>x), so that each is found by itself. The hostile files are small versions of bench/hostile.py's set
(each class once, and mutated dev PDFs when the corpus is here), under low limits so that the test stays quick.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import pdfgen
from benchmods import load_bench
from conftest_db import make_letter, write_letters
from unref.corpus.ingest import ingest
from unref.corpus.store import open_store

GOOD_TEXTS = 14
GOOD_PDFS = 6
#: The hostile files that no parse under the test's limits can store: each must be recorded as a failure.
MUST_FAIL = ("bomb-blank.pdf", "bomb-glyphs.pdf", "glyph-heavy.pdf", "cycle.pdf", "huge-paragraph.txt")


hostile = load_bench("hostile")


def pdf_letter(path: Path, n: int) -> Path:
    """Write letter n of conftest_db's series (S/2026/<100+n>) as a one-page PDF, a line of text a line of PDF."""
    w = pdfgen.Writer()
    w.page()
    y = 60.0
    for line in make_letter(n).splitlines():
        if line:
            w.text(72, y, line)
        y += 12.0 if line else 6.0
    return w.output(path)


def write_hostile(folder: Path) -> list[str]:
    """Write a small copy of each class of bench/hostile.py's set into `folder`; return the file names."""
    files = {
        "bomb-blank.pdf": hostile.bomb(600),  # inflates past the 512 MiB limit
        "bomb-glyphs.pdf": hostile.glyph_bomb(8),  # 8 MiB of glyph operators: past the time limit
        "glyph-heavy.pdf": hostile.glyph_heavy(2_000_000),
        "cycle.pdf": hostile.cycle(),
        "surrogate.pdf": hostile.surrogate(),
        "huge-paragraph.txt": hostile.huge_text(256_000),  # about 1.7 MB of one paragraph: past the time limit
        "many-lines.txt": hostile.many_lines(20_000),
    }
    sources = sorted(hostile.CORPUS.glob("*.pdf"), key=lambda p: (p.stat().st_size, p.name))[:10]  # quick ones
    rng = random.Random(15)
    for i in range(4 if sources else 0):  # mutated dev PDFs: they may parse, or fail; either is recorded
        source = rng.choice(sources)
        files[f"mutated-{i}-{source.stem}.pdf"] = hostile.mutate(source.read_bytes(), rng)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return list(files)


@pytest.mark.skipif(not pdfgen.have_fonts(), reason="the DejaVu fonts that pdfgen embeds are not installed")
def test_twenty_good_files_are_stored_and_every_hostile_file_recorded(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good = [p.name for p in write_letters(folder, GOOD_TEXTS, chain=False)]
    good += [pdf_letter(folder / f"letter-{n}.pdf", n).name for n in range(GOOD_TEXTS, GOOD_TEXTS + GOOD_PDFS)]
    bad = write_hostile(folder)
    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        result = ingest([folder], store, workers=2, timeout=3, max_memory=512)
        stored = {Path(d.path).name: d.symbol for d in store.iter_documents() if d.path}
        failed = {Path(f.path).name: f.reason for f in store.failures()}
        for n in range(GOOD_TEXTS + GOOD_PDFS):  # each good document is there, and found by its own word
            assert [h.document.symbol for h in store.search(f"zq{n}x")] == [f"S/2026/{100 + n}"]
        assert set(good) <= set(stored) and not set(good) & set(failed)
        assert set(MUST_FAIL) <= set(failed)
        assert set(stored) | set(failed) == set(good) | set(bad)  # nothing is lost, nothing is both
        assert not set(stored) & set(failed)
        assert result.added == len(stored) and result.failed == len(failed)
        assert all(reason and "\n" not in reason for reason in failed.values())  # one line each
