"""Benchmark: ingest speed against `unref.parse` alone, then search latency on a large corpus.

1. Ingest: the dev corpus's files, parsed by `unref.parse` alone (the floor), then ingested
   into an empty store with 1 and with 2 worker processes. Goal: ingest overhead < 25 %
   of parse time (1 worker, CPU time: the machine may be shared).
2. Search: a corpus of --docs documents (default 100,000) built from the dev texts, each parsed
   once, its rows cloned with the symbols rewritten (``S/2025/239`` -> ``S/2025/239/Add.<k>``)
   and written through `Store.add_all`. Then a fixed, seeded mix of queries (rare, medium and
   common words, phrases, prefixes, with and without filters), timed one by one. Goal: p95 < 50 ms.
3. The database size and the peak memory (RSS) of this process after each phase.

Both backends; PostgreSQL when it answers at $UNREF_TEST_PG (default: scripts/start-postgres.sh's URL),
in a schema of its own (``unref_bench``) that is dropped afterwards.

Run: .venv/bin/python bench/corpus.py [--docs 100000] [--backend sqlite|postgres|both] [--skip-ingest]

On a kept corpus (--reuse URL), `--hits FILE` writes the top 10 of every query to FILE, or, when FILE exists,
checks them against it (a change to the search must keep its hits); `--only CLASS` times one class;
`--slowest N` lists the N queries of most CPU.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, replace
from pathlib import Path

import unref
from unref.corpus.ingest import ingest
from unref.corpus.store import Filters, Prepared, Store, content_hash, open_store, prepare, symbol_key
from unref.corpus.store.base import CitationRow

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"
PG_DEFAULT = "postgresql://unref:unref@127.0.0.1:5432/unref_test"
SCHEMA = "unref_bench"  # the ingest runs; the search corpus has its own, so that --keep keeps it
QUERIES_PER_CLASS = 40


def peak_rss_mib() -> float:
    """Return the peak resident memory of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------------------
# Backends


def pg_url(schema: str = SCHEMA) -> str | None:
    """Return a URL for an empty bench schema, or None when PostgreSQL does not answer."""
    base = os.environ.get("UNREF_TEST_PG") or PG_DEFAULT
    try:
        import psycopg

        with psycopg.connect(base, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            conn.execute(f"CREATE SCHEMA {schema}")
    except Exception as err:  # any failure: PostgreSQL is not there to measure
        print(f"postgres: skipped ({str(err).strip().splitlines()[0] if str(err).strip() else err})")
        return None
    return base + ("&" if "?" in base else "?") + f"options=-csearch_path%3D{schema}"


def drop_pg(url: str) -> None:
    """Drop the bench schema of `url`."""
    import psycopg

    schema = url.rsplit("%3D", 1)[1]
    with psycopg.connect(url.split("?")[0], autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def fresh(backend: str, folder: Path, name: str) -> tuple[str, Callable[[], None]]:
    """Return the URL of an empty store of `backend` and a function that removes it."""
    if backend == "sqlite":
        path = folder / f"{name}.db"

        def remove() -> None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

        remove()
        return f"sqlite:///{path}", remove
    url = pg_url(SCHEMA if name.startswith("ingest") else f"{SCHEMA}_{name}")
    assert url is not None
    return url, lambda: drop_pg(url)


# ---------------------------------------------------------------------------
# 1. Ingest


def parse_floor(files: list[Path]) -> tuple[float, float]:
    """Return the wall and CPU seconds that `unref.parse` alone takes over `files`, in this process."""
    unref.parse(files[0])  # warm the tables once, as a long-running process would
    wall, cpu = time.perf_counter(), time.process_time()
    for f in files:
        with contextlib.suppress(unref.UnrefError):  # the scans: they fail in ingest too
            unref.parse(f).to_json()
    return time.perf_counter() - wall, time.process_time() - cpu


def bench_ingest(backend: str, files: list[Path], folder: Path, floor: tuple[float, float]) -> None:
    """Print parse-alone and ingest rates for 1 and 2 workers."""
    parse_wall, parse_cpu = floor
    n = len(files)
    print(f"\n[{backend}] ingest of {n} dev files")
    print(f"  {'':34} {'wall s':>8} {'docs/s':>8} {'CPU s':>8} {'vs parse (CPU)':>15}")
    print(f"  {'unref.parse alone (1 process)':34} {parse_wall:8.2f} {n / parse_wall:8.1f} {parse_cpu:8.2f}")
    for workers in (1, 2):
        url, remove = fresh(backend, folder, f"ingest{workers}")
        with open_store(url) as store:
            wall, cpu = time.perf_counter(), time.process_time()
            result = ingest(files, store, workers=workers)
            w, c = time.perf_counter() - wall, time.process_time() - cpu
            wall2 = time.perf_counter()
            again = ingest(files, store, workers=workers)
            rerun = time.perf_counter() - wall2
        remove()
        ratio = f"{(c - parse_cpu) / parse_cpu:+14.0%}" if workers == 1 else f"{'(in workers)':>15}"
        print(f"  {f'ingest, {workers} worker(s)':34} {w:8.2f} {n / w:8.1f} {c:8.2f} {ratio}"
              f"   ({result.added} added, {result.failed} failed; rerun {rerun:.2f} s, {again.known} known)")
    print(f"  peak RSS of this process: {peak_rss_mib():.0f} MiB")


# ---------------------------------------------------------------------------
# 2. The large corpus


def dev_records(files: list[Path]) -> list[Prepared]:
    """Return the dev texts, each parsed once, as rows."""
    out = []
    for f in files:
        try:
            out.append(prepare(unref.parse(f).to_json(), hash=content_hash(f), path=str(f)))
        except unref.UnrefError:
            continue
    return out


def clones(records: list[Prepared], count: int) -> Iterator[Prepared]:
    """Yield `count` documents: the records in turn, the k-th round with symbols rewritten to .../Add.<k>."""
    for i in range(count):
        rec, k = records[i % len(records)], i // len(records) + 1
        own = set(rec.symbols)

        def rewrite(symbol: str, k: int = k) -> str:
            return symbol_key(f"{symbol}/Add.{k}")

        symbols = tuple(rewrite(s) for s in rec.symbols) or (f"S/BENCH/{i}",)
        citations = tuple(replace(c, target=rewrite(c.target)) if c.target in own else c for c in rec.citations)
        yield replace(rec, hash=f"bench-{i}", path=f"bench/{i}", symbols=symbols,
                      bases=tuple(symbol_key(s.rsplit("/Add.", 1)[0]) for s in symbols),
                      citations=tuple(CitationRow(**{f: getattr(c, f) for f in CitationRow.__slots__})
                                      for c in citations))


WORD_RE = re.compile(r"[A-Za-z]{4,}")


def queries(records: list[Prepared], rng: random.Random) -> dict[str, list[tuple[str, Filters]]]:
    """Return a seeded mix of queries by class, drawn from the dev texts' own words."""
    df: Counter[str] = Counter()
    for rec in records:
        df.update({w.lower() for p in rec.passages for w in WORD_RE.findall(p.text)})
    n = len(records)
    rare = sorted(w for w, c in df.items() if c <= 2)
    medium = sorted(w for w, c in df.items() if n * 0.02 <= c <= n * 0.1)
    common = sorted(w for w, c in df.items() if c >= n * 0.3)
    texts = [p.text for rec in records for p in rec.passages if len(p.text) > 80]
    medium_set = set(medium)
    pairs: list[str] = []
    while len(pairs) < QUERIES_PER_CLASS:  # two medium words of one passage
        found = sorted({w.lower() for w in WORD_RE.findall(rng.choice(texts))} & medium_set)
        if len(found) >= 2:
            pairs.append(" ".join(rng.sample(found, 2)))
    phrases: list[str] = []
    while len(phrases) < QUERIES_PER_CLASS:
        words = WORD_RE.findall(rng.choice(texts))
        if len(words) >= 4:
            i = rng.randrange(len(words) - 2)
            phrases.append('"' + " ".join(words[i:i + 2 + rng.randrange(2)]) + '"')
    filters = [Filters(doc_type="letter"), Filters(date_from="2025-03", date_to="2025-05"), Filters(organ="SC"),
               Filters(symbol_prefix="A/"), Filters(language="fr")]
    none = Filters()
    return {
        "rare word": [(w, none) for w in rng.sample(rare, QUERIES_PER_CLASS)],
        "medium word": [(w, none) for w in rng.sample(medium, QUERIES_PER_CLASS)],
        "two medium words": [(p, none) for p in pairs],
        "phrase": [(p, none) for p in phrases],
        "prefix": [(w[:5] + "*", none) for w in rng.sample(medium, QUERIES_PER_CLASS)],
        "medium word + filter": [(w, rng.choice(filters)) for w in rng.sample(medium, QUERIES_PER_CLASS)],
        "common word": [(w, none) for w in rng.sample(common, min(QUERIES_PER_CLASS, len(common)))],
    }


def percentile(values: list[float], p: float) -> float:
    """Return the p-th percentile (nearest rank) of `values`."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def bench_search(backend: str, records: list[Prepared], count: int, folder: Path, keep: bool) -> None:
    """Build the large corpus, then print search latencies, the database size and memory."""
    url, remove = fresh(backend, folder, "large")
    try:
        with open_store(url, timeout=60) as store:
            start = time.perf_counter()
            store.add_all(clones(records, count), batch_size=500)
            build = time.perf_counter() - start
            print(f"\n[{backend}] build: {build:.0f} s ({count / build:,.0f} docs/s);"
                  f" peak RSS: {peak_rss_mib():.0f} MiB")
            settle(store)
            search_report(store, records)
    finally:
        if keep:
            print(f"  kept: --reuse '{url}'")
        else:
            remove()


def settle(store: Store) -> None:
    """End a bulk load as an operator would before timing searches: PostgreSQL's GIN indexes take new entries
    into a pending list (up to 4 MB) that every search scans until it is merged, and the planner's word
    shares (`PostgresStore._word_stats`) and the head's row count come from ANALYZE. Autovacuum does both
    in time; here, at once."""
    conn = getattr(store, "conn", None)
    if store.backend != "postgres" or conn is None:
        return
    start = time.perf_counter()
    for (index,) in conn.execute("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                                 " AND indexdef LIKE '%USING gin%'").fetchall():
        conn.execute("SELECT gin_clean_pending_list(%s::regclass)", (index,))
    conn.execute("ANALYZE passages")
    print(f"  settled (GIN pending lists merged, ANALYZE): {time.perf_counter() - start:.0f} s")


class Options:
    """What a timing run does besides timing: which classes it runs, where its hits go, what it lists."""

    def __init__(self, only: list[str] | None = None, hits: Path | None = None, slowest: int = 0) -> None:
        self.only = only
        self.hits = hits
        self.slowest = slowest


def search_report(store: Store, records: list[Prepared], options: Options | None = None) -> None:
    """Print the corpus's size and the latencies of the query mix."""
    options = options or Options()
    stats = store.stats()
    print(f"[{store.backend}] search on {stats['documents']:,} documents, {stats['passages']:,} passages,"
          f" {stats['citations']:,} citations; database: {stats['bytes'] / 2**30:.2f} GiB")
    load = os.getloadavg()[0]
    mix = queries(records, random.Random(2025))
    if options.only:
        mix = {name: items for name, items in mix.items() if name in options.only}
    found = run_queries(store, mix, options.slowest)
    print(f"  load average (1 min) before and after the queries: {load:.1f}, {os.getloadavg()[0]:.1f}")
    if options.hits is not None:
        check_hits(found, options.hits)


def query_key(name: str, query: str, filters: Filters) -> str:
    """Return a query's name in a hits file: its class, its text and its filters."""
    shown = {k: v for k, v in asdict(filters).items() if v is not None}
    return f"{name} | {query} | {json.dumps(shown, sort_keys=True)}"


def check_hits(found: dict[str, list[int]], path: Path) -> None:
    """Write the top 10 passage ids of every query to `path`, or, when it exists, compare them with its own."""
    if not path.exists():
        path.write_text(json.dumps(found, indent=0, sort_keys=True))
        print(f"  hits of {len(found)} queries written to {path}")
        return
    before = json.loads(path.read_text())
    common = [k for k in found if k in before]
    differ = [k for k in common if before[k] != found[k]]
    print(f"  hits against {path}: {len(common) - len(differ)} of {len(common)} queries give the same top 10")
    for key in differ[:20]:
        print(f"    differs: {key}: {before[key]} -> {found[key]}")


def server_cpu(store: Store) -> Callable[[], float]:
    """Return a function giving the CPU seconds used so far by the store's server process (0 when unknown).

    A PostgreSQL server on this machine: its backend's /proc entry. On a machine shared with other work,
    wall times grow with the load; CPU time (this process's and the server's) measures the work itself.
    """
    conn = getattr(store, "conn", None)
    if store.backend != "postgres" or conn is None:
        return lambda: 0.0
    stat = Path(f"/proc/{conn.execute('SELECT pg_backend_pid()').fetchone()[0]}/stat")
    if not stat.exists():  # a server on another machine
        return lambda: 0.0
    ticks = os.sysconf("SC_CLK_TCK")

    def seconds() -> float:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime

    return seconds


def run_queries(store: Store, mix: dict[str, list[tuple[str, Filters]]], slowest: int = 0) -> dict[str, list[int]]:
    """Print median and p95 latency (ms) per query class and overall: each query once, after a warm-up.
    Return the top 10 passage ids of each query (see `query_key`).

    Beside the wall time, the CPU time of the search (this process and the PostgreSQL backend, whose
    clock ticks every 10 ms: the mean over a class is telling), which the machine's load does not inflate.
    """
    for items in mix.values():  # warm-up: the first touch of each part of the index reads the disk
        for q, f in items[:5]:
            store.search(q, f)
    every: list[float] = []
    every_cpu: list[float] = []
    ids: dict[str, list[int]] = {}
    costs: list[tuple[float, float, str]] = []
    server = server_cpu(store)
    print(f"  {'query class':24} {'n':>4} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'hits':>6}"
          f" {'CPU mean':>8} {'CPU p95':>8}")
    for name, items in mix.items():
        times, cpus, found = [], [], 0
        for q, f in items:
            t, c, s = time.perf_counter(), time.process_time(), server()
            hits = store.search(q, f, limit=10)
            times.append((time.perf_counter() - t) * 1000)
            cpus.append((time.process_time() - c + server() - s) * 1000)
            found += bool(hits)
            ids[query_key(name, q, f)] = [h.position[1] for h in hits]
            costs.append((cpus[-1], times[-1], query_key(name, q, f)))
        every += times
        every_cpu += cpus
        print(f"  {name:24} {len(times):4d} {statistics.median(times):10.1f} {percentile(times, 95):8.1f}"
              f" {max(times):8.1f} {found:6d} {statistics.mean(cpus):8.1f} {percentile(cpus, 95):8.1f}")
    print(f"  {'all':24} {len(every):4d} {statistics.median(every):10.1f} {percentile(every, 95):8.1f}"
          f" {max(every):8.1f} {'':6} {statistics.mean(every_cpu):8.1f} {percentile(every_cpu, 95):8.1f}"
          "   (goal: p95 < 50 ms)")
    for cpu, wall, key in sorted(costs, reverse=True)[:slowest]:
        print(f"    CPU {cpu:6.1f} ms, wall {wall:6.1f} ms: {key}")
    return ids


def main() -> int:
    """Run the benchmark; return 0, or 1 when the corpus is absent."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000, help="documents in the search corpus")
    ap.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    ap.add_argument("--skip-ingest", action="store_true", help="only the search part")
    ap.add_argument("--skip-search", action="store_true", help="only the ingest part")
    ap.add_argument("--dir", type=Path, default=None, help="where to put SQLite files (default: a temporary folder)")
    ap.add_argument("--keep", action="store_true", help="keep the search corpus (with --dir for SQLite)")
    ap.add_argument("--reuse", metavar="URL", help="time the queries on a kept search corpus, without building")
    ap.add_argument("--only", action="append", metavar="CLASS", help="time only this query class (repeatable)")
    ap.add_argument("--hits", type=Path, metavar="FILE",
                    help="write every query's top 10 to FILE, or compare them with FILE when it exists")
    ap.add_argument("--slowest", type=int, default=0, metavar="N", help="list the N queries of most CPU time")
    args = ap.parse_args()
    options = Options(args.only, args.hits, args.slowest)
    if args.reuse:
        start = time.perf_counter()
        with open_store(args.reuse, timeout=60) as store:  # migrates the kept corpus first, if it needs it
            print(f"opened (and migrated) in {time.perf_counter() - start:.0f} s;"
                  f" load average {os.getloadavg()[0]:.1f}")
            search_report(store, dev_records(sorted(CORPUS.glob("*.pdftotext.txt"))), options)
        return 0
    files = sorted(CORPUS.glob("*.pdf")) + sorted(CORPUS.glob("*.txt"))
    if not files:
        print(f"corpus: no corpus at {CORPUS}")
        return 1
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    if "postgres" in backends and pg_url() is None:
        backends.remove("postgres")
    folder = args.dir if args.keep and args.dir else Path(tempfile.mkdtemp(prefix="unref-bench-", dir=args.dir))
    print(f"unref corpus benchmark: {len(files)} dev files; {os.cpu_count()} CPUs; SQLite files in {folder}")
    try:
        if not args.skip_ingest:
            floor = parse_floor(files)
            for backend in backends:
                bench_ingest(backend, files, folder, floor)
        if not args.skip_search:
            texts = sorted(CORPUS.glob("*.pdftotext.txt"))
            records = dev_records(texts)
            print(f"\nsearch corpus: {len(records)} dev texts parsed once, cloned to {args.docs:,} documents")
            for backend in backends:
                bench_search(backend, records, args.docs, folder, args.keep)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
