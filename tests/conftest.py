"""Shared test helpers: where the shared corpus is, and a skip when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_path(*parts: str) -> Path:
    """Return a path under ../shared, skipping the test when ../shared is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpus is not beside this checkout)")
    return path


def pytest_configure(config: pytest.Config) -> None:
    """Make every run say why it skipped what it skipped (as `-rs` does): a test that needs chromium, PostgreSQL,
    Tesseract or ../shared says which, in the summary, even under `pytest -q`."""
    chars = config.option.reportchars or ""
    if "s" not in chars and "a" not in chars and "A" not in chars and "N" not in chars:
        config.option.reportchars = chars + "s"
