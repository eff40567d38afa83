"""A member (or a script) sending too fast is told once to slow down; the rest is ignored."""

import pytest

from bot.config import Settings
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, replies


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The suite switches the limit off; here it is 5 updates a minute."""
    return settings.model_copy(update={"flood_limit_per_minute": 5})


async def test_a_flood_gets_one_polite_reply_and_nothing_else(bot: Harness) -> None:
    answered = [replies(await bot.send(demo("bart"), "/help")) for _ in range(5)]
    assert all(len(reply) == 1 for reply in answered)
    [slow_down] = replies(await bot.send(demo("bart"), "/help"))
    assert "sneller" in slow_down.text
    for _ in range(10):
        assert replies(await bot.send(demo("bart"), "/help")) == []
    calls = await bot.tap(demo("bart"), "lang")
    assert [call.method for call in calls] == ["answerCallbackQuery"]  # answered, not handled
    [other] = replies(await bot.send(demo("ann"), "/help"))  # others are not slowed down
    assert "Wat u kan doen" in other.text
