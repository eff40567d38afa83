"""The emulator itself: an aiohttp server speaking the Bot API, plus its in-process API.

python-telegram-bot is pointed at it with
``ApplicationBuilder().base_url(emu.base_url).base_file_url(emu.base_file_url)``; PTB appends
the token, so calls arrive at ``/bot{token}/{method}`` and downloads at
``/file/bot{token}/{file_path}``.
"""

import asyncio
import contextlib
import gc
import json
import logging
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, NamedTuple

from aiohttp import web

from bot.emulator.control import control_routes
from bot.emulator.errors import ApiError
from bot.emulator.limits import Faults, RateLimits
from bot.emulator.methods import BotApi, Call
from bot.emulator.params import read_params
from bot.emulator.rules import MAX_UPLOAD_BYTES, check_call
from bot.emulator.state import World
from bot.emulator.updates import UpdateQueue
from bot.emulator.webhook import WebhookSender
from bot.web.initdata import sign_init_data

logger = logging.getLogger(__name__)

DEFAULT_TOKEN = "123456:EMULATOR"
DEFAULT_BOT_USERNAME = "kringbot_demo_bot"
MAX_REQUEST_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024  # an upload of 50 MB and the other fields


class Queued(NamedTuple):
    update_id: int
    message_id: int


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _bot_id(token: str) -> int:
    bot_id, _, secret = token.partition(":")
    if not bot_id.isdigit() or not secret:
        raise ValueError("token must look like '<bot id>:<secret>', e.g. '123456:EMULATOR'")
    return int(bot_id)


def _client_waiting(request: web.Request) -> bool:
    transport = request.transport
    return transport is not None and not transport.is_closing()


def _api_error(error: ApiError) -> web.Response:
    return web.json_response(error.to_dict(), status=error.error_code)


class Emulator:
    """A local Telegram Bot API server with a simulated set of users.

    It refuses what Telegram refuses, with Telegram's error texts, and keeps every refusal
    (:meth:`refusals`) so a test or a chat script can check that the bot caused none. The
    in-process methods below are what the chat client and tests use; the HTTP control API under
    ``/_control/`` wraps them. All of them must be called from the event loop the emulator runs
    in.

    ``update_id_seed`` makes the first update id repeatable (it is random otherwise, as with
    Telegram); ``loopback_webhooks`` accepts an http webhook on a loopback address (tests).
    """

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        bot_username: str = DEFAULT_BOT_USERNAME,
        now: Callable[[], datetime] | None = None,
        rate_limits: RateLimits | None = None,
        update_id_seed: int | None = None,
        loopback_webhooks: bool = False,
    ) -> None:
        self.token = token
        self.bot_username = bot_username
        bot_user = {
            "id": _bot_id(token),
            "is_bot": True,
            "first_name": "Kringbot",
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self._world = World(bot_user, now or _utc_now)
        first_update_id = random.Random(update_id_seed).randint(10_000_000, 900_000_000)
        self._updates = UpdateQueue(first_update_id)
        self._faults = Faults(rate_limits or RateLimits())
        self._api = BotApi(self._world, self._updates, self._faults, loopback_webhooks)
        self._refusals: list[dict[str, Any]] = []
        self._runner: web.AppRunner | None = None
        self._webhook_task: asyncio.Task[None] | None = None
        self._url_host = "127.0.0.1"
        self._stopped = False
        self.port = 0

    # Server lifecycle

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        """Listen on ``host:port``; port 0 picks a free port (see :attr:`port`)."""
        if self._runner is not None or self._stopped:
            raise RuntimeError("an emulator can be started only once")
        app = web.Application(client_max_size=MAX_REQUEST_SIZE)
        app.router.add_get("/bot{token}/{method}", self._handle_api)
        app.router.add_post("/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self._handle_file)
        app.router.add_routes(control_routes(self))
        # handler_cancellation ends a long poll as soon as its client goes away.
        runner = web.AppRunner(
            app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0
        )
        await runner.setup()
        try:
            await web.TCPSite(runner, host, port).start()
        except OSError:
            await runner.cleanup()
            raise
        self._runner = runner
        self.port = int(runner.addresses[0][1])
        if host in ("", "0.0.0.0", "::"):
            self._url_host = "127.0.0.1"
        else:
            self._url_host = f"[{host}]" if ":" in host else host
        sender = WebhookSender(self._updates, self._world.timestamp)
        self._webhook_task = asyncio.create_task(sender.run(), name="emulator-webhook")

    async def stop(self) -> None:
        """Release pending long polls and shut the server down (for good)."""
        self._stopped = True
        self._updates.close()
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task
            self._webhook_task = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def base_url(self) -> str:
        return f"http://{self._url_host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://{self._url_host}:{self.port}/file/bot"

    # HTTP handlers

    async def _handle_api(self, request: web.Request) -> web.Response:
        name = request.match_info["method"]
        params: dict[str, Any] = {}
        try:
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            method = self._api.method(name)
            if method is None:
                logger.warning("Bot API emulator: unknown method %r", name)
                raise ApiError(404, "Not Found")
            read = await read_params(request)
            params = read.values
            check_call(name, params, (len(upload.content) for upload in read.files.values()))
            result = await method(
                Call(params, read.files, is_alive=lambda: _client_waiting(request))
            )
        except ApiError as exc:
            self._refused(name, params, exc)
            if exc.delay:
                await asyncio.sleep(exc.delay)
            return _api_error(exc)
        return web.json_response({"ok": True, "result": result})

    def _refused(self, method: str, params: dict[str, Any], error: ApiError) -> None:
        refusal = {
            "seq": len(self._refusals) + 1,
            "method": method,
            "error_code": error.error_code,
            "description": error.description,
            "chat_id": params.get("chat_id"),
            "injected": error.injected,
        }
        self._refusals.append(refusal)
        logger.info("Bot API emulator refused %s: %s", method, error.description)

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _api_error(ApiError(401, "Unauthorized"))
        stored = self._world.file_at(request.match_info["file_path"])
        if stored is None:
            return _api_error(ApiError(404, "Not Found"))
        return web.Response(body=stored.content, content_type="application/octet-stream")

    # In-process API

    def create_user(
        self,
        handle: str,
        language_code: str = "nl",
        first_name: str | None = None,
        user_id: int | None = None,
        started: bool = False,
    ) -> dict[str, Any]:
        """Create a user (or return the existing one with this handle) as a Telegram User.

        Only a user who ``started`` the bot before, or who writes to it, can receive messages
        (Telegram: "bot can't initiate conversation with a user")."""
        user = self._world.create_user(handle, language_code, first_name, user_id, started)
        return user.to_dict()

    def user_id(self, handle: str) -> int:
        """The id of a known user; raises KeyError for an unknown handle."""
        return self._world.user(handle).id

    def send_message(self, handle: str, text: str) -> int:
        """The user sends ``text`` to the bot; returns the update_id."""
        return self.queue_text(handle, text).update_id

    def send_document(
        self,
        handle: str,
        filename: str,
        content: bytes,
        mime_type: str = "application/octet-stream",
        caption: str | None = None,
    ) -> int:
        """The user sends a document to the bot; returns the update_id."""
        return self.queue_document(handle, filename, content, mime_type, caption).update_id

    def queue_text(self, handle: str, text: str) -> Queued:
        """Like :meth:`send_message`, also returning the new message's id."""
        message = self._world.user_text(handle, text)
        return Queued(self._updates.push({"message": message}), message["message_id"])

    def queue_document(
        self,
        handle: str,
        filename: str,
        content: bytes,
        mime_type: str = "application/octet-stream",
        caption: str | None = None,
    ) -> Queued:
        """Like :meth:`send_document`, also returning the new message's id."""
        stored = self._world.store_file(filename, content, mime_type)
        message = self._world.user_document(handle, stored, caption)
        return Queued(self._updates.push({"message": message}), message["message_id"])

    def tap(self, handle: str, label: str, owner: str | None = None) -> int:
        """Press an inline button on the newest bot message that has one matching ``label``
        (in ``owner``'s chat when given: someone else's button).

        Raises:
            ButtonNotFound: no callback button's text contains ``label`` (case-insensitive).
        """
        query = self._world.press(handle, label, owner)
        return self._updates.push({"callback_query": query})

    def block(self, handle: str) -> None:
        """The user blocks the bot: sending to them fails with 403 until they write again."""
        self._world.user(handle).blocked = True

    def outbox(self, since: int = 0) -> list[dict[str, Any]]:
        """Every successful bot action with ``seq`` greater than ``since``, in order."""
        return self._world.outbox(since)

    def busiest_second(self) -> int:
        """The most messages (sent texts and documents) delivered within any one second of real
        time: how close the bot came to Telegram's overall limit."""
        return self._world.busiest_second()

    def refusals(self, since: int = 0) -> list[dict[str, Any]]:
        """Every Bot API call the emulator refused with ``seq`` greater than ``since``, in order:
        ``{seq, method, error_code, description, chat_id, injected}``; ``injected`` marks the
        faults a test asked for (:meth:`set_faults`)."""
        return [dict(refusal) for refusal in self._refusals[max(since, 0) :]]

    def set_faults(self, **settings: Any) -> None:
        """Make sending methods fail at the given rates (see :meth:`Faults.configure` for the
        settings); no settings switch every fault off."""
        self._faults.configure(**settings)

    async def wait_acked(self, update_id: int, timeout: float = 10.0) -> None:
        """Wait until the bot has fetched (and confirmed) the update; raises TimeoutError."""
        await self._updates.wait_acked(update_id, timeout)

    def file_bytes(self, file_id: str) -> bytes:
        """The content of a stored document; raises KeyError for an unknown file_id."""
        stored = self._world.file(file_id)
        if stored is None:
            raise KeyError(f"unknown file_id {file_id!r}")
        return stored.content

    def web_app_init_data(self, handle: str) -> str:
        """The initData Telegram hands a Mini App that this user opens now, signed with the
        bot's token as Telegram signs it."""
        user = self._world.user(handle)
        fields = {
            "auth_date": str(int(time.time())),
            "query_id": f"AAH{user.id}",
            "user": json.dumps(
                {"id": user.id, "first_name": user.first_name, "language_code": user.language_code},
                separators=(",", ":"),
            ),
        }
        return sign_init_data(fields, self.token)

    def menu_button(self, handle: str) -> dict[str, Any]:
        """The menu button a user sees next to the message field."""
        buttons = self._world.menu_buttons
        shown = buttons.get(self._world.user(handle).id) or buttons.get(0)
        return dict(shown or {"type": "default"})

    @property
    def commands(self) -> dict[str, list[dict[str, Any]]]:
        """Bot commands a private-chat user sees, per language code ("" = default)."""
        return self._world.commands_by_language()


async def serve(
    host: str = "127.0.0.1",
    port: int = 8081,
    *,
    token: str = DEFAULT_TOKEN,
    bot_username: str = DEFAULT_BOT_USERNAME,
) -> None:
    """Run an emulator until cancelled (``kringbot emulator``). What start-up built is kept out
    of garbage collection, as the bot process does (bot.app): a full collection over it stalled
    every answer for a tenth of a second or more, mid-broadcast, which Telegram does not do."""
    emulator = Emulator(token=token, bot_username=bot_username)
    await emulator.start(host, port)
    gc.collect()
    gc.freeze()
    logger.info(
        "Telegram Bot API emulator listening: base_url=%s base_file_url=%s token=%s",
        emulator.base_url,
        emulator.base_file_url,
        emulator.token,
    )
    try:
        await asyncio.Event().wait()
    finally:
        await emulator.stop()
