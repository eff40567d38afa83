"""The console in headless Chromium as Telegram shows it: on a phone (390 px wide) and on a
desktop, opened with signed initData (Telegram's script replaced by a small stand-in that hands
the page its initData, as Telegram's does)."""

import asyncio
import json
import os
import shutil
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.services import Wiring
from bot.web.health import Health
from bot.web.server import WebServer, WebSettings, build_web_app
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness
from tests.web.test_console import init_data

playwright_api = pytest.importorskip("playwright.async_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    if os.environ.get("CI"):  # CI installs Chromium (.ci/run): missing there is a failure
        raise RuntimeError("Chromium is missing: .ci/run installs Debian's chromium package")
    pytest.skip("Chromium is not installed (Debian: apt install chromium)", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent.parent
STAND_IN = "https://telegram.org/js/telegram-web-app.js"
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}


@pytest.fixture
async def console(bot: Harness, wiring: Wiring) -> AsyncIterator[str]:
    """The bot's web server on a free loopback port."""

    async def reachable() -> None:
        return None

    settings = WebSettings("127.0.0.1", 0)
    server = WebServer(
        build_web_app(bot.app, wiring.services, Health(reachable, lambda: None, 2.0), settings),
        settings,
    )
    await server.start()
    yield f"http://127.0.0.1:{server.port}"
    await server.stop()


async def _open(console: str, viewport: dict[str, int], person: str):  # type: ignore[no-untyped-def]
    """A browser page that opened the console as `person` and landed on its first page."""
    init = json.dumps(init_data(demo(person)))
    script = "window.Telegram = {WebApp: {initData: " + init + ", ready() {}, expand() {}}};"
    playwright = await playwright_api.async_playwright().start()
    browser = await playwright.chromium.launch(executable_path=CHROMIUM)
    page = await browser.new_page(viewport=viewport)
    await page.route(
        STAND_IN, lambda route: route.fulfill(body=script, content_type="text/javascript")
    )
    await page.goto(f"{console}/app/")
    await page.wait_for_url("**/app/s/**")
    return playwright, browser, page


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
async def test_the_coordinator_reads_the_roster_grid(
    console: str, viewport: dict[str, int]
) -> None:
    playwright, browser, page = await _open(console, viewport, "coord")
    try:
        await page.get_by_role("link", name="Rooster").click()
        await page.wait_for_selector("#roster")
        assert await page.locator("#roster tr").count() >= 28  # a row per day of the month
        assert "Rooster Noord" in await page.locator("h1").inner_text()
        overflow = await page.evaluate("document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0  # nothing sticks out sideways, on a phone either
        await page.select_option("select[name=zone]", index=0)  # the zone switch works
        await page.wait_for_selector("#roster")
    finally:
        await browser.close()
        await playwright.stop()


async def test_a_member_sees_their_shifts_and_no_roster_link(console: str) -> None:
    playwright, browser, page = await _open(console, PHONE, "ann")
    try:
        assert "Mijn wachtdiensten" in await page.locator("h1").inner_text()
        assert await page.get_by_role("link", name="Rooster").count() == 0
        assert "Noord" in await page.locator("table").inner_text()
    finally:
        await browser.close()
        await playwright.stop()


async def test_kringbot_web_gives_each_demo_person_a_signed_address() -> None:
    """`kringbot web`: the console on the emulator, one address per demo person; opened in a
    browser without Telegram (its script cannot load here), the address's initData still opens
    the person's session."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "web",
        "--seed",
        "demo",
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "TELEGRAM_BOT_TOKEN": "", "DATABASE_URL": "sqlite:///:memory:"},
    )
    try:
        assert process.stdout is not None
        lines = [(await asyncio.wait_for(process.stdout.readline(), 60)).decode() for _ in range(6)]
        addresses = dict(line.split() for line in lines)
        assert set(addresses) == {"coord", "ann", "bart", "elise", "lotte", "tom"}
        playwright = await playwright_api.async_playwright().start()
        browser = await playwright.chromium.launch(executable_path=CHROMIUM)
        try:
            page = await browser.new_page(viewport=PHONE)
            await page.route(STAND_IN, lambda route: route.abort())  # offline, as here
            await page.goto(addresses["coord"])
            await page.wait_for_url("**/app/s/**")
            await page.get_by_role("link", name="Rooster").click()
            await page.wait_for_selector("#roster")
        finally:
            await browser.close()
            await playwright.stop()
    finally:
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0
