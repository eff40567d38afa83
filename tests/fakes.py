"""In-memory implementations of the core's ports, for unit tests of bot/core.

The fake unit of work works on a copy of the fake database and writes it back only on commit,
so a test sees exactly what a real transaction would leave behind.
"""

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

from bot.core.models import (
    BoardPost,
    Broadcast,
    BroadcastState,
    Event,
    ExternalCredit,
    Invite,
    LokGroup,
    Member,
    MemberStatus,
    OutboxMessage,
    OutboxState,
    PostKind,
    PostStatus,
    Question,
    Registration,
    RegistrationState,
    Replacement,
    Role,
    Shift,
    Subscription,
    SwapEvent,
    SwapRequest,
    SwapStatus,
)
from bot.core.updates import Arrived, Batch, BatchArrived, Knock

KeyT = TypeVar("KeyT")


@dataclass
class FakeDatabase:
    members: dict[int, Member] = field(default_factory=dict)
    invites: dict[int, Invite] = field(default_factory=dict)
    outbox: dict[int, OutboxMessage] = field(default_factory=dict)
    questions: dict[int, Question] = field(default_factory=dict)
    replacements: dict[int, Replacement] = field(default_factory=dict)
    processed_updates: dict[int, datetime] = field(default_factory=dict)
    commits: int = 0  # units of work committed (the arrivals' ArrivalStore.commits)
    posts: dict[int, BoardPost] = field(default_factory=dict)
    subscriptions: dict[int, Subscription] = field(default_factory=dict)
    shifts: dict[int, Shift] = field(default_factory=dict)
    swaps: dict[int, SwapRequest] = field(default_factory=dict)
    swap_events: dict[int, SwapEvent] = field(default_factory=dict)
    events: dict[int, Event] = field(default_factory=dict)
    registrations: dict[int, Registration] = field(default_factory=dict)
    lok_groups: dict[int, LokGroup] = field(default_factory=dict)
    external_credits: dict[int, ExternalCredit] = field(default_factory=dict)
    broadcasts: dict[int, Broadcast] = field(default_factory=dict)
    digest_runs: dict[str, datetime] = field(default_factory=dict)
    next_id: int = 1


class _FakeRepository:
    def __init__(self, db: FakeDatabase, table: dict[int, Any]) -> None:
        self.db, self.table = db, table

    async def add(self, item: Any) -> Any:
        item.id = self.db.next_id
        self.db.next_id += 1
        self.table[item.id] = copy.deepcopy(item)
        return item

    async def add_all(self, items: Sequence[Any]) -> None:
        for item in items:
            await self.add(item)

    async def get(self, item_id: int) -> Any:
        return copy.deepcopy(self.table.get(item_id))

    async def update(self, item: Any) -> None:
        if item.id not in self.table:
            raise LookupError(item.id)
        self.table[item.id] = copy.deepcopy(item)

    def _where(self, **equals: Any) -> list[Any]:
        return [
            copy.deepcopy(item)
            for item in self.table.values()
            if all(getattr(item, key) == value for key, value in equals.items())
        ]


class FakeMemberRepository(_FakeRepository):
    async def by_telegram_id(self, telegram_id: int) -> Member | None:
        return next(iter(self._where(telegram_id=telegram_id)), None)

    async def by_riziv(self, riziv: str) -> Member | None:
        return next(iter(self._where(riziv=riziv)), None)

    async def delete(self, member_id: int) -> None:
        self.table.pop(member_id, None)

    async def list(self, *, active_only: bool = False) -> Sequence[Member]:
        found = self._where(status=MemberStatus.ACTIVE) if active_only else self._where()
        return sorted(found, key=lambda m: m.name or "")

    async def active_after(self, after_id: int, limit: int) -> Sequence[Member]:
        found = [m for m in self._where(status=MemberStatus.ACTIVE) if (m.id or 0) > after_id]
        return sorted(found, key=lambda m: m.id or 0)[:limit]

    async def coordinators(self) -> Sequence[Member]:
        return self._where(status=MemberStatus.ACTIVE, role=Role.COORDINATOR)

    async def mark_unreachable(self, member_ids: Sequence[int], at: datetime) -> None:
        for member_id in member_ids:
            member = self.table[member_id]
            if member.reachable:
                member.reachable, member.updated_at = False, at


class FakeInviteRepository(_FakeRepository):
    async def by_code(self, code: str) -> Invite | None:
        return next(iter(self._where(code=code)), None)

    async def redeem(self, invite_id: int, member_id: int, at: datetime) -> bool:
        invite = self.table[invite_id]
        if invite.used_at is not None:
            return False
        invite.used_at, invite.used_by = at, member_id
        return True


class FakeOutboxRepository(_FakeRepository):
    async def claim_due(
        self, now: datetime, *, limit: int, stale_before: datetime, owner: str | None = None
    ) -> Sequence[OutboxMessage]:
        due = [
            m
            for m in self.table.values()
            if (m.state is OutboxState.PENDING and m.due_at <= now)
            or (
                m.state is OutboxState.SENDING
                and m.claimed_at is not None
                and m.claimed_at < stale_before
            )
        ]
        due.sort(key=lambda m: (m.due_at, m.id))
        for message in due[:limit]:
            message.state, message.claimed_at, message.claimed_by = OutboxState.SENDING, now, owner
        return [copy.deepcopy(m) for m in due[:limit]]

    async def release_claims(self, owner: str) -> int:
        mine = [
            m
            for m in self.table.values()
            if m.state is OutboxState.SENDING and m.claimed_by == owner
        ]
        for message in mine:
            message.state, message.claimed_at = OutboxState.PENDING, None
        return len(mine)

    async def list(self) -> Sequence[OutboxMessage]:
        return self._where()

    async def unfinished(self) -> int:
        waiting = (OutboxState.PENDING, OutboxState.SENDING)
        return sum(m.state in waiting for m in self.table.values())

    async def add_many(self, messages: Sequence[OutboxMessage]) -> None:
        for message in messages:
            await self.add(message)

    async def save_outcomes(self, messages: Sequence[OutboxMessage]) -> None:
        for message in messages:
            await self.update(message)

    async def broadcast_counts(self, broadcast_id: int) -> dict[OutboxState, int]:
        counts: dict[OutboxState, int] = {}
        for message in self._where(broadcast_id=broadcast_id):
            counts[message.state] = counts.get(message.state, 0) + 1
        return counts

    async def broadcast_totals(self) -> dict[OutboxState, int]:
        counts: dict[OutboxState, int] = {}
        for message in self._where():
            if message.broadcast_id is not None:
                counts[message.state] = counts.get(message.state, 0) + 1
        return counts

    async def for_broadcast(self, broadcast_id: int) -> Sequence[OutboxMessage]:
        return self._where(broadcast_id=broadcast_id)

    async def cancel_pending(self, broadcast_id: int) -> int:
        waiting = self._where(broadcast_id=broadcast_id, state=OutboxState.PENDING)
        for message in waiting:
            self.table[message.id].state = OutboxState.CANCELLED
        return len(waiting)


class FakeBroadcastRepository(_FakeRepository):
    async def start_due(self, now: datetime) -> Sequence[Broadcast]:
        due = [
            b
            for b in self.table.values()
            if b.state is BroadcastState.SCHEDULED and b.scheduled_at <= now
        ]
        for broadcast in due:
            broadcast.state = BroadcastState.SENDING
        return [copy.deepcopy(b) for b in due]

    async def in_state(self, state: BroadcastState) -> Sequence[Broadcast]:
        return self._where(state=state)

    async def newest(self, limit: int) -> Sequence[Broadcast]:
        return sorted(self._where(), key=lambda b: (b.created_at, b.id), reverse=True)[:limit]

    async def transition(self, broadcast: Broadcast, expected: BroadcastState) -> bool:
        if self.table[broadcast.id].state is not expected:
            return False
        await self.update(broadcast)
        return True

    async def released_between(self, since: datetime, until: datetime) -> Sequence[Broadcast]:
        return sorted(
            (
                b
                for b in self._where()
                if b.state in (BroadcastState.SENDING, BroadcastState.DONE)
                and since <= b.scheduled_at < until
            ),
            key=lambda b: b.scheduled_at,
        )


class FakeQuestionRepository(_FakeRepository):
    async def needing_attention(self, limit: int) -> Sequence[Question]:
        found = [
            q
            for q in self._where()
            if q.open or (q.replied_at is None and (q.verdict == "none" or (q.rating or 0) < 0))
        ]
        found.sort(key=lambda q: (q.forwarded_at is None, -q.created_at.timestamp()))
        return found[:limit]

    async def tally(self) -> dict[str, int]:
        found = self._where()
        return {
            "asked": len(found),
            "answered": sum(q.verdict != "none" for q in found),
            "forwarded": sum(q.forwarded_at is not None for q in found),
            "replied": sum(q.replied_at is not None for q in found),
        }


class FakeReplacementRepository(_FakeRepository):
    async def for_member(self, member_id: int) -> Sequence[Replacement]:
        return sorted(self._where(member_id=member_id), key=lambda r: r.start_on)


class _FakeOnce(Generic[KeyT]):
    """A table whose key can be inserted once (INSERT … ON CONFLICT DO NOTHING)."""

    def __init__(self, seen: dict[KeyT, datetime]) -> None:
        self.seen = seen

    def _first(self, key: KeyT, at: datetime) -> bool:
        first = key not in self.seen
        self.seen.setdefault(key, at)
        return first

    async def forget_before(self, moment: datetime) -> None:
        for key in [k for k, at in self.seen.items() if at < moment]:
            del self.seen[key]


class FakeProcessedUpdateRepository(_FakeOnce[int]):
    """Recorded by FakeArrivals; forgotten here."""


@dataclass
class FakeArrivals:
    """store.arrivals on the fake database: the update recorded, the member read (no flows)."""

    db: "FakeDatabase"

    async def arrive(self, knock: Knock) -> Arrived:
        first = knock.update_id not in self.db.processed_updates
        if knock.update_id is not None:
            self.db.processed_updates.setdefault(knock.update_id, knock.at)
        found = [m for m in self.db.members.values() if m.telegram_id == knock.telegram_id]
        member = copy.deepcopy(found[0]) if found and knock.telegram_id is not None else None
        return Arrived(first, member, [], None)

    async def arrive_together(self, batch: Batch) -> BatchArrived:
        """One knock after the other (no flood buckets: the fake keeps none)."""
        arrived = {knock: await self.arrive(knock) for knock in batch.knocks}
        return BatchArrived(
            {knock.update_id for knock, one in arrived.items() if one.first and knock.update_id},
            {
                (k.telegram_id, k.chat_id): (one.member, one.conversations)
                for k, one in arrived.items()
            },
            {},
        )

    def commits(self) -> int:
        return self.db.commits


class FakeDigestRunRepository(_FakeOnce[str]):
    async def start(self, period: str, at: datetime) -> bool:
        return self._first(period, at)


class FakeBoardRepository:
    def __init__(self, db: FakeDatabase) -> None:
        self.posts_repo = _FakeRepository(db, db.posts)
        self.subscriptions_repo = _FakeRepository(db, db.subscriptions)

    async def add_post(self, post: BoardPost) -> BoardPost:
        return await self.posts_repo.add(post)  # type: ignore[no-any-return]

    async def get_post(self, post_id: int) -> BoardPost | None:
        return await self.posts_repo.get(post_id)  # type: ignore[no-any-return]

    async def update_post(self, post: BoardPost) -> None:
        await self.posts_repo.update(post)

    async def posts(self, kind: PostKind, status: PostStatus) -> Sequence[BoardPost]:
        return sorted(self.posts_repo._where(kind=kind, status=status), key=lambda p: p.start_on)

    async def subscriptions(self) -> Sequence[Subscription]:
        return self.subscriptions_repo._where()

    async def save_subscription(self, subscription: Subscription) -> Subscription:
        [existing] = self.subscriptions_repo._where(member_id=subscription.member_id) or [None]
        if existing is None:
            return await self.subscriptions_repo.add(subscription)  # type: ignore[no-any-return]
        subscription.id = existing.id
        await self.subscriptions_repo.update(subscription)
        return subscription


class FakeShiftRepository(_FakeRepository):
    async def of_member(self, member_id: int, ending_after: datetime) -> Sequence[Shift]:
        mine = [s for s in self._where(assignee_id=member_id) if s.end_at > ending_after]
        return sorted(mine, key=lambda s: s.start_at)

    async def touching(self, start_at: datetime, end_at: datetime) -> Sequence[Shift]:
        return [s for s in self._where() if s.start_at <= end_at and s.end_at >= start_at]

    async def starting_between(self, start: datetime, end: datetime) -> Sequence[Shift]:
        return sorted(
            (s for s in self._where() if start <= s.start_at < end), key=lambda s: s.start_at
        )

    async def unassigned(self, starting_after: datetime) -> Sequence[Shift]:
        found = [s for s in self._where(assignee_id=None) if s.start_at > starting_after]
        return sorted(found, key=lambda s: s.start_at)

    async def claim_reminder(self, shift_id: int, at: datetime) -> bool:
        shift = self.table[shift_id]
        if shift.reminded_at is not None:
            return False
        shift.reminded_at = at
        return True


class FakeSwapRepository(_FakeRepository):
    def __init__(self, db: FakeDatabase) -> None:
        super().__init__(db, db.swaps)
        self.events = _FakeRepository(db, db.swap_events)

    async def move(self, request: SwapRequest, expected: SwapStatus) -> bool:
        if request.status is expected:
            raise ValueError(f"a move must change the status, not {expected} → {expected}")
        if self.table[request.id].status is not expected:
            return False
        await self.update(request)
        return True

    async def claim_follow_up(self, request_id: int, at: datetime) -> bool:
        request = self.table[request_id]
        if request.status is not SwapStatus.OPEN or request.followed_up_at is not None:
            return False
        request.followed_up_at = at
        return True

    async def pending_for_shift(self, shift_id: int) -> SwapRequest | None:
        pending = [r for r in self._where(shift_id=shift_id) if r.pending]
        return pending[0] if pending else None

    async def with_status(self, *statuses: SwapStatus) -> Sequence[SwapRequest]:
        return [r for r in self._where() if r.status in statuses]

    async def decided_since(self, moment: datetime) -> Sequence[SwapRequest]:
        decided = [r for r in self._where() if r.decided_at and r.decided_at >= moment]
        return sorted(decided, key=lambda r: r.decided_at, reverse=True)

    async def record(self, event: SwapEvent) -> None:
        await self.events.add(event)

    async def trail(self, request_id: int) -> Sequence[SwapEvent]:
        return self.events._where(request_id=request_id)


class FakeEventRepository(_FakeRepository):
    """Transactions run one at a time on the fakes, so `lock` is a plain read."""

    def __init__(self, db: FakeDatabase) -> None:
        super().__init__(db, db.events)
        self.registrations_repo = _FakeRepository(db, db.registrations)
        self.groups_repo = _FakeRepository(db, db.lok_groups)
        self.external_repo = _FakeRepository(db, db.external_credits)

    async def add_external_credit(self, credit: ExternalCredit) -> ExternalCredit:
        return await self.external_repo.add(credit)  # type: ignore[no-any-return]

    async def external_credits_of(self, member_id: int) -> Sequence[ExternalCredit]:
        return sorted(self.external_repo._where(member_id=member_id), key=lambda c: c.held_on)

    async def lock(self, event_id: int) -> Event | None:
        return await self.get(event_id)  # type: ignore[no-any-return]

    async def by_token(self, token: str) -> Event | None:
        return next(iter(self._where(checkin_token=token)), None)

    async def ending_after(self, moment: datetime) -> Sequence[Event]:
        return sorted((e for e in self._where() if e.end_at > moment), key=lambda e: e.start_at)

    async def starting_between(self, start: datetime, end: datetime) -> Sequence[Event]:
        return sorted(
            (e for e in self._where() if start <= e.start_at < end), key=lambda e: e.start_at
        )

    async def add_registration(self, registration: Registration) -> Registration:
        return await self.registrations_repo.add(registration)  # type: ignore[no-any-return]

    async def update_registration(self, registration: Registration) -> None:
        await self.registrations_repo.update(registration)

    async def get_registration(self, registration_id: int) -> Registration | None:
        return await self.registrations_repo.get(registration_id)  # type: ignore[no-any-return]

    async def registrations(self, event_id: int) -> Sequence[Registration]:
        return sorted(self.registrations_repo._where(event_id=event_id), key=lambda r: r.id)

    async def registrations_of(self, member_id: int) -> Sequence[Registration]:
        return sorted(self.registrations_repo._where(member_id=member_id), key=lambda r: r.id)

    async def offers_expired(self, now: datetime) -> Sequence[Registration]:
        return [
            r
            for r in self.registrations_repo._where(state=RegistrationState.OFFERED)
            if r.offer_expires_at is not None and r.offer_expires_at <= now
        ]

    async def lok_groups(self) -> Sequence[LokGroup]:
        return sorted(self.groups_repo._where(), key=lambda g: g.name)

    async def add_lok_group(self, group: LokGroup) -> LokGroup:
        return await self.groups_repo.add(group)  # type: ignore[no-any-return]


class FakeUnitOfWork:
    def __init__(self, db: FakeDatabase) -> None:
        self._committed = db

    async def __aenter__(self) -> Self:
        self._working = copy.deepcopy(self._committed)
        self.members = FakeMemberRepository(self._working, self._working.members)
        self.invites = FakeInviteRepository(self._working, self._working.invites)
        self.outbox = FakeOutboxRepository(self._working, self._working.outbox)
        self.questions = FakeQuestionRepository(self._working, self._working.questions)
        self.replacements = FakeReplacementRepository(self._working, self._working.replacements)
        self.processed_updates = FakeProcessedUpdateRepository(self._working.processed_updates)
        self.board = FakeBoardRepository(self._working)
        self.shifts = FakeShiftRepository(self._working, self._working.shifts)
        self.swaps = FakeSwapRepository(self._working)
        self.events = FakeEventRepository(self._working)
        self.broadcasts = FakeBroadcastRepository(self._working, self._working.broadcasts)
        self.digest_runs = FakeDigestRunRepository(self._working.digest_runs)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._working = FakeDatabase()

    async def commit(self, durable: bool = True) -> None:
        self._working.commits += 1
        self._committed.__dict__.update(copy.deepcopy(self._working).__dict__)
