from telegram import BotCommandScopeChat

from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, replies


async def test_a_member_switches_to_french(bot: Harness) -> None:
    [choice] = replies(await bot.send(demo("ann"), "/language"))
    assert choice.buttons == ["Nederlands", "Français", "English"]
    calls = await bot.tap(demo("ann"), choice.button_data("Français"), choice)
    [confirmation] = replies(calls)
    assert confirmation.method == "editMessageText" and "français" in confirmation.text.lower()
    [menu] = [call for call in calls if call.method == "setMyCommands"]
    assert menu.params["scope"] == BotCommandScopeChat(demo("ann").id).to_dict()
    assert any("paramètres" in c["description"] for c in menu.params["commands"])

    [help_reply] = replies(await bot.send(demo("ann"), "/help"))
    assert "Ce que vous pouvez faire" in help_reply.text


async def test_settings_lead_to_the_language_choice(bot: Harness) -> None:
    [settings] = replies(await bot.send(demo("tom"), "/settings"))
    assert "English" in settings.text
    [choice] = replies(await bot.tap(demo("tom"), settings.button_data("language"), settings))
    assert choice.method == "editMessageText"
    assert choice.buttons == ["Nederlands", "Français", "English"]


async def test_the_command_menu_is_published_per_language(bot: Harness) -> None:
    from bot.app import on_startup

    before = len(bot.request.calls)
    await on_startup(bot.app)
    published = [c for c in bot.request.calls[before:] if c.method == "setMyCommands"]
    languages = {c.params.get("language_code") for c in published if "scope" not in c.params}
    assert languages == {None, "nl", "fr", "en"}
    [for_coordinator] = [c for c in published if "scope" in c.params]
    assert "invite" in [c["command"] for c in for_coordinator.params["commands"]]


async def test_choosing_the_reminder_hours_keeps_the_whole_settings_menu(bot: Harness) -> None:
    [settings] = replies(await bot.send(demo("lotte"), "/settings"))
    calls = await bot.tap(demo("lotte"), settings.button_data("Herinnering"), settings)
    [choices] = [call for call in calls if call.method == "editMessageReplyMarkup"]
    [changed] = replies(await bot.tap(demo("lotte"), choices.button_data("2 uur"), choices))
    assert changed.method == "editMessageText" and "2 uur vooraf" in changed.text
    assert "Taal" in changed.text and "Stille uren" in changed.text
    assert changed.buttons[0] == settings.buttons[0]  # the language, then the other settings
    assert len(changed.buttons) == len(settings.buttons)
