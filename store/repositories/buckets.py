"""Rate buckets shared by every process on the database (bot.core.buckets)."""

from sqlalchemy import case, delete, literal
from sqlalchemy.ext.asyncio import AsyncSession

from store.repositories.base import dialect_insert
from store.tables import RateBucketRow


class SqlBucketRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def acquire(
        self, name: str, interval: float, slack: float, at: float
    ) -> tuple[float, int]:
        """INSERT … ON CONFLICT DO UPDATE … RETURNING: the GCRA step of bot.core.buckets
        .next_state in one statement. The row is locked from the conflict to the commit, so
        concurrent requests of all replicas queue on it and each sees the previous one's slot;
        a new bucket (full) grants its first request."""
        bucket = RateBucketRow.__table__.c
        insert = dialect_insert(self.session)(RateBucketRow).values(
            name=name, next_slot=at + interval, refusals=0
        )
        at_value = literal(at)
        granted = bucket.next_slot <= at_value + slack
        later = case((bucket.next_slot > at_value, bucket.next_slot), else_=at_value)
        statement = insert.on_conflict_do_update(
            index_elements=[bucket.name],
            set_={
                "next_slot": case((granted, later + interval), else_=bucket.next_slot),
                "refusals": case((granted, 0), else_=bucket.refusals + 1),
            },
        ).returning(bucket.next_slot, bucket.refusals)
        next_slot, refusals = (await self.session.execute(statement)).one()
        return float(next_slot), int(refusals)

    async def forget_idle(self, before: float) -> None:
        await self.session.execute(delete(RateBucketRow).where(RateBucketRow.next_slot <= before))
