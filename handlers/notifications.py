"""Outbox rows turned into a message in the recipient's language: text plus buttons.

Each feature registers how its kinds are shown (its `notices.NOTICES`); the composition root
hands `Composer.compose` to the sender. A row it cannot read (an unknown kind, or a payload
without what its kind needs, as a newer version may write during a rolling deploy) is an
UnreadableMessage: the sender leaves it for later instead of failing on it."""

from collections.abc import Mapping

from telegram import InlineKeyboardMarkup

from bot.core.models import OutboxMessage
from bot.core.outbox import UnreadableMessage
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
            raise UnreadableMessage(f"unknown kind {message.kind!r}")
        t = translator(message.language, kring.timezone)
        try:
            markup = notice.buttons(t, message.params) if notice.buttons else None
            return notice.text(t, message.params, kring), markup
        except (KeyError, ValueError, TypeError) as error:
            raise UnreadableMessage(f"{message.kind}: {error!r}") from error
