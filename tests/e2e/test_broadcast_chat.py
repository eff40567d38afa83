"""The announcement scenario of issue 6, through `kringbot chat`: a broadcast to everyone, quiet
hours against urgent, and the weekly digest at its hour, driven with `clock`."""

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.chat import ChatSession
from bot.clock import SettableClock
from bot.config import Settings

BRUSSELS = ZoneInfo("Europe/Brussels")
EVERYONE = {"coord", "ann", "bart", "elise", "lotte", "tom"}


@pytest.fixture
async def chat(settings: Settings) -> AsyncIterator[ChatSession]:
    clock = SettableClock(datetime(2026, 12, 1, 21, 0, tzinfo=BRUSSELS))  # a Tuesday evening
    async with ChatSession(settings, clock, seed="demo") as session:
        yield session
        assert session.new_refusals() == [], "Telegram would refuse these calls"


async def run(chat: ChatSession, script: str) -> list[dict[str, Any]]:
    actions = []
    for line in script.strip().splitlines():
        actions += await chat.perform(line)
    return actions


def receivers(actions: list[dict[str, Any]], words: str) -> list[str]:
    """Who got an announcement (it starts with the kring's name) containing `words`."""
    return sorted(
        a["to"]
        for a in actions
        if a["action"] == "send"
        and (a["text"] or "").startswith("Huisartsenkring Demo\n")
        and words in a["text"]
    )


DIGEST_TITLES = ("Nieuwsbrief van", "Lettre d'information de", "Newsletter of")


def digests(actions: list[dict[str, Any]]) -> dict[str, str]:
    return {
        a["to"]: a["text"]
        for a in actions
        if a["action"] == "send" and (a["text"] or "").startswith(DIGEST_TITLES)
    }


async def broadcast(chat: ChatSession, text: str, *taps: str) -> list[dict[str, Any]]:
    lines = ["@coord /broadcast", f"@coord {text}", *(f"@coord [{tap}]" for tap in taps)]
    return await run(chat, "\n".join([*lines, "@coord [Verzenden]"]))


async def test_everyone_gets_the_announcement_once_and_the_coordinator_a_report(
    chat: ChatSession,
) -> None:
    actions = await broadcast(chat, "Algemene vergadering op 12/12", "Iedereen")
    assert receivers(actions, "Algemene vergadering op 12/12") == sorted(EVERYONE)
    [report] = [a for a in actions if "Uw bericht is verzonden" in (a["text"] or "")]
    assert report["to"] == "coord" and "afgeleverd: 6" in report["text"]
    [csv] = [a for a in await chat.perform("@coord [CSV]") if a["action"] == "document"]
    assert csv["to"] == "coord" and csv["filename"] == "bericht-1.csv"


async def test_quiet_hours_hold_a_normal_announcement_but_not_an_urgent_one(
    chat: ChatSession,
) -> None:
    await run(chat, "@ann /settings\n@ann [22:00–07:00]\nclock 2026-12-01 23:00")
    normal = await broadcast(chat, "Nieuwe wachtpost open")
    assert receivers(normal, "Nieuwe wachtpost open") == sorted(EVERYONE - {"ann"})
    urgent = await broadcast(chat, "Wachtpost vannacht dicht", "Dringend")
    assert receivers(urgent, "Wachtpost vannacht dicht") == sorted(EVERYONE)
    assert receivers(await chat.perform("clock 2026-12-02 06:59"), "Nieuwe wachtpost") == []
    assert receivers(await chat.perform("clock 2026-12-02 07:00"), "Nieuwe wachtpost") == ["ann"]


async def test_the_weekly_digest_comes_on_monday_at_eight_and_only_once(
    chat: ChatSession,
) -> None:
    await broadcast(chat, "Algemene vergadering op 12/12")
    await broadcast(chat, "Nieuwe wachtpost open")
    assert digests(await chat.perform("clock 2026-12-07 07:59")) == {}
    sent = digests(await chat.perform("clock 2026-12-07 08:00"))
    assert set(sent) == EVERYONE
    for text in sent.values():
        assert "Algemene vergadering op 12/12" in text and "Nieuwe wachtpost open" in text
    assert digests(await chat.perform("clock 2026-12-08 09:00")) == {}  # weekly, not daily


async def test_a_document_goes_to_everyone_as_a_document(chat: ChatSession) -> None:
    actions = await run(chat, "@coord /broadcast\n@coord <file:.env.example>")
    assert "met het document" in actions[-1]["text"]
    actions = await chat.perform("@coord [Verzenden]")
    documents = [a for a in actions if a["action"] == "document"]
    assert sorted(a["to"] for a in documents) == sorted(EVERYONE)
    assert {a["filename"] for a in documents} == {".env.example"}


async def test_the_digest_brings_events_with_seats_and_swaps_one_could_take(
    chat: ChatSession,
) -> None:
    for line in ("/shifts", "[Ruil 1]", "[Weggeven]", "[Iedereen]", "[Verzenden]"):
        await chat.perform(f"@ann {line}")  # ann's night of 3 December: lotte is free around it
    for line in ("/settings", "[dagelijks]"):
        await chat.perform(f"@lotte {line}")
    daily = digests(await chat.perform("clock 2026-12-02 08:00"))
    assert "Wachtwissels die u kunt overnemen" in daily["lotte"]
    assert "Ann Claes" in daily["lotte"] and "3 dec" in daily["lotte"]
    sent = digests(await chat.perform("clock 2026-12-07 08:00"))
    assert "Wachtwissels die u kunt overnemen" not in sent["ann"]  # her own request
    assert "Bijscholingen met vrije plaatsen" in sent["bart"]
    assert "LOK Noord: casusbespreking" in sent["bart"]  # bart is in LOK Noord
    assert "LOK Noord: casusbespreking" not in sent["elise"]


async def test_a_late_digest_offers_no_event_that_has_taken_place(chat: ChatSession) -> None:
    """The bot was down on Monday 7 December: that week's digest goes out on Saturday the 12th,
    after the LOK session of the 11th, which it must no longer offer."""
    sent = digests(await chat.perform("clock 2026-12-12 09:00"))
    assert "Webinar: diabetes type 2" in sent["bart"]  # the 15th: still to come
    assert "LOK Noord: casusbespreking" not in sent["bart"]
