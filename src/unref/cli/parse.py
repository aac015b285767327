"""`unref parse` and `unref version`: one document, as JSON, text or Markdown (mirrors `unref.parse`).

The document is parsed in a child process under the limits of memory and time (`unref.sandbox`), which
also renders it, so that a hostile file ends in one line that names it and the limit, never a crash.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer

from unref import __version__
from unref.cli.app import Debug, MaxPages, PlainCommand, ProcessMemory, ReadTimeout, app, fail

__all__ = ["Format", "app", "parse", "render", "version"]


class OcrChoice(StrEnum):
    """When `unref parse` reads pages by OCR."""

    auto = "auto"
    always = "always"
    never = "never"


#: A scan of at least this many pages to OCR shows a progress bar (when stderr is a terminal).
PROGRESS_PAGES = 3
_BAR: dict[str, Any] = {}


def terminal_progress(done: int, total: int) -> None:
    """Show OCR's progress page by page on stderr (runs in the parsing child, whose stderr is the terminal's)."""
    if total < PROGRESS_PAGES:
        return
    if "bar" not in _BAR:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(TextColumn("OCR"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                       console=Console(stderr=True), transient=True)
        bar.start()
        _BAR.update(bar=bar, task=bar.add_task("OCR", total=total))
    _BAR["bar"].update(_BAR["task"], completed=done)
    if done >= total:
        _BAR.pop("bar").stop()


class Format(StrEnum):
    """Output formats of `unref parse`."""

    json = "json"
    text = "text"
    markdown = "markdown"


def render(format: Format, spans: bool, doc: Any) -> str:
    """Return the document as `unref parse` prints it (runs in the parsing child: only the text crosses back)."""
    from unref.render import to_markdown, to_text

    if format is Format.json:
        return json.dumps(doc.to_json(spans=spans), ensure_ascii=False, indent=1) + "\n"
    if format is Format.text:
        return to_text(doc) + "\n"
    return to_markdown(doc) + "\n"


@app.command(cls=PlainCommand)  # its values read without pydantic: start-up (cli/app.py)
def parse(
    file: Annotated[Path, typer.Argument(
        help="A UN document: a PDF, a scan's image (PNG, JPEG, TIFF), or text extracted from a PDF (.txt).")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    spans: Annotated[bool, typer.Option(help="Include the map back to source offsets in JSON.")] = True,
    allow_empty: Annotated[bool, typer.Option(
        help="Print an empty document with a warning for a PDF without a text layer, instead of failing.")] = False,
    max_pages: MaxPages = 2000,
    timeout: ReadTimeout = 120.0,
    max_memory: ProcessMemory = 2048,
    ocr: Annotated[OcrChoice, typer.Option(
        help="Read pages by OCR: auto (pages without a text layer or with a garbage one; images), always, never."
    )] = OcrChoice.auto,
    debug: Debug = False,
) -> None:
    """Parse one document (a PDF, a PNG, JPEG or TIFF scan, or extracted text) and print it as JSON
    (unref.document/1), text or Markdown."""
    from unref.sandbox import Limits, parse_limited  # here: the other commands and --help need no sandbox

    limits = Limits(memory_mib=max_memory, timeout=timeout, max_pages=max_pages)
    progress = terminal_progress if sys.stderr.isatty() else None
    try:
        out = parse_limited(file, limits, partial(render, format, spans), allow_empty=allow_empty,
                            ocr=ocr.value, progress=progress)
    except Exception as err:  # one clear line, never a traceback unless --debug
        fail(err, debug)
    sys.stdout.write(out)


@app.command(cls=PlainCommand)
def version() -> None:
    """Print the version of unref."""
    typer.echo(__version__)
