"""Swap requests as the bot shows them: a request with its shift and people (SwapView), an
approved change for the roster tool (Change), the notices told about a request, who may take a
shift, and the digest's section of open requests."""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import TypeVar

from bot.core.models import Member, Shift, SwapRequest, SwapStatus
from bot.core.notices.shifts import ShiftSummary, SwapOutcome, SwapSummary
from bot.core.ports import Clock, UnitOfWork
from bot.core.roster import ON_CALL_ROLES, busy_around

Outcome = TypeVar("Outcome", bound=SwapOutcome)


@dataclass(frozen=True)
class SwapView:
    """A request with what is needed to show it."""

    request: SwapRequest
    shift: Shift
    requester: Member
    taker: Member | None = None
    return_shift: Shift | None = None


@dataclass(frozen=True)
class Change:
    """An approved change of the roster, one line of the export for the roster tool."""

    shift: Shift
    before: Member
    after: Member
    request: SwapRequest


async def load_view(uow: UnitOfWork, request: SwapRequest) -> SwapView:
    shift = await uow.shifts.get(request.shift_id)
    assert shift is not None, "shifts with swap requests are never deleted"
    return SwapView(
        request,
        shift,
        await member_of(uow, request.requester_id),
        None if request.taker_id is None else await member_of(uow, request.taker_id),
        None if request.return_shift_id is None else await uow.shifts.get(request.return_shift_id),
    )


async def member_of(uow: UnitOfWork, member_id: int) -> Member:
    member = await uow.members.get(member_id)
    assert member is not None, "members with swap requests are never deleted"
    return member


class Unavailable(StrEnum):
    """Why a colleague of the shift's zone cannot take it."""

    EXEMPT = "exempt"
    ON_DUTY = "on_duty"  # in an overlapping shift or one within the rest period around it


@dataclass(frozen=True)
class Availability:
    """The colleagues of a shift's zone (its assignee left out): who can take it, who not and
    why. Members of other zones are never asked."""

    free: list[Member]
    unavailable: list[tuple[Member, Unavailable]]


async def availability(uow: UnitOfWork, shift: Shift) -> Availability:
    """Active GPs and locums of the shift's zone other than its assignee; free are the ones
    not exempt and not on duty in an overlapping shift or within the rest period around it
    (roster.REST)."""
    busy = await busy_around(uow, shift, {shift.id or 0})
    found = Availability([], [])
    for member in await uow.members.list(active_only=True):
        if (
            member.role not in ON_CALL_ROLES
            or member.zone != shift.zone
            or member.id == shift.assignee_id
        ):
            continue
        if member.on_call_exempt:
            found.unavailable.append((member, Unavailable.EXEMPT))
        elif member.id in busy:
            found.unavailable.append((member, Unavailable.ON_DUTY))
        else:
            found.free.append(member)
    return found


async def eligible(uow: UnitOfWork, shift: Shift) -> list[Member]:
    """The colleagues who could take the shift over (see `availability`)."""
    return (await availability(uow, shift)).free


def hand_over(shift: Shift, assignee_id: int | None, now: datetime) -> None:
    """The shift changes doctor: its reminder and handover start again for the new one."""
    shift.assignee_id, shift.updated_at = assignee_id, now
    shift.reminded_at = shift.handover_confirmed_at = None


def summary(request: SwapRequest, shift: Shift, requester: Member) -> SwapSummary:
    """The request as an offer (or the digest) shows it."""
    return SwapSummary(
        shift=ShiftSummary.of(shift),
        request_id=request.id or 0,
        swap_kind=request.kind,
        requester=requester.name,
        note=request.note,
    )


def calendar_versions(approved: Iterable[SwapRequest]) -> Counter[int]:
    """How often each shift changed hands (approved requests, assignments included): the
    version (SEQUENCE) of its calendar entry, so each file after a change replaces the last."""
    return Counter(
        shift_id
        for request in approved
        for shift_id in (request.shift_id, request.return_shift_id)
        if shift_id is not None
    )


def outcome(
    kind: type[Outcome], view: SwapView, versions: Mapping[int, int] | None = None
) -> Outcome:
    """The notice of a step of the request, of the given kind; `versions`: the shifts' calendar
    versions (see calendar_versions), for the steps that change their holders."""
    versions = versions or {}
    swap = summary(view.request, view.shift, view.requester)
    returned = view.return_shift
    return kind(
        swap=replace(
            swap, shift=replace(swap.shift, sequence=versions.get(view.request.shift_id, 0))
        ),
        taker=None if view.taker is None else view.taker.name,
        reason=view.request.reason,
        return_shift=None
        if returned is None
        else replace(ShiftSummary.of(returned), sequence=versions.get(returned.id or 0, 0)),
    )


class OpenSwaps:
    """Digest section: open swap requests the member could take, still open when the digest is
    composed (a late digest must not offer a request that has closed meanwhile)."""

    name = "swaps"

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    async def prepare(self, uow: UnitOfWork, since: datetime, until: datetime) -> None:
        self._open: list[tuple[SwapSummary, set[int]]] = []
        closes_after = max(until, self._clock.now())
        for request in await uow.swaps.with_status(SwapStatus.OPEN):
            shift = await uow.shifts.get(request.shift_id)
            if shift is None or request.expires_at <= closes_after:
                continue
            colleagues = await eligible(uow, shift)
            takers = {m.id or 0 for m in colleagues if request.target_id in (None, m.id)}
            requester = await member_of(uow, request.requester_id)
            self._open.append((summary(request, shift, requester), takers))

    def items(self, member: Member, since: datetime) -> list[SwapSummary]:
        return [item for item, takers in self._open if member.id in takers]
