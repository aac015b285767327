"""Benchmark: the web server under a bounded, concurrent load of search and document requests, on loopback.

1. A corpus of --docs documents (default 100,000): the dev texts, each parsed once
   (bench/corpus.py's `dev_records`), cloned round after round through `Store.add_all`
   with every symbol of round k rewritten to ``<symbol>/Add.<k>`` (citations between dev
   documents too, so each round is a linked copy of the dev corpus). The file is kept
   (--db) and reused by later runs.
2. `unref serve` on 127.0.0.1 and a free port, in a process of its own.
3. --concurrency clients for --seconds (default 30 s, and at most --max-requests requests):
   document pages, document JSON, graph pages, search API calls and search pages with
   facets, drawn from a seeded mix. Every request goes to 127.0.0.1; the loop stops by itself.
   "search next page" follows the `next` cursor of a first page of hits up to 4 times (keyset
   paging: hits 21-100), to show that a later page costs what the first does.
4. Throughput and p50/p95/p99 latency per kind of request. Goal: p95 < 100 ms for document pages.

Run: .venv/bin/python bench/serve.py [--docs 100000] [--seconds 30] [--concurrency 4] [--db PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

from unref.corpus.store import Prepared, open_store, symbol_key
from unref.symbols import try_parse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS, dev_records  # bench/corpus.py parses the dev texts into rows

DEFAULT_DB = Path(os.environ.get("TMPDIR", "/var/tmp")) / "unref-bench-serve"
HOST = "127.0.0.1"  # the load never leaves this machine
SERVER_LOG = DEFAULT_DB / "server.log"  # the server's stderr during the last run
UNREF = [sys.executable, "-c", "import sys; sys.argv[0] = 'unref'; import unref.cli.serve; "
         "from unref.cli import main; main()"]
MIX = (("document page", 40), ("document json", 15), ("graph page", 10), ("search api", 20), ("search page", 10),
       ("search next page", 5))
NEXT_PAGES = 4  # a "search next page" request follows this many `next` cursors after a first page
WORD_RE = re.compile(r"[A-Za-z]{5,}")


# ---------------------------------------------------------------------------
# The corpus


def linked_clones(records: list[Prepared], count: int) -> Iterator[Prepared]:
    """Yield `count` documents: round k of the dev records with every dev symbol rewritten to .../Add.<k>."""
    dev = {s for rec in records for s in rec.symbols}
    for i in range(count):
        rec, k = records[i % len(records)], i // len(records) + 1

        def rewrite(symbol: str, k: int = k) -> str:
            return symbol_key(f"{symbol}/Add.{k}")

        symbols = tuple(rewrite(s) for s in rec.symbols) or (f"S/BENCH/{i}",)
        citations = tuple(replace(c, target=rewrite(c.target), target_base=base(rewrite(c.target)))
                          if c.target in dev else c for c in rec.citations)
        yield replace(rec, hash=f"bench-{i}", path=None, symbols=symbols, bases=tuple(base(s) for s in symbols),
                      citations=citations)


def base(symbol: str) -> str:
    """Return the key of a symbol's base (without Add., Corr., ...), as the store keeps it."""
    parsed = try_parse(symbol)
    return str(parsed.base) if parsed is not None else symbol


def build(db: Path, count: int) -> tuple[list[str], list[str]]:
    """Build (or reuse) the corpus at `db`; return some stored symbols and search words to ask for."""
    url = f"sqlite:///{db}"
    asked = db.with_suffix(".asked.json")  # the symbols and words of a built corpus: no need to parse the dev texts
    if db.exists() and asked.exists():
        kept = json.loads(asked.read_text("utf-8"))
        if kept.get("count") == count:
            print(f"  corpus: {count:,} documents at {db} (built before)")
            return kept["symbols"], kept["words"]
    records = dev_records(sorted(CORPUS.glob("*.pdftotext.txt")))
    if not records:
        raise SystemExit(f"serve bench: no dev corpus at {CORPUS}")
    with open_store(url, timeout=600) as store:
        have = store.stats()["documents"]
        if have != count:
            if have:
                raise SystemExit(f"serve bench: {db} holds {have:,} documents, not {count:,}: remove it or pass --db")
            start = time.perf_counter()
            store.add_all(linked_clones(records, count), batch_size=500)
            print(f"  built {count:,} documents in {time.perf_counter() - start:.0f} s")
        stats = store.stats()
    print(f"  corpus: {stats['documents']:,} documents, {stats['passages']:,} passages, "
          f"{stats['citations']:,} citations, {stats['bytes'] / 2**30:.2f} GiB at {db}")
    rounds = max(1, count // len(records))
    symbols = [symbol_key(f"{rec.symbols[0]}/Add.{k}") for rec in records if rec.symbols
               for k in (1, rounds // 2 + 1, rounds)]
    words = sorted({w.lower() for rec in records[:40] for p in rec.passages[:30] for w in WORD_RE.findall(p.text)})
    asked.write_text(json.dumps({"count": count, "symbols": symbols, "words": words}), "utf-8")
    return symbols, words


# ---------------------------------------------------------------------------
# The load


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def start_server(db: Path | str, port: int, token: str | None = None) -> subprocess.Popen[bytes]:
    """Start `unref serve` on 127.0.0.1:`port` over a SQLite file (or a database URL), taking uploads from clients
    that send `token` if one is given; return its process once it answers."""
    url = db if isinstance(db, str) else f"sqlite:///{db}"
    uploads = ["--token", token] if token else []
    SERVER_LOG.parent.mkdir(parents=True, exist_ok=True)
    with SERVER_LOG.open("wb") as log:  # a file, not a pipe: a pipe nobody reads fills up and stops the server
        process = subprocess.Popen([*UNREF, "serve", "--db", url, "--host", HOST, "--port", str(port), *uploads],
                                   stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            reason = SERVER_LOG.read_text("utf-8", "replace")
            raise SystemExit(f"serve bench: the server stopped: {reason}")
        try:
            httpx.get(f"http://{HOST}:{port}/api/stats", timeout=5).raise_for_status()
            return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("serve bench: the server did not answer within 60 s")


def request_for(kind: str, rng: random.Random, symbols: list[str], words: list[str]) -> str:
    """Return the path of one request of this kind."""
    symbol = quote(rng.choice(symbols), safe="/()")
    if kind == "document page":
        return f"/documents/{symbol}"
    if kind == "document json":
        return f"/api/documents/{symbol}"
    if kind == "graph page":
        return f"/documents/{symbol}/graph"
    q = " ".join(rng.sample(words, rng.choice((1, 1, 2))))
    if kind in ("search api", "search next page"):
        return "/api/search?" + urlencode({"q": q, "limit": 20})
    return "/search?" + urlencode({"q": q})


async def client(base: str, plan: list[tuple[str, str]], deadline: float, times: dict[str, list[float]],
                 errors: dict[str, int], cursor: list[int]) -> None:
    """Send requests from the shared plan, one at a time, until the plan or the time runs out."""
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.monotonic() < deadline and cursor[0] < len(plan):
            kind, path = plan[cursor[0]]
            cursor[0] += 1
            first = kind == "search next page"  # its first page is a search; the pages after it are timed
            for _ in range(1 + NEXT_PAGES if first else 1):
                start = time.perf_counter()
                response = await http.get(path)
                elapsed = (time.perf_counter() - start) * 1000
                timed = "search api" if first else kind
                if response.status_code != 200:
                    errors[f"{timed} {response.status_code}"] = errors.get(f"{timed} {response.status_code}", 0) + 1
                times.setdefault(timed, []).append(elapsed)
                paging = kind == "search next page" and response.status_code == 200
                after = response.json().get("next") if paging else None
                if not after:
                    break
                path, first = path.split("&after=")[0] + "&" + urlencode({"after": after}), False


def percentile(values: list[float], p: float) -> float:
    """Return the p-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


Client = Callable[[str, list[tuple[str, str]], float, dict[str, list[float]], dict[str, int], list[int]],
                  Awaitable[None]]


async def load(base: str, plan: list[tuple[str, str]], seconds: float, concurrency: int,
               send: Client | None = None) -> tuple[dict[str, list[float]], dict[str, int], float]:
    """Run the plan with `concurrency` clients for at most `seconds`; return latencies, errors and wall time.

    `send` is the client coroutine (this module's `client` when None; bench/load.py passes its own)."""
    send = send or client
    times: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    cursor = [0]
    start = time.monotonic()
    await asyncio.gather(*(send(base, plan, start + seconds, times, errors, cursor) for _ in range(concurrency)))
    return times, errors, time.monotonic() - start


def report(times: dict[str, list[float]], errors: dict[str, int], wall: float) -> None:
    """Print throughput and latency percentiles per kind of request."""
    total = sum(len(v) for v in times.values())
    print(f"  {total:,} requests in {wall:.1f} s: {total / wall:,.0f} requests/s")
    print(f"  {'request':16} {'n':>7} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind, _ in MIX:
        values = times.get(kind, [])
        if values:
            print(f"  {kind:16} {len(values):7,} {len(values) / wall:7.1f} {statistics.median(values):8.1f}"
                  f" {percentile(values, 95):8.1f} {percentile(values, 99):8.1f} {max(values):8.1f}")
    every = [t for v in times.values() for t in v]
    if every:
        print(f"  {'all':16} {len(every):7,} {len(every) / wall:7.1f} {statistics.median(every):8.1f}"
              f" {percentile(every, 95):8.1f} {percentile(every, 99):8.1f} {max(every):8.1f}")
    pages = times.get("document page", [])
    if pages:
        p95 = percentile(pages, 95)
        print(f"  document pages p95 {p95:.1f} ms (goal < 100 ms): {'met' if p95 < 100 else 'NOT met'}")
    if errors:
        print(f"  non-200 answers: {errors}")


def main() -> int:
    """Run the benchmark."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000, help="documents in the corpus")
    ap.add_argument("--seconds", type=float, default=30.0, help="length of the load (at most 120)")
    ap.add_argument("--concurrency", type=int, default=4, help="clients sending requests at once (at most 64)")
    ap.add_argument("--max-requests", type=int, default=100_000, help="stop after this many requests")
    ap.add_argument("--db", type=Path, default=None, help="SQLite file of the corpus (built when absent)")
    args = ap.parse_args()
    seconds, concurrency = min(args.seconds, 120.0), max(1, min(args.concurrency, 64))
    db = args.db or DEFAULT_DB / f"corpus-{args.docs}.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    print(f"unref serve benchmark: {args.docs:,} documents, {concurrency} clients for {seconds:g} s; "
          f"{os.cpu_count()} CPUs")
    symbols, words = build(db, args.docs)
    rng = random.Random(2026)
    kinds = [k for k, w in MIX for _ in range(w)]
    plan = [(kind, request_for(kind, rng, symbols, words)) for kind in (rng.choice(kinds)
                                                                          for _ in range(args.max_requests))]
    port = free_port()
    server = start_server(db, port)
    base = f"http://{HOST}:{port}"
    try:
        warm = [(k, p) for k, p in plan[:200]]
        asyncio.run(load(base, warm, 10, concurrency))  # first touches of the index read the disk
        times, errors, wall = asyncio.run(load(base, plan, seconds, concurrency))
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    report(times, errors, wall)
    return 0


if __name__ == "__main__":
    sys.exit(main())
