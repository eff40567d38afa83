"""Repositories: map rows to core dataclasses and back. They flush, they never commit."""

from collections.abc import Sequence
from dataclasses import fields
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.models import (
    AuditEntry,
    BoardPost,
    Broadcast,
    BroadcastState,
    Event,
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
from store.tables import (
    AuditRow,
    Base,
    BoardPostRow,
    BroadcastRow,
    DigestRunRow,
    ErrorReportRow,
    EventRow,
    InviteRow,
    LokGroupMemberRow,
    LokGroupRow,
    MemberRow,
    OutboxRow,
    ProcessedUpdateRow,
    QuestionRow,
    RegistrationRow,
    ReplacementRow,
    ShiftRow,
    SubscriptionRow,
    SwapEventRow,
    SwapRequestRow,
)

RowT = TypeVar("RowT", bound=Base)
DomainT = TypeVar(
    "DomainT",
    Member,
    Invite,
    OutboxMessage,
    Question,
    Replacement,
    BoardPost,
    Subscription,
    Shift,
    SwapRequest,
    SwapEvent,
    AuditEntry,
    Event,
    Registration,
    Broadcast,
)


class _Repository(Generic[RowT, DomainT]):
    """Rows and dataclasses share their field names, so one mapping serves every table."""

    row_type: type[RowT]
    domain_type: type[DomainT]

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def _to_domain(self, row: RowT) -> DomainT:
        values: dict[str, Any] = {f.name: getattr(row, f.name) for f in fields(self.domain_type)}
        return self.domain_type(**values)

    @staticmethod
    def _copy_into(row: RowT, item: DomainT) -> None:
        for f in fields(item):
            if f.name != "id":
                value = getattr(item, f.name)
                setattr(
                    row, f.name, type(value)(value) if isinstance(value, dict | list) else value
                )

    async def add(self, item: DomainT) -> DomainT:
        row = self.row_type()
        self._copy_into(row, item)
        self.session.add(row)
        await self.session.flush()
        item.id = row.id  # type: ignore[attr-defined]
        return item

    async def get(self, item_id: int) -> DomainT | None:
        row = await self.session.get(self.row_type, item_id)
        return None if row is None else self._to_domain(row)

    async def update(self, item: DomainT) -> None:
        row = await self.session.get(self.row_type, item.id)
        if row is None:
            raise LookupError(f"{self.row_type.__tablename__} {item.id} does not exist")
        self._copy_into(row, item)
        await self.session.flush()

    async def _one(self, *conditions: Any) -> DomainT | None:
        row = (await self.session.scalars(select(self.row_type).where(*conditions))).first()
        return None if row is None else self._to_domain(row)

    async def _many(self, *conditions: Any, order_by: Any = None) -> list[DomainT]:
        query = select(self.row_type).where(*conditions)
        query = query.order_by(order_by if order_by is not None else self.row_type.id)  # type: ignore[attr-defined]
        return [self._to_domain(row) for row in await self.session.scalars(query)]


class SqlMemberRepository(_Repository[MemberRow, Member]):
    row_type, domain_type = MemberRow, Member

    async def by_telegram_id(self, telegram_id: int) -> Member | None:
        return await self._one(MemberRow.telegram_id == telegram_id)

    async def by_riziv(self, riziv: str) -> Member | None:
        return await self._one(MemberRow.riziv == riziv)

    async def delete(self, member_id: int) -> None:
        row = await self.session.get(MemberRow, member_id)
        if row is not None:
            await self.session.delete(row)
            await self.session.flush()

    async def list(self, *, active_only: bool = False) -> Sequence[Member]:
        conditions = [MemberRow.status == MemberStatus.ACTIVE] if active_only else []
        return await self._many(*conditions, order_by=MemberRow.name)

    async def coordinators(self) -> Sequence[Member]:
        return await self._many(
            MemberRow.status == MemberStatus.ACTIVE, MemberRow.role == Role.COORDINATOR
        )

    async def mark_unreachable(self, member_ids: Sequence[int], at: datetime) -> None:
        await self.session.execute(
            update(MemberRow)
            .where(MemberRow.id.in_(member_ids), MemberRow.reachable.is_(True))
            .values(reachable=False, updated_at=at)
        )


class SqlInviteRepository(_Repository[InviteRow, Invite]):
    row_type, domain_type = InviteRow, Invite

    async def by_code(self, code: str) -> Invite | None:
        return await self._one(InviteRow.code == code)


_OUTCOME_FIELDS = (
    "state",
    "due_at",
    "attempts",
    "claimed_at",
    "sent_at",
    "telegram_message_id",
    "last_error",
)


class SqlOutboxRepository(_Repository[OutboxRow, OutboxMessage]):
    row_type, domain_type = OutboxRow, OutboxMessage

    async def claim_due(
        self, now: datetime, *, limit: int, stale_before: datetime
    ) -> Sequence[OutboxMessage]:
        """One statement: WITH due AS MATERIALIZED (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)
        UPDATE … RETURNING. Concurrent senders on PostgreSQL skip each other's rows (the CTE is
        materialised so the LIMIT holds); on SQLite the statement takes the write lock at once,
        so two claims never read the same rows. The due condition is on the UPDATE too, so a row
        claimed meanwhile is not claimed again."""
        due = or_(
            and_(OutboxRow.state == OutboxState.PENDING, OutboxRow.due_at <= now),
            and_(OutboxRow.state == OutboxState.SENDING, OutboxRow.claimed_at < stale_before),
        )
        candidates = (
            select(OutboxRow.id)
            .where(due)
            .order_by(OutboxRow.due_at, OutboxRow.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
            .cte("due")
            .prefix_with("MATERIALIZED")
        )
        claim = (
            update(OutboxRow)
            .where(OutboxRow.id.in_(select(candidates.c.id)), due)
            .values(state=OutboxState.SENDING, claimed_at=now)
            .returning(OutboxRow)
            .execution_options(synchronize_session=False)
        )
        rows = list(await self.session.scalars(claim))
        rows.sort(key=lambda row: (row.due_at, row.id))
        return [self._to_domain(row) for row in rows]

    async def list(self) -> Sequence[OutboxMessage]:
        return await self._many()

    async def add_many(self, messages: Sequence[OutboxMessage]) -> None:
        """One multi-row INSERT (a broadcast to every member is thousands of rows)."""
        if messages:
            values = [
                {f.name: getattr(m, f.name) for f in fields(m) if f.name != "id"} for m in messages
            ]
            await self.session.execute(insert(OutboxRow), values)

    async def save_outcomes(self, messages: Sequence[OutboxMessage]) -> None:
        """One executemany UPDATE by primary key for the whole batch (Core, not the ORM's bulk
        path: it is the sender's hottest statement)."""
        table = OutboxRow.__table__
        assert isinstance(table, Table)
        statement = (
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values({name: bindparam(f"new_{name}") for name in _OUTCOME_FIELDS})
        )
        values = [
            {"row_id": m.id, **{f"new_{name}": getattr(m, name) for name in _OUTCOME_FIELDS}}
            for m in messages
        ]
        await self.session.execute(statement, values)

    async def broadcast_counts(self, broadcast_id: int) -> dict[OutboxState, int]:
        query = (
            select(OutboxRow.state, func.count())
            .where(OutboxRow.broadcast_id == broadcast_id)
            .group_by(OutboxRow.state)
        )
        return {state: count for state, count in (await self.session.execute(query)).all()}

    async def broadcast_totals(self) -> dict[OutboxState, int]:
        query = (
            select(OutboxRow.state, func.count())
            .where(OutboxRow.broadcast_id.is_not(None))
            .group_by(OutboxRow.state)
        )
        return {state: count for state, count in (await self.session.execute(query)).all()}

    async def for_broadcast(self, broadcast_id: int) -> Sequence[OutboxMessage]:
        return await self._many(OutboxRow.broadcast_id == broadcast_id)

    async def cancel_pending(self, broadcast_id: int) -> int:
        result = await self.session.execute(
            update(OutboxRow)
            .where(OutboxRow.broadcast_id == broadcast_id, OutboxRow.state == OutboxState.PENDING)
            .values(state=OutboxState.CANCELLED)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]


class SqlBroadcastRepository(_Repository[BroadcastRow, Broadcast]):
    row_type, domain_type = BroadcastRow, Broadcast

    async def start_due(self, now: datetime) -> Sequence[Broadcast]:
        """A conditional UPDATE … RETURNING: a second process waits for the first one's row
        locks, then finds the rows no longer scheduled."""
        start = (
            update(BroadcastRow)
            .where(BroadcastRow.state == BroadcastState.SCHEDULED, BroadcastRow.scheduled_at <= now)
            .values(state=BroadcastState.SENDING)
            .returning(BroadcastRow)
            .execution_options(synchronize_session=False)
        )
        rows = sorted(await self.session.scalars(start), key=lambda row: row.id)
        return [self._to_domain(row) for row in rows]

    async def in_state(self, state: BroadcastState) -> Sequence[Broadcast]:
        return await self._many(BroadcastRow.state == state)

    async def transition(self, broadcast: Broadcast, expected: BroadcastState) -> bool:
        values = {f.name: getattr(broadcast, f.name) for f in fields(broadcast) if f.name != "id"}
        result = await self.session.execute(
            update(BroadcastRow)
            .where(BroadcastRow.id == broadcast.id, BroadcastRow.state == expected)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def released_between(self, since: datetime, until: datetime) -> Sequence[Broadcast]:
        return await self._many(
            BroadcastRow.state.in_([BroadcastState.SENDING, BroadcastState.DONE]),
            BroadcastRow.scheduled_at >= since,
            BroadcastRow.scheduled_at < until,
            order_by=BroadcastRow.scheduled_at,
        )


async def _insert_once(session: AsyncSession, table: type[Base], **values: Any) -> bool:
    """INSERT … ON CONFLICT DO NOTHING: exactly one process sees its insert succeed."""
    dialect = session.get_bind().dialect.name
    insert_into = postgresql_insert if dialect == "postgresql" else sqlite_insert
    result = await session.execute(insert_into(table).values(**values).on_conflict_do_nothing())
    return bool(result.rowcount)  # type: ignore[attr-defined]


class SqlDigestRunRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def start(self, period: str, at: datetime) -> bool:
        return await _insert_once(self.session, DigestRunRow, period=period, ran_at=at)


class SqlQuestionRepository(_Repository[QuestionRow, Question]):
    row_type, domain_type = QuestionRow, Question

    async def needing_attention(self, limit: int) -> Sequence[Question]:
        waiting = and_(QuestionRow.forwarded_at.is_not(None), QuestionRow.replied_at.is_(None))
        weak = and_(
            QuestionRow.replied_at.is_(None),
            or_(QuestionRow.verdict == "none", QuestionRow.rating < 0),
        )
        query = (
            select(QuestionRow)
            .where(or_(waiting, weak))
            .order_by(QuestionRow.forwarded_at.is_(None), QuestionRow.created_at.desc())
            .limit(limit)
        )
        return [self._to_domain(row) for row in await self.session.scalars(query)]

    async def tally(self) -> dict[str, int]:
        query = select(
            func.count(),
            func.count().filter(QuestionRow.verdict != "none"),
            func.count(QuestionRow.forwarded_at),
            func.count(QuestionRow.replied_at),
        )
        counts = (await self.session.execute(query)).one()
        return dict(zip(("asked", "answered", "forwarded", "replied"), counts, strict=True))


class SqlReplacementRepository(_Repository[ReplacementRow, Replacement]):
    row_type, domain_type = ReplacementRow, Replacement

    async def for_member(self, member_id: int) -> Sequence[Replacement]:
        return await self._many(
            ReplacementRow.member_id == member_id, order_by=ReplacementRow.start_on
        )


class SqlProcessedUpdateRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(self, update_id: int, at: datetime) -> bool:
        return await _insert_once(
            self.session, ProcessedUpdateRow, update_id=update_id, processed_at=at
        )

    async def forget_before(self, moment: datetime) -> None:
        await self.session.execute(
            delete(ProcessedUpdateRow).where(ProcessedUpdateRow.processed_at < moment)
        )


class _SqlPostRepository(_Repository[BoardPostRow, BoardPost]):
    row_type, domain_type = BoardPostRow, BoardPost


class _SqlSubscriptionRepository(_Repository[SubscriptionRow, Subscription]):
    row_type, domain_type = SubscriptionRow, Subscription


class SqlBoardRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._posts = _SqlPostRepository(session)
        self._subscriptions = _SqlSubscriptionRepository(session)

    async def add_post(self, post: BoardPost) -> BoardPost:
        return await self._posts.add(post)

    async def get_post(self, post_id: int) -> BoardPost | None:
        query = select(BoardPostRow).where(BoardPostRow.id == post_id).with_for_update()
        row = (await self.session.scalars(query)).first()
        return None if row is None else self._posts._to_domain(row)

    async def update_post(self, post: BoardPost) -> None:
        await self._posts.update(post)

    async def posts(self, kind: PostKind, status: PostStatus) -> Sequence[BoardPost]:
        return await self._posts._many(
            BoardPostRow.kind == kind,
            BoardPostRow.status == status,
            order_by=BoardPostRow.start_on,
        )

    async def subscriptions(self) -> Sequence[Subscription]:
        return await self._subscriptions._many()

    async def save_subscription(self, subscription: Subscription) -> Subscription:
        existing = await self._subscriptions._one(
            SubscriptionRow.member_id == subscription.member_id
        )
        if existing is None:
            return await self._subscriptions.add(subscription)
        subscription.id = existing.id
        await self._subscriptions.update(subscription)
        return subscription


class SqlShiftRepository(_Repository[ShiftRow, Shift]):
    row_type, domain_type = ShiftRow, Shift

    async def at(self, zone: str, post: str, start_at: datetime) -> Shift | None:
        return await self._one(
            ShiftRow.zone == zone, ShiftRow.post == post, ShiftRow.start_at == start_at
        )

    async def of_member(self, member_id: int, ending_after: datetime) -> Sequence[Shift]:
        return await self._many(
            ShiftRow.assignee_id == member_id,
            ShiftRow.end_at > ending_after,
            order_by=ShiftRow.start_at,
        )

    async def touching(self, start_at: datetime, end_at: datetime) -> Sequence[Shift]:
        return await self._many(ShiftRow.start_at <= end_at, ShiftRow.end_at >= start_at)

    async def starting_between(self, start: datetime, end: datetime) -> Sequence[Shift]:
        return await self._many(
            ShiftRow.start_at >= start, ShiftRow.start_at < end, order_by=ShiftRow.start_at
        )

    async def claim_reminder(self, shift_id: int, at: datetime) -> bool:
        result = await self.session.execute(
            update(ShiftRow)
            .where(ShiftRow.id == shift_id, ShiftRow.reminded_at.is_(None))
            .values(reminded_at=at)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]


class _SqlSwapEventRepository(_Repository[SwapEventRow, SwapEvent]):
    row_type, domain_type = SwapEventRow, SwapEvent


class SqlSwapRepository(_Repository[SwapRequestRow, SwapRequest]):
    row_type, domain_type = SwapRequestRow, SwapRequest

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session)
        self._events = _SqlSwapEventRepository(session)

    async def move(self, request: SwapRequest, expected: SwapStatus) -> bool:
        """UPDATE … WHERE id = :id AND status = :expected: on PostgreSQL a second transaction
        waits for the first and then finds the status changed; on SQLite writers take turns."""
        values = {f.name: getattr(request, f.name) for f in fields(request) if f.name != "id"}
        result = await self.session.execute(
            update(SwapRequestRow)
            .where(SwapRequestRow.id == request.id, SwapRequestRow.status == expected)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def pending_for_shift(self, shift_id: int) -> SwapRequest | None:
        return await self._one(
            SwapRequestRow.shift_id == shift_id,
            SwapRequestRow.status.in_([SwapStatus.OPEN, SwapStatus.TAKEN]),
        )

    async def with_status(self, *statuses: SwapStatus) -> Sequence[SwapRequest]:
        return await self._many(SwapRequestRow.status.in_(statuses))

    async def decided_since(self, moment: datetime) -> Sequence[SwapRequest]:
        return await self._many(
            SwapRequestRow.decided_at >= moment, order_by=SwapRequestRow.decided_at.desc()
        )

    async def record(self, event: SwapEvent) -> None:
        await self._events.add(event)

    async def trail(self, request_id: int) -> Sequence[SwapEvent]:
        return await self._events._many(SwapEventRow.request_id == request_id)


class _SqlRegistrationRepository(_Repository[RegistrationRow, Registration]):
    row_type, domain_type = RegistrationRow, Registration


class SqlEventRepository(_Repository[EventRow, Event]):
    row_type, domain_type = EventRow, Event

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session)
        self._registrations = _SqlRegistrationRepository(session)

    async def lock(self, event_id: int) -> Event | None:
        """A no-op UPDATE … RETURNING: on PostgreSQL it takes the row lock, on SQLite (as the
        transaction's first write) the database write lock; either way the next transaction for
        this event waits here until this one ends."""
        statement = (
            update(EventRow)
            .where(EventRow.id == event_id)
            .values(status=EventRow.status)
            .returning(EventRow)
            .execution_options(synchronize_session=False, populate_existing=True)
        )
        row = (await self.session.scalars(statement)).first()
        return None if row is None else self._to_domain(row)

    async def by_token(self, token: str) -> Event | None:
        return await self._one(EventRow.checkin_token == token)

    async def ending_after(self, moment: datetime) -> Sequence[Event]:
        return await self._many(EventRow.end_at > moment, order_by=EventRow.start_at)

    async def starting_between(self, start: datetime, end: datetime) -> Sequence[Event]:
        return await self._many(
            EventRow.start_at >= start, EventRow.start_at < end, order_by=EventRow.start_at
        )

    async def add_registration(self, registration: Registration) -> Registration:
        return await self._registrations.add(registration)

    async def update_registration(self, registration: Registration) -> None:
        await self._registrations.update(registration)

    async def get_registration(self, registration_id: int) -> Registration | None:
        """Read afresh: after the event lock, a registration may have changed meanwhile."""
        row = await self.session.get(RegistrationRow, registration_id, populate_existing=True)
        return None if row is None else self._registrations._to_domain(row)

    async def registrations(self, event_id: int) -> Sequence[Registration]:
        return await self._fresh_registrations(RegistrationRow.event_id == event_id)

    async def registrations_of(self, member_id: int) -> Sequence[Registration]:
        return await self._fresh_registrations(RegistrationRow.member_id == member_id)

    async def offers_expired(self, now: datetime) -> Sequence[Registration]:
        return await self._fresh_registrations(
            RegistrationRow.state == RegistrationState.OFFERED,
            RegistrationRow.offer_expires_at <= now,
        )

    async def _fresh_registrations(self, *conditions: Any) -> list[Registration]:
        query = (
            select(RegistrationRow)
            .where(*conditions)
            .order_by(RegistrationRow.id)
            .execution_options(populate_existing=True)
        )
        rows = await self.session.scalars(query)
        return [self._registrations._to_domain(row) for row in rows]

    async def lok_groups(self) -> Sequence[LokGroup]:
        groups = await self.session.scalars(select(LokGroupRow).order_by(LokGroupRow.name))
        members = await self.session.execute(
            select(LokGroupMemberRow.group_id, LokGroupMemberRow.member_id).order_by(
                LokGroupMemberRow.member_id
            )
        )
        by_group: dict[int, list[int]] = {}
        for group_id, member_id in members:
            by_group.setdefault(group_id, []).append(member_id)
        return [LokGroup(row.name, by_group.get(row.id, []), row.id) for row in groups]

    async def add_lok_group(self, group: LokGroup) -> LokGroup:
        row = LokGroupRow(name=group.name)
        self.session.add(row)
        await self.session.flush()
        group.id = row.id
        self.session.add_all(
            LokGroupMemberRow(group_id=row.id, member_id=member) for member in group.member_ids
        )
        await self.session.flush()
        return group


class SqlAuditRepository(_Repository[AuditRow, AuditEntry]):
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
            dialect = self.session.get_bind().dialect.name
            insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
            inserted = await self.session.execute(
                insert(ErrorReportRow)
                .values(signature=signature, occurrences=0, reported_at=now)
                .on_conflict_do_nothing()
            )
            if inserted.rowcount:  # type: ignore[attr-defined]
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
