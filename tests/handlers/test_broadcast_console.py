"""/broadcast offers the console's announcements page as a Mini App button, when the console
is reachable over https (as the menu button: tests/handlers/test_console_menu.py)."""

import pytest

from bot.config import Settings
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, replies


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"public_url": "https://kring.example"})


async def test_broadcast_opens_the_announcements_page_in_the_console(bot: Harness) -> None:
    [ask] = replies(await bot.send(demo("coord"), "/broadcast"))
    [[button]] = ask.params["reply_markup"]["inline_keyboard"]
    assert button["text"] == "Opstellen in de console"
    assert button["web_app"] == {"url": "https://kring.example/app/?page=announcements"}
    # The chat flow goes on as before: the text typed next is previewed.
    [preview] = replies(await bot.send(demo("coord"), "Vergadering dinsdag"))
    assert "Vergadering dinsdag" in preview.text
