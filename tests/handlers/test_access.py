"""Strangers, members and the coordinator each get what their role allows, and nothing else."""

import re

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import BotCommandScopeChat

from bot.app import on_startup
from handlers import ACCESS
from handlers.audience import Audience
from handlers.conversation import CANCEL_COMMAND
from store.tables import InviteRow, MemberRow
from tests.handlers.conftest import STRANGER, demo
from tests.handlers.harness import Harness, replies


async def _counts(engine: AsyncEngine) -> tuple[int, int]:
    async with engine.connect() as connection:
        members = await connection.scalar(select(func.count()).select_from(MemberRow))
        invites = await connection.scalar(select(func.count()).select_from(InviteRow))
    return members or 0, invites or 0


async def test_a_stranger_is_told_how_to_join(bot: Harness) -> None:
    [reply] = replies(await bot.send(STRANGER, "/help"))
    assert "Huisartsenkring Demo" in reply.text
    assert "coord@kring.example" in reply.text
    assert reply.buttons == ["Lidmaatschap aanvragen"]


async def test_member_features_refuse_strangers_and_change_nothing(
    bot: Harness, engine: AsyncEngine
) -> None:
    before = await _counts(engine)
    for text in ["/shifts", "/settings", "/invite gp", "/members", "hoeveel kost een LOK?"]:
        [reply] = replies(await bot.send(STRANGER, text))
        assert "nog geen lid" in reply.text, text
        assert reply.buttons == ["Lidmaatschap aanvragen"]
    assert await _counts(engine) == before


async def test_help_is_role_aware(bot: Harness) -> None:
    [for_gp] = replies(await bot.send(demo("ann"), "/help"))
    [for_coordinator] = replies(await bot.send(demo("coord"), "/help"))
    assert "/settings" in for_gp.text and "/invite" not in for_gp.text
    assert "/invite" in for_coordinator.text and "/members" in for_coordinator.text


async def test_the_coordinators_help_lists_every_command_the_coordinator_may_use(
    bot: Harness,
) -> None:
    [for_coordinator] = replies(await bot.send(demo("coord"), "/help"))
    listed = set(re.findall(r"^/(\w+) ", for_coordinator.text, re.MULTILINE))
    allowed = {
        command.name
        for command in ACCESS.commands
        if command.audience is not Audience.ANYONE and command is not CANCEL_COMMAND
    }
    assert {"broadcast", "stats"} <= listed
    assert listed == allowed | {"help"}


async def test_help_and_the_menu_list_the_same_commands(bot: Harness) -> None:
    [for_coordinator] = replies(await bot.send(demo("coord"), "/help"))
    await on_startup(bot.app)
    [published] = [
        call
        for call in bot.request.calls
        if call.method == "setMyCommands"
        and call.params.get("scope") == BotCommandScopeChat(demo("coord").id).to_dict()
    ]
    in_menu = [command["command"] for command in published.params["commands"]]
    assert in_menu == re.findall(r"^/(\w+) ", for_coordinator.text, re.MULTILINE)


async def test_help_speaks_the_members_language(bot: Harness) -> None:
    [french] = replies(await bot.send(demo("elise"), "/help"))
    [english] = replies(await bot.send(demo("tom"), "/help"))
    assert "Ce que vous pouvez faire" in french.text
    assert "What you can do" in english.text


async def test_coordinator_commands_refuse_other_members(bot: Harness, engine: AsyncEngine) -> None:
    before = await _counts(engine)
    for text in ["/invite gp", "/uitnodigen gp", "/members", "/leden"]:
        [reply] = replies(await bot.send(demo("ann"), text))
        assert "coördinator" in reply.text, text
    assert await _counts(engine) == before


async def test_the_gate_reads_commands_as_telegram_marks_them(
    bot: Harness, engine: AsyncEngine
) -> None:
    """Telegram ends a command entity at the first character that cannot be in a command, and
    PTB runs `/events.` as `/events`: the gate must refuse it the same way."""
    before = await _counts(engine)
    texts = ["/events.", "/roster.", "/export.", "/broadcast.", "/members,", "/stats!"]
    texts += ["/events@kringbot_test_bot", "/invite@kringbot_test_bot gp", "/approvals?x"]
    for text in texts:
        [reply] = replies(await bot.send(demo("ann"), text))
        assert "coördinator" in reply.text, text
    assert await _counts(engine) == before
    [coordinator] = replies(await bot.send(demo("coord"), "/members."))
    assert "6 leden" in coordinator.text


async def test_a_forged_approval_button_is_refused(bot: Harness, engine: AsyncEngine) -> None:
    before = await _counts(engine)
    calls = await bot.tap(demo("ann"), "joindec:1:approve:gp")
    [alert] = replies(calls)
    assert alert.method == "answerCallbackQuery" and alert.params.get("show_alert") is True
    assert await _counts(engine) == before


async def test_unknown_buttons_are_refused_and_answered(bot: Harness) -> None:
    calls = await bot.tap(demo("ann"), "nosuchthing:1")
    assert [call.method for call in calls] == ["answerCallbackQuery"]


async def test_members_get_an_answer_to_unknown_commands(bot: Harness) -> None:
    [reply] = replies(await bot.send(demo("ann"), "/doesnotexist"))
    assert "/help" in reply.text


async def test_the_coordinator_sees_the_member_list(bot: Harness) -> None:
    [reply] = replies(await bot.send(demo("coord"), "/members"))
    assert "6 leden" in reply.text
    assert "Élise Dubois" in reply.text and "vervangarts" in reply.text


async def test_group_chats_are_ignored(bot: Harness) -> None:
    from telegram import Update

    payload = {
        "update_id": 999,
        "message": {
            "message_id": 1,
            "date": 1,
            "chat": {"id": -100, "type": "group"},
            "from": demo("ann").as_user(),
            "text": "/help",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }
    before = len(bot.request.calls)
    await bot.app.process_update(Update.de_json(payload, bot.app.bot))
    assert bot.request.calls[before:] == []


async def test_an_update_delivered_twice_is_handled_once(bot: Harness) -> None:
    from telegram import Update

    payload = {
        "update_id": 424242,
        "message": {
            "message_id": 7,
            "date": 1,
            "chat": {"id": demo("ann").id, "type": "private"},
            "from": demo("ann").as_user(),
            "text": "/help",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }
    before = len(bot.request.calls)
    for _ in range(2):
        await bot.app.process_update(Update.de_json(payload, bot.app.bot))
    assert [c.method for c in bot.request.calls[before:]] == ["sendMessage"]
