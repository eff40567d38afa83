"""A per-person limit on incoming updates: someone (or something) sending faster than a person
can type is told once to slow down, and what follows is ignored until they do. It protects the
database and the other members' response times; it is per process, which is enough for that."""

import time
from collections import deque
from collections.abc import Callable
from enum import Enum


class Flow(Enum):
    OK = "ok"
    SLOW_DOWN = "slow_down"  # the first update over the limit: tell the person
    IGNORE = "ignore"  # the next ones, until the window has room again


class FloodGuard:
    def __init__(
        self,
        limit: int,
        window_seconds: float = 60.0,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        """`limit` 0 switches the guard off (scripted chats, where one person types fast)."""
        self.limit = limit
        self.window = window_seconds
        self._now = now
        self._recent: dict[int, deque[float]] = {}
        self._warned: set[int] = set()

    def check(self, person_id: int) -> Flow:
        if self.limit <= 0:
            return Flow.OK
        now = self._now()
        recent = self._recent.setdefault(person_id, deque())
        while recent and recent[0] <= now - self.window:
            recent.popleft()
        if len(recent) < self.limit:
            recent.append(now)
            self._warned.discard(person_id)
            self._forget_idle(now)
            return Flow.OK
        if person_id in self._warned:
            return Flow.IGNORE
        self._warned.add(person_id)
        return Flow.SLOW_DOWN

    def _forget_idle(self, now: float) -> None:
        """Keep memory bounded: drop people who sent nothing within the window."""
        if len(self._recent) > 10_000:
            for person_id in [
                p for p, times in self._recent.items() if times[-1] <= now - self.window
            ]:
                del self._recent[person_id]
