"""Fail when a gold score drops below the floor recorded in bench/score_floor.json.

Runs ../shared/eval/score.py with this checkout's `unref`; skips, saying so, when
the shared evaluation set is absent. `--raise` writes each figure that went up into the floor
(rounded down to three places; a floor never goes down this way).
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
FLOOR = HERE / "score_floor.json"


def main(argv: list[str]) -> int:
    """Return 0 when every figure is at or above its floor, 1 otherwise."""
    raise_floor = "--raise" in argv
    if not SCORER.exists():
        print(f"check_scores: skipped, {SCORER} is absent")
        return 0
    floor = json.loads(FLOOR.read_text())
    unref = ROOT / ".venv" / "bin" / "unref"
    cmd = f"{unref if unref.exists() else 'unref'} parse {{path}} --format json --no-spans"
    failed = []
    for variant, wanted in floor["variants"].items():
        out = subprocess.run(
            [sys.executable, str(SCORER), "--variant", variant, "--json", "--cmd", cmd],
            capture_output=True, text=True, check=True,
        )
        got = json.loads(out.stdout)
        for measure, minimum in wanted.items():
            value = got.get(measure)
            if measure == "failures":  # a ceiling, not a floor
                ok = value is not None and value <= minimum
            else:
                ok = value is not None and value + 1e-9 >= minimum
            print(f"{variant:5} {measure:22} {value if value is None else round(value, 4)!s:>8}"
                  f"  floor {minimum}  {'ok' if ok else 'BELOW FLOOR'}")
            if not ok:
                failed.append(f"{variant}/{measure}")
            elif raise_floor and measure != "failures" and value is not None:
                wanted[measure] = max(minimum, math.floor(value * 1000 + 1e-6) / 1000)
    if failed:
        print("check_scores: below the floor: " + ", ".join(failed))
        return 1
    if raise_floor:
        FLOOR.write_text(json.dumps(floor, indent=1, ensure_ascii=False) + "\n")
        print(f"check_scores: floors raised where figures went up ({FLOOR.name})")
    print("check_scores: all figures at or above the floor")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
