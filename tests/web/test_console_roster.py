"""The coordinator's roster grid over HTTP: a pending swap is marked and decided in place (both
colleagues get the chat's messages, the new holder's feed follows with the file's SEQUENCE), a
shift is given to an eligible colleague; refusals change nothing."""

import re

import httpx
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.services import Wiring
from store.tables import ShiftRow
from tests.handlers.conftest import demo
from tests.handlers.harness import Call, Harness, due_work, replies
from tests.handlers.test_shifts import _ask_giveaway, _rows
from tests.web.test_console import session

LOTTE = demo("lotte")


async def _taken_swap(bot: Harness, wiring: Wiring) -> str:
    """Ann gives her first shift away and lotte takes it: the request's id."""
    offers = await _ask_giveaway(bot, wiring)
    [offer] = [call for call in offers if call.params["chat_id"] == LOTTE.id]
    await bot.tap(LOTTE, offer.button_data("Overnemen"), offer)
    await due_work(bot, wiring.services)  # the coordinator's approval request, in the chat
    return offer.button_data("Overnemen").split(":")[1]


async def _coordinator(web: httpx.AsyncClient) -> tuple[str, str]:
    """The coordinator's session address and CSRF token."""
    base = await session(web, demo("coord"))
    page = await web.get(f"{base}/roster", params={"month": "2026-12"})
    found = re.search(r'data-csrf="([0-9a-f]+)"', page.text)
    assert found is not None
    return base, found[1]


async def _feed_path(bot: Harness, person: str) -> str:
    [menu] = replies(await bot.send(demo(person), "/settings"))
    [shown] = replies(await bot.tap(demo(person), menu.button_data("Agenda-abonnement"), on=menu))
    found = re.search(r"/feeds/[\w-]+\.ics", shown.text)
    assert found, shown.text
    return found[0]


def _told(calls: list[Call], person: str) -> list[Call]:
    return [call for call in calls if call.params["chat_id"] == demo(person).id]


def _said(calls: list[Call], person: str) -> str:
    """Everything the person was sent: texts and the captions of files."""
    return "\n".join(call.text or call.params.get("caption", "") for call in _told(calls, person))


def _sequence(calendar: str, uid: str) -> str | None:
    found = re.search(rf"UID:{re.escape(uid)}\r\nSEQUENCE:(\d+)", calendar)
    return found[1] if found else None


async def test_the_coordinator_approves_a_swap_in_the_grid(
    bot: Harness, wiring: Wiring, web: httpx.AsyncClient
) -> None:
    request_id = await _taken_swap(bot, wiring)
    feed = await _feed_path(bot, "lotte")
    before = (await web.get(feed)).text
    base, csrf = await _coordinator(web)
    grid = await web.get(f"{base}/roster", params={"zone": "Noord", "month": "2026-12"})
    assert "wissel lopend" in grid.text and "→ Lotte" in grid.text
    assert f'name="request" value="{request_id}"' in grid.text

    decided = await web.post(
        f"{base}/roster/decide",
        data={"csrf": csrf, "request": request_id, "decision": "approve", "zone": "Noord"},
    )
    assert decided.status_code == 303 and decided.headers["location"].endswith("done=approved")
    shown = await web.get(decided.headers["location"])
    assert "Wissel goedgekeurd" not in shown.text and "beide collega" in shown.text

    sent = await due_work(bot, wiring.services)
    for person in ("ann", "lotte"):  # as after /approvals: the message with the calendar file
        assert "Wissel goedgekeurd</b>: Ann Claes → Lotte Maes" in _said(sent, person), person
    [file] = [call for call in _told(sent, "lotte") if call.method == "sendDocument"]
    calendar = file.params["document"].content.decode()
    [uid] = re.findall(r"UID:(shift-\d+@kringbot)", calendar)
    after = (await web.get(feed)).text
    assert uid not in before and uid in after  # the live feed follows the swap
    assert _sequence(after, uid) == _sequence(calendar, uid) == "1"  # one entry, same version


async def test_a_rejection_needs_a_reason_and_a_member_cannot_decide(
    bot: Harness, wiring: Wiring, web: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    request_id = await _taken_swap(bot, wiring)
    unchanged = await _rows(engine)
    ann = await session(web, demo("ann"))
    page = await web.get(f"{ann}/")
    csrf = re.search(r'data-csrf="([0-9a-f]+)"', page.text)
    assert csrf is not None
    refused = await web.post(
        f"{ann}/roster/decide", data={"csrf": csrf[1], "request": request_id, "decision": "approve"}
    )
    assert refused.status_code == 403
    base, token = await _coordinator(web)
    for fields, expected in [
        ({"decision": "reject", "reason": "  "}, "Geef een reden"),
        ({"decision": "approve", "request": "x1"}, "onbekend"),
    ]:
        answer = await web.post(
            f"{base}/roster/decide",
            data={"csrf": token, "request": request_id, "month": "2026-12", **fields},
        )
        assert answer.status_code == 400 and expected in answer.text
    assert await _rows(engine) == unchanged

    rejected = await web.post(
        f"{base}/roster/decide",
        data={"csrf": token, "request": request_id, "decision": "reject", "reason": "Te druk"},
    )
    assert rejected.status_code == 303
    late = await web.post(
        f"{base}/roster/decide", data={"csrf": token, "request": request_id, "decision": "approve"}
    )
    assert late.status_code == 409 and "niet meer open" in late.text
    sent = await due_work(bot, wiring.services)
    assert "Reden: Te druk" in _said(sent, "ann") and "Wissel geweigerd" in _said(sent, "lotte")


async def test_the_coordinator_gives_a_shift_to_an_eligible_colleague(
    bot: Harness, wiring: Wiring, web: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    [shifts] = replies(await bot.send(demo("ann"), "/shifts"))
    shift_id = shifts.button_data("Ruil 1").split(":")[1]
    base, csrf = await _coordinator(web)
    picker = await web.get(f"{base}/roster/assign", params={"shift": shift_id, "zone": "Noord"})
    assert picker.status_code == 200
    options = re.findall(r'<option value="\d+">([^<]+)</option>', picker.text)
    assert options == ["Lotte Maes"]  # bart is on duty the next night: rest rule
    assert "Bart" in picker.text and "wachtdienst rond deze dienst" in picker.text

    unchanged = await _rows(engine)
    members = {m.name: m.id for m in await wiring.services.roster.on_call_members()}
    refused = await web.post(
        f"{base}/roster/assign",
        data={"csrf": csrf, "shift": shift_id, "member": str(members["Bart Janssens"])},
    )
    assert (
        refused.status_code == 400 and "Deze collega kan de dienst niet overnemen" in refused.text
    )
    assert await _rows(engine) == unchanged

    given = await web.post(
        f"{base}/roster/assign",
        data={"csrf": csrf, "shift": shift_id, "member": str(members["Lotte Maes"])},
    )
    assert given.status_code == 303 and given.headers["location"].endswith("done=assigned")
    sent = await due_work(bot, wiring.services)
    assert "Dienst aan u toegewezen" in _said(sent, "lotte")
    assert "Dienst toegewezen aan een collega" in _said(sent, "ann")


async def test_a_member_asks_a_swap_from_the_calendar(
    bot: Harness, wiring: Wiring, web: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    base = await session(web, demo("ann"))
    page = await web.get(f"{base}/", params={"month": "2026-12"})
    assert 'id="calendar"' in page.text and "december 2026" in page.text
    shift_ids = re.findall(r'name="shift" value="(\d+)"', page.text)
    csrf = re.search(r'data-csrf="([0-9a-f]+)"', page.text)
    assert shift_ids and csrf is not None

    unchanged = await _rows(engine)
    for fields, status, expected in [
        ({"shift": shift_ids[0], "kind": "assign"}, 400, "Deze dienst is onbekend"),
        ({"shift": "999999", "kind": "giveaway"}, 409, "niet (meer) van u"),
    ]:
        answer = await web.post(f"{base}/swap", data={"csrf": csrf[1], **fields})
        assert answer.status_code == status and expected in answer.text
    assert await _rows(engine) == unchanged

    asked = await web.post(
        f"{base}/swap",
        data={"csrf": csrf[1], "shift": shift_ids[0], "kind": "giveaway", "month": "2026-12"},
    )
    assert asked.status_code == 303 and asked.headers["location"].endswith("done=asked")
    shown = await web.get(asked.headers["location"])
    assert "verantwoordelijk" in shown.text and "wissel lopend" in shown.text
    offers = await due_work(bot, wiring.services)  # the same offer as a request from /shifts
    assert any(call.buttons == ["Overnemen"] for call in _told(offers, "lotte"))
    [shifts] = replies(await bot.send(demo("ann"), "/shifts"))
    assert "Ruil 1" not in shifts.buttons  # the chat knows the request too


async def test_a_shift_without_a_doctor_gets_one_from_the_grid(
    bot: Harness, wiring: Wiring, web: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    [shifts] = replies(await bot.send(demo("ann"), "/shifts"))
    shift_id = int(shifts.button_data("Ruil 1").split(":")[1])
    async with engine.begin() as connection:  # the roster left this night without a doctor
        await connection.execute(
            update(ShiftRow).where(ShiftRow.id == shift_id).values(assignee_id=None)
        )
    base, csrf = await _coordinator(web)
    grid = await web.get(f"{base}/roster", params={"zone": "Noord", "month": "2026-12"})
    assert re.search(rf"shift={shift_id}&[^>]*>Arts toewijzen<", grid.text)
    members = {m.name: m.id for m in await wiring.services.roster.on_call_members()}
    picker = await web.get(f"{base}/roster/assign", params={"shift": shift_id})
    options = re.findall(r'<option value="\d+">([^<]+)</option>', picker.text)
    assert "Ann Claes" in options and "Bart Janssens" not in options  # bart: the rest rule

    unchanged = await _rows(engine)
    refused = await web.post(
        f"{base}/roster/assign",
        data={"csrf": csrf, "shift": shift_id, "member": str(members["Bart Janssens"])},
    )
    assert refused.status_code == 400 and "kan de dienst niet overnemen" in refused.text
    assert await _rows(engine) == unchanged

    given = await web.post(
        f"{base}/roster/assign",
        data={"csrf": csrf, "shift": shift_id, "member": str(members["Lotte Maes"])},
    )
    assert given.status_code == 303
    sent = await due_work(bot, wiring.services)
    assert "nog geen arts" in _said(sent, "lotte")
    [file] = [call for call in _told(sent, "lotte") if call.method == "sendDocument"]
    assert f"UID:shift-{shift_id}@kringbot" in file.params["document"].content.decode()
    again = await web.post(
        f"{base}/roster/assign",
        data={"csrf": csrf, "shift": shift_id, "member": str(members["Ann Claes"])},
    )
    assert again.status_code == 303  # now assigned: it changes hands as a reassignment
