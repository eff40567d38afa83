"""A year of wachtdienst for the large demo kring: every night (19:00–08:00) and every weekend or
holiday day (08:00–19:00) of each zone has a doctor of that zone. Nobody is on duty twice within
a day (the rest the swap rules keep, roster.REST), exempt
and suspended members get no shifts, and the least loaded doctor goes first (the fairness count
of `/roster`)."""

import random
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.models import Member, Shift
from bot.core.roster import ON_CALL_ROLES, REST
from bot.demo import NIGHT_END, NIGHT_START

DAY_START, DAY_END = time(8, 0), time(19, 0)
HOLIDAYS = frozenset({(1, 1), (5, 1), (7, 21), (8, 15), (11, 1), (11, 11), (12, 25)})
WEEKS_BEFORE = 8  # the roster starts this long before the start moment (history) ...
WEEKS = 52  # ... and runs a year
HANDOVER_CONFIRMED = 0.9  # share of past shifts whose doctor tapped "Wacht overgenomen"


def doctors_by_zone(
    members: Iterable[Member], zones: Sequence[str], *, on_call: bool
) -> dict[str, list[Member]]:
    """Per zone, its active GPs and locums; `on_call`: only those not exempt from wachtdienst
    (the doctors who take turns)."""
    found: dict[str, list[Member]] = {zone: [] for zone in zones}
    for member in members:
        if (
            member.is_active
            and member.role in ON_CALL_ROLES
            and member.zone in found
            and not (on_call and member.on_call_exempt)
        ):
            found[member.zone].append(member)
    return found


def slots(first: date, days: int, zone: ZoneInfo) -> list[tuple[datetime, datetime]]:
    """The shifts of one zone, in order: a day shift on weekends and holidays, a night every
    day."""
    found = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        if day.weekday() >= 5 or (day.month, day.day) in HOLIDAYS:
            found.append(
                (datetime.combine(day, DAY_START, zone), datetime.combine(day, DAY_END, zone))
            )
        found.append(
            (
                datetime.combine(day, NIGHT_START, zone),
                datetime.combine(day + timedelta(days=1), NIGHT_END, zone),
            )
        )
    return found


def plan_roster(
    pools: Mapping[str, Sequence[Member]],
    fixed: Sequence[Shift],
    now: datetime,
    zone: ZoneInfo,
    rng: random.Random,
) -> list[Shift]:
    """Every shift of a year in every zone, the `fixed` ones (the demo people's) included, in
    order of start."""
    first = now.astimezone(zone).date() - timedelta(weeks=WEEKS_BEFORE)
    taken = {(shift.zone, shift.start_at) for shift in fixed}
    planned = list(fixed)
    for area, pool in pools.items():
        last_end: dict[int, datetime] = {}
        load: dict[int, int] = defaultdict(int)
        for start, end in slots(first, WEEKS * 7, zone):
            if (area, start) in taken:
                continue
            free = [
                m.id or 0 for m in pool if m.id not in last_end or last_end[m.id] + REST <= start
            ]
            if not free:
                raise RuntimeError(f"zone {area} has too few doctors for its roster")
            doctor = min(free, key=lambda member_id: (load[member_id], rng.random()))
            last_end[doctor], load[doctor] = end, load[doctor] + 1
            planned.append(Shift(area, start, end, doctor, created_at=now, updated_at=now))
    return sorted(planned, key=lambda shift: (shift.start_at, shift.zone))


def mark_the_past(
    shifts: Iterable[Shift], members: Mapping[int, Member], now: datetime, rng: random.Random
) -> None:
    """What already happened: reminders whose moment has passed were sent (so none falls due
    the moment a chat starts), and most doctors of past shifts confirmed the handover."""
    for shift in shifts:
        member = members[shift.assignee_id or 0]
        hours = member.shift_reminder_hours
        if hours and shift.start_at - timedelta(hours=hours) <= now:
            shift.reminded_at = shift.start_at - timedelta(hours=hours)
        if shift.start_at <= now and rng.random() < HANDOVER_CONFIRMED:
            shift.handover_confirmed_at = shift.start_at


class Duties:
    """Who is on duty when, to check a change of the roster (a swap) keeps everyone's rest."""

    def __init__(self, shifts: Iterable[Shift]) -> None:
        self._of: dict[int, list[Shift]] = defaultdict(list)
        for shift in shifts:
            self._of[shift.assignee_id or 0].append(shift)

    def free(self, member_id: int, shift: Shift, ignoring: Sequence[Shift] = ()) -> bool:
        """The member could take `shift` (apart from the shifts `ignoring`, e.g. one given away)."""
        return all(
            other is shift
            or any(other is ignored for ignored in ignoring)
            or other.end_at + REST <= shift.start_at
            or shift.end_at + REST <= other.start_at
            for other in self._of[member_id]
        )

    def hand_over(self, shift: Shift, member_id: int, at: datetime) -> None:
        self._of[shift.assignee_id or 0].remove(shift)
        self._of[member_id].append(shift)
        shift.assignee_id, shift.updated_at = member_id, at

    def of(self, member_id: int) -> list[Shift]:
        return list(self._of[member_id])
