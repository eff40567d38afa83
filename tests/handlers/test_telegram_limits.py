"""The bot stays within Telegram's limits where it is easy to trip over them. The harness refuses
what Telegram refuses (a test that causes a refusal fails), so these tests show the bot's side:
what the member sees instead, and that the call Telegram would refuse is never made."""

import logging
from typing import Any

import pytest
from telegram import BotCommandScopeChat
from telegram.error import BadRequest

from bot.app import on_startup
from bot.core.models import Member, MemberStatus, Role
from handlers import replies as replies_module
from handlers.membership import menu
from handlers.shifts import texts as shift_texts
from tests.handlers.conftest import STRANGER, demo
from tests.handlers.harness import Harness, replies
from tests.handlers.test_onboarding import _invite_code


async def test_tapping_the_choice_already_shown_changes_nothing(bot: Harness) -> None:
    [settings] = replies(await bot.send(demo("tom"), "/settings"))
    [choice] = replies(await bot.tap(demo("tom"), settings.button_data("language"), settings))
    assert choice.buttons == ["Nederlands", "Français", "English"]
    # The message now shows the languages; tapping its old button again would show them again.
    calls = await bot.tap(demo("tom"), settings.button_data("language"), settings)
    assert [call.method for call in calls] == ["answerCallbackQuery"]


async def test_a_failure_after_the_answer_is_told_in_a_message(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any) -> str:
        raise RuntimeError("a bug after the button was answered")

    monkeypatch.setattr(shift_texts, "reminder_setting", broken)
    calls = await bot.tap(demo("lotte"), "remind:2")
    [answer] = [call for call in calls if call.method == "answerCallbackQuery"]  # only once
    assert not answer.params.get("text")
    [apology] = replies(calls)
    assert apology.method == "sendMessage" and "referentie" in apology.text


async def test_a_long_explanation_for_a_button_comes_as_a_message(bot: Harness) -> None:
    calls = await bot.tap(STRANGER, "swok:1")
    [answer] = [call for call in calls if call.method == "answerCallbackQuery"]
    assert not answer.params.get("text")
    [explanation] = replies(calls)
    assert len(explanation.text) > replies_module.ANSWER_LIMIT and "geen lid" in explanation.text
    assert explanation.buttons  # asking to join is one tap away


async def test_a_member_who_joins_as_coordinator_gets_the_menu_at_once(bot: Harness) -> None:
    code = await _invite_code(bot, "/invite coordinator")
    await bot.send(STRANGER, f"/start {code}")
    await bot.send(STRANGER, "Jan Vermeulen")
    calls = await bot.send(STRANGER, "1-48976-16-004")
    [published] = [call for call in calls if call.method == "setMyCommands"]
    assert published.params["scope"] == BotCommandScopeChat(STRANGER.id).to_dict()
    assert "broadcast" in [command["command"] for command in published.params["commands"]]


async def test_a_member_who_is_not_active_falls_back_to_the_common_menu(bot: Harness) -> None:
    suspended = Member(id=9, telegram_id=4242, role=Role.COORDINATOR, status=MemberStatus.SUSPENDED)
    before = len(bot.request.calls)
    await menu.publish_for_member(bot.app.bot, suspended)
    [call] = bot.request.calls[before:]
    assert call.method == "deleteMyCommands"
    assert call.params["scope"] == BotCommandScopeChat(4242).to_dict()


async def test_a_refused_menu_does_not_stop_the_bot(
    bot: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def refuse(*args: Any, **kwargs: Any) -> bool:
        raise BadRequest("Bad Request: BOT_COMMAND_INVALID")

    monkeypatch.setattr(type(bot.app.bot), "set_my_commands", refuse)
    with caplog.at_level(logging.WARNING):
        await on_startup(bot.app)
    refused = [record for record in caplog.records if "refused" in record.getMessage()]
    assert len(refused) == 5  # the default menu, three languages, the coordinator's
    [reply] = replies(await bot.send(demo("ann"), "/help"))
    assert "/settings" in reply.text
