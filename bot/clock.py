"""Clocks. Core and handlers read time only through an injected Clock (see bot.core.ports)."""

from datetime import UTC, datetime, timedelta


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class SettableClock:
    """A clock that stands still until moved: for tests and `kringbot chat --start`."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("SettableClock needs a timezone-aware start")
        self._now = start

    def now(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("SettableClock needs a timezone-aware moment")
        self._now = moment

    def advance(self, delta: timedelta) -> None:
        self._now += delta
