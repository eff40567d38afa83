"""Periodic ticks on the PTB JobQueue. They only claim due work from the database, so a tick
missed while the bot was down is simply caught up by the next one."""

import logging
from datetime import timedelta
from typing import Any

from telegram import Bot
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
from telegram.ext import Application, ContextTypes

from bot.core.outbox import retry_delay
from bot.core.services import Services
from handlers.notifications import compose

log = logging.getLogger(__name__)


async def send_due_outbox(bot: Bot, services: Services) -> int:
    """Send every due outbox row; return how many were sent. Stops early when Telegram asks us
    to wait, leaving the rest for the next tick."""
    sent = 0
    while batch := await services.outbox.claim_due():
        for position, message in enumerate(batch):
            if services.outbox.too_late(message):
                await services.outbox.expire(message)
                continue
            text, markup = compose(message, services.kring)
            try:
                result = await bot.send_message(message.chat_id, text, reply_markup=markup)
            except Forbidden as error:
                await services.outbox.mark_unreachable(message, error.message)
            except RetryAfter as error:
                delay = _as_timedelta(error.retry_after)
                for waiting in batch[position:]:
                    await services.outbox.postpone(waiting, delay, error.message)
                return sent
            except BadRequest as error:
                log.error("outbox %s refused by Telegram: %s", message.id, error.message)
                await services.outbox.fail(message, error.message)
            except TelegramError as error:
                await services.outbox.postpone(
                    message, retry_delay(message.attempts + 1), error.message
                )
            else:
                await services.outbox.mark_sent(message, result.message_id)
                sent += 1
    return sent


def _as_timedelta(retry_after: int | timedelta) -> timedelta:
    """PTB 22 gives retry_after as int seconds or as a timedelta, depending on its settings."""
    return retry_after if isinstance(retry_after, timedelta) else timedelta(seconds=retry_after)


async def run_due_work(bot: Bot, services: Services) -> None:
    """Everything that may have fallen due: what a tick does, and what a chat script runs after
    each line and after moving the clock."""
    await services.swaps.run_due()
    await services.roster.remind_due()
    await services.cme.expire_offers()
    await send_due_outbox(bot, services)
    await services.updates.forget_old()
    await services.privacy.apply_retention()


async def tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    await run_due_work(context.bot, context.application.bot_data["services"])


def install_ticks(app: Application[Any, Any, Any, Any, Any, Any], interval: float) -> None:
    assert app.job_queue is not None, "install python-telegram-bot[job-queue]"
    app.job_queue.run_repeating(tick, interval=interval, first=1, name="due-work")
