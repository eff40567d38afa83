"""Telegram's flood limits, on the sending side: a scheduler of send slots.

Each send reserves the earliest moment that respects every limit at once: the bot's overall
rate, one message per second to a private chat, twenty a minute to a group (negative chat ids).
Slots are spaced evenly (no bursts), so a sliding-window limiter on Telegram's side never sees
more than the rate in any window. The clock is injected: seconds since the epoch, as a float.

The overall rate is a rate bucket (bot.core.buckets): shared by every replica on PostgreSQL, so
three replicas together keep to it. A process takes its overall slots from the bucket in blocks
of BLOCK seconds' worth, one request at a time: at 1000 messages a second one request per
message (a database round trip on PostgreSQL, and a connection each when many were in flight)
was the sender's bottleneck. Replicas then take turns block by block instead of slot by slot.
The per-chat spacing stays in the process: one row is sent by one process, and two processes
writing to one chat at the same second is rare and within Telegram's tolerated burst.

A message that must wait for its chat takes the overall slot at the moment it is sent, so the
messages reserved after it wait too (simple, and never over the overall rate). That costs
nothing for a broadcast (one message per chat) and a second at most for a private chat.
"""

import asyncio
import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.core.buckets import Buckets, Rate

PRIVATE_INTERVAL = 1.0  # seconds between two messages to one private chat
GROUP_INTERVAL = 3.0  # 20 per minute
OVERALL = "send"  # the bucket of the bot's overall rate
LATE = 0.05  # seconds after its slot that a send may still go (at least two slots)
CATCH_UP = 0.25  # seconds: a process late on its own slots (a claim, a busy loop) still uses them
BLOCK = 0.1  # seconds' worth of overall slots taken from the bucket at once (one at least)


@dataclass
class RateLimiter:
    per_second: float
    buckets: Buckets
    clock: Callable[[], float]
    _next_chat: dict[int, float] = field(default_factory=dict)
    _paused_until: float = 0.0
    _in_flight: int = 0  # sends admitted, not yet answered
    _answered: deque[float] = field(default_factory=deque)  # answers within the last second
    _held: deque[float] = field(default_factory=deque)  # overall slots taken, not yet given
    _taking: "asyncio.Task[None] | None" = None  # the one bucket request in flight

    @property
    def _rate(self) -> Rate:
        return Rate.per_second(self.per_second)

    @property
    def _block(self) -> int:
        return max(1, math.floor(BLOCK * self.per_second))

    async def reserve(self, chat_id: int, missed: float | None = None) -> float:
        """Reserve the next slot for a message to `chat_id`; return its moment (clock time).
        `missed`: the slot this message had and did not use (see `missed`); the chat's spacing
        after it is given back, or the message would wait a whole spacing for its own slot, and
        every message reserved after it with it."""
        now = self.clock()
        spacing = GROUP_INTERVAL if chat_id < 0 else PRIVATE_INTERVAL
        chat_next = self._next_chat.get(chat_id, 0.0)
        if missed is not None and chat_next == missed + spacing:
            chat_next = missed
        chat_free = max(now, self._paused_until, chat_next)
        self._next_chat[chat_id] = chat_free + spacing  # before the await: a send beside it waits
        slot = await self._overall_slot(chat_free)
        self._next_chat[chat_id] = max(self._next_chat[chat_id], slot + spacing)
        if len(self._next_chat) > 100_000:  # forget chats whose slot has long passed
            self._next_chat = {c: t for c, t in self._next_chat.items() if t > now}
        return slot

    async def _overall_slot(self, at: float) -> float:
        """The first overall slot held at or after `at`. Held slots before it are given up, as
        the bucket skips its slots before a request; but a message that may go now takes a
        held slot it is not too late for (see `missed`: on shared buckets a few hundredths of a
        second, on this process's own CATCH_UP), and goes at once: a process held up for a
        moment (a claim, a busy machine) catches up the slots it just missed instead of leaving
        them unused. The next block is asked for while half of this one is left, so a slow
        answer (a busy database) does not make the slots late."""
        usable_from = at - self._lateness if at <= self.clock() else at
        while True:
            while self._held and self._held[0] < usable_from:
                self._held.popleft()
            if len(self._held) <= self._block // 2 and self._taking is None:
                after = self._held[-1] + self._rate.interval if self._held else at
                self._taking = asyncio.create_task(self._take_block(max(at, after)))
            if self._held:
                return max(self._held.popleft(), at)
            assert self._taking is not None
            await asyncio.shield(self._taking)

    async def _take_block(self, at: float) -> None:
        try:
            grant = await self.buckets.acquire(OVERALL, self._rate, at, self._block)
            first = at + grant.wait
            self._held.extend(first + n * self._rate.interval for n in range(self._block))
        finally:
            self._taking = None

    def missed(self, slot: float) -> bool:
        """The shared slot passed a while ago (the bucket's answer, or this process, was held
        up): sending now would bunch with other processes' slots after it, so the send takes a
        new one. A process on buckets of its own has `admit` against catching up in a burst,
        and a busy one should not give up the slots it is late for."""
        return self.buckets.shared and self.clock() - slot > self._lateness

    @property
    def _lateness(self) -> float:
        """How late a send may use its overall slot. On shared buckets LATE (two slots at least):
        every send within that of its slot, the replicas together send at most the slots of
        1 + LATE seconds in any second, within Telegram's limit when the rate is set some 5%
        below it (OUTBOX_RATE_PER_SECOND)."""
        return max(2.0 / self.per_second, LATE) if self.buckets.shared else CATCH_UP

    def admit(self) -> float:
        """Just before a send: 0 (and the send is counted until a second after its answer: see
        `answered`) if fewer than the rate (rounded up: evenly spaced slots at 28.5 a second
        put 29 in some seconds, and rounding down held the sender to 28) are in flight or were
        answered within the last second, else the seconds to wait. Telegram counts a message
        at some moment between its request and its answer, so no second at its end gets more
        than that, however late the answers come (a busy machine, the network): counting the
        requests alone, a few held up met the next ones in one of Telegram's seconds (429s at
        30 a second). Slots are evenly spaced, but a sender that was held up (a busy event
        loop) would otherwise catch up in a burst."""
        now = self.clock()
        while self._answered and self._answered[0] <= now - 1.0:
            self._answered.popleft()
        if self._in_flight + len(self._answered) >= math.ceil(self.per_second):
            return self._answered[0] + 1.0 - now if self._answered else 1.0 / self.per_second
        self._in_flight += 1
        return 0.0

    def answered(self) -> None:
        """The answer to a send `admit` let go has come (or the send failed)."""
        self._in_flight -= 1
        self._answered.append(self.clock())

    def pause(self, seconds: float) -> None:
        """Telegram said "too many requests": no slot before `seconds` from now."""
        self._paused_until = max(self._paused_until, self.clock() + seconds)
