"""The members table in headless Chromium on the large kring (about 200 members): the
coordinator finds a member, moves and suspends them (the member's Telegram menu follows), a
refused change shows the chat's message; the page fits a phone and a desktop."""

import pytest
from telegram import BotCommandScopeChat

from bot.core.models import MemberStatus
from bot.services import Wiring
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness
from tests.web.browser import DESKTOP, PHONE, assert_usable, opened, require_chromium

require_chromium()
LARGE = pytest.mark.parametrize("kring_size", ["large"])
BART = demo("bart")


@LARGE
async def test_the_coordinator_finds_moves_and_suspends_a_member(
    console: str, bot: Harness, wiring: Wiring
) -> None:
    async with opened(console, PHONE, "coord") as page:
        await page.get_by_role("link", name="Leden").click()
        await page.wait_for_selector("#members")
        await assert_usable(page)
        await page.get_by_label("Naam").fill("bart janss")
        await page.get_by_role("button", name="Zoeken").click()
        assert "bart" not in page.url  # a name typed to search stays out of the address
        row = page.locator("#members tr", has_text="Bart Janssens")
        await row.get_by_label("Zone van Bart Janssens").select_option("Oost")
        await row.get_by_role("button", name="Bewaren").click()
        await page.wait_for_selector(".notice")
        assert "Oost" in await row.inner_text()
        await row.get_by_role("button", name="Schorsen").click()
        await page.wait_for_selector("text=Het lid is geschorst")
        assert "geschorst" in await row.inner_text()
        await assert_usable(page)

        # An altered form (a zone the kring does not have) gets the chat's message.
        await row.get_by_label("Zone van Bart Janssens").evaluate(
            "select => select.add(new Option('Atlantis', 'Atlantis', true, true))"
        )
        await row.get_by_role("button", name="Bewaren").click()
        await page.wait_for_selector(".error")
        assert "geen zone Atlantis" in await page.locator(".error").inner_text()
    async with wiring.unit_of_work() as uow:
        bart = await uow.members.by_telegram_id(BART.id)
    assert bart is not None and bart.zone == "Oost" and bart.status is MemberStatus.SUSPENDED
    scope = BotCommandScopeChat(BART.id).to_dict()
    menu = [c.method for c in bot.request.calls if c.params.get("scope") == scope]
    assert menu[-1] == "deleteMyCommands"  # Bart's menu: the bot no longer serves him


@LARGE
async def test_the_members_table_fits_a_desktop(console: str) -> None:
    async with opened(console, DESKTOP, "coord") as page:
        await page.get_by_role("link", name="Leden").click()
        await page.wait_for_selector("#members")
        assert await page.locator("#members tr[data-member]").count() == 25  # a page
        await page.get_by_role("button", name="Volgende").click()
        await page.wait_for_selector("text=Pagina 2 van")
        await assert_usable(page)


async def test_a_member_has_her_own_pages_but_not_the_members_table(console: str) -> None:
    async with opened(console, PHONE, "ann") as page:
        assert await page.get_by_role("link", name="Leden").count() == 0
        await page.get_by_role("link", name="Mijn instellingen").click()
        await page.get_by_label("Stille uren").select_option(label="22:00–07:00")
        await page.get_by_role("button", name="Bewaren").click()
        await page.wait_for_selector("text=Uw instellingen zijn bewaard")
        assert "Stille uren: 22:00–07:00" in await page.locator(".summary").inner_text()
        await assert_usable(page)
        await page.get_by_role("link", name="Mijn accreditering").click()
        await page.wait_for_selector("text=Bijscholing van elders toevoegen")
        await assert_usable(page)
        refused = await page.goto(page.url.rsplit("/", 1)[0] + "/members")
        assert refused is not None and refused.status == 403
