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
5. With --upload-clients N, a second phase runs the same plan while N more clients POST the hostile
   files of bench/hostile.py to /api/parse (the server gets an upload token): Flate bombs of 1 GiB, a glyph
   bomb, a page of 2 million glyphs, a page-tree cycle, a lone surrogate, 64,000 words in one paragraph,
   64,000 short lines, --mutated mutated dev PDFs; each client sends the next file as soon as the last one
   is answered. The phases alternate for --rounds rounds, and the ordinary requests' medians of both are
   compared: with uploads, their p95 must stay within twice the p95 without (issue 15).

With --pg URL the corpus is built (once) in that PostgreSQL database instead, and served from there.

Figures (10,000 generated documents, 2 CPUs shared with other work; ordinary = search, document, graph):
  SQLite      before: 8.1 req/s, p50 2,105 ms, p95 4,981 ms, 20 x 503; hostile prefixes 503 after 7 s
              after:  125.5 req/s, p50 139 ms, p95 317 ms, no error; hostile prefixes 400 at once
              (without hostile or broad queries: 190 req/s, p95 287 ms)
  PostgreSQL  before: 3.7 req/s, p50 5,004 ms, p95 5,027 ms, 211 of 343 were 503; hostile prefixes p95 47 s
              after:  152.7 req/s, p50 113 ms, p95 252 ms, no error; hostile prefixes 400 at once
  Hostile upload lane (SQLite, --upload-clients 4 --rounds 3: medians of the ordinary requests, same run, on
  2 CPUs that other work kept at a load of 10-20):
              2 parse slots: without 31.9 req/s, p95 1,169 ms; with uploads 16.6 req/s, p95 2,370 ms (2.03x)
              1 parse slot (the default on 2 CPUs now): without 32.2 req/s, p95 1,315 ms; with 23.7 req/s,
              p95 1,666 ms (1.27x); of the ordinary requests one search was a 503 (in 6 phases); the server stayed up
Every request goes to 127.0.0.1, and the run stops by itself after --seconds.

Run: .venv/bin/python bench/load.py [--docs 10000] [--seconds 60] [--clients 32] [--db PATH | --pg URL] [--json OUT]
                                    [--upload-clients 4 [--rounds 3] [--mutated 20]]
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
import hostile  # bench/hostile.py builds the hostile files that the upload lane sends
from corpus import CORPUS, dev_records  # bench/corpus.py parses the dev texts into rows
from serve import DEFAULT_DB, HOST, WORD_RE, build, free_port, linked_clones, load, percentile, start_server

KINDS = ("search", "document", "graph", "prefix", "broad", "upload")
ORDINARY = ("search", "document", "graph")  # the requests that expensive ones must not starve
PREFIX_LENGTH = 1000  # characters of a hostile prefix query: the API's longest query
BROAD_PREFIXES = ("the", "con", "res", "sec", "gen", "int", "pro", "com", "rep", "for", "sta", "par")
TOKEN = "unref-load-test"  # the server's upload token for this run (it listens on 127.0.0.1 only)


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


# ---------------------------------------------------------------------------
# The hostile upload lane


def hostile_uploads(mutated: int, seed: int) -> list[tuple[str, bytes, str]]:
    """Return (name, bytes, content type) of bench/hostile.py's files, sized for an upload (at most 20 MiB, the
    server's default): Flate bombs, a glyph bomb, a glyph-heavy page, a page-tree cycle, a lone surrogate, a
    paragraph of 64,000 words, 64,000 short lines and `mutated` mutated dev PDFs."""
    files = [("bomb-blank.pdf", hostile.bomb(1024), "application/pdf"),
             ("bomb-glyphs.pdf", hostile.glyph_bomb(128), "application/pdf"),
             ("glyph-heavy.pdf", hostile.glyph_heavy(2_000_000), "application/pdf"),
             ("cycle.pdf", hostile.cycle(), "application/pdf"),
             ("surrogate.pdf", hostile.surrogate(), "application/pdf"),
             ("huge-paragraph.txt", hostile.huge_text(64_000), "text/plain"),
             ("many-lines.txt", hostile.many_lines(64_000), "text/plain")]
    sources = sorted(hostile.CORPUS.glob("*.pdf"))
    rng = random.Random(seed)
    for i in range(mutated if sources else 0):
        source = rng.choice(sources)
        files.append((f"mutated-{i}.pdf", hostile.mutate(source.read_bytes(), rng), "application/pdf"))
    return [f for f in files if len(f[1]) <= 20 * 1024 * 1024]


async def uploader(base: str, files: list[tuple[str, bytes, str]], deadline: float, times: dict[str, list[float]],
                   errors: dict[str, int], cursor: list[int]) -> None:
    """POST the hostile files to /api/parse one after another until the time runs out, as an attacker would: a
    503 (the parse slots are busy) is followed by the next file at once."""
    headers = {"Authorization": f"Bearer {TOKEN}"}
    async with httpx.AsyncClient(base_url=base, timeout=120) as http:
        while time.monotonic() < deadline:
            _, body, kind = files[cursor[0] % len(files)]
            cursor[0] += 1
            start = time.perf_counter()
            try:
                status = (await http.post("/api/parse", content=body, headers={**headers, "Content-Type": kind}))\
                    .status_code
            except httpx.HTTPError as err:  # a dropped connection or a timeout is an error, not a crash
                status = type(err).__name__  # type: ignore[assignment]
            times.setdefault("upload", []).append((time.perf_counter() - start) * 1000)
            errors[f"upload {status}"] = errors.get(f"upload {status}", 0) + 1  # every answer: 422, 413, 503, 200


async def with_uploads(base: str, plan: list[tuple[str, str]], args: argparse.Namespace,
                       files: list[tuple[str, bytes, str]]) -> tuple[dict[str, list[float]], dict[str, int], float]:
    """Run the ordinary load and, beside it, --upload-clients clients that send hostile uploads; return the
    latencies and answers of both (the uploads under the kind "upload")."""
    cursor = [0]
    start = time.monotonic()
    times: dict[str, list[float]] = {}
    answers: dict[str, int] = {}
    lane = [uploader(base, files, start + args.seconds, times, answers, cursor) for _ in range(args.upload_clients)]
    ordinary = asyncio.ensure_future(load(base, plan, args.seconds, args.clients, client))
    await asyncio.gather(ordinary, *lane)  # the phase ends when the last upload is answered: no parse outlives it
    found, errors, wall = ordinary.result()
    return {**found, **times}, {**errors, **answers}, wall


def summary(times: dict[str, list[float]], errors: dict[str, int], wall: float) -> dict[str, dict[str, float]]:
    """Return per kind (and "ordinary", "all"): n, requests/s, p50, p95, p99 (ms) and errors."""
    groups = {**{k: [k] for k in KINDS}, "ordinary": list(ORDINARY), "all": list(KINDS)}
    out: dict[str, dict[str, float]] = {}
    for name, kinds in groups.items():
        values = [t for k in kinds for t in times.get(k, [])]
        if not values:
            continue
        failed = sum(n for key, n in errors.items() if key.split(" ")[0] in kinds and not key.endswith(" 200"))
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


Phase = tuple[str, dict[str, dict[str, float]], dict[str, int], float]


def run(db: Path | str, args: argparse.Namespace, plan: list[tuple[str, str]],
        files: list[tuple[str, bytes, str]]) -> list[Phase]:
    """Start the server on `db`, warm it with ordinary requests, run the load (without and with the hostile
    upload lane when there are `files`, in turn, --rounds times) and stop the server; return each phase's name,
    summary, answers and wall time."""
    port = free_port()
    server = start_server(db, port, TOKEN if files else None)
    base = f"http://{HOST}:{port}"
    phases: list[Phase] = []
    try:
        warm = [p for p in plan if p[0] != "prefix"][:200]
        asyncio.run(load(base, warm, 10, min(args.clients, 8), client))  # first touches of the index read the disk
        for round_ in range(args.rounds):
            # alternate the order, so that neither phase always runs on the caches the other warmed
            order = ("without uploads", "with uploads") if round_ % 2 == 0 else ("with uploads", "without uploads")
            for name in order if files else ("load",):
                if name == "with uploads":
                    times, errors, wall = asyncio.run(with_uploads(base, plan, args, files))
                else:
                    times, errors, wall = asyncio.run(load(base, plan, args.seconds, args.clients, client))
                phases.append((name, summary(times, errors, wall), errors, wall))
                if server.poll() is not None:
                    raise SystemExit(f"load test: the server died during {name!r} (exit {server.returncode})")
        return phases
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def compare(phases: list[Phase]) -> dict[str, float]:
    """Print and return the ordinary requests' figures without and with the upload lane (medians over rounds)
    and whether their p95 with uploads stays within twice the p95 without (the issue's bound)."""
    figures: dict[str, float] = {}
    for name in ("without uploads", "with uploads"):
        rows = [summary_["ordinary"] for phase, summary_, _, _ in phases if phase == name and "ordinary" in summary_]
        for key in ("rps", "p50", "p95", "p99", "errors"):
            figures[f"{name} {key}"] = statistics.median(row[key] for row in rows) if rows else float("nan")
    bound = 2 * figures["without uploads p95"]
    held = figures["with uploads p95"] <= bound
    print(f"ordinary requests (medians over {len(phases) // 2} round(s)): "
          f"{'':9}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for name in ("without uploads", "with uploads"):
        print(f"  {name:<18}" + "".join(f"{figures[f'{name} {k}']:>9.1f}" for k in ("rps", "p50", "p95", "p99"))
              + f"{figures[f'{name} errors']:>8.0f}")
    print(f"  p95 with uploads {figures['with uploads p95']:.0f} ms against 2 x {figures['without uploads p95']:.0f}"
          f" = {bound:.0f} ms: {'held' if held else 'NOT held'}")
    figures["held"] = float(held)
    return figures


def main() -> int:
    """Run the load test."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000, help="documents in the generated corpus")
    ap.add_argument("--seconds", type=float, default=60.0, help="length of the load (at most 300)")
    ap.add_argument("--clients", type=int, default=32, help="clients sending requests at once (at most 128)")
    ap.add_argument("--prefix-share", type=float, default=0.10, help="share of hostile prefix queries (0-1)")
    ap.add_argument("--broad-share", type=float, default=0.05, help="share of broad prefix queries (0-1)")
    ap.add_argument("--upload-clients", type=int, default=0,
                    help="clients that POST hostile files to /api/parse in a second phase (0: no upload lane)")
    ap.add_argument("--mutated", type=int, default=20, help="mutated dev PDFs among the hostile uploads")
    ap.add_argument("--rounds", type=int, default=1, help="rounds of the two phases (their medians are compared)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--db", type=Path, default=None, help="SQLite file of the corpus (built when absent)")
    ap.add_argument("--pg", default=None, help="a PostgreSQL URL to build the corpus in and serve, instead of SQLite")
    ap.add_argument("--json", type=Path, default=None, help="also write the summary here")
    args = ap.parse_args()
    args.seconds = min(max(args.seconds, 1.0), 300.0)
    args.clients = max(1, min(args.clients, 128))
    args.upload_clients = max(0, min(args.upload_clients, 16))
    args.rounds = max(1, min(args.rounds, 5))
    db = args.db or DEFAULT_DB / f"corpus-{args.docs}.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    print(f"unref load test: {args.docs:,} documents, {args.clients} clients for {args.seconds:g} s, "
          f"{args.prefix_share:.0%} hostile and {args.broad_share:.0%} broad prefix queries"
          + (f"; then beside them {args.upload_clients} clients uploading hostile files" if args.upload_clients else "")
          + f"; {os.cpu_count()} CPUs")
    symbols, words = build_pg(args.pg, args.docs) if args.pg else build(db, args.docs)
    rng = random.Random(args.seed)
    plan = plan_of(int(args.seconds * 2000), (args.prefix_share, args.broad_share), rng, symbols, words)
    files = hostile_uploads(args.mutated, args.seed) if args.upload_clients else []
    phases = run(args.pg or db, args, plan, files)
    for name, rows, errors, wall in phases:
        print(name)
        report(rows, errors, wall)
    figures = compare(phases) if files else {}
    if args.json:
        args.json.write_text(json.dumps({"phases": [{"name": n, "summary": r, "errors": e, "wall": w}
                                                    for n, r, e, w in phases], "figures": figures}, indent=1))
    return 0 if not files or figures["held"] else 1


if __name__ == "__main__":
    sys.exit(main())
