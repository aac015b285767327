"""Benchmark: how text parsing scales with paragraph length, from 1k to 64k words (issue 15).

Each size is one document: a short masthead, then one paragraph of N words as pdftotext prints it
(lines of about 80 characters, words broken by hyphens at line ends, quotation marks, citations
of resolutions and symbols, footnote markers glued to words). The paragraph is built
deterministically: from the sentences of the dev corpus when it is present (--corpus, the
default when it is there), else from the sentences below, filled in by a seeded generator.

Reports, per size, the CPU time of `unref.parse_text` and of the floor measured in the same run
(writing nothing: reading the same text from disk and decoding it), and the exponent fitted to
parse time over words (the slope of the log-log line; 1 is linear, 2 quadratic). Target: < 1.15.
Run: .venv/bin/python bench/text_scaling.py [--sizes 1000,2000,...] [--repeat N] [--synthetic]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
import time
from pathlib import Path

import unref

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"
SIZES = (1000, 2000, 4000, 8000, 16000, 32000, 64000)
TARGET = 1.15

MASTHEAD = ("United Nations\n\nA/81/123\n\nGeneral Assembly\n\nDistr.: General\n3 March 2026\n\n"
            "Original: English\n\nEighty-first session\nAgenda item 12\n\n")

# Sentences in the manner of UN reports, with slots the generator fills: {res} a resolution named in
# words, {sym} a symbol, {date} a date, {num} a number.
SENTENCES = (
    "The present report is submitted pursuant to paragraph {num} of General Assembly resolution {res}.",
    "In its resolution {res}, the Security Council requested the Secretary-General to report on {date}.",
    "The Committee considered the report of the Special Rapporteur ({sym}) at its {num}th meeting.",
    "Humanitarian access remained severely constrained throughout the reporting period, and the "
    "authorities have taken no measures to restore essential services in the affected areas.",
    "The Mission continued to support the implementation of the ceasefire agreement signed on {date}.",
    "Member States reaffirmed their commitment to the principles of the Charter of the United Nations.",
    "The Secretary-General recalled that “all parties must comply with their obligations under "
    "international humanitarian law” and urged them to protect civilians.",
    "As noted in the previous report ({sym}), intercommunal violence displaced some {num} persons.",
    "The Council reiterated its support for the work of the Special Envoy, see {sym}, para. {num}.",
    "Consultations with troop-contributing countries were held on {date} in accordance with resolution {res}.",
    "The Working Group recommended that the Government strengthen the independence of the judiciary "
    "and ensure accountability for violations and abuses of human rights.",
    "Ibid., para. {num}; see also the statement by the President of the Security Council ({sym}).",
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def _fill(sentence: str, rnd: random.Random) -> str:
    """Return a sentence with its slots filled."""
    return sentence.format(
        res=f"{rnd.randint(1000, 2799)} ({rnd.randint(1995, 2025)})" if rnd.random() < 0.5
        else f"{rnd.randint(60, 79)}/{rnd.randint(1, 320)}",
        sym=rnd.choice(("A", "S", "E/CN.4", "A/HRC")) + f"/{rnd.randint(50, 80)}/{rnd.randint(1, 900)}",
        date=f"{rnd.randint(1, 28)} {rnd.choice(_MONTHS)} {rnd.randint(1995, 2025)}",
        num=rnd.randint(2, 99),
    )


def corpus_sentences() -> list[str]:
    """Return the body sentences of the dev corpus's English pdftotext texts (read, never copied)."""
    out: list[str] = []
    for path in sorted(CORPUS.glob("*.en.pdftotext.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if len(ln.strip()) >= 60]
        out.extend(s.strip() + "." for s in " ".join(lines).split(". ") if 8 <= len(s.split()) <= 60)
    return out


def paragraph(words: int, sentences: list[str] | None = None, seed: int = 15) -> str:
    """Return a document whose body is one paragraph of about `words` words, as pdftotext prints it."""
    rnd = random.Random(seed)
    picked: list[str] = []
    count = 0
    note = 1
    while count < words:
        s = rnd.choice(sentences) if sentences else _fill(rnd.choice(SENTENCES), rnd)
        if rnd.random() < 0.08:  # a footnote marker glued to the stop, as the text layer gives it
            s += str(note)
            note += 1
        picked.append(s)
        count += len(s.split())
    lines = _wrap_inside_sentences(" ".join(picked))
    return MASTHEAD + "\n".join(_hyphenate(lines, rnd)) + "\n"


def _wrap_inside_sentences(text: str, width: int = 80) -> list[str]:
    """Return the text in lines of about `width` characters, each broken before a word in lower case.

    A line that ends a sentence short of the full width, or is followed by one that opens with a capital,
    a figure or a bracket, can end a paragraph in pdftotext text; the paragraph must stay one, however long.
    """
    lines: list[str] = []
    line: list[str] = []
    size = 0
    for word in text.split(" "):
        if size + len(word) > width and line and word[:1].islower() and not line[-1].endswith(_STOPS):
            lines.append(" ".join(line))
            line, size = [], 0
        line.append(word)
        size += len(word) + 1
    lines.append(" ".join(line))
    return lines


_STOPS = (".", ";", ":", "!", "?", "”", '"', ")")


def _hyphenate(lines: list[str], rnd: random.Random) -> list[str]:
    """Return the lines with about one in eight ending in a word broken by a hyphen ("govern-/ment")."""
    out = list(lines)
    for i in range(len(out) - 1):
        head, _, last = out[i].rpartition(" ")
        if head and len(last) >= 8 and last.isalpha() and rnd.random() < 0.125:
            cut = len(last) // 2
            out[i] = f"{head} {last[:cut]}-"
            out[i + 1] = f"{last[cut:]} {out[i + 1]}"
    return out


def exponent(sizes: list[int], seconds: list[float], least: float = 1e-9) -> float:
    """Return the least-squares slope of log(seconds) over log(size), a time under `least` counted as `least`."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, least)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def _best(fn: object, repeat: int) -> float:
    """Return the least CPU time of `repeat` calls of fn."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()  # type: ignore[operator]
        times.append(time.process_time() - start)
    return min(times)


def main() -> int:
    """Print the table of CPU time per size and the fitted exponents; 1 when parsing is over the target."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="paragraph sizes in words")
    ap.add_argument("--repeat", type=int, default=2, help="runs per size (the best is reported)")
    ap.add_argument("--synthetic", action="store_true", help="the built-in sentences, even when the corpus is here")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    sentences = None if args.synthetic else corpus_sentences() or None
    print(f"text_scaling: one paragraph per size, from {'corpus' if sentences else 'built-in'} sentences")
    unref.parse_text(paragraph(300, sentences))  # warm the word tables once, as a long-running process would
    parse_s: list[float] = []
    floor_s: list[float] = []
    print(f"{'words':>7} {'chars':>9} {'paras':>5} {'longest':>8} {'parse s':>9} {'floor s':>9} {'µs/word':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            text = paragraph(n, sentences)
            path = Path(tmp) / f"p{n}.txt"
            path.write_text(text, encoding="utf-8")
            doc = unref.parse_text(text)
            parse_s.append(_best(lambda: unref.parse_text(text), args.repeat))  # noqa: B023
            floor_s.append(_best(lambda: path.read_bytes().decode("utf-8"), args.repeat))  # noqa: B023
            longest = max(len(p.text.split()) for p in doc.paragraphs)
            print(f"{n:>7} {len(text):>9} {len(doc.paragraphs):>5} {longest:>8} {parse_s[-1]:>9.3f} "
                  f"{floor_s[-1]:>9.5f} {1e6 * parse_s[-1] / n:>8.1f}", flush=True)
    slope = exponent(sizes, parse_s)
    print(f"exponent (log-log slope of parse time): {slope:.3f}  (target < {TARGET}); "
          f"floor's: {exponent(sizes, floor_s):.3f}")
    return 0 if slope < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
