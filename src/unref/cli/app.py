"""The `unref` Typer application, and what every command shares: one error handler and resource limits."""

from __future__ import annotations

import os
import sys

import typer

from unref.errors import UnrefError

app = typer.Typer(
    name="unref",
    help="Turn United Nations documents into structured, linked, searchable records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def fail(err: Exception, debug: bool) -> None:
    """Print one line that names the file and the reason (a traceback with --debug), and exit non-zero."""
    if debug:
        raise err
    if isinstance(err, UnrefError):
        typer.echo(f"unref: error: {err}", err=True)
        raise typer.Exit(2)
    typer.echo(f"unref: error: {type(err).__name__}: {err}", err=True)
    raise typer.Exit(1)


def limit_resources(max_memory_mib: int, timeout: float) -> None:
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
