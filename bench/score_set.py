"""Score one named set of gold documents (../shared/eval/sets/NAME.txt) apart from the rest.

    python bench/score_set.py fresh_2026-12 [--variant text|pdf|all] [score.py options...]

The set file lists gold names one a line (`A_79_769.en`); this makes a temporary gold folder
with just those answers and runs ../shared/eval/score.py on it with this checkout's `unref`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def main(argv: list[str]) -> int:
    """Run score.py on the gold files of one set; the remaining arguments go to score.py."""
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        return 2
    name, rest = argv[0], argv[1:]
    listing = EVAL / "sets" / f"{name}.txt"
    if not listing.exists():
        print(f"score_set: {listing} is absent")
        return 2
    wanted = [line.strip() for line in listing.read_text().splitlines() if line.strip()]
    unref = ROOT / ".venv" / "bin" / "unref"
    cmd = f"{unref if unref.exists() else 'unref'} parse {{path}} --format json --no-spans"
    with tempfile.TemporaryDirectory() as tmp:
        for stem in wanted:
            for gold in EVAL.glob(f"gold/*__{stem}.json"):
                shutil.copy(gold, tmp)
        args = [sys.executable, str(EVAL / "score.py"), "--gold", tmp, "--corpus", str(EVAL.parent / "corpus")]
        if "--cmd" not in rest:
            args += ["--cmd", cmd]
        return subprocess.run(args + rest, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
