"""An update's arrival, one statement on the real database (SQLite and PostgreSQL): the member
and their chat's flows come with it, and on PostgreSQL the flood bucket is taken in it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import SettableClock
from bot.core.buckets import FallbackBuckets, LocalBuckets
from bot.core.conversations import ConversationStore, Step
from bot.core.errors import StoreUnavailable
from bot.core.flood import FloodGuard, Flow
from bot.core.models import Member, MemberStatus, Role
from bot.core.updates import Arrival, SeenInProcess, UpdateLog
from store.arrivals import SqlArrivals
from store.buckets import SqlBuckets
from store.db import create_engine
from tests.conftest import START
from tests.store.test_store import _uow_factory

ANN, BOB = 10**12, 10**12 + 1  # Telegram ids beyond 32 bits


async def test_the_member_comes_with_the_flows_of_this_chat_that_are_live(
    engine: AsyncEngine,
) -> None:
    clock = SettableClock(START)
    async with _uow_factory(engine)() as uow:
        await uow.members.add(
            Member(
                ANN,
                Role.GP,
                "fr",
                MemberStatus.ACTIVE,
                "Ann",
                created_at=START,
                updated_at=START,
            )
        )
        await uow.commit()
    flows = ConversationStore(_uow_factory(engine), clock)
    await flows.save(ANN, ANN, "fee", Step(2))
    await flows.save(ANN + 5, ANN, "broadcast", Step(1))  # another chat of hers
    clock.advance(timedelta(minutes=20))
    await flows.save(ANN, ANN, "note", Step(3, {"income": Decimal("4000.50")}))
    clock.advance(timedelta(minutes=15))  # "fee" is forgotten by now, "note" is not
    log = UpdateLog(SqlArrivals(engine), _uow_factory(engine), clock, SeenInProcess())

    arrival = await log.receive(1, ANN, ANN)
    stranger = await log.receive(2, BOB, BOB)

    assert arrival.member is not None and (arrival.member.name, arrival.member.language) == (
        "Ann",
        "fr",
    )
    assert arrival.steps == {"note": Step(3, {"income": Decimal("4000.50")})}
    assert stranger.first and stranger.member is None and stranger.steps == {}


async def test_the_flood_limit_is_shared_with_every_other_check_of_it(engine: AsyncEngine) -> None:
    """On PostgreSQL the arrival takes from the same bucket the console's requests take from,
    so a person's updates and console requests count against one limit across replicas."""
    if engine.dialect.name == "sqlite":
        buckets = LocalBuckets()
        guard = FloodGuard(3, buckets, now=lambda: 1000.0)
        log = UpdateLog(
            SqlArrivals(engine), _uow_factory(engine), SettableClock(START), SeenInProcess(), guard
        )
    else:
        buckets = FallbackBuckets(SqlBuckets(engine))
        guard = FloodGuard(3, buckets, now=lambda: 1000.0)
        log = UpdateLog(
            SqlArrivals(engine), _uow_factory(engine), SettableClock(START), None, guard
        )

    flows = [(await log.receive(update_id, ANN, ANN)).flow for update_id in (1, 2)]
    flows.append(await guard.check(ANN))  # the console's request
    flows += [(await log.receive(update_id, ANN, ANN)).flow for update_id in (3, 4)]
    other = (await log.receive(5, BOB, BOB)).flow

    assert flows == [Flow.OK, Flow.OK, Flow.OK, Flow.SLOW_DOWN, Flow.IGNORE]
    assert other is Flow.OK


@pytest.mark.parametrize("redelivered", [True, False])
async def test_an_update_delivered_twice_is_dropped_the_second_time(
    engine: AsyncEngine, redelivered: bool
) -> None:
    in_process = SeenInProcess() if engine.dialect.name == "sqlite" else None
    log = UpdateLog(SqlArrivals(engine), _uow_factory(engine), SettableClock(START), in_process)
    await log.receive(7, ANN, ANN)
    again = await log.receive(7 if redelivered else 8, ANN, ANN)
    assert again.first is not redelivered


async def test_an_arrival_on_a_connection_the_database_closed_while_idle_is_handled(
    engine: AsyncEngine,
) -> None:
    """On PostgreSQL the arrival has connections of its own (store.direct): one the database
    closed in the meantime (a restart) is replaced before the next update uses it."""
    if engine.dialect.name == "sqlite":
        pytest.skip("PostgreSQL closes connections; a SQLite file has none to close")
    log = UpdateLog(SqlArrivals(engine), _uow_factory(engine), SettableClock(START))
    assert (await log.receive(1, ANN, ANN)).first
    async with engine.connect() as connection:
        closed = await connection.scalar(
            text(
                "SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    assert closed  # the arrival's connection among them

    again, next_one = await log.receive(1, ANN, ANN), await log.receive(2, ANN, ANN)

    assert not again.first and next_one.first


async def test_a_database_out_of_reach_is_told_as_such(engine: AsyncEngine) -> None:
    if engine.dialect.name == "sqlite":
        pytest.skip("a SQLite file is always in reach")
    nowhere = create_engine(engine.url.set(port=1).render_as_string(hide_password=False))
    log = UpdateLog(SqlArrivals(nowhere), _uow_factory(nowhere), SettableClock(START))
    with pytest.raises(StoreUnavailable):
        await log.receive(1, ANN, ANN)
    await nowhere.dispose()


async def _together(log: UpdateLog, updates: list[tuple[int, int]]) -> list[Arrival]:
    """The arrivals of updates (id, sender in their private chat) taken together, received in
    order (as the gate receives them)."""
    for update_id, person in updates:
        log.expect(update_id, person, person)
    return [await log.receive(update_id, person, person) for update_id, person in updates]


async def test_updates_arriving_together_count_against_the_flood_limit_one_by_one(
    engine: AsyncEngine,
) -> None:
    """Their buckets are taken in one step; each update's answer is what it would have got
    on its own, after the ones before it."""
    if engine.dialect.name == "sqlite":
        pytest.skip("a SQLite bot keeps its buckets in its memory, taken update by update")
    alone = FloodGuard(4, LocalBuckets(), now=lambda: 1000.0)
    stored = FloodGuard(4, FallbackBuckets(SqlBuckets(engine)), now=lambda: 1000.0)
    log = UpdateLog(SqlArrivals(engine), _uow_factory(engine), SettableClock(START), None, stored)
    for guard in (alone, stored):
        await guard.check(ANN)  # a bucket in use already

    arrivals = await _together(log, [(1, ANN), (2, BOB), (3, ANN), (4, ANN), (5, ANN), (6, ANN)])

    expected = [await alone.check(person) for person in (ANN, ANN, ANN, ANN, ANN)]
    flows = [arrival.flow for arrival in arrivals]
    assert flows[1] is Flow.OK  # Bob's own bucket
    assert [flows[0], *flows[2:]] == expected == [Flow.OK] * 3 + [Flow.SLOW_DOWN, Flow.IGNORE]
    assert (await log.receive(7, ANN, ANN)).flow is Flow.IGNORE  # the bucket stays taken


async def test_updates_arriving_together_at_two_replicas_are_each_handled_by_one(
    engine: AsyncEngine,
) -> None:
    if engine.dialect.name == "sqlite":
        pytest.skip("a SQLite bot is one process")
    logs = [
        UpdateLog(SqlArrivals(engine), _uow_factory(engine), SettableClock(START)) for _ in "ab"
    ]
    await logs[0].receive(2, ANN, ANN)  # one handled before

    first = await _together(logs[0], [(1, ANN), (2, ANN), (3, BOB), (1, ANN)])
    second = await _together(logs[1], [(3, BOB), (4, BOB), (1, ANN)])

    assert [arrival.first for arrival in first] == [True, False, True, False]
    assert [arrival.first for arrival in second] == [False, True, False]
