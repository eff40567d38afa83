"""Build the PTB Application: defaults, context type, handlers, ticks."""

import gc
import logging
from typing import Any
from zoneinfo import ZoneInfo

from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults
from telegram.request import BaseRequest, HTTPXRequest

import handlers
from bot.config import Settings
from bot.core.services import Services
from bot.http import AiohttpRequest
from bot.processing import OneChatInOrder
from bot.scheduling import SENDER_KEY, build_sender, install_ticks, sender_bot, sender_name
from bot.web.console import CHAT_KEY
from handlers import access
from handlers.console import ChatSide
from handlers.context import KringContext
from handlers.membership import menu
from handlers.replies import KringBot

KringApplication = Application[Any, KringContext, Any, Any, Any, Any]

INTERACTIVE_CONNECTIONS = 256  # what PTB's ApplicationBuilder gives a bot's replies


def _console_url(settings: Settings) -> str | None:
    address = settings.web_address
    return f"{address}/app/" if address.startswith("https://") else None


def build_application(
    settings: Settings,
    services: Services,
    *,
    token: str,
    base_url: str | None = None,
    base_file_url: str | None = None,
    request: BaseRequest | None = None,
    with_ticks: bool = True,
) -> KringApplication:
    """`with_ticks=False` leaves the periodic ticks to the caller (chat scripts run them when the
    simulated clock moves); `request` replaces the HTTP layer (handler tests record calls)."""
    urls = {"base_url": base_url, "base_file_url": base_file_url}
    bot = KringBot(
        token,
        **{name: url for name, url in urls.items() if url},
        # On aiohttp, not httpx: with many replies in flight (a webhook gets many chats'
        # updates at once) httpx's pool checks every open connection for each request.
        request=request or AiohttpRequest(INTERACTIVE_CONNECTIONS),
        get_updates_request=HTTPXRequest(),
        defaults=Defaults(parse_mode=ParseMode.HTML, tzinfo=ZoneInfo(settings.timezone)),
        console_url=_console_url(settings),
    )
    app: KringApplication = (
        ApplicationBuilder()
        .bot(bot)
        .context_types(ContextTypes(context=KringContext))
        .post_init(on_startup)
        .post_shutdown(on_shutdown)
        .concurrent_updates(OneChatInOrder(taken=access.expecting(services.updates)))
        .build()
    )
    app.bot_data["services"] = services
    app.bot_data[CHAT_KEY] = ChatSide(bot)  # what the console's pages share with the chat
    handlers.register(app)
    if with_ticks:
        bot = sender_bot(settings, token, base_url)
        app.bot_data[SENDER_KEY] = build_sender(bot, services, settings, sender_name(settings))
        install_ticks(app, settings.outbox_interval_seconds)
    return app


async def on_startup(app: KringApplication) -> None:
    """Publish the command menus (a refusal is logged, never fatal: see menu). PTB runs this
    under run_polling/run_webhook only; `kringbot run` and the chat harness call it themselves,
    and on_shutdown at the end."""
    services: Services = app.bot_data["services"]
    if SENDER_KEY in app.bot_data:
        await app.bot_data[SENDER_KEY].bot.initialize()
    await menu.publish_defaults(app.bot)
    await menu.publish_for_members(app.bot, await services.membership.managers())


def keep_startup_out_of_garbage_collection() -> None:
    """What start-up built (the knowledge-base index, catalogs, modules: some 300,000 objects)
    lives as long as the process. A full garbage collection would scan it all, half a second in
    which no member is answered (it fell in the middle of a 5,000-row roster import): frozen, it
    is left out of every collection. For a bot process (`kringbot run`), not for the many short
    sessions of a test run, whose garbage it would keep."""
    gc.collect()
    gc.freeze()


async def on_shutdown(app: KringApplication) -> None:
    """Close the outbox sender's connections (an aiohttp session)."""
    if SENDER_KEY in app.bot_data:
        await app.bot_data[SENDER_KEY].bot.shutdown()


class _Redact(logging.Filter):
    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self._secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = self._blank(record.getMessage()), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._blank(record.exc_text)
        return True

    def _blank(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "[secret]")
        return text


def keep_secrets_out_of_logs(settings: Settings) -> None:
    """The bot token is part of every Bot API URL, which httpx (INFO) and PTB (DEBUG) log; the
    webhook secret too. Every log handler gets a filter that blanks them out."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    secrets = [
        secret.get_secret_value()
        for secret in (settings.telegram_bot_token, settings.webhook_secret)
        if secret is not None and secret.get_secret_value()
    ]
    if secrets:
        for handler in logging.getLogger().handlers:
            handler.addFilter(_Redact(secrets))
