"""Shifts and the swap requests on them, with each request's trail of events."""

from collections.abc import Sequence
from dataclasses import fields
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.models import Shift, SwapEvent, SwapRequest, SwapStatus
from store.repositories.base import Repository
from store.tables import ShiftRow, SwapEventRow, SwapRequestRow


class SqlShiftRepository(Repository[ShiftRow, Shift]):
    row_type, domain_type = ShiftRow, Shift

    async def of_member(self, member_id: int, ending_after: datetime) -> Sequence[Shift]:
        return await self._many(
            ShiftRow.assignee_id == member_id,
            ShiftRow.end_at > ending_after,
            order_by=ShiftRow.start_at,
        )

    async def touching(self, start_at: datetime, end_at: datetime) -> Sequence[Shift]:
        return await self._many(ShiftRow.start_at <= end_at, ShiftRow.end_at >= start_at)

    async def starting_between(self, start: datetime, end: datetime) -> Sequence[Shift]:
        return await self._many(
            ShiftRow.start_at >= start, ShiftRow.start_at < end, order_by=ShiftRow.start_at
        )

    async def claim_reminder(self, shift_id: int, at: datetime) -> bool:
        result = await self.session.execute(
            update(ShiftRow)
            .where(ShiftRow.id == shift_id, ShiftRow.reminded_at.is_(None))
            .values(reminded_at=at)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]


class _SqlSwapEventRepository(Repository[SwapEventRow, SwapEvent]):
    row_type, domain_type = SwapEventRow, SwapEvent


class SqlSwapRepository(Repository[SwapRequestRow, SwapRequest]):
    row_type, domain_type = SwapRequestRow, SwapRequest

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session)
        self._events = _SqlSwapEventRepository(session)

    async def move(self, request: SwapRequest, expected: SwapStatus) -> bool:
        """UPDATE … WHERE id = :id AND status = :expected: on PostgreSQL a second transaction
        waits for the first and then finds the status changed; on SQLite writers take turns."""
        if request.status is expected:
            raise ValueError(f"a move must change the status, not {expected} → {expected}")
        values = {f.name: getattr(request, f.name) for f in fields(request) if f.name != "id"}
        result = await self.session.execute(
            update(SwapRequestRow)
            .where(SwapRequestRow.id == request.id, SwapRequestRow.status == expected)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def claim_follow_up(self, request_id: int, at: datetime) -> bool:
        result = await self.session.execute(
            update(SwapRequestRow)
            .where(
                SwapRequestRow.id == request_id,
                SwapRequestRow.status == SwapStatus.OPEN,
                SwapRequestRow.followed_up_at.is_(None),
            )
            .values(followed_up_at=at)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def pending_for_shift(self, shift_id: int) -> SwapRequest | None:
        return await self._one(
            SwapRequestRow.shift_id == shift_id,
            SwapRequestRow.status.in_([SwapStatus.OPEN, SwapStatus.TAKEN]),
        )

    async def with_status(self, *statuses: SwapStatus) -> Sequence[SwapRequest]:
        return await self._many(SwapRequestRow.status.in_(statuses))

    async def decided_since(self, moment: datetime) -> Sequence[SwapRequest]:
        return await self._many(
            SwapRequestRow.decided_at >= moment, order_by=SwapRequestRow.decided_at.desc()
        )

    async def record(self, event: SwapEvent) -> None:
        await self._events.add(event)

    async def trail(self, request_id: int) -> Sequence[SwapEvent]:
        return await self._events._many(SwapEventRow.request_id == request_id)
