"""The outbox: every message the bot sends on its own initiative is a row first.

A sender claims due rows, sends them and records the outcome here. A row claimed by a process that
then crashed stays in `sending`; after `CLAIM_LEASE` it is claimed again, so a crash costs at most
one duplicate (the send/commit window) and never a lost message.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.core.models import OutboxMessage, OutboxState
from bot.core.ports import Clock, UnitOfWorkFactory

CLAIM_LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 5
# A param with an ISO moment after which sending is pointless (a reminder for an event that has
# started by the time a bot that was down gets to it): the row expires instead.
NOT_AFTER = "not_after"


def retry_delay(attempts: int) -> timedelta:
    """Exponential back-off for transient errors: 30 s, 1 min, 2 min, 4 min ..."""
    return timedelta(seconds=30 * 2 ** max(attempts - 1, 0))


@dataclass
class OutboxService:
    uow_factory: UnitOfWorkFactory
    clock: Clock

    async def claim_due(self, limit: int = 50) -> list[OutboxMessage]:
        now = self.clock.now()
        async with self.uow_factory() as uow:
            claimed = list(
                await uow.outbox.claim_due(now, limit=limit, stale_before=now - CLAIM_LEASE)
            )
            await uow.commit()
            return claimed

    def too_late(self, message: OutboxMessage) -> bool:
        not_after = message.params.get(NOT_AFTER)
        return not_after is not None and self.clock.now() >= datetime.fromisoformat(not_after)

    async def expire(self, message: OutboxMessage) -> None:
        message.state = OutboxState.EXPIRED
        await self._save(message)

    async def mark_sent(self, message: OutboxMessage, telegram_message_id: int | None) -> None:
        message.state, message.sent_at = OutboxState.SENT, self.clock.now()
        message.telegram_message_id = telegram_message_id
        await self._save(message)

    async def mark_unreachable(self, message: OutboxMessage, error: str) -> None:
        """The member blocked the bot: stop sending to them until they write again."""
        message.state, message.last_error = OutboxState.UNREACHABLE, error
        async with self.uow_factory() as uow:
            await uow.outbox.update(message)
            if message.member_id is not None:
                member = await uow.members.get(message.member_id)
                if member is not None and member.reachable:
                    member.reachable, member.updated_at = False, self.clock.now()
                    await uow.members.update(member)
            await uow.commit()

    async def postpone(self, message: OutboxMessage, delay: timedelta, error: str) -> None:
        """Put the row back for later: Telegram asked us to wait, or a transient error."""
        message.attempts += 1
        message.last_error = error
        if message.attempts >= MAX_ATTEMPTS:
            message.state = OutboxState.FAILED
        else:
            message.state, message.claimed_at = OutboxState.PENDING, None
            message.due_at = self.clock.now() + delay
        await self._save(message)

    async def fail(self, message: OutboxMessage, error: str) -> None:
        """A permanent error (Telegram refused the content): retrying would not help."""
        message.state, message.last_error = OutboxState.FAILED, error
        await self._save(message)

    async def _save(self, message: OutboxMessage) -> None:
        async with self.uow_factory() as uow:
            await uow.outbox.update(message)
            await uow.commit()
