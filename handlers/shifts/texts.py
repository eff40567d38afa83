"""shifts.texts"""

from collections.abc import Callable, Sequence
from datetime import datetime

from bot.core.models import (
    Member,
    Shift,
    SwapKind,
    SwapStatus,
)
from bot.core.notices.shifts import (
    RosterChanged,
    ShiftAssigned,
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
from bot.core.swap_views import SwapView
from bot.i18n import Translator
from handlers.render import MESSAGE_LIMIT, esc


def shift_when(t: Translator, start: datetime, end: datetime, zone: str, post: str = "") -> str:
    """'Sat 5 Dec 2026, 19:00 – 08:00 · Noord': a shift on one line, in the member's language."""
    place = f"{zone} ({post})" if post else zone
    return t.gettext("{start} – {end} · {place}").format(
        start=t.datetime(start, "day"),
        end=t.time(end) if end.date() == start.date() else t.datetime(end, "weekday"),
        place=esc(place),
    )


def shift_line(t: Translator, shift: Shift) -> str:
    return shift_when(t, shift.start_at, shift.end_at, shift.zone, shift.post)


def in_return(t: Translator, shift: str, returned: str | None) -> str:
    """A shift line, and below it the shift given back for it in a swap (if any)."""
    if returned is None:
        return shift
    return shift + "\n" + t.gettext("In return: {shift}").format(shift=returned)


def view_shifts(t: Translator, view: SwapView) -> str:
    """The shift of a request, and the one given back for it."""
    returned = None if view.return_shift is None else shift_line(t, view.return_shift)
    return in_return(t, shift_line(t, view.shift), returned)


def shift_title(t: Translator, zone: str) -> str:
    """The title of a shift in the phone's calendar."""
    return t.gettext("On-call shift {zone}").format(zone=zone)


def shifts_list(t: Translator, shifts: Sequence[Shift], pending: Sequence[int]) -> str:
    if not shifts:
        return t.gettext("You have no shifts in the next 8 weeks.")
    lines = [t.gettext("<b>Your shifts in the next 8 weeks</b>"), ""]
    for number, shift in enumerate(shifts, 1):
        mark = t.gettext(" (swap requested)") if shift.id in pending else ""
        lines.append(f"{number}. {shift_line(t, shift)}{mark}")
    lines += ["", t.gettext("Tap a number to ask a colleague to take that shift or to swap it.")]
    return "\n".join(lines)


def swap_kind_name(t: Translator, kind: SwapKind) -> str:
    return {
        SwapKind.GIVEAWAY: t.gettext("give away"),
        SwapKind.SWAP: t.gettext("swap"),
        SwapKind.ASSIGN: t.gettext("assigned by the coordinator"),
    }[kind]


def swap_ask_kind(t: Translator, shift: Shift) -> str:
    return t.gettext(
        "<b>Swap request</b>\n{shift}\n\nDo you want to give this shift away (a colleague takes "
        "it over) or swap it (the colleague gives you one of their shifts in return)?"
    ).format(shift=shift_line(t, shift))


def swap_ask_audience(t: Translator, shift: Shift, kind: SwapKind) -> str:
    return t.gettext(
        "<b>Swap request ({kind})</b>\n{shift}\n\nAsk every colleague who can take it, or one "
        "colleague?"
    ).format(kind=swap_kind_name(t, kind), shift=shift_line(t, shift))


def swap_ask_colleague(t: Translator, shift: Shift, colleagues: Sequence[Member]) -> str:
    if not colleagues:
        return t.gettext(
            "No colleague of zone {zone} is free around this shift. Please contact the coordinator."
        ).format(zone=esc(shift.zone))
    return t.gettext("Which colleague do you want to ask?")


def swap_confirm(t: Translator, shift: Shift, kind: SwapKind, target: str | None, note: str) -> str:
    lines = [
        t.gettext("<b>Swap request ({kind})</b>").format(kind=swap_kind_name(t, kind)),
        shift_line(t, shift),
        t.gettext("For: {who}").format(
            who=esc(target) if target else t.gettext("every colleague who can take it")
        ),
    ]
    if note:
        lines.append(t.gettext("Note: {note}").format(note=esc(note)))
    lines += [
        "",
        t.gettext("Type a note for your colleagues if you like, then tap Send."),
    ]
    return "\n".join(lines)


def swap_requested(t: Translator, told: int) -> str:
    return "\n".join(
        [
            t.ngettext(
                "Your request was sent to {n} colleague.",
                "Your request was sent to {n} colleagues.",
                told,
            ).format(n=told),
            t.gettext(
                "You remain responsible for this shift until the swap is approved. "
                "I will let you know."
            ),
        ]
    )


def swap_draft_cancelled(t: Translator) -> str:
    return t.gettext("Swap request cancelled. Nothing was sent.")


def swap_line(t: Translator, view: SwapView) -> str:
    request = view.request
    lines = [
        t.gettext("{requester} asks: {kind}").format(
            requester=esc(view.requester.name), kind=swap_kind_name(t, request.kind)
        ),
        shift_line(t, view.shift),
    ]
    if request.note:
        lines.append(t.gettext("Note: {note}").format(note=esc(request.note)))
    return "\n".join(lines)


def swaps_for_member(t: Translator, takeable: int, mine: int) -> str:
    if not takeable and not mine:
        return t.gettext("There are no open swap requests you can take.")
    return t.gettext("<b>Swap requests</b>")


def swap_status_name(t: Translator, status: SwapStatus) -> str:
    return {
        SwapStatus.OPEN: t.gettext("open"),
        SwapStatus.TAKEN: t.gettext("taken, waiting for approval"),
        SwapStatus.APPROVED: t.gettext("approved"),
        SwapStatus.REJECTED: t.gettext("rejected"),
        SwapStatus.WITHDRAWN: t.gettext("withdrawn"),
        SwapStatus.EXPIRED: t.gettext("expired"),
        SwapStatus.CANCELLED: t.gettext("cancelled"),
    }[status]


def my_swap(t: Translator, view: SwapView) -> str:
    return t.gettext("<b>Your request</b> ({status})\n{shift}").format(
        status=swap_status_name(t, view.request.status), shift=view_shifts(t, view)
    )


def swap_ask_return(t: Translator, view: SwapView, options: Sequence[Shift]) -> str:
    if not options:
        return t.gettext(
            "{requester} asks for a swap, but none of your shifts can be given back for it."
        ).format(requester=esc(view.requester.name))
    return t.gettext("Which of your shifts do you give {requester} in return?").format(
        requester=esc(view.requester.name)
    )


def swap_taken(t: Translator, view: SwapView) -> str:
    if view.request.status is SwapStatus.APPROVED:
        return t.gettext("Done: this shift is now yours.\n{shift}").format(
            shift=view_shifts(t, view)
        )
    return t.gettext(
        "You take over this shift. The coordinator still has to approve; until then "
        "{requester} remains responsible.\n{shift}"
    ).format(requester=esc(view.requester.name), shift=view_shifts(t, view))


def swap_withdrawn(t: Translator) -> str:
    return t.gettext("Your swap request was withdrawn. The shift stays yours.")


def handover_confirmed(t: Translator, shift: Shift) -> str:
    return t.gettext("Thank you: you confirmed you have taken over the shift.\n{shift}").format(
        shift=shift_line(t, shift)
    )


def swap_error(t: Translator, reason: str) -> str:
    return {
        "not_your_shift": t.gettext("This shift is not yours (any more)."),
        "too_late": t.gettext(
            "This shift starts too soon for a swap request. Please call the coordinator."
        ),
        "already_requested": t.gettext("There is already a swap request for this shift."),
        "gone": t.gettext("Too late: a colleague already took this shift."),
        "closed": t.gettext("This swap request is no longer open."),
        "yours": t.gettext("You have already taken over this shift."),
        "not_eligible": t.gettext(
            "You cannot take this shift: it is for another zone or colleague, or you are on "
            "duty around it."
        ),
        "return_shift": t.gettext("Please choose one of your own shifts to give back."),
        "no_colleague": t.gettext("This colleague cannot take the shift."),
        "started": t.gettext("This shift has already started."),
    }[reason]


def summary_line(t: Translator, shift: ShiftSummary) -> str:
    return shift_when(t, shift.start, shift.end, shift.zone, shift.post)


def shift_reminder(t: Translator, notice: ShiftReminder) -> str:
    return t.gettext(
        "<b>Reminder</b>: you are on call\n{shift}\nTap below once you have taken over the shift."
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
            [head, *summary_lines(t, notice.shifts, limit), "", uncovered_hint(t)]
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


def uncovered_hint(t: Translator) -> str:
    return t.gettext(
        "Import the corrected roster (/roster) to give them a doctor; /roster lists them."
    )


def coordinator_phone(t: Translator, kring: Kring) -> str:
    """Whom to call when a shift is near: the coordinator's phone, or else their contact."""
    if kring.phone:
        return t.gettext("Coordinator's phone: {phone}").format(phone=esc(kring.phone))
    return t.gettext("Coordinator: {contact}").format(contact=esc(kring.contact))


def sick_offer(t: Translator, shift: Shift, kring: Kring) -> str:
    return "\n".join(
        [
            t.gettext(
                "<b>This shift starts in less than 12 hours</b>, too soon for an ordinary swap "
                "request:\n{shift}"
            ).format(shift=shift_line(t, shift)),
            t.gettext(
                "Are you sick or unable to do it? Then I ask every colleague who can take it at "
                "once, also during their quiet hours, and I tell the coordinator. Please call "
                "the coordinator as well."
            ),
            coordinator_phone(t, kring),
        ]
    )


def sick_reported(t: Translator, asked: int, kring: Kring) -> str:
    asked_text = (
        t.ngettext(
            "I asked {n} colleague urgently to take over your shift.",
            "I asked {n} colleagues urgently to take over your shift.",
            asked,
        ).format(n=asked)
        if asked
        else t.gettext("No colleague of your zone is free around this shift.")
    )
    return "\n".join(
        [
            asked_text,
            t.gettext(
                "The coordinator has been told. You remain responsible until someone takes it "
                "over; please call the coordinator."
            ),
            coordinator_phone(t, kring),
        ]
    )


def swap_urgent(t: Translator, notice: SwapUrgent, kring: Kring) -> str:
    swap = notice.swap
    return "\n".join(
        [
            t.gettext(
                "🚨 <b>Urgent – on-call shift</b>: {requester} is sick and cannot do this shift, "
                "which starts soon:\n{shift}\nCan you take it over?"
            ).format(requester=esc(swap.requester), shift=summary_line(t, swap.shift)),
            coordinator_phone(t, kring),
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
        kind=swap_kind_name(t, swap.swap_kind),
        shift=summary_line(t, swap.shift),
    )
    if swap.note:
        text += "\n" + t.gettext("Note: {note}").format(note=esc(swap.note))
    return text


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
        kind=swap_kind_name(t, swap.swap_kind),
        shift=in_return(t, summary_line(t, swap.shift), returned),
        reason=esc(notice.reason or "–"),
    )


def shifts_calendar_filename(t: Translator) -> str:
    # Translators: the name of the calendar file with the member's shifts; keep ".ics".
    return t.gettext("shifts.ics")


def shifts_calendar_caption(t: Translator) -> str:
    return t.gettext("Your shifts as a calendar file: open it to add them to your phone's agenda.")


def reminder_setting(t: Translator, hours: int) -> str:
    if hours == 0:
        return t.gettext("Shift reminder: off")
    return t.ngettext(
        "Shift reminder: {n} hour before", "Shift reminder: {n} hours before", hours
    ).format(n=hours)
