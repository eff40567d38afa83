"""A per-person limit on incoming updates: someone (or something) sending faster than a person
can type is told once to slow down, and what follows is ignored until they do. It protects the
database and the other members' response times. The limit is a rate bucket per person
(bot.core.buckets): shared by every replica on PostgreSQL, so a balancer spreading one person's
updates over three replicas does not triple it."""

import time
from collections.abc import Callable
from enum import Enum

from bot.core.buckets import BucketAsk, Buckets, Grant, Rate


class Flow(Enum):
    OK = "ok"
    SLOW_DOWN = "slow_down"  # the first update over the limit: tell the person
    IGNORE = "ignore"  # the next ones, until the bucket has room again


class FloodGuard:
    def __init__(
        self,
        limit: int,
        buckets: Buckets,
        window_seconds: float = 60.0,
        now: Callable[[], float] = time.time,
    ) -> None:
        """`limit` updates at once, refilled over `window_seconds`; 0 switches the guard off
        (scripted chats, where one person types fast)."""
        self.limit = limit
        self.buckets = buckets
        self._rate = Rate(window_seconds / limit, limit) if limit > 0 else None
        self._now = now

    async def check(self, person_id: int) -> Flow:
        ask = self.ask(person_id)
        if ask is None:
            return Flow.OK
        return self.flow(await self.buckets.acquire(ask.name, ask.rate, ask.at))

    def ask(self, person_id: int) -> BucketAsk | None:
        """What `check` asks of the buckets (None: the guard is off), for a caller that asks it
        together with other questions (bot.core.updates: one statement per update)."""
        if self._rate is None:
            return None
        return BucketAsk(f"flood:{person_id}", self._rate, self._now())

    @staticmethod
    def flow(grant: Grant) -> Flow:
        if grant.granted:
            return Flow.OK
        return Flow.SLOW_DOWN if grant.refusals == 1 else Flow.IGNORE
