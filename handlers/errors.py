"""The error handler: domain errors become translated replies; anything else is logged with a
reference the member can quote, and the member gets a polite message instead of silence."""

import logging
import secrets

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.core.errors import DomainError
from bot.core.membership import language_for
from bot.i18n import translator
from handlers import render
from handlers.access import LANGUAGE_KEY
from handlers.context import KringContext

log = logging.getLogger(__name__)


async def on_error(update: object, context: KringContext) -> None:
    error = context.error
    if not isinstance(update, Update):
        log.error("error outside an update", exc_info=error)
        return
    kring = context.services.kring
    language = (context.user_data or {}).get(LANGUAGE_KEY) or language_for(
        update.effective_user.language_code if update.effective_user else None,
        kring.default_language,
    )
    t = translator(language, kring.timezone)
    if isinstance(error, DomainError):
        text = render.domain_error(t, error, kring)
    else:
        reference = secrets.token_hex(4)
        log.error("update %s failed [ref %s]", update.update_id, reference, exc_info=error)
        text = render.unexpected_error(t, reference)
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(render.plain(text), show_alert=True)
        elif update.effective_message is not None:
            await update.effective_message.reply_text(text)
    except Exception:  # the reply itself failed (Telegram down?): the log has the original
        log.exception("could not tell the user about an error")
    raise ApplicationHandlerStop  # no later handler group runs on a half-handled update
