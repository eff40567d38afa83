"""A locum's replacements and their checklists (seed 001): what to arrange at the start, what
to do on the last day. A reminder before the end date is an outbox row, so it survives restarts.
"""

import re
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.core.errors import DomainError, NotAMember
from bot.core.membership import clean_name
from bot.core.models import Member, OutboxMessage, Replacement
from bot.core.notices.locum import LocumEndReminder
from bot.core.ports import Clock, ReplacementRepository, UnitOfWorkFactory

START_ITEMS = (
    "myriziv",
    "emd",
    "agenda",
    "lab",
    "pacs",
    "vaccinnet",
    "stamp",
    "insurance",
    "contract",
    "fee",
)
OPTIONAL_ITEMS = frozenset({"pacs", "vaccinnet"})
END_ITEMS = ("ehealth", "hector", "export", "proof", "note")
REMINDER_DAYS_BEFORE_END = 2
REMINDER_TIME = time(9, 0)
SHOWN_AFTER_END = timedelta(days=30)
_DATE = re.compile(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})")


class ReplacementReason(StrEnum):
    """Which part of a replacement the member typed cannot be used."""

    DATE = "date"
    """Not a date (1/3/2026, 01-03-2026, 1.3.26 or 2026-03-01), or no such day."""
    END_BEFORE_START = "end_before_start"
    """The last day is before the first day."""
    PRACTICE = "practice"
    """A practice name not 2 to 80 characters long, or a command."""


class InvalidReplacement(DomainError):
    """A replacement (or a date for one) that cannot be used."""

    def __init__(self, reason: ReplacementReason) -> None:
        super().__init__(reason)
        self.reason = reason


class ReplacementNotFound(DomainError):
    """Gone, or someone else's."""


def parse_date(text: str) -> date:
    """A date as members type it: 1/3/2026, 01-03-2026, 1.3.26 or 2026-03-01."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        raise InvalidReplacement(ReplacementReason.DATE)
    first, month, last = (int(part) for part in match.groups())
    year, day = (first, last) if first > 31 else (last, first)
    year += 2000 if year < 100 else 0
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidReplacement(ReplacementReason.DATE) from None


def clean_practice(text: str) -> str:
    practice = " ".join(text.split())
    if not 2 <= len(practice) <= 80 or practice.startswith("/"):
        raise InvalidReplacement(ReplacementReason.PRACTICE)
    return practice


class LocumService:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, timezone: str) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._zone = ZoneInfo(timezone)

    async def register(
        self, member: Member, practice: str, replaced_doctor: str, start_on: date, end_on: date
    ) -> Replacement:
        if end_on < start_on:
            raise InvalidReplacement(ReplacementReason.END_BEFORE_START)
        if member.id is None or member.telegram_id is None:
            raise NotAMember()
        now = self._clock.now()
        async with self._uow() as uow:
            replacement = await uow.replacements.add(
                Replacement(
                    member.id,
                    clean_practice(practice),
                    clean_name(replaced_doctor),
                    start_on,
                    end_on,
                    now,
                )
            )
            reminder_on = max(end_on - timedelta(days=REMINDER_DAYS_BEFORE_END), start_on)
            due = datetime.combine(reminder_on, REMINDER_TIME, self._zone)
            if end_on >= now.astimezone(self._zone).date():
                reminder = LocumEndReminder(
                    replacement_id=replacement.id or 0,
                    practice=replacement.practice,
                    end_on=end_on,
                )
                await uow.outbox.add(OutboxMessage.to(member, reminder, max(due, now)))
            await uow.commit()
            return replacement

    async def mine(self, member: Member) -> list[Replacement]:
        """Current and upcoming replacements, and those ended in the last month."""
        today = self._clock.now().astimezone(self._zone).date()
        async with self._uow() as uow:
            found = await uow.replacements.for_member(member.id or 0)
        return [r for r in found if r.end_on >= today - SHOWN_AFTER_END]

    async def get(self, member: Member, replacement_id: int) -> Replacement:
        async with self._uow() as uow:
            return await self._own(uow.replacements, member, replacement_id)

    async def toggle(self, member: Member, replacement_id: int, item: str) -> Replacement:
        if item not in START_ITEMS + END_ITEMS:
            raise ReplacementNotFound()
        async with self._uow() as uow:
            replacement = await self._own(uow.replacements, member, replacement_id)
            if item in replacement.done:
                replacement.done.remove(item)
            else:
                replacement.done.append(item)
            await uow.replacements.update(replacement)
            await uow.commit()
            return replacement

    @staticmethod
    async def _own(
        repository: ReplacementRepository, member: Member, replacement_id: int
    ) -> Replacement:
        replacement = await repository.get(replacement_id)
        if replacement is None or replacement.member_id != member.id:
            raise ReplacementNotFound()
        return replacement
