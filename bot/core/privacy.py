"""Privacy self-service: a member sees everything the kring holds about them (/mydata) and can
have it erased (/forget); the coordinator can do both on a member's request. What the kring
must keep (past on-call shifts, attendance for accreditation, the roster's change history) is
kept, anonymised, and the member is told so. Old logs are removed after the retention period."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.core.errors import MemberNotFound
from bot.core.membership import require_manager
from bot.core.models import Member
from bot.core.ports import Clock, UnitOfWorkFactory
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

    async def forget(self, actor: Member, member_id: int) -> dict[str, int]:
        """Erase the member's personal data; return how many records of each kept kind
        (shifts, attendance, swaps) stay; handlers.membership.settings_texts.forgotten says why
        they stay."""
        self._may_act_for(actor, member_id)
        async with self._uow() as uow:
            kept = await uow.privacy.forget(member_id, self._clock.now())
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
