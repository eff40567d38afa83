"""The translated replies to this feature's domain errors."""

from bot.core.broadcast import CAPTION_LIMIT
from bot.core.errors import (
    BroadcastClosed,
    DomainError,
    InvalidBroadcast,
)
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.feature import ErrorText


def _invalid_broadcast(t: Translator, error: InvalidBroadcast, kring: Kring) -> str:
    return {
        "empty": t.gettext("An announcement needs a text or a document."),
        "too_long": t.gettext(
            "This text is too long for one message (with a document: {limit} characters "
            "at most). Please shorten it."
        ).format(limit=CAPTION_LIMIT),
        "audience": t.gettext("This audience does not exist (any more)."),
        "past": t.gettext("That moment has passed. Please give a moment in the future."),
        "moment": t.gettext("Please send a date and time like 24/12/2026 08:00."),
    }[error.reason]


def _broadcast_closed(t: Translator, error: BroadcastClosed, kring: Kring) -> str:
    return t.gettext("This announcement has been sent or cancelled already.")


ERRORS: dict[type[DomainError], ErrorText] = {
    InvalidBroadcast: _invalid_broadcast,
    BroadcastClosed: _broadcast_closed,
}
