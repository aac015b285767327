"""A gold-free yardstick for notes, markers and repairs: the PDF and the pdftotext variant of each document.

For every dev document that has both X.pdf and X.pdftotext.txt, both are parsed (or read from a
bench/same_output.py snapshot) and the text variant is compared with the PDF variant, whose notes
and markers come from the page's geometry and are far more often right:

- notes missing from the text variant (a label the PDF has, the text has not) and extra ones;
- notes whose text differs (similarity below 0.95 after white space is folded, as score.py judges);
- markers missing from the text variant, or standing after other words (the last three words before
  the marker differ), and extra markers;
- words of the body that differ: the paragraphs' and the notes' texts are aligned word by word
  (blank-delimited tokens) and each differing stretch is put in a class by what tells the two apart:
  split (the text variant splits what the PDF prints whole: "a nd"), glued (the reverse), hyphen (a
  hyphen dropped or added), apostrophe, ligature, furniture (a page number, symbol or date line
  inserted), inserted / missing words, other.

    .venv/bin/python bench/notes_pairs.py                                   # parse every pair, print totals
    .venv/bin/python bench/notes_pairs.py --snapshot /tmp/x.jsonl.gz        # read the records of a snapshot
    .venv/bin/python bench/notes_pairs.py --json /tmp/pairs.json --examples 5
    .venv/bin/python bench/notes_pairs.py --load /tmp/pairs.json --compare /tmp/pairs_before.json
    .venv/bin/python bench/notes_pairs.py --load /tmp/pairs.json --examples 20 --cls split --only A_56

A scanned PDF (its record warns that the text came from OCR) is counted apart: there the PDF variant
is no better a guide than the text.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from same_output import read as read_snapshot  # bench/same_output.py writes the snapshots this reads

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
FORMAT = "unref.notes_pairs/1"
SIMILAR = 0.95  # score.py's threshold for a note's text
SIGNALS = ("notes_missing", "notes_extra", "notes_differ", "markers_missing", "markers_moved", "markers_extra")
CLASSES = ("split", "glued", "hyphen", "apostrophe", "ligature", "furniture", "inserted", "missing", "other")
_WS_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\w+")
_FURNITURE_RE = re.compile(r"^(?:\d{1,4}|[A-Z]{1,2}/[\w./-]+|\d{2}-\d{5}|[\d/]+|Page|page|\d+/\d+)$")


def fold(text: str) -> str:
    """Return the text with white space folded to single spaces."""
    return _WS_RE.sub(" ", text).strip()


def pairs_of(root: Path) -> list[tuple[str, Path, Path]]:
    """Return (stem, pdf, text) of every dev document that has both variants."""
    dev = root / "dev"
    out = []
    for pdf in sorted(dev.glob("*.pdf")):
        txt = pdf.with_name(pdf.name[: -len(".pdf")] + ".pdftotext.txt")
        if txt.is_file():
            out.append((pdf.name[: -len(".pdf")], pdf, txt))
    return out


def parse_one(path: str) -> dict[str, Any]:
    """Return the JSON record of one file (an empty one when parsing raised)."""
    import unref

    try:
        record: dict[str, Any] = unref.parse(path, allow_empty=True).to_json(spans=False)
        return record
    except Exception as err:  # a file that raises counts as having nothing
        return {"error": f"{type(err).__name__}: {err}"}


def records_from_snapshot(snapshot: Path) -> dict[str, dict[str, Any]]:
    """Return the records of a bench/same_output.py snapshot (read by its own reader), by file name."""
    return {Path(path).name: rec.get("json") or {"error": rec.get("error")}
            for path, rec in read_snapshot(snapshot).items()}


def records_parsed(files: list[Path], workers: int) -> dict[str, dict[str, Any]]:
    """Parse the files in a pool; return their records by file name."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        records = list(pool.map(parse_one, [str(f) for f in files], chunksize=1))
    return {f.name: r for f, r in zip(files, records, strict=True)}


# --- Notes and markers -------------------------------------------------------------------------

def notes_by_label(record: dict[str, Any]) -> dict[str, str]:
    """Return label -> folded text of a record's notes (a label's first note)."""
    out: dict[str, str] = {}
    for note in record.get("footnotes") or []:
        out.setdefault(str(note.get("label")), fold(str(note.get("text") or "")))
    return out


def marker_context(record: dict[str, Any]) -> dict[str, str]:
    """Return label -> the last three words before the label's first marker, lower case."""
    paragraphs = {p.get("id"): str(p.get("text") or "") for p in record.get("paragraphs") or []}
    out: dict[str, str] = {}
    for ref in record.get("footnote_refs") or []:
        label = str(ref.get("label"))
        if label in out:
            continue
        before = paragraphs.get(ref.get("paragraph"), "")[: int(ref.get("offset") or 0)]
        out[label] = " ".join(_WORD_RE.findall(before.lower())[-3:])
    return out


def similar(a: str, b: str) -> bool:
    """Return whether two folded note texts match as score.py judges (ratio at least SIMILAR)."""
    if a == b:
        return True
    sm = SequenceMatcher(None, a, b, autojunk=False)
    return sm.real_quick_ratio() >= SIMILAR and sm.quick_ratio() >= SIMILAR and sm.ratio() >= SIMILAR


def compare_notes(pdf: dict[str, Any], text: dict[str, Any]) -> dict[str, list[str]]:
    """Return the examples of each notes/markers signal for one pair."""
    pn, tn = notes_by_label(pdf), notes_by_label(text)
    pm, tm = marker_context(pdf), marker_context(text)
    out: dict[str, list[str]] = {k: [] for k in SIGNALS}
    out["notes_missing"] = [f"{k}: {pn[k][:90]}" for k in pn if k not in tn]
    out["notes_extra"] = [f"{k}: {tn[k][:90]}" for k in tn if k not in pn]
    out["notes_differ"] = [f"{k}: pdf {pn[k][:80]!r} | text {tn[k][:80]!r}" for k in pn
                           if k in tn and not similar(pn[k], tn[k])]
    out["markers_missing"] = [f"{k} after {pm[k]!r}" for k in pm if k not in tm and k in tn]
    out["markers_moved"] = [f"{k}: pdf after {pm[k]!r} | text after {tm[k]!r}" for k in pm
                            if k in tm and pm[k] != tm[k]]
    out["markers_extra"] = [f"{k} after {tm[k]!r}" for k in tm if k not in pm]
    return out


# --- Words of the body ------------------------------------------------------------------------

def tokens(record: dict[str, Any]) -> list[str]:
    """Return the blank-delimited tokens of the paragraphs, then of the notes."""
    units = [str(p.get("text") or "") for p in record.get("paragraphs") or []]
    units += [str(n.get("text") or "") for n in record.get("footnotes") or []]
    return " ".join(units).split()


def _letters(words: list[str]) -> str:
    return "".join(words)


def classify(pdf_words: list[str], text_words: list[str]) -> str:
    """Return the class of a stretch where the text variant's words differ from the PDF's."""
    p, t = " ".join(pdf_words), " ".join(text_words)
    if not pdf_words:
        return "furniture" if all(_FURNITURE_RE.match(w.strip(".,;:()")) for w in text_words) else "inserted"
    if not text_words:
        return "missing"
    if any(c in p + t for c in "ﬁﬂﬀﬃﬄ"):
        return "ligature"
    if _letters(pdf_words) == _letters(text_words):
        return "split" if len(text_words) > len(pdf_words) else "glued"
    if p.replace("-", " ").split() == t.replace("-", " ").split() or (
            _letters(pdf_words).replace("-", "") == _letters(text_words).replace("-", "")):
        return "hyphen"
    if p.replace("’", "'").replace(" '", "'") == t.replace("’", "'").replace(" '", "'"):
        return "apostrophe"
    return "other"


def compare_words(pdf: dict[str, Any], text: dict[str, Any]) -> dict[str, list[str]]:
    """Return examples of each class of differing words, the text variant against the PDF's."""
    a, b = tokens(pdf), tokens(text)
    out: dict[str, list[str]] = {k: [] for k in CLASSES}
    sm = SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        if i2 - i1 > 40 or j2 - j1 > 40:
            cls = "inserted" if j2 - j1 > i2 - i1 else "missing"
        else:
            cls = classify(a[i1:i2], b[j1:j2])
        ctx = " ".join(a[max(0, i1 - 3):i1])
        out[cls].append(f"…{ctx} [{' '.join(a[i1:i2])[:80]}] -> [{' '.join(b[j1:j2])[:80]}]")
    return out


def compare(stem: str, pdf: dict[str, Any], text: dict[str, Any]) -> dict[str, Any]:
    """Return the entry of one pair: its examples by signal and class, and whether the PDF is a scan."""
    ocr = any("OCR" in str(w) for w in pdf.get("warnings") or [])
    entry: dict[str, Any] = {"ocr": ocr, "error": pdf.get("error") or text.get("error")}
    entry["notes"] = compare_notes(pdf, text)
    entry["words"] = compare_words(pdf, text)
    entry["pdf_notes"] = len(pdf.get("footnotes") or [])
    entry["pdf_markers"] = len(pdf.get("footnote_refs") or [])
    entry["pdf_words"] = len(tokens(pdf))
    return entry


def _compare_job(job: tuple[str, dict[str, Any], dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    return job[0], compare(*job)


def run(records: dict[str, dict[str, Any]], pairs: list[tuple[str, Path, Path]], workers: int) -> dict[str, Any]:
    """Compare every pair; return {stem: entry}."""
    jobs = [(stem, records.get(pdf.name, {}), records.get(txt.name, {})) for stem, pdf, txt in pairs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return dict(pool.map(_compare_job, jobs, chunksize=4))


# --- Reports ---------------------------------------------------------------------------------------

def totals(entries: dict[str, Any], ocr: bool) -> Counter[str]:
    """Return the count of each signal and class over the pairs whose PDF is (not) a scan."""
    out: Counter[str] = Counter()
    for e in entries.values():
        if e["ocr"] != ocr:
            continue
        out["pairs"] += 1
        for key in ("pdf_notes", "pdf_markers", "pdf_words"):
            out[key] += e[key]
        for group in ("notes", "words"):
            for k, v in e[group].items():
                out[k] += len(v)
    return out


def keys() -> list[str]:
    """Return the rows of the table in order."""
    return ["pairs", "pdf_notes", "pdf_markers", "pdf_words", *SIGNALS, *CLASSES]


def print_table(entries: dict[str, Any], old: dict[str, Any] | None = None) -> None:
    """Print the totals (born-digital PDFs, scans), before -> after where an old run is given."""
    print(f"{'signal':18} {'born-digital':>22} {'scanned':>16}")
    now = (totals(entries, False), totals(entries, True))
    before = (totals(old, False), totals(old, True)) if old else None
    for k in keys():
        cells = []
        for i in (0, 1):
            cells.append(f"{before[i][k]} -> {now[i][k]}" if before else str(now[i][k]))
        print(f"{k:18} {cells[0]:>22} {cells[1]:>16}")


def _examples(entry: dict[str, Any], cls: str) -> list[str]:
    return list(entry["notes"].get(cls, [])) + list(entry["words"].get(cls, []))


def print_examples(entries: dict[str, Any], n: int, cls: str | None, only: str | None) -> None:
    """Print up to n examples of each signal and class per file (of one class with --cls)."""
    for stem in sorted(entries):
        if only and only not in stem:
            continue
        e = entries[stem]
        for k in ([cls] if cls else [*SIGNALS, *CLASSES]):
            ex = _examples(e, k)
            if ex:
                print(f"{stem}{' (scan)' if e['ocr'] else ''} {k} ({len(ex)}):")
                for x in ex[:n]:
                    print("   ", x)


def print_files(entries: dict[str, Any], old: dict[str, Any]) -> None:
    """Print the files whose counts changed, signal by signal."""
    for stem in sorted(set(entries) & set(old)):
        changes = []
        for k in [*SIGNALS, *CLASSES]:
            a, b = len(_examples(old[stem], k)), len(_examples(entries[stem], k))
            if a != b:
                changes.append(f"{k} {a}->{b}")
        if changes:
            print(f"  {stem}: {', '.join(changes)}")


def _iter_missing(pairs: list[tuple[str, Path, Path]], records: dict[str, Any]) -> Iterator[Path]:
    for _, pdf, txt in pairs:
        for f in (pdf, txt):
            if f.name not in records:
                yield f


def main(argv: list[str] | None = None) -> int:
    """Run the comparison, or load one; print the table and examples."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--snapshot", type=Path, help="read records from a bench/same_output.py snapshot")
    ap.add_argument("--load", type=Path, help="load a --json result instead of parsing")
    ap.add_argument("--json", type=Path, help="write the result here")
    ap.add_argument("--compare", type=Path, help="a --json result to compare with")
    ap.add_argument("--examples", type=int, default=0, help="examples per file and class")
    ap.add_argument("--cls", help="only this signal or class in the examples")
    ap.add_argument("--only", help="only files whose name holds this")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    if args.load:
        entries = json.loads(args.load.read_text())["entries"]
    else:
        if not CORPUS.is_dir():
            print(f"notes_pairs: no corpus at {CORPUS}; skipped")
            return 0
        pairs = pairs_of(CORPUS)
        records = records_from_snapshot(args.snapshot) if args.snapshot else {}
        missing = list(_iter_missing(pairs, records))
        if missing:
            records.update(records_parsed(missing, args.workers))
        entries = run(records, pairs, args.workers)
    if args.json:
        args.json.write_text(json.dumps({"format": FORMAT, "entries": entries}, ensure_ascii=False))
    old = json.loads(args.compare.read_text())["entries"] if args.compare else None
    if old is not None:
        old = {k: v for k, v in old.items() if k in entries}
    print_table(entries, old)
    if old is not None:
        print_files(entries, old)
    if args.examples:
        print_examples(entries, args.examples, args.cls, args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
