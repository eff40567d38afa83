"""The members table over HTTP: the coordinator and staff find, filter and invite; only the
coordinator changes a member; join requests are decided; every change goes through the chat's
services, so the member's menu and messages follow as in Telegram; refusals change nothing."""

import re

import httpx
import pytest
from telegram import BotCommandScopeChat

from bot.core.membership import TelegramPerson
from bot.core.models import MemberStatus, Role
from bot.services import Wiring
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, Person, due_work
from tests.web.test_console import session

LARGE = pytest.mark.parametrize("kring_size", ["large"])
BART = demo("bart")


async def csrf_of(web: httpx.AsyncClient, base: str) -> str:
    page = await web.get(f"{base}/members")
    found = re.search(r'data-csrf="([0-9a-f]+)"', page.text)
    assert found is not None, page.text[:300]
    return found.group(1)


async def post(web: httpx.AsyncClient, base: str, **fields: str) -> httpx.Response:
    return await web.post(f"{base}/members", data={"csrf": await csrf_of(web, base), **fields})


async def member(wiring: Wiring, person: Person) -> tuple[int, str | None, Role, MemberStatus]:
    async with wiring.unit_of_work() as uow:
        found = await uow.members.by_telegram_id(person.id)
    assert found is not None and found.id is not None
    return found.id, found.zone, found.role, found.status


async def asks_to_join(wiring: Wiring, person: Person, name: str) -> Person:
    """A stranger asks to join and answers the two questions, as in the chat."""
    membership = wiring.services.membership
    await membership.request_to_join(TelegramPerson(person.id, "nl"))
    await membership.answer_onboarding(person.id, name)
    await membership.answer_onboarding(person.id, "1-48976-16-004")
    return person


def menu_calls(bot: Harness, person: Person) -> list[str]:
    scope = BotCommandScopeChat(person.id).to_dict()
    return [
        call.method
        for call in bot.request.calls
        if call.method.endswith("MyCommands") and call.params.get("scope") == scope
    ]


@LARGE
async def test_the_coordinator_finds_filters_and_pages(
    bot: Harness, web: httpx.AsyncClient
) -> None:
    base = await session(web, demo("coord"))
    everyone = await web.get(f"{base}/members")
    assert everyone.status_code == 200
    assert "Pagina 1 van 9" in everyone.text  # about 205 members, 25 a page
    assert len(re.findall(r"<tr data-member=", everyone.text)) == 25
    found = await post(web, base, action="search", q="janssens")
    assert "Bart Janssens" in found.text and "Ann Claes" not in found.text
    locums = await post(web, base, action="search", role="locum", zone="Oost", q="")
    rows = re.findall(r"<tr data-member=.*?</tr>", locums.text, re.S)
    assert rows and all("vervangarts" in row and "Oost" in row for row in rows)
    second = await post(web, base, action="search", page="2")
    assert "Pagina 2 van 9" in second.text


@LARGE
async def test_the_coordinator_moves_and_suspends_a_member(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    base = await session(web, demo("coord"))
    bart_id, *_ = await member(wiring, BART)
    moved = await post(web, base, action="edit", member=str(bart_id), role="gp", zone="Oost")
    assert moved.status_code == 303
    assert moved.headers["location"] == f"{base}/members?done=changed&member={bart_id}"
    assert (await member(wiring, BART))[1] == "Oost"
    suspended = await post(web, base, action="suspend", member=str(bart_id))
    shown = await web.get(suspended.headers["location"])
    assert "geschorst" in shown.text and "Heractiveren" in shown.text
    assert (await member(wiring, BART))[3] is MemberStatus.SUSPENDED
    # The menu follows each change, as after "Zone wijzigen" and "Schorsen" in the chat.
    assert menu_calls(bot, BART) == ["setMyCommands", "deleteMyCommands"]
    [refused] = [c for c in await bot.send(BART, "/shifts") if c.method == "sendMessage"]
    assert "geschorst" in refused.params["text"]


@LARGE
async def test_bad_input_is_refused_with_a_message_and_changes_nothing(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    base = await session(web, demo("coord"))
    bart_id, *_ = await member(wiring, BART)
    before = await member(wiring, BART)
    unknown_zone = await post(
        web, base, action="edit", member=str(bart_id), role="locum", zone="Atlantis"
    )
    assert unknown_zone.status_code == 400
    assert "geen zone Atlantis" in unknown_zone.text
    no_role = await post(web, base, action="edit", member=str(bart_id), role="king", zone="Oost")
    assert no_role.status_code == 400 and "Er is niets gewijzigd" in no_role.text
    assert await member(wiring, BART) == before
    assert menu_calls(bot, BART) == []


async def test_staff_invite_gps_but_manage_no_one(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    async with wiring.unit_of_work() as uow:
        lotte = await uow.members.by_telegram_id(demo("lotte").id)
        assert lotte is not None
        lotte.role = Role.STAFF
        await uow.members.update(lotte)
        await uow.commit()
    base = await session(web, demo("lotte"))
    page = await web.get(f"{base}/members")
    assert page.status_code == 200 and "Bart" in page.text
    assert 'value="suspend"' not in page.text  # the coordinator's tools only
    assert 'value="coordinator"' not in page.text.split("Uitnodigen")[-1]
    invite = await post(web, base, action="invite", role="gp", zone="Noord")
    assert invite.status_code == 200 and "https://t.me/" in invite.text and "Noord" in invite.text
    bart_id, *_ = await member(wiring, BART)
    refusals = [
        await post(web, base, action="invite", role="coordinator", zone=""),
        await post(web, base, action="suspend", member=str(bart_id)),
    ]
    assert [r.status_code for r in refusals] == [400, 400]
    assert all("Enkel de coördinator" in r.text for r in refusals)
    assert (await member(wiring, BART))[3] is MemberStatus.ACTIVE


async def test_a_member_cannot_open_or_post_to_the_members_page(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    base = await session(web, demo("ann"))
    assert (await web.get(f"{base}/members")).status_code == 403
    bart_id, *_ = await member(wiring, BART)
    refused = await web.post(f"{base}/members", data={"action": "suspend", "member": bart_id})
    assert refused.status_code == 403
    assert (await member(wiring, BART))[3] is MemberStatus.ACTIVE


async def test_a_join_request_is_approved_with_role_and_zone(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    applicant = await asks_to_join(wiring, Person(8100001, "nl", "Sofie"), "Sofie Wouters")
    base = await session(web, demo("coord"))
    page = await web.get(f"{base}/members")
    assert "Lidmaatschapsaanvragen" in page.text and "Sofie Wouters" in page.text
    sofie_id, *_ = await member(wiring, applicant)
    approved = await post(
        web, base, action="approve", member=str(sofie_id), role="locum", zone="Zuid"
    )
    assert approved.status_code == 303
    assert (await member(wiring, applicant))[1:] == ("Zuid", Role.LOCUM, MemberStatus.ACTIVE)
    assert menu_calls(bot, applicant) == ["setMyCommands"]
    [told] = [text for chat, text in await delivered(bot, wiring) if chat == applicant.id]
    assert "goedgekeurd" in told


async def delivered(bot: Harness, wiring: Wiring) -> list[tuple[int, str]]:
    """What the outbox tick sends now: (chat, text) of each message."""
    calls = await due_work(bot, wiring.services)
    return [
        (int(c.params["chat_id"]), c.params["text"]) for c in calls if c.method == "sendMessage"
    ]


async def test_a_member_is_removed_and_a_request_rejected(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    applicant = await asks_to_join(wiring, Person(8100002, "nl", "Jonas"), "Jonas Maes")
    base = await session(web, demo("coord"))
    jonas_id, *_ = await member(wiring, applicant)
    rejected = await post(web, base, action="reject", member=str(jonas_id))
    assert rejected.headers["location"] == f"{base}/members?done=rejected"
    bart_id, *_ = await member(wiring, BART)
    removed = await post(web, base, action="remove", member=str(bart_id))
    page = await web.get(removed.headers["location"])
    assert "uit de kring verwijderd" in page.text and "Bart Janssens" not in page.text
    assert menu_calls(bot, BART) == menu_calls(bot, applicant) == ["deleteMyCommands"]
    [told] = [text for chat, text in await delivered(bot, wiring) if chat == applicant.id]
    assert "niet goedgekeurd" in told
