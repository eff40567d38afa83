"""Privacy self-service: a member sees everything the kring holds about them (/mydata) and can
have it erased (/forget); the coordinator can do both on a member's request. What the kring
must keep (past on-call shifts, attendance for accreditation, the roster's change history) is
kept, anonymised, and the member is told so. Old logs are removed after the retention period."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.core.errors import MemberNotFound
from bot.core.membership import is_manager, require_manager
from bot.core.models import Member, OutboxMessage, Shift
from bot.core.notices.shifts import ShiftSummary, ShiftsUncovered
from bot.core.ports import Clock, UnitOfWork, UnitOfWorkFactory
from bot.core.riziv import parse_riziv

RETENTION_EVERY = timedelta(hours=1)
COMING_SHIFTS_SHOWN = 10


@dataclass(frozen=True)
class PersonalData:
    """What /mydata gives: a summary in words for the member to read, and everything as data
    (`document`, JSON-ready: the member's row and each row pointing at them, per table)."""

    member: Member
    records: dict[str, int]  # kind of record (its table) -> how many the kring holds
    coming_shifts: list[datetime]  # the member's next shifts, soonest first
    document: dict[str, Any]


def _coming_shifts(tables: dict[str, list[dict[str, Any]]], now: datetime) -> list[datetime]:
    starts = [datetime.fromisoformat(row["start_at"]) for row in tables.get("shifts", [])]
    return sorted(start for start in starts if start > now)[:COMING_SHIFTS_SHOWN]


class PrivacyService:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, retention: timedelta) -> None:
        self._uow = uow_factory
        self._clock = clock
        self.retention = retention
        self._retained_at: datetime | None = None

    async def subject(self, actor: Member, riziv: str | None) -> Member:
        """Whose data: the actor's own, or (for a manager) the member with that RIZIV number."""
        if riziv is None:
            return actor
        require_manager(actor)
        async with self._uow() as uow:
            member = await uow.members.by_riziv(parse_riziv(riziv).digits)
        if member is None:
            raise MemberNotFound()
        return member

    async def export(self, actor: Member, member_id: int) -> PersonalData:
        self._may_act_for(actor, member_id)
        now = self._clock.now()
        async with self._uow() as uow:
            member = await uow.members.get(member_id)
            tables = await uow.privacy.personal_data(member_id)
        if member is None:
            raise MemberNotFound()
        return PersonalData(
            member=member,
            records={kind: len(rows) for kind, rows in tables.items() if kind != "members"},
            coming_shifts=_coming_shifts(tables, now),
            document={"exported_at": now.isoformat(), "tables": tables},
        )

    async def future_shifts(self, actor: Member, member_id: int) -> list[Shift]:
        """The shifts that erasing the member would leave without a doctor."""
        self._may_act_for(actor, member_id)
        async with self._uow() as uow:
            return await self._future_shifts(uow, member_id)

    async def _future_shifts(self, uow: UnitOfWork, member_id: int) -> list[Shift]:
        now = self._clock.now()
        return [s for s in await uow.shifts.of_member(member_id, now) if s.start_at > now]

    async def forget(self, actor: Member, member_id: int) -> dict[str, int]:
        """Erase the member's personal data; return how many records of each kept kind
        (shifts, attendance, swaps) stay; handlers.membership.settings_texts.forgotten says why
        they stay. Their future shifts lose their doctor: the coordinators get the list at once."""
        self._may_act_for(actor, member_id)
        now = self._clock.now()
        async with self._uow() as uow:
            uncovered = await self._future_shifts(uow, member_id)
            kept = await uow.privacy.forget(member_id, now)
            if uncovered:
                notice = ShiftsUncovered(shifts=tuple(ShiftSummary.of(s) for s in uncovered))
                for manager in await uow.members.list(active_only=True):
                    if is_manager(manager) and manager.telegram_id is not None:
                        await uow.outbox.add(OutboxMessage.to(manager, notice, now))
            await uow.commit()
        return kept

    async def apply_retention(self) -> int:
        """Remove what is older than the retention period; the tick calls this every few
        seconds, but once an hour is plenty (the deletes are idempotent across processes)."""
        now = self._clock.now()
        if self._retained_at is not None and now - self._retained_at < RETENTION_EVERY:
            return 0
        async with self._uow() as uow:
            removed = await uow.privacy.forget_logs_before(now - self.retention)
            await uow.commit()
        self._retained_at = now
        return removed

    @staticmethod
    def _may_act_for(actor: Member, member_id: int) -> None:
        if actor.id != member_id:
            require_manager(actor)
