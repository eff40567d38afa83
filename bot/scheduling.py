"""Periodic ticks on the PTB JobQueue. They only claim due work from the database, so a tick
missed while the bot was down is simply caught up by the next one."""

import socket
import time
from typing import Any

from telegram import Bot
from telegram.ext import Application, ContextTypes

from bot.config import Settings
from bot.core.services import Services
from bot.http import AiohttpRequest
from bot.sender import Sender, SendLimits
from handlers import COMPOSER

SENDER_KEY = "sender"


async def run_due_work(sender: Sender, services: Services) -> None:
    """Everything that may have fallen due: what a tick does, and what a chat script runs after
    each line and after moving the clock."""
    await services.swaps.run_due()
    await services.roster.remind_due()
    await services.seats.expire_offers()
    await services.broadcasts.release_due()
    await services.digest.run_due()
    if sender.busy:  # an earlier tick is still sending (a large broadcast): it sends these too
        return
    await sender.send_due()
    if await services.broadcasts.finish_sent():
        await sender.send_due()  # the delivery reports
    await services.updates.forget_old()
    await services.buckets.forget_idle(time.time())
    await services.conversations.forget_expired()
    await services.privacy.apply_retention()


def build_sender(
    bot: Bot, services: Services, settings: Settings, name: str | None = None
) -> Sender:
    """`name`: see sender_name; a sender without one leaves rows it claimed to their lease."""
    limits = SendLimits(settings.outbox_rate_per_second, settings.outbox_concurrency)
    return Sender(
        bot,
        services.outbox,
        services.kring,
        COMPOSER.compose,
        limits,
        buckets=services.buckets,
        name=name,
        attach=COMPOSER.attachment,
    )


def sender_name(settings: Settings) -> str:
    """Who this process's sender is, the same after a restart: SENDER_NAME, or else the host
    name and the webhook port. Two processes running at the same time must not share it (one
    would take back rows the other is sending): replicas on one host listen on ports of their
    own, and containers have host names of their own; set SENDER_NAME where neither holds.
    A new name (a container's host name after re-creation) costs nothing but the quick
    take-back: the old name's rows return after their lease as before."""
    return settings.sender_name or f"{socket.gethostname()}:{settings.webhook_port}"


def sender_bot(settings: Settings, token: str, base_url: str | None) -> Bot:
    """A Bot with a connection pool of its own: a broadcast never queues interactive replies.
    It never asks for updates, but a Bot left to make its own `get_updates_request` builds an
    httpx client, reading the certificate bundle again at start-up (a tenth of a second on the
    test machine): an idle aiohttp one costs nothing until used."""
    request, unused = AiohttpRequest(settings.outbox_concurrency), AiohttpRequest(1)
    if base_url:
        return Bot(token, base_url=base_url, request=request, get_updates_request=unused)
    return Bot(token, request=request, get_updates_request=unused)


LAST_TICK_KEY = "last_tick"


def last_tick(app: Application[Any, Any, Any, Any, Any, Any]) -> float | None:
    """When the due-work tick last started (time.monotonic()), for the health check."""
    value = app.bot_data.get(LAST_TICK_KEY)
    return float(value) if value is not None else None


async def tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    app = context.application
    app.bot_data[LAST_TICK_KEY] = time.monotonic()
    await run_due_work(app.bot_data[SENDER_KEY], app.bot_data["services"])


def install_ticks(app: Application[Any, Any, Any, Any, Any, Any], interval: float) -> None:
    assert app.job_queue is not None, "install python-telegram-bot[job-queue]"
    # A second instance may start while a long broadcast keeps the first one sending; it
    # releases what fell due and leaves the sending to the first.
    app.job_queue.run_repeating(
        tick, interval=interval, first=1, name="due-work", job_kwargs={"max_instances": 2}
    )
