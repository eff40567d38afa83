"""Telegram's flood limits, on the sending side: a pure scheduler of send slots.

Each send reserves the earliest moment that respects every limit at once: the bot's overall
rate, one message per second to a private chat, twenty a minute to a group (negative chat ids).
Slots are spaced evenly (no bursts), so a sliding-window limiter on Telegram's side never sees
more than the rate in any window. The clock is injected: seconds as a float, monotonic.

A message that must wait for its chat takes the overall slot at the moment it is sent, so the
messages reserved after it wait too (simple, and never over the overall rate). That costs
nothing for a broadcast (one message per chat) and a second at most for a private chat.
"""

import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

PRIVATE_INTERVAL = 1.0  # seconds between two messages to one private chat
GROUP_INTERVAL = 3.0  # 20 per minute


@dataclass
class RateLimiter:
    per_second: float
    clock: Callable[[], float]
    _next_global: float = 0.0
    _next_chat: dict[int, float] = field(default_factory=dict)
    _paused_until: float = 0.0
    _sent: deque[float] = field(default_factory=deque)  # send times within the last second

    def reserve(self, chat_id: int) -> float:
        """Reserve the next slot for a message to `chat_id`; return the seconds to wait for it."""
        now = self.clock()
        slot = max(now, self._paused_until, self._next_global, self._next_chat.get(chat_id, 0.0))
        self._next_global = slot + 1.0 / self.per_second
        self._next_chat[chat_id] = slot + (GROUP_INTERVAL if chat_id < 0 else PRIVATE_INTERVAL)
        if len(self._next_chat) > 100_000:  # forget chats whose slot has long passed
            self._next_chat = {c: t for c, t in self._next_chat.items() if t > now}
        return slot - now

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
