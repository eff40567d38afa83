"""CME registrations on a real database: SQLite, and PostgreSQL with several engines."""

import asyncio
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import SettableClock
from bot.core.cme import EventsService, RegistrationSteps, SeatsService
from bot.core.models import (
    EventKind,
    LokGroup,
    Member,
    MemberStatus,
    OutboxState,
    RegistrationState,
    Role,
)
from store.db import create_engine, is_sqlite, normalize_url, session_factory
from store.uow import SqlUnitOfWork
from tests.conftest import START


def _services(engine: AsyncEngine) -> tuple[EventsService, SeatsService]:
    sessions = session_factory(engine)

    def unit_of_work() -> SqlUnitOfWork:
        return SqlUnitOfWork(sessions)

    clock = SettableClock(START)
    steps = RegistrationSteps(clock)
    return (
        EventsService(unit_of_work, clock, "Europe/Brussels", steps),
        SeatsService(unit_of_work, clock, steps),
    )


async def _members(engine: AsyncEngine, count: int) -> list[Member]:
    async with SqlUnitOfWork(session_factory(engine)) as uow:
        added = [
            await uow.members.add(
                Member(
                    telegram_id=5000 + n,
                    role=Role.COORDINATOR if n == 0 else Role.GP,
                    name=f"Member {n:02d}",
                    status=MemberStatus.ACTIVE,
                    created_at=START,
                    updated_at=START,
                )
            )
            for n in range(count + 1)
        ]
        await uow.commit()
    return added


async def _event(events: EventsService, coord: Member, capacity: int) -> int:
    start = START + timedelta(days=7)
    event = events.draft("Palliatieve zorg", EventKind.LECTURE, start, start + timedelta(hours=2))
    event.capacity = capacity
    return (await events.create(coord, event)).id or 0


async def test_thirty_members_register_at_once_for_ten_seats(engine: AsyncEngine) -> None:
    """Every registration locks the event row first, so seats are counted one transaction at a
    time: exactly 10 seats, 20 waiting in the order their registrations got the lock."""
    coord, *members = await _members(engine, 30)
    event_id = await _event(_services(engine)[0], coord, capacity=10)
    url = normalize_url(engine.url.render_as_string(hide_password=False))
    engines = [engine] if is_sqlite(url) else [create_engine(url) for _ in range(5)]
    seats = [_services(e)[1] for e in engines]

    views = await asyncio.gather(
        *(seats[n % len(seats)].register(m, event_id) for n, m in enumerate(members))
    )
    for extra in engines if not is_sqlite(url) else []:
        await extra.dispose()

    async with SqlUnitOfWork(session_factory(engine)) as uow:
        registrations = list(await uow.events.registrations(event_id))
    states = [r.state for r in registrations]  # in order of arrival (the lock's order)
    assert states == [RegistrationState.REGISTERED] * 10 + [RegistrationState.WAITING] * 20
    positions = {v.mine.id: v.position for v in views if v.mine is not None}
    assert [positions[r.id] for r in registrations[10:]] == list(range(1, 21))
    assert len({r.member_id for r in registrations}) == 30


async def test_a_freed_seat_is_offered_and_reminders_are_cancelled(engine: AsyncEngine) -> None:
    coord, ann, bart, lotte = await _members(engine, 3)
    events, seats = _services(engine)
    event_id = await _event(events, coord, capacity=2)
    for member in (ann, bart, lotte):
        await seats.register(member, event_id)
    await seats.unregister(bart, event_id)
    async with SqlUnitOfWork(session_factory(engine)) as uow:
        outbox = [
            (m.kind, m.member_id, m.state)
            for m in await uow.outbox.list()
            if m.kind != "cme_announced"  # the new event, told to everyone
        ]
        [offer] = [r for r in await uow.events.registrations_of(lotte.id or 0)]
    assert outbox == [
        ("cme_reminder", ann.id, OutboxState.PENDING),
        ("cme_reminder", bart.id, OutboxState.CANCELLED),
        ("cme_offer", lotte.id, OutboxState.PENDING),
    ]
    assert offer.state is RegistrationState.OFFERED
    await seats.confirm(lotte, offer.id or 0)
    [view] = await events.upcoming(lotte)
    assert view.mine is not None and view.mine.state is RegistrationState.REGISTERED
    assert view.seats_left == 0


async def test_lok_groups_keep_their_members(engine: AsyncEngine) -> None:
    _coord, ann, bart = await _members(engine, 2)
    async with SqlUnitOfWork(session_factory(engine)) as uow:
        await uow.events.add_lok_group(LokGroup("LOK Noord", [bart.id or 0, ann.id or 0]))
        await uow.events.add_lok_group(LokGroup("LOK Antwerpen", []))
        await uow.commit()
    async with SqlUnitOfWork(session_factory(engine)) as uow:
        groups = await uow.events.lok_groups()
    assert [(g.name, g.member_ids) for g in groups] == [
        ("LOK Antwerpen", []),
        ("LOK Noord", sorted([ann.id or 0, bart.id or 0])),
    ]
