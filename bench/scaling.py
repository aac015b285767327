"""Benchmark: how each stage of text parsing scales with the document's size, from 2 KB to 2 MB (issue 16).

The documents are the pdftotext texts of the dev corpus, read (never copied) and joined one after another,
then cut at a line end when the size is reached: one stream in the corpus's order and one in reverse order,
so that each size starts with other documents. Each document keeps its pages (form feeds), mastheads,
footnotes and markers: a joined document is a long document with several sequences of notes.

Reports, per stream and size, the CPU time of each stage (read, layout, structure, quotes, cite) and of the
whole, the best of several runs, and the slope of the log-log line of each stage's time over the size (1 is
linear, 2 quadratic), over all sizes and over the upper half (where anything superlinear shows). Target:
every stage's slope at most 1.1. Exits 1 when a stage's slope over the upper half is above the target.
With --windows, each size is measured on the same text: the stream of the largest size cut into documents of that
size, one after another, each parsed alone; a stage's time at a size is the mean over its documents. A stage linear
in the text then takes the same time for all of the pieces at every size, whatever the documents hold: the slope
shows what grows faster than the text, not that the stream's first 2 KB quote no one and its 2 MB do (the prefixes
of one stream differ in what they hold: a stage whose work is in a kind of passage, quotations, has a slope of
that passage's density).
Run: .venv/bin/python bench/scaling.py [--sizes 2000,8000,...] [--min-time S] [--forward-only] [--windows]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import unref
from unref.cite import cite
from unref.layout import layout
from unref.model import Document, Source
from unref.quotes import find_quotes
from unref.read import read_text
from unref.structure import structure

sys.path.insert(0, str(Path(__file__).resolve().parent))
from text_scaling import MASTHEAD, exponent  # bench/text_scaling.py: the least-squares slope of log time over log size

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"
SIZES = (2_000, 8_000, 32_000, 128_000, 512_000, 2_000_000)
TARGET = 1.1
STAGES = ("read", "layout", "structure", "quotes", "cite", "all")


def stream(texts: list[str], size: int) -> str:
    """Return the texts joined, cut at the first line end at or after `size` characters."""
    out: list[str] = []
    total = 0
    for text in texts:
        for line in text.splitlines(keepends=True):
            out.append(line)
            total += len(line)
            if total >= size and line.endswith("\n"):
                return "".join(out)
    return "".join(out)


def stage_times(text: str) -> dict[str, float]:
    """Return the CPU time of each stage of parsing `text` once."""
    clock = time.process_time
    marks = [clock()]
    source: Source = read_text(text)
    marks.append(clock())
    layout(source)
    marks.append(clock())
    doc: Document = structure(source)
    marks.append(clock())
    doc.quotes = find_quotes(doc)
    marks.append(clock())
    doc.citations = cite(doc)
    marks.append(clock())
    times = {name: marks[k + 1] - marks[k] for k, name in enumerate(STAGES[:-1])}
    times["all"] = marks[-1] - marks[0]
    return times


def best_times(text: str, min_time: float) -> dict[str, float]:
    """Return each stage's least time over runs that last `min_time` seconds together (two runs at least)."""
    best: dict[str, float] = {}
    spent = 0.0
    runs = 0
    while runs < 2 or spent < min_time:
        times = stage_times(text)
        for name, t in times.items():
            best[name] = min(best.get(name, t), t)
        spent += times["all"]
        runs += 1
    return best


# Each piece opens with a short masthead (bench/text_scaling.py's), as a UN document does.
PIECE_HEAD = MASTHEAD + "\f"  # a page of its own: a table that the piece opens with does not take it in


def pieces(text: str, size: int) -> list[str]:
    """Return `text` cut into documents of `size` characters, each cut at the first line end at or after it and
    opened by PIECE_HEAD."""
    out: list[str] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start + size - 1)
        end = len(text) if end < 0 else end + 1
        out.append(PIECE_HEAD + text[start:end])
        start = end
    return out


def window_times(docs: list[str], min_time: float) -> dict[str, float]:
    """Return each stage's mean time over `docs`, each parsed alone: the least sum over rounds that last
    `min_time` seconds together (two rounds at least), divided by the number of documents."""
    best: dict[str, float] = {}
    spent = 0.0
    rounds = 0
    while rounds < 2 or spent < min_time:
        total = dict.fromkeys(STAGES, 0.0)
        for doc in docs:
            for name, t in stage_times(doc).items():
                total[name] += t
        for name, t in total.items():
            best[name] = min(best.get(name, t), t)
        spent += total["all"]
        rounds += 1
    return {name: t / len(docs) for name, t in best.items()}


def slope(sizes: list[int], seconds: list[float]) -> float:
    """Return the least-squares slope of log(seconds) over log(size) (text_scaling.exponent), a stage's time
    under 0.1 µs counted as 0.1 µs."""
    return exponent(sizes, seconds, least=1e-7)


def measure(texts: list[str], size: int, sizes: list[int], min_time: float,
            windows: bool) -> tuple[int, dict[str, float]]:
    """Return the (mean) length of the documents of one size and each stage's (mean) time on them."""
    if not windows:
        text = stream(texts, size)
        return len(text), best_times(text, min_time)
    docs = pieces(stream(texts, max(sizes)), size)
    return round(sum(map(len, docs)) / len(docs)), window_times(docs, min_time)


def report(name: str, texts: list[str], sizes: list[int], min_time: float,
           windows: bool = False) -> dict[str, tuple[float, float]]:
    """Print the table of one stream; return each stage's slope over all sizes and over the upper half."""
    print(f"\n{name}: {'size':>9} " + " ".join(f"{s:>10}" for s in STAGES) + "   µs/char")
    rows: list[tuple[int, dict[str, float]]] = []
    for size in sizes:
        length, times = measure(texts, size, sizes, min_time, windows)
        rows.append((length, times))
        print(f"{'':{len(name) + 1}} {length:>9} " + " ".join(f"{times[s]:>10.4f}" for s in STAGES)
              + f"   {1e6 * times['all'] / length:7.2f}", flush=True)
    lengths = [n for n, _ in rows]
    half = len(rows) // 2
    out = {s: (slope(lengths, [t[s] for _, t in rows]), slope(lengths[half:], [t[s] for _, t in rows[half:]]))
           for s in STAGES}
    print(f"{'':{len(name) + 1}} {'slope':>9} " + " ".join(f"{out[s][0]:>10.3f}" for s in STAGES))
    print(f"{'':{len(name) + 1}} {'upper':>9} " + " ".join(f"{out[s][1]:>10.3f}" for s in STAGES))
    return out


def main() -> int:
    """Print the tables and the slopes; 1 when a stage's slope over the upper half is above the target."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="document sizes in characters")
    ap.add_argument("--min-time", type=float, default=0.3, help="CPU seconds of runs per size at least")
    ap.add_argument("--forward-only", action="store_true", help="only the stream in the corpus's order")
    ap.add_argument("--windows", action="store_true",
                    help="each size on the same text: the largest size's stream cut into documents of that size")
    args = ap.parse_args()
    files = sorted(CORPUS.glob("*.pdftotext.txt"))
    if not files:
        print(f"scaling: no corpus at {CORPUS}")
        return 0
    texts = [f.read_text(encoding="utf-8") for f in files]
    sizes = [int(s) for s in args.sizes.split(",")]
    unref.parse(text=texts[0])  # warm the word tables once, as a long-running process would
    how = "mean over the pieces of the largest stream" if args.windows else "one document a size"
    print(f"scaling: {len(files)} dev texts joined, CPU seconds per stage (best of runs; {how}), "
          f"target slope <= {TARGET}")
    slopes = [report("forward", texts, sizes, args.min_time, args.windows)]
    if not args.forward_only:
        slopes.append(report("reverse", texts[::-1], sizes, args.min_time, args.windows))
    worst = max(upper for found in slopes for name, (_, upper) in found.items())
    print(f"\nworst slope over the upper half: {worst:.3f} (target <= {TARGET})")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
