"""cli: the `unref` command. Each command mirrors a function of the Python API."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .errors import UnrefError
from .render import to_markdown, to_text

app = typer.Typer(
    name="unref",
    help="Turn United Nations documents into structured, linked, searchable records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    """Output formats of `unref parse`."""

    json = "json"
    text = "text"
    markdown = "markdown"


def _fail(err: Exception, debug: bool) -> None:
    if debug:
        raise err
    if isinstance(err, UnrefError):
        typer.echo(f"unref: error: {err}", err=True)
        raise typer.Exit(2)
    typer.echo(f"unref: error: {type(err).__name__}: {err}", err=True)
    raise typer.Exit(1)


def _limit_resources(max_memory_mib: int, timeout: float) -> None:
    """Cap this process's memory, and its CPU time as a backstop to the reader's own time limit."""
    try:
        import resource
        import signal
    except ImportError:  # not on this platform
        return
    if max_memory_mib > 0:
        limit = max_memory_mib * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    if timeout > 0:
        used = resource.getrusage(resource.RUSAGE_SELF).ru_utime
        soft = int(used + timeout) + 15
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        if hard == resource.RLIM_INFINITY or soft + 5 <= hard:
            resource.setrlimit(resource.RLIMIT_CPU, (soft, soft + 5))

            def _out_of_time(signum: int, frame: object) -> None:
                sys.stderr.write(f"unref: error: took longer than {timeout:g} s (the limit; see --timeout)\n")
                os._exit(2)

            signal.signal(signal.SIGXCPU, _out_of_time)


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="A UN document: a PDF, or text extracted from one (.txt).")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    spans: Annotated[bool, typer.Option(help="Include the map back to source offsets in JSON.")] = True,
    allow_empty: Annotated[bool, typer.Option(
        help="Print an empty document with a warning for a PDF without a text layer, instead of failing.")] = False,
    max_pages: Annotated[int, typer.Option(help="Refuse PDFs with more pages than this.", min=1)] = 2000,
    timeout: Annotated[float, typer.Option(help="Give up reading a PDF after this many seconds.", min=1)] = 120.0,
    max_memory: Annotated[int, typer.Option(help="Memory limit of the process in MiB (0: none).", min=0)] = 2048,
    debug: Annotated[bool, typer.Option(help="Show tracebacks on errors.")] = False,
) -> None:
    """Parse one document and print it as JSON (unref.document/1), text or Markdown."""
    from . import parse as parse_document

    _limit_resources(max_memory, timeout)
    try:
        doc = parse_document(file, allow_empty=allow_empty, max_pages=max_pages, timeout=timeout)
    except MemoryError:
        _fail(UnrefError(str(file), f"out of memory (the limit is {max_memory} MiB; see --max-memory)"), debug)
        return
    except Exception as err:  # one clear line, never a traceback unless --debug
        _fail(err, debug)
        return
    if format is Format.json:
        sys.stdout.write(json.dumps(doc.to_json(spans=spans), ensure_ascii=False, indent=1) + "\n")
    elif format is Format.text:
        sys.stdout.write(to_text(doc) + "\n")
    else:
        sys.stdout.write(to_markdown(doc) + "\n")


@app.command()
def version() -> None:
    """Print the version of unref."""
    typer.echo(__version__)


def main() -> None:
    """Run the command line."""
    app()


# The corpus and server commands register themselves on `app`.
from . import cli_corpus, cli_serve  # noqa: E402, F401

if __name__ == "__main__":
    # Run the module as imported, where the corpus and server commands are registered.
    from unref.cli import main as _main

    _main()
