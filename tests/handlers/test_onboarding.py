"""Joining the kring: with an invite from the coordinator, or by asking to join."""

import re

from telegram import BotCommandScopeChat

from bot.services import Wiring
from tests.handlers.conftest import FRENCH_STRANGER, ON_BOTH_KRINGS, STRANGER, demo
from tests.handlers.harness import Harness, outbox_sender, replies


async def _invite_code(bot: Harness, command: str = "/invite gp Noord") -> str:
    [reply] = replies(await bot.send(demo("coord"), command))
    match = re.search(r"https://t\.me/kringbot_test_bot\?start=([\w-]+)", reply.text)
    assert match, reply.text
    return match[1]


async def test_an_invited_gp_joins_with_name_and_riziv(bot: Harness, wiring: Wiring) -> None:
    code = await _invite_code(bot)

    [ask_name] = replies(await bot.send(STRANGER, f"/start {code}"))
    assert "naam" in ask_name.text
    [ask_riziv] = replies(await bot.send(STRANGER, "Jan Vermeulen"))
    assert "RIZIV" in ask_riziv.text and "Jan Vermeulen" in ask_riziv.text
    [wrong] = replies(await bot.send(STRANGER, "1-48976-17-004"))
    assert "controlecijfers" in wrong.text
    [welcome] = replies(await bot.send(STRANGER, "1-48976-16-004"))
    assert "Jan Vermeulen" in welcome.text and "huisarts" in welcome.text

    [help_reply] = replies(await bot.send(STRANGER, "/help"))
    assert "/settings" in help_reply.text
    sent_before = len(bot.request.calls)
    assert await outbox_sender(bot, wiring.services).send_due() == 1
    [notice] = bot.request.calls[sent_before:]
    assert notice.params["chat_id"] == demo("coord").id and "Jan Vermeulen" in notice.text


async def test_the_invite_flow_speaks_french(bot: Harness) -> None:
    code = await _invite_code(bot, "/invite locum")
    [ask_name] = replies(await bot.send(FRENCH_STRANGER, f"/start {code}"))
    assert "nom" in ask_name.text
    [ask_riziv] = replies(await bot.send(FRENCH_STRANGER, "Julie Lambert"))
    assert "INAMI" in ask_riziv.text
    [welcome] = replies(await bot.send(FRENCH_STRANGER, "14897616004"))
    assert "médecin remplaçant" in welcome.text


async def test_the_role_and_the_zone_can_be_picked_with_buttons(bot: Harness) -> None:
    [question] = replies(await bot.send(demo("coord"), "/invite"))
    assert "vervangarts" in [label.lower() for label in question.buttons]
    [zones] = replies(await bot.tap(demo("coord"), question.button_data("vervangarts"), question))
    assert zones.method == "editMessageText" and "zone" in zones.text
    assert zones.buttons == ["Noord", "Zuid", "Geen zone"]
    [created] = replies(await bot.tap(demo("coord"), zones.button_data("Zuid"), zones))
    assert created.method == "editMessageText" and "?start=" in created.text
    assert "Zone: Zuid" in created.text and "vervangarts" in created.text


async def test_staff_are_invited_without_a_zone_question(bot: Harness) -> None:
    [question] = replies(await bot.send(demo("coord"), "/invite"))
    [created] = replies(await bot.tap(demo("coord"), question.button_data("medewerker")))
    assert "?start=" in created.text and "Zone" not in created.text


async def test_the_role_can_be_typed_in_dutch_or_french(bot: Harness) -> None:
    [locum] = replies(await bot.send(demo("coord"), "/invite vervangarts zuid"))
    assert "?start=" in locum.text and "vervangarts" in locum.text and "Zone: Zuid" in locum.text
    [gp] = replies(await bot.send(demo("coord"), "/uitnodigen médecin généraliste Noord"))
    assert "?start=" in gp.text and "huisarts" in gp.text and "Zone: Noord" in gp.text
    [french] = replies(await bot.send(demo("coord"), "/invite remplaçant"))
    assert "?start=" in french.text and "vervangarts" in french.text


async def test_an_invite_to_a_zone_the_kring_lacks_is_refused(bot: Harness) -> None:
    [refused] = replies(await bot.send(demo("coord"), "/invite gp Oost"))
    assert "?start=" not in refused.text
    assert "Oost" in refused.text and "Noord" in refused.text and "Zuid" in refused.text


async def test_a_used_invite_link_is_refused(bot: Harness) -> None:
    code = await _invite_code(bot)
    await bot.send(STRANGER, f"/start {code}")
    [refused] = replies(await bot.send(FRENCH_STRANGER, f"/start {code}"))
    assert "déjà été utilisé" in refused.text


async def test_a_pending_member_is_asked_to_finish_first(bot: Harness) -> None:
    code = await _invite_code(bot)
    await bot.send(STRANGER, f"/start {code}")
    [reply] = replies(await bot.send(STRANGER, "/settings"))
    assert "registratie" in reply.text and "naam" in reply.text


@ON_BOTH_KRINGS
async def test_a_join_request_is_approved_by_the_coordinator(bot: Harness, wiring: Wiring) -> None:
    [refusal] = replies(await bot.send(STRANGER, "hallo"))
    calls = await bot.tap(STRANGER, refusal.button_data("Lidmaatschap"))
    assert "naam" in replies(calls)[-1].text
    await bot.send(STRANGER, "Jan Vermeulen")
    [waiting] = replies(await bot.send(STRANGER, "1-48976-16-004"))
    assert "coördinator" in waiting.text

    before = len(bot.request.calls)
    await outbox_sender(bot, wiring.services).send_due()
    [request] = bot.request.calls[before:]
    assert request.params["chat_id"] == demo("coord").id
    assert request.buttons == ["Goedkeuren als huisarts", "Goedkeuren als vervangarts", "Weigeren"]
    calls = await bot.tap(demo("coord"), request.button_data("als vervangarts"), request)
    [zones] = [call for call in calls if call.method == "editMessageReplyMarkup"]
    assert "Noord" in zones.buttons and "Geen zone" in zones.buttons
    [decided] = replies(await bot.tap(demo("coord"), zones.button_data("Noord"), zones))
    assert decided.method == "editMessageText" and "Jan Vermeulen" in decided.text
    listed = replies(await bot.send(demo("coord"), "/members"))
    assert any("Jan Vermeulen – vervangarts, Noord" in part.text for part in listed)

    before = len(bot.request.calls)
    await outbox_sender(bot, wiring.services).send_due()
    [approved] = [c for c in bot.request.calls[before:] if c.method == "sendMessage"]
    assert approved.params["chat_id"] == STRANGER.id and "goedgekeurd" in approved.text
    [help_reply] = replies(await bot.send(STRANGER, "/help"))
    assert "/settings" in help_reply.text

    [stale] = replies(await bot.tap(demo("coord"), request.button_data("Weigeren"), request))
    assert "al afgehandeld" in stale.text


async def test_the_example_riziv_number_of_the_prompt_is_accepted(bot: Harness) -> None:
    code = await _invite_code(bot)
    await bot.send(STRANGER, f"/start {code}")
    [ask_riziv] = replies(await bot.send(STRANGER, "Jan Vermeulen"))
    example = re.search(r"1-\d{5}-\d{2}-\d{3}", ask_riziv.text)
    assert example, ask_riziv.text
    [welcome] = replies(await bot.send(STRANGER, example[0]))
    assert "Jan Vermeulen" in welcome.text and "huisarts" in welcome.text


async def _awaiting_approval(bot: Harness) -> list[str]:
    """A stranger asks to join and answers both questions; the commands of their menu."""
    [refusal] = replies(await bot.send(STRANGER, "hallo"))
    calls = await bot.tap(STRANGER, refusal.button_data("Lidmaatschap"))
    [menu] = [call for call in calls if call.method == "setMyCommands"]
    assert menu.params["scope"] == BotCommandScopeChat(STRANGER.id).to_dict()
    await bot.send(STRANGER, "Jan Vermeulen")
    await bot.send(STRANGER, "1-48976-16-004")
    return [command["command"] for command in menu.params["commands"]]


async def test_an_applicant_awaiting_approval_has_the_short_menu(bot: Harness) -> None:
    commands = await _awaiting_approval(bot)
    assert "help" in commands
    assert not {"shifts", "settings", "cme", "mydata"} & set(commands)


async def test_an_applicant_awaiting_approval_gets_one_clear_answer(bot: Harness) -> None:
    await _awaiting_approval(bot)
    for sent in ("/shifts", "/help", "/start", "/settings", "hoe gaat het?"):
        [reply] = replies(await bot.send(STRANGER, sent))
        assert "wacht op de goedkeuring" in reply.text, sent
        assert "registratie" not in reply.text and "verstuurd" not in reply.text, sent
        assert "/settings" not in reply.text, sent


async def test_a_rejected_applicant_gets_the_common_menu_back(bot: Harness, wiring: Wiring) -> None:
    await _awaiting_approval(bot)
    await outbox_sender(bot, wiring.services).send_due()
    [request] = [c for c in bot.request.calls if "Weigeren" in c.buttons]
    calls = await bot.tap(demo("coord"), request.button_data("Weigeren"), request)
    [withdrawn] = [call for call in calls if call.method == "deleteMyCommands"]
    assert withdrawn.params["scope"] == BotCommandScopeChat(STRANGER.id).to_dict()
