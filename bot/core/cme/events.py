"""CME events themselves: the coordinator creates, imports, edits and cancels them; members see
the ones coming up (in /cme and in the digest)."""

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.cme.common import (
    EventView,
    in_audience,
    new_token,
    view,
)
from bot.core.cme.steps import RegistrationSteps, open_event
from bot.core.cme.values import (
    AUDIENCES,
    KINDS,
    RUBRICS,
    TEXT_MAX,
    choice,
    clean_title,
    key,
    parse_count,
    parse_end,
    parse_moment,
)
from bot.core.csvfiles import read_table, taking_turns
from bot.core.errors import (
    EventNotAvailable,
    EventReason,
    InvalidEvent,
    InvalidImport,
    UnavailableReason,
)
from bot.core.membership import require_manager
from bot.core.models import (
    Event,
    EventAudience,
    EventKind,
    EventStatus,
    LokGroup,
    Member,
    OutboxMessage,
)
from bot.core.notices import Envelope
from bot.core.notices.cme import CmeAnnounced, CmeCancelled, EventSummary, UpcomingEvent
from bot.core.ports import Clock, UnitOfWork, UnitOfWorkFactory
from bot.core.quiet import deliver_at

RECENT = timedelta(days=30)  # ended events stay in /events this long, for the attendance list
IMPORT_COLUMNS = ("title", "kind", "start", "end")  # required; the others may be left out
EVENT_COLUMNS = (
    *IMPORT_COLUMNS,
    "deadline",
    "location",
    "speaker",
    "description",
    "capacity",
    "points",
    "rubric",
    "audience",
    "lok_group",
)
# What the coordinator sets on an event (the rest: its id, status, check-in token, creation)
EDITABLE = (
    "title",
    "kind",
    "start_at",
    "end_at",
    "deadline_at",
    "location",
    "speaker",
    "description",
    "capacity",
    "points",
    "rubric",
    "audience",
    "lok_group_id",
)


class EventsService:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        timezone: str,
        steps: RegistrationSteps,
        new_checkin_token: Callable[[], str] = new_token,
    ) -> None:
        """`new_checkin_token` replaces the random check-in tokens (chat scripts want
        repeatable ones)."""
        self._uow = uow_factory
        self._clock = clock
        self._steps = steps
        self._new_token = new_checkin_token
        self.zone = ZoneInfo(timezone)

    # --- the coordinator's side ----------------------------------------------------------

    async def create(self, manager: Member, event: Event) -> Event:
        """Publish the event; its audience is told (the outbox, quiet hours respected)."""
        require_manager(manager)
        event.created_at = self._clock.now()
        event.checkin_token = self._new_token()
        async with self._uow() as uow:
            event = await uow.events.add(event)
            await self._announce(uow, manager, event)
            await uow.commit()
        return event

    async def lok_groups(self) -> list[LokGroup]:
        async with self._uow() as uow:
            return list(await uow.events.lok_groups())

    async def _announce(self, uow: UnitOfWork, manager: Member, event: Event) -> None:
        """Tell the event's audience, except who published it and who turned this off. The
        message expires when registration closes."""
        now = self._clock.now()
        groups = await uow.events.lok_groups()
        notice = CmeAnnounced.of(event)
        for member in await uow.members.list(active_only=True):
            if (
                member.id == manager.id
                or member.telegram_id is None
                or not member.reachable
                or not member.cme_announcements
                or not in_audience(event, member, groups)
            ):
                continue
            due = deliver_at(member, now, self.zone, urgent=False)
            envelope = Envelope(not_after=event.deadline_at)
            await uow.outbox.add(OutboxMessage.to(member, notice, due, envelope))

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
        require_manager(manager)
        rows = read_table(content, IMPORT_COLUMNS)
        async with self._uow() as uow:
            groups = {key(group.name): group for group in await uow.events.lok_groups()}
            events: list[Event] = []
            problems: list[InvalidEvent] = []
            async for row in taking_turns(rows):
                try:
                    events.append(self._event_from_row(row.values, groups))
                except InvalidEvent as problem:
                    problem.line = row.line
                    problems.append(problem)
            if problems or not events:
                raise InvalidImport(problems or [InvalidEvent(EventReason.EMPTY, 2)])
            for event in events:
                event.checkin_token = self._new_token()
                await self._announce(uow, manager, await uow.events.add(event))
            await uow.commit()
        return events

    def _event_from_row(self, values: dict[str, str], groups: dict[str, LokGroup]) -> Event:
        start_at = parse_moment(values["start"], self.zone)
        event = self.draft(
            values["title"],
            choice(KINDS, values["kind"], EventReason.KIND),
            start_at,
            parse_end(values["end"], start_at),
        )
        event.location = values.get("location", "")[:TEXT_MAX]
        event.speaker = values.get("speaker", "")[:TEXT_MAX]
        event.description = values.get("description", "")[:TEXT_MAX]
        event.capacity = parse_count(values.get("capacity", ""), optional=True)
        event.points = parse_count(values.get("points", ""), optional=True) or 0
        event.rubric = choice(RUBRICS, values.get("rubric", ""), EventReason.RUBRIC)
        event.audience = choice(AUDIENCES, values.get("audience", ""), EventReason.AUDIENCE)
        if values.get("deadline"):
            event.deadline_at = parse_moment(values["deadline"], self.zone)
            if event.deadline_at > start_at:
                raise InvalidEvent(EventReason.DEADLINE)
        if group_name := values.get("lok_group", ""):
            group = groups.get(key(group_name))
            if group is None:
                raise InvalidEvent(EventReason.LOK_GROUP)
            event.lok_group_id = group.id
        elif event.audience is EventAudience.LOK_GROUP:
            raise InvalidEvent(EventReason.LOK_GROUP)
        return event

    async def create_from(self, manager: Member, values: dict[str, str]) -> Event:
        """A new event from every field at once (the console's form: the import's columns),
        read by the same rules as an imported row."""
        require_manager(manager)
        return await self.create(manager, self._event_from_row(values, await self._groups()))

    async def replace(self, manager: Member, event_id: int, values: dict[str, str]) -> Event:
        """Change every field at once (the console's form). Reminders follow a new start; a
        larger capacity offers seats to the waiting list."""
        require_manager(manager)
        changed = self._event_from_row(values, await self._groups())
        async with self._uow() as uow:
            event = await open_event(uow, event_id)
            moved = changed.start_at != event.start_at
            for name in EDITABLE:
                setattr(event, name, getattr(changed, name))
            await uow.events.update(event)
            if moved:
                await self._steps.replan_reminders(uow, event)
            await self._steps.fill_free_seats(uow, event)
            await uow.commit()
        return event

    async def _groups(self) -> dict[str, LokGroup]:
        return {key(group.name): group for group in await self.lok_groups()}

    async def edit(self, manager: Member, event_id: int, field_name: str, text: str) -> Event:
        """Change one field from what the coordinator typed."""
        require_manager(manager)
        async with self._uow() as uow:
            event = await open_event(uow, event_id)
            if field_name == "title":
                event.title = clean_title(text)
            elif field_name == "start":
                duration = event.end_at - event.start_at
                moved = parse_moment(text, self.zone)
                event.deadline_at = min(event.deadline_at + (moved - event.start_at), moved)
                event.start_at, event.end_at = moved, moved + duration
                await self._steps.replan_reminders(uow, event)
            elif field_name == "location":
                event.location = " ".join(text.split())[:TEXT_MAX]
            elif field_name == "capacity":
                event.capacity = parse_count(text, optional=True)
            elif field_name == "points":
                event.points = parse_count(text) or 0
            elif field_name == "deadline":
                deadline = parse_moment(text, self.zone)
                if deadline > event.start_at:
                    raise InvalidEvent(EventReason.DEADLINE)
                event.deadline_at = deadline
            else:
                raise InvalidEvent(EventReason.FIELD)
            await uow.events.update(event)
            await self._steps.fill_free_seats(uow, event)
            await uow.commit()
        return event

    async def cancel(self, manager: Member, event_id: int) -> int:
        """Cancel the event; everyone registered or waiting is told. Returns how many."""
        require_manager(manager)
        now = self._clock.now()
        async with self._uow() as uow:
            event = await open_event(uow, event_id)
            event.status = EventStatus.CANCELLED
            await uow.events.update(event)
            told = 0
            for registration in await uow.events.registrations(event_id):
                if not registration.active:
                    continue
                await self._steps.drop_reminders(uow, registration)
                await uow.events.update_registration(registration)
                member = await uow.members.get(registration.member_id)
                if member is not None and member.telegram_id is not None:
                    notice = CmeCancelled(
                        event=EventSummary.of(event), end_at=event.end_at, cancelled_at=now
                    )
                    await uow.outbox.add(OutboxMessage.to(member, notice, now))
                    told += 1
            await uow.commit()
        return told

    # --- listing -------------------------------------------------------------------------

    async def managed_events(self) -> list[Event]:
        """What the coordinator manages: events that have not ended, and those of the past month
        (their attendance lists still go to the RIZIV); cancelled ones included."""
        async with self._uow() as uow:
            return list(await uow.events.ending_after(self._clock.now() - RECENT))

    async def event(self, event_id: int) -> Event:
        async with self._uow() as uow:
            event = await uow.events.get(event_id)
        if event is None:
            raise EventNotAvailable(UnavailableReason.UNKNOWN)
        return event

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
                    or not in_audience(event, member, groups)
                ):
                    continue
                views.append(view(event, await uow.events.registrations(event.id or 0), member))
        return views


class UpcomingEvents:
    """Digest section: events in the coming two weeks the member may attend, is not registered
    for, and that still have seats (or no limit).

    The two weeks count from when the digest is composed, not from the period's end: a digest
    that runs late (the bot was down) must not offer an event that has taken place meanwhile."""

    name = "events"
    AHEAD = timedelta(days=14)

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    async def prepare(self, uow: UnitOfWork, since: datetime, until: datetime) -> None:
        groups = await uow.events.lok_groups()
        self._groups = groups
        start = max(until, self._clock.now())
        self._events = [
            (event, await uow.events.registrations(event.id or 0))
            for event in await uow.events.starting_between(start, start + self.AHEAD)
            if event.status is EventStatus.OPEN and event.deadline_at > start
        ]

    def items(self, member: Member, since: datetime) -> list[UpcomingEvent]:
        found = []
        for event, registrations in self._events:
            shown = view(event, registrations, member)
            if (
                shown.mine is None
                and shown.seats_left != 0
                and in_audience(event, member, self._groups)
            ):
                found.append(
                    UpcomingEvent(event=EventSummary.of(event), seats_left=shown.seats_left)
                )
        return found
