"""shifts.texts"""

from collections.abc import Sequence
from datetime import datetime

from bot.core.models import (
    Member,
    Shift,
    SwapKind,
    SwapStatus,
)
from bot.core.services import Kring
from bot.core.swap_views import SwapView
from bot.i18n import Translator
from handlers.render import esc


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
