"""The outbox notices of the wachtdienst: swaps and shift reminders, with their buttons."""

from collections.abc import Callable
from typing import Any

from telegram import InlineKeyboardMarkup

from bot.core.notices import shifts as notices
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.feature import Renderer
from handlers.shifts import buttons, calendar_files, notice_texts


def _take_over(
    t: Translator, notice: notices.SwapOffer | notices.SwapFollowUp
) -> InlineKeyboardMarkup:
    return buttons.take_over(t, notice.swap.request_id)


def _outcome(
    kind: type[notices.SwapOutcome],
    document: Callable[[Translator, Any, Kring], tuple[str, bytes]] | None = None,
) -> Renderer[notices.SwapOutcome]:
    """The steps of a request after it was taken: one text each, no buttons; when the shift
    changed hands, the calendar file that follows the change."""
    return Renderer(
        kind, lambda t, notice, kring: notice_texts.swap_outcome(t, notice), document=document
    )


NOTICES = (
    Renderer(
        notices.SwapOffer, lambda t, notice, kring: notice_texts.swap_offer(t, notice), _take_over
    ),
    Renderer(
        notices.SwapFollowUp,
        lambda t, notice, kring: notice_texts.swap_offer(t, notice),
        _take_over,
    ),
    Renderer(
        notices.SwapApproval,
        lambda t, notice, kring: notice_texts.swap_outcome(t, notice),
        lambda t, notice: buttons.decide_swap(t, notice.swap.request_id),
    ),
    _outcome(notices.SwapTaken),
    _outcome(notices.SwapApproved, calendar_files.approved),
    Renderer(
        notices.ReturnShiftMoved,
        lambda t, notice, kring: notice_texts.return_shift_moved(t, notice),
        document=calendar_files.returned,
    ),
    _outcome(notices.SwapRejected),
    _outcome(notices.SwapWithdrawn),
    _outcome(notices.SwapExpired),
    _outcome(notices.SwapWarning),
    _outcome(notices.ShiftAssigned, calendar_files.gained),
    _outcome(notices.ShiftReassigned, calendar_files.lost),
    Renderer(
        notices.SwapUrgent,
        lambda t, notice, kring: notice_texts.swap_urgent(t, notice, kring),
        lambda t, notice: buttons.take_over(t, notice.swap.request_id),
    ),
    Renderer(
        notices.ShiftCovered,
        lambda t, notice, kring: notice_texts.shift_covered(t, notice),
        document=calendar_files.covered,
    ),
    Renderer(notices.SickReport, lambda t, notice, kring: notice_texts.sick_report(t, notice)),
    Renderer(
        notices.RosterChanged, lambda t, notice, kring: notice_texts.roster_changed(t, notice)
    ),
    Renderer(
        notices.ShiftsUncovered, lambda t, notice, kring: notice_texts.shifts_uncovered(t, notice)
    ),
    Renderer(
        notices.ShiftReminder,
        lambda t, notice, kring: notice_texts.shift_reminder(t, notice),
        lambda t, notice: buttons.handover(t, notice.shift.shift_id),
    ),
)
