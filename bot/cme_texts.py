"""Texts of continuing education that both the bot (handlers.cme) and the console's events page
(bot.web.pages.events) show: the names of kinds, rubrics and audiences, the refusals, and the
attendance list for the RIZIV as a CSV file. They live here, not in handlers.cme, because the
console may not import handlers (DESIGN.md §2); handlers.cme uses them from here."""

import html
from collections.abc import Sequence
from datetime import datetime

from bot.core.cme import Attendee
from bot.core.csvfiles import write_table
from bot.core.errors import (
    AlreadyRegistered,
    DomainError,
    EventNotAvailable,
    InvalidCheckIn,
    InvalidEvent,
    NotRegistered,
    ShiftClash,
)
from bot.core.membership import name_sort_key
from bot.core.models import Event, EventAudience, EventKind, Rubric
from bot.core.riziv import RizivNumber
from bot.i18n import Translator


def _esc(value: object) -> str:
    """Text for Telegram's HTML mode (as handlers.render.esc)."""
    return html.escape(str(value), quote=False)


def event_kind(t: Translator, kind: EventKind) -> str:
    names = {
        EventKind.LOK: t.gettext("LOK session"),
        EventKind.LECTURE: t.gettext("lecture"),
        EventKind.WEBINAR: t.gettext("webinar"),
    }
    return names[kind]


def rubric_name(t: Translator, rubric: Rubric) -> str:
    names = {
        Rubric.GENERAL: t.gettext("general"),
        Rubric.ETHICS: t.gettext("ethics & economics"),
    }
    return names[rubric]


def audience_name(t: Translator, audience: EventAudience, group: str = "") -> str:
    names = {
        EventAudience.ALL: t.gettext("Everyone"),
        EventAudience.GPS: t.gettext("GPs"),
        EventAudience.LOCUMS: t.gettext("Locums"),
        EventAudience.LOK_GROUP: t.gettext("LOK group {name}").format(name=group),
    }
    return names[audience]


def event_when(t: Translator, start_at: datetime, end_at: datetime | None = None) -> str:
    moment = t.datetime(start_at, "day")
    return f"{moment}–{t.time(end_at)}" if end_at is not None else moment


def shift_clash(t: Translator, clash: ShiftClash) -> str:
    shifts = "\n".join(
        f"• {event_when(t, shift.start_at, shift.end_at)} ({_esc(shift.zone)})"
        for shift in clash.shifts
    )
    return t.gettext(
        "⚠️ You are on call during {title}:\n{shifts}\n\n"
        "Do you want to register anyway? Then ask a colleague to swap with /shifts."
    ).format(title=_esc(clash.event_title), shifts=shifts)


def cme_refusal(t: Translator, error: DomainError) -> str:
    if isinstance(error, AlreadyRegistered):
        return t.gettext("You are already registered (or on the waiting list) for this event.")
    if isinstance(error, NotRegistered):
        return t.gettext("There is no registration or seat offer of yours to change here.")
    if isinstance(error, InvalidCheckIn):
        return {
            "unknown": t.gettext("This check-in link is not valid."),
            "not_open": t.gettext(
                "Check-in is only possible from half an hour before the event until its end."
            ),
        }[error.reason]
    assert isinstance(error, EventNotAvailable)
    return {
        "unknown": t.gettext("This event does not exist (any more)."),
        "cancelled": t.gettext("This event has been cancelled."),
        "closed": t.gettext("Registration for this event is closed."),
        "started": t.gettext("This event has already started."),
        "audience": t.gettext("This event is not open to you."),
    }[error.reason]


def attendance_header(t: Translator) -> list[str]:
    return [
        t.gettext("Name"),
        t.gettext("RIZIV number"),
        t.gettext("Points"),
        t.gettext("Rubric"),
        t.gettext("Event"),
        t.gettext("Date"),
    ]


def attendance_filename(t: Translator, event: Event) -> str:
    return t.gettext("attendance-{number}.csv").format(number=event.id)


def invalid_event(t: Translator, error: InvalidEvent) -> str:
    problem = {
        "title": t.gettext("A title has 3 to 120 characters."),
        "moment": t.gettext("Please send a date and time like 10/12/2026 20:00."),
        "end_before_start": t.gettext("The end must be after the start."),
        "number": t.gettext("Please send a whole number (or - for none)."),
        "kind": t.gettext("The kind must be lok, lecture or webinar."),
        "rubric": t.gettext("The rubric must be empty (general) or ethics."),
        "audience": t.gettext("The audience must be all, gps, locums or lok."),
        "lok_group": t.gettext("A LOK session for a LOK group needs an existing lok_group."),
        "deadline": t.gettext("The registration deadline must be before the start."),
        "empty": t.gettext("The file has no events."),
        "field": t.gettext("This cannot be changed."),
        "day": t.gettext("Please send a date that has passed, like 12/11/2026."),
    }[error.reason]
    if error.line is None:
        return problem
    return t.gettext("Line {line}: {problem}").format(line=error.line, problem=problem)


def attendance_csv(
    t: Translator, event: Event, attendees: Sequence[Attendee]
) -> tuple[str, bytes, int]:
    """The attendance list for the RIZIV: the members marked present, with their points, as
    (filename, CSV content, how many were present)."""
    present = [a.member for a in attendees if a.registration.attended_at is not None]
    rows = [
        [
            member.name,
            RizivNumber(member.riziv).formatted if member.riziv else "",
            event.points,
            rubric_name(t, event.rubric),
            event.title,
            event.start_at.astimezone(t.tz).date().isoformat(),
        ]
        for member in sorted(present, key=lambda m: name_sort_key(m.name))
    ]
    return attendance_filename(t, event), write_table(attendance_header(t), rows), len(rows)
