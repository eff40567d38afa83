"""Telegram's flood limits, on the sending side: a scheduler of send slots.

Each send reserves the earliest moment that respects every limit at once: the bot's overall
rate, one message per second to a private chat, twenty a minute to a group (negative chat ids).
Slots are spaced evenly (no bursts), so a sliding-window limiter on Telegram's side never sees
more than the rate in any window. The clock is injected: seconds since the epoch, as a float.

The overall rate is a rate bucket (bot.core.buckets): shared by every replica on PostgreSQL, so
three replicas together keep to it. The per-chat spacing stays in the process: one row is sent
by one process, and two processes writing to one chat at the same second is rare and within
Telegram's tolerated burst.

A message that must wait for its chat takes the overall slot at the moment it is sent, so the
messages reserved after it wait too (simple, and never over the overall rate). That costs
nothing for a broadcast (one message per chat) and a second at most for a private chat.
"""

import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.core.buckets import Buckets, Rate

PRIVATE_INTERVAL = 1.0  # seconds between two messages to one private chat
GROUP_INTERVAL = 3.0  # 20 per minute
OVERALL = "send"  # the bucket of the bot's overall rate
LATE = 0.05  # seconds after its slot that a send may still go (at least two slots)


@dataclass
class RateLimiter:
    per_second: float
    buckets: Buckets
    clock: Callable[[], float]
    _next_chat: dict[int, float] = field(default_factory=dict)
    _paused_until: float = 0.0
    _sent: deque[float] = field(default_factory=deque)  # send times within the last second

    async def reserve(self, chat_id: int) -> float:
        """Reserve the next slot for a message to `chat_id`; return its moment (clock time)."""
        now = self.clock()
        chat_free = max(now, self._paused_until, self._next_chat.get(chat_id, 0.0))
        spacing = GROUP_INTERVAL if chat_id < 0 else PRIVATE_INTERVAL
        self._next_chat[chat_id] = chat_free + spacing  # before the await: a send beside it waits
        grant = await self.buckets.acquire(OVERALL, Rate.per_second(self.per_second), chat_free)
        slot = chat_free + grant.wait
        self._next_chat[chat_id] = max(self._next_chat[chat_id], slot + spacing)
        if len(self._next_chat) > 100_000:  # forget chats whose slot has long passed
            self._next_chat = {c: t for c, t in self._next_chat.items() if t > now}
        return slot

    def missed(self, slot: float) -> bool:
        """The shared slot passed a while ago (the bucket's answer, or this process, was held
        up): sending now would bunch with other processes' slots after it, so the send takes a
        new one. A process on buckets of its own has `admit` against catching up in a burst,
        and a busy one should not give up the slots it is late for."""
        return self.buckets.shared and self.clock() - slot > max(2.0 / self.per_second, LATE)

    def admit(self) -> float:
        """Just before a send: 0 (and the send is counted) if fewer than the rate went out in
        the last second, else the seconds to wait. Slots are evenly spaced, but a sender that
        was held up (a busy event loop) would otherwise catch up with a burst."""
        now = self.clock()
        while self._sent and self._sent[0] <= now - 1.0:
            self._sent.popleft()
        if len(self._sent) >= max(1, math.floor(self.per_second)):
            return self._sent[0] + 1.0 - now
        self._sent.append(now)
        return 0.0

    def pause(self, seconds: float) -> None:
        """Telegram said "too many requests": no slot before `seconds` from now."""
        self._paused_until = max(self._paused_until, self.clock() + seconds)
