"""The console's events pages over HTTP: the coordinator's form with every field (the same
rules and refusals as the chat, bad input changing nothing), cancelling, attendance and its
CSV; members registering and unregistering, confirmed in the chat like /cme does."""

import re
from datetime import UTC, datetime
from typing import Any

import httpx

from bot.core.models import EventAudience, EventStatus
from bot.services import Wiring
from tests.conftest import snapshot
from tests.handlers.conftest import demo
from tests.handlers.harness import Call, Harness, due_work
from tests.web.test_console import session

EVERY_FIELD = {
    "title": "Slaapproblemen bij ouderen",
    "kind": "lecture",
    "start": "2026-12-15T20:00",
    "end": "2026-12-15T22:00",
    "location": "Zaal De Linde",
    "capacity": "30",
    "speaker": "Dr. Els Peeters",
    "description": "Benzodiazepines afbouwen in de praktijk.",
    "deadline": "2026-12-14T12:00",
    "audience": "gps",
    "lok_group": "",
    "points": "2",
    "rubric": "ethics",
}


async def csrf_of(web: httpx.AsyncClient, address: str) -> str:
    page = await web.get(address)
    found = re.search(r'data-csrf="([0-9a-f]+)"', page.text)
    assert found is not None, page.text
    return found.group(1)


async def post(web: httpx.AsyncClient, base: str, path: str, **fields: str) -> httpx.Response:
    return await web.post(f"{base}{path}", data={"csrf": await csrf_of(web, f"{base}/"), **fields})


async def event_id(wiring: Wiring, title: str) -> int:
    events = await wiring.services.events.managed_events()
    return next(event.id or 0 for event in events if event.title.startswith(title))


def sent_to(calls: list[Call], handle: str) -> list[Call]:
    return [call for call in calls if call.params["chat_id"] == demo(handle).id]


def caption(call: Call) -> Any:
    return call.params.get("caption") or call.params.get("text")


async def test_the_coordinator_publishes_an_event_with_every_field(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    base = await session(web, demo("coord"))
    form = await web.get(f"{base}/events/new")
    assert form.status_code == 200 and 'name="rubric"' in form.text
    done = await post(web, base, "/events/new", **EVERY_FIELD)
    assert done.status_code == 303 and done.headers["location"].endswith("?done=created")
    page = await web.get(done.headers["location"])
    for shown in ("Slaapproblemen bij ouderen", "Dr. Els Peeters", "Zaal De Linde", "30"):
        assert shown in page.text
    assert "Huisartsen" in page.text and "ethiek" in page.text.lower()
    event = await wiring.services.events.event(await event_id(wiring, "Slaapproblemen"))
    assert (event.capacity, event.points, event.audience) == (30, 2, EventAudience.GPS)
    assert event.deadline_at == datetime(2026, 12, 14, 11, 0, tzinfo=UTC)  # 12:00 in Brussels
    # Announced to its audience as from the chat: the GPs, not the locums nor its publisher.
    told = {c.params["chat_id"] for c in await due_work(bot, wiring.services) if "Slaap" in c.text}
    assert told == {demo(handle).id for handle in ("ann", "bart", "elise")}


async def test_bad_input_is_refused_with_the_reason_and_changes_nothing(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    base = await session(web, demo("coord"))
    csrf = await csrf_of(web, f"{base}/")
    before = await snapshot(wiring.engine)
    bad = [
        ({"end": "2026-12-15T19:00"}, "Het einde moet na het begin"),
        ({"deadline": "2026-12-16T12:00"}, "uiterste inschrijfdatum moet voor het begin"),
        ({"title": "x"}, "3 tot 120 tekens"),
        ({"capacity": "veel"}, "geheel getal"),
        ({"audience": "lok", "lok_group": ""}, "bestaande lok_group"),
    ]
    for change, reason in bad:
        refused = await web.post(f"{base}/events/new", data={"csrf": csrf, **EVERY_FIELD, **change})
        assert refused.status_code == 400, change
        assert reason in refused.text, (change, refused.text)
        assert 'value="Dr. Els Peeters"' in refused.text  # what was typed is kept
    assert await snapshot(wiring.engine) == before


async def test_the_coordinator_edits_every_field_and_bad_edits_change_nothing(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    base = await session(web, demo("coord"))
    lecture = await event_id(wiring, "Antibiotica")
    form = await web.get(f"{base}/events/{lecture}/edit")
    assert 'value="Antibiotica in de eerste lijn"' in form.text
    csrf = await csrf_of(web, f"{base}/")
    before = await snapshot(wiring.engine)
    wrong = {**EVERY_FIELD, "start": "morgen"}
    refused = await web.post(f"{base}/events/{lecture}/edit", data={"csrf": csrf, **wrong})
    assert refused.status_code == 400 and "datum en uur" in refused.text
    assert await snapshot(wiring.engine) == before
    done = await web.post(f"{base}/events/{lecture}/edit", data={"csrf": csrf, **EVERY_FIELD})
    assert done.status_code == 303
    event = await wiring.services.events.event(lecture)
    assert (event.title, event.speaker, event.capacity) == (
        "Slaapproblemen bij ouderen",
        "Dr. Els Peeters",
        30,
    )


async def test_a_member_cannot_use_the_coordinators_pages(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    base = await session(web, demo("ann"))
    lecture = await event_id(wiring, "Antibiotica")
    csrf = await csrf_of(web, f"{base}/")
    before = await snapshot(wiring.engine)
    attempts = [
        await web.post(f"{base}/events/new", data={"csrf": csrf, **EVERY_FIELD}),
        await web.post(f"{base}/events/{lecture}/edit", data={"csrf": csrf, **EVERY_FIELD}),
        await web.post(f"{base}/events/{lecture}/cancel", data={"csrf": csrf}),
        await web.get(f"{base}/events/{lecture}/attendance.csv"),
        await web.get(f"{base}/events"),
    ]
    assert [attempt.status_code for attempt in attempts] == [403] * 5
    assert "coördinator" in attempts[0].text
    assert await snapshot(wiring.engine) == before
    assert f"{base}/events" not in (await web.get(f"{base}/cme")).text  # nor a link to them


async def test_members_register_and_unregister_with_the_chats_messages(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    """The lecture has two seats: ann and bart (on duty, so warned first) take them, elise
    waits; ann leaves and elise is offered the seat, each told in the chat as /cme tells them."""
    lecture = str(await event_id(wiring, "Antibiotica"))
    pages = {handle: await session(web, demo(handle)) for handle in ("ann", "bart", "elise")}
    for handle in ("ann", "bart", "elise"):
        done = await post(web, pages[handle], "/cme", event=lecture, action="register")
        if handle == "bart":  # on duty that evening: warned first, as in the chat
            assert done.status_code == 200 and "U hebt wachtdienst tijdens" in done.text
            done = await post(web, pages[handle], "/cme", event=lecture, action="anyway")
        assert done.status_code == 303
    sent = await due_work(bot, wiring.services)
    [ann] = sent_to(sent, "ann")
    assert ann.method == "sendDocument" and ann.params["document"].filename.endswith(".ics")
    assert "U bent ingeschreven voor Antibiotica" in caption(ann)
    assert ann.buttons == ["Ook een uur vooraf herinneren"]
    [elise] = sent_to(sent, "elise")
    assert "n° 1 sur la liste d'attente" in caption(elise)
    waiting = await web.get(f"{pages['elise']}/cme")
    assert "n° 1 sur la liste" in waiting.text
    again = await post(web, pages["ann"], "/cme", event=lecture, action="register")
    assert again.status_code == 409 and "al ingeschreven" in again.text
    gone = await post(web, pages["ann"], "/cme", event=lecture, action="unregister")
    assert gone.headers["location"].endswith("done=unregistered")
    sent = await due_work(bot, wiring.services)
    [removal] = sent_to(sent, "ann")
    assert "niet langer ingeschreven" in caption(removal)
    assert b"METHOD:CANCEL" in removal.params["document"].content
    [offer] = sent_to(sent, "elise")
    assert "place" in offer.text.lower() and offer.buttons  # the seat offered, as in the chat


async def test_attendance_is_ticked_and_exported_and_an_event_cancelled(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    lecture = await event_id(wiring, "Antibiotica")
    ann = await session(web, demo("ann"))
    await post(web, ann, "/cme", event=str(lecture), action="register")
    await due_work(bot, wiring.services)
    base = await session(web, demo("coord"))
    page = await web.get(f"{base}/events/{lecture}")
    assert "Ann" in page.text and "markeer aanwezig" in page.text.lower()
    registration = re.search(r'name="registration" value="(\d+)"', page.text)
    assert registration is not None
    ticked = await post(
        web, base, f"/events/{lecture}/attended", registration=registration.group(1)
    )
    assert ticked.status_code == 303
    exported = await web.get(f"{base}/events/{lecture}/attendance.csv")
    assert exported.headers["content-type"].startswith("text/csv")
    assert "attachment" in exported.headers["content-disposition"]
    assert exported.text.strip().splitlines()[1:] == [
        "Ann Claes;1-45623-71-004;2;algemeen;Antibiotica in de eerste lijn;2026-12-04"
    ]
    tapped = await bot.tap(demo("coord"), f"evcsv:{lecture}")
    [in_the_chat] = [call for call in tapped if call.method == "sendDocument"]
    assert in_the_chat.params["document"].content == exported.content  # the file /events sends
    cancelled = await post(web, base, f"/events/{lecture}/cancel")
    assert cancelled.headers["location"].endswith("done=cancelled")
    assert (await wiring.services.events.event(lecture)).status is EventStatus.CANCELLED
    told = sent_to(await due_work(bot, wiring.services), "ann")
    assert len(told) == 1 and "Geannuleerd" in caption(told[0])
    before = await snapshot(wiring.engine)
    again = await post(web, base, f"/events/{lecture}/cancel")
    assert again.status_code == 409 and "geannuleerd" in again.text
    unknown = await post(web, base, "/events/999/attended", registration=registration.group(1))
    assert unknown.status_code == 404 and "bestaat niet" in unknown.text
    assert await snapshot(wiring.engine) == before
