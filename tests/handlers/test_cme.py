import io
from datetime import timedelta

import pytest
from PIL import Image

from bot.clock import SettableClock
from bot.core.csvfiles import read_table
from bot.services import Wiring
from tests.handlers.conftest import ON_BOTH_KRINGS, STRANGER, demo
from tests.handlers.harness import Call, Harness, SentFile, due_work, replies

ANN, BART, COORD = demo("ann"), demo("bart"), demo("coord")


def _sent_file(calls: list[Call]) -> SentFile:
    [document] = [c for c in calls if c.method == "sendDocument"]
    file = document.params["document"]
    assert isinstance(file, SentFile)
    return file


async def test_registering_edits_the_list_and_sends_a_calendar_file(bot: Harness) -> None:
    [listing] = replies(await bot.send(ANN, "/bijscholing"))  # the Dutch alias
    assert "Komende bijscholingen" in listing.text
    assert listing.buttons[0] == "Inschrijven: Antibiotica in de eerste lijn"
    calls = await bot.tap(ANN, listing.button_data("Antibiotica"), on=listing)
    [edited] = [c for c in calls if c.method == "editMessageText"]
    assert "U bent ingeschreven" in edited.text
    assert edited.buttons[0] == "Uitschrijven: Antibiotica in de eerste lijn"
    calendar = _sent_file(calls)
    assert calendar.filename == "event-1.ics"
    assert b"SUMMARY:Antibiotica in de eerste lijn" in calendar.content
    assert b"DTSTART:20261204T190000Z" in calendar.content  # 20:00 in Brussels
    [document] = [c for c in calls if c.method == "sendDocument"]
    [alert] = [
        c
        for c in await bot.tap(ANN, document.button_data("uur vooraf"), on=document)
        if c.method == "answerCallbackQuery"
    ]
    assert "een uur voor het begin" in alert.params["text"]


async def test_a_forged_button_is_refused_with_an_alert(bot: Harness) -> None:
    calls = await bot.tap(ANN, "cmereg:nope")
    [alert] = [c for c in calls if c.method == "answerCallbackQuery"]
    assert alert.params["show_alert"] and "werkt niet meer" in alert.params["text"]
    [gone] = [c for c in await bot.tap(ANN, "cmereg:4242") if c.method == "answerCallbackQuery"]
    assert gone.params["show_alert"] and "bestaat niet" in gone.params["text"]


async def test_members_cannot_use_the_coordinators_event_buttons(bot: Harness) -> None:
    [refusal] = replies(await bot.tap(ANN, "evlist:1"))
    assert "coördinator" in refusal.params["text"]
    [refusal] = replies(await bot.send(ANN, "/events"))
    assert "coördinator" in refusal.text


@ON_BOTH_KRINGS
async def test_ticking_attendance_and_exporting_the_list(bot: Harness) -> None:
    [listing] = replies(await bot.send(ANN, "/cme"))
    await bot.tap(ANN, listing.button_data("Antibiotica"), on=listing)
    [attendance] = replies(await bot.tap(COORD, "evlist:1"))
    assert attendance.buttons[0] == "☐ Ann Claes"
    [ticked] = replies(await bot.tap(COORD, attendance.button_data("Ann"), on=attendance))
    assert ticked.method == "editMessageText" and ticked.buttons[0] == "☑ Ann Claes"
    export = _sent_file(await bot.tap(COORD, "evcsv:1"))
    [row] = read_table(export.content, ["naam", "riziv-nummer", "punten"])
    assert (row.values["naam"], row.values["riziv-nummer"], row.values["punten"]) == (
        "Ann Claes",
        "1-45623-71-004",
        "2",
    )
    [credits] = replies(await bot.send(ANN, "/credits"))
    assert "algemeen: 2 CP" in credits.text and "Antibiotica" in credits.text


async def test_check_in_by_deep_link_adds_a_walk_in_and_refuses_strangers(
    bot: Harness, clock: SettableClock
) -> None:
    calls = await bot.tap(COORD, "evqr:1")
    document = next(c for c in calls if c.method == "sendDocument")
    poster = Image.open(io.BytesIO(document.params["document"].content))
    assert poster.format == "PNG" and poster.height > poster.width  # text above and below
    assert "Antibiotica in de eerste lijn" in poster.text["Title"]  # type: ignore[attr-defined]
    assert "camera" in poster.text["Description"]  # type: ignore[attr-defined]
    token = str(document.params["caption"]).split("start=checkin_")[1].strip()
    [stranger] = replies(await bot.send(STRANGER, f"/start checkin_{token}"))
    assert "geen lid" in stranger.text
    clock.advance(timedelta(days=3, hours=10, minutes=45))  # 4 Dec, 19:45 in Brussels
    [welcome] = replies(await bot.send(BART, f"/start checkin_{token}"))
    assert "aangemeld" in welcome.text and "zonder inschrijving" in welcome.text


async def test_a_reminder_that_falls_due_after_the_start_expires_unsent(
    bot: Harness, clock: SettableClock
) -> None:
    """The bot was down the day before: once the event has started, a reminder is pointless."""
    [listing] = replies(await bot.send(ANN, "/cme"))
    await bot.tap(ANN, listing.button_data("Antibiotica"), on=listing)
    clock.advance(timedelta(days=3, hours=11))  # 4 Dec, 21:00 in Brussels: it has started
    services = bot.app.bot_data["services"]
    sent = await due_work(bot, services)
    assert [c.text for c in sent if "shok:" not in str(c.params.get("reply_markup"))] == []
    assert await services.outbox.claim_due() == []  # expired, not waiting to be sent


@ON_BOTH_KRINGS
async def test_the_coordinator_creates_an_event_in_a_short_conversation(bot: Harness) -> None:
    [overview] = replies(await bot.send(COORD, "/evenementen"))
    [kinds] = replies(await bot.tap(COORD, overview.button_data("Nieuwe activiteit")))
    await bot.tap(COORD, kinds.button_data("webinar"), on=kinds)
    await bot.send(COORD, "Wondzorg in de praktijk")
    [bad] = replies(await bot.send(COORD, "morgen"))
    assert "10/12/2026 20:00" in bad.text  # asked again, nothing kept
    for answer in ("10/12/2026 20:00", "21:30", "online", "-"):
        await bot.send(COORD, answer)
    [rubrics] = replies(await bot.send(COORD, "1"))
    created = await _finish_event(bot, rubrics, "ethiek")
    assert "Wondzorg in de praktijk" in created.text and "ethiek &amp; economie" in created.text
    [listing] = replies(await bot.send(BART, "/cme"))
    assert "Inschrijven: Wondzorg in de praktijk" in listing.buttons


async def _finish_event(
    bot: Harness,
    rubrics: Call,
    rubric: str,
    answers: tuple[str, str, str] = ("-", "-", "-"),
    audience: str = "Iedereen",
) -> Call:
    """The rest of a new event after the points: rubric, speaker, description, deadline,
    audience, and "publish" under the preview."""
    [asked] = replies(await bot.tap(COORD, rubrics.button_data(rubric), on=rubrics))
    assert "spreker" in asked.text
    for answer in answers[:-1]:
        await bot.send(COORD, answer)
    [audiences] = replies(await bot.send(COORD, answers[-1]))
    [preview] = replies(await bot.tap(COORD, audiences.button_data(audience), on=audiences))
    assert "Voorbeeld" in preview.text
    [created] = replies(await bot.tap(COORD, preview.button_data("Publiceren"), on=preview))
    return created


async def _new_event(bot: Harness, title: str) -> Call:
    """A new lecture on 10 December, 20:00–22:00, up to its rubric question."""
    [overview] = replies(await bot.send(COORD, "/events"))
    [kinds] = replies(await bot.tap(COORD, overview.button_data("Nieuwe activiteit")))
    await bot.tap(COORD, kinds.button_data("navorming"), on=kinds)
    for answer in (title, "10/12/2026 20:00", "22:00", "Zaal De Linde", "30"):
        await bot.send(COORD, answer)
    [rubrics] = replies(await bot.send(COORD, "2"))
    return rubrics


async def test_a_new_event_is_previewed_and_announced_to_its_audience_only(
    bot: Harness, wiring: Wiring
) -> None:
    rubrics = await _new_event(bot, "Slaapmedicatie afbouwen")
    answers = ("Dr. Peeters", "Casussen uit de praktijk", "9/12/2026 12u00")
    await bot.tap(COORD, rubrics.button_data("algemeen"), on=rubrics)
    for answer in answers[:-1]:
        await bot.send(COORD, answer)
    [audiences] = replies(await bot.send(COORD, answers[-1]))
    assert audiences.buttons == [
        "Iedereen",
        "Huisartsen",
        "Vervangartsen",
        "LOK-groep LOK Noord",
    ]
    [preview] = replies(await bot.tap(COORD, audiences.button_data("LOK Noord"), on=audiences))
    for shown in ("Dr. Peeters", "Casussen uit de praktijk", "30 plaatsen", "LOK Noord", "12:00"):
        assert shown in preview.text
    assert await due_work(bot, wiring.services) == []  # nothing is published before "yes"
    await bot.tap(COORD, preview.button_data("Publiceren"), on=preview)
    told = await due_work(bot, wiring.services)
    lok_noord = {demo(handle).id for handle in ("ann", "bart", "lotte")}
    news = [c for c in told if "Slaapmedicatie afbouwen" in c.text]
    assert {c.params["chat_id"] for c in news} == lok_noord
    [to_ann] = [c for c in news if c.params["chat_id"] == demo("ann").id]
    assert "Dr. Peeters" in to_ann.text
    calls = await bot.tap(ANN, to_ann.button_data("Inschrijven"), on=to_ann)
    assert _sent_file(calls).filename.endswith(".ics")  # registered from the announcement


async def test_a_member_who_turned_announcements_off_is_not_told(
    bot: Harness, wiring: Wiring
) -> None:
    [settings] = replies(await bot.send(ANN, "/settings"))
    assert "✓ Nieuwe bijscholingen aankondigen" in settings.buttons
    [off] = replies(await bot.tap(ANN, settings.button_data("bijscholingen"), on=settings))
    assert "Nieuwe bijscholingen aankondigen" in off.buttons  # no tick any more
    await _finish_event(bot, await _new_event(bot, "Slaapmedicatie afbouwen"), "algemeen")
    told = {c.params["chat_id"] for c in await due_work(bot, wiring.services)}
    assert demo("bart").id in told and ANN.id not in told


@ON_BOTH_KRINGS
async def test_the_coordinator_adds_a_walk_in_and_edits_the_capacity(bot: Harness) -> None:
    await bot.tap(COORD, "evwalkin:1")
    [nobody] = replies(await bot.send(COORD, "zzz"))
    assert "Geen naam bevat “zzz”" in nobody.text and not nobody.buttons
    [found] = replies(await bot.send(COORD, "BART"))
    [added] = replies(await bot.tap(COORD, found.button_data("Bart Janssens"), on=found))
    assert "Bart Janssens staat als aanwezig genoteerd" in added.text
    assert "☑ Bart Janssens (niet ingeschreven)" in added.buttons  # a walk-in

    [fields] = replies(await bot.tap(COORD, "evedit:1"))
    await bot.tap(COORD, fields.button_data("Aantal plaatsen"), on=fields)
    [details] = replies(await bot.send(COORD, "5"))
    assert "Ingeschreven: 1 van 5" in details.text


async def test_a_member_on_duty_during_the_event_is_warned_and_registers_only_if_they_confirm(
    bot: Harness,
) -> None:
    """Bart has the Noord night of 4 December (19:00–08:00), the evening of the lecture."""
    [listing] = replies(await bot.send(BART, "/cme"))
    calls = await bot.tap(BART, listing.button_data("Antibiotica"), on=listing)
    [warning] = [c for c in calls if c.method == "editMessageText"]
    assert "wachtdienst" in warning.text and "Noord" in warning.text
    assert not [c for c in calls if c.method == "sendDocument"]  # not registered yet
    [back] = replies(await bot.tap(BART, warning.button_data("Annuleren"), on=warning))
    assert back.buttons[0] == "Inschrijven: Antibiotica in de eerste lijn"  # still not registered
    calls = await bot.tap(BART, back.button_data("Antibiotica"), on=back)
    [warning] = [c for c in calls if c.method == "editMessageText"]
    calls = await bot.tap(BART, warning.button_data("Toch inschrijven"), on=warning)
    [edited] = [c for c in calls if c.method == "editMessageText"]
    assert edited.buttons[0] == "Uitschrijven: Antibiotica in de eerste lijn"
    assert _sent_file(calls).filename == "event-1.ics"


async def test_unregistering_asks_first_and_cancel_keeps_the_seat(bot: Harness) -> None:
    [listing] = replies(await bot.send(ANN, "/cme"))
    await bot.tap(ANN, listing.button_data("Antibiotica"), on=listing)
    [question] = replies(await bot.tap(ANN, "cmeunreg:1", on=listing))
    assert question.method == "editMessageText" and "uitschrijven" in question.text
    [kept] = replies(await bot.tap(ANN, question.button_data("Annuleren"), on=question))
    assert kept.buttons[0] == "Uitschrijven: Antibiotica in de eerste lijn"  # still registered
    calls = await bot.tap(ANN, question.button_data("Ja, uitschrijven"), on=question)
    [edited] = [c for c in calls if c.method == "editMessageText"]
    assert edited.buttons[0] == "Inschrijven: Antibiotica in de eerste lijn"
    removal = _sent_file(calls)  # takes the entry of the registration out of her calendar
    assert removal.filename == "event-1.ics"
    for line in (b"METHOD:CANCEL", b"UID:event-1@kringbot", b"STATUS:CANCELLED"):
        assert line in removal.content


@pytest.mark.parametrize("end", ["22u30", "22h30", "22.30", "22:30"])
async def test_an_end_time_is_accepted_as_people_type_it(bot: Harness, end: str) -> None:
    [overview] = replies(await bot.send(COORD, "/events"))
    [kinds] = replies(await bot.tap(COORD, overview.button_data("Nieuwe activiteit")))
    await bot.tap(COORD, kinds.button_data("webinar"), on=kinds)
    await bot.send(COORD, "Slaapproblemen")
    await bot.send(COORD, "10/12/2026 20u00")
    [asked] = replies(await bot.send(COORD, end))
    assert "Waar" in asked.text  # the next question: the end was understood
    for answer in ("online", "-"):
        await bot.send(COORD, answer)
    [rubrics] = replies(await bot.send(COORD, "1"))
    created = await _finish_event(bot, rubrics, "algemeen")
    assert "20:00–22:30" in created.text


async def test_credits_show_the_target_and_take_cme_followed_elsewhere(bot: Harness) -> None:
    [credits] = replies(await bot.send(ANN, "/credits"))
    assert "Doel: 20 CP per jaar, waarvan 3 in ethiek &amp; economie" in credits.text
    assert "0 van 20 CP" in credits.text
    [asked] = replies(await bot.tap(ANN, credits.button_data("elders"), on=credits))
    assert "/annuleren" in asked.text
    await bot.send(ANN, "Congres Domus Medica: ethiek in de praktijk")
    [future] = replies(await bot.send(ANN, "12/12/2026"))  # after today (1 December)
    assert "datum" in future.text
    await bot.send(ANN, "12/11/2026")
    [rubrics] = replies(await bot.send(ANN, "3"))
    [updated] = replies(await bot.tap(ANN, rubrics.button_data("ethiek"), on=rubrics))
    assert "Congres Domus Medica" in updated.text and "ethiek &amp; economie: 3 CP" in updated.text
    assert "3 van 20 CP" in updated.text and "3 van 3 CP in ethiek" in updated.text
    [again] = replies(await bot.send(ANN, "/credits"))
    assert "Congres Domus Medica" in again.text  # kept
    [other] = replies(await bot.send(BART, "/credits"))
    assert "Congres Domus Medica" not in other.text  # hers only


async def test_showing_the_list_again_unchanged_leaves_the_message_alone(bot: Harness) -> None:
    """ "Annuleren" under a question brings the list back; on a message that shows it already
    the bot edits nothing (the rubric "ethiek & economie" is escaped like the rest)."""
    [listing] = replies(await bot.send(ANN, "/cme"))
    calls = await bot.tap(ANN, "cmelist", on=listing)
    assert [c.method for c in calls] == ["answerCallbackQuery"]
