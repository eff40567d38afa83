"""Outbox rows turned into a message in the recipient's language: text plus buttons.

Each feature registers the renderer of each of its notice classes (its `notices.NOTICES`); the
composition root hands `Composer.compose` to the sender. The composer decodes the row into its
typed notice (bot.core.notices) and dispatches on its class. A row it cannot read (an unknown
kind, or a payload without what its kind needs, as a newer version may write during a rolling
deploy) is an UnreadableMessage: the sender leaves it for later instead of failing on it."""

from collections.abc import Iterable
from typing import Any

from telegram import InlineKeyboardMarkup
from telegram.constants import MessageLimit

from bot.core.models import OutboxMessage
from bot.core.notices import Notice, UnreadableMessage
from bot.core.services import Kring
from bot.i18n import translator
from handlers import render
from handlers.feature import Renderer


class Composer:
    def __init__(self, renderers: Iterable[Renderer[Any]]) -> None:
        self.renderers: dict[type[Notice], Renderer[Any]] = {}
        for renderer in renderers:
            if renderer.notice in self.renderers:
                raise ValueError(f"two renderers of {renderer.notice.__name__}")
            self.renderers[renderer.notice] = renderer

    def compose(
        self, message: OutboxMessage, kring: Kring
    ) -> tuple[list[str], InlineKeyboardMarkup | None]:
        """The row's text in the parts Telegram accepts (a document's caption holds fewer
        characters than a message), and the buttons, which go under the last part."""
        notice = message.notice
        renderer = self.renderers.get(type(notice))
        if renderer is None:
            raise UnreadableMessage(f"nothing shows {message.kind!r}")
        t = translator(message.language, kring.timezone)
        markup = renderer.buttons(t, notice) if renderer.buttons else None
        # A row sent with a file has its text as the caption, which Telegram keeps shorter.
        captioned = bool(message.envelope.file_id) or renderer.document is not None
        limit = MessageLimit.CAPTION_LENGTH if captioned else render.MESSAGE_LIMIT
        return render.split(renderer.text(t, notice, kring), limit), markup

    def attachment(self, message: OutboxMessage, kring: Kring) -> tuple[str, bytes] | None:
        """The file made for this row (filename, content), if its notice comes with one."""
        renderer = self.renderers.get(type(message.notice))
        if renderer is None or renderer.document is None:
            return None
        return renderer.document(
            translator(message.language, kring.timezone), message.notice, kring
        )
