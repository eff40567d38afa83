"""The console over HTTP: Telegram's signed initData opens a session for members only, and each
page keeps the bot's access rules (the roster for the coordinator and staff)."""

import json
import re
import time

import httpx
import pytest

from bot.core.models import MemberStatus
from bot.services import Wiring
from bot.web.initdata import sign_init_data
from tests.handlers.conftest import STRANGER, demo
from tests.handlers.harness import Harness, Person

TOKEN = "424242:TEST-TOKEN-abcdefghijklmnop"  # the harness's bot


def init_data(person: Person, token: str = TOKEN, age: int = 0) -> str:
    user = json.dumps({"id": person.id, "first_name": person.first_name, "language_code": "nl"})
    return sign_init_data({"auth_date": str(int(time.time()) - age), "user": user}, token)


async def session(web: httpx.AsyncClient, person: Person) -> str:
    opened = await web.post("/app/session", data={"init_data": init_data(person)})
    assert opened.status_code == 200, opened.text
    return str(opened.json()["url"]).rstrip("/")


async def test_the_coordinator_sees_the_roster_with_what_needs_attention(
    bot: Harness, web: httpx.AsyncClient
) -> None:
    base = await session(web, demo("coord"))
    roster = await web.get(f"{base}/roster", params={"zone": "Noord", "month": "2026-12"})
    assert roster.status_code == 200
    assert "Rooster Noord" in roster.text and "december 2026" in roster.text
    assert "Ann" in roster.text  # who is on duty
    assert roster.headers["referrer-policy"] == "same-origin"
    assert len(re.findall(r'<tr class="(weekend)?">', roster.text)) == 31  # a row per day


async def test_a_member_sees_their_shifts_but_not_the_roster(
    bot: Harness, web: httpx.AsyncClient
) -> None:
    base = await session(web, demo("ann"))
    mine = await web.get(f"{base}/")
    assert mine.status_code == 200 and "Mijn wachtdiensten" in mine.text and "Noord" in mine.text
    assert "/roster" not in mine.text
    refused = await web.get(f"{base}/roster")
    assert refused.status_code == 403 and "coördinator" in refused.text


@pytest.mark.parametrize(
    "forged",
    [
        init_data(demo("coord"), token="1:another-bot"),  # not signed with our token
        init_data(demo("coord"), age=7200),  # stale
        init_data(demo("coord")).replace("hash=", "hash=0"),  # altered
        "",
    ],
)
async def test_forged_or_stale_init_data_opens_nothing(
    bot: Harness, web: httpx.AsyncClient, forged: str
) -> None:
    refused = await web.post("/app/session", data={"init_data": forged})
    assert refused.status_code == 403 and "url" not in refused.text


async def test_strangers_and_suspended_members_get_no_session(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    stranger = await web.post("/app/session", data={"init_data": init_data(STRANGER)})
    assert stranger.status_code == 403
    base = await session(web, demo("bart"))
    async with wiring.unit_of_work() as uow:
        bart = await uow.members.by_telegram_id(demo("bart").id)
        assert bart is not None
        bart.status = MemberStatus.SUSPENDED
        await uow.members.update(bart)
        await uow.commit()
    assert (await web.get(f"{base}/")).status_code == 403  # an open session ends with it
    again = await web.post("/app/session", data={"init_data": init_data(demo("bart"))})
    assert again.status_code == 403


async def test_an_altered_session_address_is_refused(bot: Harness, web: httpx.AsyncClient) -> None:
    base = await session(web, demo("ann"))
    coordinator_id, ann_id = demo("coord").id, demo("ann").id
    forged = base.replace(f"/s/{ann_id}.", f"/s/{coordinator_id}.")
    assert forged != base
    assert (await web.get(f"{forged}/roster")).status_code == 403
