"""The locum board through the Application: availability, browsing by role, closing."""

from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, replies


async def _offer_availability(bot: Harness) -> None:
    [overview] = replies(await bot.send(demo("tom"), "/locum"))
    await bot.tap(demo("tom"), overview.button_data("Offer my availability"), overview)
    for answer in ("1/12/2026", "24/12/2026", "Zuid", "-", "en, nl", "mornings only"):
        last = replies(await bot.send(demo("tom"), answer))
    assert "Published until" in last[-1].text and last[-1].buttons == ["Close"]


async def test_gps_browse_availabilities_and_locums_do_not_see_their_own_kind(
    bot: Harness,
) -> None:
    await _offer_availability(bot)
    [overview] = replies(await bot.send(demo("elise"), "/locum"))
    assert "Proposer ma disponibilité" not in overview.buttons  # only locums offer time
    [post] = replies(await bot.tap(demo("elise"), overview.button_data("Tableau"), overview))
    assert "Remplaçant disponible" in post.text and "mornings only" in post.text
    assert post.buttons == ["Intéressé(e)"]

    [overview] = replies(await bot.send(demo("lotte"), "/locum"))
    [empty] = replies(await bot.tap(demo("lotte"), overview.button_data("Prikbord"), overview))
    assert "niets" in empty.text


async def test_the_coordinator_can_remove_a_post(bot: Harness) -> None:
    await _offer_availability(bot)
    [overview] = replies(await bot.send(demo("coord"), "/locum"))
    [post] = replies(await bot.tap(demo("coord"), overview.button_data("Prikbord"), overview))
    [removed] = replies(await bot.tap(demo("coord"), post.button_data("Verwijderen"), post))
    assert removed.method == "editMessageText" and "gesloten" in removed.text
    [again] = replies(await bot.tap(demo("ann"), post.button_data("Verwijderen"), post))
    assert again.method == "answerCallbackQuery" and "niet meer open" in again.text


async def test_an_end_before_the_start_is_refused(bot: Harness) -> None:
    [overview] = replies(await bot.send(demo("ann"), "/locum"))
    await bot.tap(demo("ann"), overview.button_data("Vervanger zoeken"), overview)
    await bot.send(demo("ann"), "7/12/2026")
    [refused] = replies(await bot.send(demo("ann"), "1/12/2026"))
    assert "voor de eerste dag" in refused.text
    [next_question] = replies(await bot.send(demo("ann"), "12/12/2026"))
    assert "zone" in next_question.text
