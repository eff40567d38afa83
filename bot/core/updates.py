"""Telegram may deliver an update twice (a webhook retry, a replica that restarted); each
update_id is handled once. The first process to record it wins, so this holds across replicas.

On a database only one process uses (SQLite), the ids are kept in that process's memory instead:
SQLite has one writer at a time, so recording every update there made a member's /help wait for
a coordinator's whole roster import; the member lookup that remains is a read, which does not.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.core.conversations import Step, live_steps
from bot.core.models import Member
from bot.core.ports import Clock, UnitOfWorkFactory

REMEMBER_FOR = timedelta(days=2)  # Telegram retries for far less than this


class SeenInProcess:
    """Update ids this process has handled, with when (for a database no other process uses)."""

    def __init__(self) -> None:
        self._seen: dict[int, datetime] = {}

    def record(self, update_id: int, at: datetime) -> bool:
        """True the first time this id is seen."""
        if update_id in self._seen:
            return False
        self._seen[update_id] = at
        return True

    def forget_before(self, moment: datetime) -> None:
        self._seen = {key: at for key, at in self._seen.items() if at >= moment}


@dataclass(frozen=True)
class Arrival:
    """What the gate needs to know about an update before any feature sees it."""

    first: bool  # False: delivered before (same update_id), to be dropped
    member: Member | None = None
    steps: dict[str, Step] = field(default_factory=dict)  # the flows this chat is in, by name


@dataclass
class UpdateLog:
    uow_factory: UnitOfWorkFactory
    clock: Clock
    in_process: SeenInProcess | None = field(default=None)  # None: recorded in the database

    async def receive(
        self, update_id: int, telegram_id: int | None, chat_id: int | None = None
    ) -> Arrival:
        """Record the update, look up who sent it and the flows their chat is in, in one
        transaction: every update pays for this, so it is one unit of work, not one per
        question (the flows' steps were a transaction of their own before). The commit does not
        wait for the disk: a database crash may forget the last updates handled, and Telegram
        redelivers only what the bot did not acknowledge."""
        async with self.uow_factory() as uow:
            now = self.clock.now()
            if self.in_process is not None:
                first, wrote = self.in_process.record(update_id, now), False
            else:
                first = wrote = await uow.processed_updates.record(update_id, now)
            member, steps = None, {}
            if first and telegram_id is not None:
                member = await uow.members.by_telegram_id(telegram_id)
                if member is not None and not member.reachable:  # they unblocked the bot
                    member.reachable, member.updated_at = True, now
                    await uow.members.update(member)
                    wrote = True
                if chat_id is not None:
                    steps = await live_steps(uow, chat_id, telegram_id, now)
            if wrote:  # a read only ends with the unit of work's rollback: one step less
                await uow.commit(durable=False)
            return Arrival(first, member, steps)

    async def forget_old(self) -> None:
        if self.in_process is not None:
            self.in_process.forget_before(self.clock.now() - REMEMBER_FOR)
            return
        async with self.uow_factory() as uow:
            await uow.processed_updates.forget_before(self.clock.now() - REMEMBER_FOR)
            await uow.commit()
