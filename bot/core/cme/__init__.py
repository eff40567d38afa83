"""Continuing medical education (bijscholing): events, registration with a waiting list, check-in,
attendance and accreditation points (issue 5; seed 000 lists the staff work this replaces).

Seats: a registration holds a seat while REGISTERED or OFFERED. A freed seat is OFFERED to the
first on the waiting list, who must confirm within the response window; otherwise the seat moves
on. Every change to an event's registrations first locks the event row (`events.lock`), so
concurrent registrations are counted one at a time, in order of arrival.

One service per concern, all sharing the state machine's steps (`steps.RegistrationSteps`):
- `events`: EventsService, create, import, edit, cancel and list events;
- `seats`: SeatsService, register, unregister, the waiting list's offers and their expiry;
- `attendance`: AttendanceService, check-in, ticks, walk-ins, the registration list;
- `credits`: CreditsService, a member's points and the LOK groups' year.

This package exports what the rest of the bot uses.
"""

from bot.core.cme.attendance import CHECKIN_OPENS, AttendanceService, Attendee
from bot.core.cme.common import EventView, new_token
from bot.core.cme.credits import Credits, CreditsService, CreditTarget, LokGroupYear
from bot.core.cme.events import EventsService, UpcomingEvents
from bot.core.cme.seats import SeatsService
from bot.core.cme.steps import RegistrationSteps
from bot.core.cme.values import (
    clean_title,
    parse_count,
    parse_day,
    parse_deadline,
    parse_end,
    parse_moment,
)

__all__ = [
    "CHECKIN_OPENS",
    "AttendanceService",
    "Attendee",
    "CreditTarget",
    "Credits",
    "CreditsService",
    "EventView",
    "EventsService",
    "LokGroupYear",
    "RegistrationSteps",
    "SeatsService",
    "UpcomingEvents",
    "clean_title",
    "new_token",
    "parse_count",
    "parse_day",
    "parse_deadline",
    "parse_end",
    "parse_moment",
]
