"""Announcements by the coordinator to an audience, through the outbox.

A broadcast is a row; when it falls due, one transaction turns it into one outbox row per
recipient (so a crash before that commit changes nothing, and after it every row is durable).
Progress, cancel and the delivery report are queries on those rows. Normal announcements wait
for the end of a member's quiet hours; urgent ones go at once.

The bot's /broadcast and the console's announcements page both compose here: who may broadcast,
the audiences offered, and the labels both show (in the reader's language, via `Gettext`).
"""

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime, time
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.core import audience as access
from bot.core.errors import BroadcastClosed, BroadcastReason, InvalidBroadcast, NotAllowed
from bot.core.locum import InvalidReplacement, parse_date
from bot.core.message_parts import esc, split
from bot.core.models import (
    Broadcast,
    BroadcastState,
    EventStatus,
    Member,
    OutboxMessage,
    OutboxState,
    Role,
)
from bot.core.notices import Envelope
from bot.core.notices.broadcast import Announcement, BroadcastReport
from bot.core.ports import Clock, Gettext, UnitOfWork, UnitOfWorkFactory
from bot.core.quiet import deliver_at

BROADCASTERS = access.Audience.COORDINATOR  # who may broadcast, in the chat and the console
TEXT_LIMIT = 4000  # Telegram allows 4096 characters, the heading needs a few
CAPTION_LIMIT = 900  # ... and 1024 for a document's caption


def checked_text(text: str, *, has_file: bool) -> str:
    """The announcement's text as it will be sent; refuses one that cannot be (checked as soon as
    the coordinator writes it, and again when the broadcast is created)."""
    text = text.strip()
    if not text and not has_file:
        raise InvalidBroadcast(BroadcastReason.EMPTY)
    if len(text) > (CAPTION_LIMIT if has_file else TEXT_LIMIT):
        raise InvalidBroadcast(BroadcastReason.TOO_LONG)
    return text


def announcement_html(kring_name: str, text: str) -> str:
    """The announcement as members get it: the kring's name in bold, then the text, escaped
    (a coordinator's text is shown as typed, never read as HTML)."""
    return f"<b>{esc(kring_name)}</b>\n{esc(text)}"


def announcement_parts(kring_name: str, text: str) -> list[str]:
    """The messages a text announcement arrives in, cut as the sender cuts it."""
    return split(announcement_html(kring_name, text))


class Audience(Protocol):
    """Who receives a broadcast."""

    @property
    def key(self) -> str:
        """What is stored on the broadcast row (`audience_from` reads it back)."""
        ...

    async def members(self, uow: UnitOfWork) -> list[Member]: ...

    def pages(self, uow: UnitOfWork, size: int) -> AsyncIterator[list[Member]]:
        """The members, read `size` at a time (by id): a broadcast to thousands is written
        page by page instead of all at once."""
        ...


async def _active_pages(
    uow: UnitOfWork, size: int, accepts: Callable[[Member], bool]
) -> AsyncIterator[list[Member]]:
    """The active members who can be written to and whom `accepts` takes, page by page."""
    after = 0
    while page := await uow.members.active_after(after, size):
        after = page[-1].id or 0
        yield [member for member in page if member.telegram_id is not None and accepts(member)]


@dataclass(frozen=True)
class MemberFilter:
    """An audience chosen among the active members by a property of theirs."""

    key: str
    accepts: Callable[[Member], bool]

    async def members(self, uow: UnitOfWork) -> list[Member]:
        return [
            member
            for member in await uow.members.list(active_only=True)
            if member.telegram_id is not None and self.accepts(member)
        ]

    def pages(self, uow: UnitOfWork, size: int) -> AsyncIterator[list[Member]]:
        return _active_pages(uow, size, self.accepts)


def _role(argument: str) -> Audience:
    role = Role(argument)
    return MemberFilter(f"role:{role.value}", lambda member: member.role is role)


def _zone(argument: str) -> Audience:
    if not argument:
        raise ValueError("a zone audience names its zone")
    return MemberFilter(f"zone:{argument}", lambda member: member.zone == argument)


@dataclass(frozen=True)
class EventRegistrants:
    """Everyone registered for a CME event (seat, offer or waiting list)."""

    event_id: int

    @property
    def key(self) -> str:
        return f"event:{self.event_id}"

    async def members(self, uow: UnitOfWork) -> list[Member]:
        registered = await self._registered(uow)
        return [
            member
            for member in await uow.members.list(active_only=True)
            if member.telegram_id is not None and member.id in registered
        ]

    async def pages(self, uow: UnitOfWork, size: int) -> AsyncIterator[list[Member]]:
        registered = await self._registered(uow)
        async for page in _active_pages(uow, size, lambda member: member.id in registered):
            yield page

    async def _registered(self, uow: UnitOfWork) -> set[int]:
        registrations = await uow.events.registrations(self.event_id)
        return {r.member_id for r in registrations if r.active}


def _event_id(argument: str) -> int:
    event_id = int(argument)
    if not 0 < event_id < 2**31:
        raise ValueError(argument)
    return event_id


# Audience key prefix -> how to build it from the rest of the key.
AUDIENCES: dict[str, Callable[[str], Audience]] = {
    "all": lambda _: MemberFilter("all", lambda member: True),
    "role": _role,
    "zone": _zone,
    "event": lambda argument: EventRegistrants(_event_id(argument)),
}
UPCOMING_EVENTS = 3  # events offered as an audience in the preview
RELEASE_PAGE = 500  # members read, and outbox rows written, at a time when a broadcast is sent
FIXED_AUDIENCES = ("all", "role:gp", "role:locum")  # offered first, before zones and events
HISTORY_LIMIT = 30  # the newest announcements the console lists


def audience_from(key: str) -> Audience:
    prefix, _, argument = key.partition(":")
    build = AUDIENCES.get(prefix)
    if build is None:
        raise InvalidBroadcast(BroadcastReason.AUDIENCE)
    try:
        return build(argument)
    except ValueError:
        raise InvalidBroadcast(BroadcastReason.AUDIENCE) from None


def audience_label(t: Gettext, key: str, event_title: str | None = None) -> str:
    """An audience by name, as plain text (the caller escapes it for HTML)."""
    kind, _, argument = key.partition(":")
    if kind == "zone":
        return t.gettext("Zone {zone}").format(zone=argument)
    if kind == "event":
        if event_title is not None:
            return t.gettext("Registered: {title}").format(title=event_title)
        return t.gettext("The registrants of a CME event")
    return {
        "all": t.gettext("Everyone"),
        "role:gp": t.gettext("GPs"),
        "role:locum": t.gettext("Locums"),
    }.get(key, key)


def delivery_state_label(t: Gettext, state: OutboxState) -> str:
    return {
        OutboxState.PENDING: t.gettext("waiting"),
        OutboxState.SENDING: t.gettext("being sent"),
        OutboxState.SENT: t.gettext("delivered"),
        OutboxState.FAILED: t.gettext("failed"),
        OutboxState.UNREACHABLE: t.gettext("unreachable"),
        OutboxState.CANCELLED: t.gettext("cancelled"),
    }[state]


def invalid_broadcast_text(t: Gettext, reason: BroadcastReason) -> str:
    """Why an announcement cannot be sent as it is, for its author."""
    return {
        BroadcastReason.EMPTY: t.gettext("An announcement needs a text or a document."),
        BroadcastReason.TOO_LONG: t.gettext(
            "This text is too long for one message (with a document: {limit} characters "
            "at most). Please shorten it."
        ).format(limit=CAPTION_LIMIT),
        BroadcastReason.AUDIENCE: t.gettext("This audience does not exist (any more)."),
        BroadcastReason.PAST: t.gettext(
            "That moment has passed. Please give a moment in the future."
        ),
        BroadcastReason.MOMENT: t.gettext("Please send a date and time like 24/12/2026 08:00."),
    }[reason]


def parse_moment(text: str, zone: ZoneInfo) -> datetime:
    """A moment as the coordinator types it: 24/12/2026 08:00 (the kring's time zone)."""
    day, _, clock = text.strip().rpartition(" ")
    hour, _, minute = clock.partition(":")
    try:
        moment = time(int(hour), int(minute or 0))
        return datetime.combine(parse_date(day), moment, zone)
    except (ValueError, InvalidReplacement):
        raise InvalidBroadcast(BroadcastReason.MOMENT) from None


@dataclass(frozen=True)
class Progress:
    broadcast: Broadcast
    counts: dict[OutboxState, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def finished(self) -> bool:
        """Nothing is waiting or on its way any more."""
        return not (self.counts.get(OutboxState.PENDING) or self.counts.get(OutboxState.SENDING))


@dataclass(frozen=True)
class Delivery:
    """One line of the delivery report."""

    name: str
    state: OutboxState
    sent_at: datetime | None
    error: str | None


class BroadcastService:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, timezone: str) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._zone = ZoneInfo(timezone)

    async def zones(self) -> list[str]:
        """The zones members are in, for the audience buttons."""
        async with self._uow() as uow:
            members = await uow.members.list(active_only=True)
        return sorted({member.zone for member in members if member.zone})

    async def upcoming_events(self) -> list[tuple[int, str]]:
        """The next open events (id, title), whose registrants can be an audience."""
        now = self._clock.now()
        async with self._uow() as uow:
            events = await uow.events.ending_after(now)
        upcoming = [e for e in events if e.status is EventStatus.OPEN and e.start_at > now]
        return [(event.id or 0, event.title) for event in upcoming[:UPCOMING_EVENTS]]

    async def audiences(self) -> list[tuple[str, str | None]]:
        """Every audience a broadcast may go to now, as (key, event title or None), in the order
        /broadcast offers them: everyone and the roles, the zones, the next events."""
        choices: list[tuple[str, str | None]] = [(key, None) for key in FIXED_AUDIENCES]
        choices += [(f"zone:{zone}", None) for zone in await self.zones()]
        choices += [(f"event:{id_}", title) for id_, title in await self.upcoming_events()]
        return choices

    async def history(self, viewer: Member) -> list[Progress]:
        """The newest announcements, newest first, each with its delivery counts."""
        if not viewer.is_coordinator:
            raise NotAllowed()
        async with self._uow() as uow:
            return [
                Progress(broadcast, await uow.outbox.broadcast_counts(broadcast.id or 0))
                for broadcast in await uow.broadcasts.newest(HISTORY_LIMIT)
            ]

    async def count(self, audience_key: str) -> int:
        """How many members a broadcast to this audience would reach (for the preview)."""
        async with self._uow() as uow:
            return len(await audience_from(audience_key).members(uow))

    async def create(
        self,
        author: Member,
        text: str,
        audience_key: str,
        *,
        file_id: str | None = None,
        urgent: bool = False,
        at: datetime | None = None,
    ) -> Broadcast:
        """Schedule a broadcast: now (`at` None) or later. It is sent by `release_due`."""
        if not author.is_coordinator:
            raise NotAllowed()
        text = checked_text(text, has_file=file_id is not None)
        audience_from(audience_key)
        now = self._clock.now()
        if at is not None and at < now:
            raise InvalidBroadcast(BroadcastReason.PAST)
        broadcast = Broadcast(
            author_id=author.id or 0,
            audience=audience_key,
            text=text,
            file_id=file_id,
            urgent=urgent,
            created_at=now,
            scheduled_at=at or now,
        )
        async with self._uow() as uow:
            broadcast = await uow.broadcasts.add(broadcast)
            await uow.commit()
        return broadcast

    async def release_due(self) -> int:
        """Turn every due broadcast into its recipients' outbox rows; return how many rows."""
        now = self._clock.now()
        queued = 0
        async with self._uow() as uow:
            for broadcast in await uow.broadcasts.start_due(now):
                audience = audience_from(broadcast.audience)
                async for page in audience.pages(uow, RELEASE_PAGE):
                    await uow.outbox.add_many([self._row(broadcast, m, now) for m in page])
                    queued += len(page)
            await uow.commit()
        return queued

    def _row(self, broadcast: Broadcast, member: Member, now: datetime) -> OutboxMessage:
        row = OutboxMessage.to(
            member,
            Announcement(text=broadcast.text),
            deliver_at(member, now, self._zone, broadcast.urgent),
            Envelope(urgent=broadcast.urgent, file_id=broadcast.file_id),
        )
        row.broadcast_id = broadcast.id
        if not member.reachable:  # blocked the bot before: listed in the report, not sent
            row.state = OutboxState.UNREACHABLE
        return row

    async def finish_sent(self) -> int:
        """Close every broadcast whose rows are all done and send its author the report."""
        now = self._clock.now()
        finished = 0
        async with self._uow() as uow:
            for broadcast in await uow.broadcasts.in_state(BroadcastState.SENDING):
                counts = await uow.outbox.broadcast_counts(broadcast.id or 0)
                if not Progress(broadcast, counts).finished:
                    continue
                broadcast.state, broadcast.finished_at = BroadcastState.DONE, now
                if not await uow.broadcasts.transition(broadcast, BroadcastState.SENDING):
                    continue  # another process finished it
                author = await uow.members.get(broadcast.author_id)
                if author is not None and author.telegram_id is not None:
                    unreachable = [
                        line.name
                        for line in await _deliveries(uow, broadcast.id or 0)
                        if line.state is OutboxState.UNREACHABLE
                    ]
                    report = BroadcastReport(
                        broadcast_id=broadcast.id or 0,
                        counts=counts,
                        unreachable_names=tuple(unreachable),
                    )
                    await uow.outbox.add(OutboxMessage.to(author, report, now))
                finished += 1
            await uow.commit()
        return finished

    async def progress(self, viewer: Member, broadcast_id: int) -> Progress:
        async with self._uow() as uow:
            broadcast = await self._own(uow, viewer, broadcast_id)
            return Progress(broadcast, await uow.outbox.broadcast_counts(broadcast_id))

    async def cancel(self, viewer: Member, broadcast_id: int) -> Progress:
        """Stop a broadcast: what was not sent yet never will be."""
        async with self._uow() as uow:
            broadcast = await self._own(uow, viewer, broadcast_id)
            expected = broadcast.state
            if expected not in (BroadcastState.SCHEDULED, BroadcastState.SENDING):
                raise BroadcastClosed()
            broadcast.state, broadcast.cancelled_at = BroadcastState.CANCELLED, self._clock.now()
            if not await uow.broadcasts.transition(broadcast, expected):
                raise BroadcastClosed()
            await uow.outbox.cancel_pending(broadcast_id)
            counts = await uow.outbox.broadcast_counts(broadcast_id)
            await uow.commit()
            return Progress(broadcast, counts)

    async def deliveries(self, viewer: Member, broadcast_id: int) -> list[Delivery]:
        """The delivery report, one line per recipient, by name."""
        async with self._uow() as uow:
            await self._own(uow, viewer, broadcast_id)
            return await _deliveries(uow, broadcast_id)

    async def _own(self, uow: UnitOfWork, viewer: Member, broadcast_id: int) -> Broadcast:
        broadcast = await uow.broadcasts.get(broadcast_id)
        if broadcast is None:
            raise BroadcastClosed()
        if not viewer.is_coordinator:
            raise NotAllowed()
        return broadcast


async def _deliveries(uow: UnitOfWork, broadcast_id: int) -> list[Delivery]:
    rows = await uow.outbox.for_broadcast(broadcast_id)
    names = {m.id: m.name or "" for m in await uow.members.list()}
    lines = [
        Delivery(names.get(row.member_id, ""), row.state, row.sent_at, row.last_error)
        for row in rows
    ]
    return sorted(lines, key=lambda line: line.name.lower())
