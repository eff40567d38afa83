"""With the console reachable over https, /shifts and /roster end with a button that opens it
(a Telegram Mini App) on the matching page; without it (the demo on this machine) they do not."""

from typing import Any

from tests.handlers.conftest import demo
from tests.handlers.harness import Call, Harness, replies
from tests.handlers.test_console_menu import settings  # noqa: F401  (https PUBLIC_URL)


def _web_apps(call: Call) -> list[dict[str, Any]]:
    markup = call.params.get("reply_markup") or {}
    return [
        {"text": button["text"], **button["web_app"]}
        for row in markup.get("inline_keyboard", [])
        for button in row
        if "web_app" in button
    ]


async def test_shifts_and_roster_open_the_console_on_their_page(bot: Harness) -> None:
    [shifts] = replies(await bot.send(demo("ann"), "/shifts"))
    assert _web_apps(shifts) == [
        {"text": "Mijn diensten in de console", "url": "https://kring.example/app/"}
    ]
    assert shifts.buttons[0] == "Ruil 1"  # the chat's own buttons stay
    [roster] = replies(await bot.send(demo("coord"), "/roster"))
    assert _web_apps(roster) == [
        {"text": "Roosterraster in de console", "url": "https://kring.example/app/?page=roster"}
    ]
