"""Every reason of every domain error has its own reply. The renderers key their replies by the
reasons' values, so a reason whose value changed (or a new one without a reply) fails here."""

import pytest

from bot.core.errors import (
    BroadcastReason,
    CheckInReason,
    DomainError,
    EventNotAvailable,
    EventReason,
    InvalidBroadcast,
    InvalidCheckIn,
    InvalidEvent,
    InvalidRiziv,
    InviteInvalid,
    InviteReason,
    RizivReason,
    SwapError,
    SwapReason,
    TableReason,
    UnavailableReason,
    UnreadableTable,
)
from bot.core.fees import FeeInputReason, InvalidFeeInput
from bot.core.locum import InvalidReplacement, ReplacementReason
from bot.core.roster import RosterReason, RosterRejected
from bot.core.services import Kring
from bot.i18n import translator
from handlers import ERRORS, render

KRING = Kring(name="Huisartsenkring Demo", contact="coord@kring.example")

# Per error, one instance for each of its reasons.
GROUPS: dict[str, list[DomainError]] = {
    "riziv": [InvalidRiziv(reason) for reason in RizivReason],
    "invite": [InviteInvalid(reason) for reason in InviteReason],
    "table": [UnreadableTable(reason, ("datum",)) for reason in TableReason],
    "event_not_available": [EventNotAvailable(reason) for reason in UnavailableReason],
    "check_in": [InvalidCheckIn(reason) for reason in CheckInReason],
    "event": [InvalidEvent(reason, line=3) for reason in EventReason],
    "broadcast": [InvalidBroadcast(reason) for reason in BroadcastReason],
    "swap": [SwapError(reason) for reason in SwapReason],
    "fee": [InvalidFeeInput(reason) for reason in FeeInputReason],
    "replacement": [InvalidReplacement(reason) for reason in ReplacementReason],
    "roster": [RosterRejected([(2, reason, "x")]) for reason in RosterReason],
}


@pytest.mark.parametrize("errors", GROUPS.values(), ids=GROUPS.keys())
def test_every_reason_has_a_reply_of_its_own(errors: list[DomainError]) -> None:
    """A reason missing from a renderer's table raises KeyError; one that falls through to a
    default reply shares it with another reason."""
    t = translator("en")
    replies = [ERRORS.text(t, error, KRING) for error in errors]
    assert render.unexpected_error(t, "-") not in replies
    assert len(set(replies)) == len(replies)
