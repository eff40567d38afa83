"""The error handler: domain errors become translated replies; anything else is logged with a
reference the member can quote, and the member gets a polite message instead of silence.

Which reply a domain error gets is looked up in a registry the features fill (their
`errors.ERRORS`), by the error's class or the nearest base class that has a reply."""

import logging
import secrets
import traceback
from collections.abc import Mapping
from pathlib import Path

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.core.errors import DomainError
from bot.core.membership import language_for
from bot.core.services import Kring
from bot.i18n import Translator, translator
from handlers import render, replies
from handlers.access import LANGUAGE_KEY
from handlers.context import KringContext
from handlers.feature import ErrorText

log = logging.getLogger(__name__)


def signature(error: BaseException) -> str:
    """The same bug gives the same signature: its type and where in our code it was raised."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if "site-packages" not in frame.filename] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    return f"{type(error).__name__} at {where}"


async def _report(context: KringContext, error: BaseException | None, reference: str) -> None:
    if error is None:
        return
    try:
        await context.services.errors.report(signature(error), reference)
    except Exception:  # e.g. the database is down: the log has it
        log.exception("could not queue the error report")


class ErrorReplies:
    def __init__(self, replies: Mapping[type[DomainError], ErrorText]) -> None:
        self.replies = dict(replies)

    def text(self, t: Translator, error: DomainError, kring: Kring) -> str:
        for kind in type(error).__mro__:
            reply = self.replies.get(kind)
            if reply is not None:
                return reply(t, error, kring)
        return render.unexpected_error(t, "-")

    async def on_error(self, update: object, context: KringContext) -> None:
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
            text = self.text(t, error, kring)
        else:
            reference = secrets.token_hex(4)
            log.error("update %s failed [ref %s]", update.update_id, reference, exc_info=error)
            text = render.unexpected_error(t, reference)
            await _report(context, error, reference)
        try:
            if update.callback_query is not None:
                # The handler may have answered the button before it failed: then the
                # explanation comes as a message (a query is answered once).
                await replies.answer(update.callback_query, text, alert=True)
            elif update.effective_message is not None:
                await update.effective_message.reply_text(text)
        except Exception:  # the reply itself failed (Telegram down?): the log has the original
            log.exception("could not tell the user about an error")
        raise ApplicationHandlerStop  # no later handler group runs on a half-handled update
