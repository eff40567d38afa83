"""The shifts' calendar files. One entry per shift, always with the UID `shift-<id>@kringbot`, so
a later file replaces the entry: /shifts gives the member's shifts; when a shift changes hands
(an approved swap, the coordinator's assignment) the new holder gets a file that adds it and the
previous holder one that takes it out (METHOD:CANCEL); a two-way swap moves the shift in return
the other way, in a message and file of its own."""

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime

from bot.core.ics import CalendarItem, calendar_file, cancellation_file, shift_item
from bot.core.models import Shift
from bot.core.notices.shifts import (
    ReturnShiftMoved,
    ShiftCovered,
    ShiftSummary,
    SwapApproved,
    SwapOutcome,
)
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.shifts import texts


def _item(t: Translator, shift: ShiftSummary) -> CalendarItem:
    return shift_item(shift, texts.shift_title(t, shift.zone))


def shifts_calendar(
    t: Translator, shifts: list[Shift], versions: Mapping[int, int], stamp: datetime, kring: Kring
) -> bytes:
    items = [
        _item(t, replace(ShiftSummary.of(shift), sequence=versions.get(shift.id or 0, 0)))
        for shift in shifts
    ]
    return calendar_file(items, stamp, kring.name)


def gained(t: Translator, notice: SwapOutcome, kring: Kring) -> tuple[str, bytes]:
    """The new holder's file: the shift, as its newest version."""
    return _changed_hands(t, notice.swap.shift, kring, calendar_file)


def covered(t: Translator, notice: ShiftCovered, kring: Kring) -> tuple[str, bytes]:
    """The file of a shift the coordinator gave to a doctor (it had none)."""
    return _changed_hands(t, notice.shift, kring, calendar_file)


def lost(t: Translator, notice: SwapOutcome, kring: Kring) -> tuple[str, bytes]:
    """The previous holder's file: it takes the shift out of their calendar."""
    return _changed_hands(t, notice.swap.shift, kring, cancellation_file)


def _changed_hands(
    t: Translator,
    shift: ShiftSummary,
    kring: Kring,
    make: Callable[[list[CalendarItem], datetime, str], bytes],
) -> tuple[str, bytes]:
    stamp = shift.changed_at or shift.start
    return texts.shifts_calendar_filename(t), make([_item(t, shift)], stamp, kring.name)


def approved(t: Translator, notice: SwapApproved, kring: Kring) -> tuple[str, bytes]:
    return (gained if notice.holder else lost)(t, notice, kring)


def returned(t: Translator, notice: ReturnShiftMoved, kring: Kring) -> tuple[str, bytes]:
    """A two-way swap's shift in return: added for the requester, taken out for the taker."""
    assert notice.return_shift is not None, "only two-way swaps give a shift in return"
    make = calendar_file if notice.holder else cancellation_file
    return _changed_hands(t, notice.return_shift, kring, make)
