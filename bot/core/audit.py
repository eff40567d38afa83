"""Oversight: a log of what coordinators and staff did (for /export), and error reports to the
coordinator or an ops chat, at most once an hour per distinct error."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from bot.core.membership import require_manager
from bot.core.models import AuditEntry, Member, OutboxMessage
from bot.core.notices.membership import OpsError
from bot.core.ports import Clock, UnitOfWork, UnitOfWorkFactory

QUIET = timedelta(hours=1)  # one report per distinct error per hour
ACTION_MAX = 80


class Subject(StrEnum):
    """What an id in a logged action refers to."""

    SWAP = "swap"
    SHIFT = "shift"
    MEMBER = "member"
    EVENT = "event"


# Per action (a command, or a button's prefix): which of its arguments is an id of what.
Subjects = Mapping[str, Sequence[tuple[Subject, int]]]


@dataclass(frozen=True)
class AuditLine:
    """One logged action, with the names, titles and shifts its ids stand for."""

    at: datetime
    actor: Member | None
    action: str  # the command (`/roster`) or the button's prefix (`swok`)
    args: list[str]  # the button's arguments (ids, a month …)
    about: list[str] = field(default_factory=list)  # members' names, events' titles
    shifts: list[datetime] = field(default_factory=list)  # the starts of the shifts concerned


def split_action(action: str) -> tuple[str, list[str]]:
    """`swok:12` -> (`swok`, [`12`]); a command has no arguments in the log."""
    key, *args = action.split(":")
    return key, args


class AuditService:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow_factory
        self._clock = clock

    async def record(self, actor: Member, action: str) -> None:
        async with self._uow() as uow:
            await uow.audit.add(AuditEntry(actor.id, action[:ACTION_MAX], self._clock.now()))
            await uow.commit()

    async def since(self, manager: Member, days: int, subjects: Subjects) -> list[AuditLine]:
        """What was done in the last `days` days, each id resolved as `subjects` says."""
        require_manager(manager)
        async with self._uow() as uow:
            entries = await uow.audit.since(self._clock.now() - timedelta(days=days))
            return [await self._line(uow, entry, subjects) for entry in entries]

    @staticmethod
    async def _line(uow: UnitOfWork, entry: AuditEntry, subjects: Subjects) -> AuditLine:
        key, args = split_action(entry.action)
        actor = None if entry.actor_id is None else await uow.members.get(entry.actor_id)
        line = AuditLine(entry.at, actor, key, args)
        for subject, index in subjects.get(key, ()):
            if index < len(args) and args[index].isdigit():
                await _resolve(uow, line, subject, int(args[index]))
        return line


async def _resolve(uow: UnitOfWork, line: AuditLine, subject: Subject, id_: int) -> None:
    """Add what this id stands for to the line (nothing if it is gone)."""
    if subject is Subject.SWAP:
        swap = await uow.swaps.get(id_)
        if swap is not None:
            await _resolve(uow, line, Subject.MEMBER, swap.requester_id)
            await _resolve(uow, line, Subject.SHIFT, swap.shift_id)
    elif subject is Subject.SHIFT:
        shift = await uow.shifts.get(id_)
        if shift is not None:
            line.shifts.append(shift.start_at)
    elif subject is Subject.MEMBER:
        member = await uow.members.get(id_)
        if member is not None and member.name:
            line.about.append(member.name)
    else:
        event = await uow.events.get(id_)
        if event is not None:
            line.about.append(event.title)


class ErrorReporter:
    def __init__(
        self, uow_factory: UnitOfWorkFactory, clock: Clock, ops_chat_id: int | None
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._ops_chat_id = ops_chat_id

    async def report(self, signature: str, reference: str) -> bool:
        """Tell the ops chat (or else the coordinators) about an unexpected error, unless this
        error was reported within the last hour; return whether a report was queued."""
        now = self._clock.now()
        async with self._uow() as uow:
            occurrences = await uow.error_reports.claim(signature, now, now - QUIET)
            if occurrences is not None:
                notice = OpsError(signature=signature, reference=reference, count=occurrences)
                for message in await self._reports(uow, notice):
                    await uow.outbox.add(message)
            await uow.commit()
        return occurrences is not None

    async def _reports(self, uow: UnitOfWork, notice: OpsError) -> list[OutboxMessage]:
        """One message to the ops chat if the kring has one, else one to each coordinator."""
        now = self._clock.now()
        if self._ops_chat_id is not None:
            return [OutboxMessage.for_chat(self._ops_chat_id, notice, now)]
        return [
            OutboxMessage.to(coordinator, notice, now)
            for coordinator in await uow.members.coordinators()
            if coordinator.telegram_id is not None
        ]
