"""The coordinator manages members in the chat: suspend, reactivate, change role or zone,
remove; found in a searchable list on the large kring, and the command menu follows at once."""

import pytest
from telegram import BotCommandScopeChat

from tests.handlers.conftest import demo
from tests.handlers.harness import Call, Harness, replies

pytestmark = pytest.mark.parametrize("kring_size", ["large"])
BART = demo("bart")


async def _card(bot: Harness, name: str = "bart") -> Call:
    """/members, "Lid beheren", type part of the name, tap it: the member's card."""
    *_, listed = replies(await bot.send(demo("coord"), "/members"))
    [members] = replies(await bot.tap(demo("coord"), listed.button_data("Lid beheren"), listed))
    assert "Pagina 1 van" in members.text  # the large kring is paged
    [found] = replies(await bot.send(demo("coord"), name))
    [card] = replies(await bot.tap(demo("coord"), found.button_data(name), found))
    return card


def _menu_calls(calls: list[Call], person_id: int) -> list[Call]:
    scope = BotCommandScopeChat(person_id).to_dict()
    return [c for c in calls if c.method.endswith("MyCommands") and c.params["scope"] == scope]


async def test_a_member_is_suspended_and_reactivated(bot: Harness) -> None:
    card = await _card(bot)
    assert "Bart" in card.text and "Status: actief" in card.text
    calls = await bot.tap(demo("coord"), card.button_data("Schorsen"), card)
    [suspended] = replies(calls)
    assert "geschorst" in suspended.text and "Heractiveren" in suspended.buttons
    assert [c.method for c in _menu_calls(calls, BART.id)] == ["deleteMyCommands"]
    [refused] = replies(await bot.send(BART, "/shifts"))
    assert "geschorst" in refused.text

    calls = await bot.tap(demo("coord"), suspended.button_data("Heractiveren"), suspended)
    [active] = replies(calls)
    assert "opnieuw actief" in active.text and "Schorsen" in active.buttons
    assert [c.method for c in _menu_calls(calls, BART.id)] == ["setMyCommands"]
    [shifts] = replies(await bot.send(BART, "/shifts"))
    assert "geschorst" not in shifts.text


async def test_the_role_and_the_zone_are_changed(bot: Harness) -> None:
    card = await _card(bot)
    [roles] = replies(await bot.tap(demo("coord"), card.button_data("Rol wijzigen"), card))
    assert "huisarts" not in roles.buttons  # his role now
    calls = await bot.tap(demo("coord"), roles.button_data("coördinator"), roles)
    [changed] = replies(calls)
    assert "nu coördinator" in changed.text
    [menu] = _menu_calls(calls, BART.id)
    assert "broadcast" in [command["command"] for command in menu.params["commands"]]

    [zones] = replies(await bot.tap(demo("coord"), changed.button_data("Zone wijzigen"), changed))
    assert "Oost" in zones.buttons and "Geen zone" in zones.buttons
    [moved] = replies(await bot.tap(demo("coord"), zones.button_data("Oost"), zones))
    assert "Zone: Oost" in moved.text


async def test_a_member_is_removed_after_a_confirmation(bot: Harness) -> None:
    card = await _card(bot)
    [confirm] = replies(await bot.tap(demo("coord"), card.button_data("verwijderen"), card))
    assert "niet ongedaan" in confirm.text
    calls = await bot.tap(demo("coord"), confirm.button_data("Ja, verwijderen"), confirm)
    [removed] = replies(calls)
    assert "geen lid meer" in removed.text
    assert [c.method for c in _menu_calls(calls, BART.id)] == ["deleteMyCommands"]
    [stranger] = replies(await bot.send(BART, "/help"))
    assert "nog geen lid" in stranger.text


async def test_nobody_else_manages_and_the_coordinator_not_herself(bot: Harness) -> None:
    card = await _card(bot)
    [refused] = replies(await bot.tap(demo("ann"), card.button_data("Schorsen")))
    assert "Enkel de coördinator" in refused.text
    await bot.tap(demo("coord"), "mbman")
    [herself] = replies(await bot.send(demo("coord"), "Karin Peeters"))
    assert "Geen naam bevat" in herself.text and not herself.buttons
    [still] = replies(await bot.send(demo("coord"), "/help"))
    assert "/broadcast" in still.text
