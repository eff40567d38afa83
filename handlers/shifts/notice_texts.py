"""shifts: what the outbox says about shifts and swaps (the texts of the notices), apart
from the replies in handlers.shifts.texts."""

from collections.abc import Callable, Sequence

from bot.core.notices.shifts import (
    ReturnShiftMoved,
    RosterChanged,
    ShiftAssigned,
    ShiftCovered,
    ShiftReassigned,
    ShiftReminder,
    ShiftSummary,
    ShiftsUncovered,
    SickReport,
    SwapApproval,
    SwapApproved,
    SwapExpired,
    SwapFollowUp,
    SwapOffer,
    SwapOutcome,
    SwapRejected,
    SwapTaken,
    SwapUrgent,
    SwapWarning,
    SwapWithdrawn,
)
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.render import MESSAGE_LIMIT, esc
from handlers.shifts import texts


def summary_line(t: Translator, shift: ShiftSummary) -> str:
    return texts.shift_when(t, shift.start, shift.end, shift.zone, shift.post)


def shift_reminder(t: Translator, notice: ShiftReminder) -> str:
    return t.gettext(
        "<b>Reminder</b>: you are on call\n{shift}\nTap below once you have taken over the shift."
    ).format(shift=summary_line(t, notice.shift))


def shift_covered(t: Translator, notice: ShiftCovered) -> str:
    return t.gettext(
        "<b>Shift assigned to you</b>: the coordinator gave you this shift, which had no doctor "
        "yet. It is yours now; the roster has been updated.\n{shift}"
    ).format(shift=summary_line(t, notice.shift))


def summary_lines(t: Translator, shifts: Sequence[ShiftSummary], limit: int = 30) -> list[str]:
    """One line per shift, at most `limit` of them (a message has room for about 60)."""
    lines = [f"• {summary_line(t, shift)}" for shift in shifts[:limit]]
    if len(shifts) > limit:
        lines.append(t.gettext("… and {n} more.").format(n=len(shifts) - limit))
    return lines


def fitting(build: Callable[[int], str]) -> str:
    """`build(limit)` with as many shift lines per list (at most 30) as fit in one message: a
    notice is sent as one."""
    for limit in (30, 15, 5):
        text = build(limit)
        if len(text) <= MESSAGE_LIMIT:
            break
    return text


def shifts_uncovered(t: Translator, notice: ShiftsUncovered) -> str:
    """To the coordinators, when an erased member's future shifts lost their doctor."""
    count = len(notice.shifts)
    head = t.ngettext(
        "<b>Shift without a doctor</b>: a member had their data erased (/forget), so "
        "{n} future shift has no doctor any more:",
        "<b>Shift without a doctor</b>: a member had their data erased (/forget), so "
        "{n} future shifts have no doctor any more:",
        count,
    ).format(n=count)
    return fitting(
        lambda limit: "\n".join(
            [head, *summary_lines(t, notice.shifts, limit), "", texts.uncovered_hint(t)]
        )
    )


def roster_changed(t: Translator, notice: RosterChanged) -> str:
    """To a member after a roster import, with all their changes in one message."""
    sections = [
        (t.gettext("New for you:"), notice.added),
        (t.gettext("Changed:"), notice.changed),
        (t.gettext("No longer yours:"), notice.removed),
    ]

    def build(limit: int) -> str:
        lines = [
            t.gettext("<b>Your on-call roster changed</b>: the coordinator imported a new roster.")
        ]
        for heading, shifts in sections:
            if shifts:
                lines += ["", f"<b>{heading}</b>", *summary_lines(t, shifts, limit)]
        lines += ["", t.gettext("/shifts shows all your shifts.")]
        return "\n".join(lines)

    return fitting(build)


def swap_urgent(t: Translator, notice: SwapUrgent, kring: Kring) -> str:
    swap = notice.swap
    return "\n".join(
        [
            t.gettext(
                "🚨 <b>Urgent – on-call shift</b>: {requester} is sick and cannot do this shift, "
                "which starts soon:\n{shift}\nCan you take it over?"
            ).format(requester=esc(swap.requester), shift=summary_line(t, swap.shift)),
            texts.coordinator_phone(t, kring),
        ]
    )


def sick_report(t: Translator, notice: SickReport) -> str:
    swap = notice.swap
    text = t.gettext(
        "🚨 <b>Called in sick</b>: {requester} cannot do this shift, which starts soon:\n{shift}"
    ).format(requester=esc(swap.requester), shift=summary_line(t, swap.shift))
    if not notice.asked:
        return (
            text
            + "\n"
            + t.gettext("No colleague of the zone is free around it: please find a replacement.")
        )
    return (
        text
        + "\n"
        + t.ngettext(
            "{n} colleague was asked urgently to take it over.",
            "{n} colleagues were asked urgently to take it over.",
            notice.asked,
        ).format(n=notice.asked)
    )


def swap_offer(t: Translator, notice: SwapOffer | SwapFollowUp) -> str:
    """To the colleagues who could take the shift: first asked, or asked again."""
    if isinstance(notice, SwapOffer):
        template = t.gettext(
            "<b>Shift swap</b>: {requester} asks ({kind}):\n{shift}\nCan you take it?"
        )
    else:
        template = t.gettext(
            "<b>Still open</b>: {requester} is looking for a colleague ({kind}):\n{shift}"
        )
    swap = notice.swap
    text = template.format(
        requester=esc(swap.requester),
        kind=texts.swap_kind_name(t, swap.swap_kind),
        shift=summary_line(t, swap.shift),
    )
    if swap.note:
        text += "\n" + t.gettext("Note: {note}").format(note=esc(swap.note))
    return text


def return_shift_moved(t: Translator, notice: ReturnShiftMoved) -> str:
    """A two-way swap's shift in return, with its calendar file."""
    assert notice.return_shift is not None, "only two-way swaps give a shift in return"
    template = (
        t.gettext(
            "<b>Swap approved</b>: in return you take over this shift of {taker}. The file adds "
            "it to your calendar.\n{shift}"
        )
        if notice.holder
        else t.gettext(
            "<b>Swap approved</b>: in return {requester} takes over this shift of yours. The "
            "file takes it out of your calendar.\n{shift}"
        )
    )
    return template.format(
        requester=esc(notice.swap.requester),
        taker=esc(notice.taker),
        shift=summary_line(t, notice.return_shift),
    )


def swap_outcome(t: Translator, notice: SwapOutcome) -> str:
    templates: dict[type[SwapOutcome], str] = {
        SwapTaken: t.gettext(
            "{taker} takes over your shift:\n{shift}\nThe coordinator still has to approve; "
            "until then you remain responsible."
        ),
        SwapApproval: t.gettext("<b>Swap to approve</b>: {requester} → {taker} ({kind})\n{shift}"),
        SwapApproved: t.gettext(
            "<b>Swap approved</b>: {requester} → {taker}\n{shift}\nThe roster has been updated."
        ),
        SwapRejected: t.gettext(
            "<b>Swap rejected</b>: {requester} → {taker}\n{shift}\nReason: {reason}\n"
            "The shift stays with {requester}."
        ),
        SwapWithdrawn: t.gettext(
            "{requester} withdrew the swap request; the shift stays with them:\n{shift}"
        ),
        SwapExpired: t.gettext(
            "Nobody took this shift in time; the swap request has closed and the shift stays "
            "with {requester}:\n{shift}"
        ),
        SwapWarning: t.gettext(
            "Nobody has taken your shift yet; I asked your colleagues again. You remain "
            "responsible for it:\n{shift}"
        ),
        ShiftAssigned: t.gettext(
            "<b>Shift assigned to you</b>: the coordinator gave you this shift of {requester}. "
            "It is yours now; the roster has been updated.\n{shift}"
        ),
        ShiftReassigned: t.gettext(
            "<b>Shift reassigned</b>: the coordinator gave your shift to {taker}. It is no "
            "longer yours; the roster has been updated.\n{shift}"
        ),
    }
    swap = notice.swap
    returned = None if notice.return_shift is None else summary_line(t, notice.return_shift)
    return templates[type(notice)].format(
        requester=esc(swap.requester),
        taker=esc(notice.taker),
        kind=texts.swap_kind_name(t, swap.swap_kind),
        shift=texts.in_return(t, summary_line(t, swap.shift), returned),
        reason=esc(notice.reason or "–"),
    )
