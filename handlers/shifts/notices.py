"""The outbox notices of the wachtdienst: swaps and shift reminders, with their buttons."""

from functools import partial
from typing import Any

from bot.core.services import Kring
from bot.i18n import Translator
from handlers.feature import Notice
from handlers.shifts import buttons, texts

SWAP_KINDS = (
    "swap_taken",
    "swap_approved",
    "swap_rejected",
    "swap_withdrawn",
    "swap_expired",
    "swap_warning",
)


def _text(kind: str, t: Translator, params: dict[str, Any], kring: Kring) -> str:
    return texts.swap_notification(t, kind, params)


def _take_over(t: Translator, params: dict[str, Any]) -> Any:
    return buttons.take_over(t, int(params["request_id"]))


NOTICES = {
    **{kind: Notice(partial(_text, kind)) for kind in SWAP_KINDS},
    "swap_offer": Notice(partial(_text, "swap_offer"), _take_over),
    "swap_follow_up": Notice(partial(_text, "swap_follow_up"), _take_over),
    "swap_approval": Notice(
        partial(_text, "swap_approval"),
        lambda t, params: buttons.decide_swap(t, int(params["request_id"])),
    ),
    "shift_reminder": Notice(
        partial(_text, "shift_reminder"),
        lambda t, params: buttons.handover(t, int(params["shift_id"])),
    ),
}
