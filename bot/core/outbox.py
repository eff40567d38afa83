"""The outbox: every message the bot sends on its own initiative is a row first.

A sender claims due rows, sends them and records the outcomes here, many rows per transaction.
A row claimed by a process that then crashed stays in `sending`; after the claim lease it is
claimed again, so a crash costs at most one duplicate per recipient (the rows sent but not yet
recorded) and never a lost message. A sender must claim no more than it can send well within the
lease, or a live sender's rows would be taken over by another.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from bot.core.models import OutboxMessage, OutboxState
from bot.core.notices import Envelope
from bot.core.ports import Clock, UnitOfWorkFactory

CLAIM_LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 5
# A row this version cannot read (a kind or payload written by a newer version during a rolling
# deploy) waits this long, so a version that can read it sends it; it never blocks other rows.
UNREADABLE_RETRY = timedelta(minutes=10)


def retry_delay(attempts: int) -> timedelta:
    """Exponential back-off for transient errors: 30 s, 1 min, 2 min, 4 min ..."""
    return timedelta(seconds=30 * 2 ** max(attempts - 1, 0))


@dataclass
class OutboxService:
    uow_factory: UnitOfWorkFactory
    clock: Clock
    lease: timedelta = CLAIM_LEASE

    async def claim_due(self, limit: int = 50, owner: str | None = None) -> list[OutboxMessage]:
        now = self.clock.now()
        async with self.uow_factory() as uow:
            claimed = list(
                await uow.outbox.claim_due(
                    now, limit=limit, stale_before=now - self.lease, owner=owner
                )
            )
            await uow.commit()
            return claimed

    async def release_claims(self, owner: str) -> int:
        """A restarted sender takes back what it claimed before it stopped: those rows are due
        again at once instead of after the lease. Only the sender of that name may call this,
        before it claims anything (bot.sender.Sender.name says why the name is unique)."""
        async with self.uow_factory() as uow:
            released = await uow.outbox.release_claims(owner)
            await uow.commit()
            return released

    async def unfinished(self) -> int:
        """How many rows are still waiting or on their way."""
        async with self.uow_factory() as uow:
            return await uow.outbox.unfinished()

    # The outcome of one send, noted on the message; `record` stores a batch of them.

    def sent(self, message: OutboxMessage, telegram_message_id: int | None) -> None:
        message.state, message.sent_at = OutboxState.SENT, self.clock.now()
        message.telegram_message_id = telegram_message_id

    def unreachable(self, message: OutboxMessage, error: str) -> None:
        """The member blocked the bot: `record` stops sending to them until they write again."""
        message.state, message.last_error = OutboxState.UNREACHABLE, error

    def retry(self, message: OutboxMessage, error: str) -> None:
        """A transient error: try again after a back-off, and give up after MAX_ATTEMPTS."""
        message.attempts += 1
        message.last_error = error
        if message.attempts >= MAX_ATTEMPTS:
            message.state = OutboxState.FAILED
        else:
            self.defer(message, retry_delay(message.attempts), error)

    def defer(self, message: OutboxMessage, delay: timedelta, error: str) -> None:
        """Telegram asked us to wait: not the message's fault, so no attempt is counted."""
        message.state, message.claimed_at, message.last_error = OutboxState.PENDING, None, error
        message.due_at = self.clock.now() + delay

    def unreadable(self, message: OutboxMessage, error: str) -> None:
        """Left for a version that can read it: no attempt is counted, it is not given up."""
        self.defer(message, UNREADABLE_RETRY, error)

    def too_late(self, envelope: Envelope) -> bool:
        """The row's `not_after` has passed: e.g. an event reminder when the bot was down until
        the event started."""
        return envelope.not_after is not None and self.clock.now() >= envelope.not_after

    def expired(self, message: OutboxMessage) -> None:
        message.state = OutboxState.EXPIRED

    def fail(self, message: OutboxMessage, error: str) -> None:
        """A permanent error (Telegram refused the content): retrying would not help."""
        message.state, message.last_error = OutboxState.FAILED, error

    async def record(self, messages: Sequence[OutboxMessage]) -> None:
        """Store the outcomes of a batch in one transaction; members who blocked the bot are
        marked unreachable."""
        if not messages:
            return
        blocked = {
            m.member_id
            for m in messages
            if m.state is OutboxState.UNREACHABLE and m.member_id is not None
        }
        async with self.uow_factory() as uow:
            await uow.outbox.save_outcomes(messages)
            if blocked:
                await uow.members.mark_unreachable(sorted(blocked), self.clock.now())
            await uow.commit()
