"""The one error shape of the server: ``{"error": {"status": 404, "message": "..."}}``."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

__all__ = ["ApiError", "ErrorBody", "ErrorResponse", "error_json"]


class ApiError(Exception):
    """An error to report to the client with an HTTP status and a one-line message."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


class ErrorBody(BaseModel):
    """What went wrong: the HTTP status and a message for people."""

    status: int
    message: str


class ErrorResponse(BaseModel):
    """Every error the server gives, whatever the route."""

    error: ErrorBody


def error_json(status: int, message: str) -> dict[str, Any]:
    """Return the error body for this status and message."""
    return {"error": {"status": status, "message": message}}
