"""/events offers the console's events page (a `web_app` button) when the console is served over
https, and only then, like the members' menu button."""

from pathlib import Path

import pytest

from bot.config import Settings
from tests.conftest import database_url
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, replies


@pytest.fixture
def settings(tmp_path: Path, request: pytest.FixtureRequest) -> Settings:
    """The public address the test names (an empty one: no console)."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=database_url(tmp_path),
        public_url=request.param,
        flood_limit_per_minute=0,
        semantic_search=False,
    )


@pytest.mark.parametrize(
    ("settings", "opens"),
    [
        ("https://kring.example", [{"url": "https://kring.example/app/?page=events"}]),
        ("", []),  # no console here: Telegram opens Mini Apps over https only
    ],
    indirect=["settings"],
)
async def test_events_opens_the_consoles_events_page_when_there_is_one(
    bot: Harness, opens: list[dict[str, str]]
) -> None:
    [overview] = replies(await bot.send(demo("coord"), "/events"))
    keyboard = overview.params["reply_markup"]["inline_keyboard"]
    web_apps = [button["web_app"] for row in keyboard for button in row if "web_app" in button]
    assert web_apps == opens
    assert "Nieuwe activiteit" in overview.buttons  # the chat's own buttons stay
