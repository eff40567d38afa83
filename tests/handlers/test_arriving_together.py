"""Updates that arrive together (one getUpdates answer) are asked about together: on PostgreSQL
one round trip for all of them (bot.core.updates.UpdateLog.expect). Whatever one of them changes
is seen by the next of the same chat, a duplicate among them is handled once, and the flood
limit counts each of them."""

from collections.abc import Callable

import pytest

from bot.config import Settings
from tests.handlers.conftest import demo
from tests.handlers.harness import Call, Harness, replies

ANN, LOTTE = demo("ann"), demo("lotte")


async def _together(bot: Harness, enqueue: Callable[[], object]) -> list[Call]:
    """What the bot answered to the updates `enqueue` puts on its queue at once."""
    before = len(bot.request.calls)
    await bot.app.start()
    try:
        enqueue()
        await bot.app.update_queue.join()
    finally:
        await bot.app.stop()
    return replies(bot.request.calls[before:])


async def test_a_burst_is_answered_message_by_message_in_order(bot: Harness) -> None:
    def burst() -> None:
        for text in ("/help", "/shifts", "/help"):
            bot.enqueue(ANN, text)

    first, shifts, second = await _together(bot, burst)

    assert "/settings" in first.text and "/settings" in second.text
    assert "wachtdiensten" in shifts.text.lower()


async def test_an_update_delivered_twice_among_others_is_answered_once(bot: Harness) -> None:
    def with_a_duplicate() -> None:
        twice = bot.enqueue(ANN, "/help")
        bot.enqueue(LOTTE, "/help")
        bot.enqueue(ANN, "/help", update_id=twice)

    answered = await _together(bot, with_a_duplicate)

    assert sorted(call.params["chat_id"] for call in answered) == sorted([ANN.id, LOTTE.id])


async def test_a_message_sees_what_the_one_before_it_changed(bot: Harness) -> None:
    """The flow the first answer moves on is read again for the next: it was read for all of
    them before the first was handled."""
    [question] = replies(await bot.send(LOTTE, "/fee"))
    await bot.tap(LOTTE, question.button_data("Meer dan 6 maanden"), question)

    def answers() -> None:
        for text in ("16", "4.000", "2500"):
            bot.enqueue(LOTTE, text)

    ask_income, ask_free, result = await _together(bot, answers)

    assert "bruto-inkomen" in ask_income.text
    assert "2 boekjes voor uw uren" in ask_free.text
    assert "€\u00a0375,00 voor deze maand" in result.text


class TestFloodLimit:
    @pytest.fixture
    def settings(self, settings: Settings) -> Settings:
        return settings.model_copy(update={"flood_limit_per_minute": 5})

    async def test_counts_every_update_of_a_burst_and_goes_on_counting_after_it(
        self, bot: Harness
    ) -> None:
        def flood() -> None:
            for _ in range(8):
                bot.enqueue(ANN, "/help")
            bot.enqueue(LOTTE, "/help")

        answered = await _together(bot, flood)
        after = replies(await bot.send(ANN, "/help"))

        to_ann = [call.text for call in answered if call.params["chat_id"] == ANN.id]
        assert len(to_ann) == 6 and all("/settings" in text for text in to_ann[:5])
        assert "sneller" in to_ann[5]
        assert [call.params["chat_id"] for call in answered].count(LOTTE.id) == 1
        assert after == []  # still over the limit: ignored
