"""Hostile input: build the files an attacker or bad luck sends, run `unref parse` on each, tabulate what happened.

Classes (each file is built in a temporary folder; nothing is kept):
  bomb       Flate streams that inflate to --bomb-mib MiB (white space; and glyph operators)
  glyphs     one page of --glyphs tiny glyphs
  cycle      a page tree whose Kids point back at their parent
  surrogate  a text layer holding a lone surrogate (U+D800) beside a character outside the BMP
  hugetext   a text file of one paragraph of --text-words words, and one of many short lines
  mutated    --mutated PDFs from the dev corpus, with random bytes changed, cut or repeated (--seed)

and for each file one outcome: clean (a good record, or one error line that names the file), crash
(a traceback, or more than one line), hang (past the time limit + 5 s, from the command's start after
Python's imports: "max s"; "(start)" counts from the process's start), memory (peak resident memory
over the limit + 10 %), signal (the command killed by a signal).
Run: .venv/bin/python bench/hostile.py [--mutated 200] [--max-memory 512] [--timeout 10] [--jobs 2] [--part K/M]

Figures (2 CPUs that other work kept at a load of 10-27; nice 10, --jobs 2, 512 MiB, 10 s):
  --mutated 2000, parts 1-4 of 8 (the fixed set and 1,000 mutated PDFs; d7d419e for parts 2-4): 974 clean,
  31 hang, 2 crash, no memory over, no signal. Every hang was a run that waited for a CPU: the limit's one-line
  error at 15-25 s with 0.7-1.6 s of CPU (child included); the 2 crashes were a NameError from another edit then
  in progress in the working tree. The 33 rerun (--only): all clean. Part 4, on a quieter machine: 250 clean,
  longest 4.8 s.
  Parts 5-8 (8584b5d): 997 clean, 3 hang of the same kind in part 7 (longest 15.5 s); part 7 run again: 250
  clean, longest 9.9 s. In all, 2,000 mutated PDFs and the fixed set: every run clean at once or when rerun.
  --mutated 300 --ocr auto (41ab3c3, OCR): 302 clean, 5 hang of the same kind; rerun: all clean. Peak memory
  492 MiB (the 1 GiB bomb), under 512 + 10 %.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
OUTCOMES = ("clean", "crash", "hang", "memory", "signal")
HANG_MARGIN = 5.0
MEMORY_MARGIN = 1.10


# ---------------------------------------------------------------------------
# Raw PDFs


def pdf(content: bytes | Iterator[bytes], *, to_unicode: bytes | None = None, cycle: bool = False) -> bytes:
    """Return a one-page PDF whose page draws `content` (Flate-compressed; chunks are compressed as they come,
    so that a bomb is never whole in memory) in Helvetica, with a ToUnicode map if given; `cycle` makes the
    page tree point back at itself."""
    chunks = [content] if isinstance(content, bytes) else content
    packer = zlib.compressobj(9)
    stream = b"".join(packer.compress(chunk) for chunk in chunks) + packer.flush()
    unicode_map = b" /ToUnicode 6 0 R" if to_unicode else b""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica" + unicode_map + b" >>"
    kids = b"[3 0 R 2 0 R]" if cycle else b"[3 0 R]"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids " + kids + b" /Count " + (b"2" if cycle else b"1") + b" >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        font,
    ]
    if to_unicode:
        objects.append(b"<< /Length %d >>\nstream\n" % len(to_unicode) + to_unicode + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _lines(text: bytes, count: int) -> Iterator[bytes]:
    """Yield a content stream that shows `text` on `count` lines, a little lower each time."""
    yield b"BT /F1 10 Tf 72 720 Td 12 TL\n"
    block = b"(" + text + b") '\n"
    for start in range(0, count, 1000):
        yield block * min(1000, count - start)
    yield b"ET\n"


def bomb(mib: int) -> bytes:
    """Return a PDF whose one content stream inflates to `mib` MiB of white space after a line of text."""
    def chunks() -> Iterator[bytes]:
        yield b"BT /F1 10 Tf 72 720 Td (United Nations S/2025/1 Letter) Tj ET\n"
        blank = b" " * (1 << 20)
        for _ in range(mib):
            yield blank
    return pdf(chunks())


def glyph_bomb(mib: int) -> bytes:
    """Return a PDF whose content stream inflates to `mib` MiB of glyph operators (text drawn over itself)."""
    line = b"A" * 1000
    return pdf(_lines(line, mib * 1024 * 1024 // (len(line) + 5)))


def glyph_heavy(glyphs: int) -> bytes:
    """Return a one-page PDF of `glyphs` tiny glyphs on lines of 2,000."""
    per_line = 2000
    line = b"(" + b"x" * per_line + b") '\n"
    return pdf(iter([b"BT /F1 0.2 Tf 10 780 Td 0.25 TL\n", line * max(1, glyphs // per_line), b"ET\n"]))


def cycle() -> bytes:
    """Return a PDF whose page tree lists itself among its kids."""
    return pdf(b"BT /F1 10 Tf 72 720 Td (United Nations S/2025/1) Tj ET\n", cycle=True)


_CMAP = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /H15 def "
         b"1 begincodespacerange <00> <FF> endcodespacerange "
         b"2 beginbfchar <41> <D800> <42> <D835DC00> endbfchar endcmap "
         b"CMapName currentdict /CMap defineresource pop end end")


def surrogate() -> bytes:
    """Return a PDF whose text layer maps "A" to a lone surrogate (U+D800) and "B" to U+1D400 (two UTF-16 units)."""
    lines = [b"United Nations S/2025/1 Security Council", b"Letter dated 1 May 2025 A B from the Secretary"] * 10
    content = b"BT /F1 10 Tf 72 720 Td 12 TL\n" + b"".join(b"(" + line + b") '\n" for line in lines) + b"ET\n"
    return pdf(content, to_unicode=_CMAP)


def huge_text(words: int) -> bytes:
    """Return UN-style text of one paragraph of `words` words."""
    head = "United Nations\n\nS/2025/1\n\nSecurity Council\n\n"
    sentence = "The Council recalled its resolution 2231 (2015) and the report A/79/1 of the Secretary-General. "
    return (head + sentence * max(1, words // 14)).encode("utf-8")


def many_lines(lines: int) -> bytes:
    """Return text of `lines` short lines."""
    return ("United Nations\n\nS/2025/1\n\n" + "1. Text.\n" * lines).encode("utf-8")


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Return `data` with a few random changes: bytes changed, a piece cut out or repeated; its end kept."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        kind = rng.random()
        at = rng.randrange(16, max(17, len(out) - 64))
        if kind < 0.6:
            for k in range(rng.randint(1, 32)):
                if at + k < len(out) - 64:
                    out[at + k] = rng.randrange(256)
        elif kind < 0.8:
            del out[at:at + rng.randint(1, 4096)]
        else:
            piece = out[at:at + rng.randint(1, 4096)]
            out[at:at] = piece * rng.randint(1, 16)
    return bytes(out)


def build(folder: Path, args: argparse.Namespace) -> list[tuple[str, Path]]:
    """Write the hostile files into `folder`; return (class, path) of each."""
    made: list[tuple[str, Path]] = []

    def put(kind: str, name: str, data: Callable[[], bytes]) -> None:
        if args.only and not any(part in name for part in args.only):
            return
        path = folder / name
        path.write_bytes(data())
        made.append((kind, path))

    part, parts = args.part
    if part == 1:  # the fixed set runs once, with the first part
        put("bomb", "bomb-blank.pdf", lambda: bomb(args.bomb_mib))
        put("bomb", "bomb-glyphs.pdf", lambda: glyph_bomb(max(1, args.bomb_mib // 8)))
        put("glyphs", "glyph-heavy.pdf", lambda: glyph_heavy(args.glyphs))
        put("cycle", "cycle.pdf", cycle)
        put("surrogate", "surrogate.pdf", surrogate)
        put("hugetext", "huge-paragraph.txt", lambda: huge_text(args.text_words))
        put("hugetext", "many-lines.txt", lambda: many_lines(args.text_words))
    sources = sorted(CORPUS.glob("*.pdf"))
    rng = random.Random(args.seed)
    for i in range(args.mutated if sources else 0):
        source = rng.choice(sources)
        data = mutate(source.read_bytes(), rng)  # made for every i, so that each file is the same in any part
        if i % parts == part - 1:
            put("mutated", f"mutated-{i:04d}-{source.stem}.pdf", lambda: data)  # noqa: B023 (called at once)
    return made


def part_of(text: str) -> tuple[int, int]:
    """Return (K, M) of a --part K/M: the mutated files i with i % M == K - 1 (the fixed set runs in part 1)."""
    k, _, m = text.partition("/")
    part, parts = int(k), int(m or 1)
    if not 1 <= part <= parts:
        raise argparse.ArgumentTypeError(f"--part {text}: K/M with 1 <= K <= M")
    return part, parts


# ---------------------------------------------------------------------------
# Running


#: How each run starts: `unref parse` as `python -m unref.cli` runs it, but saying on stderr (one line first) when
#: the command line is imported and the command begins. A run's time is counted from there: Python's imports take
#: seconds on a loaded machine, and the limit is the parse's, not the interpreter's start-up.
LAUNCH = ("import sys, time; from unref.cli import main; "
          "sys.stderr.write(f'{READY} {time.monotonic()}\\n'); sys.stderr.flush(); main()")
READY = "unref-hostile-ready"


def run_one(path: Path, args: argparse.Namespace) -> tuple[str, float, float, float, str]:
    """Run `unref parse` on one file; return its outcome, seconds from the command's start to its end, seconds
    from the process's start, peak memory (MiB) and its error line."""
    command = [sys.executable, "-c", LAUNCH.replace("{READY}", READY), "parse", str(path),
               "--max-memory", str(args.max_memory), "--timeout", str(args.timeout), "-f", "text",
               *(["--ocr", args.ocr] if args.ocr else [])]
    started = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _, stderr = proc.communicate(timeout=args.timeout + 60)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, stderr = proc.communicate()
    ended = time.monotonic()
    ready, text = _ready_of(stderr.decode("utf-8", "replace"), started)
    peak = _peak_of(proc)
    outcome = _outcome(proc.returncode, ended - ready, peak, text, path, args)
    line = text.strip()[:200]
    if outcome != "clean" and args.verbose:
        print(f"{outcome}: {path.name} ({ended - ready:.1f} s, {ended - started:.1f} s with start-up, "
              f"{cpu_of(proc):.1f} s of CPU, {peak:.0f} MiB, load {os.getloadavg()[0]:.0f}): {line}",
              file=sys.stderr, flush=True)
    return outcome, ended - ready, ended - started, peak, line


def _ready_of(stderr: str, started: float) -> tuple[float, str]:
    """Return when the command began (the launcher's first line; the process's start if it never said) and the
    rest of stderr, which is the command's own."""
    first, _, rest = stderr.partition("\n")
    if first.startswith(READY + " "):
        return float(first.split()[1]), rest
    return started, stderr


def cpu_of(proc: subprocess.Popen[bytes]) -> float:
    """Return the CPU seconds of the finished process and its children (as wait4 kept them): on a loaded machine
    a run's wall time can be many times its CPU time, and this tells waiting for a CPU from working past the limit."""
    return float(getattr(proc, "h15_cpu", 0.0))


def _peak_of(proc: subprocess.Popen[bytes]) -> float:
    """Return the peak resident memory (MiB) of the finished process and its children (as wait4 kept it)."""
    return float(getattr(proc, "h15_peak", 0.0))


def _outcome(code: int, seconds: float, peak: float, stderr: str, path: Path, args: argparse.Namespace) -> str:
    """Return which of OUTCOMES a run had."""
    if code < 0:
        return "signal"
    if seconds > args.timeout + HANG_MARGIN:
        return "hang"
    if args.max_memory and peak > args.max_memory * MEMORY_MARGIN:
        return "memory"
    lines = stderr.strip().splitlines()
    if "Traceback" in stderr or code not in (0, 2) or (code == 2 and (len(lines) != 1 or path.name not in lines[0])):
        return "crash"
    return "clean"


def _install_wait4() -> None:
    """Make subprocess reap with wait4, so that each run's own peak memory is kept on its Popen."""
    def _try_wait(self: subprocess.Popen[bytes], wait_flags: int) -> tuple[int, int]:
        pid, status, usage = os.wait4(self.pid, wait_flags)
        if pid:
            self.h15_peak = usage.ru_maxrss / 1024  # type: ignore[attr-defined]
            self.h15_cpu = usage.ru_utime + usage.ru_stime  # type: ignore[attr-defined]
        return pid, status

    subprocess.Popen._try_wait = _try_wait  # type: ignore[attr-defined]


def _run_and_say(kind: str, path: Path, args: argparse.Namespace, done: list[int]) -> tuple[str, str, float, float,
                                                                                              float]:
    """Run one file (with --verbose, `run_one` prints it at once if it was not clean, and every 50th run is
    counted on stderr: a long run shows its faults and its pace as it goes)."""
    outcome, seconds, total, peak, _ = run_one(path, args)
    done[0] += 1
    if args.verbose and done[0] % 50 == 0:
        print(f"... {done[0]} files run, {time.strftime('%H:%M:%S')}", file=sys.stderr, flush=True)
    return kind, outcome, seconds, total, peak


def main(argv: list[str] | None = None) -> int:
    """Build the hostile set, run it, print a table per class; exit 1 when any run was not clean."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mutated", type=int, default=200, help="mutated PDFs (the issue's full run: 2000)")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--bomb-mib", type=int, default=1024, help="what a bomb inflates to (MiB)")
    parser.add_argument("--glyphs", type=int, default=2_000_000, help="glyphs on the glyph-heavy page")
    parser.add_argument("--text-words", type=int, default=64_000, help="words of the huge text")
    parser.add_argument("--max-memory", type=int, default=512, help="--max-memory of each run (MiB)")
    parser.add_argument("--timeout", type=float, default=10.0, help="--timeout of each run (s)")
    parser.add_argument("--jobs", type=int, default=2, help="runs at once")
    parser.add_argument("--part", type=part_of, default=(1, 1), metavar="K/M",
                        help="run part K of M of the mutated files (a long run in pieces; the fixed set is in 1/M)")
    parser.add_argument("--only", type=lambda text: text.split(","), default=[], metavar="NAME,...",
                        help="run only the files whose names hold one of these (a rerun of the runs that were not "
                             "clean: mutated-0152,glyph-heavy)")
    parser.add_argument("--ocr", default=None, help="pass --ocr MODE to unref parse (auto: a PDF whose text layer a "
                                                    "mutation lost is read by OCR, under the same limits)")
    parser.add_argument("--verbose", action="store_true", help="print every run that was not clean")
    args = parser.parse_args(argv)
    _install_wait4()
    with tempfile.TemporaryDirectory(prefix="unref-hostile-") as tmp:
        files = build(Path(tmp), args)
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            done = [0]
            results = list(pool.map(lambda item: _run_and_say(item[0], item[1], args, done), files))
    table: dict[str, Counter[str]] = {}
    worst: dict[str, tuple[float, float, float]] = {}
    for kind, outcome, seconds, total, peak in results:
        table.setdefault(kind, Counter())[outcome] += 1
        slow, whole, big = worst.get(kind, (0.0, 0.0, 0.0))
        worst[kind] = (max(slow, seconds), max(whole, total), max(big, peak))
    print(f"{'class':<10}" + "".join(f"{o:>8}" for o in OUTCOMES) + f"{'max s':>8}{'(start)':>9}{'max MiB':>9}")
    for kind, counts in table.items():
        print(f"{kind:<10}" + "".join(f"{counts[o]:>8}" for o in OUTCOMES)
              + f"{worst[kind][0]:>8.1f}{worst[kind][1]:>9.1f}{worst[kind][2]:>9.0f}")
    bad = sum(n for counts in table.values() for o, n in counts.items() if o != "clean")
    print(f"{len(results)} files (part {args.part[0]}/{args.part[1]}), {bad} not clean"
          f" (limits: {args.max_memory} MiB, {args.timeout:g} s{f'; --ocr {args.ocr}' if args.ocr else ''})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
