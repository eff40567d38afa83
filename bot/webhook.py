"""The webhook server: Telegram posts each update to WEBHOOK_URL with the secret registered by
setWebhook in a header; an update with the right secret goes into the Application's update queue.

PTB's own server compares the header with `!=`, which returns as soon as a character differs: the
time of a refusal tells an attacker how much of a guess was right. This one compares in constant
time (`hmac.compare_digest`). It answers as PTB's did: 403 without the right secret, 400 for a
body that is not an update, 200 once the update is queued.
"""

import hmac
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from bot.config import Settings

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
AnyApplication = Application[Any, Any, Any, Any, Any, Any]


def _as_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")  # aiohttp keeps odd header bytes this way


def webhook_app(app: AnyApplication, secret: str) -> web.Application:
    expected = _as_bytes(secret)

    async def receive(request: web.Request) -> web.Response:
        given = _as_bytes(request.headers.get(SECRET_HEADER, ""))
        if not hmac.compare_digest(given, expected):
            return web.Response(status=403, text="wrong secret token")
        try:
            update = Update.de_json(await request.json(), app.bot)
        except Exception:  # not JSON, or not an update: the body is not logged (member text)
            log.warning("webhook: a request with the right secret was not an update")
            return web.Response(status=400, text="not an update")
        await app.update_queue.put(update)
        return web.Response()

    server = web.Application()
    server.router.add_post("/", receive)
    return server


@asynccontextmanager
async def serving(app: AnyApplication, settings: Settings) -> AsyncIterator[None]:
    """Listen on WEBHOOK_LISTEN:WEBHOOK_PORT and tell Telegram to deliver to WEBHOOK_URL."""
    assert settings.webhook_url and settings.webhook_secret  # cli's _webhook_problem checked
    secret = settings.webhook_secret.get_secret_value()
    runner = web.AppRunner(webhook_app(app, secret), access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, settings.webhook_listen, settings.webhook_port).start()
        await app.bot.set_webhook(settings.webhook_url, secret_token=secret)
        yield
    finally:
        await runner.cleanup()
