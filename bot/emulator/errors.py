"""Errors raised by the emulator, shaped like the real Bot API's error answers."""

from typing import Any


class ApiError(Exception):
    """A Bot API error answer: ``{"ok": false, "error_code": ..., "description": ...}``.

    The HTTP status of the answer equals ``error_code``, as with the real Telegram servers,
    because python-telegram-bot maps errors by HTTP status.
    """

    def __init__(
        self,
        error_code: int,
        description: str,
        parameters: dict[str, Any] | None = None,
        delay: float = 0.0,
        injected: bool = False,
    ) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.parameters = parameters
        self.delay = delay  # seconds the server lets the client wait before answering
        self.injected = injected  # a fault a test asked for, not one of Telegram's rules

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(reason: str) -> ApiError:
    return ApiError(400, f"Bad Request: {reason}")


def forbidden(reason: str) -> ApiError:
    return ApiError(403, f"Forbidden: {reason}")


def conflict(reason: str) -> ApiError:
    return ApiError(409, f"Conflict: {reason}")


def too_many_requests(retry_after: int) -> ApiError:
    return ApiError(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )


def gateway_timeout(delay: float) -> ApiError:
    """A server that hangs, then gives up: the client times out first if its timeout is shorter."""
    return ApiError(504, "Gateway Timeout", delay=delay)


class ButtonNotFound(Exception):
    """No bot message in the user's chat has an inline callback button matching the label."""
