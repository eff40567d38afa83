"""What the core needs from the outside world, as protocols.

The store implements the repositories and the unit of work with SQLAlchemy; the unit tests
implement them with in-memory fakes. The clock is injected so tests and chat scripts control time.
"""

from collections.abc import Sequence
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from bot.core.models import (
    BoardPost,
    Invite,
    Member,
    OutboxMessage,
    PostKind,
    PostStatus,
    Question,
    Replacement,
    Subscription,
)


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware."""
        ...


class MemberRepository(Protocol):
    async def add(self, member: Member) -> Member: ...
    async def get(self, member_id: int) -> Member | None: ...
    async def by_telegram_id(self, telegram_id: int) -> Member | None: ...
    async def by_riziv(self, riziv: str) -> Member | None: ...
    async def update(self, member: Member) -> None: ...
    async def delete(self, member_id: int) -> None: ...
    async def list(self, *, active_only: bool = False) -> Sequence[Member]: ...
    async def coordinators(self) -> Sequence[Member]: ...


class InviteRepository(Protocol):
    async def add(self, invite: Invite) -> Invite: ...
    async def by_code(self, code: str) -> Invite | None: ...
    async def update(self, invite: Invite) -> None: ...


class OutboxRepository(Protocol):
    async def add(self, message: OutboxMessage) -> OutboxMessage: ...

    async def claim_due(
        self, now: datetime, *, limit: int, stale_before: datetime
    ) -> Sequence[OutboxMessage]:
        """Mark up to `limit` due rows as being sent and return them. Rows another process holds
        are skipped; rows stuck in `sending` since before `stale_before` (a crash) are reclaimed."""
        ...

    async def update(self, message: OutboxMessage) -> None: ...
    async def list(self) -> Sequence[OutboxMessage]: ...


class QuestionRepository(Protocol):
    async def add(self, question: Question) -> Question: ...
    async def get(self, question_id: int) -> Question | None: ...
    async def update(self, question: Question) -> None: ...

    async def needing_attention(self, limit: int) -> Sequence[Question]:
        """Forwarded and unanswered first, then declined or thumbs-down, newest first."""
        ...


class ReplacementRepository(Protocol):
    async def add(self, replacement: Replacement) -> Replacement: ...
    async def get(self, replacement_id: int) -> Replacement | None: ...
    async def update(self, replacement: Replacement) -> None: ...
    async def for_member(self, member_id: int) -> Sequence[Replacement]: ...


class ProcessedUpdateRepository(Protocol):
    async def record(self, update_id: int, at: datetime) -> bool:
        """Record the update; False when it was recorded before (by any process)."""
        ...

    async def forget_before(self, moment: datetime) -> None: ...


class BoardRepository(Protocol):
    async def add_post(self, post: BoardPost) -> BoardPost: ...

    async def get_post(self, post_id: int) -> BoardPost | None:
        """The post, locked until the transaction ends (two taps at once: one after the other)."""
        ...

    async def update_post(self, post: BoardPost) -> None: ...
    async def posts(self, kind: PostKind, status: PostStatus) -> Sequence[BoardPost]: ...
    async def subscriptions(self) -> Sequence[Subscription]: ...
    async def save_subscription(self, subscription: Subscription) -> Subscription: ...


class UnitOfWork(Protocol):
    """One transaction. `async with uow:` opens it; leaving without `commit()` rolls back."""

    members: MemberRepository
    invites: InviteRepository
    outbox: OutboxRepository
    questions: QuestionRepository
    replacements: ReplacementRepository
    processed_updates: ProcessedUpdateRepository
    board: BoardRepository

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...
