"""Live calendar feeds: secret subscription addresses that phone calendars refresh on their own.

A member's feed holds their shifts and the CME events they have a seat at, so swaps, assignments,
cancellations and unregistrations show up without a new file; a zone's feed holds that zone's
roster with who is on duty, for the wachtpost. The address is the secret: the member can renew
it (the old one stops working) or revoke it, and `/forget` erases it.
"""

import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from bot.core.membership import require_manager
from bot.core.models import (
    CalendarFeed,
    Event,
    EventStatus,
    Member,
    MemberStatus,
    Shift,
    SwapStatus,
)
from bot.core.ports import Clock, UnitOfWorkFactory
from bot.core.swap_views import calendar_versions

HISTORY = timedelta(days=60)  # how far back a feed still shows past shifts and events
ZONE_AHEAD = timedelta(days=400)  # a zone's roster: the rest of the year and some


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class FeedContent:
    """What one address shows: a member's calendar, or (member None) a zone's roster."""

    member: Member | None
    zone: str | None
    shifts: list[Shift]
    events: list[Event] = field(default_factory=list)
    on_duty: dict[int, Member] = field(default_factory=dict)  # a zone feed's doctors by id
    # Each shift's hand-over version (bot.core.swap_views.calendar_versions): a member's entries
    # carry it as SEQUENCE, as the files the bot sends do.
    versions: Counter[int] = field(default_factory=Counter)


class FeedService:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        new_token: Callable[[], str] = new_feed_token,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._new_token = new_token

    async def for_member(self, member: Member) -> CalendarFeed:
        """The member's address, made the first time they ask for it."""
        assert member.id is not None
        async with self._uow() as uow:
            feed = await uow.feeds.live_for_member(member.id)
            if feed is None:
                feed = await uow.feeds.add(
                    CalendarFeed(self._new_token(), self._clock.now(), member_id=member.id)
                )
                await uow.commit()
            return feed

    async def renew(self, member: Member) -> CalendarFeed:
        """A new address; the old one stops working (a phone that was lost, a shared link)."""
        await self.revoke(member)
        return await self.for_member(member)

    async def revoke(self, member: Member) -> None:
        assert member.id is not None
        async with self._uow() as uow:
            feed = await uow.feeds.live_for_member(member.id)
            if feed is not None:
                await uow.feeds.revoke(feed, self._clock.now())
                await uow.commit()

    async def for_zone(self, manager: Member, zone: str) -> CalendarFeed:
        """A zone's roster address, for the wachtpost; only the coordinator and staff hand it
        out."""
        require_manager(manager)
        async with self._uow() as uow:
            feed = await uow.feeds.live_for_zone(zone)
            if feed is None:
                feed = await uow.feeds.add(
                    CalendarFeed(self._new_token(), self._clock.now(), zone=zone)
                )
                await uow.commit()
            return feed

    async def content(self, token: str) -> FeedContent | None:
        """What the address shows now; None for an unknown or revoked address, or a member who
        is no longer active (a suspended member's calendar stops following the roster)."""
        now = self._clock.now()
        async with self._uow() as uow:
            feed = await uow.feeds.live_by_token(token)
            if feed is None:
                return None
            if feed.member_id is None:
                assert feed.zone is not None
                shifts = [
                    shift
                    for shift in await uow.shifts.touching(now - HISTORY, now + ZONE_AHEAD)
                    if shift.zone == feed.zone
                ]
                doctors = {shift.assignee_id for shift in shifts if shift.assignee_id}
                on_duty = {
                    member.id: member for member in await uow.members.list() if member.id in doctors
                }
                return FeedContent(None, feed.zone, shifts, on_duty=on_duty)
            member = await uow.members.get(feed.member_id)
            if member is None or member.status is not MemberStatus.ACTIVE:
                return None
            shifts = list(await uow.shifts.of_member(feed.member_id, now - HISTORY))
            events = []
            for registration in await uow.events.registrations_of(feed.member_id):
                event = await uow.events.get(registration.event_id)
                if (
                    registration.has_seat
                    and event is not None
                    and event.status is not EventStatus.CANCELLED
                    and event.end_at > now - HISTORY
                ):
                    events.append(event)
            versions = calendar_versions(await uow.swaps.with_status(SwapStatus.APPROVED))
            return FeedContent(
                member,
                member.zone,
                shifts,
                sorted(events, key=lambda e: e.start_at),
                versions=versions,
            )
