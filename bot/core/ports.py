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
    Broadcast,
    BroadcastState,
    Invite,
    Member,
    OutboxMessage,
    OutboxState,
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

    async def mark_unreachable(self, member_ids: Sequence[int], at: datetime) -> None:
        """These members blocked the bot: nothing more is sent to them."""
        ...


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
    async def add_many(self, messages: Sequence[OutboxMessage]) -> None: ...

    async def save_outcomes(self, messages: Sequence[OutboxMessage]) -> None:
        """Store state, due time, attempts, sent time, message id and error of claimed rows."""
        ...

    async def broadcast_counts(self, broadcast_id: int) -> dict[OutboxState, int]: ...

    async def broadcast_totals(self) -> dict[OutboxState, int]:
        """Rows of every broadcast, by state."""
        ...

    async def for_broadcast(self, broadcast_id: int) -> Sequence[OutboxMessage]: ...

    async def cancel_pending(self, broadcast_id: int) -> int:
        """Cancel the broadcast's rows that are still waiting; return how many."""
        ...


class BroadcastRepository(Protocol):
    async def add(self, broadcast: Broadcast) -> Broadcast: ...
    async def get(self, broadcast_id: int) -> Broadcast | None: ...

    async def start_due(self, now: datetime) -> Sequence[Broadcast]:
        """Move scheduled broadcasts due by `now` to `sending` and return them; a broadcast is
        started by one process only."""
        ...

    async def in_state(self, state: BroadcastState) -> Sequence[Broadcast]: ...

    async def transition(self, broadcast: Broadcast, expected: BroadcastState) -> bool:
        """Save the broadcast if its stored state is still `expected`; False otherwise."""
        ...

    async def released_between(self, since: datetime, until: datetime) -> Sequence[Broadcast]:
        """Broadcasts that started sending in [since, until), not cancelled ones."""
        ...


class DigestRunRepository(Protocol):
    async def start(self, period: str, at: datetime) -> bool:
        """Record the run of a digest period; False when it ran before (in any process)."""
        ...


class QuestionRepository(Protocol):
    async def add(self, question: Question) -> Question: ...
    async def get(self, question_id: int) -> Question | None: ...
    async def update(self, question: Question) -> None: ...

    async def needing_attention(self, limit: int) -> Sequence[Question]:
        """Forwarded and unanswered first, then declined or thumbs-down, newest first."""
        ...

    async def tally(self) -> dict[str, int]:
        """Questions "asked", "answered" (by the knowledge base), "forwarded", "replied"."""
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
    broadcasts: BroadcastRepository
    digest_runs: DigestRunRepository

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
