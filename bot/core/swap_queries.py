"""The read side of swaps: what members and coordinators look at (their requests, those waiting
for approval, the overview and a request's trail, the month's changes for the roster tool, the
calendar versions of shifts). SwapService (bot.core.swaps) is built on it; it changes nothing."""

from collections import Counter
from datetime import datetime, timedelta

from bot.core.errors import SwapError, SwapReason
from bot.core.membership import require_manager
from bot.core.models import Member, SwapEvent, SwapStatus
from bot.core.ports import Clock, UnitOfWorkFactory
from bot.core.swap_views import Change, SwapView, calendar_versions, load_view


class SwapQueries:
    _uow: UnitOfWorkFactory
    _clock: Clock
    recent: timedelta  # what the overview calls recent (SwapRules.recent)

    async def calendar_versions(self) -> Counter[int]:
        """Each shift's calendar version (see bot.core.swap_views.calendar_versions)."""
        async with self._uow() as uow:
            return calendar_versions(await uow.swaps.with_status(SwapStatus.APPROVED))

    async def mine(self, member: Member) -> list[SwapView]:
        """The member's own pending requests, to see or withdraw them."""
        async with self._uow() as uow:
            return [
                await load_view(uow, request)
                for request in await uow.swaps.with_status(SwapStatus.OPEN, SwapStatus.TAKEN)
                if request.requester_id == member.id
            ]

    async def waiting_for_approval(self, manager: Member) -> list[SwapView]:
        require_manager(manager)
        async with self._uow() as uow:
            return [
                await load_view(uow, request)
                for request in await uow.swaps.with_status(SwapStatus.TAKEN)
            ]

    async def overview(self, manager: Member) -> tuple[list[SwapView], list[SwapView]]:
        """Everything pending, and what was decided recently (newest first)."""
        require_manager(manager)
        async with self._uow() as uow:
            pending = await uow.swaps.with_status(SwapStatus.OPEN, SwapStatus.TAKEN)
            recent = await uow.swaps.decided_since(self._clock.now() - self.recent)
            return (
                [await load_view(uow, request) for request in pending],
                [await load_view(uow, request) for request in recent],
            )

    async def trail(
        self, manager: Member, request_id: int
    ) -> tuple[SwapView, list[SwapEvent], dict[int, Member]]:
        """A request's audit trail, with the people who acted in it."""
        require_manager(manager)
        async with self._uow() as uow:
            request = await uow.swaps.get(request_id)
            if request is None:
                raise SwapError(SwapReason.CLOSED)
            events = list(await uow.swaps.trail(request_id))
            actors = {
                event.actor_id: member
                for event in events
                if event.actor_id is not None
                and (member := await uow.members.get(event.actor_id)) is not None
            }
            return await load_view(uow, request), events, actors

    async def changes(self, manager: Member, start: datetime, end: datetime) -> list[Change]:
        """Approved changes of shifts starting in [start, end), for the roster tool and Medega."""
        require_manager(manager)
        async with self._uow() as uow:
            changes = []
            for request in await uow.swaps.with_status(SwapStatus.APPROVED):
                view = await load_view(uow, request)
                if view.taker is None:
                    continue
                moved = [(view.shift, view.requester, view.taker)]
                if view.return_shift is not None:
                    moved.append((view.return_shift, view.taker, view.requester))
                changes += [
                    Change(shift, before, after, request)
                    for shift, before, after in moved
                    if start <= shift.start_at < end
                ]
            return sorted(changes, key=lambda change: change.shift.start_at)
