"""The `unref` Typer application, and what every command shares: its options and one error handler.

The options that several commands take (--db, --debug, --max-pages, --timeout, --max-memory) are
defined here once, as Annotated aliases, so that they read and behave alike in every command (the
limits themselves hold in the child process that parses: `unref.sandbox`).
Every command reports an error through `fail` (or `reporting`, which calls it): one line on
stderr, exit 2 for unref's own errors and 1 for others, a traceback with --debug.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, NoReturn

import typer

from unref.errors import LimitError, UnrefError

__all__ = [
    "LIMIT_FLAGS",
    "Db",
    "Debug",
    "MaxPages",
    "ProcessMemory",
    "ReadTimeout",
    "WorkerMemory",
    "app",
    "fail",
    "message",
    "reporting",
]

app = typer.Typer(
    name="unref",
    help="Turn United Nations documents into structured, linked, searchable records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help and usage errors: Rich's formatting costs 0.2 s of imports per command
)

# ---------------------------------------------------------------------------
# Options that several commands share

Db = Annotated[str | None, typer.Option(
    "--db", envvar="UNREF_DB", show_envvar=True,
    help="Corpus database: sqlite:///FILE (relative), sqlite:////ABS/PATH, a file path, or "
         "postgresql://USER:PASS@HOST/DB. Default: unref.sqlite3 in the user's data folder.")]
Debug = Annotated[bool, typer.Option(help="Show tracebacks on errors.")]
MaxPages = Annotated[int, typer.Option(help="Refuse PDFs with more pages than this.", min=1)]
ReadTimeout = Annotated[float, typer.Option(help="Give up reading a PDF after this many seconds.", min=1)]
ProcessMemory = Annotated[int, typer.Option(help="Memory limit of the process in MiB (0: none).", min=0)]
WorkerMemory = Annotated[int, typer.Option(help="Memory limit of each worker in MiB (0: none).", min=0)]

# ---------------------------------------------------------------------------
# The one error handler

#: For each limit that a LimitError can report (its `limit`: the keyword of `unref.parse` that sets it),
#: the option that sets it, and how it joins the reason inside its closing parenthesis. The library names
#: no option; the CLI adds it, as the messages were before: "too many pages (2001; the limit is 2000,
#: see --max-pages)", "reading took longer than 120 s (the limit; see --timeout)".
LIMIT_FLAGS: dict[str, tuple[str, str]] = {
    "max_pages": ("--max-pages", ", see "),
    "timeout": ("--timeout", "; see "),
    "max_memory": ("--max-memory", "; see "),
}


def _flag_hint(err: UnrefError) -> str:
    """Return the error's message with the option that sets the limit it reports, when it reports one."""
    text = str(err)
    flag, joint = LIMIT_FLAGS.get(err.limit, ("", "")) if isinstance(err, LimitError) else ("", "")
    if not flag or flag in text:  # not a limit the CLI sets, or the message names the option already
        return text
    if text.endswith(")"):
        return f"{text[:-1]}{joint}{flag})"
    return f"{text} (see {flag})"


def _command_hint(err: UnrefError) -> str | None:
    """Return the message of a store error with the command that mends it, which the library does not name."""
    if "unref.corpus.store.errors" not in sys.modules:  # the store was never imported (`unref parse`): no
        return None  # store error to mend, and importing the store here would cost every command its start-up
    from unref.corpus.store.errors import NeedsMigration, NoCorpus

    if isinstance(err, NoCorpus):
        return f"{err}: build one with `unref ingest FILES --db {err.db}`"
    if isinstance(err, NeedsMigration):
        return f"{err.need}: `unref stats --db URL` migrates it"
    return None


def message(err: BaseException) -> str:
    """Return the one line that reports an error: unref's own as it is (with the option of a limit it
    reports, or the command that mends a store), any other with its type and the first line of its message."""
    if isinstance(err, UnrefError):
        return _command_hint(err) or _flag_hint(err)
    lines = str(err).strip().splitlines()
    return f"{type(err).__name__}: {lines[0] if lines else ''}"


def fail(err: Exception, debug: bool) -> NoReturn:
    """Print one line that names the file and the reason (a traceback with --debug), and exit non-zero:
    2 for unref's own errors (bad input, a limit, a corpus that is not there), 1 for any other."""
    if debug:
        raise err
    typer.echo(f"unref: error: {message(err)}", err=True)
    raise typer.Exit(2 if isinstance(err, UnrefError) else 1)


#: Typer's usage errors (`typer.BadParameter` and the like) go through `reporting` to Typer, which prints the usage.
#: They derive from the ClickException of the click that Typer runs on: since Typer 0.2x its own copy
#: (typer._click), not the `click` package, whose ClickException they are not.
USAGE_ERROR: type[Exception] = next(
    base for base in typer.BadParameter.__mro__ if base.__name__ == "ClickException")


@contextmanager
def reporting(debug: bool) -> Iterator[None]:
    """Run a command's work, reporting any error through `fail`; Typer's own exits and aborts go through."""
    try:
        yield
    except (typer.Exit, typer.Abort, USAGE_ERROR):
        raise
    except Exception as err:  # one clear line, never a traceback unless --debug
        fail(err, debug)
