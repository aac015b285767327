"""Benchmark: parse every pdftotext text of the dev corpus, against reading the same files.

Reports characters and documents per second per core for `unref.parse`, and the
floor measured in the same run: reading the files from disk and decoding them.
Run: .venv/bin/python bench/parse_text.py [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import unref
from unref.layout import layout
from unref.read import read_text
from unref.structure import structure

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"


def _cpu() -> float:
    return time.process_time()


def main() -> int:
    """Print the benchmark table; return 0, or 1 when the corpus is absent."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="passes over the corpus (best is reported)")
    args = ap.parse_args()
    files = sorted(CORPUS.glob("*.pdftotext.txt"))
    if not files:
        print(f"parse_text: no corpus at {CORPUS}")
        return 1
    texts = [f.read_text(encoding="utf-8") for f in files]
    chars = sum(len(t) for t in texts)
    unref.parse(text=texts[0])  # warm the word-frequency tables once, as a long-running process would

    def best(fn) -> float:  # type: ignore[no-untyped-def]
        times = []
        for _ in range(args.repeat):
            start = _cpu()
            fn()
            times.append(_cpu() - start)
        return min(times)

    floor = best(lambda: [f.read_bytes().decode("utf-8") for f in files])
    stages: dict[str, float] = {}

    def full() -> None:
        for t in texts:
            unref.parse(text=t)

    def no_cite() -> None:
        for t in texts:
            source = read_text(t)
            layout(source)
            structure(source)

    total = best(full)
    before_cite = best(no_cite)
    stages["cite"] = total - before_cite
    # The floor of citation finding: one compiled-regex pass over the same text.
    one_pass = re.compile(r"\b[A-Z]{1,6}/[\w./\-]+|resolutions? \d+|https?://\S+|www\.\S+")
    regex_floor = best(lambda: [sum(1 for _ in one_pass.finditer(t)) for t in texts])
    docs = len(texts)
    print(f"corpus: {docs} documents, {chars:,} characters ({CORPUS})")
    print(f"{'measure':34} {'CPU s':>8} {'chars/s':>14} {'docs/s':>9}")
    print(f"{'floor: read + decode the files':34} {floor:8.3f} {chars / floor:14,.0f} {docs / floor:9.1f}")
    print(f"{'unref.parse (all stages)':34} {total:8.3f} {chars / total:14,.0f} {docs / total:9.1f}")
    print(f"{'  of which cite':34} {stages['cite']:8.3f}")
    print(f"{'  read + layout + repair + structure':34} {before_cite:8.3f} {chars / before_cite:14,.0f}")
    per_million = 1e6 / chars
    print(f"cite: {stages['cite'] * per_million * 1000:.1f} ms per million characters; one compiled-regex pass: "
          f"{regex_floor * per_million * 1000:.1f} ms per million characters "
          f"(ratio {stages['cite'] / regex_floor:.1f}x)")
    print(f"ratio parse / floor: {total / floor:,.0f}x; cite / rest of parsing: {stages['cite'] / before_cite:.2f}")
    print("(CPU time of one process: per core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
