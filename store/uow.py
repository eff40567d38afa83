"""The SQL unit of work: one AsyncSession, one transaction, committed only by the service."""

from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.repositories import (
    SqlBoardRepository,
    SqlBroadcastRepository,
    SqlDigestRunRepository,
    SqlInviteRepository,
    SqlMemberRepository,
    SqlOutboxRepository,
    SqlProcessedUpdateRepository,
    SqlQuestionRepository,
    SqlReplacementRepository,
)


class SqlUnitOfWork:
    members: SqlMemberRepository
    invites: SqlInviteRepository
    outbox: SqlOutboxRepository
    questions: SqlQuestionRepository
    replacements: SqlReplacementRepository
    processed_updates: SqlProcessedUpdateRepository
    board: SqlBoardRepository
    broadcasts: SqlBroadcastRepository
    digest_runs: SqlDigestRunRepository

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._session_factory = session_factory

    async def __aenter__(self) -> Self:
        self.session = self._session_factory()
        self.members = SqlMemberRepository(self.session)
        self.invites = SqlInviteRepository(self.session)
        self.outbox = SqlOutboxRepository(self.session)
        self.questions = SqlQuestionRepository(self.session)
        self.replacements = SqlReplacementRepository(self.session)
        self.processed_updates = SqlProcessedUpdateRepository(self.session)
        self.board = SqlBoardRepository(self.session)
        self.broadcasts = SqlBroadcastRepository(self.session)
        self.digest_runs = SqlDigestRunRepository(self.session)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.session.rollback()  # a no-op after commit()
        await self.session.close()

    async def commit(self) -> None:
        await self.session.commit()
