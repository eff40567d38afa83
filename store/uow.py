"""The SQL unit of work: one AsyncSession, one transaction, committed only by the service."""

from types import TracebackType
from typing import Self

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.errors import StoreConflict, StoreRefused, StoreUnavailable
from store.privacy import SqlPrivacyRepository
from store.repositories.audit import SqlAuditRepository, SqlErrorReportRepository
from store.repositories.broadcast import SqlBroadcastRepository, SqlDigestRunRepository
from store.repositories.cme import SqlEventRepository
from store.repositories.conversations import SqlConversationRepository
from store.repositories.feeds import SqlFeedRepository
from store.repositories.knowledge import SqlQuestionRepository, SqlTaughtEntryRepository
from store.repositories.locum import SqlBoardRepository, SqlReplacementRepository
from store.repositories.membership import SqlInviteRepository, SqlMemberRepository
from store.repositories.outbox import SqlOutboxRepository
from store.repositories.shifts import SqlShiftRepository, SqlSwapRepository
from store.repositories.updates import SqlProcessedUpdateRepository


class SqlUnitOfWork:
    members: SqlMemberRepository
    invites: SqlInviteRepository
    outbox: SqlOutboxRepository
    questions: SqlQuestionRepository
    taught: SqlTaughtEntryRepository
    replacements: SqlReplacementRepository
    processed_updates: SqlProcessedUpdateRepository
    board: SqlBoardRepository
    shifts: SqlShiftRepository
    swaps: SqlSwapRepository
    events: SqlEventRepository
    privacy: SqlPrivacyRepository
    audit: SqlAuditRepository
    error_reports: SqlErrorReportRepository
    broadcasts: SqlBroadcastRepository
    digest_runs: SqlDigestRunRepository
    conversations: SqlConversationRepository
    feeds: SqlFeedRepository

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._session_factory = session_factory

    async def __aenter__(self) -> Self:
        self.session = self._session_factory()
        self.members = SqlMemberRepository(self.session)
        self.invites = SqlInviteRepository(self.session)
        self.outbox = SqlOutboxRepository(self.session)
        self.questions = SqlQuestionRepository(self.session)
        self.taught = SqlTaughtEntryRepository(self.session)
        self.replacements = SqlReplacementRepository(self.session)
        self.processed_updates = SqlProcessedUpdateRepository(self.session)
        self.board = SqlBoardRepository(self.session)
        self.shifts = SqlShiftRepository(self.session)
        self.swaps = SqlSwapRepository(self.session)
        self.events = SqlEventRepository(self.session)
        self.privacy = SqlPrivacyRepository(self.session)
        self.audit = SqlAuditRepository(self.session)
        self.error_reports = SqlErrorReportRepository(self.session)
        self.broadcasts = SqlBroadcastRepository(self.session)
        self.digest_runs = SqlDigestRunRepository(self.session)
        self.conversations = SqlConversationRepository(self.session)
        self.feeds = SqlFeedRepository(self.session)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            await self.session.rollback()  # a no-op after commit()
            await self.session.close()
        except Exception:
            if not _unreachable(exc):
                raise
        if exc is not None:
            raise_as_domain_error(exc)

    async def commit(self, durable: bool = True) -> None:
        """Not `durable`: on PostgreSQL the COMMIT returns without waiting for the disk (some
        4 ms here, the largest cost of an update's bookkeeping); a database crash may lose the
        last fraction of a second of such commits, never corrupt anything. SQLite never waits
        for the disk at a commit (WAL, synchronous=NORMAL: store.db)."""
        try:
            if not durable and self.session.get_bind().dialect.name == "postgresql":
                await self.session.execute(text("SET LOCAL synchronous_commit TO OFF"))
            await self.session.commit()
        except Exception as error:
            raise_as_domain_error(error)
            raise


def raise_as_domain_error(error: BaseException) -> None:
    """What the core understands of a database error, without the driver's message (it quotes
    the values we sent); other errors are left to propagate as they are."""
    if _unreachable(error):
        raise StoreUnavailable() from error
    if isinstance(error, IntegrityError):
        raise StoreConflict() from None
    if isinstance(error, DBAPIError):
        statement = " ".join((error.statement or "").split()[:4])
        raise StoreRefused(f"{type(error.orig).__name__} on {statement} …") from None


def _unreachable(error: BaseException | None) -> bool:
    """The database is down, restarting, or unreachable (rather than refusing our data)."""
    if isinstance(error, OperationalError | InterfaceError | OSError | TimeoutError):
        return True
    return isinstance(error, DBAPIError) and error.connection_invalidated
