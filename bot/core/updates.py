"""Telegram may deliver an update twice (a webhook retry, a replica that restarted); each
update_id is handled once. The first process to record it wins, so this holds across replicas.

On a database only one process uses (SQLite), the ids are kept in that process's memory instead:
SQLite has one writer at a time, so recording every update there made a member's /help wait for
a coordinator's whole roster import; the member lookup that remains is a read, which does not.
The per-person flood limit is checked here too (bot.core.flood): on PostgreSQL its bucket is
taken in the same statement that records the update.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from bot.core.buckets import BucketAsk
from bot.core.conversations import Step, decode_draft
from bot.core.flood import FloodGuard, Flow
from bot.core.models import Conversation, Member
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
    flow: Flow = Flow.OK  # the sender's flood limit


@dataclass(frozen=True)
class Knock:
    """What the store is asked for an arriving update, in one round trip."""

    update_id: int | None  # None: not recorded in the database (kept in this process)
    telegram_id: int | None  # who sent it
    chat_id: int | None  # where: their flows are per chat
    at: datetime
    bucket: BucketAsk | None = None  # the sender's flood bucket, when the database keeps it


@dataclass(frozen=True)
class Arrived:
    first: bool  # the update id was recorded by this request (True when not asked to record)
    member: Member | None
    conversations: list[Conversation]  # the chat's flows, forgotten ones left out
    bucket: tuple[float, int] | None  # the flood bucket's next_slot and refusals after the ask


class ArrivalStore(Protocol):
    async def arrive(self, knock: Knock) -> Arrived:
        """Record the update (if asked), take from the bucket (if asked), and read the member
        with their chat's flows: one statement, its own transaction (store.arrivals)."""
        ...


@dataclass
class UpdateLog:
    arrivals: ArrivalStore
    uow_factory: UnitOfWorkFactory
    clock: Clock
    in_process: SeenInProcess | None = field(default=None)  # None: recorded in the database
    flood: FloodGuard | None = None

    async def receive(
        self, update_id: int, telegram_id: int | None, chat_id: int | None = None
    ) -> Arrival:
        """Record the update, check the sender's flood limit, look up who sent it and the flows
        their chat is in: every update pays for this, so it is one round trip to the database
        (store.arrivals), not one per question. On a database only this process uses, the
        update ids and the flood buckets are kept in memory and only the read goes out."""
        now = self.clock.now()
        if self.in_process is not None and not self.in_process.record(update_id, now):
            return Arrival(False, flow=await self._flood_in_process(telegram_id))
        ask = None
        if self.flood is not None and self.flood.buckets.shared and telegram_id is not None:
            ask = self.flood.ask(telegram_id)
        recorded = update_id if self.in_process is None else None
        arrived = await self.arrivals.arrive(Knock(recorded, telegram_id, chat_id, now, ask))
        if ask is not None and arrived.bucket is not None:
            flow = FloodGuard.flow(ask.grant(*arrived.bucket))
        else:
            flow = await self._flood_in_process(telegram_id)
        if not arrived.first:
            return Arrival(False, flow=flow)
        member = arrived.member
        if member is not None and not member.reachable:  # they unblocked the bot
            await self._reachable_again(member, now)
        steps = {c.name: Step(c.state, decode_draft(c.draft)) for c in arrived.conversations}
        return Arrival(True, member, steps, flow)

    async def _flood_in_process(self, telegram_id: int | None) -> Flow:
        """The flood limit from buckets in this process's memory (no database involved)."""
        if self.flood is None or telegram_id is None or self.flood.buckets.shared:
            return Flow.OK
        return await self.flood.check(telegram_id)

    async def _reachable_again(self, member: Member, now: datetime) -> None:
        async with self.uow_factory() as uow:
            member.reachable, member.updated_at = True, now
            await uow.members.update(member)
            await uow.commit()

    async def forget_old(self) -> None:
        if self.in_process is not None:
            self.in_process.forget_before(self.clock.now() - REMEMBER_FOR)
            return
        async with self.uow_factory() as uow:
            await uow.processed_updates.forget_before(self.clock.now() - REMEMBER_FOR)
            await uow.commit()
