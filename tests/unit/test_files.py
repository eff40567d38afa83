"""CSV tables and calendar files, as a coordinator's spreadsheet and a phone's calendar see them."""

from datetime import UTC, datetime

import pytest

from bot.core.csvfiles import read_table, write_table
from bot.core.errors import TableReason, UnreadableTable
from bot.core.ics import CalendarItem, calendar_file


def test_reads_excel_semicolons_in_windows_1252_with_line_numbers() -> None:
    content = "Datum;Zone\r\n\r\n1/12/2026;Noordér\r\n2/12/2026;Zuid\r\n".encode("cp1252")
    rows = read_table(content, required=["datum", "zone"])
    assert [(row.line, row.values["zone"]) for row in rows] == [(3, "Noordér"), (4, "Zuid")]


def test_reads_commas_in_utf8_with_bom_and_pads_short_rows() -> None:
    rows = read_table("\ufeffa,b,c\n1,2\n".encode(), required=["a"])
    assert rows[0].values == {"a": "1", "b": "2", "c": ""}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", TableReason.EMPTY),
        (b"\x00\x01PK", TableReason.ENCODING),
        (b"a;b\n1;2\n", TableReason.COLUMNS),
        (b"x" * 1_000_001, TableReason.TOO_LARGE),
        (b"datum\n" + b"x" * 200_000 + b"\n", TableReason.CELL_TOO_LONG),
    ],
)
def test_unusable_files_are_refused_as_a_whole(content: bytes, reason: TableReason) -> None:
    with pytest.raises(UnreadableTable) as refused:
        read_table(content, required=["datum"])
    assert refused.value.reason is reason


def test_written_table_opens_in_excel_and_reads_back() -> None:
    content = write_table(["naam", "punten"], [["Ann; Claes", 2], ["Élise", None]])
    assert content.startswith("\ufeff".encode())
    assert [row.values for row in read_table(content, required=["naam"])] == [
        {"naam": "Ann; Claes", "punten": "2"},
        {"naam": "Élise", "punten": ""},
    ]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_written_text_that_a_spreadsheet_would_run_is_neutralised(start: str) -> None:
    name = start + 'HYPERLINK("http://evil.example/?x","Eve")'
    content = write_table(["naam", "saldo"], [[name, -2]])
    [row] = read_table(content, required=["naam"])
    assert row.values == {"naam": "'" + name, "saldo": "-2"}


def test_calendar_file_has_one_event_per_item_in_utc_with_escaped_and_folded_text() -> None:
    start = datetime(2026, 12, 5, 19, 0, tzinfo=UTC)
    item = CalendarItem(
        uid="shift-1@kringbot",
        title="Wachtdienst, zone Noord; post",
        start_at=start,
        end_at=start.replace(hour=23),
        description="é" * 60,
    )
    text = calendar_file([item], stamp=start).decode()
    lines = text.split("\r\n")
    assert "DTSTART:20261205T190000Z" in lines
    assert "SUMMARY:Wachtdienst\\, zone Noord\\; post" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "DESCRIPTION:" + "é" * 60 in unfolded
    assert text.count("BEGIN:VEVENT") == 1 and text.endswith("END:VCALENDAR\r\n")
