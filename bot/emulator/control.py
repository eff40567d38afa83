"""The HTTP control API under ``/_control/``: thin wrappers over the in-process API.

Answers use the Bot API envelope (``{"ok": true, "result": ...}`` or ``ok: false`` with
``error_code`` and ``description``) and are only given to loopback clients.
"""

import base64
import binascii
import functools
import ipaddress
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web

from bot.emulator.errors import ApiError, ButtonNotFound, bad_request

if TYPE_CHECKING:
    from bot.emulator.server import Emulator

Handler = Callable[[web.Request], Awaitable[Any]]
FAULT_SETTINGS = {  # name -> how to read it from the JSON body
    "rate_429": float,
    "retry_after": int,
    "rate_403": float,
    "enforce_limits": bool,
    "seed": int,
    "rate_timeout": float,
    "timeout_seconds": float,
    "global_per_second": int,
}


def _is_loopback(remote: str | None) -> bool:
    try:
        return remote is not None and ipaddress.ip_address(remote).is_loopback
    except ValueError:
        return False


def _endpoint(handler: Handler) -> Callable[[web.Request], Awaitable[web.Response]]:
    """Wrap a handler's result or ApiError in the envelope; refuse non-loopback clients."""

    @functools.wraps(handler)
    async def wrapper(request: web.Request) -> web.Response:
        if not _is_loopback(request.remote):
            error = ApiError(403, "Forbidden: the control API only answers loopback clients")
            return web.json_response(error.to_dict(), status=403)
        try:
            result = await handler(request)
        except ApiError as exc:
            return web.json_response(exc.to_dict(), status=exc.error_code)
        return web.json_response({"ok": True, "result": result})

    return wrapper


async def _json_body(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError as exc:
        raise bad_request("the body must be a JSON object") from exc
    if not isinstance(body, dict):
        raise bad_request("the body must be a JSON object")
    return body


def _string(body: dict[str, Any], name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str) or not value:
        raise bad_request(f"{name} is required and must be a non-empty string")
    return value


def _number(raw: str | None, name: str, default: float) -> float:
    if raw is None:
        return default
    try:
        return float(raw)
    except ValueError:
        raise bad_request(f"{name} must be a number") from None


def _unknown_user(handle: str) -> ApiError:
    return ApiError(404, f"Not Found: unknown user {handle!r}")


def control_routes(emulator: "Emulator") -> list[web.RouteDef]:
    """The control routes, bound to ``emulator``."""

    def create_user(body: dict[str, Any]) -> dict[str, Any]:
        user_id = body.get("user_id")
        if user_id is not None and (not isinstance(user_id, int) or isinstance(user_id, bool)):
            raise bad_request("user_id must be an integer")
        try:
            return emulator.create_user(
                _string(body, "handle"),
                language_code=body.get("language_code") or "nl",
                first_name=body.get("first_name"),
                user_id=user_id,
                started=body.get("started") is True,
            )
        except ValueError as exc:
            raise bad_request(str(exc)) from exc

    @_endpoint
    async def users(request: web.Request) -> dict[str, Any] | list[dict[str, Any]]:
        """One user, or many at once: `{"users": [{handle, user_id, ...}, ...]}`."""
        body = await _json_body(request)
        many = body.get("users")
        if many is None:
            return create_user(body)
        if not isinstance(many, list) or not all(isinstance(user, dict) for user in many):
            raise bad_request("users must be a list of objects")
        return [create_user(user) for user in many]

    @_endpoint
    async def send(request: web.Request) -> dict[str, int]:
        body = await _json_body(request)
        handle = _string(body, "handle")
        document = body.get("document")
        if isinstance(document, dict):
            try:
                content = base64.b64decode(_string(document, "content_base64"), validate=True)
            except binascii.Error as exc:
                raise bad_request("document.content_base64 is not valid base64") from exc
            queued = emulator.queue_document(
                handle,
                _string(document, "filename"),
                content,
                document.get("mime_type") or "application/octet-stream",
                body.get("caption"),
            )
        else:
            queued = emulator.queue_text(handle, _string(body, "text"))
        return queued._asdict()

    @_endpoint
    async def tap(request: web.Request) -> dict[str, int]:
        body = await _json_body(request)
        try:
            owner = _string(body, "owner") if "owner" in body else None
            return {
                "update_id": emulator.tap(_string(body, "handle"), _string(body, "label"), owner)
            }
        except ButtonNotFound as exc:
            raise ApiError(404, f"Not Found: {exc}") from exc

    @_endpoint
    async def outbox(request: web.Request) -> list[dict[str, Any]]:
        return emulator.outbox(int(_number(request.query.get("since"), "since", 0)))

    @_endpoint
    async def refusals(request: web.Request) -> list[dict[str, Any]]:
        return emulator.refusals(int(_number(request.query.get("since"), "since", 0)))

    @_endpoint
    async def faults(request: web.Request) -> bool:
        body = await _json_body(request)
        unknown = body.keys() - FAULT_SETTINGS
        if unknown:
            raise bad_request(f"unknown fault settings: {', '.join(sorted(unknown))}")
        try:
            emulator.set_faults(
                **{
                    name: FAULT_SETTINGS[name](value)
                    for name, value in body.items()
                    if value is not None
                }
            )
        except (TypeError, ValueError) as exc:
            raise bad_request(str(exc)) from exc
        return True

    @_endpoint
    async def block(request: web.Request) -> bool:
        handle = _string(await _json_body(request), "handle")
        try:
            emulator.block(handle)
        except KeyError:
            raise _unknown_user(handle) from None
        return True

    @_endpoint
    async def wait(request: web.Request) -> bool:
        raw_id = request.query.get("update_id", "")
        if not raw_id.isdigit():
            raise bad_request("update_id query parameter is required")
        timeout = _number(request.query.get("timeout"), "timeout", 10.0)
        try:
            await emulator.wait_acked(int(raw_id), timeout)
        except TimeoutError as exc:
            raise ApiError(408, f"Request Timeout: {exc}") from exc
        return True

    @_endpoint
    async def commands(request: web.Request) -> dict[str, list[dict[str, Any]]]:
        return emulator.commands

    return [
        web.post("/_control/users", users),
        web.post("/_control/send", send),
        web.post("/_control/tap", tap),
        web.get("/_control/outbox", outbox),
        web.get("/_control/refusals", refusals),
        web.post("/_control/faults", faults),
        web.post("/_control/block", block),
        web.get("/_control/wait", wait),
        web.get("/_control/commands", commands),
    ]
