"""The coordinator's announcements and statistics in headless Chromium, on a phone: compose,
preview and send to one zone; only that zone's members get the Telegram message (through the
outbox tick and the emulator's rules); the delivery report shows it; the charts render."""

from typing import Any

import pytest

from bot.services import Wiring
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, due_work
from tests.web.browser import PHONE, assert_usable, opened, require_chromium

require_chromium()

ZONE_NORTH = ("ann", "bart", "lotte")


async def test_the_coordinator_announces_to_one_zone_and_reads_the_report(
    console: str, bot: Harness, wiring: Wiring
) -> None:
    async with opened(console, PHONE, "coord") as page:
        page.on("dialog", lambda dialog: dialog.accept())  # "send this announcement?"
        await page.get_by_role("link", name="Berichten").click()
        await page.get_by_label("Tekst van de aankondiging").fill(
            "Wachtpost Noord <dicht> vannacht"
        )
        await page.get_by_label("Doelgroep").select_option(label="Zone Noord")
        await page.get_by_label("Dringend").check()
        await page.get_by_role("button", name="Voorbeeld").click()
        await page.wait_for_load_state()
        preview = page.locator("#preview")
        assert "Wachtpost Noord <dicht> vannacht" in await preview.inner_text()
        assert "3 leden" in await page.locator("main").inner_text()
        await assert_usable(page)
        await page.get_by_role("button", name="Verzenden").click()
        await page.wait_for_selector("#figures")
        assert "wordt verzonden" in await page.locator(".notice").inner_text()

        sent = [c for c in await due_work(bot, wiring.services) if c.method == "sendMessage"]
        announced = {c.params["chat_id"] for c in sent if "&lt;dicht&gt;" in c.params["text"]}
        assert announced == {demo(handle).id for handle in ZONE_NORTH}

        await page.reload()
        assert await _figure(page, "afgeleverd") == "3"
        assert await _figure(page, "wachtend") == "0"
        assert "Ann" in await page.locator("#deliveries").inner_text()
        await assert_usable(page)

        await page.get_by_role("link", name="Statistieken").click()
        charts = page.locator("svg[role=img]")
        await charts.first.wait_for()
        assert await charts.count() == 5
        assert "Berichten" in await page.locator("#chart-broadcasts h2").inner_text()
        await assert_usable(page)


async def _figure(page: Any, label: str) -> str:
    row = page.locator("#figures tr", has=page.locator("th", has_text=label))
    return str(await row.locator("td").inner_text())


@pytest.mark.parametrize("kring_size", ["large"])
async def test_the_history_of_the_large_kring_reads_on_a_phone(console: str) -> None:
    async with opened(console, PHONE, "coord") as page:
        await page.get_by_role("link", name="Berichten").click()
        history = page.locator("#history li")
        await history.first.wait_for()
        assert await history.count() >= 2
        await assert_usable(page)
        await history.first.get_by_role("link").click()
        await page.wait_for_selector("#deliveries")
        assert await page.locator("#deliveries tr").count() > 20  # a report of many members
        await assert_usable(page)
