"""With the console reachable over https (PUBLIC_URL), each active member's menu button opens
it, and follows the member like the command menu does."""

from pathlib import Path

import pytest

from bot.config import Settings
from bot.core.models import Member, Role
from handlers.membership import menu
from tests.conftest import database_url
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, replies


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=database_url(tmp_path),
        public_url="https://kring.example",
        flood_limit_per_minute=0,
        semantic_search=False,
    )


async def test_members_open_the_console_from_their_menu_button(bot: Harness) -> None:
    ann = demo("ann")
    [choice] = replies(await bot.send(ann, "/language"))
    calls = await bot.tap(ann, choice.button_data("Français"), on=choice)
    [button] = [call for call in calls if call.method == "setChatMenuButton"]
    assert button.params["chat_id"] == ann.id
    assert button.params["menu_button"] == {
        "type": "web_app",
        "text": "Console",
        "web_app": {"url": "https://kring.example/app/"},
    }
    before = len(bot.request.calls)
    await menu.publish_for_member(bot.app.bot, Member(id=9, telegram_id=4242, role=Role.GP))
    [reset] = [c for c in bot.request.calls[before:] if c.method == "setChatMenuButton"]
    assert reset.params["menu_button"] == {"type": "default"}  # not active: no console
