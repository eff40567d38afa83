"""What the console (the Telegram Mini App) shows: a zone's roster as a month grid with what
needs the coordinator's eye, and a member's own shifts.

Marks on a shift: no doctor yet; a double booking (the doctor has another shift that overlaps);
back-to-back (the doctor's other shift ends when this one starts, or starts when it ends, within
a few hours: two nights in a row); an exempt doctor on duty; a swap request pending (the grid
decides it in place once a colleague took it, through SwapService like /approvals).
"""

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.core.membership import require_manager
from bot.core.models import Member, Shift, SwapRequest, SwapStatus
from bot.core.ports import Clock, UnitOfWorkFactory

BACK_TO_BACK_GAP = timedelta(hours=12)  # less rest than this between two shifts


class Mark(StrEnum):
    UNCOVERED = "uncovered"
    DOUBLE_BOOKED = "double"
    BACK_TO_BACK = "back-to-back"
    EXEMPT = "exempt"
    SWAP = "swap"  # a swap request for the shift is open or waiting for approval


@dataclass(frozen=True)
class GridShift:
    shift: Shift
    doctor: Member | None
    marks: frozenset[Mark]
    swap: SwapRequest | None = None  # the pending request for this shift (or given back in it)
    taker: Member | None = None  # who took that request, when taken

    @property
    def decidable(self) -> bool:
        """Taken by a colleague and waiting for the coordinator: approve or reject it here."""
        return self.swap is not None and self.swap.status is SwapStatus.TAKEN


@dataclass(frozen=True)
class GridDay:
    day: date
    shifts: list[GridShift]


class MonthPages:
    """The months before and after a month view's `first` day, for its ‹ › links."""

    first: date

    @property
    def previous(self) -> date:
        return (self.first - timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> date:
        return self.first + timedelta(
            days=calendar.monthrange(self.first.year, self.first.month)[1]
        )


@dataclass(frozen=True)
class RosterMonth(MonthPages):
    zone: str
    zones: list[str]
    first: date  # the first day of the month
    days: list[GridDay]
    counts: dict[Mark, int] = field(default_factory=dict)


@dataclass(frozen=True)
class CalendarDay:
    day: date | None  # None: a blank cell before the 1st or after the last day
    shifts: list[Shift] = field(default_factory=list)


@dataclass(frozen=True)
class ShiftMonth(MonthPages):
    """A member's month as a calendar: weeks from Monday, their shifts on their days."""

    first: date
    weeks: list[list[CalendarDay]]
    shifts: list[Shift]  # the month's shifts, earliest first
    pending: frozenset[int]  # shifts the member already asked to swap


def month_calendar(
    first: date, shifts: list[Shift], pending: frozenset[int], tz: ZoneInfo
) -> ShiftMonth:
    """The month of `first` in weeks; `shifts` outside it are left out."""
    by_day: dict[date, list[Shift]] = defaultdict(list)
    for shift in sorted(shifts, key=lambda s: s.start_at):
        by_day[shift.start_at.astimezone(tz).date()].append(shift)
    weeks = [
        [
            CalendarDay(day, by_day.get(day, [])) if day.month == first.month else CalendarDay(None)
            for day in week
        ]
        for week in calendar.Calendar().monthdatescalendar(first.year, first.month)
    ]
    mine = [shift for week in weeks for day in week for shift in day.shifts]
    return ShiftMonth(first, weeks, mine, pending)


def marks_of(shift: Shift, doctor: Member | None, others: list[Shift]) -> frozenset[Mark]:
    """`others`: the same doctor's other shifts (any zone)."""
    if doctor is None:
        return frozenset({Mark.UNCOVERED})
    found = set()
    for other in others:
        if other.start_at < shift.end_at and shift.start_at < other.end_at:
            found.add(Mark.DOUBLE_BOOKED)
        elif (
            timedelta(0) <= shift.start_at - other.end_at < BACK_TO_BACK_GAP
            or timedelta(0) <= other.start_at - shift.end_at < BACK_TO_BACK_GAP
        ):
            found.add(Mark.BACK_TO_BACK)
    if doctor.on_call_exempt:
        found.add(Mark.EXEMPT)
    return frozenset(found)


def month_grid(
    zone: str,
    zones: list[str],
    first: date,
    shifts: list[Shift],
    members: dict[int, Member],
    tz: ZoneInfo,
    pending: list[SwapRequest] | None = None,
) -> RosterMonth:
    """`shifts`: every shift around the month (all zones, so a doctor's shifts elsewhere count
    for double bookings and back-to-back ones); `pending`: the open and taken swap requests."""
    swaps = {
        shift_id: request
        for request in pending or []
        for shift_id in (request.shift_id, request.return_shift_id)
        if shift_id is not None
    }
    by_doctor: dict[int, list[Shift]] = defaultdict(list)
    for shift in shifts:
        if shift.assignee_id is not None:
            by_doctor[shift.assignee_id].append(shift)
    length = calendar.monthrange(first.year, first.month)[1]
    days = {
        first + timedelta(days=n): GridDay(first + timedelta(days=n), []) for n in range(length)
    }
    counts: dict[Mark, int] = defaultdict(int)
    for shift in sorted(shifts, key=lambda s: (s.start_at, s.post)):
        day = shift.start_at.astimezone(tz).date()
        if shift.zone != zone or day not in days:
            continue
        doctor = members.get(shift.assignee_id) if shift.assignee_id is not None else None
        others = [s for s in by_doctor.get(shift.assignee_id or -1, []) if s.id != shift.id]
        marks = marks_of(shift, doctor, others)
        swap = swaps.get(shift.id or 0)
        if swap is not None:
            marks |= {Mark.SWAP}
        for mark in marks:
            counts[mark] += 1
        taker = members.get(swap.taker_id) if swap and swap.taker_id is not None else None
        days[day].shifts.append(GridShift(shift, doctor, marks, swap, taker))
    return RosterMonth(zone, zones, first, list(days.values()), dict(counts))


class ConsoleService:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, timezone: str) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._tz = ZoneInfo(timezone)

    async def person(self, telegram_id: int) -> Member | None:
        """Who opened the console (any status: the web layer applies the access rules)."""
        async with self._uow() as uow:
            return await uow.members.by_telegram_id(telegram_id)

    async def roster_month(
        self, manager: Member, zone: str | None, first: date | None
    ) -> RosterMonth:
        """A zone's month (default: the first zone, this month), for the coordinator and staff."""
        require_manager(manager)
        first = (first or self._clock.now().astimezone(self._tz).date()).replace(day=1)
        start = datetime.combine(first, datetime.min.time(), self._tz) - timedelta(days=2)
        end = start + timedelta(days=35)
        async with self._uow() as uow:
            shifts = list(await uow.shifts.touching(start, end))
            members = {m.id: m for m in await uow.members.list() if m.id is not None}
            pending = list(await uow.swaps.with_status(SwapStatus.OPEN, SwapStatus.TAKEN))
        zones = sorted({shift.zone for shift in shifts} | ({zone} if zone else set()))
        chosen = zone if zone in zones else (zones[0] if zones else "")
        return month_grid(chosen, zones, first, shifts, members, self._tz, pending)

    async def my_month(self, member: Member, first: date | None) -> ShiftMonth:
        """The member's shifts of a month (default: this month) and those they asked to swap."""
        assert member.id is not None
        first = (first or self._clock.now().astimezone(self._tz).date()).replace(day=1)
        start = datetime.combine(first, datetime.min.time(), self._tz)
        async with self._uow() as uow:
            shifts = list(await uow.shifts.of_member(member.id, start))
            pending = frozenset(
                request.shift_id
                for request in await uow.swaps.with_status(SwapStatus.OPEN, SwapStatus.TAKEN)
                if request.requester_id == member.id
            )
        return month_calendar(first, shifts, pending, self._tz)
