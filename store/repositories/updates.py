"""Telegram updates already handled, so a redelivered one is handled once."""

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from store.repositories.base import insert_once
from store.tables import ProcessedUpdateRow


class SqlProcessedUpdateRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(self, update_id: int, at: datetime) -> bool:
        return await insert_once(
            self.session, ProcessedUpdateRow, update_id=update_id, processed_at=at
        )

    async def forget_before(self, moment: datetime) -> None:
        await self.session.execute(
            delete(ProcessedUpdateRow).where(ProcessedUpdateRow.processed_at < moment)
        )
