"""`unref parse` and `unref version`: one document, as JSON, text or Markdown (mirrors `unref.parse`)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from unref import __version__
from unref.cli.app import Debug, MaxPages, ProcessMemory, ReadTimeout, app, fail, limit_resources
from unref.errors import UnrefError
from unref.render import to_markdown, to_text

__all__ = ["Format", "app", "parse", "version"]


class Format(StrEnum):
    """Output formats of `unref parse`."""

    json = "json"
    text = "text"
    markdown = "markdown"


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="A UN document: a PDF, or text extracted from one (.txt).")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    spans: Annotated[bool, typer.Option(help="Include the map back to source offsets in JSON.")] = True,
    allow_empty: Annotated[bool, typer.Option(
        help="Print an empty document with a warning for a PDF without a text layer, instead of failing.")] = False,
    max_pages: MaxPages = 2000,
    timeout: ReadTimeout = 120.0,
    max_memory: ProcessMemory = 2048,
    debug: Debug = False,
) -> None:
    """Parse one document and print it as JSON (unref.document/1), text or Markdown."""
    from unref import parse as parse_document

    limit_resources(max_memory, timeout)
    try:
        doc = parse_document(file, allow_empty=allow_empty, max_pages=max_pages, timeout=timeout)
    except MemoryError:
        fail(UnrefError(str(file), f"out of memory (the limit is {max_memory} MiB; see --max-memory)"), debug)
    except Exception as err:  # one clear line, never a traceback unless --debug
        fail(err, debug)
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
