"""Every list of members on the large kring (about 200): ten names a page with Vorige /
Volgende, and typing part of a name finds the member (handlers.picker)."""

import pytest

from bot.core.models import Role
from bot.demo import DEMO_PEOPLE, DemoPerson
from bot.demo_large import kring_people
from tests.handlers.conftest import demo
from tests.handlers.harness import Call, Harness, replies

pytestmark = pytest.mark.parametrize("kring_size", ["large"])
COORD = demo("coord")
ANN = demo("ann")
REFUSED = "Deze knop werkt niet meer"


def colleagues() -> list[DemoPerson]:
    """GPs of the large kring whose surname nobody else has: typing it finds only them."""
    people = kring_people("large")
    surnames = [p.name.split()[-1] for p in people]
    return [
        p
        for p in people[len(DEMO_PEOPLE) :]
        if p.role is Role.GP and surnames.count(p.name.split()[-1]) == 1
    ]


def names(call: Call) -> list[str]:
    """The buttons that are people, not pages or other actions."""
    return [b for b in call.buttons if not any(w in b for w in ("Vorige", "Volgende", "Annuleren"))]


def alert(calls: list[Call]) -> str:
    [answer] = [c for c in calls if c.method == "answerCallbackQuery"]
    assert answer.params.get("show_alert"), answer.params
    return str(answer.params["text"])


async def test_the_exemptions_list_pages_forward_and_back_and_finds_a_typed_name(
    bot: Harness,
) -> None:
    [tools] = replies(await bot.send(COORD, "/roster"))
    [first] = replies(await bot.tap(COORD, tools.button_data("Vrijstellingen"), tools))
    assert len(names(first)) == 10 and "Pagina 1 van 20" in first.text
    assert "Volgende ▶" in first.buttons and not any("Vorige" in b for b in first.buttons)
    [second] = replies(await bot.tap(COORD, first.button_data("Volgende"), first))
    assert second.method == "editMessageText" and "Pagina 2 van 20" in second.text
    assert len(names(second)) == 10 and set(names(second)).isdisjoint(names(first))
    [back] = replies(await bot.tap(COORD, second.button_data("Vorige"), second))
    assert back.buttons == first.buttons

    person = colleagues()[0]
    surname = person.name.split()[-1]
    [found] = replies(await bot.send(COORD, surname.upper()))
    [label] = found.buttons
    assert label.startswith(person.name) and f"1 naam bevat “{surname.upper()}”" in found.text
    [toggled] = replies(await bot.tap(COORD, found.button_data(person.name), found))
    [after] = toggled.buttons
    assert toggled.method == "editMessageText" and after != label
    assert {label.split("– ")[1], after.split("– ")[1]} == {"doet wacht", "vrijgesteld"}


async def test_the_coordinator_acts_for_a_member_and_gives_a_shift_by_typing_names(
    bot: Harness,
) -> None:
    [tools] = replies(await bot.send(COORD, "/roster"))
    [members] = replies(await bot.tap(COORD, tools.button_data("Namens een lid"), tools))
    assert len(names(members)) == 10
    [found] = replies(await bot.send(COORD, "bart jans"))
    [shifts] = replies(await bot.tap(COORD, found.button_data("Bart Janssens"), found))
    assert "Bart Janssens" in shifts.text
    [givers] = replies(await bot.tap(COORD, shifts.button_data("1 geven aan"), shifts))
    assert len(names(givers)) == 10 and "Bart Janssens" not in givers.buttons

    taker = colleagues()[1]
    [found] = replies(await bot.send(COORD, taker.name.split()[-1][:-1].lower()))
    [given] = replies(await bot.tap(COORD, found.button_data(taker.name), found))
    assert taker.name in given.text


async def _attendance(bot: Harness) -> tuple[int, Call]:
    [overview] = replies(await bot.send(COORD, "/events"))
    event_id = int(overview.button_data("Webinar").split(":")[1])
    [listing] = replies(await bot.tap(COORD, f"evlist:{event_id}"))
    return event_id, listing


async def test_ticking_attendance_and_adding_a_walk_in_by_typing_names(bot: Harness) -> None:
    _event_id, listing = await _attendance(bot)
    assert len(names(listing)) == 11  # ten ticks and "add a walk-in"
    assert "110 ingeschreven leden aanwezig" in listing.text
    [page] = replies(await bot.tap(COORD, listing.button_data("Volgende"), listing))
    ticked = names(page)[3]  # "☑ Name" or "☐ Name"
    [found] = replies(await bot.send(COORD, ticked[2:]))
    [tick] = replies(await bot.tap(COORD, found.button_data(ticked[2:]), found))
    assert tick.method == "editMessageText" and "bevat" in tick.text  # still the search
    flipped = ("☐ " if ticked.startswith("☑") else "☑ ") + ticked[2:]
    assert flipped in tick.buttons

    [walk_ins] = replies(await bot.tap(COORD, listing.button_data("zonder inschrijving"), listing))
    assert len(names(walk_ins)) == 10 and "Pagina 1 van" in walk_ins.text
    registered = {b[2:] for b in names(listing)}
    newcomer = next(p for p in colleagues() if p.name not in registered)
    [found] = replies(await bot.send(COORD, newcomer.name.lower()))
    [added] = replies(await bot.tap(COORD, found.button_data(newcomer.name), found))
    assert f"{newcomer.name} staat als aanwezig genoteerd" in added.text
    assert f"☑ {newcomer.name}" in added.buttons
    [again] = replies(await bot.send(COORD, newcomer.name))  # typing now searches that list
    assert again.buttons[0] == f"☑ {newcomer.name}"


async def test_a_member_asks_one_colleague_found_by_typing_part_of_the_name(bot: Harness) -> None:
    [shifts] = replies(await bot.send(ANN, "/shifts"))
    [kinds] = replies(await bot.tap(ANN, shifts.button_data("Ruil 1"), shifts))
    [audiences] = replies(await bot.tap(ANN, kinds.button_data("Weggeven"), kinds))
    [listing] = replies(await bot.tap(ANN, audiences.button_data("Eén collega"), audiences))
    assert len(names(listing)) == 10 and "Annuleren" in listing.buttons
    [second] = replies(await bot.tap(ANN, listing.button_data("Volgende"), listing))
    wanted = names(second)[0]
    [found] = replies(await bot.send(ANN, wanted.split()[-1]))
    [confirm] = replies(await bot.tap(ANN, found.button_data(wanted), found))
    assert wanted in confirm.text and "Verzenden" in confirm.buttons


async def test_stale_and_forged_list_buttons_are_refused(bot: Harness) -> None:
    event_id, _listing = await _attendance(bot)
    for forged in (
        "rexemptpg:20:0",  # past the last page
        "rbehalfpg:1:1",  # a page of a search never typed in this list
        "rbfor:999999",
        "rexset:999999:0",
        f"evtick:{event_id}:999999:0",
        f"evwalkinadd:{event_id}:999999:0",
        "rexemptpg:x:0",
    ):
        assert REFUSED in alert(await bot.tap(COORD, forged)), forged


async def test_a_gp_cannot_use_the_coordinators_lists(bot: Harness) -> None:
    for button in ("rexemptpg:1:0", "rexset:2:0", "rbehalf", "evlistpg:1:1:0"):
        assert "coördinator" in alert(await bot.tap(ANN, button)), button
