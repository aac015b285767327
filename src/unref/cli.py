"""cli: the `unref` command. Each command mirrors a function of the Python API."""

from __future__ import annotations

import json
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


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="A UN document: extracted text (.txt).")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    spans: Annotated[bool, typer.Option(help="Include the map back to source offsets in JSON.")] = True,
    debug: Annotated[bool, typer.Option(help="Show tracebacks on errors.")] = False,
) -> None:
    """Parse one document and print it as JSON (unref.document/1), text or Markdown."""
    from . import parse as parse_document

    try:
        doc = parse_document(file)
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


if __name__ == "__main__":
    main()
