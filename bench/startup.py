"""Benchmark: start-up and memory of the `unref` command (issue 16).

Times, as CPU seconds of the whole process (user + system, its children included), `python -c pass`,
`unref --help` and `unref parse tiny.txt` (a tiny text this bench writes), run in turn (A B C A B C ...)
so that a drift of the machine's speed touches all alike, and prints the medians. Then runs
`unref ingest --workers 2` over a sample of the dev corpus into a temporary store and reports the sum
of the peak RSS of every process of the run (the command, its forkserver and workers: each one's
VmHWM, read from /proc while it runs), the largest sum of RSS at one moment (processes that replace
others, or programs that OCR starts, add to the first and not to the second), and the largest process.

The commands run with their bytecode cached, as an installed package has it (pip compiles it at install): written
by the warm-up run into a folder of this bench's own (PYTHONPYCACHEPREFIX), never into the tree, even where
PYTHONDONTWRITEBYTECODE is set (as in the sessions' shells, where each start compiled some 45 modules of unref
from their source: about 0.1 s of `unref parse`). --from-source measures that instead.

Run: .venv/bin/python bench/startup.py [--runs N] [--sample N] [--src DIR] [--from-source]
(--src: the src/ folder of another checkout of unref, to measure it with the same Python.)
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"
TINY = "A/80/1\n\nUnited Nations\n\nGeneral Assembly\n\nThe Assembly recalls its resolution 78/1 of 2023.\n"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_of(command: list[str], env: dict[str, str]) -> float:
    """Return the CPU seconds that `command` took, its waited-for children included."""
    before = _children_cpu()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return _children_cpu() - before


def unref_command(*args: str) -> list[str]:
    """Return the command line of `unref ARGS` with this Python (so that --src decides which unref runs)."""
    return [sys.executable, "-c", "import sys; from unref.cli import main; sys.argv[0] = 'unref'; main()", *args]


def startup(runs: int, env: dict[str, str], folder: Path) -> dict[str, float]:
    """Return the median CPU seconds of each start-up command over `runs` interleaved rounds."""
    tiny = folder / "tiny.txt"
    tiny.write_text(TINY, encoding="utf-8")
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "unref --help": unref_command("--help"),
        "unref parse tiny.txt": unref_command("parse", str(tiny)),
    }
    for command in commands.values():  # warm-up: the disk cache, and the word tables built once
        cpu_of(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(cpu_of(command, env))
    return {name: statistics.median(values) for name, values in times.items()}


def _descendants(root: int) -> list[int]:
    """Return `root` and every process below it, from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as file:
                    ppid = int(file.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            parents.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found


def _status_kib(pid: int) -> tuple[int, int] | None:
    """Return the RSS and the peak RSS (VmRSS, VmHWM) of `pid` in KiB, or None when it is gone."""
    found: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status") as file:
            for line in file:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    found[line[:5]] = int(line.split()[1])
    except OSError:
        return None
    return (found["VmRSS"], found["VmHWM"]) if len(found) == 2 else None


def _kind(pid: int) -> str:
    """Return what a process is, in a word: the program, or the Python module a multiprocessing child runs."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as file:
            argv = file.read().decode(errors="replace").split("\0")
    except OSError:
        return "?"
    line = " ".join(argv)
    for kind in ("forkserver", "resource_tracker", "unref.cli"):
        if kind in line:
            return kind
    return Path(argv[0]).name


class Watch:
    """The memory of a process tree, sampled from /proc while it runs."""

    def __init__(self) -> None:
        self.peaks: dict[int, int] = {}  # each process's peak RSS (KiB)
        self.kinds: dict[int, str] = {}
        self.most_at_once = 0  # the largest sum of RSS of the processes alive at one sample (KiB)

    def sample(self, root: int) -> None:
        """Read the RSS of every process under `root` once."""
        now = 0
        for pid in _descendants(root):
            status = _status_kib(pid)
            if status is None:
                continue
            now += status[0]
            self.peaks[pid] = max(self.peaks.get(pid, 0), status[1])
            if pid not in self.kinds:
                self.kinds[pid] = _kind(pid)
        self.most_at_once = max(self.most_at_once, now)


def _watch(process: subprocess.Popen[bytes], watch: Watch, interval: float) -> None:
    """Sample the memory of every process under `process` until it ends."""
    while process.poll() is None:
        watch.sample(process.pid)
        time.sleep(interval)


def bytecode(env: dict[str, str], folder: Path) -> str:
    """Have the commands cache their bytecode under `folder` (written by the warm-up run); return what is done."""
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    return f"cached in {env['PYTHONPYCACHEPREFIX']} (as installed)"


def ingest_memory(sample: int, workers: int, env: dict[str, str], folder: Path) -> dict[str, Any]:
    """Return the memory of `unref ingest --workers N` over `sample` dev files: the sum of every process's
    peak RSS (MiB), the largest sum of RSS at one moment, the largest process, the processes by kind, and
    the wall seconds it took."""
    files = sorted(CORPUS.glob("*.pdf")) + sorted(CORPUS.glob("*.txt"))
    step = max(1, len(files) // sample) if sample > 0 else 1
    chosen = [str(path) for path in files[::step][:sample]] if sample > 0 else [str(path) for path in files]
    db = f"sqlite:///{folder / 'store.sqlite3'}"
    command = unref_command("ingest", "--quiet", "--workers", str(workers), "--db", db, *chosen)
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watch = Watch()
    watcher = threading.Thread(target=_watch, args=(process, watch, 0.02))
    watcher.start()
    process.wait()
    watcher.join()
    kinds = Counter(watch.kinds.values())
    return {"files": len(chosen), "processes": len(watch.peaks), "sum_mib": sum(watch.peaks.values()) / 1024,
            "at_once_mib": watch.most_at_once / 1024, "largest_mib": max(watch.peaks.values(), default=0) / 1024,
            "kinds": ", ".join(f"{n} {kind}" for kind, n in kinds.most_common()),
            "wall_s": time.perf_counter() - start}


def main() -> int:
    """Print the start-up medians and the memory of an ingest; return 0, or 1 when the corpus is absent."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7, help="interleaved rounds of the start-up commands")
    ap.add_argument("--sample", type=int, default=40, help="dev files that the ingest reads (0: none, -1: all)")
    ap.add_argument("--workers", type=int, default=2, help="workers of the ingest")
    ap.add_argument("--src", help="the src/ folder of the unref to measure (default: the installed one)")
    ap.add_argument("--from-source", action="store_true",
                    help="keep the environment's PYTHONDONTWRITEBYTECODE: modules compiled from source at each start")
    args = ap.parse_args()
    env = dict(os.environ)
    if args.src:
        env["PYTHONPATH"] = str(Path(args.src).resolve())
    with tempfile.TemporaryDirectory(prefix="unref-startup-") as temporary:
        folder = Path(temporary)
        print("bytecode: " + ("compiled from source at each start" if args.from_source else bytecode(env, folder)))
        for name, seconds in startup(args.runs, env, folder).items():
            print(f"{name:<24} {seconds:6.3f} s CPU (median of {args.runs})")
        if args.sample and not CORPUS.is_dir():
            print(f"startup: no corpus at {CORPUS}: ingest not measured")
            return 1
        if args.sample:
            memory = ingest_memory(args.sample, args.workers, env, folder)
            print(f"unref ingest --workers {args.workers}, {memory['files']} files: "
                  f"peak RSS {memory['sum_mib']:.0f} MiB in all ({memory['processes']} processes: {memory['kinds']}; "
                  f"largest {memory['largest_mib']:.0f} MiB); at one moment at most {memory['at_once_mib']:.0f} MiB; "
                  f"{memory['wall_s']:.1f} s wall")
    return 0


if __name__ == "__main__":
    sys.exit(main())
