"""Broadcasts and the runs of the newsletter digest."""

from collections.abc import Sequence
from dataclasses import fields
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.models import Broadcast, BroadcastState
from store.repositories.base import Repository, insert_once
from store.tables import BroadcastRow, DigestRunRow


class SqlBroadcastRepository(Repository[BroadcastRow, Broadcast]):
    row_type, domain_type = BroadcastRow, Broadcast

    async def start_due(self, now: datetime) -> Sequence[Broadcast]:
        """A conditional UPDATE … RETURNING: a second process waits for the first one's row
        locks, then finds the rows no longer scheduled."""
        start = (
            update(BroadcastRow)
            .where(BroadcastRow.state == BroadcastState.SCHEDULED, BroadcastRow.scheduled_at <= now)
            .values(state=BroadcastState.SENDING)
            .returning(BroadcastRow)
            .execution_options(synchronize_session=False)
        )
        rows = sorted(await self.session.scalars(start), key=lambda row: row.id)
        return [self._to_domain(row) for row in rows]

    async def in_state(self, state: BroadcastState) -> Sequence[Broadcast]:
        return await self._many(BroadcastRow.state == state)

    async def newest(self, limit: int) -> Sequence[Broadcast]:
        query = (
            select(BroadcastRow)
            .order_by(BroadcastRow.created_at.desc(), BroadcastRow.id.desc())
            .limit(limit)
        )
        return [self._to_domain(row) for row in await self.session.scalars(query)]

    async def transition(self, broadcast: Broadcast, expected: BroadcastState) -> bool:
        values = {f.name: getattr(broadcast, f.name) for f in fields(broadcast) if f.name != "id"}
        result = await self.session.execute(
            update(BroadcastRow)
            .where(BroadcastRow.id == broadcast.id, BroadcastRow.state == expected)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def released_between(self, since: datetime, until: datetime) -> Sequence[Broadcast]:
        return await self._many(
            BroadcastRow.state.in_([BroadcastState.SENDING, BroadcastState.DONE]),
            BroadcastRow.scheduled_at >= since,
            BroadcastRow.scheduled_at < until,
            order_by=BroadcastRow.scheduled_at,
        )


class SqlDigestRunRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def start(self, period: str, at: datetime) -> bool:
        return await insert_once(self.session, DigestRunRow, period=period, ran_at=at)
