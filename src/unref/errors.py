"""Errors that unref reports to users as one clear line.

A library error says what went wrong in words and names no command-line option: the same
reason reaches a caller of `unref.parse`, an HTTP client of `unref serve` and a user of the
CLI, and only the CLI has options. The CLI adds its option's name where it prints the error
(`LimitError.limit` tells it which limit was reached).
"""

from __future__ import annotations

from typing import Any

__all__ = ["InputError", "LimitError", "UnrefError"]


class UnrefError(Exception):
    """A failure that names the file and the reason, shown to users without a traceback."""

    def __init__(self, path: str | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path else reason)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle by state, not by calling __init__ again with `args` (the one-line message), which
        # the subclasses' signatures do not take: so an error crosses a process pool intact.
        return (_restore, (type(self), self.args, self.__dict__))


def _restore(cls: type[UnrefError], args: tuple[Any, ...], state: dict[str, Any]) -> UnrefError:
    """Return the unpickled error: its class, message and attributes, without running its __init__."""
    err = cls.__new__(cls)
    Exception.__init__(err, *args)
    err.__dict__.update(state)
    return err


class InputError(UnrefError):
    """The input cannot be read or is not a UN document."""


class LimitError(InputError):
    """The input is over a limit that its reader was given: too many pages, or reading took too long.

    `limit` names the limit as the keyword argument of `unref.parse` that sets it ("max_pages",
    "timeout"), so that a front end can name its own option for it; the reason says the limit in
    words ("reading took longer than 120 s (the time limit)").
    """

    def __init__(self, path: str | None, reason: str, limit: str) -> None:
        super().__init__(path, reason)
        self.limit = limit
