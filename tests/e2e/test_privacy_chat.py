"""/mydata and /forget end to end: after a month of ordinary use, bart sees his data, has it
erased, and nothing that identifies him is left in any table; what the kring must keep stays."""

import json
import re
from collections.abc import AsyncIterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import String, Text, select
from sqlalchemy.types import JSON

from bot.chat import ChatSession
from bot.clock import SettableClock
from bot.config import Settings
from bot.demo import DEMO_PEOPLE
from store.privacy import POLICIES, member_columns
from store.tables import Base
from tests.e2e.scripts import not_about_shifts

BART = next(person for person in DEMO_PEOPLE if person.handle == "bart")


@pytest.fixture
async def chat(settings: Settings) -> AsyncIterator[ChatSession]:
    clock = SettableClock(datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Europe/Brussels")))
    async with ChatSession(settings, clock, seed="demo") as session:
        yield session
        assert session.new_refusals() == [], "Telegram would refuse these calls"


def test_every_column_pointing_at_a_member_has_a_policy() -> None:
    assert {(table.name, column) for table, column in member_columns()} == set(POLICIES)


async def _traces_left(chat: ChatSession) -> list[str]:
    """Every text or JSON value in the database that contains bart's name, RIZIV number or
    Telegram id."""
    traces = (BART.name, "Bart", BART.riziv or "", str(BART.telegram_id))
    found = []
    async with chat.wiring.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            columns = [
                column
                for column in table.columns
                if isinstance(column.type, String | Text | JSON) or column.name == "telegram_id"
            ]
            for row in (await connection.execute(select(*columns))).all() if columns else []:
                for column, value in zip(columns, row, strict=True):
                    text = json.dumps(value, ensure_ascii=False, default=str)
                    found += [f"{table.name}.{column.name}" for t in traces if t and t in text]
    return found


async def test_bart_sees_and_erases_his_data(chat: ChatSession) -> None:
    # A month of ordinary use: he asks to swap a shift, asks a question, goes to a lecture.
    for line in ("/shifts", "[Ruil 1]", "[Weggeven]", "[Iedereen]", "Bart moet naar Gent"):
        await chat.perform(f"@bart {line}")
    await chat.perform("@bart [Verzenden]")
    await chat.perform("@bart Hoeveel LOK-sessies moet ik volgen?")
    await chat.perform("@bart /cme")
    await chat.perform("@bart [Antibiotica]")
    await chat.perform("@coord /events")
    await chat.perform("@coord [Antibiotica]")
    [qr] = [a for a in await chat.perform("@coord [QR-code]") if a["filename"]]
    link = re.search(r"\?start=(checkin_\S+)", qr["text"])
    assert link is not None
    not_about_shifts(await chat.perform("clock 2026-12-04 19:45"))
    await chat.perform(f"@bart /start {link[1]}")
    await chat.perform("clock 2026-12-05 12:00")  # his night of 4 December is past now
    assert await _traces_left(chat) != []

    [sent] = [a for a in await chat.perform("@bart /mydata") if a["filename"]]
    assert sent["filename"].endswith(".json")
    data = json.loads(chat.emulator.file_bytes(_file_id(chat, sent["filename"])))
    assert data["tables"]["members"][0]["riziv"] == BART.riziv
    assert {"questions", "shifts", "event_registrations"} <= set(data["tables"])

    [confirm] = await chat.perform("@bart /forget")
    assert confirm["buttons"] == [["Ja, wissen"], ["Annuleren"]]
    erased = await chat.perform("@bart [Ja, wissen]")
    [report] = [a for a in erased if a["text"] and a["to"] == "bart"]
    [uncovered] = [a for a in erased if a["to"] == "coord"]  # his future shifts, without name
    assert "zonder arts" in uncovered["text"]
    assert "gewist" in report["text"]
    assert "gedane wachtdiensten" in report["text"]  # the shift he did, kept without his name
    assert "aanwezigheden op bijscholingen" in report["text"]

    assert await _traces_left(chat) == []
    [stranger] = await chat.perform("@bart /help")
    assert "nog geen lid" in stranger["text"]
    [attendance] = [a for a in await chat.perform("@coord /members") if a["text"]]
    assert "Bart" not in attendance["text"]


def _file_id(chat: ChatSession, filename: str) -> str:
    assert chat.emulator is not None
    [sent] = [a for a in chat.emulator.outbox() if a["filename"] == filename]
    return str(sent["file_id"])
