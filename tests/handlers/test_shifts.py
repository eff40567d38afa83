"""Wachtdienst through the Application: shifts, a swap from request to decision, and every tap
that must be refused (forged, stale, double) changing nothing."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.services import Wiring
from store.tables import ShiftRow, SwapRequestRow
from tests.handlers.conftest import STRANGER, demo
from tests.handlers.harness import Call, Harness, due_work, replies


async def _rows(engine: AsyncEngine) -> tuple[list[tuple[int, int | None]], list[str]]:
    """(shift id, assignee) of every shift, and every swap request's status: what taps change."""
    async with engine.connect() as connection:
        shifts = (await connection.execute(select(ShiftRow.id, ShiftRow.assignee_id))).all()
        statuses = (await connection.scalars(select(SwapRequestRow.status))).all()
    return sorted((row[0], row[1]) for row in shifts), sorted(statuses)


async def _ask_giveaway(bot: Harness, wiring: Wiring) -> list[Call]:
    """Ann gives her first shift away to everyone who can take it (lotte: bart is on duty the
    next night); return the offers sent."""
    [shifts] = replies(await bot.send(demo("ann"), "/shifts"))
    [kinds] = replies(await bot.tap(demo("ann"), shifts.button_data("Ruil 1"), shifts))
    [audiences] = replies(await bot.tap(demo("ann"), kinds.button_data("Weggeven"), kinds))
    [confirm] = replies(await bot.tap(demo("ann"), audiences.button_data("Iedereen"), audiences))
    [sent] = replies(await bot.tap(demo("ann"), confirm.button_data("Verzenden"), confirm))
    assert "1 collega " in sent.text and "verantwoordelijk" in sent.text
    return await due_work(bot, wiring.services)


async def test_shifts_come_with_a_calendar_file(bot: Harness) -> None:
    [shifts] = replies(await bot.send(demo("ann"), "/shifts"))
    assert shifts.buttons[0] == "Ruil 1" and shifts.buttons[-1] == "Agendabestand (.ics)"
    calls = await bot.tap(demo("ann"), shifts.button_data("Agendabestand"), shifts)
    [document] = [call for call in calls if call.method == "sendDocument"]
    calendar = document.params["document"].content.decode()
    assert calendar.count("BEGIN:VEVENT") == len(shifts.buttons) - 1
    assert "SUMMARY:Wachtdienst Noord" in calendar
    assert document.params["document"].filename == "wachtdiensten.ics"


async def test_the_calendar_file_is_named_in_the_members_language(bot: Harness) -> None:
    [shifts] = replies(await bot.send(demo("elise"), "/shifts"))
    calls = await bot.tap(demo("elise"), shifts.button_data("Fichier calendrier"), shifts)
    [document] = [call for call in calls if call.method == "sendDocument"]
    assert document.params["document"].filename == "gardes.ics"


async def test_a_swap_is_asked_taken_and_rejected_with_a_reason(
    bot: Harness, wiring: Wiring, engine: AsyncEngine
) -> None:
    offers = await _ask_giveaway(bot, wiring)
    by_person = {call.params["chat_id"]: call for call in offers}
    offer = by_person[demo("lotte").id]
    assert offer.buttons == ["Overnemen"] and demo("bart").id not in by_person

    [taken] = replies(await bot.tap(demo("lotte"), offer.button_data("Overnemen"), offer))
    assert "coördinator moet nog goedkeuren" in taken.text
    [twice] = replies(await bot.tap(demo("lotte"), offer.button_data("Overnemen"), offer))
    assert "al overgenomen" in twice.text
    [gone] = replies(await bot.tap(demo("bart"), offer.button_data("Overnemen"), offer))
    assert "Te laat" in gone.text

    [_, approval] = replies(await bot.send(demo("coord"), "/approvals"))
    assert approval.buttons == ["Goedkeuren", "Weigeren"]
    [ask] = replies(await bot.tap(demo("coord"), approval.button_data("Weigeren"), approval))
    assert "reden" in ask.text
    [decided] = replies(await bot.send(demo("coord"), "Lotte heeft die nacht al wacht elders"))
    assert "geweigerd" in decided.text
    before = await _rows(engine)
    [late] = replies(await bot.tap(demo("coord"), approval.button_data("Goedkeuren"), approval))
    assert "niet meer open" in late.text
    assert await _rows(engine) == before


async def test_only_managers_approve_and_forged_taps_change_nothing(
    bot: Harness, wiring: Wiring, engine: AsyncEngine
) -> None:
    offers = await _ask_giveaway(bot, wiring)
    await bot.tap(demo("lotte"), offers[0].button_data("Overnemen"), offers[0])
    request_id = offers[0].button_data("Overnemen").split(":")[1]
    before = await _rows(engine)
    for person, data in [
        (demo("ann"), f"swok:{request_id}"),  # a GP approving her own swap
        (STRANGER, f"swok:{request_id}"),
        (demo("lotte"), "rassign:1:5"),  # giving a shift away as if coordinator
        (demo("tom"), f"swwd:{request_id}"),  # withdrawing someone else's request
        (demo("bart"), "ruil:1"),  # asking to swap ann's shift
        (demo("ann"), "remind:7"),  # a reminder setting that does not exist
    ]:
        [refused] = replies(await bot.tap(person, data))
        expected = "sendMessage" if person is STRANGER else "answerCallbackQuery"
        assert refused.method == expected, data
    assert await _rows(engine) == before
    [_, approval] = replies(await bot.send(demo("coord"), "/approvals"))
    [approved] = replies(await bot.tap(demo("coord"), approval.button_data("Goedkeuren"), approval))
    assert "goedgekeurd" in approved.text


async def test_a_withdrawn_request_cannot_be_taken(bot: Harness, wiring: Wiring) -> None:
    [shifts] = replies(await bot.send(demo("ann"), "/shifts"))
    offers = await _ask_giveaway(bot, wiring)
    [mine] = [call for call in replies(await bot.send(demo("ann"), "/swaps")) if call.buttons]
    [withdrawn] = replies(await bot.tap(demo("ann"), mine.button_data("intrekken"), mine))
    assert "ingetrokken" in withdrawn.text
    [closed] = replies(await bot.tap(demo("lotte"), offers[0].button_data("Overnemen"), offers[0]))
    assert "niet meer open" in closed.text
    [again] = replies(await bot.send(demo("ann"), "/shifts"))
    assert again.buttons == shifts.buttons  # the shift can be offered again


async def test_the_reminder_lead_time_is_a_setting(bot: Harness) -> None:
    [settings] = replies(await bot.send(demo("lotte"), "/settings"))
    assert "24 uur vooraf" in settings.text
    calls = await bot.tap(demo("lotte"), settings.button_data("Herinnering"), settings)
    [choices] = [call for call in calls if call.method == "editMessageReplyMarkup"]
    assert "Herinnering voor een wacht: 2 uur vooraf" in choices.buttons
    [changed] = replies(await bot.tap(demo("lotte"), "remind:2"))
    assert "2 uur vooraf" in changed.text
    [coordinator] = replies(await bot.send(demo("coord"), "/settings"))
    assert "Herinnering" not in " ".join(coordinator.buttons)  # no shifts, no reminder button


def _calendar_of(calls: list[Call], person: str) -> str:
    [document] = [
        call
        for call in calls
        if call.method == "sendDocument" and call.params["chat_id"] == demo(person).id
    ]
    return document.params["document"].content.decode()


def _field(calendar: str, name: str) -> str:
    [value] = [line.split(":", 1)[1] for line in calendar.splitlines() if line.startswith(name)]
    return value


async def test_an_approved_swap_moves_the_shift_between_the_calendars(
    bot: Harness, wiring: Wiring
) -> None:
    offers = await _ask_giveaway(bot, wiring)
    [offer] = [call for call in offers if call.params["chat_id"] == demo("lotte").id]
    await bot.tap(demo("lotte"), offer.button_data("Overnemen"), offer)
    [_, approval] = replies(await bot.send(demo("coord"), "/approvals"))
    await bot.tap(demo("coord"), approval.button_data("Goedkeuren"), approval)
    sent = await due_work(bot, wiring.services)

    gained, lost = _calendar_of(sent, "lotte"), _calendar_of(sent, "ann")
    assert "METHOD:CANCEL" not in gained and "METHOD:CANCEL" in lost
    assert _field(gained, "UID") == _field(lost, "UID")
    assert int(_field(gained, "SEQUENCE")) > 0  # newer than the entry /shifts gave ann

    [shifts] = replies(await bot.send(demo("lotte"), "/shifts"))
    calls = await bot.tap(demo("lotte"), shifts.button_data("Agendabestand"), shifts)
    mine = _calendar_of(calls, "lotte")
    assert f"UID:{_field(gained, 'UID')}" in mine
    assert f"SEQUENCE:{_field(gained, 'SEQUENCE')}" in mine
