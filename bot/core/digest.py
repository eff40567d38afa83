"""The newsletter digest: per member, what happened since the previous one, section by section.

A digest is composed of sections; each returns the items for a member over a period, and an
empty section is left out (an all-empty digest is not sent). A new section is one more field of
`DigestSections` (bot.core.notices.broadcast) and one more entry in the list passed to
DigestService.

Each period runs once, however many processes tick: the first to insert the period's row in
`digest_runs` runs it. A period whose moment passed while the bot was down runs at the next tick.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from bot.core.broadcast import audience_from
from bot.core.knowledge.model import KnowledgeBase
from bot.core.models import DigestFrequency, Member, OutboxMessage
from bot.core.notices.broadcast import AnnouncementItem, Digest, DigestSections, KnowledgeItem
from bot.core.ports import Clock, UnitOfWork, UnitOfWorkFactory
from bot.core.quiet import deliver_at

EXCERPT = 200
PERIODS = {DigestFrequency.WEEKLY: timedelta(days=7), DigestFrequency.DAILY: timedelta(days=1)}


class Section(Protocol):
    name: str  # the field of DigestSections it fills

    async def prepare(self, uow: UnitOfWork, since: datetime, until: datetime) -> None:
        """Load what the period brought, once per run (not once per member)."""
        ...

    def items(self, member: Member, since: datetime) -> Sequence[Any]:
        """What this member gets from it (the items of its field of DigestSections); `since` is
        later for members who joined recently."""
        ...


class Announcements:
    """Broadcasts the member was in the audience of."""

    name = "announcements"

    async def prepare(self, uow: UnitOfWork, since: datetime, until: datetime) -> None:
        self._items: list[tuple[set[int], AnnouncementItem]] = []
        for broadcast in await uow.broadcasts.released_between(since, until):
            audience = await audience_from(broadcast.audience).members(uow)
            item = AnnouncementItem(at=broadcast.scheduled_at, text=broadcast.text[:EXCERPT])
            self._items.append(({m.id for m in audience if m.id}, item))

    def items(self, member: Member, since: datetime) -> list[AnnouncementItem]:
        return [item for ids, item in self._items if member.id in ids and item.at >= since]


@dataclass
class KnowledgeUpdates:
    """Knowledge base entries reviewed (new or updated) in the period, in the member's language."""

    kb: KnowledgeBase
    name = "knowledge"

    async def prepare(self, uow: UnitOfWork, since: datetime, until: datetime) -> None:
        self._until = until.date()

    def items(self, member: Member, since: datetime) -> list[KnowledgeItem]:
        found = []
        for entry_id in sorted(self.kb.entries):
            entry = self.kb.entry(entry_id, member.language)
            if entry and entry.reviewed and since.date() <= entry.reviewed < self._until:
                found.append(KnowledgeItem(id=entry.id, title=entry.questions[0]))
        return found


def latest_moment(
    frequency: DigestFrequency, now: datetime, zone: ZoneInfo, weekday: int, hour: int
) -> datetime:
    """The most recent scheduled moment at or before `now` (weekly: on `weekday`)."""
    local = now.astimezone(zone)
    day = local.date()
    while True:
        moment = datetime.combine(day, time(hour), zone)
        if moment <= local and (frequency is DigestFrequency.DAILY or day.weekday() == weekday):
            return moment
        day -= timedelta(days=1)


class DigestService:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        timezone: str,
        sections: list[Section],
        weekday: int = 0,
        hour: int = 8,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._zone = ZoneInfo(timezone)
        self._sections = sections
        self._weekday, self._hour = weekday, hour

    async def run_due(self) -> int:
        """Run the latest period of each frequency if no process ran it; return the digests
        queued."""
        queued, now = 0, self._clock.now()
        for frequency, length in PERIODS.items():
            moment = latest_moment(frequency, now, self._zone, self._weekday, self._hour)
            async with self._uow() as uow:
                if not await uow.digest_runs.start(f"{frequency.value}:{moment.date()}", moment):
                    continue
                queued += await self._queue(uow, frequency, moment - length, moment)
                await uow.commit()
        return queued

    async def _queue(
        self, uow: UnitOfWork, frequency: DigestFrequency, since: datetime, until: datetime
    ) -> int:
        for section in self._sections:
            await section.prepare(uow, since, until)
        now, queued = self._clock.now(), 0
        for member in await uow.members.list(active_only=True):
            joined = member.created_at or since
            if member.digest is not frequency or member.telegram_id is None or joined > until:
                continue
            found = {}
            for section in self._sections:
                if items := section.items(member, max(since, joined)):
                    found[section.name] = tuple(items)
            if found and member.reachable:
                digest = Digest(sections=DigestSections(**found))
                due = deliver_at(member, now, self._zone, urgent=False)
                await uow.outbox.add(OutboxMessage.to(member, digest, due))
                queued += 1
        return queued
