"""OCR's cost and the resolution it reads at (issue 12).

Default: parse the dev corpus's real scans (S/1996/460, S/1998/144) with the cache off and one process,
and report pages per second per core (pages / CPU seconds of the whole parse) and the share of
everything around the engine (rendering, hashing, rules, page building, layout, structure, cite)
against the engine's own time, in the same run. The issue wants that share at most 20 %.

--dpi: render born-digital gold pages (their text layer is the truth) at 150, 200 and 300 dpi, lightly
degraded as a photocopy (bench/scanned.py's damage), OCR them with English data, and report the character
error rate against the page's text layer, the share of its words found, and the engine's seconds a page.
This is the measurement that set read.ocr.scan.DPI.

    .venv/bin/python bench/ocr.py
    .venv/bin/python bench/ocr.py --dpi --pages 6
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV = HERE.parent.parent / "shared" / "corpus" / "dev"
SCANS = ("S_1996_460.en.pdf", "S_1998_144.en.pdf")
#: Born-digital English gold PDFs whose pages the --dpi measurement renders.
DPI_SAMPLE = ("S_2025_260.en.pdf", "A_79_796-S_2025_105.en.pdf", "S_2025_239.en.pdf", "E_2025_25.en.pdf")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cost(files: list[Path]) -> None:
    """Print pages/s per core and the share of work around the engine, per file and in all."""
    os.environ["UNREF_OCR_CACHE"] = "off"  # the engine reads every page
    os.environ["UNREF_OCR_WORKERS"] = "1"  # in this process, where its time is measured
    import unref
    from unref.read.ocr import pool

    engine_time = [0.0]
    recognize = pool.recognize

    def timed(*args: object) -> object:
        start = time.process_time()
        try:
            return recognize(*args)  # type: ignore[arg-type]
        finally:
            engine_time[0] += time.process_time() - start

    pool.recognize = timed  # type: ignore[assignment]
    unref.parse_text("A/1/1\n\nUnited Nations\n\nGeneral Assembly\n\nText.\n")  # the parser's tables loaded
    total_pages = total_cpu = total_engine = 0.0
    print(f"{'file':28} {'pages':>5} {'wall s':>7} {'cpu s':>7} {'engine s':>8} {'pages/s/core':>12} {'around':>7}")
    for path in files:
        engine_time[0] = 0.0
        wall, cpu = time.perf_counter(), _cpu()
        doc = unref.parse(path, timeout=3600)
        wall, cpu = time.perf_counter() - wall, _cpu() - cpu
        pages = len(doc.ocr.pages) if doc.ocr else 0
        around = (cpu - engine_time[0]) / engine_time[0] if engine_time[0] else float("nan")
        print(f"{path.name:28} {pages:5d} {wall:7.1f} {cpu:7.1f} {engine_time[0]:8.1f} {pages / cpu:12.3f}"
              f" {around:7.1%}")
        total_pages += pages
        total_cpu += cpu
        total_engine += engine_time[0]
    print(f"{'all':28} {total_pages:5.0f} {'':7} {total_cpu:7.1f} {total_engine:8.1f} {total_pages / total_cpu:12.3f} "
          f"{(total_cpu - total_engine) / total_engine:7.1%}")


def _words(text: str) -> list[str]:
    return text.split()


def dpi_sweep(pages_per_file: int, dpis: list[int]) -> None:
    """Print CER, words found and engine seconds a page at each resolution, on born-digital gold pages."""
    import pypdfium2 as pdfium

    sys.path.insert(0, str(HERE))
    import scanned  # bench/scanned.py: the photocopy damage and the error rate
    from unref.read.ocr.engine import PageImage, recognize

    method, distance = scanned.distance_function()
    rows: dict[int, list[tuple[int, int, int, int, float]]] = {d: [] for d in dpis}
    for name in DPI_SAMPLE:
        doc = pdfium.PdfDocument(str(DEV / name))
        for k in range(min(pages_per_file, len(doc))):
            page = doc[k]
            truth = page.get_textpage().get_text_range()
            for dpi in dpis:
                image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
                rng = random.Random(f"{name}|{k}|{dpi}")
                image = scanned.degrade(image, scanned.Damage.draw(rng), dpi, rng)
                start = time.process_time()
                words = recognize(PageImage(image, dpi), "eng")
                seconds = time.process_time() - start
                hyp = " ".join(w.text for w in words)
                errs, length = scanned.errors(truth, hyp, distance)
                want = Counter(_words(scanned.fold(truth)))
                got = Counter(_words(scanned.fold(hyp)))
                rows[dpi].append((errs, length, sum((want & got).values()), sum(want.values()), seconds))
        doc.close()
    print(f"CER by {method}; {sum(len(r) for r in rows.values()) // len(dpis)} pages of {len(DPI_SAMPLE)} gold PDFs")
    print(f"{'dpi':>4} {'CER':>7} {'words found':>11} {'engine s/page':>13}")
    for dpi, got in rows.items():
        errs = sum(r[0] for r in got)
        length = sum(r[1] for r in got)
        found = sum(r[2] for r in got) / max(1, sum(r[3] for r in got))
        print(f"{dpi:4d} {errs / max(1, length):7.2%} {found:11.2%} {sum(r[4] for r in got) / len(got):13.2f}")


def main() -> None:
    """Run the benchmark the options name."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dpi", action="store_true", help="measure CER and time at 150, 200 and 300 dpi")
    parser.add_argument("--pages", type=int, default=3, help="pages of each gold PDF for --dpi")
    parser.add_argument("files", nargs="*", type=Path, help="scans to time (default: the dev corpus's real scans)")
    args = parser.parse_args()
    if not DEV.exists():
        print(f"bench/ocr.py: skipped, {DEV} is absent")
        return
    if args.dpi:
        dpi_sweep(args.pages, [150, 200, 300])
    else:
        cost(args.files or [DEV / name for name in SCANS])


if __name__ == "__main__":
    main()
