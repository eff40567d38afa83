"""The database going away: members get a clear message, nothing half-done, and the bot works
again as soon as the database is back (no restart)."""

import logging
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, replies


class Outage:
    """Every statement fails, as with a database that is restarting, until `over()`."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine, self.down = engine, True
        event.listen(engine.sync_engine, "before_cursor_execute", self._refuse)

    def _refuse(self, *_: Any) -> None:
        if self.down:
            raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))

    def over(self) -> None:
        self.down = False


async def test_a_member_is_told_and_the_bot_recovers(
    bot: Harness, engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    outage = Outage(engine)
    with caplog.at_level(logging.ERROR):
        [told] = replies(await bot.send(demo("ann"), "/shifts"))
        [alert] = replies(await bot.tap(demo("bart"), "swtake:1"))
    assert "niet bereikbaar" in told.text and "niets gewijzigd" in told.text
    assert alert.params.get("show_alert") is True and "niet bereikbaar" in alert.text
    assert "Traceback" not in told.text and caplog.records == []  # expected, not a crash
    outage.over()
    [shifts] = replies(await bot.send(demo("ann"), "/shifts"))
    assert "Uw wachtdiensten" in shifts.text
