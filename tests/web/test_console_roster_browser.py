"""The roster grid and my shifts in headless Chromium: the coordinator approves a pending swap
in the grid and both colleagues get the chat's messages, the new holder's live feed follows; on
the large kring the grid, the assign picker and the calendar fit a phone and pass axe."""

import httpx
import pytest

from bot.services import Wiring
from tests.handlers.harness import Harness, due_work
from tests.web.browser import PHONE, assert_usable, opened, require_chromium
from tests.web.test_console_roster import _feed_path, _said, _taken_swap

require_chromium()


async def test_the_coordinator_approves_a_pending_swap_in_the_grid(
    bot: Harness, wiring: Wiring, console: str
) -> None:
    await _taken_swap(bot, wiring)
    feed = await _feed_path(bot, "lotte")
    async with httpx.AsyncClient(base_url=console) as client:
        before = (await client.get(feed)).text
    async with opened(console, PHONE, "coord") as page:
        await page.get_by_role("link", name="Rooster").click()
        await page.wait_for_selector("#roster")
        await page.locator(".shift .mark.swap").first.wait_for()
        await assert_usable(page)
        await page.get_by_role("button", name="Goedkeuren").click()
        await page.wait_for_selector(".notice")
        assert "goedgekeurd" in await page.locator(".notice").inner_text()
        assert await page.get_by_role("button", name="Goedkeuren").count() == 0
    sent = await due_work(bot, wiring.services)
    for person in ("ann", "lotte"):
        assert "Wissel goedgekeurd</b>: Ann Claes → Lotte Maes" in _said(sent, person)
    async with httpx.AsyncClient(base_url=console) as client:
        after = (await client.get(feed)).text
    assert after.count("BEGIN:VEVENT") == before.count("BEGIN:VEVENT") + 1


@pytest.mark.parametrize("kring_size", ["large"])
async def test_the_large_kring_grid_picker_and_calendar_fit_a_phone(console: str) -> None:
    async with opened(console, PHONE, "coord") as page:
        await page.get_by_role("link", name="Rooster").click()
        await page.wait_for_selector("#roster")
        await assert_usable(page)
        await page.locator("a.assign").first.click()
        await page.wait_for_selector("select#member")
        assert await page.locator("select#member option").count() > 2  # colleagues of the zone
        await assert_usable(page)
    async with opened(console, PHONE, "ann") as page:
        await page.wait_for_selector("#calendar")
        assert await page.locator("#calendar tr").count() >= 5  # a header and the weeks
        await assert_usable(page)
