"""CME events in the console. The coordinator and staff: the events (coming and of the past
month), one form with every field to create or edit one, an event's registrations with the
waiting list, attendance ticks, the attendance CSV and cancelling (`/events`, as the bot's
command). Members: the events they may attend, to register and unregister (`/cme`).

Every change goes through the bot's own services: the same rules and refusals (as translated
messages, nothing changed), and the same Telegram messages through the outbox (the announcement
of a new event, the cancellation, a member's registration with its calendar file)."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response

from bot.cme_texts import (
    attendance_csv,
    audience_name,
    cme_refusal,
    event_kind,
    invalid_event,
    rubric_name,
    shift_clash,
)
from bot.core.audience import Audience
from bot.core.cme import Attendee
from bot.core.cme.events import EVENT_COLUMNS
from bot.core.cme.values import AUDIENCES, KINDS, RUBRICS
from bot.core.errors import (
    AlreadyRegistered,
    EventNotAvailable,
    InvalidEvent,
    NotRegistered,
    ShiftClash,
    UnavailableReason,
)
from bot.core.models import (
    Event,
    EventAudience,
    EventKind,
    EventStatus,
    RegistrationState,
    Rubric,
)
from bot.web.console import SECURITY_HEADERS, Page, Viewer

REFUSALS = (EventNotAvailable, AlreadyRegistered, NotRegistered)
# The form's fields are the columns of an event import (bot.core.cme.events), read by the same
# rules; its choices are the import's own words for each kind, rubric and audience.
KIND_WORDS = {kind: word for word, kind in reversed(KINDS.items())}
RUBRIC_WORDS = {rubric: word for word, rubric in reversed(RUBRICS.items()) if word}
AUDIENCE_WORDS = {audience: word for word, audience in reversed(AUDIENCES.items()) if word}
MOMENTS = ("start", "end", "deadline")  # <input type="datetime-local">: 2026-12-12T20:00
Render = Callable[[Request, Viewer], Awaitable[Response]]


@dataclass(frozen=True)
class Row:
    """One line of an event's registration list."""

    attendee: Attendee
    state: str  # as the coordinator reads it
    attended: bool


def refusing(render: Render) -> Render:
    """The page, or the bot's refusal when the event is gone or cancelled (nothing changed)."""

    async def page(request: Request, viewer: Viewer) -> Response:
        try:
            return await render(request, viewer)
        except REFUSALS as error:
            unknown = getattr(error, "reason", None) is UnavailableReason.UNKNOWN
            return viewer.refuse(cme_refusal(viewer.t, error), 404 if unknown else 409)

    return page


# --- the coordinator's side ---------------------------------------------------------------------


async def events(request: Request, viewer: Viewer) -> Response:
    found = await viewer.services.events.managed_events()
    now = viewer.services.clock.now()
    return viewer.page(
        "events.html",
        viewer.t.gettext("Events"),
        upcoming=[event for event in found if event.end_at > now],
        past=[event for event in found if event.end_at <= now],
        notice=_done(viewer, request),
    )


async def new_event(request: Request, viewer: Viewer) -> Response:
    if request.method == "GET":
        return await _form(viewer, viewer.t.gettext("New event"), _defaults(viewer))
    try:
        event = await viewer.services.events.create_from(viewer.member, _values(viewer.form))
    except InvalidEvent as error:
        return await _form(viewer, viewer.t.gettext("New event"), viewer.form, error)
    return viewer.redirect(f"/events/{event.id}", done="created")


async def edit_event(request: Request, viewer: Viewer) -> Response:
    event_id = request.path_params["event_id"]
    event = await viewer.services.events.event(event_id)
    title = viewer.t.gettext("Edit {title}").format(title=event.title)
    if request.method == "GET":
        return await _form(viewer, title, await _filled(viewer, event), event=event)
    try:
        await viewer.services.events.replace(viewer.member, event_id, _values(viewer.form))
    except InvalidEvent as error:
        return await _form(viewer, title, viewer.form, error, event=event)
    return viewer.redirect(f"/events/{event_id}", done="saved")


async def event_page(request: Request, viewer: Viewer) -> Response:
    event_id = request.path_params["event_id"]
    event, found = await viewer.services.attendance.attendees(viewer.member, event_id)
    groups = {group.id: group.name for group in await viewer.services.events.lok_groups()}
    return viewer.page(
        "events_event.html",
        event.title,
        event=event,
        rows=_rows(viewer, found),
        kind=event_kind(viewer.t, event.kind),
        rubric=rubric_name(viewer.t, event.rubric),
        audience=audience_name(viewer.t, event.audience, groups.get(event.lok_group_id, "")),
        open=event.status is EventStatus.OPEN,
        notice=_done(viewer, request),
    )


async def attended(request: Request, viewer: Viewer) -> Response:
    """Tick or untick one registration of this event as present (as the bot's list does)."""
    event_id = request.path_params["event_id"]
    _event, found = await viewer.services.attendance.attendees(viewer.member, event_id)
    ids = {str(a.registration.id): a.registration.id or 0 for a in found}
    registration_id = ids.get(viewer.form.get("registration", ""))
    if registration_id is None:
        return viewer.refuse(viewer.t.gettext("This registration is not on the list."))
    await viewer.services.attendance.set_attended(viewer.member, registration_id)
    return viewer.redirect(f"/events/{event_id}", done="attendance")


async def cancel(request: Request, viewer: Viewer) -> Response:
    event_id = request.path_params["event_id"]
    await viewer.services.events.cancel(viewer.member, event_id)
    return viewer.redirect(f"/events/{event_id}", done="cancelled")


async def attendance_file(request: Request, viewer: Viewer) -> Response:
    """The attendance list for the RIZIV: the same file /events sends in the chat."""
    event, found = await viewer.services.attendance.attendees(
        viewer.member, request.path_params["event_id"]
    )
    filename, content, _present = attendance_csv(viewer.t, event, found)
    headers = {**SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(content, media_type="text/csv; charset=utf-8", headers=headers)


def _rows(viewer: Viewer, found: list[Attendee]) -> list[Row]:
    t, rows, waiting = viewer.t, [], 0
    for attendee in found:
        state = attendee.registration.state
        if state is RegistrationState.WAITING:
            waiting += 1
            label = t.gettext("waiting list, number {position}").format(position=waiting)
        elif state is RegistrationState.OFFERED:
            label = t.gettext("seat offered")
        elif attendee.registration.walk_in:
            label = t.gettext("walk-in")
        else:
            label = t.gettext("registered")
        rows.append(Row(attendee, label, attendee.registration.attended_at is not None))
    return rows


async def _form(
    viewer: Viewer,
    title: str,
    values: dict[str, str],
    error: InvalidEvent | None = None,
    event: Event | None = None,
) -> Response:
    t = viewer.t
    return viewer.page(
        "events_form.html",
        title,
        status=400 if error else 200,
        values=values,
        error=invalid_event(t, error) if error else None,
        event=event,
        kinds=[(KIND_WORDS[kind], event_kind(t, kind)) for kind in EventKind],
        rubrics=[(RUBRIC_WORDS[rubric], rubric_name(t, rubric)) for rubric in Rubric],
        audiences=[
            (AUDIENCE_WORDS[audience], audience_name(t, audience).strip())
            for audience in EventAudience
        ],
        groups=[group.name for group in await viewer.services.events.lok_groups()],
    )


def _defaults(viewer: Viewer) -> dict[str, str]:
    return {"kind": KIND_WORDS[EventKind.LECTURE], "points": "0"}


async def _filled(viewer: Viewer, event: Event) -> dict[str, str]:
    """The form as the event is now."""
    groups = {group.id: group.name for group in await viewer.services.events.lok_groups()}
    return {
        "title": event.title,
        "kind": KIND_WORDS[event.kind],
        "start": _local(viewer, event.start_at),
        "end": _local(viewer, event.end_at),
        "deadline": _local(viewer, event.deadline_at),
        "location": event.location,
        "speaker": event.speaker,
        "description": event.description,
        "capacity": "" if event.capacity is None else str(event.capacity),
        "points": str(event.points),
        "rubric": RUBRIC_WORDS[event.rubric],
        "audience": AUDIENCE_WORDS[event.audience],
        "lok_group": groups.get(event.lok_group_id, ""),
    }


def _local(viewer: Viewer, moment: datetime) -> str:
    return moment.astimezone(viewer.t.tz).strftime("%Y-%m-%dT%H:%M")


def _values(form: dict[str, str]) -> dict[str, str]:
    """The form's fields as an import row: a browser's 2026-12-12T20:00 as 2026-12-12 20:00; a
    LOK group only for a session of a LOK group."""
    values = {name: form.get(name, "") for name in EVENT_COLUMNS}
    for name in MOMENTS:
        values[name] = values[name].replace("T", " ")
    if values["audience"] != AUDIENCE_WORDS[EventAudience.LOK_GROUP]:
        values["lok_group"] = ""
    return values


def _done(viewer: Viewer, request: Request) -> str | None:
    """The message after a change (post/redirect/get), from its code."""
    t = viewer.t
    return {
        "created": t.gettext("The event is published; its audience is told."),
        "saved": t.gettext("The event is saved."),
        "cancelled": t.gettext("The event is cancelled; everyone registered is told."),
        "attendance": t.gettext("Attendance saved."),
        "registered": t.gettext("Done: you will get the confirmation in the chat."),
        "waiting": t.gettext("You are on the waiting list; the chat tells you your place."),
        "unregistered": t.gettext("You are no longer registered."),
    }.get(request.query_params.get("done", ""))


# --- members --------------------------------------------------------------------------------------


async def cme(request: Request, viewer: Viewer) -> Response:
    """The events the member may attend; a POST registers (`register`, after a clash warning
    `anyway`) or unregisters (`unregister`, the form asks first)."""
    problem: str | None = None
    clash: tuple[int, Markup] | None = None
    if request.method == "POST":
        seats, form = viewer.services.seats, viewer.form
        event_id = int(form["event"]) if form.get("event", "").isdigit() else 0
        try:
            if form.get("action") == "unregister":
                await seats.unregister(viewer.member, event_id, by_message=True)
                return viewer.redirect("/cme", done="unregistered")
            anyway = form.get("action") == "anyway"
            shown = await seats.register(
                viewer.member, event_id, despite_clash=anyway, by_message=True
            )
            return viewer.redirect("/cme", done="waiting" if shown.position else "registered")
        except ShiftClash as warning:
            clash = (event_id, Markup(shift_clash(viewer.t, warning).replace("\n", "<br>")))
        except REFUSALS as error:
            problem = cme_refusal(viewer.t, error)
    views = await viewer.services.events.upcoming(viewer.member)
    return viewer.page(
        "events_cme.html",
        viewer.t.gettext("CME events"),
        status=409 if problem else 200,
        views=views,
        kinds={kind: event_kind(viewer.t, kind) for kind in EventKind},
        problem=problem,
        clash=clash,
        notice=_done(viewer, request),
    )


PAGES = [
    Page("/cme", Audience.MEMBER, cme, ("GET", "POST"), nav=lambda t: t.gettext("CME events")),
    Page("/events", Audience.MANAGER, events, nav=lambda t: t.gettext("Manage events")),
    Page("/events/new", Audience.MANAGER, new_event, ("GET", "POST")),
    Page("/events/{event_id:int}", Audience.MANAGER, refusing(event_page)),
    Page("/events/{event_id:int}/edit", Audience.MANAGER, refusing(edit_event), ("GET", "POST")),
    Page("/events/{event_id:int}/attended", Audience.MANAGER, refusing(attended), ("POST",)),
    Page("/events/{event_id:int}/cancel", Audience.MANAGER, refusing(cancel), ("POST",)),
    Page("/events/{event_id:int}/attendance.csv", Audience.MANAGER, refusing(attendance_file)),
]
