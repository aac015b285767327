"""The `unref` command, run as a user runs it, reading its output streams.

`unref parse` runs in a subprocess, not in typer's CliRunner: it caps the memory and
CPU time of its own process, which must not be the test runner's. The parse runs
start together, once per module, because each one pays for the interpreter's start.
Commands that never reach the parser (help, version, a bad option) run in-process.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from conftest import FIXTURES
from unref.cli import app
from unref.cli.app import message, reporting
from unref.errors import LimitError, UnrefError

LETTER = FIXTURES / "letter.txt"
Run = subprocess.CompletedProcess[str]


def unref(*args: str | Path, cwd: Path | None = None) -> Run:
    """Run `unref ARGS` in a subprocess and return it finished, with its text output."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "unref.cli", *map(str, args)],
        capture_output=True, text=True, timeout=120, cwd=cwd, env=env, check=False,
    )


# --- Inputs that are not UN documents, each made in a temporary folder ------------------------


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _blank(path: Path) -> None:
    path.write_text("\n   \n\f\n")


def _junk(path: Path) -> None:
    rng = random.Random(20260303)
    path.write_bytes(bytes(rng.randrange(256) for _ in range(3000)) + b"\x00" * 16)


def _folder(path: Path) -> None:
    path.mkdir()


def _recipe(path: Path) -> None:
    path.write_text(
        "Pancakes\n\n"
        "Mix 200 g of flour with two eggs and 300 ml of milk, and whisk until smooth.\n"
        "Let the batter rest for an hour in a cool place before you start to cook.\n"
        "Fry thin pancakes in a hot pan with a little butter, one minute a side.\n"
        "Serve with lemon and sugar.\n"
    )


def _missing(path: Path) -> None:
    pass


# (file name, how to make it, words the error line must hold)
BAD_INPUTS: list[tuple[str, Callable[[Path], None], str]] = [
    ("empty.txt", _empty, "empty"),
    ("blank.txt", _blank, "empty"),  # white space and a form feed only
    ("junk.bin", _junk, "binary"),  # random bytes with NULs
    ("missing.txt", _missing, "no such file"),
    ("folder", _folder, "folder"),
    ("recipe.txt", _recipe, "UN document"),  # readable text, but not a UN document
]

GOOD_RUNS: dict[str, tuple[str, ...]] = {
    "json": ("--format", "json"),
    "no-spans": ("--no-spans",),
    "text": ("-f", "text"),
    "markdown": ("-f", "markdown"),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """Return every parse run of this module by name, run two at a time."""
    folder = tmp_path_factory.mktemp("cli")
    jobs: dict[str, tuple[str | Path, ...]] = {name: ("parse", LETTER, *args) for name, args in GOOD_RUNS.items()}
    for name, make, _ in BAD_INPUTS:
        make(folder / name)
        jobs[name] = ("parse", folder / name)
    jobs["debug"] = ("parse", folder / "missing.txt", "--debug")
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {name: pool.submit(unref, *args, cwd=folder) for name, args in jobs.items()}
        return {name: future.result() for name, future in futures.items()}


# --- Good input -----------------------------------------------------------------------------


def test_json(runs: dict[str, Run]) -> None:
    run = runs["json"]
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    doc = json.loads(run.stdout)
    assert doc["schema"] == "unref.document/1"
    assert doc["symbols"] == ["A/81/123", "S/2026/456"]
    assert doc["doc_type"] == "letter"
    assert {fn["label"] for fn in doc["footnotes"]} == {"1", "2", "3"}
    assert all("spans" in p for p in doc["paragraphs"])


def test_json_without_spans(runs: dict[str, Run]) -> None:
    run = runs["no-spans"]
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["paragraphs"]
    assert not any("spans" in p for p in doc["paragraphs"])


def test_text(runs: dict[str, Run]) -> None:
    run = runs["text"]
    assert run.returncode == 0, run.stderr
    assert "throughout the February period and that the humanitarian" in run.stdout
    assert "Distr.: General" not in run.stdout  # the masthead is not text
    assert "26-01234" not in run.stdout  # nor is the job number


def test_markdown_has_notes_at_their_markers(runs: dict[str, Run]) -> None:
    run = runs["markdown"]
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "## Letter dated 2 March 2026" in out
    assert "in its report to the Council.[^1] The Commission" in out
    assert "the humanitarian situation was grave.[^2]" in out
    assert "to restore either service.”[^3]" in out
    assert "\n[^1]: See A/80/999, para. 12.\n" in out
    assert "\n[^3]: Report of the Special Rapporteur" in out


# --- Bad input: one line on stderr that names the file and says why; no traceback ---------


@pytest.mark.parametrize(("name", "reason"), [(name, reason) for name, _, reason in BAD_INPUTS])
def test_bad_input_fails_in_one_line(runs: dict[str, Run], name: str, reason: str) -> None:
    run = runs[name]
    assert run.returncode != 0
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("unref: error: ")
    assert name in lines[0]
    assert reason in lines[0]
    assert "Traceback" not in run.stderr


def test_debug_shows_the_traceback(runs: dict[str, Run]) -> None:
    run = runs["debug"]
    assert run.returncode != 0
    assert "Traceback" in run.stderr
    assert "no such file" in run.stderr


# --- Commands that do not parse ---------------------------------------------------------------


def test_version() -> None:
    result = CliRunner().invoke(app, ["version"])
    assert result.exit_code == 0
    assert result.stdout.strip()


def test_every_command_is_documented() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in app.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else "")
        assert name in result.stdout
        assert command.callback is not None and command.callback.__doc__


def test_unknown_format_is_refused() -> None:
    result = CliRunner().invoke(app, ["parse", str(LETTER), "--format", "yaml"])
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_cites_of_a_file_lists_its_citations() -> None:
    proc = unref("cites", LETTER, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    targets = {c["target"] for c in json.loads(proc.stdout)}
    assert {"A/80/999", "A/HRC/61/40", "https://www.example.org/reports/2026/valley.pdf"} <= targets
    table = unref("cites", LETTER)
    assert table.returncode == 0 and "A/HRC/61/40" in table.stdout


# --- The one error handler: one line, and the option of a limit that the library reports -------------


@pytest.mark.parametrize(("err", "line"), [
    (UnrefError("a.pdf", "encrypted PDF (password required)"), "a.pdf: encrypted PDF (password required)"),
    (LimitError("a.pdf", "too many pages (2001; the limit is 2000)", "max_pages"),
     "a.pdf: too many pages (2001; the limit is 2000, see --max-pages)"),
    (LimitError("a.pdf", "reading took longer than 120 s (the limit)", "timeout"),
     "a.pdf: reading took longer than 120 s (the limit; see --timeout)"),
    (LimitError("a.pdf", "reading took longer than 120 s", "timeout"),
     "a.pdf: reading took longer than 120 s (see --timeout)"),
    (LimitError("a.pdf", "took too long (the limit; see --timeout)", "timeout"),  # names its option already
     "a.pdf: took too long (the limit; see --timeout)"),
    (LimitError(None, "over some limit (a limit)", "depth"), "over some limit (a limit)"),  # a limit without an option
    (ValueError("bad value\nsecond line"), "ValueError: bad value"),
    (KeyError(), "KeyError: "),
])
def test_error_message(err: Exception, line: str) -> None:
    assert message(err) == line


@pytest.mark.parametrize(("err", "code"), [(UnrefError(None, "no"), 2), (OSError("disk"), 1)])
def test_fail_exit_codes(err: Exception, code: int, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit) as info, reporting(debug=False):
        raise err
    assert info.value.exit_code == code
    assert capsys.readouterr().err == f"unref: error: {message(err)}\n"
    with pytest.raises(type(err)), reporting(debug=True):
        raise err


@pytest.mark.parametrize("err", [typer.BadParameter("no such value"), typer.Abort(), typer.Exit(3)])
def test_reporting_lets_typers_own_exits_through(err: Exception) -> None:
    with pytest.raises(type(err)), reporting(debug=False):
        raise err


def test_a_store_error_names_the_command_that_mends_it() -> None:
    from unref.corpus.store.errors import NoCorpus

    err = NoCorpus("x.sqlite3", "sqlite:///x.sqlite3")
    assert message(err) == f"{err}: build one with `unref ingest FILES --db {err.db}`"


def test_the_command_line_imports_no_store_and_no_server() -> None:
    """Start-up (issue 16): the store and the server are imported only by the commands that use them."""
    code = ("import sys; import unref.cli; "
            "print(sorted(m for m in ('unref.corpus.store', 'fastapi', 'uvicorn', 'wordfreq') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(("token", "words", "absent"), [
    (None, ["read-only"], ["token"]),
    ("t0ken", ["need the token", "/api/documents, which stores them"], ["read-only"]),  # it writes: never read-only
])
def test_serve_says_what_clients_may_do(token: str | None, words: list[str], absent: list[str]) -> None:
    from unref.cli.serve import access

    said = access(token)
    assert all(w in said for w in words) and not any(w in said for w in absent)
