"""Benchmark: parse every PDF of the dev corpus, against the raw extraction floor in the same run.

Measures, each in a process of its own so that its peak memory is its own:
  raw       pypdfium2 plain text of every page (textpage.get_text_range()): the floor
  pdftotext poppler's pdftotext on every file (needs poppler-utils: apt-get install poppler-utils)
  read      unref's PDF reader (unref.read.pdf.read_pdf): glyphs, lines, labels, markers
  parse     unref.parse: every stage, from the PDF to the finished Document
read and parse run with OCR off (--ocr never, the default here): the floor reads the text layer only, and OCR
has benches of its own (bench/scanned.py); --ocr auto measures what `unref parse` does by default. It
prints pages per second per core (CPU time of one process), peak memory, and the
ratios to the floor. Goals: parse >= 50 pages/s per core, and <= 3x the raw pypdfium2 time (issue 16).
Run: .venv/bin/python bench/parse_pdf.py [--repeat N] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from unref.read.ocr.scan import OcrMode

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"
MEASURES = ("raw", "pdftotext", "read", "parse")
GOAL_PAGES_PER_S = 50.0
GOAL_RATIO = 3.0


def _raw(files: list[Path]) -> int:
    import pypdfium2 as pdfium

    pages = 0
    for path in files:
        doc = pdfium.PdfDocument(path)
        try:
            for i in range(len(doc)):
                page = doc[i]
                textpage = page.get_textpage()
                textpage.get_text_range()
                textpage.close()
                page.close()
                pages += 1
        finally:
            doc.close()
    return pages


def _pdftotext(files: list[Path]) -> int:
    for path in files:
        subprocess.run(["pdftotext", "-q", str(path), "-"], stdout=subprocess.DEVNULL, check=False)
    return 0


OCR: OcrMode = "never"  # what read and parse measure: set by --ocr


def _read(files: list[Path]) -> int:
    from unref.errors import InputError
    from unref.read.pdf import read_pdf

    pages = 0
    for path in files:
        with contextlib.suppress(InputError):  # scans without a text layer
            pages += len(read_pdf(path, ocr=OCR).pages)
    return pages


def _parse(files: list[Path]) -> int:
    import unref

    pages = 0
    for path in files:
        with contextlib.suppress(unref.InputError):  # scans without a text layer
            pages += unref.parse(path, ocr=OCR).pages
    return pages


def _cpu(children: bool) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def measure(name: str, files: list[Path], repeat: int) -> dict[str, float]:
    """Return the best CPU seconds of `repeat` passes of one measure, and this process's peak memory."""
    fn: Callable[[list[Path]], int] = {"raw": _raw, "pdftotext": _pdftotext, "read": _read, "parse": _parse}[name]
    children = name == "pdftotext"
    if name == "parse":
        fn(files[:1])  # load the word-frequency tables once, as a long-running process would
    best = float("inf")
    for _ in range(repeat):
        start = _cpu(children)
        fn(files)
        best = min(best, _cpu(children) - start)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF).ru_maxrss
    return {"cpu": best, "peak_mib": peak / 1024}


def _run_child(name: str, corpus: Path, repeat: int) -> dict[str, float] | None:
    cmd = [sys.executable, __file__, "--child", name, "--repeat", str(repeat), "--corpus", str(corpus), "--ocr", OCR]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        print(f"parse_pdf: measure {name} failed: {(out.stderr.strip().splitlines() or ['?'])[-1]}")
        return None
    result: dict[str, float] = json.loads(out.stdout)
    return result


def _count_pages(files: list[Path]) -> tuple[int, int]:
    import pypdfium2 as pdfium

    pages = scans = 0
    for path in files:
        doc = pdfium.PdfDocument(path)
        pages += len(doc)
        page = doc[0]
        textpage = page.get_textpage()
        scans += textpage.count_chars() == 0
        textpage.close()
        page.close()
        doc.close()
    return pages, scans


def main() -> int:
    """Print the benchmark table; return 0, or 1 when the corpus is absent."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=2, help="passes over the corpus (the best is reported)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--ocr", choices=("never", "auto"), default="never",
                    help="OCR in read and parse (default never: the floor reads the text layer only)")
    ap.add_argument("--child", choices=MEASURES, help=argparse.SUPPRESS)
    args = ap.parse_args()
    global OCR
    OCR = args.ocr
    files = sorted(args.corpus.glob("*.pdf"))
    if not files:
        print(f"parse_pdf: no PDFs at {args.corpus}")
        return 1
    if args.child:
        print(json.dumps(measure(args.child, files, args.repeat)))
        return 0

    pages, scans = _count_pages(files)
    print(f"corpus: {len(files)} PDFs, {pages:,} pages ({args.corpus}); {scans} start with a page without text")
    started = time.perf_counter()
    results: dict[str, dict[str, float]] = {}
    for name in MEASURES:
        if name == "pdftotext" and shutil.which("pdftotext") is None:
            print("pdftotext: not installed (apt-get install poppler-utils); its column is left out")
            continue
        got = _run_child(name, args.corpus, args.repeat)
        if got is not None:
            results[name] = got
    labels = {
        "raw": "floor: pypdfium2 get_text_range",
        "pdftotext": "pdftotext (poppler, per file)",
        "read": "unref read_pdf (read stage)",
        "parse": "unref.parse (all stages)",
    }
    print(f"{'measure':34} {'CPU s':>8} {'pages/s/core':>13} {'peak MiB':>9}")
    for name, r in results.items():
        print(f"{labels[name]:34} {r['cpu']:8.2f} {pages / r['cpu']:13.0f} {r['peak_mib']:9.0f}")
    if "raw" in results:
        raw = results["raw"]["cpu"]
        for name in ("read", "parse", "pdftotext"):
            if name in results:
                print(f"ratio {name} / raw pypdfium2: {results[name]['cpu'] / raw:.2f}x")
    if "pdftotext" in results:
        for name in ("read", "parse"):
            if name in results:
                print(f"ratio {name} / pdftotext: {results[name]['cpu'] / results['pdftotext']['cpu']:.2f}x")
    if "parse" in results and "raw" in results:
        speed = pages / results["parse"]["cpu"]
        ratio = results["parse"]["cpu"] / results["raw"]["cpu"]
        print(f"goal parse >= {GOAL_PAGES_PER_S:.0f} pages/s per core: {speed:.0f} "
              f"{'met' if speed >= GOAL_PAGES_PER_S else 'NOT MET'}")
        print(f"goal parse <= {GOAL_RATIO:.0f}x raw pypdfium2: {ratio:.2f}x "
              f"{'met' if ratio <= GOAL_RATIO else 'NOT MET'}")
    wall = time.perf_counter() - started
    print(f"(CPU time of one process per measure, best of {args.repeat}, OCR {OCR}; wall time {wall:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
