"""Every command of the `unref` CLI is documented in README.md's command table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from unref.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"
TABLE_HEAD = "| command | what it does |"


def registered() -> list[str]:
    """Return the name of every command registered on the app, as a user types it."""
    names = []
    for command in app.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else "")
        names.append(name.replace("_", "-"))
    return names


def table_commands(readme: str) -> set[str]:
    """Return the commands that the README's command table names: each `unref NAME ...` in its rows."""
    lines = readme.splitlines()
    start = lines.index(TABLE_HEAD)
    rows = []
    for line in lines[start + 2:]:  # after the header and its |---| line, up to the end of the table
        if not line.startswith("|"):
            break
        rows.append(re.split(r"(?<!\\)\|", line)[1])  # the first cell (a \| inside it is no cell border)
    return {name for row in rows for name in re.findall(r"`unref ([a-z][a-z-]*)", row)}


@pytest.mark.parametrize(("row", "names"), [
    ("| `unref show SYMBOL` | print |", {"show"}),
    ("| `unref cites SYMBOL\\|FILE`, `unref cited-by SYMBOL` | graph |", {"cites", "cited-by"}),
    ("| `unref show SYMBOL` | like `unref cites` |", {"show"}),  # a command named in the second cell only
])
def test_table_commands(row: str, names: set[str]) -> None:
    readme = f"intro\n\n{TABLE_HEAD}\n|---|---|\n{row}\n\nmore `unref version` prose\n"
    assert table_commands(readme) == names


def test_the_app_has_its_commands() -> None:
    assert {"parse", "ingest", "search", "cites", "cited-by", "serve", "version"} <= set(registered())


@pytest.mark.parametrize("name", registered())
def test_every_command_is_in_the_readme_table(name: str) -> None:
    assert name in table_commands(README.read_text(encoding="utf-8"))
