"""`/healthz`: can the bot reach its database, and is the sender still ticking?"""

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

PING_TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True)
class HealthReport:
    database: bool
    sender: bool

    @property
    def healthy(self) -> bool:
        return self.database and self.sender

    def as_json(self) -> dict[str, str]:
        return {
            "database": "ok" if self.database else "unreachable",
            "sender": "ok" if self.sender else "stalled",
        }


class Health:
    """The sender counts as alive while its tick ran within three intervals (at least 30 s: a
    tick that sends a large broadcast takes a while); before its first tick, since start-up."""

    def __init__(
        self,
        ping_database: Callable[[], Awaitable[None]],
        last_tick: Callable[[], float | None],
        tick_interval: float,
    ) -> None:
        self._ping = ping_database
        self._last_tick = last_tick
        self._patience = max(3 * tick_interval, 30.0)
        self._started = time.monotonic()

    async def check(self) -> HealthReport:
        try:
            await asyncio.wait_for(self._ping(), PING_TIMEOUT_SECONDS)
            database = True
        except Exception:  # any failure to answer SELECT 1 in time is "unreachable"
            database = False
        last = self._last_tick()
        last = self._started if last is None else last
        return HealthReport(database, time.monotonic() - last <= self._patience)
