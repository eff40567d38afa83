"""The wachtdienst when its doctors change: erasing a member with future shifts, roster imports
that book a doctor twice or change members' shifts, swaps with a shift in return, the
coordinator's assignments and calling in sick at the last moment."""

from datetime import UTC, datetime, timedelta

import pytest

import handlers
from bot.clock import SettableClock
from bot.config import Settings
from bot.core.models import Member, OutboxMessage, Role
from bot.core.notices.shifts import RosterChanged, ShiftSummary, ShiftsUncovered
from bot.core.services import Kring
from bot.services import Wiring
from handlers.render import MESSAGE_LIMIT
from tests.handlers.conftest import ON_BOTH_KRINGS, demo
from tests.handlers.harness import Call, Harness, Person, due_work, replies


async def test_forgetting_a_member_with_future_shifts_warns_and_tells_the_coordinator(
    bot: Harness, wiring: Wiring
) -> None:
    [shifts] = replies(await bot.send(demo("lotte"), "/shifts"))
    planned = len(shifts.buttons) - 1  # a "Ruil" button per shift, and the calendar file
    [confirm] = replies(await bot.send(demo("lotte"), "/forget"))
    assert "toekomstige wachtdienst" in confirm.text and "coördinator" in confirm.text
    await bot.tap(demo("lotte"), confirm.button_data("Ja, wissen"), confirm)

    [notice] = [
        c for c in await due_work(bot, wiring.services) if c.params["chat_id"] == demo("coord").id
    ]
    assert "zonder arts" in notice.text.lower()
    assert notice.text.count("• ") >= planned

    [overview] = replies(await bot.send(demo("coord"), "/roster"))
    assert "zonder arts" in overview.text
    [tally] = replies(
        await bot.tap(demo("coord"), overview.button_data("Diensten per lid"), overview)
    )
    assert "Zonder arts" in tally.text


def _to(calls: list[Call], person: Person) -> list[Call]:
    return [call for call in calls if call.params.get("chat_id") == person.id]


def _said(call: Call) -> str:
    """What the message says: its text, or the caption of the file it brings."""
    return call.text or str(call.params.get("caption", ""))


@pytest.mark.parametrize("kring_size", ["large"])  # the small demo's 3 doctors have no free night
async def test_a_swap_shows_the_shift_in_return_at_every_step(bot: Harness, wiring: Wiring) -> None:
    ann, coord = demo("ann"), demo("coord")
    [shifts] = replies(await bot.send(ann, "/shifts"))
    [kinds] = replies(await bot.tap(ann, shifts.button_data("Ruil 1"), shifts))
    [audiences] = replies(await bot.tap(ann, kinds.button_data("Ruilen"), kinds))
    [confirm] = replies(await bot.tap(ann, audiences.button_data("Iedereen"), audiences))
    await bot.tap(ann, confirm.button_data("Verzenden"), confirm)
    offers = [c for c in await due_work(bot, wiring.services) if c.buttons == ["Overnemen"]]

    for offer in offers:  # the first colleague with a shift ann can take in return
        taker = Person(offer.params["chat_id"])
        [choice] = replies(await bot.tap(taker, offer.button_data("Overnemen"), offer))
        if choice.buttons:
            break
    [returned] = choice.buttons[:1]
    [taken] = replies(await bot.tap(taker, choice.button_data(returned), choice))
    assert "In ruil: " + returned in taken.text

    told = await due_work(bot, wiring.services)
    [to_ann] = _to(told, ann)
    [approval] = _to(told, coord)
    assert "In ruil: " + returned in to_ann.text and "In ruil: " + returned in approval.text
    await bot.tap(coord, approval.button_data("Goedkeuren"), approval)
    approved = await due_work(bot, wiring.services)
    [to_ann, back_to_ann] = _to(approved, ann)
    [to_taker, back_to_taker] = _to(approved, taker)
    assert "In ruil: " + returned in _said(to_ann) and "In ruil: " + returned in _said(to_taker)
    assert returned in _said(back_to_ann) and returned in _said(back_to_taker)

    # each phone's calendar follows both shifts: what they took added, what they gave taken out
    gave, got = _calendar(to_ann), _calendar(back_to_ann)
    took, gave_back = _calendar(to_taker), _calendar(back_to_taker)
    for added, removed in ((got, gave), (took, gave_back)):
        assert "METHOD:PUBLISH" in added and "METHOD:CANCEL" in removed
    assert _field(gave, "UID") == _field(took, "UID") != _field(got, "UID")
    assert _field(got, "UID") == _field(gave_back, "UID")
    assert int(_field(got, "SEQUENCE")) > 0  # newer than the entry /shifts gave the taker

    [mine] = replies(await bot.send(ann, "/shifts"))
    [calendar] = _to(await bot.tap(ann, mine.button_data("Agendabestand"), mine), ann)
    assert f"UID:{_field(got, 'UID')}\r\nSEQUENCE:{_field(got, 'SEQUENCE')}" in _calendar(calendar)


def _calendar(call: Call) -> str:
    """The calendar file the message brings."""
    assert call.method == "sendDocument"
    return str(call.params["document"].content.decode())


def _field(calendar: str, name: str) -> str:
    [value] = [line.split(":", 1)[1] for line in calendar.splitlines() if line.startswith(name)]
    return value


@ON_BOTH_KRINGS
async def test_the_coordinator_gives_a_shift_only_to_who_could_swap_it(
    bot: Harness, wiring: Wiring, kring_size: str
) -> None:
    coord, ann, bart, lotte = demo("coord"), demo("ann"), demo("bart"), demo("lotte")
    [tools] = replies(await bot.send(coord, "/roster"))
    [members] = replies(await bot.tap(coord, tools.button_data("Namens een lid"), tools))
    [found] = replies(await bot.send(coord, "Ann Claes")) if kring_size == "large" else [members]
    [shifts] = replies(await bot.tap(coord, found.button_data("Ann Claes"), found))
    [listing] = replies(await bot.tap(coord, shifts.button_data("1 geven aan"), shifts))
    assert "Bart Janssens: heeft binnen 24 uur ervoor of erna wacht" in listing.text
    assert not {"Bart Janssens", "Élise Dubois", "Tom Wilson"} & set(listing.buttons)
    if kring_size == "large":
        return  # lotte is on a later page; the flow itself is the small kring's
    assert "Lotte Maes" in listing.buttons

    [given] = replies(await bot.tap(coord, listing.button_data("Lotte Maes"), listing))
    assert "Lotte Maes" in given.text
    told = await due_work(bot, wiring.services)
    [to_lotte] = _to(told, lotte)
    [to_ann] = _to(told, ann)
    assert "Dienst aan u toegewezen" in _said(to_lotte) and "Wissel goedgekeurd" not in _said(
        to_lotte
    )
    assert "aan Lotte Maes gegeven" in _said(to_ann)
    # the shift moves between their phones' calendars: added for lotte, taken out for ann
    gained, lost = (call.params["document"].content.decode() for call in (to_lotte, to_ann))
    assert "METHOD:CANCEL" not in gained and "METHOD:CANCEL" in lost
    [uid] = [line for line in gained.splitlines() if line.startswith("UID:shift-")]
    assert uid in lost.splitlines()
    assert not _to(told, bart)


PHONE = "+32 9 123 45 67"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"coordinator_phone": PHONE})


async def test_calling_in_sick_shortly_before_a_shift_asks_colleagues_at_once(
    bot: Harness, wiring: Wiring, clock: SettableClock
) -> None:
    ann, lotte, coord = demo("ann"), demo("lotte"), demo("coord")
    [shifts] = replies(await bot.send(ann, "/shifts"))  # her first night starts in over 2 days
    clock.advance(timedelta(hours=50))  # ... now in less than 12 hours
    [offer] = replies(await bot.tap(ann, shifts.button_data("Ruil 1"), shifts))
    assert "binnen 12 uur" in offer.text and PHONE in offer.text
    [reported] = replies(await bot.tap(ann, offer.button_data("ziek"), offer))
    assert "1 collega dringend" in reported.text and PHONE in reported.text

    told = await due_work(bot, wiring.services)
    [to_lotte] = _to(told, lotte)
    [to_coord] = _to(told, coord)
    assert "Dringend" in to_lotte.text and PHONE in to_lotte.text
    assert to_lotte.buttons == ["Overnemen"] and not to_lotte.params.get("disable_notification")
    assert "Ziek gemeld" in to_coord.text and "Ann Claes" in to_coord.text
    assert not _to(told, demo("bart"))  # on duty the next night
    [taken] = replies(await bot.tap(lotte, to_lotte.button_data("Overnemen"), to_lotte))
    assert "coördinator moet nog goedkeuren" in taken.text


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_a_year_of_changed_shifts_fits_in_one_message(language: str) -> None:
    """A notice is sent as one message: a year's import for one member, with the longest zone
    and post names an import keeps, still fits."""
    start = datetime(2027, 1, 1, 19, 0, tzinfo=UTC)
    shifts = tuple(
        ShiftSummary(
            shift_id=n,
            start=start + timedelta(days=n),
            end=start + timedelta(days=n, hours=13),
            zone="Z" * 40,
            post="P" * 40,
        )
        for n in range(70)
    )
    member = Member(telegram_id=11, role=Role.GP, language=language)
    for notice in (
        RosterChanged(added=shifts, changed=shifts, removed=shifts),
        ShiftsUncovered(shifts=shifts),
    ):
        row = OutboxMessage.to(member, notice, start)
        [text], _ = handlers.COMPOSER.compose(row, Kring("Kring Noord", "info@kring.be"))
        assert len(text) <= MESSAGE_LIMIT and "…" in text
