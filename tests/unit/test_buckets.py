"""Rate buckets in memory, and the fallback to them while the database is away. The
behaviour (the BEHAVIOUR checks) is the port's: tests/store runs the same checks on the stored
buckets on SQLite and PostgreSQL."""

import math
from collections.abc import Awaitable, Callable

import pytest

from bot.core.buckets import (
    BucketAsk,
    Buckets,
    FallbackBuckets,
    Grant,
    LocalBuckets,
    Rate,
    next_state,
)
from bot.core.errors import StoreUnavailable

T0 = 1_800_000_000.0  # seconds since the epoch, as the wall clock gives them


async def evenly_spaced_slots_for_requests_at_the_same_moment(buckets: Buckets) -> None:
    waits = [(await buckets.acquire("send", Rate.per_second(4), T0)).wait for _ in range(5)]
    assert waits == [0.0, 0.25, 0.5, 0.75, 1.0]


async def a_slot_is_never_before_the_moment_asked_for(buckets: Buckets) -> None:
    rate = Rate.per_second(4)
    await buckets.acquire("send", rate, T0)
    assert await buckets.acquire("send", rate, T0 + 10) == Grant(True, 0.0)
    assert (await buckets.acquire("send", rate, T0 + 10)).wait == 0.25


async def a_burst_then_refusals_counted_until_the_bucket_refills(buckets: Buckets) -> None:
    rate = Rate(interval=2.0, burst=3)
    grants = [await buckets.acquire("flood:1", rate, T0) for _ in range(5)]
    assert [g.granted for g in grants] == [True, True, True, False, False]
    assert [g.refusals for g in grants] == [0, 0, 0, 1, 2]
    assert grants[3].wait == 2.0  # one more fits after one interval
    assert (await buckets.acquire("flood:2", rate, T0)).granted  # a bucket per name
    assert (await buckets.acquire("flood:1", rate, T0 + 2.0)) == Grant(True, 0.0)
    assert (await buckets.acquire("flood:1", rate, T0 + 2.0)).refusals == 1  # counted anew


async def a_block_of_slots_takes_its_place_in_the_row(buckets: Buckets) -> None:
    """One request for four slots: the next request's slot comes after all four."""
    rate = Rate.per_second(4)
    assert (await buckets.acquire("send", rate, T0, count=4)).wait == 0.0
    assert (await buckets.acquire("send", rate, T0)).wait == 1.0
    assert (await buckets.acquire("send", rate, T0 + 5, count=2)) == Grant(True, 0.0)
    assert (await buckets.acquire("send", rate, T0 + 5)).wait == 0.5


async def forgetting_idle_buckets_keeps_the_busy_ones(buckets: Buckets) -> None:
    rate = Rate(interval=2.0, burst=3)
    for _ in range(3):
        await buckets.acquire("busy", rate, T0 + 4)
    await buckets.acquire("idle", rate, T0)
    await buckets.forget_idle(T0 + 5)
    assert not (await buckets.acquire("busy", rate, T0 + 5)).granted
    assert (await buckets.acquire("idle", rate, T0 + 5)).granted


BEHAVIOUR: list[Callable[[Buckets], Awaitable[None]]] = [
    evenly_spaced_slots_for_requests_at_the_same_moment,
    a_slot_is_never_before_the_moment_asked_for,
    a_burst_then_refusals_counted_until_the_bucket_refills,
    a_block_of_slots_takes_its_place_in_the_row,
    forgetting_idle_buckets_keeps_the_busy_ones,
]


@pytest.mark.parametrize("check", BEHAVIOUR, ids=lambda check: check.__name__)
async def test_local_buckets(check: Callable[[Buckets], Awaitable[None]]) -> None:
    await check(LocalBuckets())


class Database:
    """Shared buckets whose database can be switched off."""

    shared = True

    def __init__(self) -> None:
        self.up = True
        self.calls = 0
        self.buckets = LocalBuckets()

    async def acquire(self, name: str, rate: Rate, at: float, count: int = 1) -> Grant:
        self.calls += 1
        if not self.up:
            raise StoreUnavailable()
        return await self.buckets.acquire(name, rate, at, count)

    async def forget_idle(self, before: float) -> None:
        if not self.up:
            raise StoreUnavailable()


async def test_while_the_database_is_away_the_local_buckets_stand_in() -> None:
    database, now = Database(), [0.0]
    buckets = FallbackBuckets(database, retry_after=5.0, clock=lambda: now[0])
    rate = Rate.per_second(4)
    assert (await buckets.acquire("send", rate, T0)).wait == 0.0
    database.up = False
    assert (await buckets.acquire("send", rate, T0)).wait == 0.0  # the local bucket: fresh
    assert (await buckets.acquire("send", rate, T0)).wait == 0.25
    assert database.calls == 2  # not asked again for retry_after seconds
    database.up, now[0] = True, 5.0
    assert (await buckets.acquire("send", rate, T0)).wait == 0.25  # the shared one again
    assert database.calls == 3


async def test_forgetting_needs_the_database() -> None:
    database = Database()
    database.up = False
    with pytest.raises(StoreUnavailable):
        await FallbackBuckets(database).forget_idle(T0)


@pytest.mark.parametrize(("earlier", "count"), [(0, 3), (2, 5), (6, 4), (9, 2)])
async def test_grants_of_events_taken_in_one_step_are_those_taken_one_by_one(
    earlier: int, count: int
) -> None:
    """BucketAsk.grants reads single answers from the state after all of them (what the
    stored statement for updates arriving together returns)."""
    rate, at = Rate(15.0, 4), 1000.0
    one_by_one = LocalBuckets()
    for _ in range(earlier):
        await one_by_one.acquire("b", rate, at)
    singles = [await one_by_one.acquire("b", rate, at) for _ in range(count)]
    state = (-math.inf, 0)
    for _ in range(earlier + count):
        state = next_state(rate.interval, rate.slack, at, *state)

    assert BucketAsk("b", rate, at).grants(count, *state) == singles
