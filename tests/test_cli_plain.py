"""The plain reading of command-line values (cli/app.py: plain_value): what Typer makes of them, without pydantic."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer.main

from unref.cli import app
from unref.cli.app import _UNSURE, plain_value
from unref.cli.parse import Format, OcrChoice

HERE = Path(__file__)


def _param(name: str) -> Any:
    """Return the click parameter of `unref parse` named `name`."""
    command: Any = typer.main.get_command(app)
    return next(p for p in command.commands["parse"].params if p.name == name)


def _info(name: str) -> tuple[Any, Any]:
    """Return the annotation and Typer's ParameterInfo of a parameter of `unref parse`."""
    descriptor = _param(name).type_descriptor
    return descriptor.annotation, descriptor.parameter_info


@pytest.mark.parametrize(("name", "value", "expected"), [
    ("max_pages", "2000", 2000),
    ("max_pages", "007", 7),
    ("max_pages", 2000, 2000),  # the default, already a number
    ("max_pages", "0", _UNSURE),  # below its bound: Typer says why
    ("max_pages", "2_000", _UNSURE),
    ("max_pages", " 5", _UNSURE),
    ("max_pages", "5.0", _UNSURE),
    ("max_pages", True, _UNSURE),
    ("max_memory", "0", 0),
    ("timeout", "120", 120.0),
    ("timeout", "1.5", 1.5),
    ("timeout", 120.0, 120.0),
    ("timeout", "0.5", _UNSURE),  # below its bound
    ("timeout", "1e3", _UNSURE),
    ("timeout", "inf", _UNSURE),
    ("format", "json", Format.json),
    ("format", "markdown", Format.markdown),
    ("format", Format.text, Format.text),
    ("format", "JSON", _UNSURE),
    ("format", "xml", _UNSURE),
    ("ocr", "never", OcrChoice.never),
    ("file", str(HERE), HERE),
    ("file", "/no/such/file.pdf", Path("/no/such/file.pdf")),
    ("file", "", _UNSURE),
    ("file", "a\0b", _UNSURE),
])
def test_plain_value(name: str, value: Any, expected: Any) -> None:
    annotation, info = _info(name)
    got = plain_value(annotation, info, value)
    assert got is expected if expected is _UNSURE else (got == expected and type(got) is type(expected))


@pytest.mark.parametrize(("name", "value"), [
    ("max_pages", "2000"), ("max_pages", "1"), ("max_memory", "0"), ("timeout", "120"), ("timeout", "2.25"),
    ("format", "text"), ("ocr", "auto"), ("file", str(HERE)), ("file", "missing.pdf"),
])
def test_plain_value_is_what_typer_reads(name: str, value: str) -> None:
    """A value read plainly is the value Typer's own reading gives (where this Typer reads through pydantic)."""
    coercion = pytest.importorskip("typer._coercion")
    param = _param(name)
    ctx: Any = typer.main.get_command(app).make_context("unref", ["parse", str(HERE)])
    theirs = coercion.build_runtime_param(param.type_descriptor).coerce(value, param=param, ctx=ctx)
    annotation, info = _info(name)
    ours = plain_value(annotation, info, value)
    assert ours == theirs and type(ours) is type(theirs)


def test_path_flags_other_than_the_default_are_typers() -> None:
    """A path option that asks for more than Typer's defaults (here: that it exists) is Typer's to read."""
    from typer.models import OptionInfo

    assert plain_value(Path, OptionInfo(exists=True), str(HERE)) is _UNSURE
    assert plain_value(Path, OptionInfo(), str(HERE)) == HERE
