"""What the core needs from the outside world, as protocols.

The store implements the repositories and the unit of work with SQLAlchemy; the unit tests
implement them with in-memory fakes. The clock is injected so tests and chat scripts control time.
"""

from collections.abc import Sequence
from datetime import datetime
from types import TracebackType
from typing import Any, Protocol, Self

from bot.core.models import (
    AuditEntry,
    BoardPost,
    Broadcast,
    BroadcastState,
    CalendarFeed,
    Conversation,
    Event,
    ExternalCredit,
    Invite,
    LokGroup,
    Member,
    OutboxMessage,
    OutboxState,
    PostKind,
    PostStatus,
    Question,
    Registration,
    Replacement,
    Shift,
    Subscription,
    SwapEvent,
    SwapRequest,
    SwapStatus,
    TaughtEntry,
)


class Gettext(Protocol):
    """A reader's translations (bot.i18n.Translator), for the few labels the bot and the console
    both show: those live beside their feature's core, which both may import."""

    def gettext(self, message: str) -> str: ...


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

    async def active_after(self, after_id: int, limit: int) -> Sequence[Member]:
        """Up to `limit` active members with an id above `after_id`, by id."""
        ...

    async def coordinators(self) -> Sequence[Member]: ...

    async def mark_unreachable(self, member_ids: Sequence[int], at: datetime) -> None:
        """These members blocked the bot: nothing more is sent to them."""
        ...


class InviteRepository(Protocol):
    async def add(self, invite: Invite) -> Invite: ...
    async def by_code(self, code: str) -> Invite | None: ...
    async def update(self, invite: Invite) -> None: ...

    async def redeem(self, invite_id: int, member_id: int, at: datetime) -> bool:
        """Mark the invite used by the member if nobody used it yet: one conditional update,
        so of two people using it at once exactly one gets True."""
        ...


class OutboxRepository(Protocol):
    async def add(self, message: OutboxMessage) -> OutboxMessage: ...
    async def get(self, message_id: int) -> OutboxMessage | None: ...

    async def claim_due(
        self, now: datetime, *, limit: int, stale_before: datetime, owner: str | None = None
    ) -> Sequence[OutboxMessage]:
        """Mark up to `limit` due rows as being sent by `owner` and return them. Rows another
        process holds are skipped; rows stuck in `sending` since before `stale_before` (a crash)
        are reclaimed."""
        ...

    async def release_claims(self, owner: str) -> int:
        """Rows `owner` claimed and never finished go back to `pending`; return how many."""
        ...

    async def update(self, message: OutboxMessage) -> None: ...
    async def list(self) -> Sequence[OutboxMessage]: ...

    async def unfinished(self) -> int:
        """How many rows are waiting or being sent."""
        ...

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

    async def newest(self, limit: int) -> Sequence[Broadcast]:
        """The last `limit` broadcasts created, newest first (any state)."""
        ...

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

    async def unanswered(self, limit: int) -> Sequence[Question]:
        """Declined or thumbs-down questions, newest first, at most `limit`."""
        ...


class TaughtEntryRepository(Protocol):
    async def add(self, entry: TaughtEntry) -> TaughtEntry: ...

    async def after(self, entry_id: int) -> Sequence[TaughtEntry]:
        """The entries with a larger id, oldest first (all of them after 0)."""
        ...

    async def for_question(self, question_id: int) -> TaughtEntry | None: ...


class ReplacementRepository(Protocol):
    async def add(self, replacement: Replacement) -> Replacement: ...
    async def get(self, replacement_id: int) -> Replacement | None: ...
    async def update(self, replacement: Replacement) -> None: ...
    async def for_member(self, member_id: int) -> Sequence[Replacement]: ...


class ProcessedUpdateRepository(Protocol):
    """Recording is one statement with the rest of an update's arrival (bot.core.updates)."""

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


class ShiftRepository(Protocol):
    async def add(self, shift: Shift) -> Shift: ...
    async def add_all(self, shifts: Sequence[Shift]) -> None: ...
    async def get(self, shift_id: int) -> Shift | None: ...
    async def update(self, shift: Shift) -> None: ...

    async def of_member(self, member_id: int, ending_after: datetime) -> Sequence[Shift]:
        """The member's shifts that end after the moment, earliest first."""
        ...

    async def touching(self, start_at: datetime, end_at: datetime) -> Sequence[Shift]:
        """Shifts that overlap the period or touch it (end at its start, start at its end)."""
        ...

    async def starting_between(self, start: datetime, end: datetime) -> Sequence[Shift]:
        """Shifts starting in [start, end), earliest first."""
        ...

    async def unassigned(self, starting_after: datetime) -> Sequence[Shift]:
        """Shifts without a doctor that start after the moment, earliest first."""
        ...

    async def claim_reminder(self, shift_id: int, at: datetime) -> bool:
        """Set `reminded_at` if it is not set yet (one statement); False if it was."""
        ...


class SwapRepository(Protocol):
    async def add(self, request: SwapRequest) -> SwapRequest: ...
    async def get(self, request_id: int) -> SwapRequest | None: ...

    async def move(self, request: SwapRequest, expected: SwapStatus) -> bool:
        """Save the request only if its stored status is still `expected` (compare and set, one
        statement): of two processes changing the same request, exactly one succeeds. The status
        must change: X → X would match every process's update (ValueError)."""
        ...

    async def claim_follow_up(self, request_id: int, at: datetime) -> bool:
        """Set `followed_up_at` if the request is open and nobody followed it up yet (compare
        and set on the field that changes): exactly one process sends the follow-up."""
        ...

    async def pending_for_shift(self, shift_id: int) -> SwapRequest | None: ...
    async def with_status(self, *statuses: SwapStatus) -> Sequence[SwapRequest]: ...
    async def decided_since(self, moment: datetime) -> Sequence[SwapRequest]: ...
    async def record(self, event: SwapEvent) -> None: ...
    async def trail(self, request_id: int) -> Sequence[SwapEvent]: ...


class EventRepository(Protocol):
    async def add(self, event: Event) -> Event: ...
    async def get(self, event_id: int) -> Event | None: ...

    async def lock(self, event_id: int) -> Event | None:
        """The event, locked until the transaction ends: registrations for one event queue up
        here, so seats are counted by one transaction at a time, in order of arrival."""
        ...

    async def update(self, event: Event) -> None: ...
    async def by_token(self, token: str) -> Event | None: ...

    async def ending_after(self, moment: datetime) -> Sequence[Event]:
        """Events (cancelled ones too) that end after `moment`, by start."""
        ...

    async def starting_between(self, start: datetime, end: datetime) -> Sequence[Event]: ...
    async def add_registration(self, registration: Registration) -> Registration: ...
    async def update_registration(self, registration: Registration) -> None: ...
    async def get_registration(self, registration_id: int) -> Registration | None: ...

    async def registrations(self, event_id: int) -> Sequence[Registration]:
        """Every registration of the event, in order of arrival."""
        ...

    async def registrations_of(self, member_id: int) -> Sequence[Registration]: ...
    async def offers_expired(self, now: datetime) -> Sequence[Registration]: ...
    async def lok_groups(self) -> Sequence[LokGroup]: ...
    async def add_lok_group(self, group: LokGroup) -> LokGroup: ...
    async def add_external_credit(self, credit: ExternalCredit) -> ExternalCredit: ...
    async def external_credits_of(self, member_id: int) -> Sequence[ExternalCredit]: ...


class PrivacyRepository(Protocol):
    async def personal_data(self, member_id: int) -> dict[str, list[dict[str, Any]]]:
        """The member's row and every row that points at them, by table, as plain values."""
        ...

    async def forget(self, member_id: int, now: datetime) -> dict[str, int]:
        """Erase or anonymise everything about the member; count what was kept, by kind."""
        ...

    async def forget_logs_before(self, moment: datetime) -> int: ...


class AuditRepository(Protocol):
    async def add(self, entry: AuditEntry) -> AuditEntry: ...
    async def since(self, moment: datetime) -> Sequence[AuditEntry]: ...


class ErrorReportRepository(Protocol):
    async def claim(self, signature: str, now: datetime, quiet_since: datetime) -> int | None:
        """Count one more occurrence of the error. When it was not reported since
        `quiet_since`, mark it reported (atomically: one process wins) and return how many
        occurrences there were since the last report; otherwise return None."""
        ...


class ConversationRepository(Protocol):
    async def live(self, chat_id: int, user_id: int, now: datetime) -> Sequence[Conversation]:
        """The person's flows in this chat that expire after `now`."""
        ...

    async def put(self, conversation: Conversation) -> None:
        """Insert or replace the flow's row (one statement: a replica may write it too)."""
        ...

    async def end(self, chat_id: int, user_id: int, name: str) -> None: ...
    async def remove_expired(self, now: datetime) -> None: ...


class FeedRepository(Protocol):
    async def add(self, feed: CalendarFeed) -> CalendarFeed: ...
    async def live_for_member(self, member_id: int) -> CalendarFeed | None: ...
    async def live_for_zone(self, zone: str) -> CalendarFeed | None: ...
    async def live_by_token(self, token: str) -> CalendarFeed | None: ...
    async def revoke(self, feed: CalendarFeed, at: datetime) -> None: ...


class UnitOfWork(Protocol):
    """One transaction. `async with uow:` opens it; leaving without `commit()` rolls back."""

    members: MemberRepository
    invites: InviteRepository
    outbox: OutboxRepository
    questions: QuestionRepository
    taught: TaughtEntryRepository
    replacements: ReplacementRepository
    processed_updates: ProcessedUpdateRepository
    board: BoardRepository
    shifts: ShiftRepository
    swaps: SwapRepository
    privacy: PrivacyRepository
    audit: AuditRepository
    error_reports: ErrorReportRepository
    events: EventRepository
    broadcasts: BroadcastRepository
    digest_runs: DigestRunRepository
    conversations: ConversationRepository
    feeds: FeedRepository

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self, durable: bool = True) -> None:
        """`durable=False`: the commit need not wait until it is on disk (bookkeeping that a
        database crash may lose without harm: which updates were handled)."""
        ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...
