"""What the browser tests share: Debian's chromium driven by Playwright, the app served on loopback, a tab.

Never runs `playwright install`: the browser is the system's /usr/bin/chromium
(`apt-get install -y chromium`); the tests skip, saying so, when it is absent.
"""

from __future__ import annotations

import importlib.util
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from unref.serve import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

SKIPS = [
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason=f"{CHROMIUM} is absent: install it with `apt-get install -y chromium`"),
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None,
                       reason="playwright is not installed: pip install -e '.[dev]'"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def serving(store_url: str) -> Iterator[str]:
    """Serve the corpus at `store_url` with uvicorn in a thread on 127.0.0.1; yield its base URL."""
    import uvicorn

    app = create_app(store_url)
    config = uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not instance.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{config.port}"
    instance.should_exit = True
    thread.join(10)


@contextmanager
def launched() -> Iterator[Any]:
    """Start headless chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


class Tab:
    """A page of the browser that records script dialogs and refuses every request off the app."""

    def __init__(self, browser: Any, base: str, width: int = 1200, height: int = 900) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.console: list[str] = []  # errors and warnings the page logged (a policy violation is one)
        self.context.route("**/*", self._route)
        self.page.on("dialog", self._dialog)
        self.page.on("console", self._console)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.base + "/") or url.startswith("data:"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.console.append(message.text)

    def csp_errors(self) -> list[str]:
        """Return what the console said of the Content-Security-Policy (a refused script, style or fetch)."""
        return [m for m in self.console if "Content Security Policy" in m or "Content-Security-Policy" in m]

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def go(self, path: str) -> Any:
        """Open a path of the app; return the page."""
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == 200, path
        return self.page

    def shot(self, name: str, full: bool = True) -> None:
        """Save a screenshot to test-artifacts/."""
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"serve-{name}.png"), full_page=full)

    def close(self) -> None:
        """Close the tab, checking that it asked nothing of any other host, ran no dialog, and that the console
        shows no Content-Security-Policy error (every script and style comes from a file of the app)."""
        self.context.close()
        assert not self.outside, f"requests off the app: {self.outside}"
        assert not self.dialogs, f"script dialogs: {self.dialogs}"
        assert not self.csp_errors(), f"Content-Security-Policy errors: {self.csp_errors()}"


@pytest.fixture(scope="module", name="browser")
def browser_fixture() -> Iterator[Any]:
    """Start headless chromium once for the module."""
    with launched() as b:
        yield b


@pytest.fixture(name="tab")
def tab_fixture(browser: Any, server: str) -> Iterator[Tab]:
    """A fresh desktop-sized tab."""
    t = Tab(browser, server)
    yield t
    t.close()
