"""Fault injection and Telegram's flood limits for the sending methods."""

import math
import random
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.emulator.errors import forbidden, gateway_timeout, too_many_requests


@dataclass(frozen=True)
class RateLimits:
    """Telegram's documented flood limits, enforced as sliding windows.

    A private chat may receive ``private_burst`` messages within
    ``private_burst / private_per_second`` seconds: one message per second on average with a
    short burst tolerated. Group chats (negative chat ids) get ``group_per_minute`` per minute.
    """

    global_per_second: int = 30
    private_per_second: float = 1.0
    private_burst: int = 3
    group_per_minute: int = 20


class SlidingWindow:
    """At most ``capacity`` events within any ``period`` seconds."""

    def __init__(self, capacity: int, period: float) -> None:
        self.capacity = capacity
        self.period = period
        self._events: deque[float] = deque()

    def wait_time(self, now: float) -> float:
        """Seconds until one more event fits; 0 when it fits now."""
        while self._events and self._events[0] <= now - self.period:
            self._events.popleft()
        if len(self._events) < self.capacity:
            return 0.0
        return self._events[0] + self.period - now

    def record(self, now: float) -> None:
        self._events.append(now)


class FloodControl:
    """Answers whether one more message may be sent now, per Telegram's limits."""

    def __init__(self, limits: RateLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._global = SlidingWindow(limits.global_per_second, 1.0)
        self._chats: dict[int, SlidingWindow] = {}

    def _chat_window(self, chat_id: int) -> SlidingWindow:
        window = self._chats.get(chat_id)
        if window is None:
            if chat_id < 0:
                window = SlidingWindow(self.limits.group_per_minute, 60.0)
            else:
                burst = self.limits.private_burst
                window = SlidingWindow(burst, burst / self.limits.private_per_second)
            self._chats[chat_id] = window
        return window

    def acquire(self, chat_id: int) -> int | None:
        """Record one message to ``chat_id``, or return the retry_after (>= 1 s) if over limit."""
        now = self._clock()
        chat_window = self._chat_window(chat_id)
        wait = max(self._global.wait_time(now), chat_window.wait_time(now))
        if wait > 0:
            return max(1, math.ceil(wait))
        self._global.record(now)
        chat_window.record(now)
        return None


class Faults:
    """Configurable failures of the sending methods, set through the control API.

    Injected 429/403/timeout answers come from a seeded random generator so a run is
    reproducible; ``enforce_limits`` switches on :class:`FloodControl`, with the overall rate
    ``global_per_second`` when given.
    """

    def __init__(self, limits: RateLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self._limits = limits
        self._clock = clock
        self.configure()

    def configure(
        self,
        rate_429: float = 0.0,
        retry_after: int = 1,
        rate_403: float = 0.0,
        enforce_limits: bool = False,
        seed: int | None = None,
        rate_timeout: float = 0.0,
        timeout_seconds: float = 1.0,
        global_per_second: int | None = None,
    ) -> None:
        """Replace the fault settings; the defaults switch every fault off."""
        rates = (rate_429, rate_403, rate_timeout)
        if not all(0.0 <= rate <= 1.0 for rate in rates):
            raise ValueError("rate_429, rate_403 and rate_timeout must be between 0 and 1")
        if sum(rates) > 1.0:
            raise ValueError("rate_429 + rate_403 + rate_timeout must not exceed 1")
        if int(retry_after) < 1:
            raise ValueError("retry_after must be at least 1 second")
        if not 0.0 <= timeout_seconds <= 60.0:
            raise ValueError("timeout_seconds must be between 0 and 60")
        if global_per_second is not None and global_per_second < 1:
            raise ValueError("global_per_second must be at least 1")
        self.rate_429 = float(rate_429)
        self.rate_403 = float(rate_403)
        self.rate_timeout = float(rate_timeout)
        self.timeout_seconds = float(timeout_seconds)
        self.retry_after = int(retry_after)
        self._random = random.Random(0 if seed is None else seed)
        limits = self._limits
        if global_per_second is not None:
            limits = replace(limits, global_per_second=global_per_second)
        self._flood = FloodControl(limits, self._clock) if enforce_limits else None

    def check(self, chat_id: int) -> None:
        """Raise the fault, if any, that answers the next sending call to ``chat_id``."""
        if self.rate_429 or self.rate_403 or self.rate_timeout:
            draw = self._random.random()
            fault = None
            if draw < self.rate_429:
                fault = too_many_requests(self.retry_after)
            elif draw < self.rate_429 + self.rate_403:
                fault = forbidden("bot was blocked by the user")
            elif draw < self.rate_429 + self.rate_403 + self.rate_timeout:
                fault = gateway_timeout(self.timeout_seconds)
            if fault is not None:
                fault.injected = True
                raise fault
        if self._flood is not None:
            retry_after = self._flood.acquire(chat_id)
            if retry_after is not None:
                raise too_many_requests(retry_after)
