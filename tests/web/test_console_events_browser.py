"""The console's events pages in headless Chromium on a phone: the coordinator publishes an event
with every field, a member registers in the console and gets the chat's confirmation, the
coordinator ticks attendance and downloads the attendance list; every page stays usable, the
registration list of the large kring too."""

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bot.services import Wiring
from tests.handlers.harness import Harness, due_work
from tests.web.browser import PHONE, assert_usable, opened, require_chromium
from tests.web.test_console_events import sent_to

require_chromium()


async def _fill_every_field(page: Any) -> None:
    await page.fill("input[name=title]", "Slaapproblemen bij ouderen")
    await page.select_option("select[name=kind]", "lecture")
    await page.fill("input[name=start]", "2026-12-17T20:00")
    await page.fill("input[name=end]", "2026-12-17T22:00")
    await page.fill("input[name=location]", "Zaal De Linde")
    await page.fill("input[name=capacity]", "30")
    await page.fill("input[name=speaker]", "Dr. Els Peeters")
    await page.fill("textarea[name=description]", "Benzodiazepines afbouwen in de praktijk.")
    await page.fill("input[name=deadline]", "2026-12-16T12:00")
    await page.select_option("select[name=audience]", "all")
    await page.fill("input[name=points]", "2")
    await page.select_option("select[name=rubric]", "ethics")


async def test_an_event_from_publication_to_the_attendance_list(
    bot: Harness, wiring: Wiring, console: str
) -> None:
    async with opened(console, PHONE, "coord") as page:
        await page.get_by_role("link", name="Bijscholingen beheren").click()
        await page.wait_for_url("**/events")
        await assert_usable(page)
        await page.get_by_role("link", name="Nieuwe activiteit").click()
        await page.wait_for_selector("form.event-form")
        await assert_usable(page)
        await _fill_every_field(page)
        await page.get_by_role("button", name="Publiceren en aankondigen").click()
        await page.wait_for_url("**done=created")
        facts = await page.locator(".event-facts").inner_text()
        for shown in ("Zaal De Linde", "Dr. Els Peeters", "30", "ethiek & economie", "Iedereen"):
            assert shown in facts
        await assert_usable(page)
        await page.get_by_role("link", name="Wijzigen").click()
        await page.wait_for_selector("form.event-form")
        assert await page.input_value("input[name=speaker]") == "Dr. Els Peeters"
        await assert_usable(page)
        event_page = page.url.removesuffix("/edit")

    async with opened(console, PHONE, "ann") as page:
        await page.get_by_role("link", name="Bijscholingen").click()
        await page.wait_for_url("**/cme")
        await assert_usable(page)
        event = page.locator("section", has_text="Slaapproblemen bij ouderen")
        await event.get_by_role("button", name="Inschrijven").click()
        await page.wait_for_url("**done=registered")
        await assert_usable(page)
        page.once("dialog", lambda dialog: asyncio.ensure_future(dialog.dismiss()))
        await event.get_by_role("button", name="Uitschrijven").click()  # asked, and kept
        assert "U bent ingeschreven" in await event.inner_text()
    told = sent_to(await due_work(bot, wiring.services), "ann")
    [confirmation] = [c for c in told if c.method == "sendDocument"]
    assert "U bent ingeschreven voor Slaapproblemen bij ouderen" in confirmation.params["caption"]

    async with opened(console, PHONE, "coord") as page:
        await page.goto(event_page)
        await page.get_by_role("button", name="Ann Claes aanwezig markeren").click()
        await page.wait_for_url("**done=attendance")
        assert "aanwezig" in await page.locator("#registrations").inner_text()
        async with page.expect_download() as download:
            await page.get_by_role("link", name="Aanwezigheidslijst (CSV)").click()
        path = Path(await (await download.value).path())
        saved = await asyncio.to_thread(path.read_text, encoding="utf-8-sig")
    assert saved.splitlines()[1] == (
        "Ann Claes;1-45623-71-004;2;ethiek & economie;Slaapproblemen bij ouderen;2026-12-17"
    )


@pytest.mark.parametrize("kring_size", ["large"])
async def test_the_registration_list_of_a_large_kring_fits_a_phone(
    bot: Harness, wiring: Wiring, console: str
) -> None:
    services = wiring.services
    [lecture] = [e for e in await services.events.managed_events() if e.title.startswith("Ethiek")]
    async with wiring.unit_of_work() as uow:
        members = [m for m in await uow.members.list(active_only=True) if m.telegram_id][:60]
    for member in members:
        await services.seats.register(member, lecture.id or 0, despite_clash=True)
    async with opened(console, PHONE, "coord") as page:
        await page.goto(page.url.rstrip("/") + f"/events/{lecture.id}")
        assert await page.locator("#registrations tr").count() == 61  # and the header
        assert "wachtlijst, plaats 20" in await page.locator("#registrations").inner_text()
        await assert_usable(page)
