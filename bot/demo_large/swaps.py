"""Swap history for the large demo kring: wachtwissels in every state, each with its audit trail,
as the swap service would have left them (bot/core/swaps.py): approved ones changed the roster,
a coordinator's direct assignment cancelled the request it overrode, the pending ones wait for a
taker or for approval.

Past requests are in every zone; requests for coming shifts only in Oost and West, where no
demo person is on duty, so the demo people's `/swaps` and `/shifts` are those of the small demo.
"""

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum

from bot.core.models import Member, Shift, SwapEvent, SwapKind, SwapRequest, SwapStatus
from bot.core.ports import UnitOfWork
from bot.core.swaps import SwapRules
from bot.demo_large.roster import Duties

MIN_NOTICE = SwapRules().min_notice
FOLLOW_UP_BEFORE = SwapRules().follow_up_before
FUTURE_ZONES = ("Oost", "West")


class When(Enum):
    """Which shifts a request is about, as (from, until) after the start moment."""

    PAST = (timedelta(weeks=-7), timedelta(days=-1))
    SOON = (timedelta(days=3), timedelta(weeks=3))
    # Far enough that no follow-up or expiry falls due in the first weeks of a chat.
    LATER = (timedelta(weeks=3), timedelta(weeks=8))


# (status, kind, shifts, how many); an ASSIGN comes with the giveaway request it cancelled.
HISTORY = (
    (SwapStatus.APPROVED, SwapKind.GIVEAWAY, When.PAST, 6),
    (SwapStatus.APPROVED, SwapKind.SWAP, When.PAST, 1),
    (SwapStatus.REJECTED, SwapKind.GIVEAWAY, When.PAST, 2),
    (SwapStatus.WITHDRAWN, SwapKind.GIVEAWAY, When.PAST, 1),
    (SwapStatus.EXPIRED, SwapKind.GIVEAWAY, When.PAST, 2),
    (SwapStatus.APPROVED, SwapKind.ASSIGN, When.PAST, 1),
    (SwapStatus.APPROVED, SwapKind.GIVEAWAY, When.SOON, 2),
    (SwapStatus.OPEN, SwapKind.GIVEAWAY, When.LATER, 2),
    (SwapStatus.OPEN, SwapKind.SWAP, When.LATER, 1),
    (SwapStatus.TAKEN, SwapKind.GIVEAWAY, When.LATER, 2),
)
NOTES = {
    "nl": ("Familiefeest", "Congres in Gent", "Op vakantie met de kinderen", "", ""),
    "fr": ("Fête de famille", "Congrès à Liège", "En vacances", "", ""),
    "en": ("Family wedding", "Conference abroad", ""),
}
REJECTIONS = (
    "Collega heeft die week al drie wachten.",
    "Graag eerst met de wachtpost afstemmen.",
    "Te laat gemeld om nog in Medega door te geven.",
)


@dataclass
class PlannedSwap:
    """A request with its shifts (their ids are known once the roster is stored) and trail."""

    request: SwapRequest
    shift: Shift
    return_shift: Shift | None = None
    trail: list[SwapEvent] = field(default_factory=list)

    def step(self, action: str, at: datetime, actor: int | None, detail: str = "") -> None:
        self.trail.append(SwapEvent(0, action, at, actor, detail))


@dataclass
class _Planner:
    members: Mapping[int, Member]
    pools: Mapping[str, Sequence[Member]]
    managers: Sequence[Member]
    duties: Duties
    now: datetime
    rng: random.Random
    used: set[int] = field(default_factory=set)  # id() of shifts with a request already

    def candidates(self, shifts: Sequence[Shift], when: When) -> list[Shift]:
        low, high = (self.now + delta for delta in when.value)
        zones = self.pools if when is When.PAST else FUTURE_ZONES
        found = [
            s
            for s in shifts
            if low <= s.start_at < high
            and s.zone in zones
            and id(s) not in self.used
            and any(m.id == s.assignee_id for m in self.pools[s.zone])
        ]
        self.rng.shuffle(found)
        return found

    def taker(self, shift: Shift) -> Member | None:
        """A colleague of the zone who could have taken the shift over."""
        free = [
            m
            for m in self.pools[shift.zone]
            if m.id != shift.assignee_id and self.duties.free(m.id or 0, shift)
        ]
        return self.rng.choice(free) if free else None

    def return_shift(self, shift: Shift, taker: Member) -> Shift | None:
        """One of the taker's shifts in the zone that the requester can take in return."""
        options = [
            own
            for own in self.duties.of(taker.id or 0)
            if own.zone == shift.zone
            and id(own) not in self.used
            and (own.start_at <= self.now) == (shift.start_at <= self.now)
            and self.duties.free(shift.assignee_id or 0, own, ignoring=[shift])
        ]
        return self.rng.choice(options) if options else None

    def moments(self, shift: Shift, when: When) -> tuple[datetime, datetime]:
        """When the request was made, and the latest moment anything happened to it."""
        if when is When.PAST:
            created = shift.start_at - timedelta(days=self.rng.uniform(3, 20))
        else:
            created = self.now - timedelta(days=self.rng.uniform(0.5, 5))
        return created, min(shift.start_at - MIN_NOTICE, self.now)

    def between(self, start: datetime, end: datetime) -> datetime:
        return start + (end - start) * self.rng.uniform(0.1, 0.5)

    def manager(self) -> int:
        return self.rng.choice(self.managers).id or 0


def plan_swaps(
    shifts: Sequence[Shift],
    members: Mapping[int, Member],
    pools: Mapping[str, Sequence[Member]],
    managers: Sequence[Member],
    now: datetime,
    rng: random.Random,
) -> list[PlannedSwap]:
    """The history in HISTORY, with the roster changed as the approved requests changed it."""
    planner = _Planner(members, pools, managers, Duties(shifts), now, rng)
    planned: list[PlannedSwap] = []
    for status, kind, when, count in HISTORY:
        made = 0
        for shift in planner.candidates(shifts, when):
            if made == count:
                break
            swaps = _plan_one(planner, shift, status, kind, when)
            if swaps:
                planned += swaps
                made += 1
    return sorted(planned, key=lambda swap: swap.request.created_at)


def _plan_one(
    planner: _Planner, shift: Shift, status: SwapStatus, kind: SwapKind, when: When
) -> list[PlannedSwap]:
    """The request(s) for this shift, or none when nobody could have taken it."""
    taker = planner.taker(shift)
    if taker is None:
        return []
    returned = None
    if kind is SwapKind.SWAP and status is not SwapStatus.OPEN:
        returned = planner.return_shift(shift, taker)
        if returned is None:
            return []
    planner.used.add(id(shift))
    if returned is not None:
        planner.used.add(id(returned))
    requester = shift.assignee_id or 0
    created, last = planner.moments(shift, when)
    if kind is SwapKind.ASSIGN:
        return _assigned(planner, shift, taker, created, last)
    swap = PlannedSwap(
        SwapRequest(
            shift_id=0,
            requester_id=requester,
            kind=kind,
            created_by=requester,
            created_at=created,
            expires_at=shift.start_at - MIN_NOTICE,
            note=planner.rng.choice(NOTES[planner.members[requester].language]),
        ),
        shift,
        returned,
    )
    swap.step("requested", created, requester, kind.value)
    _carry_out(planner, swap, status, taker, last)
    return [swap]


def _carry_out(
    planner: _Planner, swap: PlannedSwap, status: SwapStatus, taker: Member, last: datetime
) -> None:
    """Take the request from OPEN to `status`, step by step, as the swap service does."""
    request = swap.request
    request.status = status
    if status is SwapStatus.OPEN:
        return
    if status is SwapStatus.EXPIRED:
        follow_up = request.expires_at - FOLLOW_UP_BEFORE
        if request.created_at < follow_up:
            request.followed_up_at = follow_up
            swap.step("followed_up", follow_up, None)
        request.decided_at = request.expires_at
        swap.step("expired", request.expires_at, None)
        return
    if status is SwapStatus.WITHDRAWN:
        request.decided_at = planner.between(request.created_at, last)
        swap.step("withdrawn", request.decided_at, request.requester_id)
        return
    request.taker_id, request.taken_at = taker.id, planner.between(request.created_at, last)
    swap.step("taken", request.taken_at, taker.id)
    if status is SwapStatus.TAKEN:
        return
    request.decided_at, request.decided_by = (
        planner.between(request.taken_at, last),
        planner.manager(),
    )
    if status is SwapStatus.REJECTED:
        request.reason = planner.rng.choice(REJECTIONS)
        swap.step("rejected", request.decided_at, request.decided_by, request.reason)
        return
    _approve(planner, swap, taker)


def _approve(planner: _Planner, swap: PlannedSwap, taker: Member) -> None:
    request = swap.request
    at = request.decided_at or planner.now
    planner.duties.hand_over(swap.shift, taker.id or 0, at)
    if swap.return_shift is not None:
        planner.duties.hand_over(swap.return_shift, request.requester_id, at)
    swap.step("approved", at, request.decided_by)


def _assigned(
    planner: _Planner, shift: Shift, taker: Member, created: datetime, last: datetime
) -> list[PlannedSwap]:
    """A giveaway nobody took, which the coordinator settled by giving the shift directly."""
    requester, manager = shift.assignee_id or 0, planner.manager()
    overridden = PlannedSwap(
        SwapRequest(
            shift_id=0,
            requester_id=requester,
            kind=SwapKind.GIVEAWAY,
            created_by=requester,
            created_at=created,
            expires_at=shift.start_at - MIN_NOTICE,
        ),
        shift,
    )
    overridden.step("requested", created, requester, SwapKind.GIVEAWAY.value)
    at = planner.between(created, last)
    overridden.request.status = SwapStatus.CANCELLED
    overridden.request.decided_at, overridden.request.decided_by = at, manager
    overridden.step("cancelled", at, manager)
    assignment = PlannedSwap(
        SwapRequest(
            shift_id=0,
            requester_id=requester,
            kind=SwapKind.ASSIGN,
            created_by=manager,
            created_at=at,
            expires_at=shift.start_at,
            status=SwapStatus.APPROVED,
            taker_id=taker.id,
            taken_at=at,
            decided_at=at,
            decided_by=manager,
        ),
        shift,
    )
    assignment.step("assigned", at, manager)
    _approve(planner, assignment, taker)
    return [overridden, assignment]


async def add_swaps(uow: UnitOfWork, swaps: Sequence[PlannedSwap]) -> None:
    """Store the requests and their trails (after the roster: they point at its shifts)."""
    for swap in swaps:
        swap.request.shift_id = swap.shift.id or 0
        if swap.return_shift is not None:
            swap.request.return_shift_id = swap.return_shift.id
        request = await uow.swaps.add(swap.request)
        for event in swap.trail:
            event.request_id = request.id or 0
            await uow.swaps.record(event)
