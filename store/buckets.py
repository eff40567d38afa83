"""Rate buckets shared by every process on the database (the port is bot.core.buckets).

Each request is one statement in autocommit mode, not a unit of work: it is the whole
transaction, and the bucket's row is then locked only while the server runs it. Inside a
transaction the lock would last until the client's COMMIT arrives, a round trip later; the
requests of all replicas queue on that row, and answers that come back after their slot
would let the messages behind them go out in a burst."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Executable, Row, case, delete, literal
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.buckets import Grant, Rate
from store.repositories.base import dialect_insert
from store.tables import RateBucketRow
from store.uow import raise_as_domain_error


class SqlBuckets:
    shared = True

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")

    async def acquire(self, name: str, rate: Rate, at: float, count: int = 1) -> Grant:
        """INSERT … ON CONFLICT DO UPDATE … RETURNING: bot.core.buckets.next_state in one
        statement; a new bucket (full) grants its first request."""
        bucket = RateBucketRow.__table__.c
        at_value = literal(at)
        granted = bucket.next_slot <= at_value + rate.slack
        later = case((bucket.next_slot > at_value, bucket.next_slot), else_=at_value)
        statement = (
            dialect_insert(self._engine.dialect.name)(RateBucketRow)
            .values(name=name, next_slot=at + count * rate.interval, refusals=0)
            .on_conflict_do_update(
                index_elements=[bucket.name],
                set_={
                    "next_slot": case(
                        (granted, later + count * rate.interval), else_=bucket.next_slot
                    ),
                    "refusals": case((granted, 0), else_=bucket.refusals + 1),
                },
            )
            .returning(bucket.next_slot, bucket.refusals)
        )
        [bucket_now] = await self._execute(statement)
        next_slot, refusals = float(bucket_now.next_slot), int(bucket_now.refusals)
        return Grant.from_bucket(rate, at, next_slot, refusals, count)

    async def forget_idle(self, before: float) -> None:
        await self._execute(delete(RateBucketRow).where(RateBucketRow.next_slot <= before))

    async def _execute(self, statement: Executable) -> Sequence[Row[Any]]:
        """Run one statement on its own; the errors the core understands, as the unit of work
        raises them (StoreUnavailable …)."""
        try:
            async with self._engine.connect() as connection:
                result = await connection.execute(statement)
                return result.all() if result.returns_rows else []
        except Exception as error:
            raise_as_domain_error(error)
            raise
