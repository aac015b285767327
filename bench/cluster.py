"""Benchmark: ingest on a Dask cluster (`--cluster local:N`) beside local worker processes (`--workers N`).

Each mode ingests the same files into a fresh SQLite store, in a process of its own (so that its memory is its
own), modes interleaved round by round, and reports:
  docs/s, pages/s     over the whole run (start-up included) and steady (from the first commit to the last)
  speed-up            N=2 against N=1, per mode (done when >= 1.7x for parsing-bound work on 2 cores)
  overhead            the cluster's wall time against local processes with as many workers
  peak memory         of the client (with local:N, the scheduler runs in it), of each Dask worker process,
                      and of the limited children that parse (sampled every 0.25 s)
and the load average seen before and after each run (the machine may be shared).
With --write-rate URL, it first times the single writer alone (documents parsed once, then written again under
new hashes), which is the ceiling of any number of workers.
Run: .venv/bin/python bench/cluster.py [--limit N] [--rounds R] [--modes workers:1,workers:2,local:1,local:2|none]
     [--write-rate postgresql://unref:unref@127.0.0.1:5432/unref_test] [--write-rate sqlite] [--json out.json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"
MODES = ("workers:1", "workers:2", "local:1", "local:2")
GOAL_SPEEDUP = 1.7
MIB = 1024 * 1024
#: Seconds between two looks at the processes: each look costs the bench 1-2 ms of CPU, which in a 2-worker run
#: is taken from the parse (every 0.1 s: 0.4-0.8 ms a page of the dev PDFs under load 7-12, 4 % of the two cores).
SAMPLE_EVERY = 0.25


def pick(corpus: Path, limit: int | None, kinds: str) -> list[Path]:
    """Return the corpus's files of the kinds asked (pdf, txt), sorted; with `limit`, that many spread evenly."""
    files = sorted(p for p in corpus.iterdir() if p.suffix.lower().lstrip(".") in kinds.split(","))
    if limit is None or limit >= len(files):
        return files
    step = len(files) / limit
    return [files[int(i * step)] for i in range(limit)]


# ---------------------------------------------------------------------------
# One run, in a process of its own


class Sampler:
    """Peak RSS of this process's descendants, by role: Dask worker, forkserver, parsing child."""

    def __init__(self) -> None:
        self.peaks: dict[int, tuple[str, int, int]] = {}  # pid -> (role, parent worker pid or 0, peak bytes)
        self.cpu: dict[int, float] = {}  # pid -> CPU seconds (user + system) when last seen
        self.own = 0  # this process's peak RSS (ru_maxrss would carry a larger parent's over exec)
        self.threads: dict[int, tuple[str, float]] = {}  # this process's threads: tid -> (name, CPU seconds)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True, name="sampler")

    def _role(self, proc: Any, me: int) -> tuple[str, int]:
        """Return the role of a descendant and the Dask worker it belongs to (0: none)."""
        cmd = " ".join(proc.cmdline())
        parent = proc.ppid()
        above = self.peaks.get(parent, ("", 0, 0))
        if above[0] == "forkserver":  # forked by a forkserver: a limited child (its cmdline is the server's)
            return "parser", above[1]
        if above[0] == "parser":  # a limited child's own OCR pool (--workers 1 reads a scan's pages in two)
            return "parser", above[1]
        if "forkserver" in cmd:
            return "forkserver", parent if parent != me else 0
        if "resource_tracker" in cmd:
            return "tracker", 0
        if parent == me:  # a Dask worker (spawned by its nanny, which runs here) or a local limited child
            return ("worker", proc.pid) if "spawn_main" in cmd else ("parser", 0)
        return "other", 0

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        procs: dict[int, Any] = {}
        while not self.stop.wait(SAMPLE_EVERY):
            self.own = max(self.own, me.memory_info().rss)
            self._own_threads(me)
            for pid in _descendants(me.pid):  # parents first
                try:
                    proc = procs.get(pid) or procs.setdefault(pid, psutil.Process(pid))
                    rss = proc.memory_info().rss
                    times = proc.cpu_times()
                    self.cpu[proc.pid] = times.user + times.system
                    role, owner = self.peaks[proc.pid][:2] if proc.pid in self.peaks else self._role(proc, me.pid)
                except psutil.Error:
                    continue
                self.peaks[proc.pid] = (role, owner, max(rss, self.peaks.get(proc.pid, ("", 0, 0))[2]))

    def _own_threads(self, me: Any) -> None:
        """Note the CPU of this process's threads by name: the main thread (hashing, writing), Dask's event loop
        (with local:N the scheduler's and the nannies', and the client's), this sampler."""
        names = {t.native_id: t.name for t in threading.enumerate()}
        for t in me.threads():
            name = self.threads.get(t.id, (names.get(t.id, "other"), 0.0))[0]
            self.threads[t.id] = (name, t.user_time + t.system_time)

    def client_threads(self) -> dict[str, float]:
        """Return the CPU seconds of this process's threads, by role: main, dask loop (scheduler), sampler, other."""
        roles = {"MainThread": "main", "IO loop": "dask_loop", "sampler": "sampler"}
        out: dict[str, float] = {}
        for name, seconds in self.threads.values():
            role = roles.get(name, "other")
            out[role] = out.get(role, 0.0) + seconds
        return out

    def summary(self) -> dict[str, Any]:
        """Return the peak MiB of each worker and each parsing child, largest first."""
        out: dict[str, list[float]] = {"workers": [], "parsers": []}
        for role, _, peak in self.peaks.values():
            if role in ("worker", "parser"):
                out[role + "s"].append(round(peak / MIB, 1))
        cpu: dict[str, float] = {}
        for pid, seconds in self.cpu.items():
            role = self.peaks.get(pid, ("other", 0, 0))[0]
            cpu[role] = cpu.get(role, 0.0) + seconds
        return {**{k: sorted(v, reverse=True) for k, v in out.items()},
                **{f"cpu_{role}": round(seconds, 2) for role, seconds in cpu.items()}}


def _descendants(pid: int) -> list[int]:
    """Return the processes below `pid`, parents before their children, from /proc/PID/task/*/children: only this
    tree is read (psutil's children() reads every process of the machine, 4 ms a look on a busy machine, ten looks
    a second: CPU that the 2-worker runs would take from the parse)."""
    import glob

    out: list[int] = []
    todo = [pid]
    while todo:
        below: list[int] = []
        for parent in todo:
            for path in glob.glob(f"/proc/{parent}/task/*/children"):
                with contextlib.suppress(OSError):
                    below.extend(int(child) for child in Path(path).read_text().split())
        out.extend(below)
        todo = below
    return out


def one(mode: str, files: list[str]) -> dict[str, Any]:
    """Ingest `files` in `mode` (workers:N or local:N) into a fresh store; return the figures."""
    from unref.corpus.ingest import IngestEvent, ingest
    from unref.corpus.store import open_store

    marks: list[tuple[float, int]] = []

    def mark(event: IngestEvent) -> None:
        marks.append((time.monotonic(), event.pages))

    kind, count = mode.split(":")
    options: dict[str, Any] = {"workers": int(count)} if kind == "workers" else {"cluster": mode}
    sampler = Sampler()
    sampler.thread.start()
    with tempfile.TemporaryDirectory() as tmp, open_store(f"sqlite:///{tmp}/c.db") as store:
        started = time.monotonic()
        result = ingest(files, store, progress=mark, **options)
        wall = time.monotonic() - started
    sampler.stop.set()
    sampler.thread.join()
    pages = sum(p for _, p in marks)
    steady = _steady(marks)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    threads = {f"cpu_thread_{role}": round(seconds, 2) for role, seconds in sampler.client_threads().items()}
    return {"mode": mode, "wall": wall, "cpu_client": round(usage.ru_utime + usage.ru_stime, 2), **threads,
            "docs": result.added, "failed": result.failed, "pages": pages,
            "docs_s": result.added / wall, "pages_s": pages / wall, **steady,
            "client_mib": round(sampler.own / MIB, 1), **sampler.summary()}


def _steady(marks: list[tuple[float, int]]) -> dict[str, float]:
    """Return docs/s and pages/s between the first and the last commit (start-up and warm-up left out)."""
    if len(marks) < 3:
        return {"steady_docs_s": 0.0, "steady_pages_s": 0.0}
    first = marks[0][0]
    later = [m for m in marks if m[0] > first]  # what the first commit wrote is before the clock starts
    span = marks[-1][0] - first
    return {"steady_docs_s": len(later) / span if span else 0.0,
            "steady_pages_s": sum(p for _, p in later) / span if span else 0.0}


# ---------------------------------------------------------------------------
# The single writer's rate


@contextlib.contextmanager
def _fresh_store(url: str) -> Iterator[str]:
    """Yield the URL of an empty store: a new schema of a PostgreSQL database (dropped after), or a temporary
    SQLite file for ``sqlite``."""
    if not url.startswith("postgres"):
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{tmp}/w.db"
        return
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield url + ("&" if "?" in url else "?") + f"options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def write_rate(files: list[Path], url: str, copies: int, batch: int = 20) -> dict[str, Any]:
    """Return the docs/s and pages/s at which one writer stores prepared documents (parsed once here, then
    written `copies` times under new hashes and symbols, in transactions of `batch` as ingest commits)."""
    from dataclasses import replace

    from unref import parse
    from unref.corpus.store import content_hash, open_store, prepare

    prepared = []
    for path in files:
        with contextlib.suppress(Exception):  # a file that fails to parse is not written
            prepared.append(prepare(parse(path).to_json(), hash=content_hash(path), path=str(path)))
    docs = [replace(d, hash=f"{n:08d}{d.hash[8:]}", symbols=(f"S/2099/{n}",), bases=(f"S/2099/{n}",))
            for n, d in enumerate(d for _ in range(copies) for d in prepared)]
    with _fresh_store(url) as fresh, open_store(fresh) as store:
        started, cpu = time.monotonic(), time.process_time()
        for i in range(0, len(docs), batch):
            store.add_many(docs[i:i + batch])
        seconds, cpu = time.monotonic() - started, time.process_time() - cpu
    pages = sum(d.pages for d in docs)
    return {"backend": url.split(":")[0], "docs": len(docs), "pages": pages, "seconds": seconds,
            "docs_s": len(docs) / seconds, "pages_s": pages / seconds, "client_cpu_ms_per_doc": cpu / len(docs) * 1000,
            "passages_per_doc": sum(len(d.passages) for d in docs) / len(docs),
            "citations_per_doc": sum(len(d.citations) for d in docs) / len(docs),
            "result_kib_per_doc": sum(len(pickle.dumps(d)) for d in prepared) / len(prepared) / 1024,
            "file_kib_per_doc": sum(p.stat().st_size for p in files) / len(files) / 1024}


# ---------------------------------------------------------------------------
# The rounds


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def run_mode(mode: str, listing: Path) -> dict[str, Any]:
    """Run one mode in a process of its own; return its figures with the load average around it."""
    before = _load()
    done = subprocess.run([sys.executable, __file__, "--one", mode, "--files", str(listing)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{done.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    figures.update(load_before=before, load_after=_load())
    return figures


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return float(statistics.median(r[key] for r in runs))


def report(results: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Print the table, speed-ups and overheads; return them."""
    print(f"{'mode':10} {'wall s':>7} {'docs/s':>7} {'pages/s':>8} {'steady d/s':>10} {'steady p/s':>10} "
          f"{'client MiB':>10}  workers MiB / parsing children MiB (peaks)   load before-after")
    table: dict[str, Any] = {}
    for mode, runs in results.items():
        keys = ("wall", "docs_s", "pages_s", "steady_docs_s", "steady_pages_s", "client_mib")
        row: dict[str, Any] = {k: _median(runs, k) for k in keys}
        row["workers"], row["parsers"] = runs[-1]["workers"], runs[-1]["parsers"]
        row["loads"] = [(r["load_before"], r["load_after"]) for r in runs]
        table[mode] = row
        print(f"{mode:10} {row['wall']:7.1f} {row['docs_s']:7.2f} {row['pages_s']:8.1f} {row['steady_docs_s']:10.2f} "
              f"{row['steady_pages_s']:10.1f} {row['client_mib']:10.0f}  {row['workers']} / {row['parsers']}   "
              f"{row['loads']}")
    print("CPU ms per page (median of the runs): parsing children / Dask worker processes / client (+ scheduler); "
          "the client's threads: main / Dask's event loop (scheduler, nannies) / this bench's sampler")
    keys = ("parser", "worker", "client", "thread_main", "thread_dask_loop", "thread_sampler")
    for mode, runs in results.items():
        table[mode]["cpu_per_page"] = {k: statistics.median(r.get(f"cpu_{k}", 0.0) / max(1, r["pages"]) for r in runs)
                                       for k in keys}
        ms = [f"{v * 1000:.2f}" for v in table[mode]["cpu_per_page"].values()]
        print(f"{mode:10} {' / '.join(ms[:3])}; {' / '.join(ms[3:])}")
    out: dict[str, Any] = {"table": table, "speedup": {}, "overhead": {}}
    for kind in ("workers", "local"):
        one_, two = table.get(f"{kind}:1"), table.get(f"{kind}:2")
        if one_ and two:
            out["speedup"][kind] = {"wall": one_["wall"] / two["wall"],
                                    "steady": two["steady_docs_s"] / one_["steady_docs_s"]}
            print(f"speed-up 1 -> 2 {kind:8}: wall {out['speedup'][kind]['wall']:.2f}x, steady "
                  f"{out['speedup'][kind]['steady']:.2f}x (goal {GOAL_SPEEDUP}x)")
    for n in ("1", "2"):
        local, spread = table.get(f"workers:{n}"), table.get(f"local:{n}")
        if local and spread:
            out["overhead"][n] = {"wall_s": spread["wall"] - local["wall"],
                                  "steady": spread["steady_docs_s"] / local["steady_docs_s"]}
            print(f"cluster against local processes, {n} worker(s): {spread['wall'] - local['wall']:+.1f} s wall, "
                  f"steady rate x{out['overhead'][n]['steady']:.2f}")
    return out


def main() -> None:
    """Parse the options; run one mode (--one) or every mode for --rounds, interleaved."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, help="At most this many files, spread over the corpus.")
    parser.add_argument("--kinds", default="pdf", help="File kinds: pdf (parsing-bound), pdf,txt (all).")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--json", type=Path, help="Write the figures here.")
    parser.add_argument("--write-rate", metavar="URL", action="append", default=[],
                        help="Also time the single writer alone into this store (postgresql://... or sqlite); "
                             "repeatable.")
    parser.add_argument("--copies", type=int, default=5, help="--write-rate writes the files this many times.")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--files", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.files.read_text().splitlines())))
        return
    files = pick(args.corpus, args.limit, args.kinds)
    print(f"{len(files)} files of {args.corpus}; {os.cpu_count()} CPUs; load {_load()}")
    writes = [write_rate(files, url, args.copies) for url in args.write_rate]
    for w in writes:
        print(f"single writer, {w['backend']}: {w['docs_s']:.1f} docs/s, {w['pages_s']:.0f} pages/s, "
              f"{w['client_cpu_ms_per_doc']:.1f} ms of the writer's CPU a document "
              f"({w['docs']} documents, {w['passages_per_doc']:.0f} passages and {w['citations_per_doc']:.0f} "
              f"citations each; a task's result {w['result_kib_per_doc']:.0f} KiB, "
              f"a file {w['file_kib_per_doc']:.0f} KiB)")
    if args.modes == "none":
        return
    results: dict[str, list[dict[str, Any]]] = {m: [] for m in args.modes.split(",")}
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(str(f) for f in files))
    try:
        for _ in range(args.rounds):
            for mode in results:
                results[mode].append(run_mode(mode, Path(listing.name)))
    finally:
        os.unlink(listing.name)
    summary = report(results)
    if args.json:
        args.json.write_text(json.dumps({"files": len(files), "results": results, "writes": writes, **summary},
                                        indent=1))


if __name__ == "__main__":
    main()
