"""Telegram updates already handled, so a redelivered one is handled once."""

from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import bindparam, delete
from sqlalchemy.ext.asyncio import AsyncSession

from store.repositories.base import dialect_insert
from store.tables import ProcessedUpdateRow


class SqlProcessedUpdateRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(self, update_id: int, at: datetime) -> bool:
        """INSERT … ON CONFLICT DO NOTHING: exactly one process sees its insert succeed."""
        statement = _record_statement(self.session.get_bind().dialect.name)
        result = await self.session.execute(statement, {"update_id": update_id, "at": at})
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def forget_before(self, moment: datetime) -> None:
        await self.session.execute(
            delete(ProcessedUpdateRow).where(ProcessedUpdateRow.processed_at < moment)
        )


@cache
def _record_statement(dialect: str) -> Any:
    """Built once per dialect: it runs for every update (on PostgreSQL), and building it cost
    more than running it. On the table, not the mapped class, so that a dictionary of values is
    one row's parameters rather than an ORM bulk insert."""
    table = ProcessedUpdateRow.__table__
    return (
        dialect_insert(dialect)(table)
        .values(
            update_id=bindparam("update_id", type_=table.c.update_id.type),
            processed_at=bindparam("at", type_=table.c.processed_at.type),
        )
        .on_conflict_do_nothing()
    )
