"""The environment that a Dask worker passes on to its limited children (issue 13)."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("dask")


@pytest.mark.parametrize(("before", "after"), [
    ("65536", None),  # Dask's nanny's value: the children keep glibc's default
    ("131072", "131072"),  # a user's own value stays
    (None, None),
])
def test_keep_glibc_trim(monkeypatch: pytest.MonkeyPatch, before: str | None, after: str | None) -> None:
    import dask

    from unref.corpus.cluster import _keep_glibc_trim

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    if before is not None:
        monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", before)
    with dask.config.set({"distributed.nanny.pre-spawn-environ": {"MALLOC_TRIM_THRESHOLD_": 65536}}):
        _keep_glibc_trim()
    assert os.environ.get("MALLOC_TRIM_THRESHOLD_") == after
