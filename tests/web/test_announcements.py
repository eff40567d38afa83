"""The coordinator's announcements page over HTTP: the preview shows what members will get,
bad input is refused with the bot's own message and sends nothing, members are refused; and
the statistics page draws the /stats figures as charts."""

import re

import httpx
import pytest

from bot.services import Wiring
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, due_work
from tests.web.test_console import init_data, session


async def csrf_of(web: httpx.AsyncClient, page: str) -> str:
    found = re.search(r'data-csrf="([0-9a-f]+)"', (await web.get(page)).text)
    assert found is not None
    return found.group(1)


async def compose(web: httpx.AsyncClient, base: str, action: str, **fields: str) -> httpx.Response:
    token = await csrf_of(web, f"{base}/announcements")
    form = {"csrf": token, "action": action, "audience": "all", **fields}
    return await web.post(f"{base}/announcements", data=form)


async def broadcasts_made(wiring: Wiring) -> int:
    coordinator = await wiring.services.console.person(demo("coord").id)
    assert coordinator is not None
    return len(await wiring.services.broadcasts.history(coordinator))


async def test_the_preview_shows_the_escaped_text_as_members_get_it_and_sends_nothing(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    base = await session(web, demo("coord"))
    before = await broadcasts_made(wiring)
    text = "Vergadering <b>dinsdag</b> & koffie"
    preview = await compose(web, base, "preview", text=text, audience="zone:Noord")
    assert preview.status_code == 200
    messages = re.findall(r'<div class="bubble">(.*?)</div>', preview.text, re.S)
    # As Telegram shows it: the kring's name in bold, then the text as typed (never HTML).
    assert messages == [
        "<b>Huisartsenkring Demo</b>\nVergadering &lt;b&gt;dinsdag&lt;/b&gt; &amp; koffie"
    ]
    assert re.search(r"\d+ leden? (zal|zullen)", preview.text)  # how many it reaches
    assert 'value="zone:Noord" selected' in preview.text  # the choice is kept
    longest = await compose(web, base, "preview", text="woord " * 666 + "eind")
    assert longest.status_code == 200  # 4,000 characters: still one message
    assert len(re.findall(r'<div class="bubble">', longest.text)) == 1
    assert await broadcasts_made(wiring) == before
    assert await due_work(bot, wiring.services) == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": "   "}, "Een bericht heeft een tekst"),
        ({"text": "x" * 4001}, "te lang"),
        ({"text": "Hallo", "audience": "zone:Nergens"}, "Deze doelgroep bestaat niet"),
        ({"text": "Hallo", "audience": "everyone-and-their-dog"}, "Deze doelgroep bestaat niet"),
    ],
    ids=["empty", "too-long", "unknown-zone", "unknown-audience"],
)
async def test_bad_input_gets_the_bots_message_and_sends_nothing(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring, fields: dict[str, str], message: str
) -> None:
    base = await session(web, demo("coord"))
    before = await broadcasts_made(wiring)
    for action in ("preview", "send"):
        refused = await compose(web, base, action, **fields)
        assert refused.status_code == 400
        assert message in refused.text
    assert await broadcasts_made(wiring) == before
    assert await due_work(bot, wiring.services) == []


async def test_members_may_not_broadcast_or_read_reports(
    bot: Harness, web: httpx.AsyncClient, wiring: Wiring
) -> None:
    coord = await session(web, demo("coord"))
    sent = await compose(web, coord, "send", text="Alleen voor leden")
    assert sent.status_code == 303
    report = sent.headers["location"].split("?")[0]
    base = await session(web, demo("ann"))
    before = await broadcasts_made(wiring)
    token = await csrf_of(web, f"{base}/")
    tried = await web.post(
        f"{base}/announcements",
        data={"csrf": token, "action": "send", "audience": "all", "text": "Van Ann"},
    )
    assert tried.status_code == 403
    own = report.replace(coord, base)
    assert (await web.get(own)).status_code == 403
    assert (await web.get(f"{base}/stats")).status_code == 403
    assert "/announcements" not in (await web.get(f"{base}/")).text
    assert await broadcasts_made(wiring) == before


async def test_a_report_of_no_announcement_is_not_found(
    bot: Harness, web: httpx.AsyncClient
) -> None:
    base = await session(web, demo("coord"))
    missing = await web.get(f"{base}/announcements/999999")
    assert missing.status_code == 404 and "bestaat niet" in missing.text


async def test_the_statistics_page_draws_the_figures_of_stats(
    bot: Harness, web: httpx.AsyncClient
) -> None:
    [chat] = [c for c in await bot.send(demo("coord"), "/stats") if c.method == "sendMessage"]
    active = re.search(r"Actieve leden: (\d+)", chat.text)
    assert active is not None
    base = await session(web, demo("coord"))
    page = await web.get(f"{base}/stats")
    assert page.status_code == 200
    charts = re.findall(r'<svg viewBox="0 0 360 (\d+)" role="img"', page.text)
    assert len(charts) == 5
    assert f"Actieve leden: {active.group(1)}" in page.text  # the same figure, as a bar's title
    assert "<script" not in page.text.split("</header>")[1].replace(
        '<script src="/app/static/console.js"></script>', ""
    )


async def test_a_bot_button_opens_the_announcements_page_directly(
    bot: Harness, web: httpx.AsyncClient
) -> None:
    """/broadcast's Mini App button opens /app/?page=announcements; the shell passes the page on
    (bot/web/static/shell.js) and the session starts there, if there is such a page."""
    asked = {"init_data": init_data(demo("coord")), "page": "announcements"}
    opened = await web.post("/app/session", data=asked)
    assert opened.json()["url"].endswith("/announcements")
    assert (await web.get(opened.json()["url"])).status_code == 200
    elsewhere = await web.post("/app/session", data={**asked, "page": "../../healthz"})
    assert elsewhere.json()["url"].endswith("/")
