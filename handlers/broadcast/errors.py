"""The translated replies to this feature's domain errors."""

from bot.core.broadcast import invalid_broadcast_text
from bot.core.errors import (
    BroadcastClosed,
    DomainError,
    InvalidBroadcast,
)
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.feature import ErrorText


def _invalid_broadcast(t: Translator, error: InvalidBroadcast, kring: Kring) -> str:
    return invalid_broadcast_text(t, error.reason)


def _broadcast_closed(t: Translator, error: BroadcastClosed, kring: Kring) -> str:
    return t.gettext("This announcement has been sent or cancelled already.")


ERRORS: dict[type[DomainError], ErrorText] = {
    InvalidBroadcast: _invalid_broadcast,
    BroadcastClosed: _broadcast_closed,
}
