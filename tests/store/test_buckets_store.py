"""Rate buckets in the database (SQLite and PostgreSQL): the port's behaviour, and requests of
many processes at once each getting a slot of their own."""

import asyncio
from collections.abc import Awaitable, Callable

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.buckets import Buckets, Rate
from store.buckets import SqlBuckets
from tests.unit.test_buckets import BEHAVIOUR, T0


@pytest.mark.parametrize("check", BEHAVIOUR, ids=lambda check: check.__name__)
async def test_stored_buckets(
    engine: AsyncEngine, check: Callable[[Buckets], Awaitable[None]]
) -> None:
    await check(SqlBuckets(engine))


async def test_simultaneous_requests_each_get_a_slot_of_their_own(engine: AsyncEngine) -> None:
    """Each request on a connection of its own, as from as many replicas (SQLite serialises
    them, on PostgreSQL they queue on the bucket's row)."""
    buckets, rate = SqlBuckets(engine), Rate.per_second(10)
    grants = await asyncio.gather(*(buckets.acquire("send", rate, T0) for _ in range(30)))
    slots = sorted(round(grant.wait * 10) for grant in grants)
    assert slots == list(range(30))
