"""Before/after output check: does every corpus file parse to exactly the same JSON?

Parses every file of ../shared/corpus in process with
`unref.parse(path, allow_empty=True).to_json()`:

- dev/: each *.pdf and each *.txt (pdftotext output and plain-text resolutions)
- seed/: every file except README.md
- cr-unsc/: each *.txt

in a ProcessPoolExecutor (2 workers), then either

    --write SNAPSHOT   writes a gzip'd JSON-lines file, one record per file, sorted by path:
                       {"path": <path relative to the corpus>, "json": <to_json()>}
                       or {"path": ..., "error": "<ExceptionType>: <message>"} when parsing raised;
    --check SNAPSHOT   parses again and prints, for each file whose record differs from the
                       snapshot (or is missing from either side), the file and the first differing
                       key path (e.g. `json.paragraphs[12].text`), then a count; exits 1 on any
                       difference, 0 when all records are identical.

A refactoring or speed-up that must not change behaviour is checked by writing a snapshot
before it and `--check`ing after it. When the corpus is absent, prints a message and exits 0.
Run: .venv/bin/python bench/same_output.py --write /tmp/before.jsonl.gz
     .venv/bin/python bench/same_output.py --check /tmp/before.jsonl.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def corpus_files(root: Path) -> list[Path]:
    """Return the files to parse, sorted."""
    files: list[Path] = []
    dev = root / "dev"
    files += sorted(dev.glob("*.pdf"))
    files += sorted(dev.glob("*.txt"))
    seed = root / "seed"
    if seed.is_dir():
        files += sorted(p for p in seed.iterdir() if p.is_file() and p.name != "README.md")
    files += sorted((root / "cr-unsc").glob("*.txt"))
    return sorted(set(files))


def parse_one(path: str) -> dict[str, Any]:
    """Return the record of one file: its JSON, or the error text when parsing raised."""
    import unref

    rel = str(Path(path).relative_to(CORPUS))
    try:
        doc = unref.parse(path, allow_empty=True)
        # Round-trip through JSON so that the record compares equal to the one read back.
        return {"path": rel, "json": json.loads(json.dumps(doc.to_json(), ensure_ascii=False))}
    except Exception as exc:  # the error itself is the recorded output
        return {"path": rel, "error": f"{type(exc).__name__}: {exc}"}


def parse_all(files: list[Path]) -> dict[str, dict[str, Any]]:
    """Parse all files in 2 worker processes; return records by relative path."""
    with ProcessPoolExecutor(max_workers=2) as pool:
        records = list(pool.map(parse_one, [str(f) for f in files], chunksize=1))
    return {r["path"]: r for r in records}


def first_difference(a: Any, b: Any, where: str = "") -> str | None:
    """Return the key path of the first place where a and b differ, or None when equal."""
    if type(a) is not type(b):
        return where or "<root>"
    if isinstance(a, dict):
        for key in list(a) + [k for k in b if k not in a]:
            if key not in a or key not in b:
                return f"{where}.{key}" if where else str(key)
            found = first_difference(a[key], b[key], f"{where}.{key}" if where else str(key))
            if found:
                return found
        if list(a) != list(b):
            return f"{where} (key order)"
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            found = first_difference(x, y, f"{where}[{i}]")
            if found:
                return found
        if len(a) != len(b):
            return f"{where}[{min(len(a), len(b))}] (length {len(a)} vs {len(b)})"
        return None
    return None if a == b else (where or "<root>")


def write(snapshot: Path, records: dict[str, dict[str, Any]]) -> None:
    """Write the records as gzip'd JSON lines, sorted by path."""
    with gzip.open(snapshot, "wt", encoding="utf-8") as fh:
        for path in sorted(records):
            fh.write(json.dumps(records[path], ensure_ascii=False, sort_keys=False) + "\n")


def read(snapshot: Path) -> dict[str, dict[str, Any]]:
    """Read the records of a snapshot by path."""
    out: dict[str, dict[str, Any]] = {}
    with gzip.open(snapshot, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out[rec["path"]] = rec
    return out


def main() -> int:
    """Write or check a snapshot; return 1 on any difference, else 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, metavar="SNAPSHOT", help="write the outputs to SNAPSHOT")
    mode.add_argument("--check", type=Path, metavar="SNAPSHOT", help="compare the outputs with SNAPSHOT")
    args = ap.parse_args()
    files = corpus_files(CORPUS) if CORPUS.is_dir() else []
    if not files:
        print(f"same_output: no corpus at {CORPUS}; skipped")
        return 0
    records = parse_all(files)
    if args.write:
        write(args.write, records)
        errors = sum("error" in r for r in records.values())
        print(f"same_output: wrote {len(records)} records ({errors} errors) to {args.write}")
        return 0
    old = read(args.check)
    differing = 0
    for path in sorted(set(old) | set(records)):
        if path not in old:
            print(f"{path}: not in the snapshot")
        elif path not in records:
            print(f"{path}: in the snapshot, not parsed now")
        else:
            where = first_difference(old[path], records[path])
            if where is None:
                continue
            print(f"{path}: differs at {where}")
        differing += 1
    print(f"same_output: {differing} of {len(set(old) | set(records))} files differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
