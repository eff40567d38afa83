"""One update's arrival on PostgreSQL (store.arrivals), against its statement on a bare asyncpg
connection measured in the same run: what the bot spends on the statement beyond the database's
round trip itself (compiling, parameters, the pool, the rows made into a Member).

    .venv/bin/python -m bench.arrival --database-url URL [--count 2000]

The database at URL is EMPTIED first (its public schema dropped) and migrated; one member is
added. Arrivals are awaited one after the other, each with a new update id and a flood bucket
ask, as an update of a member's chat makes them.
"""

import argparse
import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import asyncpg

from bench.roundtrip import empty
from bot.core.buckets import BucketAsk, Rate
from bot.core.models import Member, MemberStatus, Role
from bot.core.updates import Knock
from bot.services import unit_of_work_factory
from store.arrivals import SqlArrivals, parameters
from store.db import create_engine
from store.migrate import upgrade

WARM_UP = 200
ANN = 7000002
FLOOD = Rate(0.006, 10_000, 1.0)  # never reached


async def timed(count: int, arrive: Callable[[Knock], Awaitable[Any]]) -> float:
    """Milliseconds per arrival, `count` of them one after the other."""
    update_ids = iter(range(10**9))

    def knock() -> Knock:
        at = datetime.now(UTC)
        ask = BucketAsk(f"flood:{ANN}", FLOOD, at.timestamp())
        return Knock(next(update_ids), ANN, ANN, at, ask)

    for _ in range(WARM_UP):
        await arrive(knock())
    started = time.perf_counter()
    for _ in range(count):
        await arrive(knock())
    return (time.perf_counter() - started) / count * 1000


async def run(url: str, count: int) -> None:
    await empty(url)
    engine = create_engine(url)
    await upgrade(engine)
    now = datetime.now(UTC)
    async with unit_of_work_factory(engine)() as uow:
        await uow.members.add(
            Member(ANN, Role.GP, "nl", MemberStatus.ACTIVE, "Ann", created_at=now, updated_at=now)
        )
        await uow.commit()
    arrivals = SqlArrivals(engine)
    bare = await asyncpg.connect(url)

    async def on_bare_connection(knock: Knock) -> None:
        statement = arrivals.compiled(knock)
        given = statement.constants | parameters(knock)
        await bare.fetch(statement.sql, *(given[key] for key, _ in statement.parameters))

    bot = await timed(count, arrivals.arrive)
    baseline = await timed(count, on_bare_connection)
    await bare.close()
    await engine.dispose()
    print(f"{count} arrivals one after the other (PostgreSQL), ms each:")
    print(f"{'the statement on a bare asyncpg connection':46}{baseline:>8.3f}")
    print(f"{'SqlArrivals.arrive (a Member and its verdict)':46}{bot:>8.3f}")
    print(f"ratio arrive / bare statement: x{bot / baseline:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="PostgreSQL (emptied first)")
    parser.add_argument("--count", type=int, default=2000)
    args = parser.parse_args()
    asyncio.run(run(args.database_url, args.count))


if __name__ == "__main__":
    main()
