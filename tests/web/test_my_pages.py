"""A member's own console pages over HTTP: "My settings" and "My credits" show what /settings
and /credits show and change the same things through the same services; a bad value gets a
translated message and changes nothing."""

import re
from datetime import timedelta

import httpx
from telegram import BotCommandScopeChat

from bot.clock import SettableClock
from bot.core.models import DigestFrequency, Member
from bot.services import Wiring
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, replies
from tests.web.test_console import session

ANN = demo("ann")


async def post(web: httpx.AsyncClient, page: str, **fields: str) -> httpx.Response:
    shown = await web.get(page)
    found = re.search(r'data-csrf="([0-9a-f]+)"', shown.text)
    assert found is not None
    return await web.post(page, data={"csrf": found.group(1), **fields})


async def ann(wiring: Wiring) -> Member:
    async with wiring.unit_of_work() as uow:
        member = await uow.members.by_telegram_id(ANN.id)
    assert member is not None
    return member


SETTINGS = {"language": "nl", "digest": "weekly", "quiet": "none", "cme": "on", "reminder": "24"}


async def test_my_settings_change_as_in_the_chat(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    base = await session(web, ANN)
    [chat] = replies(await bot.send(ANN, "/settings"))
    page = await web.get(f"{base}/settings")
    assert page.status_code == 200 and chat.text in page.text  # the same summary
    chosen = {"digest": "daily", "quiet": "22-7", "cme": "off", "reminder": "2", "language": "fr"}
    saved = await post(web, f"{base}/settings", action="save", **{**SETTINGS, **chosen})
    assert saved.status_code == 303
    member = await ann(wiring)
    assert (member.digest, member.cme_announcements, member.shift_reminder_hours) == (
        DigestFrequency.DAILY,
        False,
        2,
    )
    assert (member.quiet_from.hour, member.quiet_until.hour) == (22, 7)  # type: ignore[union-attr]
    assert member.language == "fr"
    scope = BotCommandScopeChat(ANN.id).to_dict()
    [menu] = [c for c in bot.request.calls if c.params.get("scope") == scope]
    assert menu.method == "setMyCommands"  # her menu, now in French, as after /language
    assert "Mes paramètres" in (await web.get(saved.headers["location"])).text


async def test_a_bad_setting_changes_nothing(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    base = await session(web, ANN)
    before = await ann(wiring)
    for bad in ({"language": "xx", "digest": "daily"}, {"quiet": "1-2", "digest": "daily"}):
        refused = await post(web, f"{base}/settings", action="save", **{**SETTINGS, **bad})
        assert refused.status_code == 400 and "Er is niets gewijzigd" in refused.text
    assert await ann(wiring) == before


async def test_the_calendar_address_is_shown_renewed_and_stopped(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    base, feeds = await session(web, ANN), wiring.services.feeds
    shown = await post(web, f"{base}/settings", action="feed")
    [first] = re.findall(r"/feeds/([\w-]+)\.ics", shown.text)
    assert "webcal://" in shown.text and await feeds.content(first) is not None
    renewed = await post(web, f"{base}/settings", action="renew")
    [second] = re.findall(r"/feeds/([\w-]+)\.ics", renewed.text)
    assert second != first and await feeds.content(first) is None
    stopped = await post(web, f"{base}/settings", action="stop")
    assert "gestopt" in (await web.get(stopped.headers["location"])).text
    assert await feeds.content(second) is None


async def test_my_credits_show_the_chats_progress_and_take_cme_from_elsewhere(
    bot: Harness, web: httpx.AsyncClient, clock: SettableClock
) -> None:
    base = await session(web, ANN)
    day = (clock.now() - timedelta(days=3)).date()
    added = await post(
        web,
        f"{base}/credits",
        action="add",
        title="Congres Domus Medica",
        day=day.isoformat(),
        points="4",
        rubric="ethics",
    )
    assert added.status_code == 303
    page = await web.get(added.headers["location"])
    [chat] = replies(await bot.send(ANN, "/credits"))
    assert "Congres Domus Medica" in chat.text and chat.text in page.text


async def test_bad_cme_from_elsewhere_is_refused_and_not_added(
    bot: Harness, web: httpx.AsyncClient, clock: SettableClock
) -> None:
    base = await session(web, ANN)
    future = (clock.now() + timedelta(days=3)).date().isoformat()
    good = {"action": "add", "title": "Congres", "points": "4", "rubric": "general"}
    for bad in ({"day": future}, {"day": "2026-01-05", "points": "veel"}, {"rubric": "x"}):
        refused = await post(web, f"{base}/credits", **{**good, "day": "2026-01-05", **bad})
        assert refused.status_code == 400 and 'role="alert"' in refused.text
    [chat] = replies(await bot.send(ANN, "/credits"))
    assert "Congres" not in chat.text
