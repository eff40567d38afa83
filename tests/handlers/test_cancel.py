"""/cancel, /annuleren and /annuler: each stops a flow in any language; outside a flow the
member hears there is nothing to cancel."""

from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, replies


async def test_every_cancel_word_stops_a_flow_in_every_language(bot: Harness) -> None:
    for word in ("/annuleren", "/cancel", "/annuler"):
        await bot.send(demo("coord"), "/broadcast")
        [stopped] = replies(await bot.send(demo("coord"), word))
        assert "niet verzonden" in stopped.text, word


async def test_cancel_outside_a_flow_says_there_is_nothing_to_cancel(bot: Harness) -> None:
    [dutch] = replies(await bot.send(demo("ann"), "/annuleren"))
    [french] = replies(await bot.send(demo("elise"), "/cancel"))
    assert "niets om te annuleren" in dutch.text
    assert "rien à annuler" in french.text
