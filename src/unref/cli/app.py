"""The `unref` Typer application, and what every command shares: its options and one error handler.

The options that several commands take (--db, --debug, --max-pages, --timeout, --max-memory) are
defined here once, as Annotated aliases, so that they read and behave alike in every command (the
limits themselves hold in the child process that parses: `unref.sandbox`).
Every command reports an error through `fail` (or `reporting`, which calls it): one line on
stderr, exit 2 for unref's own errors and 1 for others, a traceback with --debug.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
import typer.core

from unref.errors import LimitError, UnrefError

__all__ = [
    "LIMIT_FLAGS",
    "Db",
    "Debug",
    "MaxPages",
    "PlainCommand",
    "PlainGroup",
    "ProcessMemory",
    "ReadTimeout",
    "WorkerMemory",
    "app",
    "fail",
    "message",
    "reporting",
]

# ---------------------------------------------------------------------------
# Plain values read without pydantic
#
# Typer (0.2x) reads each value of the command under way through a pydantic TypeAdapter that it builds at
# run time: importing pydantic and building the adapters of `unref parse` cost about a fifth of its start-up.
# A PlainCommand reads the plain values our commands take as Typer would (a path, a number in its bounds, a
# choice by its exact value, a value already of its type: `plain_value`) and hands any other to Typer's own
# reading, so that every error and its message stay Typer's. Where Typer keeps no lazy reading of a value
# (older versions, which read through click's types and no pydantic), the command is Typer's as it is.

_UNSURE: Any = object()  # plain_value cannot tell: Typer reads the value
_INTEGER_RE = re.compile(r"[0-9]{1,18}\Z")
_DECIMAL_RE = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,15})?\Z")
# A path option's flags as Typer sets them by default: no existence test, files and folders, readable.
_PLAIN_PATH = {"exists": False, "file_okay": True, "dir_okay": True, "writable": False, "readable": True,
               "resolve_path": False, "allow_dash": False, "path_type": None}


def plain_value(annotation: Any, info: Any, value: Any) -> Any:
    """Return what Typer makes of a command-line value of a parameter (`info`: its Typer ParameterInfo), or
    _UNSURE where it is no plain value: then Typer reads it, and reports it if it is wrong."""
    if value is None or getattr(info, "parser", None) is not None or getattr(info, "clamp", False):
        return _UNSURE
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _plain_choice(annotation, info, value)
    if annotation is int or annotation is float:
        return _plain_number(annotation, info, value)
    if annotation is Path:
        return _plain_path(info, value)
    return _UNSURE


def _plain_choice(annotation: type[Enum], info: Any, value: Any) -> Any:
    """Return the member of a case-sensitive choice that a value names by its exact value (Typer compares
    str(member.value)), or the member given."""
    if isinstance(value, annotation):
        return value
    if getattr(info, "case_sensitive", None) is not True or not isinstance(value, str):
        return _UNSURE
    return next((member for member in annotation if str(member.value) == value), _UNSURE)


def _plain_number(annotation: type[int] | type[float], info: Any, value: Any) -> Any:
    """Return a whole number written in digits, or a decimal one, within the parameter's bounds; a number
    already of its type as it is."""
    if type(value) is annotation:
        number = value
    elif isinstance(value, str) and (_INTEGER_RE if annotation is int else _DECIMAL_RE).match(value):
        number = annotation(value)
    else:
        return _UNSURE
    low, high = getattr(info, "min", None), getattr(info, "max", None)
    if (low is not None and number < low) or (high is not None and number > high):
        return _UNSURE  # Typer says why
    return number


def _plain_path(info: Any, value: Any) -> Any:
    """Return a path with Typer's default flags: as given where nothing is there, else where it can be read."""
    if any(getattr(info, flag, not default) != default for flag, default in _PLAIN_PATH.items()):
        return _UNSURE
    if not (isinstance(value, Path) or (isinstance(value, str) and value)):
        return _UNSURE
    path = Path(value)
    try:
        os.stat(path)
    except OSError:  # nothing there (yet): Typer asks for no existence
        return path
    except ValueError:  # a NUL in it: Typer's reading meets it
        return _UNSURE
    return path if os.access(path, os.R_OK) else _UNSURE


class _PlainReading:
    """Typer's reading of one parameter's value (its `coerce`), plain values first (`plain_value`)."""

    __slots__ = ("annotation", "info")

    def __init__(self, annotation: Any, info: Any) -> None:
        """Keep the parameter's type and Typer's information on it."""
        self.annotation, self.info = annotation, info

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        """Return the parameter's value: a plain one read here, any other by Typer's own reading."""
        if param.nargs == 1 and not param.multiple and getattr(ctx, "token_normalize_func", None) is None:
            if value is None:  # not given and no default (--help): None, as Typer's reading gives
                return None
            got = plain_value(self.annotation, self.info, value)
            if got is not _UNSURE:
                return got
        param._runtime_param = None  # Typer builds its own reading and keeps it
        return param.get_runtime_param().coerce(value, param=param, ctx=ctx)


def _read_plainly(params: list[Any]) -> None:
    """Give each parameter whose reading Typer would build (at its first value) the plain reading."""
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is not None and getattr(param, "_runtime_param", _UNSURE) is None:
            param._runtime_param = _PlainReading(descriptor.annotation, descriptor.parameter_info)


class PlainCommand(typer.core.TyperCommand):
    """A Typer command that reads its plain values without pydantic (`plain_value`)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Read the parameters' plain values plainly, then parse as Typer does."""
        _read_plainly(self.get_params(ctx))
        return super().parse_args(ctx, args)


class PlainGroup(typer.core.TyperGroup):
    """The Typer group of the commands, whose own --help option is read without pydantic too."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Read the group's options plainly, then parse as Typer does."""
        _read_plainly(self.get_params(ctx))
        return super().parse_args(ctx, args)


app = typer.Typer(
    name="unref",
    cls=PlainGroup,
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
