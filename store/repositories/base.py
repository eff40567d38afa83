"""What the repositories share: the mapping between a row and its core dataclass, the insert
that only one process wins, and the insert-or-replace."""

from collections.abc import Sequence
from dataclasses import fields
from typing import Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.models import (
    AuditEntry,
    BoardPost,
    Broadcast,
    CalendarFeed,
    Event,
    ExternalCredit,
    Invite,
    Member,
    OutboxMessage,
    Question,
    Registration,
    Replacement,
    Shift,
    Subscription,
    SwapEvent,
    SwapRequest,
    TaughtEntry,
)
from store.tables import Base

ROWS_PER_FLUSH = 500
RowT = TypeVar("RowT", bound=Base)
DomainT = TypeVar(
    "DomainT",
    Member,
    Invite,
    OutboxMessage,
    Question,
    Replacement,
    BoardPost,
    Subscription,
    Shift,
    SwapRequest,
    SwapEvent,
    AuditEntry,
    Event,
    Registration,
    Broadcast,
    CalendarFeed,
    ExternalCredit,
    TaughtEntry,
)


class Repository(Generic[RowT, DomainT]):
    """Rows and dataclasses share their field names, so one mapping serves every table."""

    row_type: type[RowT]
    domain_type: type[DomainT]

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def _to_domain(self, row: RowT) -> DomainT:
        values: dict[str, Any] = {f.name: getattr(row, f.name) for f in fields(self.domain_type)}
        return self.domain_type(**values)

    @staticmethod
    def _copy_into(row: RowT, item: DomainT) -> None:
        for f in fields(item):
            if f.name != "id":
                value = getattr(item, f.name)
                setattr(
                    row, f.name, type(value)(value) if isinstance(value, dict | list) else value
                )

    async def add(self, item: DomainT) -> DomainT:
        row = self.row_type()
        self._copy_into(row, item)
        self.session.add(row)
        await self.session.flush()
        item.id = row.id  # type: ignore[attr-defined]
        return item

    async def add_all(self, items: Sequence[DomainT]) -> None:
        """Many new items (a roster import adds thousands) in flushes of ROWS_PER_FLUSH: few
        statements, and between two flushes other members' updates get their turn."""
        for first in range(0, len(items), ROWS_PER_FLUSH):
            chunk = items[first : first + ROWS_PER_FLUSH]
            rows = [self.row_type() for _ in chunk]
            for row, item in zip(rows, chunk, strict=True):
                self._copy_into(row, item)
            self.session.add_all(rows)
            await self.session.flush()
            for row, item in zip(rows, chunk, strict=True):
                item.id = row.id  # type: ignore[attr-defined]

    async def get(self, item_id: int) -> DomainT | None:
        row = await self.session.get(self.row_type, item_id)
        return None if row is None else self._to_domain(row)

    async def update(self, item: DomainT) -> None:
        row = await self.session.get(self.row_type, item.id)
        if row is None:
            raise LookupError(f"{self.row_type.__tablename__} {item.id} does not exist")
        self._copy_into(row, item)
        await self.session.flush()

    async def _one(self, *conditions: Any) -> DomainT | None:
        row = (await self.session.scalars(select(self.row_type).where(*conditions))).first()
        return None if row is None else self._to_domain(row)

    async def _many(self, *conditions: Any, order_by: Any = None) -> list[DomainT]:
        query = select(self.row_type).where(*conditions)
        query = query.order_by(order_by if order_by is not None else self.row_type.id)  # type: ignore[attr-defined]
        return [self._to_domain(row) for row in await self.session.scalars(query)]


def dialect_insert(dialect: str) -> Any:
    """The INSERT of the dialect (ON CONFLICT is spelt per dialect)."""
    return postgresql_insert if dialect == "postgresql" else sqlite_insert


async def insert_once(session: AsyncSession, table: type[Base], **values: Any) -> bool:
    """INSERT … ON CONFLICT DO NOTHING: exactly one process sees its insert succeed."""
    result = await session.execute(
        dialect_insert(session.get_bind().dialect.name)(table)
        .values(**values)
        .on_conflict_do_nothing()
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def upsert(
    session: AsyncSession, table: type[Base], key: tuple[str, ...], **values: Any
) -> None:
    """INSERT … ON CONFLICT (key) DO UPDATE: one statement, so two processes writing the same
    row never clash."""
    statement = dialect_insert(session.get_bind().dialect.name)(table).values(**values)
    changed = {name: statement.excluded[name] for name in values if name not in key}
    await session.execute(statement.on_conflict_do_update(index_elements=key, set_=changed))
