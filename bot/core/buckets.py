"""Rate buckets: the limits every replica must share (the global send rate, the per-person
flood limit), behind one port with a local and a stored implementation.

A bucket is a GCRA (generic cell rate algorithm, the token bucket written as one number): it
keeps `next_slot`, the moment the bucket would be full again were nothing else asked of it.
An event at `at` may go at `max(at, next_slot - (burst - 1) * interval)`; if that is within
`max_wait` of `at` it is granted and `next_slot` moves on by one interval, otherwise it is
refused and nothing changes. A request may ask for `count` events at once (a sender reserving
a block of slots): they go one interval apart from that moment on, and `next_slot` moves on by
`count` intervals. One number per bucket, so the stored implementation is one atomic
statement (store/buckets.py) and every replica sees the same slots.

Times are seconds since the epoch (wall clock, `time.time`): the only clock replicas share.
On SQLite the bot runs as one process and the buckets stay in its memory (LocalBuckets); on
PostgreSQL they are rows (store.buckets.SqlBuckets), with the local buckets standing in while
the database cannot be reached (FallbackBuckets).
"""

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from bot.core.errors import StoreUnavailable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rate:
    """One event every `interval` seconds in the long run, `burst` of them at once; a request
    that would have to wait more than `max_wait` seconds is refused."""

    interval: float
    burst: int = 1
    max_wait: float = 0.0

    @classmethod
    def per_second(cls, events: float, max_wait: float = math.inf) -> "Rate":
        """Evenly spaced events (no burst); by default every request gets a slot, however far."""
        return cls(1.0 / events, 1, max_wait)

    @property
    def slack(self) -> float:
        """How far `next_slot` may lie ahead of a request that is still granted."""
        return (self.burst - 1) * self.interval + self.max_wait


@dataclass(frozen=True)
class Grant:
    """The answer to one request: `wait` seconds from the request until its slot (granted), or
    until a request would be granted again (refused). `refusals` counts the refusals in a row,
    this one included (0 when granted): the first one is worth telling the person about."""

    granted: bool
    wait: float
    refusals: int = 0

    @classmethod
    def from_bucket(
        cls, rate: Rate, at: float, next_slot: float, refusals: int, count: int = 1
    ) -> "Grant":
        """The grant a bucket's new state stands for: `next_slot` and `refusals` as stored after
        the request (what the stored implementation's statement returns); `wait` is until the
        first of the `count` events."""
        if refusals:
            return cls(False, max(0.0, next_slot - rate.slack - at), refusals)
        return cls(True, max(0.0, next_slot - (rate.burst + count - 1) * rate.interval - at))


@dataclass(frozen=True)
class BucketAsk:
    """One event from bucket `name` at `at` (seconds since the epoch), asked together with other
    questions in one statement (bot.core.updates)."""

    name: str
    rate: Rate
    at: float

    def grant(self, next_slot: float, refusals: int) -> Grant:
        """The answer, from the bucket's state after the request (Grant.from_bucket)."""
        return Grant.from_bucket(self.rate, self.at, next_slot, refusals)

    def grants(self, count: int, next_slot: float, refusals: int) -> list[Grant]:
        """The answers to `count` such events asked one after the other, from the bucket's
        state after them all (a statement that takes them in one step: store.buckets). The
        bucket does not refill between them, so they are granted up to the first refusal and
        refused from there on, each refusal counting on from the one before."""
        granted = count - refusals if refusals < count else 0
        interval = self.rate.interval
        return [
            Grant.from_bucket(self.rate, self.at, next_slot - (granted - 1 - i) * interval, 0)
            if i < granted
            else Grant.from_bucket(self.rate, self.at, next_slot, refusals - (count - 1 - i))
            for i in range(count)
        ]


class Buckets(Protocol):
    @property
    def shared(self) -> bool:
        """Other processes take from these buckets too."""
        ...

    async def acquire(self, name: str, rate: Rate, at: float, count: int = 1) -> Grant:
        """Ask bucket `name` for `count` events from `at` (seconds since the epoch) on."""
        ...

    async def forget_idle(self, before: float) -> None:
        """Drop buckets that are full again by `before`: an absent bucket is a full one."""
        ...


def next_state(
    interval: float, slack: float, at: float, next_slot: float, refusals: int, count: int = 1
) -> tuple[float, int]:
    """The GCRA step, as the stored statement does it: the bucket's state after a request."""
    if next_slot <= at + slack:
        return max(next_slot, at) + count * interval, 0
    return next_slot, refusals + 1


@dataclass
class LocalBuckets:
    """Buckets in this process's memory: the limits of a bot that runs as one process."""

    _state: dict[str, tuple[float, int]] = field(default_factory=dict)
    shared = False

    async def acquire(self, name: str, rate: Rate, at: float, count: int = 1) -> Grant:
        next_slot, refusals = self._state.get(name, (-math.inf, 0))
        self._state[name] = next_state(rate.interval, rate.slack, at, next_slot, refusals, count)
        return Grant.from_bucket(rate, at, *self._state[name], count)

    async def forget_idle(self, before: float) -> None:
        self._state = {n: s for n, s in self._state.items() if s[0] > before}


@dataclass
class FallbackBuckets:
    """The shared buckets, or this process's own while the database cannot be reached: a
    database outage must not stop the sender holding claimed rows (it has at most a couple of
    seconds' worth: bot.sender.SendLimits.claim_size), nor answer every update with an error
    before the gate even looks at it. After a failure the database is left alone for
    `retry_after` seconds, so an outage costs one failed attempt, not one per message."""

    database: Buckets
    local: Buckets = field(default_factory=LocalBuckets)
    retry_after: float = 5.0
    clock: Callable[[], float] = time.monotonic
    _down_until: float = -math.inf
    shared = True

    async def acquire(self, name: str, rate: Rate, at: float, count: int = 1) -> Grant:
        if self.clock() >= self._down_until:
            try:
                return await self.database.acquire(name, rate, at, count)
            except StoreUnavailable:
                log.warning("database unreachable: rate limits kept by this process for now")
                self._down_until = self.clock() + self.retry_after
        return await self.local.acquire(name, rate, at, count)

    async def forget_idle(self, before: float) -> None:
        await self.local.forget_idle(before)
        await self.database.forget_idle(before)
