"""Telegram may deliver an update twice (a webhook retry, a replica that restarted); each
update_id is handled once. The first process to record it wins, so this holds across replicas.

On a database only one process uses (SQLite), the ids are kept in that process's memory instead:
SQLite has one writer at a time, so recording every update there made a member's /help wait for
a coordinator's whole roster import; the member lookup that remains is a read, which does not.
The per-person flood limit is checked here too (bot.core.flood): on PostgreSQL its bucket is
taken in the same statement that records the update.

Updates that arrive together (one getUpdates answer) are asked about together, in one round
trip (`expect`, then `receive`): one chat's updates are handled one after the other, and each
waiting for its own round trip made a burst of them wait for the database as often.
"""

import asyncio
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from bot.core.buckets import BucketAsk
from bot.core.conversations import Step, decode_draft
from bot.core.flood import FloodGuard, Flow
from bot.core.models import Conversation, Member
from bot.core.ports import Clock, UnitOfWorkFactory

REMEMBER_FOR = timedelta(days=2)  # Telegram retries for far less than this

log = logging.getLogger(__name__)


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


@dataclass(frozen=True)
class Batch:
    """What the store is asked for updates that arrived together, in one round trip."""

    knocks: list[Knock]  # one per update id, each recorded, no bucket of its own
    takes: dict[int, tuple[BucketAsk, int]]  # per sender: their flood bucket, their updates


@dataclass(frozen=True)
class BatchArrived:
    recorded: set[int]  # the update ids this request recorded (the others came before)
    # The member and their chat's flows, by (sender, chat).
    people: dict[tuple[int | None, int | None], tuple[Member | None, list[Conversation]]]
    buckets: dict[str, tuple[float, int]]  # each bucket's next_slot and refusals after the asks


class ArrivalStore(Protocol):
    async def arrive(self, knock: Knock) -> Arrived:
        """Record the update (if asked), take from the bucket (if asked), and read the member
        with their chat's flows: one statement, its own transaction (store.arrivals)."""
        ...

    async def arrive_together(self, batch: Batch) -> BatchArrived:
        """`arrive` for several updates in one statement: the buckets' events taken one after
        the other, in the order of the knocks."""
        ...

    def commits(self) -> int:
        """How many transactions this process has committed so far: what was read before the
        latest one may have changed since."""
        ...


@dataclass(frozen=True)
class Prepared:
    """An update's arrival asked together with others', before its turn came."""

    first: bool
    flow: Flow
    member: Member | None
    conversations: list[Conversation]
    commits: int  # ArrivalStore.commits() before they were read


@dataclass
class UpdateLog:
    arrivals: ArrivalStore
    uow_factory: UnitOfWorkFactory
    clock: Clock
    in_process: SeenInProcess | None = field(default=None)  # None: recorded in the database
    flood: FloodGuard | None = None
    # Updates taken for handling whose arrival nobody asked for yet: (sender, chat) by update id.
    _expected: dict[int, tuple[int, int]] = field(default_factory=dict, init=False)
    # Updates whose arrival is being asked for together with another's, by update id.
    _asked: dict[int, "asyncio.Future[dict[int, Prepared] | None]"] = field(
        default_factory=dict, init=False
    )

    def expect(self, update_id: int, telegram_id: int, chat_id: int) -> None:
        """An update was taken for handling and will be `receive`d: when its turn comes, the
        arrivals of every update expected by then are asked for in one round trip (on a
        database that records the updates; on SQLite the read is all that goes out, and it is
        cheap). Its chat's earlier updates are handled before it, so what was read for it is
        read again if anything was committed in the meantime (`_admit`)."""
        if self.in_process is None:
            self._expected.setdefault(update_id, (telegram_id, chat_id))

    async def receive(
        self, update_id: int, telegram_id: int | None, chat_id: int | None = None
    ) -> Arrival:
        """Record the update, check the sender's flood limit, look up who sent it and the flows
        their chat is in: every update pays for this, so it is one round trip to the database
        (store.arrivals), not one per question, and one for all the updates expected with it
        (`expect`). On a database only this process uses, the update ids and the flood
        buckets are kept in memory and only the read goes out."""
        prepared = await self._prepared(update_id)
        if prepared is not None:
            return await self._admit(prepared, telegram_id, chat_id)
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
        return await self._first(arrived.member, arrived.conversations, flow, now)

    async def _first(
        self, member: Member | None, conversations: list[Conversation], flow: Flow, now: datetime
    ) -> Arrival:
        if member is not None and not member.reachable:  # they unblocked the bot
            await self._reachable_again(member, now)
        steps = {c.name: Step(c.state, decode_draft(c.draft)) for c in conversations}
        return Arrival(True, member, steps, flow)

    async def _prepared(self, update_id: int) -> Prepared | None:
        """This update's arrival, asked for together with the other updates expected by now;
        None when it was expected alone (or not at all): then it is asked for on its own."""
        waiting = self._asked.pop(update_id, None)
        if waiting is not None:
            together = await waiting
            return None if together is None else together.pop(update_id, None)
        if update_id not in self._expected:
            return None
        if len(self._expected) == 1:
            del self._expected[update_id]
            return None
        expected, self._expected = self._expected, {}
        loop = asyncio.get_running_loop()
        done: asyncio.Future[dict[int, Prepared] | None] = loop.create_future()
        self._asked |= {other: done for other in expected if other != update_id}
        together = None
        try:
            together = await self._arrive_together(expected)
        except Exception:  # each asks on its own instead, and meets the error itself
            log.warning("the arrival of %d updates together failed", len(expected), exc_info=True)
        finally:
            done.set_result(together)
        return None if together is None else together.pop(update_id)

    async def _arrive_together(self, expected: dict[int, tuple[int, int]]) -> dict[int, Prepared]:
        commits, now = self.arrivals.commits(), self.clock.now()
        knocks = [Knock(update_id, *who, now) for update_id, who in expected.items()]
        counts = Counter(telegram_id for telegram_id, _chat in expected.values())
        takes = {}
        if self.flood is not None and self.flood.buckets.shared:
            asks = {telegram_id: self.flood.ask(telegram_id) for telegram_id in counts}
            takes = {who: (ask, counts[who]) for who, ask in asks.items() if ask is not None}
        arrived = await self.arrivals.arrive_together(Batch(knocks, takes))
        grants = {
            who: iter(ask.grants(count, *arrived.buckets[ask.name]))
            for who, (ask, count) in takes.items()
        }
        prepared = {}
        for update_id, (telegram_id, chat_id) in expected.items():
            if telegram_id in grants:
                flow = FloodGuard.flow(next(grants[telegram_id]))
            else:
                flow = await self._flood_in_process(telegram_id)
            first = update_id in arrived.recorded
            found = arrived.people[(telegram_id, chat_id)]
            prepared[update_id] = Prepared(first, flow, *found, commits)
        return prepared

    async def _admit(
        self, prepared: Prepared, telegram_id: int | None, chat_id: int | None
    ) -> Arrival:
        """The arrival of an update asked for together with others: the member and their flows
        are read again if this process committed anything since they were read (this chat's
        previous update may have changed them; another process's changes came at the same
        time as this update, and may be seen or not)."""
        if not prepared.first:
            return Arrival(False, flow=prepared.flow)
        now = self.clock.now()
        member, conversations = prepared.member, prepared.conversations
        if prepared.commits != self.arrivals.commits():
            arrived = await self.arrivals.arrive(Knock(None, telegram_id, chat_id, now))
            member, conversations = arrived.member, arrived.conversations
        return await self._first(member, conversations, prepared.flow, now)

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
