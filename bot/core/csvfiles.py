"""CSV files exchanged with coordinators: rosters and events in, exports out.

Coordinators edit these in a spreadsheet. Belgian Excel writes `;`-separated files in Windows-1252
or UTF-8 with a byte-order mark, other tools write `,` and plain UTF-8: reading accepts all of
them. Writing uses `;` and a byte-order mark, so Excel opens the export with the right columns and
accents. Every export goes through `write_table`, which neutralises text that a spreadsheet would
run as a formula: members choose their own names and type swap reasons.
"""

import asyncio
import csv
import io
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.core.errors import TableReason, UnreadableTable

MAX_FILE_BYTES = 1_000_000
MAX_ROWS = 5000
ROWS_PER_TURN = 250
# A text cell starting with one of these is a formula to Excel and LibreOffice (OWASP, "CSV
# injection"): `=HYPERLINK(...)` as a member's name would be a live link in the coordinator's sheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class TableRow:
    line: int  # the line number in the file as the coordinator sees it (header = 1)
    values: dict[str, str]


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableTable(TableReason.ENCODING)


def read_table(
    content: bytes, required: Sequence[str], aliases: Mapping[str, str] | None = None
) -> list[TableRow]:
    """The rows of a CSV file, keyed by lower-cased header (or the column an alias stands for);
    blank lines are skipped. Raises UnreadableTable when the file as a whole cannot be used
    (missing columns included)."""
    if len(content) > MAX_FILE_BYTES:
        raise UnreadableTable(TableReason.TOO_LARGE)
    if b"\x00" in content:
        raise UnreadableTable(TableReason.ENCODING)
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    try:
        return _rows(text, delimiter, required, aliases or {})
    except csv.Error as error:  # the only one left: a cell over csv.field_size_limit()
        raise UnreadableTable(TableReason.CELL_TOO_LONG) from error


def _rows(
    text: str, delimiter: str, required: Sequence[str], aliases: Mapping[str, str]
) -> list[TableRow]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[TableRow] = []
    for values in reader:
        if not any(value.strip() for value in values):
            continue
        if header is None:
            names = [value.strip().lower() for value in values]
            header = [aliases.get(name, name) for name in names]
            if any(column not in header for column in required):
                raise UnreadableTable(TableReason.COLUMNS, tuple(required))
            continue
        if len(rows) >= MAX_ROWS:
            raise UnreadableTable(TableReason.TOO_MANY_ROWS)
        # Short rows are padded; values beyond the last column are ignored.
        padded = [*values, *[""] * (len(header) - len(values))][: len(header)]
        cells = dict(zip(header, (value.strip() for value in padded), strict=True))
        rows.append(TableRow(reader.line_num, cells))
    if header is None:
        raise UnreadableTable(TableReason.EMPTY)
    return rows


async def taking_turns(rows: Sequence[TableRow]) -> AsyncIterator[TableRow]:
    """The rows, with a turn for the other members' updates every ROWS_PER_TURN rows: checking
    a 5,000-row file is about a second of work, which no GP's /help should wait for."""
    for number, row in enumerate(rows, start=1):
        yield row
        if number % ROWS_PER_TURN == 0:
            await asyncio.sleep(0)


def write_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    output = io.StringIO(newline="")
    writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return ("\ufeff" + output.getvalue()).encode("utf-8")


def _cell(value: object) -> str:
    """The text of one exported cell; text a spreadsheet would run as a formula gets a leading
    apostrophe, which shows it as the text it is. Numbers stay numbers (-2 is not a formula)."""
    if value is None:
        return ""
    text = str(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text
