"""serve: the corpus as a REST API and web pages (read-only; parsing uploads needs a token).

`create_app(store_url, token=...)` returns the ASGI application; `unref serve` runs it.
"""

from __future__ import annotations

from .app import Settings, create_app

__all__ = ["Settings", "create_app"]
