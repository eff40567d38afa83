"""The outbox: messages waiting to be sent, claimed by one sender at a time."""

from collections.abc import Sequence
from dataclasses import fields
from datetime import datetime

from sqlalchemy import Table, and_, bindparam, func, insert, or_, select, update

from bot.core.models import OutboxMessage, OutboxState
from store.repositories.base import Repository
from store.tables import OutboxRow

_OUTCOME_FIELDS = (
    "state",
    "due_at",
    "attempts",
    "claimed_at",
    "sent_at",
    "telegram_message_id",
    "last_error",
)


class SqlOutboxRepository(Repository[OutboxRow, OutboxMessage]):
    row_type, domain_type = OutboxRow, OutboxMessage

    async def claim_due(
        self, now: datetime, *, limit: int, stale_before: datetime, owner: str | None = None
    ) -> Sequence[OutboxMessage]:
        """One statement: WITH due AS MATERIALIZED (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)
        UPDATE … RETURNING. Concurrent senders on PostgreSQL skip each other's rows (the CTE is
        materialised so the LIMIT holds); on SQLite the statement takes the write lock at once,
        so two claims never read the same rows. The due condition is on the UPDATE too, so a row
        claimed meanwhile is not claimed again. Core rows, not ORM objects: the sender's event
        loop reads the batch at once, and the ORM's took twice as long (16 ms for 475 rows)."""
        due = or_(
            and_(OutboxRow.state == OutboxState.PENDING, OutboxRow.due_at <= now),
            and_(OutboxRow.state == OutboxState.SENDING, OutboxRow.claimed_at < stale_before),
        )
        candidates = (
            select(OutboxRow.id)
            .where(due)
            .order_by(OutboxRow.due_at, OutboxRow.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
            .cte("due")
            .prefix_with("MATERIALIZED")
        )
        table = _outbox_table()
        claim = (
            update(table)
            .where(table.c.id.in_(select(candidates.c.id)), due)
            .values(state=OutboxState.SENDING, claimed_at=now, claimed_by=owner)
            .returning(*(table.c[f.name] for f in fields(OutboxMessage)))
        )
        rows = (await self.session.execute(claim)).mappings()
        claimed = [OutboxMessage(**row) for row in rows]
        claimed.sort(key=lambda message: (message.due_at, message.id or 0))
        return claimed

    async def release_claims(self, owner: str) -> int:
        result = await self.session.execute(
            update(OutboxRow)
            .where(OutboxRow.state == OutboxState.SENDING, OutboxRow.claimed_by == owner)
            .values(state=OutboxState.PENDING, claimed_at=None)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]

    async def list(self) -> Sequence[OutboxMessage]:
        return await self._many()

    async def unfinished(self) -> int:
        waiting = OutboxRow.state.in_([OutboxState.PENDING, OutboxState.SENDING])
        return int(await self.session.scalar(select(func.count()).where(waiting)) or 0)

    async def add_many(self, messages: Sequence[OutboxMessage]) -> None:
        """One multi-row INSERT (a broadcast to every member is thousands of rows)."""
        if messages:
            values = [
                {f.name: getattr(m, f.name) for f in fields(m) if f.name != "id"} for m in messages
            ]
            await self.session.execute(insert(OutboxRow), values)

    async def save_outcomes(self, messages: Sequence[OutboxMessage]) -> None:
        """One executemany UPDATE by primary key for the whole batch (Core, not the ORM's bulk
        path: it is the sender's hottest statement)."""
        table = _outbox_table()
        statement = (
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values({name: bindparam(f"new_{name}") for name in _OUTCOME_FIELDS})
        )
        values = [
            {"row_id": m.id, **{f"new_{name}": getattr(m, name) for name in _OUTCOME_FIELDS}}
            for m in messages
        ]
        await self.session.execute(statement, values)

    async def broadcast_counts(self, broadcast_id: int) -> dict[OutboxState, int]:
        query = (
            select(OutboxRow.state, func.count())
            .where(OutboxRow.broadcast_id == broadcast_id)
            .group_by(OutboxRow.state)
        )
        return {state: count for state, count in (await self.session.execute(query)).all()}

    async def broadcast_totals(self) -> dict[OutboxState, int]:
        query = (
            select(OutboxRow.state, func.count())
            .where(OutboxRow.broadcast_id.is_not(None))
            .group_by(OutboxRow.state)
        )
        return {state: count for state, count in (await self.session.execute(query)).all()}

    async def for_broadcast(self, broadcast_id: int) -> Sequence[OutboxMessage]:
        return await self._many(OutboxRow.broadcast_id == broadcast_id)

    async def cancel_pending(self, broadcast_id: int) -> int:
        result = await self.session.execute(
            update(OutboxRow)
            .where(OutboxRow.broadcast_id == broadcast_id, OutboxRow.state == OutboxState.PENDING)
            .values(state=OutboxState.CANCELLED)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]


def _outbox_table() -> Table:
    """The outbox as a Core table, for the sender's hottest statements."""
    table = OutboxRow.__table__
    assert isinstance(table, Table)
    return table
