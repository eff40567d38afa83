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
    BoardPost,
    Broadcast,
    BroadcastState,
    Invite,
    Member,
    MemberStatus,
    OutboxMessage,
    OutboxState,
    PostKind,
    PostStatus,
    Question,
    Replacement,
    Role,
    Subscription,
)
from store.tables import (
    Base,
    BoardPostRow,
    BroadcastRow,
    DigestRunRow,
    InviteRow,
    MemberRow,
    OutboxRow,
    ProcessedUpdateRow,
    QuestionRow,
    ReplacementRow,
    SubscriptionRow,
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
