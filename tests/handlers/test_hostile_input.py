"""Hostile and clumsy input, case by case (the fuzz test throws thousands of random ones):
each gets a clear message and changes nothing."""

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.services import Wiring
from store.tables import ShiftRow
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, due_work, replies


async def _shift_count(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return await connection.scalar(select(func.count()).select_from(ShiftRow)) or 0


async def test_markup_in_a_note_reaches_colleagues_as_text(bot: Harness, wiring: Wiring) -> None:
    [shifts] = replies(await bot.send(demo("ann"), "/shifts"))
    [kinds] = replies(await bot.tap(demo("ann"), shifts.button_data("Ruil 1"), shifts))
    [audiences] = replies(await bot.tap(demo("ann"), kinds.button_data("Weggeven"), kinds))
    await bot.tap(demo("ann"), audiences.button_data("Iedereen"), audiences)
    [draft] = replies(await bot.send(demo("ann"), '<b>dringend</b> <a href="http://x">klik</a>'))
    assert "&lt;b&gt;dringend&lt;/b&gt;" in draft.text
    await bot.tap(demo("ann"), draft.button_data("Verzenden"), draft)
    offers = await due_work(bot, wiring.services)
    assert offers and all("&lt;a href=" in offer.text for offer in offers)


async def test_huge_and_wrong_roster_files_are_refused(bot: Harness, engine: AsyncEngine) -> None:
    before = await _shift_count(engine)
    await bot.send(demo("coord"), "/roster")
    [too_large] = replies(await bot.send_document(demo("coord"), "rooster.csv", 10_000_000))
    assert "te groot" in too_large.text and "niets geïmporteerd" in too_large.text
    [not_a_roster] = replies(await bot.send_document(demo("coord"), "virus.exe", 2_000))
    assert "kolommen" in not_a_roster.text and "niets geïmporteerd" in not_a_roster.text
    assert await _shift_count(engine) == before


async def test_a_very_long_message_gets_an_answer(bot: Harness) -> None:
    [answer] = replies(await bot.send(demo("lotte"), "wachtdienst " * 800))
    assert answer.method == "sendMessage" and len(answer.text) <= 4096


async def test_old_and_forged_buttons_get_a_clear_message(bot: Harness) -> None:
    [gone] = replies(await bot.tap(demo("bart"), "swtake:424242"))
    assert "niet meer open" in gone.text
    [forged] = replies(await bot.tap(demo("bart"), "swtake:not-a-number"))
    assert "werkt niet meer" in forged.text
    [shifts] = replies(await bot.send(demo("bart"), "/shifts"))
    assert shifts.buttons  # nothing changed: bart still has his shifts
