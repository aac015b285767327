"""The corpus commands of `unref`: ingest, failures, search, show, cites, cited-by, family,
thread, export and stats. Each mirrors a function of `unref.corpus.ingest`, `unref.corpus.store`, `unref.corpus.graph`
or `unref.corpus.export`, and every one takes ``--db`` (or $UNREF_DB).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from unref.cli.app import Db, Debug, MaxPages, ReadTimeout, WorkerMemory, app, reporting

if TYPE_CHECKING:  # the store, ingest and dask are imported by the commands that use them: `unref parse` never
    from rich.console import Console
    from rich.text import Text

    from unref.corpus.ingest import IngestEvent, IngestResult
    from unref.corpus.store import Store
    from unref.corpus.store.query import Snippet

__all__ = ["app"]


class Output(StrEnum):
    """Output formats of the corpus commands."""

    text = "text"
    json = "json"


class ExportFormat(StrEnum):
    """Formats of `unref export`."""

    graphml = "graphml"
    jsonl = "jsonl"
    csv = "csv"


class ExportWhat(StrEnum):
    """What `unref export` writes."""

    graph = "graph"
    documents = "documents"


# Options of the corpus commands only; those that other commands share (--db, --debug, ...) are in cli/app.py.
Fmt = Annotated[Output, typer.Option("--format", "-f", help="Output format.")]
Lang = Annotated[str | None, typer.Option("--lang", help="Prefer the copy in this language (en, fr, ...).")]
SymbolArg = Annotated[str, typer.Argument(help="A document symbol, e.g. S/2025/260 or \"S/RES/822 (1993)\".")]


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


@contextmanager
def _corpus(db: str | None, debug: bool, *, read_only: bool = True) -> Iterator[Store]:
    """Open the store; report an error in one line (`reporting`: exit 2 for unref's own, 1 for others, such
    as a database failing), and an interruption with what it leaves.

    Commands that only read open it read-only: a mistyped --db is an error, not a new empty corpus.
    """
    from unref.corpus.store import open_store

    try:
        with reporting(debug), open_store(db, read_only=read_only) as store:
            yield store
    except KeyboardInterrupt:
        typer.echo("unref: interrupted; what was committed stays, and a rerun goes on from there", err=True)
        raise typer.Exit(130) from None


def _json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def _marked(console: Console, snippet: Snippet | None, indent: str = "    ") -> Text:
    """Return the snippet with its highlights in bold on a terminal, or between ** in plain output."""
    from rich.text import Text

    if snippet is None:
        return Text(indent + "(passage not found)")
    if not console.is_terminal:
        return Text(indent + snippet.marked())
    text = Text(indent + snippet.text)
    for start, end in snippet.highlights:
        text.stylize("bold yellow", start + len(indent), end + len(indent))
    return text


# ---------------------------------------------------------------------------
# ingest, failures


class _IngestBar:
    """The progress bar of `unref ingest`: files done (added, skipped), failed, and pages stored per second."""

    def __init__(self, total: int, quiet: bool) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.counts = {"added": 0, "known": 0, "failed": 0}
        self.pages = 0
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=Console(stderr=True), disable=quiet, transient=True)
        self.task = self.progress.add_task("ingest", total=total or None)

    def step(self, event: IngestEvent) -> None:
        """Count one file's outcome (called once it is committed, so the bar never runs ahead of the disk)."""
        key = {"added": "added", "failed": "failed"}.get(event.status, "known")
        self.counts[key] += 1
        self.pages += event.pages
        elapsed = self.progress.tasks[0].elapsed or 0.0
        rate = f" · {self.pages / elapsed:.1f} pages/s" if elapsed > 0 else ""
        self.progress.update(self.task, advance=1, description=(
            f"added {self.counts['added']} · skipped {self.counts['known']} · failed {self.counts['failed']}{rate}"))


def _ingest_report(result: IngestResult, url: str, format: Output) -> None:
    """Print what an ingest did: JSON, or the failures then the counts in one line."""
    from unref.corpus.store.base import redact

    if format is Output.json:
        _json({"files": result.files, "added": result.added, "known": result.known,
               "duplicates": result.duplicates, "known_failures": result.known_failures,
               "failed": result.failed, "seconds": round(result.seconds, 3),
               "failures": [f.to_json() for f in result.failures], "db": redact(url)})
        return
    for failure in result.failures:
        typer.echo(f"failed: {failure.path}: {failure.reason}")
    typer.echo(f"{result.summary()} (corpus: {redact(url)})")


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(
        help="Files, folders (their PDFs and .txt files), glob patterns or http(s) URLs.")],
    workers: Annotated[int, typer.Option("--workers", "-w", help="Parse in this many local processes.",
                                         min=1)] = 1,
    cluster: Annotated[str | None, typer.Option(
        "--cluster", help="Parse on a Dask cluster instead of local processes: a scheduler's address "
                          "(tcp://host:8786), or local:N to start N local worker processes.")] = None,
    retry_failed: Annotated[bool, typer.Option(help="Parse again the files that failed before.")] = False,
    force: Annotated[bool, typer.Option(help="Parse every file again and replace what is stored.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    strict: Annotated[bool, typer.Option(help="Exit with status 1 when a file failed.")] = False,
    timeout: ReadTimeout = 120.0,
    max_pages: MaxPages = 2000,
    max_memory: WorkerMemory = 2048,
    format: Fmt = Output.text,
    db: Db = None,
    debug: Debug = False,
) -> None:
    """Parse documents into the corpus: skips known content, records failures, resumes where it stopped."""
    from unref.corpus.ingest import expand
    from unref.corpus.ingest import ingest as run

    with _corpus(db, debug, read_only=False) as store:
        bar = _IngestBar(sum(1 for _ in expand(paths)) if not quiet else 0, quiet)
        with bar.progress:
            result = run(paths, store, workers=workers, progress=bar.step, retry_failed=retry_failed, force=force,
                         timeout=timeout, max_pages=max_pages, max_memory=max_memory, cluster=cluster)
        _ingest_report(result, store.url, format)
    if strict and result.failed:
        raise typer.Exit(1)


@app.command()
def failures(format: Fmt = Output.text, db: Db = None, debug: Debug = False) -> None:
    """List the files that failed to ingest, with the reason and when."""
    with _corpus(db, debug) as store:
        items = list(store.failures())
    if format is Output.json:
        _json([f.to_json() for f in items])
        return
    for f in items:
        typer.echo(f"{f.failed_at}  {f.path}: {f.reason}")
    typer.echo(f"{len(items)} failed files", err=True)


# ---------------------------------------------------------------------------
# search, show


class SearchOutput(StrEnum):
    """Output formats of `unref search`: JSON is the ranked hits (as before), CSV one row per hit by document."""

    text = "text"
    json = "json"
    csv = "csv"


class SortOrder(StrEnum):
    """Orders of `unref search`'s documents: by their best hit, or newest first."""

    relevance = "relevance"
    date = "date"


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words (all required), "a phrase", prefix*, a OR b, -excluded.')],
    symbol_prefix: Annotated[str | None, typer.Option(help="Only documents with a symbol so begun: S/2025/.")] = None,
    organ: Annotated[str | None, typer.Option(help="Only documents of this organ: GA, SC, ECOSOC, HRC.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Only this document type: letter, report, ...")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Dated on or after: YYYY[-MM[-DD]].")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Dated on or before: YYYY[-MM[-DD]].")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Only documents in this language: en, fr, ...")] = None,
    agenda_item: Annotated[str | None, typer.Option(help="Only documents under agenda item: 34, \"34 (b)\".")] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many passages.", min=1, max=1000)] = 10,
    offset: Annotated[int, typer.Option(help="Skip this many passages first (paging).", min=0)] = 0,
    exhaustive: Annotated[bool, typer.Option(
        help="Rank every match; by default a query that matches over 4,000 passages is ranked among the "
             "first 4,000 found, to stay fast on a large corpus.")] = False,
    sort: Annotated[SortOrder, typer.Option(
        help="Order the documents of the passages found by their best passage (relevance) or by date, newest "
             "first.")] = SortOrder.relevance,
    export: Annotated[Path | None, typer.Option(
        "--export", help="Write the results to FILE.csv (one row per passage) or FILE.json (by document).")] = None,
    format: Annotated[SearchOutput, typer.Option("--format", "-f", help="Output format.")] = SearchOutput.text,
    db: Db = None,
    debug: Debug = False,
) -> None:
    """Search paragraphs and footnotes; print the passages found, by document, with the page of each."""
    from unref.corpus.export import results_format
    from unref.corpus.store import Filters
    from unref.corpus.store.results import group_hits, sort_groups

    with reporting(debug):
        chosen = results_format(str(export)) if export is not None else None
    with _corpus(db, debug) as store:
        filters = Filters(symbol_prefix=symbol_prefix, organ=organ, doc_type=type, date_from=date_from,
                          date_to=date_to, language=lang, agenda_item=agenda_item)
        hits = store.search(query, filters, limit=limit, offset=offset, exhaustive=exhaustive)
        named = store.named(query) if not offset else None
    groups = sort_groups(group_hits(hits), sort.value)
    if export is not None and chosen is not None:
        _export_results(groups, chosen, export, query, filters, sort.value, debug)
    elif format is SearchOutput.json:
        _json([h.to_json() for h in hits])
    elif format is SearchOutput.csv:
        _write_results(groups, "csv", sys.stdout, query, filters, sort.value)
    else:
        _print_groups(groups, named)


def _filter_params(filters: Any) -> dict[str, str]:
    """Return the filters a search was given, by the names of its options, for the head of an export."""
    from dataclasses import asdict

    names = {"doc_type": "type", "date_from": "from", "date_to": "to", "language": "lang"}
    return {names.get(k, k): str(v) for k, v in asdict(filters).items() if v}


def _write_results(groups: list[Any], format: str, out: Any, query: str, filters: Any, sort: str) -> int:
    from unref.corpus.export import export_results

    return export_results(groups, format, out, query=query, filters=_filter_params(filters), sort=sort)


def _export_results(groups: list[Any], format: str, path: Path, query: str, filters: Any, sort: str,
                    debug: bool) -> None:
    """Write grouped results to a file, and say on stderr how many passages of how many documents it holds."""
    with reporting(debug), open(path, "w", encoding="utf-8", newline="") as out:
        n = _write_results(groups, format, out, query, filters, sort)
    typer.echo(f"{n} passages of {len(groups)} documents written to {path}", err=True)


def _print_groups(groups: list[Any], named: Any) -> None:
    """Print each document once, then its passages with their place (paragraph or note, and page)."""
    from rich.text import Text

    from unref.corpus.store.query import Snippet

    console = _console()
    if named is not None:  # the query is a symbol of the corpus: the document first, then what cites it
        console.print(Text(f"document {named.symbol}: {named.title or ''}  (unref show {named.symbol})",
                           style="bold green"))
    for group in groups:
        d = group.document
        name = d.symbol or Path(d.path or d.hash).name
        pages = f"  page{'s' if len(group.pages) > 1 else ''} {', '.join(map(str, group.pages))}" if group.pages else ""
        console.print(Text(f"{name}  {d.date or '????-??-??'}  {d.doc_type or '-'}{pages}", style="bold"))
        if d.title:
            console.print(Text(f"  {d.title}"))
        for h in group.hits:
            console.print(Text(f"  {h.ref}" + (f" (page {h.page})" if h.page is not None else "") + ":"))
            console.print(_marked(console, Snippet(h.snippet, h.highlights)))
    if not groups:
        typer.echo("no matches", err=True)


def _render(record: dict[str, Any]) -> str:
    """Return a document record as readable text: metadata, body, footnotes."""
    head = [
        " / ".join(record.get("symbols") or []) or "(no symbol)",
        " · ".join(x for x in (record.get("date"), record.get("doc_type"), ", ".join(record.get("organs") or []),
                               record.get("language")) if x),
    ]
    if record.get("title"):
        head.append(record["title"])
    body = [p["text"] for p in record.get("paragraphs", []) if p.get("kind") != "masthead"]
    notes = [f"{fn['label']}  {fn['text']}" for fn in record.get("footnotes", [])]
    parts = ["\n".join(head), "\n\n".join(body)]
    if notes:
        parts.append("Notes\n\n" + "\n".join(notes))
    return "\n\n".join(parts)


@app.command()
def show(symbol: SymbolArg, format: Fmt = Output.text, lang: Lang = None, db: Db = None, debug: Debug = False) -> None:
    """Print a stored document, found by any of its symbols (or its content hash)."""
    from unref.corpus.graph import NotInCorpus

    with _corpus(db, debug) as store:
        doc = store.get(symbol, language=lang)
        if doc is None:
            raise NotInCorpus(symbol)
        record = store.record(doc.id)
        sources = store.sources(doc.id)
    if format is Output.json:
        _json(record)
    else:
        sys.stdout.write(_render(record) + "\n")
        # The files stored as this document's other sources (its extracted text, a second copy): one record.
        for source in sources:
            sys.stdout.write(f"also from: {source['path'] or source['hash']} ({source['format']})\n")


# ---------------------------------------------------------------------------
# The graph


def _node_line(node: Any) -> str:
    d = node.document
    if d is None:
        return f"{node.label}  (not in the corpus)  {node.url or ''}".rstrip()
    return f"{node.label}  {d.date or '????-??-??'}  {d.doc_type or '-'}  {d.title or ''}".rstrip()


def _graph_items(db: str | None, debug: bool, format: Output, run: Callable[..., list[Any]], symbol: str,
                 **options: Any) -> list[Any] | None:
    """Return what a graph function of `unref.corpus.graph` gives for `symbol`, to print as text; for
    --format json, print its items as JSON and return None."""
    with _corpus(db, debug) as store:
        items = run(store, symbol, **options)
    if format is Output.json:
        _json([x.to_json() for x in items])
        return None
    return items


@app.command()
def cites(symbol: SymbolArg, all: Annotated[bool, typer.Option(
              "--all", help="Every kind of citation, web addresses and short forms (ibid.) too.")] = False,
          un_only: Annotated[bool, typer.Option("--un-only", help="UN document symbols only.")] = False,
          format: Fmt = Output.text, lang: Lang = None, db: Db = None, debug: Debug = False) -> None:
    """List what a document cites: UN documents, other bodies' documents, treaties and publications; of a stored
    document by symbol, or of a file parsed on the spot (a table)."""
    from rich.text import Text

    from unref.corpus.graph import DOCUMENT_KINDS
    from unref.corpus.graph import cites as run

    if Path(symbol).is_file():
        _cites_of_file(Path(symbol), format, debug)
        return
    kinds = () if all else ("un_symbol",) if un_only else DOCUMENT_KINDS
    links = _graph_items(db, debug, format, run, symbol, kinds=kinds, language=lang)
    if links is None:
        return
    console = _console()
    for link in links:
        console.print(Text(f"→ {_cited_line(link)}  ({link.location})"))
    typer.echo(f"{len(links)} cited", err=True)


KIND_LABELS = {"publication": "publication", "treaty": "treaty", "letter": "letter", "coe_resolution": "Council of "
               "Europe", "osce_document": "OSCE", "icj_document": "ICJ", "eu_document": "EU", "au_document": "AU",
               "url": "web", "short_form": "short form", "other": "other"}


def _cited_line(link: Any) -> str:
    """Return a cited target as a line: a UN document as `_node_line` gives it; another body's document or a
    publication by its kind and the reference as resolved (never "not in the corpus": no corpus holds it)."""
    if link.kind == "un_symbol":
        return _node_line(link.target)
    url = f"  {link.target.url}" if link.target.url else ""
    return f"[{KIND_LABELS.get(link.kind, link.kind)}] {link.target.symbol}{url}"


def _cites_of_file(path: Path, format: Output, debug: bool) -> None:
    """Print every citation of one file, parsed without a corpus, as a table or JSON."""
    from rich.table import Table

    from unref import parse

    with reporting(debug):
        doc = parse(path)
    found = doc.citations
    if format is Output.json:
        _json([{"kind": c.kind, "text": c.text, "target": c.target, "location": c.location, "url": c.url,
                "resolved": c.resolved, "reason": c.reason, "pinpoint": c.pinpoint} for c in found])
        return
    table = Table("where", "kind", "as written", "target", "note", title=f"{path.name}: {len(found)} citations")
    for c in found:
        note = c.pinpoint or ("" if c.resolved else f"unresolved: {c.reason}")
        table.add_row(c.location, c.kind, c.text, c.target or "-", note)
    _console().print(table)


@app.command("cited-by")
def cited_by(symbol: SymbolArg, format: Fmt = Output.text, lang: Lang = None, db: Db = None,
             debug: Debug = False) -> None:
    """List the documents that cite a document (in the corpus or not), with each citing passage."""
    from rich.text import Text

    from unref.corpus.graph import cited_by as run

    links = _graph_items(db, debug, format, run, symbol, language=lang)
    if links is None:
        return
    console = _console()
    last = None
    for link in links:
        if link.source.symbol != last:
            console.print(Text(_node_line(link.source), style="bold"))
            last = link.source.symbol
        console.print(Text(f"  {link.location}:"))
        console.print(_marked(console, link.passage))
    typer.echo(f"{len({link.source.symbol for link in links})} citing documents, {len(links)} passages", err=True)


@app.command()
def family(symbol: SymbolArg, format: Fmt = Output.text, lang: Lang = None, db: Db = None,
           debug: Debug = False) -> None:
    """List a document's family: its addenda, corrigenda and revisions, and its other symbols."""
    from unref.corpus.graph import family as run

    members = _graph_items(db, debug, format, run, symbol, language=lang)
    if members is None:
        return
    for m in members:
        typer.echo(f"{m.relation:14} {_node_line(m.node)}")


@app.command()
def thread(symbol: SymbolArg, limit: Annotated[int, typer.Option(help="At most this many letters.", min=1)] = 500,
           format: Fmt = Output.text, lang: Lang = None, db: Db = None, debug: Debug = False) -> None:
    """Print the correspondence thread of a letter: letters that answer or refer to each other, by date."""
    from unref.corpus.graph import thread as run

    letters = _graph_items(db, debug, format, run, symbol, language=lang, limit=limit)
    if letters is None:
        return
    for x in letters:
        typer.echo(_node_line(x.node))
        if x.refers_to:
            typer.echo(f"    refers to: {', '.join(x.refers_to)}")
        if x.referred_by:
            typer.echo(f"    referred to by: {', '.join(x.referred_by)}")
    typer.echo(f"{len(letters)} letters in the thread", err=True)


# ---------------------------------------------------------------------------
# export, stats


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="File format.")],
    what: Annotated[ExportWhat | None, typer.Option(
        help="The graph or the documents (default: graph for graphml and csv, documents for jsonl).")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of to stdout.")] = None,
    db: Db = None,
    debug: Debug = False,
) -> None:
    """Write the citation graph or the documents as GraphML, JSON Lines or CSV, streaming."""
    from unref.corpus.export import export as run

    with _corpus(db, debug) as store:
        if output is None:
            n = run(store, format.value, sys.stdout, what=what.value if what else None)
        else:
            with open(output, "w", encoding="utf-8", newline="") as out:
                n = run(store, format.value, out, what=what.value if what else None)
    typer.echo(f"{n} items written", err=True)


@app.command()
def stats(format: Fmt = Output.text, db: Db = None, debug: Debug = False) -> None:
    """Print the corpus's size: documents, symbols, passages, citations, failures, bytes on disk."""
    from unref.corpus.store.base import redact

    with _corpus(db, debug, read_only=False) as store:
        data = store.stats()
        data["url"] = redact(data["url"])
        data["migrations"] = [f"{v:04d}_{name}" for v, name, _ in store.migrations()]
    if format is Output.json:
        _json(data)
        return
    for key, value in data.items():
        typer.echo(f"{key:11} {', '.join(value) if isinstance(value, list) else value}")
