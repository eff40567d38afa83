"""The console in headless Chromium as Telegram shows it: on a phone (390 px wide) and on a
desktop, opened with signed initData (Telegram's script replaced by a small stand-in that hands
the page its initData, as Telegram's does)."""

import asyncio
import os
import signal
import sys

import pytest

from tests.web.browser import (
    DESKTOP,
    PHONE,
    ROOT,
    STAND_IN,
    assert_usable,
    browser_page,
    opened,
    require_chromium,
)

require_chromium()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
async def test_the_coordinator_reads_the_roster_grid(
    console: str, viewport: dict[str, int]
) -> None:
    async with opened(console, viewport, "coord") as page:
        await page.get_by_role("link", name="Rooster").click()
        await page.wait_for_selector("#roster")
        assert await page.locator("#roster tr").count() >= 28  # a row per day of the month
        assert "Rooster Noord" in await page.locator("h1").inner_text()
        await assert_usable(page)
        await page.select_option("select[name=zone]", index=1)  # the zone switch works
        await page.wait_for_selector("#roster")
        assert "Rooster Zuid" in await page.locator("h1").inner_text()


async def test_a_member_sees_their_shifts_and_no_roster_link(console: str) -> None:
    async with opened(console, PHONE, "ann") as page:
        assert "Mijn wachtdiensten" in await page.locator("h1").inner_text()
        assert await page.get_by_role("link", name="Rooster").count() == 0
        assert "Noord" in await page.locator(".my-shifts").inner_text()  # under the calendar
        await assert_usable(page)


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
        env={
            **os.environ,
            "TELEGRAM_BOT_TOKEN": "",
            "DATABASE_URL": "sqlite:///:memory:",
            "SEMANTIC_SEARCH": "false",
        },
    )
    try:
        assert process.stdout is not None
        lines = [(await asyncio.wait_for(process.stdout.readline(), 60)).decode() for _ in range(6)]
        addresses = dict(line.split() for line in lines)
        assert set(addresses) == {"coord", "ann", "bart", "elise", "lotte", "tom"}
        async with browser_page(PHONE) as page:
            await page.route(STAND_IN, lambda route: route.abort())  # offline, as here
            await page.goto(addresses["coord"])
            await page.wait_for_url("**/app/s/**")
            await page.get_by_role("link", name="Rooster").click()
            await page.wait_for_selector("#roster")
    finally:
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0
