"""Where people are in multi-step flows: one row per chat, person and flow."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.models import Conversation
from store.repositories.base import upsert
from store.tables import ConversationRow


class SqlConversationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def live(self, chat_id: int, user_id: int, now: datetime) -> Sequence[Conversation]:
        rows = await self.session.scalars(
            select(ConversationRow).where(
                ConversationRow.chat_id == chat_id,
                ConversationRow.user_id == user_id,
                ConversationRow.expires_at > now,
            )
        )
        return [
            Conversation(row.chat_id, row.user_id, row.name, row.state, row.draft, row.expires_at)
            for row in rows
        ]

    async def put(self, conversation: Conversation) -> None:
        await upsert(
            self.session,
            ConversationRow,
            key=("chat_id", "user_id", "name"),
            chat_id=conversation.chat_id,
            user_id=conversation.user_id,
            name=conversation.name,
            state=conversation.state,
            draft=conversation.draft,
            expires_at=conversation.expires_at,
        )

    async def end(self, chat_id: int, user_id: int, name: str) -> None:
        await self.session.execute(
            delete(ConversationRow).where(
                ConversationRow.chat_id == chat_id,
                ConversationRow.user_id == user_id,
                ConversationRow.name == name,
            )
        )

    async def remove_expired(self, now: datetime) -> None:
        await self.session.execute(delete(ConversationRow).where(ConversationRow.expires_at <= now))
