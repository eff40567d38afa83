"""shifts: commands and buttons"""

from collections.abc import Sequence
from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.models import (
    Member,
    Shift,
    SwapKind,
)
from bot.core.roster import REMINDER_CHOICES
from bot.core.swap_views import SwapView
from bot.i18n import Translator
from handlers.audience import Audience, Command, Prefix
from handlers.keyboards import LIST_LIMIT, data, one_button, rows
from handlers.picker import Choice, member_choice
from handlers.shifts import roster_texts, texts

# Commands

SHIFTS_COMMAND = Command("shifts", Audience.MEMBER, ("diensten", "gardes"))
SWAPS_COMMAND = Command("swaps", Audience.MEMBER, ("wissels", "echanges"))
ROSTER_COMMAND = Command("roster", Audience.MANAGER, ("rooster", "planning"))
APPROVALS_COMMAND = Command("approvals", Audience.MANAGER, ("goedkeuren", "approuver"))
EXPORT_COMMAND = Command("export", Audience.MANAGER, ("exporteren", "exporter"))

# Buttons (callback-data prefixes)


REMINDER = Prefix("remind", Audience.MEMBER)
SHIFT_SWAP = Prefix("ruil", Audience.MEMBER)
SWAP_KIND = Prefix("swkind", Audience.MEMBER)
SWAP_AUDIENCE = Prefix("swto", Audience.MEMBER)
SWAP_PICK = Prefix("swpick", Audience.MEMBER)
SWAP_PICK_PAGE = Prefix("swpickpg", Audience.MEMBER)
SWAP_SEND = Prefix("swsend", Audience.MEMBER)
SWAP_STOP = Prefix("swstop", Audience.MEMBER)
SWAP_TAKE = Prefix("swtake", Audience.MEMBER)
SWAP_RETURN = Prefix("swback", Audience.MEMBER)
SWAP_WITHDRAW = Prefix("swwd", Audience.MEMBER)
SWAP_SICK = Prefix("swsick", Audience.MEMBER)
SHIFTS_CALENDAR = Prefix("shics", Audience.MEMBER)
HANDOVER = Prefix("shok", Audience.MEMBER)
SWAP_APPROVE = Prefix("swok", Audience.MANAGER)
SWAP_REJECT = Prefix("swno", Audience.MANAGER)
SWAP_TRAIL = Prefix("swtrail", Audience.MANAGER)
ROSTER_TALLY = Prefix("rtally", Audience.MANAGER)
ROSTER_TEMPLATE = Prefix("rtemplate", Audience.MANAGER)
ROSTER_EXEMPT = Prefix("rexempt", Audience.MANAGER)
ROSTER_EXEMPT_PAGE = Prefix("rexemptpg", Audience.MANAGER)
ROSTER_EXEMPT_SET = Prefix("rexset", Audience.MANAGER)
ROSTER_BEHALF = Prefix("rbehalf", Audience.MANAGER)
ROSTER_BEHALF_PAGE = Prefix("rbehalfpg", Audience.MANAGER)
ROSTER_BEHALF_FOR = Prefix("rbfor", Audience.MANAGER)
ROSTER_ASSIGN = Prefix("rassign", Audience.MANAGER)
ROSTER_ASSIGN_PAGE = Prefix("rassignpg", Audience.MANAGER)
ROSTER_ASSIGN_TO = Prefix("rassignto", Audience.MANAGER)
EXPORT_SWAPS = Prefix("xswaps", Audience.MANAGER)
EXPORT_AUDIT = Prefix("xaudit", Audience.MANAGER)


EVERYONE = 0  # the target of a swap request open to every eligible colleague


def reminder_choices(t: Translator) -> InlineKeyboardMarkup:
    return rows(
        *[(texts.reminder_setting(t, hours), data(REMINDER, hours)) for hours in REMINDER_CHOICES]
    )


def cancel_swap(t: Translator) -> tuple[str, str]:
    return t.gettext("Cancel"), data(SWAP_STOP)


def shifts(t: Translator, items: Sequence[Shift], pending: Sequence[int]) -> InlineKeyboardMarkup:
    """A "Ruil" button per shift that has no pending request, and the calendar file."""
    buttons = [
        (t.gettext("Swap {n}").format(n=number), data(SHIFT_SWAP, shift.id))
        for number, shift in enumerate(items[:LIST_LIMIT], 1)
        if shift.id not in pending
    ]
    rows = [
        [
            InlineKeyboardButton(label, callback_data=payload)
            for label, payload in buttons[i : i + 4]
        ]
        for i in range(0, len(buttons), 4)
    ]
    rows.append(
        [
            InlineKeyboardButton(
                t.gettext("Calendar file (.ics)"), callback_data=data(SHIFTS_CALENDAR)
            )
        ]
    )
    return InlineKeyboardMarkup(rows)


def swap_kinds(t: Translator, shift_id: int) -> InlineKeyboardMarkup:
    return rows(
        *[
            (t.gettext("Give away"), data(SWAP_KIND, shift_id, SwapKind.GIVEAWAY)),
            (t.gettext("Swap for one of their shifts"), data(SWAP_KIND, shift_id, SwapKind.SWAP)),
            cancel_swap(t),
        ]
    )


def swap_audiences(t: Translator, shift_id: int, kind: SwapKind) -> InlineKeyboardMarkup:
    return rows(
        *[
            (
                t.gettext("Everyone who can take it"),
                data(SWAP_AUDIENCE, shift_id, kind, EVERYONE),
            ),
            (t.gettext("One colleague"), data(SWAP_PICK, shift_id, kind)),
            cancel_swap(t),
        ]
    )


def swap_confirm(t: Translator, shift_id: int, kind: SwapKind, target: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.gettext("Send"), callback_data=data(SWAP_SEND, shift_id, kind, target)
                ),
                InlineKeyboardButton(*cancel_swap(t)),
            ]
        ]
    )


def take_over(t: Translator, request_id: int) -> InlineKeyboardMarkup:
    return one_button(t.gettext("Take over"), data(SWAP_TAKE, request_id))


def return_shifts(
    t: Translator, request_id: int, options: Sequence[Shift]
) -> InlineKeyboardMarkup | None:
    if not options:
        return None
    return rows(
        *[
            (
                texts.shift_when(t, s.start_at, s.end_at, s.zone, s.post),
                data(SWAP_RETURN, request_id, s.id),
            )
            for s in options[:LIST_LIMIT]
        ]
    )


def call_in_sick(t: Translator, shift_id: int) -> InlineKeyboardMarkup:
    return rows(
        (t.gettext("I am sick: ask colleagues urgently"), data(SWAP_SICK, shift_id)),
        cancel_swap(t),
    )


def withdraw(t: Translator, request_id: int) -> InlineKeyboardMarkup:
    return one_button(t.gettext("Withdraw request"), data(SWAP_WITHDRAW, request_id))


def decide_swap(t: Translator, request_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.gettext("Approve"), callback_data=data(SWAP_APPROVE, request_id)
                ),
                InlineKeyboardButton(
                    t.gettext("Reject"), callback_data=data(SWAP_REJECT, request_id)
                ),
            ]
        ]
    )


def handover(t: Translator, shift_id: int) -> InlineKeyboardMarkup:
    return one_button(t.gettext("Shift taken over"), data(HANDOVER, shift_id))


def roster_tools(t: Translator) -> InlineKeyboardMarkup:
    return rows(
        *[
            (t.gettext("Template file (CSV)"), data(ROSTER_TEMPLATE)),
            (t.gettext("Shifts per member this year"), data(ROSTER_TALLY)),
            (t.gettext("Exemptions"), data(ROSTER_EXEMPT)),
            (t.gettext("Act for a member"), data(ROSTER_BEHALF)),
        ]
    )


def exemption_choice(t: Translator, member: Member) -> Choice:
    state = t.gettext("exempt") if member.on_call_exempt else t.gettext("on call")
    return member_choice(member, f"{member.name} – {state}")


def behalf_shifts(t: Translator, items: Sequence[Shift]) -> InlineKeyboardMarkup:
    rows = [
        [
            InlineKeyboardButton(
                t.gettext("Swap {n}").format(n=number), callback_data=data(SHIFT_SWAP, shift.id)
            ),
            InlineKeyboardButton(
                t.gettext("Give {n} to …").format(n=number),
                callback_data=data(ROSTER_ASSIGN, shift.id),
            ),
        ]
        for number, shift in enumerate(items[:LIST_LIMIT], 1)
    ]
    return InlineKeyboardMarkup(rows)


def swap_trails(t: Translator, views: Sequence[SwapView]) -> InlineKeyboardMarkup | None:
    if not views:
        return None
    return rows(
        *[
            (
                t.gettext("History: {name}, {day}").format(
                    name=view.requester.name, day=t.date(view.shift.start_at, "short")
                ),
                data(SWAP_TRAIL, view.request.id),
            )
            for view in views[:LIST_LIMIT]
        ]
    )


def exports(t: Translator, months: Sequence[date]) -> InlineKeyboardMarkup:
    return rows(
        *[
            (
                t.gettext("Swaps of {month}").format(month=roster_texts.month_name(t, month)),
                data(EXPORT_SWAPS, f"{month:%Y-%m}"),
            )
            for month in months[:LIST_LIMIT]
        ],
        (t.gettext("Audit log (90 days)"), data(EXPORT_AUDIT)),
    )
