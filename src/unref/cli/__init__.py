"""cli: the `unref` command. Each command mirrors a function of the Python API.

`app` (cli/app.py) holds the Typer application, the error handler and the resource limits that
every command shares; parse.py, corpus.py and serve.py register their commands on it.
"""

from __future__ import annotations

from unref.cli import corpus, parse, serve  # noqa: F401  (each registers its commands on `app`)
from unref.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Run the command line."""
    app()

