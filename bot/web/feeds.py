"""Calendar feeds as .ics, in the member's language (a zone's roster in the kring's).

Entries keep the UIDs of the calendar files the bot sends (`shift-<id>`, `event-<id>`), a
shift's built by the same function (bot.core.ics.shift_item, with its hand-over SEQUENCE), so a
phone that has both shows one entry; an entry that leaves the feed (a swap, an unregistration, a
cancelled event) leaves the subscribed calendar at its next refresh.
"""

from dataclasses import replace

from bot.core.feeds import FeedContent
from bot.core.ics import CalendarItem, calendar_file, shift_item
from bot.core.models import Event, Shift
from bot.core.notices.shifts import ShiftSummary
from bot.core.services import Services
from bot.i18n import Translator, translator


def feed_file(content: FeedContent, services: Services) -> bytes:
    kring = services.kring
    language = content.member.language if content.member else kring.default_language
    t = translator(language, kring.timezone)
    if content.member is None:
        items = [_roster_item(t, shift, content) for shift in content.shifts]
        name = t.gettext("{kring}: on-call roster {zone}").format(
            kring=kring.name, zone=content.zone
        )
    else:
        items = [_shift_item(t, shift, content.versions[shift.id or 0]) for shift in content.shifts]
        items += [_event_item(event) for event in content.events]
        name = kring.name
    return calendar_file(items, stamp=services.clock.now(), name=name)


def _shift_item(t: Translator, shift: Shift, version: int) -> CalendarItem:
    title = t.gettext("On-call shift {zone}").format(zone=shift.zone)
    return shift_item(replace(ShiftSummary.of(shift), sequence=version), title)


def _roster_item(t: Translator, shift: Shift, content: FeedContent) -> CalendarItem:
    doctor = content.on_duty.get(shift.assignee_id or 0)
    who = doctor.name if doctor and doctor.name else t.gettext("no doctor yet")
    return CalendarItem(
        uid=f"roster-{shift.id}@kringbot",
        title=f"{who} ({shift.post})" if shift.post else who,
        start_at=shift.start_at,
        end_at=shift.end_at,
        location=f"{shift.zone} {shift.post}".strip(),
    )


def _event_item(event: Event) -> CalendarItem:
    return CalendarItem(
        uid=f"event-{event.id}@kringbot",
        title=event.title,
        start_at=event.start_at,
        end_at=event.end_at,
        location=event.location,
        description=event.description,
    )
