"""CME events end to end: the demo kring's event with two seats, through `kringbot chat`."""

import re
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.chat import ChatSession
from bot.clock import SettableClock
from bot.config import Settings
from bot.core.csvfiles import read_table
from tests.e2e.scripts import not_about_shifts

BRUSSELS = ZoneInfo("Europe/Brussels")
EVENT = "Antibiotica"  # the demo event with two seats, on 4 December at 20:00


@pytest.fixture
async def chat(settings: Settings) -> AsyncIterator[ChatSession]:
    clock = SettableClock(datetime(2026, 12, 1, 9, 0, tzinfo=BRUSSELS))
    async with ChatSession(settings, clock, seed="demo") as session:
        yield session
        assert session.new_refusals() == [], "Telegram would refuse these calls"


def _to(actions: list[dict[str, Any]], handle: str) -> list[dict[str, Any]]:
    return [a for a in actions if a["to"] == handle and (a["text"] or a["filename"])]


async def _register(chat: ChatSession, handle: str) -> list[dict[str, Any]]:
    await chat.perform(f"@{handle} /cme")
    return _to(await chat.perform(f"@{handle} [{EVENT}]"), handle)


async def _checkin_link(chat: ChatSession) -> str:
    await chat.perform("@coord /events")
    await chat.perform(f"@coord [{EVENT}]")
    [code] = _to(await chat.perform("@coord [QR-code]"), "coord")
    assert code["action"] == "document" and code["filename"].endswith(".png")
    match = re.search(r"\?start=(checkin_\S+)", code["text"])
    assert match, code
    return match[1]


def _attendance_rows(chat: ChatSession) -> list[dict[str, str]]:
    [export] = [a for a in chat.emulator.outbox() if (a.get("filename") or "").endswith(".csv")]
    return [row.values for row in read_table(chat.emulator.file_bytes(export["file_id"]), [])]


async def test_two_seats_a_waiting_list_check_in_attendance_and_credits(
    chat: ChatSession,
) -> None:
    [overview] = await chat.perform("@coord /events")
    assert EVENT in overview["text"] and ["Nieuwe activiteit"] in overview["buttons"]

    [warning] = await _register(chat, "bart")  # bart has the Noord night of 4 December
    assert warning["action"] == "edit" and "wachtdienst" in warning["text"]
    for handle, tap in (("ann", f"[{EVENT}]"), ("bart", "[Toch inschrijven]")):
        await chat.perform(f"@{handle} /cme")
        listing, confirmation = _to(await chat.perform(f"@{handle} {tap}"), handle)
        assert listing["action"] == "edit" and "U bent ingeschreven" in listing["text"]
        assert confirmation["filename"] == "event-1.ics"
    [_, waiting] = await _register(chat, "lotte")
    assert "plaats 1 van de wachtlijst" in waiting["text"]

    await chat.perform("@bart /cme")
    [question] = _to(await chat.perform(f"@bart [Uitschrijven: {EVENT}]"), "bart")
    assert question["action"] == "edit" and "uitschrijven" in question["text"]
    assert question["buttons"] == [["Ja, uitschrijven"], ["Annuleren"]]  # nothing changed yet
    [listing] = _to(await chat.perform("@bart [Annuleren]"), "bart")
    assert "U bent ingeschreven" in listing["text"]
    await chat.perform(f"@bart [Uitschrijven: {EVENT}]")
    actions = await chat.perform("@bart [Ja, uitschrijven]")
    [offer] = _to(actions, "lotte")
    assert "plaats vrij" in offer["text"]
    assert offer["buttons"] == [["Inschrijven: plaats bevestigen", "Uitschrijven: plaats afstaan"]]
    confirmed, calendar = _to(await chat.perform("@lotte [plaats bevestigen]"), "lotte")
    assert "bevestigd" in confirmed["text"] and calendar["filename"] == "event-1.ics"
    assert "bevestigd" not in calendar["text"]  # the confirmation is said once

    reminders = not_about_shifts(await chat.perform("clock 2026-12-03 20:00"))
    assert sorted(a["to"] for a in reminders) == ["ann", "lotte"]  # bart unregistered
    assert all("Herinnering" in a["text"] for a in reminders)

    link = await _checkin_link(chat)
    [early] = _to(await chat.perform(f"@ann /start {link}"), "ann")
    assert "half uur" in early["text"]
    await chat.perform("clock 2026-12-04 19:45")
    for handle in ("ann", "lotte"):
        [welcome] = _to(await chat.perform(f"@{handle} /start {link}"), handle)
        assert "aangemeld" in welcome["text"]
    [welcome] = _to(await chat.perform(f"@elise /start {link}"), "elise")  # not registered
    assert "non inscrit" in welcome["text"]

    [listing] = _to(await chat.perform("@coord [Inschrijvingen en aanwezigheden]"), "coord")
    assert listing["buttons"][:3] == [
        ["☑ Ann Claes"],
        ["☑ Élise Dubois (niet ingeschreven)"],
        ["☑ Lotte Maes"],
    ]
    [export] = _to(await chat.perform("@coord [Aanwezigheidslijst]"), "coord")
    assert export["filename"] == "aanwezigheden-1.csv"
    rows = _attendance_rows(chat)
    assert [(r["naam"], r["riziv-nummer"], r["punten"]) for r in rows] == [
        ("Ann Claes", "1-45623-71-004", "2"),
        ("Élise Dubois", "1-67045-86-004", "2"),  # with the E's, not after the Z's
        ("Lotte Maes", "1-71234-68-003", "2"),
    ]

    [credits] = _to(await chat.perform("@lotte /credits"), "lotte")
    assert "algemeen: 2 CP" in credits["text"]
    assert "0 van het jaarlijkse minimum van 2" in credits["text"]  # a lecture is no LOK session


async def test_bad_input_changes_nothing_and_says_why(chat: ChatSession, tmp_path: Path) -> None:
    await chat.perform("@ann /cme")  # an older list, whose button stays
    await _register(chat, "ann")
    [twice] = _to(await chat.perform(f"@ann [Inschrijven: {EVENT}]"), "ann")
    assert twice["action"] == "callback_answer" and "al ingeschreven" in twice["text"]

    [forged] = _to(await chat.perform("@ann /start checkin_forged-token"), "ann")
    assert "niet geldig" in forged["text"]
    link = await _checkin_link(chat)
    [stranger] = _to(await chat.perform(f"@nobody /start {link}"), "nobody")
    assert "geen lid" in stranger["text"]

    bad = tmp_path / "events.csv"
    bad.write_text("title;kind;start;end\nDiabetes;cursus;10/12/2026 20:00;22:00\n")
    await chat.perform("@coord /events")
    await chat.perform("@coord [importeren]")
    [refused] = _to(await chat.perform(f"@coord <file:{bad}>"), "coord")
    assert "Lijn 2" in refused["text"] and "niets geïmporteerd" in refused["text"]
    good = tmp_path / "good.csv"
    good.write_text("title;kind;start;end\nDiabetes update;webinar;10/12/2026 20:00;22:00\n")
    [imported] = _to(await chat.perform(f"@coord <file:{good}>"), "coord")
    assert "1 activiteit geïmporteerd" in imported["text"]

    await chat.perform("@elise /cme")
    await chat.perform("@coord /events")
    await chat.perform("@coord [Antibiotica]")
    await chat.perform("@coord [Activiteit annuleren]")
    actions = await chat.perform("@coord [Ja, annuleren]")
    [told] = [a for a in actions if a["action"] in ("send", "document") and a["to"] != "coord"]
    assert told["to"] == "ann" and told["filename"] == "event-1.ics"  # told, only her
    *_, removal = [a for a in chat.emulator.outbox() if a.get("filename") == "event-1.ics"]
    calendar = chat.emulator.file_bytes(removal["file_id"])
    assert b"METHOD:CANCEL" in calendar and b"UID:event-1@kringbot" in calendar
    [cancelled] = _to(await chat.perform(f"@elise [{EVENT}]"), "elise")
    assert "annulé" in cancelled["text"]

    await chat.perform("@bart /cme")
    await chat.perform("clock 2026-12-15 18:00")  # the webinar's registration deadline
    [closed] = _to(await chat.perform("@bart [Inschrijven: Webinar]"), "bart")
    assert "afgesloten" in closed["text"]


async def _checkin_links(settings: Settings, tmp_path: Path) -> list[str]:
    """A run of a script: the check-in links of the demo event and of an imported one."""
    clock = SettableClock(datetime(2026, 12, 1, 9, 0, tzinfo=BRUSSELS))
    events = tmp_path / "events.csv"
    events.write_text("title;kind;start;end\nDiabetes update;webinar;10/12/2026 20:00;22u00\n")
    async with ChatSession(settings, clock, seed="demo") as chat:
        await chat.perform("@coord /events")
        await chat.perform("@coord [importeren]")
        await chat.perform(f"@coord <file:{events}>")
        links = []
        for title in (EVENT, "Diabetes update"):
            await chat.perform("@coord /events")
            await chat.perform(f"@coord [{title}]")
            [code] = _to(await chat.perform("@coord [QR-code]"), "coord")
            links.append(code["text"].split("?start=")[1].split()[0])
        return links


async def test_a_script_with_a_check_in_gives_the_same_links_every_run(
    settings: Settings, tmp_path: Path
) -> None:
    first = await _checkin_links(settings, tmp_path)
    assert await _checkin_links(settings, tmp_path) == first
    assert len(set(first)) == 2
