"""Errors that unref reports to users as one clear line."""

from __future__ import annotations


class UnrefError(Exception):
    """A failure that names the file and the reason, shown to users without a traceback."""

    def __init__(self, path: str | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path else reason)


class InputError(UnrefError):
    """The input cannot be read or is not a UN document."""
