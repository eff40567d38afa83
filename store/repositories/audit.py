"""Oversight: the log of what coordinators and staff did, and the reported errors."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.models import AuditEntry
from store.repositories.base import Repository, insert_once
from store.tables import AuditRow, ErrorReportRow


class SqlAuditRepository(Repository[AuditRow, AuditEntry]):
    row_type, domain_type = AuditRow, AuditEntry

    async def since(self, moment: datetime) -> Sequence[AuditEntry]:
        return await self._many(AuditRow.at >= moment, order_by=AuditRow.at)


class SqlErrorReportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def claim(self, signature: str, now: datetime, quiet_since: datetime) -> int | None:
        """The error's row, locked (PostgreSQL: FOR UPDATE), decides; a first occurrence is an
        INSERT … ON CONFLICT DO NOTHING, so of two processes only one reports it."""
        query = select(ErrorReportRow).where(ErrorReportRow.signature == signature)
        row = (await self.session.scalars(query.with_for_update())).first()
        if row is None:
            if await insert_once(
                self.session, ErrorReportRow, signature=signature, occurrences=0, reported_at=now
            ):
                return 1
            row = (await self.session.scalars(query.with_for_update())).one()
        if row.reported_at <= quiet_since:
            occurrences = row.occurrences + 1
            row.occurrences, row.reported_at = 0, now
            await self.session.flush()
            return occurrences
        row.occurrences += 1
        await self.session.flush()
        return None
