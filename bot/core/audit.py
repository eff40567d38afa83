"""Oversight: a log of what coordinators and staff did (for /export), and error reports to the
coordinator or an ops chat, at most once an hour per distinct error."""

from datetime import timedelta

from bot.core.membership import require_manager
from bot.core.models import AuditEntry, Member, OutboxMessage
from bot.core.notices.membership import OpsError
from bot.core.ports import Clock, UnitOfWork, UnitOfWorkFactory

QUIET = timedelta(hours=1)  # one report per distinct error per hour
ACTION_MAX = 80


class AuditService:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow_factory
        self._clock = clock

    async def record(self, actor: Member, action: str) -> None:
        async with self._uow() as uow:
            await uow.audit.add(AuditEntry(actor.id, action[:ACTION_MAX], self._clock.now()))
            await uow.commit()

    async def since(self, manager: Member, days: int) -> list[tuple[AuditEntry, Member | None]]:
        require_manager(manager)
        async with self._uow() as uow:
            entries = await uow.audit.since(self._clock.now() - timedelta(days=days))
            return [
                (entry, None if entry.actor_id is None else await uow.members.get(entry.actor_id))
                for entry in entries
            ]


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
