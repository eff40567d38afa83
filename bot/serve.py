"""`kringbot run` with a token: the bot on Telegram (polling, or a webhook), with its one web
server beside it (webhook, calendar feeds, console, health), inside one event loop, until SIGINT
or SIGTERM."""

import asyncio
import logging
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from bot.config import Settings

if TYPE_CHECKING:
    from telegram.ext import Application

    from bot.chat import ChatSession
    from bot.services import Wiring
    from bot.web.server import WebServer

log = logging.getLogger("kringbot")
WEBHOOK_PORTS = (443, 80, 88, 8443)  # the only ones Telegram delivers to


def web_server(
    app: "Application[Any, Any, Any, Any, Any, Any]",
    wiring: "Wiring",
    settings: Settings,
    webhook: bool,
) -> "WebServer":
    """One server for the webhook (when there is one), the calendar feeds and /healthz."""
    from bot.scheduling import last_tick
    from bot.web.health import Health
    from bot.web.server import WebServer, WebSettings, build_web_app
    from store.db import ping

    if webhook:
        assert settings.webhook_url and settings.webhook_secret  # webhook_problem checked
        web_settings = WebSettings(
            settings.webhook_listen,
            settings.webhook_port,
            webhook_path=urlsplit(settings.webhook_url).path or "/",
            webhook_secret=settings.webhook_secret.get_secret_value(),
        )
    else:
        web_settings = WebSettings(settings.web_listen, settings.web_port)
    health = Health(
        lambda: ping(wiring.engine), lambda: last_tick(app), settings.outbox_interval_seconds
    )
    return WebServer(build_web_app(app, wiring.services, health, web_settings), web_settings)


@asynccontextmanager
async def demo_console(session: "ChatSession", port: int) -> AsyncIterator[list[str]]:
    """The console beside a demo chat session (`make run`, `kringbot web`), on loopback: yields
    one line `<handle> <address>` per demo person, each address carrying the initData the
    emulator signed for them as Telegram would, valid for this run."""
    from bot.demo import DEMO_PEOPLE
    from bot.web.health import Health
    from bot.web.server import WebServer, WebSettings, build_web_app
    from store.db import ping

    settings = WebSettings("127.0.0.1", port)
    health = Health(lambda: ping(session.wiring.engine), lambda: None, 3600.0)
    server = WebServer(
        build_web_app(session.app, session.wiring.services, health, settings), settings
    )
    await server.start()
    try:
        yield [
            f"{person.handle} http://127.0.0.1:{server.port}/app/#tgWebAppData="
            + quote(session.emulator.web_app_init_data(person.handle))
            for person in DEMO_PEOPLE
        ]
    finally:
        await server.stop()


def file_url(api_base: str | None) -> str | None:
    """Bot API servers serve files beside the API: …/bot<token> and …/file/bot<token>."""
    if api_base is None or not api_base.endswith("/bot"):
        return None
    return api_base.removesuffix("bot") + "file/bot"


def webhook_problem(settings: Settings, local_api: bool) -> str | None:
    """What keeps Telegram from delivering to WEBHOOK_URL, in one line; None when nothing.

    Telegram delivers only over https to ports 443, 80, 88 and 8443; a local Bot API server
    (`--api-base`) may also deliver over http to this machine."""
    url = settings.webhook_url
    if not url or settings.webhook_secret is None:
        return "--webhook needs WEBHOOK_URL and WEBHOOK_SECRET"
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return f"WEBHOOK_URL has no valid port: {url}"
    if local_api and parts.scheme in ("http", "https") and parts.hostname in _LOOPBACK:
        return None
    if parts.scheme != "https" or not parts.hostname:
        return f"WEBHOOK_URL must be an https:// URL (Telegram delivers only over https): {url}"
    if port not in WEBHOOK_PORTS:
        return f"WEBHOOK_URL must use port 443, 80, 88 or 8443 (Telegram allows no other): {url}"
    return None


_LOOPBACK = ("127.0.0.1", "localhost", "::1")


async def serve(app: object, settings: Settings, web: "WebServer", webhook: bool) -> None:
    """Run polling or webhook inside our own event loop (PTB's run_* would start another), with
    PTB's hooks around it as run_* would call them: post_init, and post_shutdown (which closes
    the outbox sender's connections) however the bot stops."""
    from telegram.ext import Application

    assert isinstance(app, Application)
    try:
        async with app:
            await _until_stopped(app, settings, web, webhook)
    finally:
        if app.post_shutdown:
            await app.post_shutdown(app)


async def _until_stopped(
    app: "Application[Any, Any, Any, Any, Any, Any]",
    settings: Settings,
    web: "WebServer",
    webhook: bool,
) -> None:
    from telegram import Update

    from bot.app import keep_startup_out_of_garbage_collection

    updater = app.updater
    assert updater is not None
    if app.post_init:
        await app.post_init(app)
    keep_startup_out_of_garbage_collection()
    await web.start()
    if webhook:
        assert settings.webhook_url and settings.webhook_secret  # webhook_problem checked
        await app.bot.set_webhook(
            settings.webhook_url,
            secret_token=settings.webhook_secret.get_secret_value(),
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        await updater.start_polling()
    await app.start()
    log.info("kringbot is running (web server on port %d); Ctrl-C stops it", web.port)
    stop = asyncio.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(signum, stop.set)
    await stop.wait()
    log.info("stopping")
    if updater.running:
        await updater.stop()
    await web.stop()
    await app.stop()
