"""The deadline of a parse under way: a time limit that loops deep inside a stage can look at.

A page can hold millions of glyphs and pdfium gives no callback, so a limit checked between pages comes too late:
the glyph loop (read/pdf/glyphs.py) looks at the clock itself. The sandbox sets the limit around every parse. This
module is apart from the PDF reader so that a parse of text (the sandbox's child) never imports pypdfium2.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from unref.errors import LimitError

# (monotonic time at which the limit ends, the limit in seconds) of the parse under way, or None.
DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("unref_glyph_deadline", default=None)


@contextmanager
def time_limit(timeout: float) -> Iterator[None]:
    """Within, `check_clock(DEADLINE.get())` raises LimitError("timeout") once `timeout` seconds (> 0) have passed.

    A limit set around this one that ends sooner still holds. The error names no file; the code that knows the
    file's name adds it.
    """
    mine = (time.monotonic() + timeout, timeout) if timeout > 0 else None
    outer = DEADLINE.get()
    if outer is not None and (mine is None or outer[0] < mine[0]):
        mine = outer  # a limit set around this one (the sandbox's) that ends sooner still holds
    token = DEADLINE.set(mine)
    try:
        yield
    finally:
        DEADLINE.reset(token)


def check_clock(limit: tuple[float, float] | None) -> None:
    """Raise LimitError("timeout") when the reading under way is past its deadline."""
    if limit is not None and time.monotonic() > limit[0]:
        raise LimitError(None, f"reading took longer than {limit[1]:g} s (the limit)", "timeout")
