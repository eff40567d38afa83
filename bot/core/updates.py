"""Telegram may deliver an update twice (a webhook retry, a replica that restarted); each
update_id is handled once. The first process to record it wins, so this holds across replicas."""

from dataclasses import dataclass
from datetime import timedelta

from bot.core.models import Member
from bot.core.ports import Clock, UnitOfWorkFactory

REMEMBER_FOR = timedelta(days=2)  # Telegram retries for far less than this


@dataclass
class UpdateLog:
    uow_factory: UnitOfWorkFactory
    clock: Clock

    async def receive(self, update_id: int, telegram_id: int | None) -> tuple[bool, Member | None]:
        """Record the update and look up who sent it, in one transaction (every update pays
        for this, so it is one round trip to the database, not two)."""
        async with self.uow_factory() as uow:
            first = await uow.processed_updates.record(update_id, self.clock.now())
            member = None
            if first and telegram_id is not None:
                member = await uow.members.by_telegram_id(telegram_id)
            if member is not None and not member.reachable:  # they unblocked the bot
                member.reachable, member.updated_at = True, self.clock.now()
                await uow.members.update(member)
            await uow.commit()
            return first, member

    async def forget_old(self) -> None:
        async with self.uow_factory() as uow:
            await uow.processed_updates.forget_before(self.clock.now() - REMEMBER_FOR)
            await uow.commit()
