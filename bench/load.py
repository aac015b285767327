"""Load test: can expensive queries starve the server? A bounded mix of requests on 127.0.0.1.

1. A generated corpus of --docs documents (bench/serve.py's `build`: the dev texts cloned into
   linked rounds), kept at --db and reused by later runs.
2. `unref serve` on 127.0.0.1 and a free port, in a process of its own.
3. --clients clients (default 32) for --seconds (default 60) send requests drawn from a seeded mix:
   ordinary searches (one or two words of the corpus), documents (JSON), the graph (cites and
   cited-by), hostile prefix queries (1,000 characters of one- and two-letter prefixes, as an
   attacker would send: --prefix-share of the requests, default 10 %) and broad ones that the
   query language allows (four prefixes of three letters of common words: --broad-share, 5 %).
4. Per kind: requests/s, p50, p95, p99 in ms and the count of each non-200 status. The ordinary kinds
   (search, document, graph) are what must not starve: a 503 among them is a request the server
   turned away because expensive ones held its connections.

With --pg URL the corpus is built (once) in that PostgreSQL database instead, and served from there.

Figures (10,000 generated documents, 2 CPUs shared with other work; ordinary = search, document, graph):
  SQLite      before: 8.1 req/s, p50 2,105 ms, p95 4,981 ms, 20 x 503; hostile prefixes 503 after 7 s
              after:  125.5 req/s, p50 139 ms, p95 317 ms, no error; hostile prefixes 400 at once
              (without hostile or broad queries: 190 req/s, p95 287 ms)
  PostgreSQL  before: 3.7 req/s, p50 5,004 ms, p95 5,027 ms, 211 of 343 were 503; hostile prefixes p95 47 s
              after:  152.7 req/s, p50 113 ms, p95 252 ms, no error; hostile prefixes 400 at once
Every request goes to 127.0.0.1, and the run stops by itself after --seconds.

Run: .venv/bin/python bench/load.py [--docs 10000] [--seconds 60] [--clients 32] [--db PATH | --pg URL] [--json OUT]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import string
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

from unref.corpus.store import open_store, symbol_key

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS, dev_records  # bench/corpus.py parses the dev texts into rows
from serve import DEFAULT_DB, HOST, WORD_RE, build, free_port, linked_clones, load, percentile, start_server

KINDS = ("search", "document", "graph", "prefix", "broad")
ORDINARY = ("search", "document", "graph")  # the requests that expensive ones must not starve
PREFIX_LENGTH = 1000  # characters of a hostile prefix query: the API's longest query
BROAD_PREFIXES = ("the", "con", "res", "sec", "gen", "int", "pro", "com", "rep", "for", "sta", "par")


def hostile_prefix(rng: random.Random) -> str:
    """Return a query of one- and two-letter prefixes (``a* th* ...``) as long as the API takes."""
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < PREFIX_LENGTH - 4:
        parts.append("".join(rng.choice(string.ascii_lowercase) for _ in range(rng.choice((1, 2)))) + "*")
    return " ".join(parts)


def request_for(kind: str, rng: random.Random, symbols: list[str], words: list[str]) -> str:
    """Return the path of one request of this kind."""
    symbol = quote(rng.choice(symbols), safe="/()")
    if kind == "document":
        return f"/api/documents/{symbol}"
    if kind == "graph":
        return f"/api/documents/{symbol}/{rng.choice(('cites', 'cited-by'))}"
    if kind == "prefix":
        return "/api/search?" + urlencode({"q": hostile_prefix(rng), "limit": 20})
    if kind == "broad":
        return "/api/search?" + urlencode({"q": " ".join(p + "*" for p in rng.sample(BROAD_PREFIXES, 4)), "limit": 20})
    return "/api/search?" + urlencode({"q": " ".join(rng.sample(words, rng.choice((1, 1, 2)))), "limit": 20})


def plan_of(count: int, shares: tuple[float, float], rng: random.Random, symbols: list[str],
            words: list[str]) -> list[tuple[str, str]]:
    """Return `count` (kind, path) requests: shares of hostile and broad prefix queries, the rest ordinary in
    equal parts."""
    plan = []
    for _ in range(count):
        draw = rng.random()
        kind = "prefix" if draw < shares[0] else "broad" if draw < sum(shares) else rng.choice(ORDINARY)
        plan.append((kind, request_for(kind, rng, symbols, words)))
    return plan


async def client(base: str, plan: list[tuple[str, str]], deadline: float, times: dict[str, list[float]],
                 errors: dict[str, int], cursor: list[int]) -> None:
    """Send requests from the shared plan, one at a time, until the plan or the time runs out."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        while time.monotonic() < deadline and cursor[0] < len(plan):
            kind, path = plan[cursor[0]]
            cursor[0] += 1
            start = time.perf_counter()
            try:
                status = (await http.get(path)).status_code
            except httpx.HTTPError as err:  # a timeout or a dropped connection counts as an error, not a crash
                status = type(err).__name__  # type: ignore[assignment]
            times.setdefault(kind, []).append((time.perf_counter() - start) * 1000)
            if status != 200:
                errors[f"{kind} {status}"] = errors.get(f"{kind} {status}", 0) + 1


def summary(times: dict[str, list[float]], errors: dict[str, int], wall: float) -> dict[str, dict[str, float]]:
    """Return per kind (and "ordinary", "all"): n, requests/s, p50, p95, p99 (ms) and errors."""
    groups = {**{k: [k] for k in KINDS}, "ordinary": list(ORDINARY), "all": list(KINDS)}
    out: dict[str, dict[str, float]] = {}
    for name, kinds in groups.items():
        values = [t for k in kinds for t in times.get(k, [])]
        if not values:
            continue
        failed = sum(n for key, n in errors.items() if key.split(" ")[0] in kinds)
        out[name] = {"n": len(values), "rps": len(values) / wall, "p50": statistics.median(values),
                     "p95": percentile(values, 95), "p99": percentile(values, 99), "errors": failed}
    return out


def report(rows: dict[str, dict[str, float]], errors: dict[str, int], wall: float) -> None:
    """Print the summary table and the non-200 answers."""
    print(f"  {wall:.1f} s of load")
    print(f"  {'request':10} {'n':>7} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, row in rows.items():
        print(f"  {name:10} {row['n']:7,.0f} {row['rps']:7.1f} {row['p50']:8.1f} {row['p95']:8.1f}"
              f" {row['p99']:8.1f} {row['errors']:7,.0f}")
    print(f"  non-200 answers: {dict(sorted(errors.items())) or 'none'}")


def build_pg(url: str, count: int) -> tuple[list[str], list[str]]:
    """Build (or reuse) the corpus of bench/serve.py's `build` in PostgreSQL; return symbols and words to ask for."""
    records = dev_records(sorted(CORPUS.glob("*.pdftotext.txt")))
    with open_store(url, timeout=600) as store:
        if store.stats()["documents"] != count:
            start = time.perf_counter()
            store.add_all(linked_clones(records, count), batch_size=500)
            print(f"  built {count:,} documents in {time.perf_counter() - start:.0f} s")
        stats = store.stats()
    print(f"  corpus: {stats['documents']:,} documents, {stats['passages']:,} passages in PostgreSQL")
    rounds = max(1, count // len(records))
    symbols = [symbol_key(f"{rec.symbols[0]}/Add.{k}") for rec in records if rec.symbols
               for k in (1, rounds // 2 + 1, rounds)]
    words = sorted({w.lower() for rec in records[:40] for p in rec.passages[:30] for w in WORD_RE.findall(p.text)})
    return symbols, words


def run(db: Path | str, args: argparse.Namespace, plan: list[tuple[str, str]]) -> tuple[dict[str, list[float]],
                                                                                   dict[str, int], float]:
    """Start the server on `db`, warm it with ordinary requests, run the load and stop the server."""
    port = free_port()
    server = start_server(db, port)
    base = f"http://{HOST}:{port}"
    try:
        warm = [p for p in plan if p[0] != "prefix"][:200]
        asyncio.run(load(base, warm, 10, min(args.clients, 8), client))  # first touches of the index read the disk
        return asyncio.run(load(base, plan, args.seconds, args.clients, client))
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> int:
    """Run the load test."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000, help="documents in the generated corpus")
    ap.add_argument("--seconds", type=float, default=60.0, help="length of the load (at most 300)")
    ap.add_argument("--clients", type=int, default=32, help="clients sending requests at once (at most 128)")
    ap.add_argument("--prefix-share", type=float, default=0.10, help="share of hostile prefix queries (0-1)")
    ap.add_argument("--broad-share", type=float, default=0.05, help="share of broad prefix queries (0-1)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--db", type=Path, default=None, help="SQLite file of the corpus (built when absent)")
    ap.add_argument("--pg", default=None, help="a PostgreSQL URL to build the corpus in and serve, instead of SQLite")
    ap.add_argument("--json", type=Path, default=None, help="also write the summary here")
    args = ap.parse_args()
    args.seconds = min(max(args.seconds, 1.0), 300.0)
    args.clients = max(1, min(args.clients, 128))
    db = args.db or DEFAULT_DB / f"corpus-{args.docs}.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    print(f"unref load test: {args.docs:,} documents, {args.clients} clients for {args.seconds:g} s, "
          f"{args.prefix_share:.0%} hostile and {args.broad_share:.0%} broad prefix queries; {os.cpu_count()} CPUs")
    symbols, words = build_pg(args.pg, args.docs) if args.pg else build(db, args.docs)
    rng = random.Random(args.seed)
    plan = plan_of(int(args.seconds * 2000), (args.prefix_share, args.broad_share), rng, symbols, words)
    times, errors, wall = run(args.pg or db, args, plan)
    rows = summary(times, errors, wall)
    report(rows, errors, wall)
    if args.json:
        args.json.write_text(json.dumps({"summary": rows, "errors": errors, "wall": wall}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
