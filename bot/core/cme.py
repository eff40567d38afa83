"""Continuing medical education (bijscholing): events, registration with a waiting list, check-in,
attendance and accreditation points (issue 5; seed 000 lists the staff work this replaces).

Seats: a registration holds a seat while REGISTERED or OFFERED. A freed seat is OFFERED to the
first on the waiting list, who must confirm within the response window; otherwise the seat moves
on. Every change to an event's registrations first locks the event row (`events.lock`), so
concurrent registrations are counted one at a time, in order of arrival.
"""

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from bot.core.csvfiles import read_table
from bot.core.errors import (
    AlreadyRegistered,
    EventNotAvailable,
    InvalidCheckIn,
    InvalidEvent,
    InvalidImport,
    MemberNotFound,
    NotAllowed,
    NotRegistered,
)
from bot.core.models import (
    Event,
    EventAudience,
    EventKind,
    EventStatus,
    LokGroup,
    Member,
    OutboxMessage,
    OutboxState,
    Registration,
    RegistrationState,
    Role,
    Rubric,
)
from bot.core.outbox import NOT_AFTER
from bot.core.ports import Clock, UnitOfWork, UnitOfWorkFactory

RESPONSE_WINDOW = timedelta(hours=24)  # to confirm an offered seat (kring setting)
CHECKIN_OPENS = timedelta(minutes=30)  # before the start; the link works until the end
RECENT = timedelta(days=30)  # ended events stay in /events this long, for the attendance list
DAY_BEFORE, HOUR_BEFORE = timedelta(days=1), timedelta(hours=1)
# Seed 001: a locum keeps accreditation by being in a LOK and attending at least two sessions.
LOCUM_LOK_MINIMUM = 2
# RIZIV accreditation rules for LOK groups (GLEM): 8 to 25 members and at least 4 meetings a
# year. Not in the seeds: the kring should confirm this figure (it is one constant here).
LOK_GROUP_MEETINGS = 4
LOK_GROUP_SIZE = (8, 25)
TITLE_MAX, TEXT_MAX = 120, 500
IMPORT_COLUMNS = ("title", "kind", "start", "end")
MANAGERS = (Role.COORDINATOR, Role.STAFF)
T = TypeVar("T")

_KINDS = {
    "lok": EventKind.LOK,
    "lecture": EventKind.LECTURE,
    "navorming": EventKind.LECTURE,
    "lezing": EventKind.LECTURE,
    "formation": EventKind.LECTURE,
    "webinar": EventKind.WEBINAR,
}
_RUBRICS = {
    "": Rubric.GENERAL,
    "general": Rubric.GENERAL,
    "algemeen": Rubric.GENERAL,
    "ethics": Rubric.ETHICS,
    "ethiek": Rubric.ETHICS,
    "ethiek & economie": Rubric.ETHICS,
    "ethiek en economie": Rubric.ETHICS,
    "éthique": Rubric.ETHICS,
}
_AUDIENCES = {
    "": EventAudience.ALL,
    "all": EventAudience.ALL,
    "alle": EventAudience.ALL,
    "iedereen": EventAudience.ALL,
    "gps": EventAudience.GPS,
    "huisartsen": EventAudience.GPS,
    "locums": EventAudience.LOCUMS,
    "vervangartsen": EventAudience.LOCUMS,
    "lok": EventAudience.LOK_GROUP,
}
_MOMENT_FORMATS = ("%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M", "%d-%m-%Y %H:%M")


def _key(value: str) -> str:
    return " ".join(value.lower().split())


def parse_moment(text: str, zone: ZoneInfo) -> datetime:
    """'12/12/2026 20:00' or '2026-12-12 20:00', in the kring's time zone."""
    for fmt in _MOMENT_FORMATS:
        try:
            return datetime.strptime(" ".join(text.split()), fmt).replace(tzinfo=zone)
        except ValueError:
            continue
    raise InvalidEvent("moment")


def parse_end(text: str, start_at: datetime) -> datetime:
    """The end: a time on the day of the start ('22:00') or a full moment."""
    zone = start_at.tzinfo
    assert isinstance(zone, ZoneInfo)
    try:
        clock_time = time.fromisoformat(text.strip().replace(".", ":").zfill(5))
    except ValueError:
        end_at = parse_moment(text, zone)
    else:
        end_at = datetime.combine(start_at.astimezone(zone).date(), clock_time, zone)
    if end_at <= start_at:
        raise InvalidEvent("end_before_start")
    return end_at


def parse_count(text: str, *, optional: bool = False) -> int | None:
    """A whole number 0..9999; '-' or empty means none when `optional`."""
    text = text.strip()
    if optional and text in ("", "-"):
        return None
    if not text.isdigit() or int(text) > 9999:
        raise InvalidEvent("number")
    return int(text)


def clean_title(text: str) -> str:
    title = " ".join(text.split())
    if not 3 <= len(title) <= TITLE_MAX:
        raise InvalidEvent("title")
    return title


def _choice(table: dict[str, T], text: str, reason: str) -> T:
    try:
        return table[_key(text)]
    except KeyError:
        raise InvalidEvent(reason) from None


@dataclass(frozen=True)
class EventView:
    """An event as a member sees it in /cme."""

    event: Event
    seats_left: int | None  # None: no limit
    mine: Registration | None
    position: int | None  # on the waiting list, from 1


@dataclass(frozen=True)
class Attendee:
    member: Member
    registration: Registration


@dataclass(frozen=True)
class Credits:
    year: int
    points: dict[Rubric, int]
    lok_sessions: int
    lok_minimum: int | None  # for locums and LOK members; None when it does not apply
    events: list[Event] = field(default_factory=list)


@dataclass(frozen=True)
class LokGroupYear:
    group: LokGroup
    held: int  # LOK sessions of the group this year that have taken place
    planned: int  # and those still to come
    required: int = LOK_GROUP_MEETINGS

    @property
    def size_ok(self) -> bool:
        return LOK_GROUP_SIZE[0] <= len(self.group.member_ids) <= LOK_GROUP_SIZE[1]

    @property
    def meets_requirement(self) -> bool:
        return self.held >= self.required

    @property
    def on_track(self) -> bool:
        """Meets it if the planned sessions take place."""
        return self.held + self.planned >= self.required


class CmeService:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        timezone: str,
        response_window: timedelta = RESPONSE_WINDOW,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self.zone = ZoneInfo(timezone)
        self.response_window = response_window

    # --- the coordinator's side ----------------------------------------------------------

    async def create(self, manager: Member, event: Event) -> Event:
        _require_manager(manager)
        event.created_at = self._clock.now()
        event.checkin_token = new_token()
        async with self._uow() as uow:
            event = await uow.events.add(event)
            await uow.commit()
        return event

    def draft(self, title: str, kind: EventKind, start_at: datetime, end_at: datetime) -> Event:
        """A new event with the defaults: registration closes at the start."""
        return Event(
            title=clean_title(title),
            kind=kind,
            start_at=start_at,
            end_at=end_at,
            deadline_at=start_at,
            created_at=self._clock.now(),
            checkin_token="",
        )

    async def import_events(self, manager: Member, content: bytes) -> list[Event]:
        """Every row becomes an event, or (one bad row) nothing does."""
        _require_manager(manager)
        rows = read_table(content, IMPORT_COLUMNS)
        async with self._uow() as uow:
            groups = {_key(group.name): group for group in await uow.events.lok_groups()}
            events: list[Event] = []
            problems: list[InvalidEvent] = []
            for row in rows:
                try:
                    events.append(self._event_from_row(row.values, groups))
                except InvalidEvent as problem:
                    problem.line = row.line
                    problems.append(problem)
            if problems or not events:
                raise InvalidImport(problems or [InvalidEvent("empty", 2)])
            for event in events:
                event.checkin_token = new_token()
                await uow.events.add(event)
            await uow.commit()
        return events

    def _event_from_row(self, values: dict[str, str], groups: dict[str, LokGroup]) -> Event:
        start_at = parse_moment(values["start"], self.zone)
        event = self.draft(
            values["title"],
            _choice(_KINDS, values["kind"], "kind"),
            start_at,
            parse_end(values["end"], start_at),
        )
        event.location = values.get("location", "")[:TEXT_MAX]
        event.speaker = values.get("speaker", "")[:TEXT_MAX]
        event.description = values.get("description", "")[:TEXT_MAX]
        event.capacity = parse_count(values.get("capacity", ""), optional=True)
        event.points = parse_count(values.get("points", ""), optional=True) or 0
        event.rubric = _choice(_RUBRICS, values.get("rubric", ""), "rubric")
        event.audience = _choice(_AUDIENCES, values.get("audience", ""), "audience")
        if values.get("deadline"):
            event.deadline_at = parse_moment(values["deadline"], self.zone)
            if event.deadline_at > start_at:
                raise InvalidEvent("deadline")
        if group_name := values.get("lok_group", ""):
            group = groups.get(_key(group_name))
            if group is None:
                raise InvalidEvent("lok_group")
            event.lok_group_id = group.id
        elif event.audience is EventAudience.LOK_GROUP:
            raise InvalidEvent("lok_group")
        return event

    async def edit(self, manager: Member, event_id: int, field_name: str, text: str) -> Event:
        """Change one field from what the coordinator typed."""
        _require_manager(manager)
        async with self._uow() as uow:
            event = await self._open_event(uow, event_id)
            if field_name == "title":
                event.title = clean_title(text)
            elif field_name == "start":
                duration = event.end_at - event.start_at
                moved = parse_moment(text, self.zone)
                event.deadline_at = min(event.deadline_at + (moved - event.start_at), moved)
                event.start_at, event.end_at = moved, moved + duration
                await self._replan_reminders(uow, event)
            elif field_name == "location":
                event.location = " ".join(text.split())[:TEXT_MAX]
            elif field_name == "capacity":
                event.capacity = parse_count(text, optional=True)
            elif field_name == "points":
                event.points = parse_count(text) or 0
            elif field_name == "deadline":
                deadline = parse_moment(text, self.zone)
                if deadline > event.start_at:
                    raise InvalidEvent("deadline")
                event.deadline_at = deadline
            else:
                raise InvalidEvent("field")
            await uow.events.update(event)
            await self._fill_free_seats(uow, event)
            await uow.commit()
        return event

    async def cancel(self, manager: Member, event_id: int) -> int:
        """Cancel the event; everyone registered or waiting is told. Returns how many."""
        _require_manager(manager)
        now = self._clock.now()
        async with self._uow() as uow:
            event = await self._open_event(uow, event_id)
            event.status = EventStatus.CANCELLED
            await uow.events.update(event)
            told = 0
            for registration in await uow.events.registrations(event_id):
                if not registration.active:
                    continue
                await self._drop_reminders(uow, registration)
                await uow.events.update_registration(registration)
                member = await uow.members.get(registration.member_id)
                if member is not None and member.telegram_id is not None:
                    await uow.outbox.add(
                        OutboxMessage.to(member, "cme_cancelled", now, **_about(event))
                    )
                    told += 1
            await uow.commit()
        return told

    async def managed_events(self) -> list[Event]:
        """What the coordinator manages: events that have not ended, and those of the past month
        (their attendance lists still go to the RIZIV); cancelled ones included."""
        async with self._uow() as uow:
            return list(await uow.events.ending_after(self._clock.now() - RECENT))

    async def event(self, event_id: int) -> Event:
        async with self._uow() as uow:
            event = await uow.events.get(event_id)
        if event is None:
            raise EventNotAvailable("unknown")
        return event

    async def attendees(self, manager: Member, event_id: int) -> tuple[Event, list[Attendee]]:
        """The registration list (seats first, then the waiting list), with who attended."""
        _require_manager(manager)
        async with self._uow() as uow:
            event = await uow.events.get(event_id)
            if event is None:
                raise EventNotAvailable("unknown")
            found: list[Attendee] = []
            for registration in await uow.events.registrations(event_id):
                member = await uow.members.get(registration.member_id)
                if registration.active and member is not None:
                    found.append(Attendee(member, registration))
        found.sort(key=lambda a: (not a.registration.has_seat, a.registration.id or 0))
        return event, found

    async def set_attended(self, manager: Member, registration_id: int) -> Registration:
        """Tick (or untick) attendance from the registration list."""
        _require_manager(manager)
        async with self._uow() as uow:
            registration, _event = await self._locked(uow, registration_id)
            registration.attended_at = (
                None if registration.attended_at is not None else self._clock.now()
            )
            if registration.attended_at is not None:
                registration.state = RegistrationState.REGISTERED
            await uow.events.update_registration(registration)
            await uow.commit()
        return registration

    async def add_walk_in(self, manager: Member, event_id: int, who: str) -> Attendee:
        """The coordinator adds a member who came without registering, by RIZIV number or by
        (part of) their name."""
        _require_manager(manager)
        async with self._uow() as uow:
            member = await _find_member(uow, who)
        return Attendee(member, await self._attend(event_id, member))

    async def lok_overview(self, year: int) -> list[LokGroupYear]:
        start, end = self._year(year)
        async with self._uow() as uow:
            groups = await uow.events.lok_groups()
            events = await uow.events.starting_between(start, end)
        now = self._clock.now()
        sessions = [e for e in events if e.kind is EventKind.LOK and e.status is EventStatus.OPEN]
        return [
            LokGroupYear(
                group,
                held=sum(1 for e in sessions if e.lok_group_id == group.id and e.end_at <= now),
                planned=sum(1 for e in sessions if e.lok_group_id == group.id and e.end_at > now),
            )
            for group in groups
        ]

    # --- the member's side ---------------------------------------------------------------

    async def upcoming(self, member: Member) -> list[EventView]:
        """Open events that have not started and that the member may attend."""
        now = self._clock.now()
        async with self._uow() as uow:
            groups = await uow.events.lok_groups()
            views = []
            for event in await uow.events.ending_after(now):
                if (
                    event.status is not EventStatus.OPEN
                    or event.start_at <= now
                    or not _in_audience(event, member, groups)
                ):
                    continue
                views.append(_view(event, await uow.events.registrations(event.id or 0), member))
        return views

    async def register(self, member: Member, event_id: int) -> EventView:
        now = self._clock.now()
        async with self._uow() as uow:
            event = await self._open_event(uow, event_id)
            if now >= event.deadline_at:
                raise EventNotAvailable("closed")
            if not _in_audience(event, member, await uow.events.lok_groups()):
                raise EventNotAvailable("audience")
            registrations = await uow.events.registrations(event_id)
            if any(r.member_id == member.id and r.active for r in registrations):
                raise AlreadyRegistered()
            seats_left = _seats_left(event, registrations)
            state = RegistrationState.WAITING if seats_left == 0 else RegistrationState.REGISTERED
            registration = await uow.events.add_registration(
                Registration(event_id, member.id or 0, state, now)
            )
            if state is RegistrationState.REGISTERED:
                await self._plan_reminders(uow, event, member, registration)
            await uow.commit()
            return _view(event, [*registrations, registration], member)

    async def unregister(self, member: Member, event_id: int) -> Event:
        """Leave the event or its waiting list; a freed seat is offered to the next in line."""
        async with self._uow() as uow:
            event = await self._open_event(uow, event_id)
            if event.start_at <= self._clock.now():
                raise EventNotAvailable("started")
            mine = [
                r
                for r in await uow.events.registrations(event_id)
                if r.member_id == member.id and r.active
            ]
            if not mine:
                raise NotRegistered()
            await self._give_up(uow, event, mine[0])
            await uow.commit()
        return event

    async def confirm(self, member: Member, registration_id: int) -> Event:
        """Accept an offered seat within the response window."""
        async with self._uow() as uow:
            registration, event = await self._offer(uow, member, registration_id)
            registration.state, registration.offer_expires_at = RegistrationState.REGISTERED, None
            await self._plan_reminders(uow, event, member, registration)
            await uow.commit()
        return event

    async def remind_hour_before(self, member: Member, registration_id: int) -> Event:
        """The member also wants a reminder an hour before the start."""
        async with self._uow() as uow:
            registration, event = await self._locked(uow, registration_id, member.id)
            if registration.state is not RegistrationState.REGISTERED:
                raise NotRegistered()
            registration.remind_hour_before = True
            await self._drop_reminders(uow, registration)
            await self._plan_reminders(uow, event, member, registration)
            await uow.commit()
        return event

    async def decline(self, member: Member, registration_id: int) -> Event:
        async with self._uow() as uow:
            registration, event = await self._offer(uow, member, registration_id)
            await self._give_up(uow, event, registration)
            await uow.commit()
        return event

    async def expire_offers(self) -> int:
        """Due work: offers whose response window passed; the seat moves on. Returns how many."""
        now = self._clock.now()
        async with self._uow() as uow:
            candidates = await uow.events.offers_expired(now)
        expired = 0
        for candidate in candidates:
            async with self._uow() as uow:
                event = await uow.events.lock(candidate.event_id)
                registration = await uow.events.get_registration(candidate.id or 0)
                if (
                    event is None
                    or registration is None
                    or registration.state is not RegistrationState.OFFERED
                    or (registration.offer_expires_at or now) > now
                ):
                    continue  # confirmed or declined meanwhile
                member = await uow.members.get(registration.member_id)
                if member is not None and member.telegram_id is not None:
                    await uow.outbox.add(
                        OutboxMessage.to(member, "cme_offer_expired", now, **_about(event))
                    )
                await self._give_up(uow, event, registration)
                await uow.commit()
                expired += 1
        return expired

    async def check_in(self, member: Member, token: str) -> tuple[Event, Registration]:
        """Check in with the event's link; a member who did not register is added as walk-in."""
        async with self._uow() as uow:
            event = await uow.events.by_token(token) if token else None
        if event is None or not secrets.compare_digest(event.checkin_token, token):
            raise InvalidCheckIn("unknown")
        now = self._clock.now()
        if (
            event.status is not EventStatus.OPEN
            or now < event.start_at - CHECKIN_OPENS
            or now > event.end_at
        ):
            raise InvalidCheckIn("not_open")
        return event, await self._attend(event.id or 0, member)

    async def credits(self, member: Member, year: int | None = None) -> Credits:
        """Points of the events the member attended this year, per rubric, and LOK sessions."""
        year = year or self._clock.now().astimezone(self.zone).year
        start, end = self._year(year)
        async with self._uow() as uow:
            attended = [
                event
                for r in await uow.events.registrations_of(member.id or 0)
                if r.attended_at is not None
                and (event := await uow.events.get(r.event_id)) is not None
                and start <= event.start_at < end
                and event.status is EventStatus.OPEN
            ]
            in_lok = any(member.id in g.member_ids for g in await uow.events.lok_groups())
        points = {rubric: 0 for rubric in Rubric}
        for event in attended:
            points[event.rubric] += event.points
        return Credits(
            year=year,
            points=points,
            lok_sessions=sum(1 for e in attended if e.kind is EventKind.LOK),
            lok_minimum=LOCUM_LOK_MINIMUM if member.role is Role.LOCUM or in_lok else None,
            events=sorted(attended, key=lambda e: e.start_at),
        )

    # --- the state machine's steps -------------------------------------------------------

    async def _open_event(self, uow: UnitOfWork, event_id: int) -> Event:
        event = await uow.events.lock(event_id)
        if event is None:
            raise EventNotAvailable("unknown")
        if event.status is EventStatus.CANCELLED:
            raise EventNotAvailable("cancelled")
        return event

    async def _locked(
        self, uow: UnitOfWork, registration_id: int, member_id: int | None = None
    ) -> tuple[Registration, Event]:
        """An active registration (of `member_id`, if given) with its event locked, read again
        under the lock: what it was before the lock may have changed meanwhile."""
        found = await uow.events.get_registration(registration_id)
        if found is None or (member_id is not None and found.member_id != member_id):
            raise NotRegistered()
        event = await self._open_event(uow, found.event_id)
        registration = await uow.events.get_registration(registration_id)
        if registration is None or not registration.active:
            raise NotRegistered()
        return registration, event

    async def _offer(
        self, uow: UnitOfWork, member: Member, registration_id: int
    ) -> tuple[Registration, Event]:
        """The member's offered seat, with its event locked, if the offer still stands."""
        registration, event = await self._locked(uow, registration_id, member.id)
        now = self._clock.now()
        if (
            registration.state is not RegistrationState.OFFERED
            or (registration.offer_expires_at or now) <= now
        ):
            raise NotRegistered()
        return registration, event

    async def _give_up(self, uow: UnitOfWork, event: Event, registration: Registration) -> None:
        """The registration ends; if it held a seat, the seat goes to the next in line."""
        had_seat = registration.has_seat
        registration.state, registration.offer_expires_at = RegistrationState.CANCELLED, None
        await self._drop_reminders(uow, registration)
        await uow.events.update_registration(registration)
        if had_seat:
            await self._fill_free_seats(uow, event)

    async def _fill_free_seats(self, uow: UnitOfWork, event: Event) -> None:
        """Offer free seats to the waiting list, first come first served (the event is locked)."""
        now = self._clock.now()
        if event.start_at <= now:
            return
        registrations = await uow.events.registrations(event.id or 0)
        waiting = [r for r in registrations if r.state is RegistrationState.WAITING]
        free = _seats_left(event, registrations)
        for registration in waiting[: len(waiting) if free is None else free]:
            member = await uow.members.get(registration.member_id)
            if member is None or member.telegram_id is None:
                continue
            registration.state = RegistrationState.OFFERED
            registration.offer_expires_at = min(now + self.response_window, event.start_at)
            await uow.events.update_registration(registration)
            await uow.outbox.add(
                OutboxMessage.to(
                    member,
                    "cme_offer",
                    now,
                    registration_id=registration.id,
                    expires_at=registration.offer_expires_at.isoformat(),
                    **_about(event),
                )
            )

    async def _plan_reminders(
        self, uow: UnitOfWork, event: Event, member: Member, registration: Registration
    ) -> None:
        """Durable reminders the day (and, if the member asked, the hour) before; none for a
        moment that has passed already. A reminder sent late (the bot was down) expires at the
        start."""
        now = self._clock.now()
        before = [DAY_BEFORE, HOUR_BEFORE] if registration.remind_hour_before else [DAY_BEFORE]
        for ahead in before:
            due_at = event.start_at - ahead
            if due_at <= now or member.telegram_id is None:
                continue
            row = await uow.outbox.add(
                OutboxMessage.to(
                    member,
                    "cme_reminder",
                    due_at,
                    **{NOT_AFTER: event.start_at.isoformat()},
                    **_about(event),
                )
            )
            registration.reminder_ids.append(row.id or 0)
        await uow.events.update_registration(registration)

    async def _replan_reminders(self, uow: UnitOfWork, event: Event) -> None:
        """The event moved: the reminders of everyone with a seat move with it."""
        for registration in await uow.events.registrations(event.id or 0):
            member = await uow.members.get(registration.member_id)
            if registration.state is RegistrationState.REGISTERED and member is not None:
                await self._drop_reminders(uow, registration)
                await self._plan_reminders(uow, event, member, registration)

    async def _drop_reminders(self, uow: UnitOfWork, registration: Registration) -> None:
        for outbox_id in registration.reminder_ids:
            reminder = await uow.outbox.get(outbox_id)
            if reminder is not None and reminder.state is OutboxState.PENDING:
                reminder.state = OutboxState.CANCELLED
                await uow.outbox.update(reminder)
        registration.reminder_ids = []

    async def _attend(self, event_id: int, member: Member) -> Registration:
        now = self._clock.now()
        async with self._uow() as uow:
            event = await self._open_event(uow, event_id)
            mine = [
                r
                for r in await uow.events.registrations(event_id)
                if r.member_id == member.id and r.active
            ]
            if mine:
                registration = mine[0]
                if registration.state is not RegistrationState.REGISTERED:
                    registration.state, registration.offer_expires_at = (
                        RegistrationState.REGISTERED,
                        None,
                    )
                registration.attended_at = registration.attended_at or now
                await uow.events.update_registration(registration)
            else:
                registration = await uow.events.add_registration(
                    Registration(
                        event.id or 0,
                        member.id or 0,
                        RegistrationState.REGISTERED,
                        now,
                        attended_at=now,
                        walk_in=True,
                    )
                )
            await uow.commit()
        return registration

    def _year(self, year: int) -> tuple[datetime, datetime]:
        return (
            datetime(year, 1, 1, tzinfo=self.zone).astimezone(UTC),
            datetime(year + 1, 1, 1, tzinfo=self.zone).astimezone(UTC),
        )


async def _find_member(uow: UnitOfWork, who: str) -> Member:
    digits = "".join(char for char in who if char.isdigit())
    if len(digits) == 11:
        found = await uow.members.by_riziv(digits)
        if found is not None and found.is_active:
            return found
        raise MemberNotFound()
    wanted = _key(who)
    matches = [
        m
        for m in await uow.members.list(active_only=True)
        if len(wanted) >= 3 and wanted in _key(m.name or "")
    ]
    if len(matches) != 1:
        raise MemberNotFound()
    return matches[0]


def new_token() -> str:
    return secrets.token_urlsafe(16)


def _require_manager(member: Member) -> None:
    if not (member.is_active and member.role in MANAGERS):
        raise NotAllowed()


def _in_audience(event: Event, member: Member, groups: Sequence[LokGroup]) -> bool:
    if member.role in MANAGERS or event.audience is EventAudience.ALL:
        return True
    if event.audience is EventAudience.GPS:
        return member.role is Role.GP
    if event.audience is EventAudience.LOCUMS:
        return member.role is Role.LOCUM
    return any(g.id == event.lok_group_id and member.id in g.member_ids for g in groups)


def _seats_left(event: Event, registrations: Sequence[Registration]) -> int | None:
    if event.capacity is None:
        return None
    return max(event.capacity - sum(1 for r in registrations if r.has_seat), 0)


def _view(event: Event, registrations: Sequence[Registration], member: Member) -> EventView:
    mine = next((r for r in registrations if r.member_id == member.id and r.active), None)
    position = None
    if mine is not None and mine.state is RegistrationState.WAITING:
        waiting = [r.id for r in registrations if r.state is RegistrationState.WAITING]
        position = waiting.index(mine.id) + 1
    return EventView(event, _seats_left(event, registrations), mine, position)


def _about(event: Event) -> dict[str, object]:
    """What a notification about the event shows."""
    return {
        "event_id": event.id,
        "title": event.title,
        "start_at": event.start_at.isoformat(),
        "location": event.location,
    }


class UpcomingEvents:
    """Digest section: events in the coming two weeks the member may attend, is not registered
    for, and that still have seats (or no limit)."""

    name = "events"
    AHEAD = timedelta(days=14)

    async def prepare(self, uow: UnitOfWork, since: datetime, until: datetime) -> None:
        groups = await uow.events.lok_groups()
        self._groups = groups
        self._events = [
            (event, await uow.events.registrations(event.id or 0))
            for event in await uow.events.starting_between(until, until + self.AHEAD)
            if event.status is EventStatus.OPEN
        ]

    def items(self, member: Member, since: datetime) -> list[dict[str, object]]:
        found = []
        for event, registrations in self._events:
            view = _view(event, registrations, member)
            if (
                view.mine is None
                and view.seats_left != 0
                and _in_audience(event, member, self._groups)
            ):
                found.append({**_about(event), "seats_left": view.seats_left})
        return found
