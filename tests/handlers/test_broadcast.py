from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.services import Wiring
from store.tables import MemberRow
from tests.handlers.conftest import ON_BOTH_KRINGS, demo
from tests.handlers.harness import Call, Harness, due_work, replies


async def _preview(bot: Harness, text: str) -> Call:
    [ask] = replies(await bot.send(demo("coord"), "/broadcast"))
    assert "tekst van het bericht" in ask.text
    [preview] = replies(await bot.send(demo("coord"), text))
    return preview


async def _due_work(bot: Harness, wiring: Wiring) -> list[Call]:
    return [c for c in await due_work(bot, wiring.services) if c.method == "sendMessage"]


async def test_an_urgent_announcement_to_one_zone(bot: Harness, wiring: Wiring) -> None:
    preview = await _preview(bot, "Wachtpost Noord <dicht> vannacht")
    assert "6 ontvangers" in preview.text and "&lt;dicht&gt;" in preview.text
    assert {"✓ Iedereen", "Zone Noord", "Verzenden", "Annuleren"} <= set(preview.buttons)
    [zone] = replies(await bot.tap(demo("coord"), preview.button_data("Zone Noord"), preview))
    assert zone.method == "editMessageText" and "3 ontvangers" in zone.text
    [urgent] = replies(await bot.tap(demo("coord"), zone.button_data("Dringend"), zone))
    assert "Dringend: ja" in urgent.buttons and "meteen verzonden" in urgent.text
    [sending] = replies(await bot.tap(demo("coord"), urgent.button_data("Verzenden"), urgent))
    assert "wordt verzonden" in sending.text and "Vernieuwen" in sending.buttons

    sent = await _due_work(bot, wiring)
    to = {call.params["chat_id"]: call for call in sent}
    zone_north = {demo(h).id for h in ("ann", "bart", "lotte")}
    assert set(to) == zone_north | {demo("coord").id}  # and the report
    assert "Uw bericht is verzonden" in to[demo("coord").id].params["text"]
    assert to[demo("ann").id].params["disable_notification"] is False


@ON_BOTH_KRINGS
async def test_a_broadcast_cancelled_before_it_goes_reaches_nobody(
    bot: Harness, wiring: Wiring
) -> None:
    preview = await _preview(bot, "Oeps")
    [sending] = replies(await bot.tap(demo("coord"), preview.button_data("Verzenden"), preview))
    [stopped] = replies(await bot.tap(demo("coord"), sending.button_data("annuleren"), sending))
    assert "geannuleerd" in stopped.text and stopped.buttons == ["Rapport (CSV)"]
    assert await _due_work(bot, wiring) == []
    [again] = replies(await bot.tap(demo("coord"), sending.button_data("annuleren"), sending))
    assert "al verzonden of geannuleerd" in again.text  # the button was stale


async def test_the_preview_can_be_abandoned(bot: Harness, wiring: Wiring) -> None:
    preview = await _preview(bot, "Toch niet")
    [gone] = replies(await bot.tap(demo("coord"), preview.button_data("Annuleren"), preview))
    assert "niet verzonden" in gone.text
    assert await _due_work(bot, wiring) == []


async def test_only_the_coordinator_broadcasts_and_sees_the_figures(bot: Harness) -> None:
    for command in ("/broadcast", "/stats", "/bericht"):
        [refusal] = replies(await bot.send(demo("ann"), command))
        assert "coördinator" in refusal.text
    [alert] = replies(await bot.tap(demo("ann"), "bcsend"))
    assert alert.method == "answerCallbackQuery"
    [figures] = replies(await bot.send(demo("coord"), "/stats"))
    assert "Actieve leden: 6" in figures.text and "Bereikbaar via de bot: 6" in figures.text


async def test_a_member_chooses_a_daily_digest(bot: Harness, wiring: Wiring) -> None:
    [settings] = replies(await bot.send(demo("bart"), "/settings"))
    assert "✓ wekelijks" in settings.buttons
    [changed] = replies(await bot.tap(demo("bart"), settings.button_data("dagelijks"), settings))
    assert changed.method == "editMessageText" and "Nieuwsbrief: dagelijks" in changed.text
    assert "✓ dagelijks" in changed.buttons
    async with wiring.unit_of_work() as uow:
        member = await uow.members.by_telegram_id(demo("bart").id)
    assert member is not None and member.digest.value == "daily"


@ON_BOTH_KRINGS
async def test_an_announcement_to_the_registrants_of_an_event(bot: Harness, wiring: Wiring) -> None:
    [listing] = replies(await bot.send(demo("bart"), "/cme"))
    # bart is on duty that evening: he registers after the warning
    [warning] = replies(
        await bot.tap(demo("bart"), listing.button_data("Inschrijven: Antibiotica"), listing)
    )
    await bot.tap(demo("bart"), warning.button_data("Toch inschrijven"), warning)
    await due_work(bot, wiring.services)
    preview = await _preview(bot, "De zaal is veranderd: zaal 2")
    [chosen] = replies(
        await bot.tap(demo("coord"), preview.button_data("Ingeschreven: Antibiotica"), preview)
    )
    assert "1 ontvanger" in chosen.text and "ingeschrevenen van een bijscholing" in chosen.text
    await bot.tap(demo("coord"), chosen.button_data("Verzenden"), chosen)
    sent = await _due_work(bot, wiring)
    assert [call.params["chat_id"] for call in sent if "zaal 2" in call.text] == [demo("bart").id]


async def test_the_figures_include_registrations_and_swaps(bot: Harness) -> None:
    [listing] = replies(await bot.send(demo("ann"), "/cme"))
    await bot.tap(demo("ann"), listing.button_data("Inschrijven: Antibiotica"), listing)
    [stats] = replies(await bot.send(demo("coord"), "/stats"))
    assert "Inschrijvingen voor bijscholing met een plaats: 1" in stats.text
    assert "Open wachtwissels: 0" in stats.text


async def test_a_long_accented_zone_name_is_an_audience_like_any_other(
    bot: Harness, wiring: Wiring, engine: AsyncEngine
) -> None:
    """Zone names are the coordinator's free text: the button carries a digest, not the name
    (in 40 characters, 65 bytes with the prefix; callback data holds 64)."""
    zone = "Évère – Forêt – Linkébeek – Rhôde-Génèsé"  # 40 characters, the most a zone has
    async with engine.begin() as connection:
        await connection.execute(
            update(MemberRow).where(MemberRow.telegram_id == demo("bart").id).values(zone=zone)
        )
    preview = await _preview(bot, "Vergadering")
    button = preview.button_data("Linkébeek")
    assert zone not in button and len(button.encode()) <= 64
    [chosen] = replies(await bot.tap(demo("coord"), button, preview))
    assert "1 ontvanger" in chosen.text
    [forged] = replies(await bot.tap(demo("coord"), "bcaud:zone:0123456789", chosen))
    assert forged.method == "answerCallbackQuery" and "werkt niet meer" in forged.params["text"]


async def test_a_long_announcement_is_refused_when_written_and_previewed_in_part(
    bot: Harness, wiring: Wiring
) -> None:
    await bot.send(demo("coord"), "/broadcast")
    [refused] = replies(await bot.send(demo("coord"), "<b>" * 1334))  # 4002 characters
    assert "te lang" in refused.text
    [preview] = replies(await bot.send(demo("coord"), "x" * 3990))  # still writing: fits now
    assert "x" * 3500 + "…" in preview.text and "x" * 3501 not in preview.text
    assert "de leden krijgen de hele tekst" in preview.text
    await bot.tap(demo("coord"), preview.button_data("Verzenden"), preview)
    sent = await _due_work(bot, wiring)
    assert any("x" * 3990 in call.text for call in sent)


async def test_without_a_console_broadcast_offers_no_mini_app_button(bot: Harness) -> None:
    """The demo on this machine has no https address: Telegram would refuse the button."""
    [ask] = replies(await bot.send(demo("coord"), "/broadcast"))
    assert "reply_markup" not in ask.params or not ask.params["reply_markup"]
