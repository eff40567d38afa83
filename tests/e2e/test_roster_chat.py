"""Roster files through the chat: what an import refuses, how a file sent without /roster is
taken, and what the members whose shifts changed are told."""

from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.chat import ChatSession
from bot.clock import SettableClock
from bot.config import Settings

ANN = "14562371004"


@pytest.fixture
async def chat(settings: Settings) -> AsyncIterator[ChatSession]:
    clock = SettableClock(datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Europe/Brussels")))
    async with ChatSession(settings, clock, seed="demo") as session:
        yield session
        assert session.new_refusals() == [], "Telegram would refuse these calls"


def _file(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "rooster.csv"
    path.write_text("\n".join(["begin;einde;zone;wachtpost;riziv", *lines]) + "\n")
    return path


async def test_one_doctor_twice_at_the_same_time_is_a_bad_line(
    chat: ChatSession, tmp_path: Path
) -> None:
    twice = _file(
        tmp_path,
        f"10/1/2027 19:00;11/1/2027 08:00;Noord;;{ANN}",
        f"10/1/2027 19:00;11/1/2027 08:00;Noord;Post A;{ANN}",
    )
    await chat.perform("@coord /roster")
    [refused] = await chat.perform(f"@coord <file:{twice}>")
    assert "niet geïmporteerd" in refused["text"]
    assert "regel 3: deze arts heeft op dat moment al wacht" in refused["text"]
    assert "regel 2" not in refused["text"]

    # ann is on duty on 3 December (the demo roster): the same night at a post is one too many
    beside = _file(tmp_path, f"3/12/2026 20:00;4/12/2026 08:00;Noord;Post A;{ANN}")
    await chat.perform("@coord /roster")
    [refused] = await chat.perform(f"@coord <file:{beside}>")
    assert "regel 2: deze arts heeft op dat moment al wacht" in refused["text"]

    moved = _file(tmp_path, f"3/12/2026 19:00;4/12/2026 08:00;Noord;;{ANN}")
    await chat.perform("@coord /roster")
    [imported] = await chat.perform(f"@coord <file:{moved}>")
    assert "1 ongewijzigd" in imported["text"]  # the shift itself is no overlap with itself


async def test_a_roster_sent_without_roster_first_is_imported(
    chat: ChatSession, tmp_path: Path
) -> None:
    roster = _file(tmp_path, f"10/1/2027 08:00;10/1/2027 19:00;Noord;;{ANN}")
    [imported] = [a for a in await chat.perform(f"@coord <file:{roster}>") if a["to"] == "coord"]
    assert "Rooster geïmporteerd" in imported["text"] and "1 nieuw" in imported["text"]
    [refused] = await chat.perform(f"@ann <file:{roster}>")  # only the coordinator imports
    assert "enkel tekstberichten" in refused["text"]


async def test_the_roster_prompt_shows_the_columns_and_offers_a_template(
    chat: ChatSession, tmp_path: Path
) -> None:
    [prompt] = await chat.perform("@coord /roster")
    assert "README" not in prompt["text"]
    for column in ("begin", "einde", "zone", "wachtpost", "riziv"):
        assert f"• {column}" in prompt["text"]
    [template] = [a for a in await chat.perform("@coord [Sjabloon]") if a["filename"]]
    assert template["filename"] == "rooster-sjabloon.csv"
    assert chat.emulator is not None
    [sent] = [a for a in chat.emulator.outbox() if a["filename"] == template["filename"]]
    content = chat.emulator.file_bytes(sent["file_id"])
    assert content.decode("utf-8-sig").startswith("begin;einde;zone;wachtpost;riziv;naam")
    back = tmp_path / "terug.csv"
    back.write_bytes(content)
    [checked] = await chat.perform(f"@coord <file:{back}>")  # read as a roster: the lines count
    assert "regel 2: geen actieve huisarts" in checked["text"]


async def test_members_get_one_message_with_what_an_import_changed_for_them(
    chat: ChatSession, tmp_path: Path
) -> None:
    bart, lotte = "15230186004", "17123468003"
    changes = _file(
        tmp_path,
        f"3/12/2026 19:00;4/12/2026 08:00;Noord;;{bart}",  # ann's night goes to bart
        f"6/12/2026 19:00;7/12/2026 09:00;Noord;;{lotte}",  # lotte's night ends later
        f"10/1/2027 08:00;10/1/2027 19:00;Noord;;{ANN}",  # a new day shift for ann
        f"9/12/2026 19:00;10/12/2026 08:00;Noord;;{ANN}",  # as it was: nobody is told
    )
    await chat.perform("@coord /roster")
    actions = await chat.perform(f"@coord <file:{changes}>")
    told = {}
    for action in actions:
        if action["to"] != "coord":
            assert action["to"] not in told, "one message per member"
            told[action["to"]] = action["text"]
    assert set(told) == {"ann", "bart", "lotte"}
    assert "Nieuw voor u" in told["ann"] and "zo 10 jan 2027, 08:00 – 19:00" in told["ann"]
    assert "Niet langer van u" in told["ann"] and "do 3 dec 2026, 19:00" in told["ann"]
    assert "Nieuw voor u" in told["bart"] and "do 3 dec 2026, 19:00" in told["bart"]
    assert "Gewijzigd" in told["lotte"] and "ma 09:00" in told["lotte"]
