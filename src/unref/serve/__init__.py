"""serve: the corpus as a REST API and web pages (read-only; parsing uploads needs a token).

`create_app(store_url, token=...)` returns the ASGI application; `unref serve` runs it.
"""

from __future__ import annotations

from unref.serve.app import create_app
from unref.serve.context import Settings

__all__ = ["Settings", "create_app"]
