"""The translated replies to this feature's domain errors."""

from bot.core.errors import DomainError, SwapError, SwapReason
from bot.core.roster import RosterRejected, ShiftNotFound
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.feature import ErrorText
from handlers.shifts import roster_texts, texts


def _roster_rejected(t: Translator, error: RosterRejected, kring: Kring) -> str:
    return roster_texts.roster_rejected(t, error.problems)


def _swap_error(t: Translator, error: SwapError, kring: Kring) -> str:
    if error.reason is SwapReason.TOO_LATE:  # only a call helps now
        return texts.swap_error(t, error.reason) + "\n" + texts.coordinator_phone(t, kring)
    return texts.swap_error(t, error.reason)


def _shift_not_found(t: Translator, error: ShiftNotFound, kring: Kring) -> str:
    return texts.swap_error(t, "not_your_shift")


ERRORS: dict[type[DomainError], ErrorText] = {
    RosterRejected: _roster_rejected,
    SwapError: _swap_error,
    ShiftNotFound: _shift_not_found,
}
