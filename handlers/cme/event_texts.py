"""cme.event_texts"""

from collections.abc import Iterable, Sequence

from bot.cme_texts import invalid_event
from bot.core.cme import CHECKIN_OPENS, Attendee, LokGroupYear
from bot.core.models import (
    Event,
    EventStatus,
    RegistrationState,
)
from bot.i18n import Translator
from handlers.cme import texts
from handlers.render import esc

__all__ = ["invalid_event"]


def events_overview(t: Translator, events: Iterable[Event]) -> str:
    lines = [t.gettext("<b>Events</b>")]
    for event in events:
        status = f" – {t.gettext('cancelled')}" if event.status is EventStatus.CANCELLED else ""
        lines.append(f"• {texts.event_when(t, event.start_at)} {esc(event.title)}{status}")
    if len(lines) == 1:
        lines.append(t.gettext("No upcoming events."))
    return "\n".join(lines)


def event_details(t: Translator, event: Event, attendees: Iterable[Attendee]) -> str:
    registrations = list(attendees)
    seats = sum(1 for a in registrations if a.registration.has_seat)
    waiting = sum(1 for a in registrations if a.registration.state is RegistrationState.WAITING)
    capacity = "∞" if event.capacity is None else str(event.capacity)
    lines = texts._event_lines(t, event)
    lines.append(
        t.gettext("Registered: {seats} of {capacity}; waiting list: {waiting}.").format(
            seats=seats, capacity=capacity, waiting=waiting
        )
    )
    lines.append(
        t.gettext("Registration until {deadline}.").format(
            deadline=texts.event_when(t, event.deadline_at)
        )
    )
    if event.status is EventStatus.CANCELLED:
        lines.append(t.gettext("This event has been cancelled."))
    return "\n".join(lines)


def attendance(t: Translator, event: Event, attendees: Sequence[Attendee]) -> str:
    """The counts above the tick list; the names are its buttons (a list of a hundred names
    would not fit in one message)."""
    lines = [t.gettext("<b>Registrations for {title}</b>").format(title=esc(event.title))]
    seated = [a for a in attendees if a.registration.state is RegistrationState.REGISTERED]
    present = sum(1 for a in seated if a.registration.attended_at is not None)
    waiting = len(attendees) - len(seated)
    if not attendees:
        lines.append(t.gettext("Nobody has registered yet."))
    else:
        lines.append(
            t.ngettext(
                "{present} of {n} registered member present.",
                "{present} of {n} registered members present.",
                len(seated),
            ).format(present=present, n=len(seated))
        )
    if waiting:
        lines.append(t.gettext("Waiting for a seat: {n}.").format(n=waiting))
    lines += ["", t.gettext("Tap a name to tick or untick attendance.")]
    return "\n".join(lines)


def checkin_link(t: Translator, event: Event, link: str) -> str:
    return t.gettext(
        "Check-in for {title}: show this QR code at the door. Members scan it with their "
        "phone's camera and tap Start. It works from {opens} until {closes}.\n{link}"
    ).format(
        title=esc(event.title),
        opens=t.time(event.start_at - CHECKIN_OPENS),
        closes=t.time(event.end_at),
        link=esc(link),
    )


def checkin_poster_title(t: Translator, event: Event) -> str:
    """Above the QR code (plain text on an image: no HTML)."""
    return f"{event.title} · {texts.event_when(t, event.start_at, event.end_at)}"


def checkin_poster_instruction(t: Translator, event: Event) -> str:
    return t.gettext(
        "Check in: scan this code with your phone's camera and tap Start in Telegram. "
        "Possible from {opens} until {closes}."
    ).format(opens=t.time(event.start_at - CHECKIN_OPENS), closes=t.time(event.end_at))


def attendance_exported(t: Translator, event: Event, present: int) -> str:
    return t.ngettext(
        "Attendance list of {title}: {count} member present.",
        "Attendance list of {title}: {count} members present.",
        present,
    ).format(title=esc(event.title), count=present)


def event_ask_kind(t: Translator) -> str:
    return t.gettext("New event: what kind of event is it? (/cancel stops)")


def event_ask_title(t: Translator) -> str:
    return t.gettext("The title?")


def event_ask_start(t: Translator) -> str:
    return t.gettext("When does it start? For example 10/12/2026 20:00.")


def event_ask_end(t: Translator) -> str:
    return t.gettext("When does it end? For example 22:00.")


def event_ask_location(t: Translator) -> str:
    return t.gettext("Where (address, room, or online)?")


def event_ask_capacity(t: Translator) -> str:
    return t.gettext("How many seats? (- for no limit)")


def event_ask_points(t: Translator) -> str:
    return t.gettext("How many accreditation points (CP)? (0 for none)")


def event_ask_rubric(t: Translator) -> str:
    return t.gettext("In which rubric?")


def event_ask_speaker(t: Translator) -> str:
    return t.gettext("Who is the speaker? (- for none)")


def event_ask_description(t: Translator) -> str:
    return t.gettext("A short description for the members? (- for none)")


def event_ask_deadline(t: Translator) -> str:
    return t.gettext(
        "Until when can members register? For example 9/12/2026 12:00, or - until the start."
    )


def event_ask_audience(t: Translator) -> str:
    return t.gettext("For whom is it?")


def event_preview(t: Translator, event: Event, audience: str) -> str:
    """The new event as members will see it, before it is published."""
    return "\n".join(
        [
            t.gettext("<b>Preview</b>: publish this event?"),
            "",
            *texts._event_lines(t, event),
            t.gettext("No seat limit.")
            if event.capacity is None
            else t.ngettext("{count} seat.", "{count} seats.", event.capacity).format(
                count=event.capacity
            ),
            t.gettext("Registration until {deadline}.").format(
                deadline=texts.event_when(t, event.deadline_at)
            ),
            t.gettext(
                "For: {audience}. They are told of it at once (unless they turned this off)."
            ).format(audience=esc(audience)),
        ]
    )


def event_created(t: Translator, event: Event) -> str:
    return (
        t.gettext("The event is published; members see it with /cme.")
        + "\n\n"
        + "\n".join(texts._event_lines(t, event))
    )


def event_ask_import(t: Translator) -> str:
    return t.gettext(
        "Send the CSV file now. Columns: title, kind (lok, lecture, webinar), start "
        "(10/12/2026 20:00), end (22:00), and optionally location, speaker, description, "
        "capacity, points, rubric (ethics), audience (all, gps, locums, lok), lok_group, deadline. "
        "(/cancel stops)"
    )


def events_imported(t: Translator, events: Iterable[Event]) -> str:
    imported = list(events)
    return (
        t.ngettext("{count} event imported:", "{count} events imported:", len(imported)).format(
            count=len(imported)
        )
        + "\n"
        + "\n".join(f"• {texts.event_when(t, e.start_at)} {esc(e.title)}" for e in imported)
    )


def event_ask_value(t: Translator, field_name: str) -> str:
    questions = {
        "title": event_ask_title(t),
        "start": event_ask_start(t),
        "location": event_ask_location(t),
        "capacity": event_ask_capacity(t),
        "points": event_ask_points(t),
        "deadline": t.gettext("Registration closes when? For example 9/12/2026 12:00."),
    }
    return questions[field_name]


def event_edit_choose(t: Translator) -> str:
    return t.gettext("What do you want to change? (/cancel stops)")


def event_confirm_cancel(t: Translator, event: Event) -> str:
    return t.gettext(
        "Cancel {title}? Everyone who registered or is on the waiting list will be told."
    ).format(title=esc(event.title))


def event_cancelled(t: Translator, event: Event, told: int) -> str:
    return t.ngettext(
        "{title} is cancelled; {count} member was told.",
        "{title} is cancelled; {count} members were told.",
        told,
    ).format(title=esc(event.title), count=told)


def walk_in_ask(t: Translator) -> str:
    return t.gettext("Who came without registering? Tap their name, or type part of it.")


def walk_in_added(t: Translator, attendee: Attendee) -> str:
    return t.gettext("{name} is marked present.").format(name=esc(attendee.member.name))


def events_stopped(t: Translator) -> str:
    return t.gettext("Stopped; nothing was changed.")


def lok_overview(t: Translator, groups: Iterable[LokGroupYear], year: int) -> str:
    lines = [t.gettext("<b>LOK groups in {year}</b>").format(year=year)]
    for item in groups:
        mark = "✅" if item.meets_requirement else "🗓" if item.on_track else "⚠️"
        lines.append(
            t.gettext(
                "{mark} {name}: {held} of {required} meetings held, {planned} planned; "
                "{members} members"
            ).format(
                mark=mark,
                name=esc(item.group.name),
                held=item.held,
                planned=item.planned,
                required=item.required,
                members=len(item.group.member_ids),
            )
            + ("" if item.size_ok else " " + t.gettext("(a LOK has 8 to 25 members)"))
        )
    if len(lines) == 1:
        lines.append(t.gettext("There are no LOK groups yet."))
    return "\n".join(lines)
