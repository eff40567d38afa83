"""cme: commands and buttons"""

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.cme import Attendee, EventView
from bot.core.models import (
    Event,
    EventAudience,
    EventKind,
    EventStatus,
    LokGroup,
    RegistrationState,
    Rubric,
)
from bot.i18n import Translator
from handlers.audience import Audience, Command, Prefix
from handlers.cme import texts
from handlers.keyboards import LIST_LIMIT, data, rows, with_console
from handlers.picker import Choice

# Commands

CME_COMMAND = Command("cme", Audience.MEMBER, ("bijscholing", "formation"))
CREDITS_COMMAND = Command("credits", Audience.MEMBER, ("accreditering", "accreditation"))
EVENTS_COMMAND = Command("events", Audience.MANAGER, ("evenementen", "evenements"))

# Buttons (callback-data prefixes)


CME_REGISTER = Prefix("cmereg", Audience.MEMBER)
CME_UNREGISTER = Prefix("cmeunreg", Audience.MEMBER)
CME_CONFIRM = Prefix("cmeok", Audience.MEMBER)
CME_DECLINE = Prefix("cmeno", Audience.MEMBER)
CME_HOUR_REMINDER = Prefix("cmehour", Audience.MEMBER)
CME_LIST = Prefix("cmelist", Audience.MEMBER)
EVENT_NEW = Prefix("evnew", Audience.MANAGER)
EVENT_IMPORT = Prefix("evimport", Audience.MANAGER)
EVENT_SHOW = Prefix("evshow", Audience.MANAGER)
EVENT_ATTENDEES = Prefix("evlist", Audience.MANAGER)
EVENT_ATTENDEES_PAGE = Prefix("evlistpg", Audience.MANAGER)
EVENT_TICK = Prefix("evtick", Audience.MANAGER)
EVENT_WALK_IN = Prefix("evwalkin", Audience.MANAGER)
EVENT_WALK_IN_PAGE = Prefix("evwalkinpg", Audience.MANAGER)
EVENT_WALK_IN_ADD = Prefix("evwalkinadd", Audience.MANAGER)
EVENT_QR = Prefix("evqr", Audience.MANAGER)
EVENT_EXPORT = Prefix("evcsv", Audience.MANAGER)
EVENT_EDIT = Prefix("evedit", Audience.MANAGER)
EVENT_CANCEL = Prefix("evcancel", Audience.MANAGER)
EVENT_KIND = Prefix("evkind", Audience.MANAGER)
EVENT_RUBRIC = Prefix("evrubric", Audience.MANAGER)
EVENT_AUDIENCE = Prefix("evaud", Audience.MANAGER)
EVENT_PUBLISH = Prefix("evpub", Audience.MANAGER)
LOK_OVERVIEW = Prefix("evlok", Audience.MANAGER)
CREDITS_ADD = Prefix("credadd", Audience.MEMBER)
CREDITS_RUBRIC = Prefix("credrubric", Audience.MEMBER)


def cme_events(t: Translator, views: Sequence[EventView]) -> InlineKeyboardMarkup | None:
    buttons = []
    for view in views[:LIST_LIMIT]:
        event_id, title = view.event.id, view.event.title
        if view.mine is not None:
            label = t.gettext("Unregister: {title}").format(title=title)
            buttons.append((label, data(CME_UNREGISTER, event_id)))
        elif view.seats_left == 0:
            label = t.gettext("Register (waiting list): {title}").format(title=title)
            buttons.append((label, data(CME_REGISTER, event_id)))
        else:
            label = t.gettext("Register: {title}").format(title=title)
            buttons.append((label, data(CME_REGISTER, event_id)))
    return rows(*buttons) if buttons else None


REGISTER_ANYWAY = "anyway"  # cmereg:<event>:anyway, after the wachtdienst clash warning


def register_despite_clash(t: Translator, event_id: int) -> InlineKeyboardMarkup:
    """Under the clash warning: register all the same, or back to the list."""
    return rows(
        (t.gettext("Register anyway"), data(CME_REGISTER, event_id, REGISTER_ANYWAY)),
        (t.gettext("Cancel"), data(CME_LIST)),
    )


UNREGISTER_YES = "yes"  # cmeunreg:<event>:yes, after the question


def confirm_unregister(t: Translator, event_id: int) -> InlineKeyboardMarkup:
    return rows(
        (t.gettext("Yes, unregister"), data(CME_UNREGISTER, event_id, UNREGISTER_YES)),
        (t.gettext("Cancel"), data(CME_LIST)),
    )


def cme_offer(t: Translator, registration_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.gettext("Register: confirm my seat"),
                    callback_data=data(CME_CONFIRM, registration_id),
                ),
                InlineKeyboardButton(
                    t.gettext("Unregister: give up my seat"),
                    callback_data=data(CME_DECLINE, registration_id),
                ),
            ]
        ]
    )


def hour_reminder(t: Translator, registration_id: int) -> InlineKeyboardMarkup:
    return rows(
        (t.gettext("Also remind me an hour before"), data(CME_HOUR_REMINDER, registration_id))
    )


def events_overview(
    t: Translator, events: Sequence[Event], console_url: str | None = None
) -> InlineKeyboardMarkup:
    """The events, what to do next, and (when the console is served) the events in the console,
    where the forms and tables are easier than in a chat."""
    buttons = [
        (f"{t.date(e.start_at, 'short')} {e.title}", data(EVENT_SHOW, e.id))
        for e in events[:LIST_LIMIT]
    ]
    buttons += [
        (t.gettext("New event"), data(EVENT_NEW)),
        (t.gettext("Import events (CSV)"), data(EVENT_IMPORT)),
        (t.gettext("LOK groups"), data(LOK_OVERVIEW)),
    ]
    markup = with_console(rows(*buttons), console_url, t.gettext("Events in the console"), "events")
    assert markup is not None  # it had a markup to add to
    return markup


def event_actions(t: Translator, event: Event) -> InlineKeyboardMarkup:
    buttons = [
        (t.gettext("Registrations and attendance"), data(EVENT_ATTENDEES, event.id)),
        (t.gettext("Attendance list (CSV)"), data(EVENT_EXPORT, event.id)),
    ]
    if event.status is EventStatus.OPEN:
        buttons += [
            (t.gettext("Check-in QR code"), data(EVENT_QR, event.id)),
            (t.gettext("Edit"), data(EVENT_EDIT, event.id)),
            (t.gettext("Cancel the event"), data(EVENT_CANCEL, event.id)),
        ]
    return rows(*buttons)


def confirm_cancel(t: Translator, event_id: int) -> InlineKeyboardMarkup:
    return rows(
        (t.gettext("Yes, cancel the event and tell everyone"), data(EVENT_CANCEL, event_id, "yes"))
    )


def attendance(t: Translator, attendees: Sequence[Attendee]) -> list[Choice]:
    """The tick list (handlers.picker): who has a seat, ticked when present; walk-ins marked."""

    def label(a: Attendee) -> str:
        name = ("☑ " if a.registration.attended_at else "☐ ") + (a.member.name or "?")
        return t.gettext("{name} (walk-in)").format(name=name) if a.registration.walk_in else name

    return [
        Choice(a.registration.id or 0, label(a), a.member.name or "")
        for a in attendees
        if a.registration.state is RegistrationState.REGISTERED
    ]


def add_walk_in(t: Translator, event_id: int) -> tuple[str, str]:
    return t.gettext("Add a walk-in"), data(EVENT_WALK_IN, event_id)


EDITABLE_FIELDS = ("title", "start", "location", "capacity", "points", "deadline")


def edit_fields(t: Translator, event_id: int) -> InlineKeyboardMarkup:
    names = {
        "title": t.gettext("Title"),
        "start": t.gettext("Start"),
        "location": t.gettext("Location"),
        "capacity": t.gettext("Capacity"),
        "points": t.gettext("Points"),
        "deadline": t.gettext("Registration deadline"),
    }
    return rows(*((names[f], data(EVENT_EDIT, event_id, f)) for f in EDITABLE_FIELDS))


def event_kinds(t: Translator) -> InlineKeyboardMarkup:
    return rows(*((texts.event_kind(t, kind), data(EVENT_KIND, kind)) for kind in EventKind))


def audiences(t: Translator, groups: Sequence[LokGroup]) -> InlineKeyboardMarkup:
    """Everyone, GPs, locums, or the members of one LOK group (`evaud:lok_group:<id>`)."""
    choices = [
        (texts.audience_name(t, audience), data(EVENT_AUDIENCE, audience))
        for audience in (EventAudience.ALL, EventAudience.GPS, EventAudience.LOCUMS)
    ]
    choices += [
        (
            texts.audience_name(t, EventAudience.LOK_GROUP, group.name),
            data(EVENT_AUDIENCE, EventAudience.LOK_GROUP, group.id),
        )
        for group in groups[:LIST_LIMIT]
    ]
    return rows(*choices)


def publish(t: Translator) -> InlineKeyboardMarkup:
    """Under the preview of a new event."""
    choices = [(t.gettext("Publish"), "yes"), (t.gettext("Cancel"), "no")]
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(label, callback_data=data(EVENT_PUBLISH, a))
                for label, a in choices
            ]
        ]
    )


def announced_event(t: Translator, event_id: int, title: str) -> InlineKeyboardMarkup:
    """Under the announcement of a new event: register at once."""
    label = t.gettext("Register: {title}").format(title=title)
    return rows((label, data(CME_REGISTER, event_id)))


def _rubric_choices(t: Translator, prefix: str) -> list[tuple[str, str]]:
    return [(texts.rubric_name(t, rubric), data(prefix, rubric)) for rubric in Rubric]


def rubrics(t: Translator) -> InlineKeyboardMarkup:
    """The rubric of a new event."""
    return rows(*_rubric_choices(t, EVENT_RUBRIC))


def credit_rubrics(t: Translator) -> InlineKeyboardMarkup:
    """The rubric of CME followed elsewhere."""
    return rows(*_rubric_choices(t, CREDITS_RUBRIC))


def credits(t: Translator) -> InlineKeyboardMarkup:
    return rows((t.gettext("Add CME followed elsewhere"), data(CREDITS_ADD)))
