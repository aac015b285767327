"""Numbered schema migrations, one module per step and backend: ``<backend>_<NNNN>_<name>.py``.

Each module holds `SQL`, the statements of its step. A store applies the steps it has not
applied yet, in order, each in one transaction, and records it in the ``migrations`` table.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass

__all__ = ["Migration", "load"]

NAME_RE = re.compile(r"(?P<backend>[a-z]+)_(?P<version>\d{4})_(?P<name>\w+)")


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: its number, name and SQL."""

    version: int
    name: str
    sql: str


def load(backend: str) -> list[Migration]:
    """Return the migrations of `backend` ("sqlite" or "postgres"), in order."""
    steps = []
    for info in pkgutil.iter_modules(__path__):
        m = NAME_RE.fullmatch(info.name)
        if m and m["backend"] == backend:
            module = importlib.import_module(f"{__name__}.{info.name}")
            steps.append(Migration(int(m["version"]), m["name"], module.SQL))
    steps.sort(key=lambda s: s.version)
    if [s.version for s in steps] != list(range(1, len(steps) + 1)):
        raise RuntimeError(f"the {backend} migrations are not numbered 1, 2, 3, ...: {[s.version for s in steps]}")
    return steps
