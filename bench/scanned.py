"""Simulated scans of the gold set, scored against the born-digital PDFs (issue 12).

Renders every gold PDF of ../shared/corpus/dev that has a text layer (the gold list is
../shared/eval/gold) to page images with pypdfium2, degrades them the way photocopies are
degraded (a grey background and grey ink, a skew of up to 1.5 degrees, a mild blur, mild noise;
seeded, so two runs make the same scans), and writes each as an image-only PDF under the same
name in a temporary corpus (dev/NAME.pdf, as ../shared/eval/score.py looks for it). Then:

- parses each scan with `unref parse` (OCR, --jobs at once) and measures the character error
  rate of its text (paragraphs and footnotes) against the text unref reads from the
  born-digital PDF's own text layer (whitespace folded; CER = edit distance / reference length),
  in reading order and with moved stretches counted once (a note the scan's layout takes for a
  paragraph moves in the text: in reading order it counts twice);
- runs score.py on the scans and on the same born-digital PDFs (symbolic links in a second
  temporary corpus): the born-digital figure is the ceiling; prints both, field by field.

The edit distance is rapidfuzz's Levenshtein when rapidfuzz is installed, else difflib's
word alignment with an exact character distance inside each changed stretch (the same figure
where the texts align word by word; no extra package needed).

    .venv/bin/python bench/scanned.py --dpi 300 --limit 3 --jobs 2
    .venv/bin/python bench/scanned.py --dpi 200 --dpi 300          # every gold PDF, both resolutions
    .venv/bin/python bench/scanned.py --quality                    # read.ocr.quality's signals on every dev page

`--quality` measures instead `unref.read.ocr.quality`'s signals on every page of every PDF of
the dev corpus and prints their distribution by language, and the pages it calls garbage.
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import random
import re
import shlex
import subprocess
import sys
import tempfile
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageFilter

from unref.read.ocr.repairs import edit_distance

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "eval" / "gold"
SCORER = SHARED / "eval" / "score.py"
UNREF = ROOT / ".venv" / "bin" / "unref"
MAX_SKEW = 1.5  # degrees, either way


# --- The gold PDFs ------------------------------------------------------------------------


def has_text_layer(pdf: Path) -> bool:
    """Return True when the PDF's first pages hold text (a real scan has none to compare with)."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for i in range(min(3, len(doc))):
            page = doc[i]
            textpage = page.get_textpage()
            found = bool(textpage.get_text_range().strip())
            textpage.close()
            page.close()
            if found:
                return True
        return False
    finally:
        doc.close()


def gold_pdfs(limit: int | None) -> list[Path]:
    """Return the gold documents' born-digital PDFs in the dev corpus (sorted, the first `limit`)."""
    out = []
    for path in sorted(GOLD.glob("*.json")):
        name = json.loads(path.read_text(encoding="utf-8"))["file"]
        pdf = CORPUS / f"{name}.pdf"
        if pdf.is_file() and has_text_layer(pdf):
            out.append(pdf)
    return out[:limit] if limit else out


# --- Degrading a page ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Damage:
    """How one page is degraded: drawn once from the page's seed."""

    paper: int  # the background's grey, 0-255
    ink: int  # the darkest ink
    skew: float  # degrees
    blur: float  # Gaussian radius in pixels at 300 dpi
    noise: int  # the noise's amplitude, either way

    @classmethod
    def draw(cls, rng: random.Random) -> Damage:
        """Return a mild photocopy's damage."""
        return cls(
            paper=rng.randint(215, 235),
            ink=rng.randint(15, 50),
            skew=rng.uniform(-MAX_SKEW, MAX_SKEW),
            blur=rng.uniform(0.4, 0.8),
            noise=rng.randint(12, 24),
        )


def noise_image(size: tuple[int, int], amplitude: int, rng: random.Random) -> Image.Image:
    """Return seeded noise around 128 (the mean of two uniform draws: a triangle, nearly Gaussian)."""
    n = size[0] * size[1]
    a = Image.frombytes("L", size, rng.randbytes(n))
    b = Image.frombytes("L", size, rng.randbytes(n))
    mixed = ImageChops.add(a, b, scale=2.0)
    return mixed.point([round(128 + (v - 128) * amplitude / 128) for v in range(256)])


def degrade(image: Image.Image, damage: Damage, dpi: int, rng: random.Random) -> Image.Image:
    """Return a page image as a photocopier gives it back: grey, skewed, blurred and noisy."""
    grey = image.convert("L").point([round(damage.ink + v * (damage.paper - damage.ink) / 255) for v in range(256)])
    turned = grey.rotate(damage.skew, resample=Image.Resampling.BICUBIC, fillcolor=damage.paper)
    blurred = turned.filter(ImageFilter.GaussianBlur(damage.blur * dpi / 300))
    return ImageChops.add(blurred, noise_image(blurred.size, damage.noise, rng), scale=1.0, offset=-128)


def seed_of(name: str, dpi: int, seed: int) -> int:
    """Return the seed of one file's scan: the same file, resolution and seed give the same scan."""
    return zlib.crc32(f"{name}:{dpi}:{seed}".encode())


def write_scan(src: Path, dst: Path, dpi: int, seed: int) -> int:
    """Render `src` at `dpi`, degrade each page and write an image-only PDF to `dst`; return its pages."""
    rng = random.Random(seed_of(src.name, dpi, seed))
    doc, out = pdfium.PdfDocument(str(src)), pdfium.PdfDocument.new()
    try:
        for i in range(len(doc)):
            page = doc[i]
            width, height = page.get_size()
            image = degrade(page.render(scale=dpi / 72, grayscale=True).to_pil(), Damage.draw(rng), dpi, rng)
            page.close()
            buf = io.BytesIO()
            image.save(buf, "JPEG", quality=85)
            buf.seek(0)
            new = out.new_page(width, height)
            obj = pdfium.PdfImage.new(out)
            obj.load_jpeg(buf, inline=True)
            obj.set_matrix(pdfium.PdfMatrix().scale(width, height))
            new.insert_obj(obj)
            new.gen_content()
            new.close()
        dst.parent.mkdir(parents=True, exist_ok=True)
        out.save(str(dst))
        return len(doc)
    finally:
        doc.close()
        out.close()


# --- Character error rate ----------------------------------------------------------------


def _difflib_distance(ref: str, hyp: str) -> int:
    """Return the edit distance, aligning words with difflib and counting characters in each change."""
    a, b = ref.split(" "), hyp.split(" ")
    total = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        x, y = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        if op in ("delete", "insert"):
            total += len(x or y) + 1  # the words and the blank that separated them
        elif op == "replace":
            total += edit_distance(x, y) if len(x) * len(y) <= 4_000_000 else max(len(x), len(y))
    return total


MOVED_RATIO = 0.8  # a deleted and an inserted stretch this alike are one stretch moved
MOVED_MIN = 20  # characters: shorter stretches are counted where they stand


def _block_distance(x: str, y: str) -> int:
    """Return the edit distance of two stretches (exact when small enough, else estimated by difflib)."""
    if len(x) * len(y) <= 4_000_000:
        return edit_distance(x, y)
    return round((1 - difflib.SequenceMatcher(None, x, y, autojunk=False).ratio()) * max(len(x), len(y)))


def moved_distance(ref: str, hyp: str) -> int:
    """Return the edit distance where a stretch the scan sets elsewhere counts only its own errors.

    A note the scan's layout read as a paragraph moves in the linear text; Levenshtein counts it
    twice (deleted, then inserted). Here a deleted stretch of MOVED_MIN characters or more that
    an inserted one matches (MOVED_RATIO alike) costs the distance between the two.
    """
    a, b = ref.split(" "), hyp.split(" ")
    total, deleted, inserted = 0, [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        x, y = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        if op == "replace":
            total += _block_distance(x, y)
        elif op == "delete":
            deleted.append(x)
        elif op == "insert":
            inserted.append(y)
    for x in deleted:
        match = max(
            (y for y in inserted if len(x) >= MOVED_MIN and len(y) >= MOVED_MIN),
            key=lambda y: difflib.SequenceMatcher(None, x, y, autojunk=False).quick_ratio(),
            default=None,
        )
        if match is not None and difflib.SequenceMatcher(None, x, match, autojunk=False).ratio() >= MOVED_RATIO:
            inserted.remove(match)
            total += _block_distance(x, match)
        else:
            total += len(x) + 1
    return total + sum(len(y) + 1 for y in inserted)


def distance_function() -> tuple[str, Callable[[str, str], int]]:
    """Return the edit distance to use and its name: rapidfuzz's when installed, else difflib's."""
    try:
        from rapidfuzz.distance import Levenshtein
    except ImportError:
        return "difflib word alignment + exact distance in changes", _difflib_distance
    return "rapidfuzz Levenshtein", Levenshtein.distance


def fold(text: str) -> str:
    """Return text with its white space folded to single blanks."""
    return re.sub(r"\s+", " ", text).strip()


def errors(ref: str, hyp: str, distance: Callable[[str, str], int]) -> tuple[int, int]:
    """Return the character edits from `ref` to `hyp` and the length of `ref` (white space folded)."""
    a, b = fold(ref), fold(hyp)
    return distance(a, b), len(a)


def cer(ref: str, hyp: str, distance: Callable[[str, str], int]) -> float:
    """Return the character error rate of `hyp` against `ref` (white space folded)."""
    edits, length = errors(ref, hyp, distance)
    return edits / max(1, length)


# --- Parsing and scoring ------------------------------------------------------------------


def parse_command(timeout: float | None = None) -> str:
    """Return the parse command score.py runs, with this checkout's unref; `timeout` is unref's own limit (its
    default, 120 s, is less than a scan of ten pages takes to OCR on a loaded machine)."""
    unref = UNREF if UNREF.exists() else Path("unref")
    limit = f" --timeout {timeout:g}" if timeout else ""
    return f"{unref} parse {{path}} --format json --no-spans{limit}"


def parsed_text(pdf: Path, timeout: float) -> tuple[str | None, float, str]:
    """Parse a PDF with `unref parse`; return its paragraphs' and footnotes' text, seconds, and any error."""
    argv = [part.replace("{path}", str(pdf)) for part in shlex.split(parse_command(timeout))]
    start = time.perf_counter()
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, time.perf_counter() - start, "timed out"
    seconds = time.perf_counter() - start
    if proc.returncode:
        return None, seconds, proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"
    record = json.loads(proc.stdout)
    parts = [p.get("text", "") for p in record.get("paragraphs", [])]
    parts += [n.get("text", "") for n in record.get("footnotes", [])]
    return "\n".join(parts), seconds, ""


def score(corpus: Path, timeout: float) -> dict[str, Any]:
    """Run score.py on a corpus folder (PDF variant) and return its totals."""
    out = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            "--corpus",
            str(corpus),
            "--variant",
            "pdf",
            "--json",
            "--timeout",
            str(timeout),
            "--cmd",
            parse_command(timeout),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    totals: dict[str, Any] = json.loads(out.stdout)
    return totals


def link_corpus(pdfs: Iterable[Path], folder: Path) -> None:
    """Make a corpus folder of symbolic links to the born-digital PDFs (the ceiling's corpus)."""
    for pdf in pdfs:
        dst = folder / pdf.relative_to(CORPUS)
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.unlink(missing_ok=True)  # a kept folder of an earlier run
        dst.symlink_to(pdf)


# --- Report -------------------------------------------------------------------------------

FIELDS = (
    "metadata",
    "title",
    "footnote_count",
    "footnotes",
    "footnote_refs",
    "repairs",
    "quotes",
    "un_citations_f1",
    "urls_f1",
    "failures",
    "files",
)


def print_scores(ceiling: dict[str, Any], scans: dict[int, dict[str, Any]]) -> None:
    """Print the scans' scores beside the born-digital ceiling, field by field."""
    dpis = sorted(scans)
    print(f"\n{'field':18} {'born-digital':>12} " + " ".join(f"{f'{d} dpi':>9} {'delta':>7}" for d in dpis))
    for field in FIELDS:
        top = ceiling.get(field)
        row = f"{field:18} {_num(top):>12} "
        for d in dpis:
            got = scans[d].get(field)
            delta = got - top if isinstance(got, (int, float)) and isinstance(top, (int, float)) else None
            row += f"{_num(got):>9} {_num(delta, sign=True):>7} "
        print(row)


def _num(x: Any, sign: bool = False) -> str:
    """Return a figure for the table ('-' when absent)."""
    if x is None:
        return "-"
    if isinstance(x, int):
        return f"{x:+d}" if sign else str(x)
    return f"{x:+.3f}" if sign else f"{x:.3f}"


@dataclass(frozen=True, slots=True)
class CerRow:
    """One scan's parse: its character errors against the born-digital text, or why there are none."""

    name: str
    dpi: int
    pages: int
    edits: int | None
    moved: int | None  # edits when stretches set elsewhere count only their own errors
    length: int
    seconds: float
    error: str


def print_cer(rows: list[CerRow], method: str) -> None:
    """Print the character error rate of each scan, and over all characters of each resolution."""
    print(f"\ncharacter error rate against the born-digital text ({method})")
    print("  (CER in reading order; 'moved': a stretch the scan sets elsewhere counts only its own errors)")
    for r in rows:
        shown = "-" if r.edits is None else f"{r.edits / max(1, r.length):.2%}"
        apart = "-" if r.moved is None else f"{r.moved / max(1, r.length):.2%}"
        print(
            f"  {r.name:40} {r.dpi} dpi {r.pages:3d} p. {r.seconds:6.1f} s  CER {shown:>7}  moved {apart:>7}  {r.error}"
        )
    for dpi in sorted({r.dpi for r in rows}):
        done = [r for r in rows if r.dpi == dpi and r.edits is not None]
        edits, length = sum(r.edits or 0 for r in done), sum(r.length for r in done)
        moved = sum(r.moved or 0 for r in done)
        pages, seconds = sum(r.pages for r in done), sum(r.seconds for r in done)
        print(
            f"  {dpi} dpi: CER {edits / max(1, length):.2%}, moved {moved / max(1, length):.2%}, over {length:,}"
            f" characters of {len(done)} files ({pages} pages, {seconds / max(1, pages):.1f} s a page to parse,"
            " OCR included; less where the OCR cache holds the page)"
        )


# --- The run ------------------------------------------------------------------------------


def _scan_job(args: tuple[Path, Path, int, int]) -> int:
    """Write one scan (a process pool's job)."""
    return write_scan(*args)


def make_scans(pdfs: list[Path], folder: Path, dpi: int, seed: int, jobs: int) -> dict[Path, int]:
    """Write every PDF's scan under `folder` at `dpi`; return each scan's page count."""
    work = [(pdf, folder / pdf.relative_to(CORPUS), dpi, seed) for pdf in pdfs]
    with ProcessPoolExecutor(jobs) as pool:
        pages = list(pool.map(_scan_job, work))
    return {dst: n for (_, dst, _, _), n in zip(work, pages, strict=True)}


def measure_cer(pdfs: list[Path], scans: dict[Path, int], dpi: int, jobs: int, timeout: float) -> list[CerRow]:
    """Parse the born-digital PDFs and their scans (`jobs` at once); return a CER row per file."""
    distance = distance_function()[1]
    with ThreadPoolExecutor(jobs) as pool:
        refs = list(pool.map(lambda p: parsed_text(p, timeout), pdfs))
        hyps = list(pool.map(lambda p: parsed_text(p, timeout), scans))
    rows = []
    for pdf, pages, (ref, _, ref_error), (hyp, seconds, error) in zip(pdfs, scans.values(), refs, hyps, strict=True):
        if ref is None or hyp is None:
            rows.append(CerRow(pdf.stem, dpi, pages, None, None, 0, seconds, error or ref_error))
            continue
        edits, length = errors(ref, hyp, distance)
        moved = moved_distance(fold(ref), fold(hyp))
        rows.append(CerRow(pdf.stem, dpi, pages, edits, moved, length, seconds, error or ref_error))
    return rows


def run(dpis: list[int], limit: int | None, jobs: int, seed: int, timeout: float, keep: Path | None) -> int:
    """Make the scans, parse and score them, and print the report."""
    pdfs = gold_pdfs(limit)
    print(f"{len(pdfs)} gold PDFs with a text layer; resolutions {dpis}; seed {seed}")
    with tempfile.TemporaryDirectory(prefix="unref-scanned-") as tmp:
        base = keep or Path(tmp)
        link_corpus(pdfs, base / "born-digital")
        ceiling = score(base / "born-digital", timeout)
        cer_rows: list[CerRow] = []
        scores = {}
        for dpi in dpis:
            start = time.perf_counter()
            scans = make_scans(pdfs, base / f"scan{dpi}", dpi, seed, jobs)
            print(
                f"{dpi} dpi: {sum(scans.values())} pages rendered and degraded in {time.perf_counter() - start:.1f} s"
            )
            cer_rows += measure_cer(pdfs, scans, dpi, jobs, timeout)
            scores[dpi] = score(base / f"scan{dpi}", timeout)
        print_cer(cer_rows, distance_function()[0])
        print_scores(ceiling, scores)
    return 0


# --- read.ocr.quality's signals on the dev corpus -----------------------------------------


def page_texts() -> Iterable[tuple[str, int, str | None, str]]:
    """Yield (file, page number, language, text layer) for every page of every dev PDF."""
    for pdf in sorted((CORPUS / "dev").glob("*.pdf")):
        m = re.search(r"\.([a-z]{2})\.pdf$", pdf.name)
        doc = pdfium.PdfDocument(str(pdf))
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            yield pdf.name, i + 1, m.group(1) if m else None, textpage.get_text_range()
            textpage.close()
            page.close()
        doc.close()


def quality_report() -> int:
    """Print read.ocr.quality's signals over every dev page, by language, and the pages it calls garbage."""
    from unref.read.ocr.quality import MIN_WORDS, signals, verdict

    damage: dict[str, list[float]] = defaultdict(list)
    flagged = []
    count, start = 0, time.perf_counter()
    for name, number, lang, text in page_texts():
        s = signals(text, lang)
        count += 1
        if s.words >= MIN_WORDS:
            damage[f"{lang or '?'} file, {s.script} script"].append(s.unknown + s.odd)
        reason = verdict(s)
        if reason:
            flagged.append(f"  {name} p. {number}: {reason}")
    seconds = time.perf_counter() - start
    print(
        f"{count} pages ({seconds:.0f} s with text extraction); damage (unknown + odd) of pages of {MIN_WORDS}+ words:"
    )
    for lang, values in sorted(damage.items()):
        values.sort()
        cuts = " ".join(
            f"{values[min(len(values) - 1, int(p * (len(values) - 1)))]:.3f}" for p in (0.5, 0.9, 0.99, 0.999, 1)
        )
        print(f"  {lang}: {len(values):5d} pages, p50/p90/p99/p99.9/max {cuts}")
    print(f"{len(flagged)} pages called garbage:")
    print("\n".join(flagged))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the bench."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--dpi", type=int, action="append", help="resolution of the scans (repeatable; 200 and 300 by default)"
    )
    ap.add_argument("--limit", type=int, help="only the first N gold PDFs")
    ap.add_argument("--jobs", type=int, default=2, help="files rendered and parsed at once")
    ap.add_argument("--seed", type=int, default=12, help="the damage's seed")
    ap.add_argument("--timeout", type=float, default=900, help="seconds a parse may take")
    ap.add_argument("--keep", type=Path, help="write the corpora here (kept) instead of a temporary folder")
    ap.add_argument("--quality", action="store_true", help="measure read.ocr.quality's signals instead")
    args = ap.parse_args(argv)
    if not SCORER.exists():
        print(f"scanned: skipped, {SCORER} is absent")
        return 0
    if args.quality:
        return quality_report()
    return run(args.dpi or [200, 300], args.limit, args.jobs, args.seed, args.timeout, args.keep)


if __name__ == "__main__":
    sys.exit(main())
