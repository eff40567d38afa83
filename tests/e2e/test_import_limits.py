"""Roster and event files beyond the limits, through `kringbot chat`: a cell longer than the CSV
reader takes (128 KB) and a file over the size limit get a clear message, nothing is imported,
and the coordinator can send a good file next."""

from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.chat import ChatSession
from bot.clock import SettableClock
from bot.config import Settings
from bot.core.csvfiles import MAX_FILE_BYTES

BRUSSELS = ZoneInfo("Europe/Brussels")
LONG_CELL = "x" * 200_000  # over csv.field_size_limit(): 131,072 characters
IMPORTS = {  # how to open each import, its header, and a good row
    "roster": (
        ["@coord /roster"],
        "begin;einde;zone;riziv",
        "31/12/2026 08:00;31/12/2026 19:00;Noord;14562371004",
    ),
    "events": (
        ["@coord /events", "@coord [importeren]"],
        "title;kind;start;end",
        "Diabetes update;webinar;10/12/2026 20:00;22:00",
    ),
}


@pytest.fixture
async def chat(settings: Settings) -> AsyncIterator[ChatSession]:
    clock = SettableClock(datetime(2026, 12, 1, 9, 0, tzinfo=BRUSSELS))
    async with ChatSession(settings, clock, seed="demo") as session:
        yield session
        assert session.new_refusals() == [], "Telegram would refuse these calls"


@pytest.mark.parametrize("kind", sorted(IMPORTS))
async def test_a_huge_cell_or_file_is_refused_with_a_clear_message(
    chat: ChatSession, tmp_path: Path, kind: str
) -> None:
    opening, header, good_row = IMPORTS[kind]
    huge_cell = tmp_path / "lange-cel.csv"
    huge_cell.write_text(f"{header}\n{good_row}\n{LONG_CELL};{good_row}\n")
    huge_file = tmp_path / "groot.csv"
    huge_file.write_text(f"{header}\n" + f"{good_row}\n" * (MAX_FILE_BYTES // len(good_row)))
    good = tmp_path / "goed.csv"
    good.write_text(f"{header}\n{good_row}\n")

    for line in opening:
        await chat.perform(line)
    [cell] = await chat.perform(f"@coord <file:{huge_cell}>")
    assert "Een cel van het bestand is veel te lang" in cell["text"]
    assert "niets geïmporteerd" in cell["text"]
    [size] = await chat.perform(f"@coord <file:{huge_file}>")
    assert "Het bestand is te groot" in size["text"] and "niets geïmporteerd" in size["text"]
    [imported] = await chat.perform(f"@coord <file:{good}>")
    assert "1 nieuw" in imported["text"] or "1 activiteit geïmporteerd" in imported["text"]
