"""Coordinator and member flows on the large demo kring (about 200 members, bot/demo_large)."""

import pytest

from bot.demo import DEMO_PEOPLE
from bot.demo_large import kring_people
from bot.services import Wiring
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, due_work, replies

pytestmark = pytest.mark.parametrize("kring_size", ["large"])
MESSAGE_LIMIT = 4096


async def test_the_coordinator_lists_every_member_in_messages_telegram_accepts(
    bot: Harness,
) -> None:
    listing = replies(await bot.send(demo("coord"), "/members"))
    text = "\n".join(call.text for call in listing)
    people = kring_people("large")
    assert f"{len(people)} leden" in listing[0].text
    assert all(person.name in text for person in people)
    assert all(len(call.text) <= MESSAGE_LIMIT for call in listing) and len(listing) > 1


async def test_a_colleague_takes_over_a_shift_and_the_coordinator_approves(
    bot: Harness, wiring: Wiring
) -> None:
    [shifts] = replies(await bot.send(demo("ann"), "/shifts"))
    [kinds] = replies(await bot.tap(demo("ann"), shifts.button_data("Ruil 1"), shifts))
    [audiences] = replies(await bot.tap(demo("ann"), kinds.button_data("Weggeven"), kinds))
    [confirm] = replies(await bot.tap(demo("ann"), audiences.button_data("Iedereen"), audiences))
    [sent] = replies(await bot.tap(demo("ann"), confirm.button_data("Verzenden"), confirm))
    offers = {call.params["chat_id"]: call for call in await due_work(bot, wiring.services)}
    assert f"{len(offers)} collega's" in sent.text and len(offers) > 20
    colleague = next(  # one of the 200 who reads Dutch, not a demo person
        p
        for p in kring_people("large")[len(DEMO_PEOPLE) :]
        if p.telegram_id in offers and p.language == "nl"
    )
    offer = offers[colleague.telegram_id]
    [taken] = replies(await bot.tap(demo(colleague.handle), offer.button_data("Overnemen"), offer))
    assert "coördinator moet nog goedkeuren" in taken.text

    approvals = replies(await bot.send(demo("coord"), "/approvals"))
    [approval] = [call for call in approvals if colleague.name in call.text]
    [approved] = replies(await bot.tap(demo("coord"), approval.button_data("Goedkeuren"), approval))
    assert "goedgekeurd" in approved.text
    [after] = replies(await bot.send(demo("ann"), "/shifts"))
    assert len(after.buttons) == len(shifts.buttons) - 1
