"""Outbox rows turned into a message in the recipient's language: text plus buttons.

Each feature registers how its kinds are shown (its `notices.NOTICES`); the composition root
hands `Composer.compose` to the sender."""

from collections.abc import Mapping

from telegram import InlineKeyboardMarkup

from bot.core.models import OutboxMessage
from bot.core.services import Kring
from bot.i18n import translator
from handlers.feature import Notice


class Composer:
    def __init__(self, notices: Mapping[str, Notice]) -> None:
        self.notices = dict(notices)

    def compose(
        self, message: OutboxMessage, kring: Kring
    ) -> tuple[str, InlineKeyboardMarkup | None]:
        notice = self.notices.get(message.kind)
        if notice is None:
            raise ValueError(f"unknown notification kind {message.kind!r}")
        t = translator(message.language, kring.timezone)
        markup = notice.buttons(t, message.params) if notice.buttons else None
        return notice.text(t, message.params, kring), markup
