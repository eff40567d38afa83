"""The large demo kring (`--size large`), stored: the size of a real kring, a year of roster
that holds, history, the six demo people as in the small demo, and the same kring for the same
seed."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.models import (
    BroadcastState,
    EventAudience,
    EventStatus,
    MemberStatus,
    OutboxState,
    Role,
    Shift,
    SwapStatus,
)
from bot.core.ports import UnitOfWorkFactory
from bot.core.roster import ON_CALL_ROLES
from bot.demo import DEMO_PEOPLE, demo_shifts
from bot.demo_large import kring_people, seed_large_demo
from store.db import session_factory
from store.uow import SqlUnitOfWork
from tests.conftest import START, database_url, fresh_engine, snapshot

BRUSSELS = ZoneInfo("Europe/Brussels")
FAR = timedelta(days=3 * 365)


def _uow_factory(engine: AsyncEngine):  # type: ignore[no-untyped-def]
    sessions = session_factory(engine)
    return lambda: SqlUnitOfWork(sessions)


@pytest.fixture
async def large_kring(engine: AsyncEngine) -> UnitOfWorkFactory:
    """The large kring around START, with the default seed."""
    factory: UnitOfWorkFactory = _uow_factory(engine)
    assert await seed_large_demo(factory, START)
    return factory


async def test_the_large_kring_has_the_size_of_a_real_one(large_kring: UnitOfWorkFactory) -> None:
    async with large_kring() as uow:
        members = list(await uow.members.list())
        events = list(await uow.events.ending_after(START - FAR))
        groups = await uow.events.lok_groups()
    assert 200 <= len(members) <= 215 and len(members) == len(kring_people("large"))
    assert sum(m.role is Role.STAFF for m in members) == 2
    assert sum(m.role is Role.LOCUM for m in members) > 20
    assert {m.zone for m in members if m.zone} == {"Noord", "Oost", "Zuid", "West"}
    assert {m.language for m in members} == {"nl", "fr", "en"}
    assert {m.status for m in members} == set(MemberStatus) - {MemberStatus.FORGOTTEN}
    names = [m.name or "" for m in members]
    assert len(set(names)) == len(names)
    assert any("'" in name for name in names) and any(" Van " in name for name in names)
    assert any(ch in "éèëçï" for name in names for ch in name)
    assert len(events) == 12 and sum(e.status is EventStatus.CANCELLED for e in events) == 1
    assert sorted(g.name for g in groups) == ["LOK Noord", "LOK Zuid"]
    assert all(8 <= len(g.member_ids) <= 25 for g in groups)
    lok_events = [e for e in events if e.audience is EventAudience.LOK_GROUP]
    assert {e.lok_group_id for e in lok_events} == {g.id for g in groups}


async def test_a_year_of_roster_with_every_shift_covered_and_nobody_on_duty_twice(
    large_kring: UnitOfWorkFactory,
) -> None:
    async with large_kring() as uow:
        shifts = list(await uow.shifts.starting_between(START - FAR, START + FAR))
        members = {m.id: m for m in await uow.members.list()}
        demo = {p.handle: await uow.members.by_telegram_id(p.telegram_id) for p in DEMO_PEOPLE}
    first, last = (f(s.start_at.astimezone(BRUSSELS).date() for s in shifts) for f in (min, max))
    assert first < START.date() - timedelta(weeks=4) and last - first >= timedelta(days=363)
    for zone in ("Noord", "Oost", "Zuid", "West"):
        starts = {
            (s.start_at.astimezone(BRUSSELS).date(), s.start_at.astimezone(BRUSSELS).hour)
            for s in shifts
            if s.zone == zone
        }
        for day in (first + timedelta(days=n) for n in range((last - first).days + 1)):
            assert (day, 19) in starts, (zone, day)  # a night every day
            assert day.weekday() < 5 or (day, 8) in starts, (zone, day)  # a weekend day
    for shift in shifts:
        doctor = members[shift.assignee_id]
        assert doctor.is_active and doctor.role in ON_CALL_ROLES and not doctor.on_call_exempt
        assert doctor.zone == shift.zone
    for mine in _by_doctor(shifts).values():
        for earlier, later in pairwise(mine):
            assert earlier.end_at < later.start_at, (earlier, later)  # not even adjacent
    # The demo people have the nights of the small demo, and no other shift.
    demo_ids = {handle: member.id or 0 for handle, member in demo.items() if member}
    assert _key(s for s in shifts if s.assignee_id in demo_ids.values()) == _key(
        demo_shifts(demo_ids, START)
    )


async def test_the_kring_has_a_history_of_swaps_attendance_and_announcements(
    large_kring: UnitOfWorkFactory,
) -> None:
    async with large_kring() as uow:
        swaps = list(await uow.swaps.with_status(*SwapStatus))
        trails = {s.id: await uow.swaps.trail(s.id or 0) for s in swaps}
        shifts = {s.id: s for s in await uow.shifts.starting_between(START - FAR, START + FAR)}
        past = [e for e in await uow.events.ending_after(START - FAR) if e.end_at < START]
        attended = [
            r for e in past for r in await uow.events.registrations(e.id or 0) if r.attended_at
        ]
        broadcasts = list(await uow.broadcasts.in_state(BroadcastState.DONE))
        deliveries = [r for b in broadcasts for r in await uow.outbox.for_broadcast(b.id or 0)]
    assert {s.status for s in swaps} == set(SwapStatus)
    assert all(trails[s.id] for s in swaps)
    for swap in swaps:
        if swap.status is SwapStatus.APPROVED and swap.decided_at:
            assert swap.decided_at <= START and swap.taker_id is not None
    assert [s for s in swaps if s.pending and shifts[s.shift_id].start_at <= START] == []
    assert len(past) >= 4 and len(attended) > 100 and any(r.walk_in for r in attended)
    assert len(broadcasts) >= 3 and all(b.scheduled_at < START for b in broadcasts)
    states = {r.state for r in deliveries}
    assert states == {OutboxState.SENT, OutboxState.UNREACHABLE}


async def test_the_same_seed_gives_the_same_kring_and_another_seed_another(
    tmp_path: Path,
) -> None:
    async def rows(run: str, seed: int) -> dict[str, list[tuple[object, ...]]]:
        (tmp_path / run).mkdir()
        engine = await fresh_engine(database_url(tmp_path / run))
        try:
            assert await seed_large_demo(_uow_factory(engine), START, seed)
            rows = await snapshot(engine)
            # Seeding again changes nothing: a database with members is left alone.
            assert not await seed_large_demo(_uow_factory(engine), START, seed)
            assert await snapshot(engine) == rows
            return rows
        finally:
            await engine.dispose()

    first = await rows("first", 7)
    assert await rows("again", 7) == first
    other = await rows("other", 8)
    assert other["members"] != first["members"] and other["shifts"] != first["shifts"]


def _by_doctor(shifts: list[Shift]) -> dict[int, list[Shift]]:
    mine: dict[int, list[Shift]] = defaultdict(list)
    for shift in sorted(shifts, key=lambda s: s.start_at):
        mine[shift.assignee_id or 0].append(shift)
    return mine


def _key(shifts: Iterable[Shift]) -> set[tuple[str, datetime, datetime, int | None]]:
    return {(s.zone, s.start_at, s.end_at, s.assignee_id) for s in shifts}
