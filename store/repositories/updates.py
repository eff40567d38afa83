"""Telegram updates already handled, so a redelivered one is handled once (each is recorded
by the statement of its arrival: store.arrivals)."""

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from store.tables import ProcessedUpdateRow


class SqlProcessedUpdateRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def forget_before(self, moment: datetime) -> None:
        await self.session.execute(
            delete(ProcessedUpdateRow).where(ProcessedUpdateRow.processed_at < moment)
        )
