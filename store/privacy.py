"""What the kring holds about one member, and forgetting it.

Every column that points at a member has a policy here; a test checks that none is missing, so
a new table has to decide what happens to its rows when a member asks to be forgotten. The
member's own row stays (records the kring must keep point at it), stripped of everything that
identifies the person.
"""

import json
from collections.abc import Iterable
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from sqlalchemy import Table, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.models import MemberStatus, OutboxState, SwapStatus
from store.tables import (
    Base,
    BoardPostRow,
    ConversationRow,
    MemberRow,
    OutboxRow,
    QuestionRow,
    RegistrationRow,
    ShiftRow,
    SwapEventRow,
    SwapRequestRow,
)

DELETE, UNLINK, KEEP = "delete", "unlink", "keep"
# (table, column) -> what forgetting does with the rows that point at the member. KEEP rows stay
# linked to the anonymised member row; handlers.render.forgotten tells the member why.
POLICIES: dict[tuple[str, str], str] = {
    ("board_posts", "author_id"): DELETE,
    ("board_posts", "chosen_id"): UNLINK,
    ("board_subscriptions", "member_id"): DELETE,
    ("calendar_feeds", "member_id"): DELETE,
    ("invites", "created_by"): UNLINK,
    ("kb_entries", "created_by"): UNLINK,  # the kring's knowledge, not the coordinator's data
    ("invites", "used_by"): UNLINK,
    ("lok_group_members", "member_id"): DELETE,
    ("outbox", "member_id"): DELETE,
    ("questions", "member_id"): DELETE,
    ("questions", "replied_by"): UNLINK,
    ("replacements", "member_id"): DELETE,
    ("shifts", "assignee_id"): KEEP,  # past ones; future ones are unassigned (below)
    ("event_registrations", "member_id"): KEEP,  # attended ones; the others are deleted
    ("external_credits", "member_id"): DELETE,  # their own notes of CME followed elsewhere
    ("swap_requests", "requester_id"): KEEP,
    ("swap_requests", "created_by"): KEEP,
    ("swap_requests", "target_id"): UNLINK,
    ("swap_requests", "taker_id"): KEEP,
    ("swap_requests", "decided_by"): KEEP,
    ("swap_events", "actor_id"): KEEP,
    ("audit_log", "actor_id"): KEEP,  # what a coordinator did stays accountable
    ("broadcasts", "author_id"): KEEP,  # the kring's announcements, not personal data
}
IDENTIFYING = ("telegram_id", "name", "riziv", "zone")


def member_columns() -> list[tuple[Table, str]]:
    """Every (table, column) with a foreign key to members.id."""
    return [
        (table, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if any(key.target_fullname == "members.id" for key in column.foreign_keys)
    ]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


class SqlPrivacyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def personal_data(self, member_id: int) -> dict[str, list[dict[str, Any]]]:
        """The member's row and every row that points at them, table by table."""
        found: dict[str, list[dict[str, Any]]] = {}
        tables: list[tuple[Table, Any]] = [(MemberRow.__table__, MemberRow.__table__.c.id)]  # type: ignore[list-item]
        tables += [(table, table.c[column]) for table, column in member_columns()]
        for table, column in tables:
            rows = (await self.session.execute(select(table).where(column == member_id))).all()
            if rows:
                found.setdefault(table.name, []).extend(
                    {key: _plain(value) for key, value in row._mapping.items()} for row in rows
                )
        return found

    async def forget(self, member_id: int, now: datetime) -> dict[str, int]:
        """Erase or anonymise; return how many rows of each kind were kept, for the report."""
        member = await self.session.get(MemberRow, member_id)
        if member is None:
            return {}
        traces = [str(value) for value in (member.name, member.riziv, member.telegram_id) if value]
        kept = {
            "shifts": await self._keep_past_shifts(member_id, now),
            "attendance": await self._keep_attendance(member_id),
            "swaps": await self._keep_swaps(member_id, now),
        }
        for table, column in member_columns():
            policy = POLICIES[(table.name, column)]
            condition = table.c[column] == member_id
            if policy == DELETE:
                await self.session.execute(delete(table).where(condition))
            elif policy == UNLINK:
                await self.session.execute(update(table).where(condition).values({column: None}))
        await self._scrub_notifications(traces)
        await self._scrub_interest(member_id)
        if member.telegram_id is not None:  # drafts of half-finished flows
            await self.session.execute(
                delete(ConversationRow).where(ConversationRow.user_id == member.telegram_id)
            )
        for column in IDENTIFYING:
            setattr(member, column, None)
        member.status, member.reachable, member.updated_at = MemberStatus.FORGOTTEN, False, now
        await self.session.flush()
        return kept

    async def _keep_past_shifts(self, member_id: int, now: datetime) -> int:
        """Past shifts stay (the kring reports them); future ones lose their doctor."""
        mine = ShiftRow.assignee_id == member_id
        await self.session.execute(
            update(ShiftRow).where(mine, ShiftRow.start_at > now).values(assignee_id=None)
        )
        return len((await self.session.execute(select(ShiftRow.id).where(mine))).all())

    async def _keep_attendance(self, member_id: int) -> int:
        mine = RegistrationRow.member_id == member_id
        await self.session.execute(
            delete(RegistrationRow).where(mine, RegistrationRow.attended_at.is_(None))
        )
        return len((await self.session.execute(select(RegistrationRow.id).where(mine))).all())

    async def _keep_swaps(self, member_id: int, now: datetime) -> int:
        """The roster's history stays; what the member wrote goes; their pending ones end."""
        involved = (SwapRequestRow.requester_id == member_id) | (
            SwapRequestRow.taker_id == member_id
        )
        pending = SwapRequestRow.status.in_([SwapStatus.OPEN, SwapStatus.TAKEN])
        await self.session.execute(
            update(SwapRequestRow)
            .where(involved, pending)
            .values(status=SwapStatus.CANCELLED, decided_at=now)
        )
        await self.session.execute(
            update(SwapRequestRow).where(involved).values(note="", reason="")
        )
        ids = select(SwapRequestRow.id).where(involved)
        await self.session.execute(
            update(SwapEventRow).where(SwapEventRow.request_id.in_(ids)).values(detail="")
        )
        return len((await self.session.execute(ids)).all())

    async def forget_logs_before(self, moment: datetime) -> int:
        """Retention: questions and finished deliveries older than `moment` are removed."""
        finished = OutboxRow.state.notin_([OutboxState.PENDING, OutboxState.SENDING])
        removed = 0
        for statement in (
            delete(QuestionRow).where(QuestionRow.created_at < moment),
            delete(OutboxRow).where(finished, OutboxRow.due_at < moment),
        ):
            result = await self.session.execute(statement)
            removed += result.rowcount  # type: ignore[attr-defined]
        return removed

    async def _scrub_notifications(self, traces: Iterable[str]) -> None:
        """Messages to others that named the member (a join request, a swap notice) are
        delivery logs: they go."""
        for row in (await self.session.scalars(select(OutboxRow))).all():
            text = json.dumps(row.params, ensure_ascii=False)
            if any(trace in text for trace in traces):
                await self.session.delete(row)

    async def _scrub_interest(self, member_id: int) -> None:
        for post in (await self.session.scalars(select(BoardPostRow))).all():
            if member_id in post.interested:
                post.interested = [other for other in post.interested if other != member_id]
