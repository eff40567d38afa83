"""The wachtdienst when its doctors change: erasing a member with future shifts, roster imports
that book a doctor twice or change members' shifts, swaps with a shift in return, the
coordinator's assignments and calling in sick at the last moment."""

from bot.services import Wiring
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, due_work, replies


async def test_forgetting_a_member_with_future_shifts_warns_and_tells_the_coordinator(
    bot: Harness, wiring: Wiring
) -> None:
    [shifts] = replies(await bot.send(demo("lotte"), "/shifts"))
    planned = len(shifts.buttons) - 1  # a "Ruil" button per shift, and the calendar file
    [confirm] = replies(await bot.send(demo("lotte"), "/forget"))
    assert "toekomstige wachtdienst" in confirm.text and "coördinator" in confirm.text
    await bot.tap(demo("lotte"), confirm.button_data("Ja, wissen"), confirm)

    [notice] = [
        c for c in await due_work(bot, wiring.services) if c.params["chat_id"] == demo("coord").id
    ]
    assert "zonder arts" in notice.text.lower()
    assert notice.text.count("• ") >= planned

    [overview] = replies(await bot.send(demo("coord"), "/roster"))
    assert "zonder arts" in overview.text
    [tally] = replies(
        await bot.tap(demo("coord"), overview.button_data("Diensten per lid"), overview)
    )
    assert "Zonder arts" in tally.text
