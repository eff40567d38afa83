"""Build the PTB Application: defaults, context type, handlers, ticks."""

import logging
from typing import Any
from zoneinfo import ZoneInfo

from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults
from telegram.request import BaseRequest

import handlers
from bot.config import Settings
from bot.core.services import Services
from bot.scheduling import install_ticks
from handlers import menu
from handlers.context import KringContext

KringApplication = Application[Any, KringContext, Any, Any, Any, Any]


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
    builder = (
        ApplicationBuilder()
        .token(token)
        .defaults(Defaults(parse_mode=ParseMode.HTML, tzinfo=ZoneInfo(settings.timezone)))
        .context_types(ContextTypes(context=KringContext))
        .post_init(on_startup)
    )
    if base_url:
        builder = builder.base_url(base_url)
    if base_file_url:
        builder = builder.base_file_url(base_file_url)
    if request is not None:
        builder = builder.request(request)
    app: KringApplication = builder.build()
    app.bot_data["services"] = services
    handlers.register(app)
    if with_ticks:
        install_ticks(app, settings.outbox_interval_seconds)
    return app


async def on_startup(app: KringApplication) -> None:
    """Publish the command menus. PTB runs this under run_polling/run_webhook only; the chat
    harness calls it itself."""
    services: Services = app.bot_data["services"]
    await menu.publish_defaults(app.bot)
    await menu.publish_for_members(app.bot, await services.membership.managers())


def quiet_http_logs() -> None:
    """httpx logs every request URL at INFO, and the URL contains the bot token."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
