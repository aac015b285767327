"""What every view reads from the app that serves a request: its settings, its pool of stores, its templates.

api.py and pages.py import these from here, and app.py imports api.py and pages.py to mount them:
the views never import the module that builds the app.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from unref.serve.corpus import Corpus

__all__ = ["Settings", "corpus_of", "html", "parse_slots_for", "settings_of", "symbol_view", "usable_cpus"]


@dataclass(frozen=True, slots=True)
class Settings:
    """The server's configuration and limits."""

    store_url: str
    token: str | None = None
    max_upload: int = 20 * 1024 * 1024  # bytes of one upload to /api/parse
    query_timeout: float = 5.0  # seconds of database work per request
    max_rows: int = 1000  # rows a list returns; hits a search can page through
    page_size: int = 20  # hits per page when the client does not say
    facet_sample: int = 100  # top hits whose documents the search page counts into facets
    pool_size: int = 8  # database connections
    parse_timeout: float = 60.0  # seconds to read an uploaded PDF
    parse_max_pages: int = 300
    parse_workers: int = field(default_factory=lambda: parse_slots_for(usable_cpus()))  # uploads parsed at once


#: Uploads parsed at once, at most (each in a child of up to 1 GiB that keeps a core busy while it parses).
MAX_PARSE_SLOTS = 2


def usable_cpus() -> int:
    """Return the CPUs this process may run on (its affinity where the system says, else the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def parse_slots_for(cpus: int) -> int:
    """Return how many uploads to parse at once on `cpus` CPUs: one core is left to the server's own work, since a
    parse keeps a core busy for up to its time limit (on 2 CPUs, two hostile uploads at once doubled the p95 of
    ordinary requests: bench/load.py --upload-clients), and at least one upload is parsed."""
    return max(1, min(MAX_PARSE_SLOTS, cpus - 1))


def settings_of(request: Request) -> Settings:
    """Return the configuration of the app that serves `request`."""
    settings: Settings = request.app.state.settings
    return settings


def corpus_of(request: Request) -> Corpus:
    """Return the pool of stores of the app that serves `request`."""
    corpus: Corpus = request.app.state.corpus
    return corpus


def symbol_view(request: Request, view: Callable[..., dict[str, Any]], symbol: str, lang: str | None,
                *args: Any, **options: Any) -> dict[str, Any]:
    """Return `view(store, symbol, *args, ...)` (cites, cited by, thread, family, neighbourhood) on a lent store,
    in `lang` where the corpus holds copies, capped at the server's row limit."""
    with corpus_of(request).store() as store:
        return view(store, symbol, *args, language=lang, max_rows=settings_of(request).max_rows, **options)


def html(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """Return a page rendered from a template."""
    templates: Jinja2Templates = request.app.state.templates
    response: HTMLResponse = templates.TemplateResponse(request, template, context, status_code=status)
    return response
