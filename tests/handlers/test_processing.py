"""Updates of different members are handled side by side; one member's stay in order."""

import asyncio
from collections.abc import Callable

import pytest

from bot.core.models import Member, Shift
from bot.services import Wiring
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness

ANN, BART = demo("ann"), demo("bart")


async def _until(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(10):  # a guard against hanging, not a measure of speed
        while not condition():  # noqa: ASYNC110
            await asyncio.sleep(0.01)


async def test_a_slow_request_holds_up_only_its_own_member(
    bot: Harness, wiring: Wiring, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = asyncio.Event(), asyncio.Event()
    upcoming = wiring.services.roster.upcoming

    async def slow(member: Member) -> list[Shift]:  # a long import, export or PDF
        started.set()
        await release.wait()
        return await upcoming(member)

    monkeypatch.setattr(wiring.services.roster, "upcoming", slow)

    def texts_to(person_id: int) -> list[str]:
        calls = bot.request.calls
        return [
            c.text for c in calls if c.method == "sendMessage" and c.params["chat_id"] == person_id
        ]

    await bot.app.start()
    try:
        bot.enqueue(ANN, "/shifts")
        bot.enqueue(ANN, "/help")
        bot.enqueue(BART, "/help")
        await started.wait()
        await _until(lambda: bool(texts_to(BART.id)))  # Bart is answered while Ann's is held
        assert texts_to(ANN.id) == []  # Ann's /help waits for her /shifts
        release.set()
        await bot.app.update_queue.join()
    finally:
        release.set()  # so that stopping never waits on a held update
        await bot.app.stop()
    shifts, help_ = texts_to(ANN.id)
    assert "wachtdiensten" in shifts.lower() and "/settings" in help_
