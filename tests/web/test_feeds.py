"""Live calendar feeds: a member subscribes from /settings, the phone's calendar fetches the
address, and it follows what changes; the address can be renewed, revoked, and is gone after
/forget or a suspension."""

import re

import httpx

from bot.core.models import MemberStatus
from bot.services import Wiring
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, replies

ANN = demo("ann")


async def _subscribe(bot: Harness) -> tuple[str, str]:
    """The member taps "Agenda-abonnement" in /settings: the address, and the path to fetch."""
    [menu] = replies(await bot.send(ANN, "/settings"))
    [shown] = replies(await bot.tap(ANN, menu.button_data("Agenda-abonnement"), on=menu))
    found = re.search(r"webcal://[^/\s]+(/feeds/[\w-]+\.ics)", shown.text)
    assert found, shown.text
    return found[0], found[1]


def _events(calendar: str) -> list[str]:
    lines = calendar.replace("\r\n ", "").split("\r\n")  # unfolded content lines
    return [line.removeprefix("SUMMARY:") for line in lines if line.startswith("SUMMARY:")]


async def test_a_member_subscribes_and_the_calendar_follows_registrations(
    bot: Harness, web: httpx.AsyncClient
) -> None:
    address, path = await _subscribe(bot)
    assert address.startswith("webcal://127.0.0.1:")
    first = await web.get(path)
    assert first.status_code == 200 and first.headers["content-type"].startswith("text/calendar")
    shifts = [title for title in _events(first.text) if title.startswith("Wachtdienst")]
    assert shifts  # ann's shifts of the demo roster
    assert "Antibiotica in de eerste lijn" not in _events(first.text)

    [listing] = replies(await bot.send(ANN, "/cme"))
    await bot.tap(ANN, listing.button_data("Antibiotica"), on=listing)
    assert "Antibiotica in de eerste lijn" in _events((await web.get(path)).text)

    [listing] = replies(await bot.send(ANN, "/cme"))
    [confirm] = replies(
        await bot.tap(ANN, listing.button_data("Uitschrijven: Antibiotica"), on=listing)
    )
    await bot.tap(ANN, confirm.button_data("Ja, uitschrijven"), on=confirm)
    assert "Antibiotica in de eerste lijn" not in _events((await web.get(path)).text)


async def test_a_renewed_address_replaces_the_old_one_and_a_revoked_one_is_gone(
    bot: Harness, web: httpx.AsyncClient
) -> None:
    _, old = await _subscribe(bot)
    [menu] = replies(await bot.send(ANN, "/settings"))
    [shown] = replies(await bot.tap(ANN, menu.button_data("Agenda-abonnement"), on=menu))
    renewed = [c for c in await bot.tap(ANN, shown.button_data("Nieuw adres"), on=shown)]
    [edited] = [c for c in renewed if c.method == "editMessageText"]
    new = re.search(r"/feeds/[\w-]+\.ics", edited.text)
    assert new and new[0] != old
    assert (await web.get(old)).status_code == 404
    assert (await web.get(new[0])).status_code == 200

    await bot.tap(ANN, edited.button_data("stoppen"), on=edited)
    assert (await web.get(new[0])).status_code == 404


async def test_forgetting_or_suspending_the_member_ends_the_feed(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    _, path = await _subscribe(bot)
    await _set_status(wiring, MemberStatus.SUSPENDED)
    assert (await web.get(path)).status_code == 404
    await _set_status(wiring, MemberStatus.ACTIVE)
    assert (await web.get(path)).status_code == 200

    [confirm] = replies(await bot.send(ANN, "/forget"))
    await bot.tap(ANN, confirm.button_data("Ja, wissen"), on=confirm)
    assert (await web.get(path)).status_code == 404
    async with wiring.unit_of_work() as uow:  # erased, not merely refused
        assert (
            await uow.feeds.live_by_token(path.removeprefix("/feeds/").removesuffix(".ics")) is None
        )


async def _set_status(wiring: Wiring, status: MemberStatus) -> None:
    async with wiring.unit_of_work() as uow:
        member = await uow.members.by_telegram_id(ANN.id)
        assert member is not None
        member.status = status
        await uow.members.update(member)
        await uow.commit()


async def test_an_unknown_address_is_not_found(web: httpx.AsyncClient) -> None:
    assert (await web.get("/feeds/not-a-real-token.ics")).status_code == 404


async def test_the_coordinator_hands_out_a_zones_roster_feed(
    bot: Harness, web: httpx.AsyncClient
) -> None:
    coord = demo("coord")
    [menu] = replies(await bot.send(coord, "/settings"))
    [shown] = replies(await bot.tap(coord, menu.button_data("Agenda-abonnement"), on=menu))
    [zone] = replies(await bot.tap(coord, shown.button_data("Rooster Noord"), on=shown))
    found = re.search(r"/feeds/[\w-]+\.ics", zone.text)
    assert found and "Rooster Noord" in zone.text
    roster = _events((await web.get(found[0])).text)
    assert any("Ann" in title for title in roster)  # who is on duty, for the wachtpost

    [menu] = replies(await bot.send(ANN, "/settings"))
    [mine] = replies(await bot.tap(ANN, menu.button_data("Agenda-abonnement"), on=menu))
    assert not any("Rooster" in label for label in mine.buttons)  # members get their own only
    refused = await bot.tap(ANN, shown.button_data("Rooster Noord"))
    assert not any("/feeds/" in call.text for call in replies(refused))
