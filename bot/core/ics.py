"""Calendar files (.ics, RFC 5545) for phones: shifts and CME events.

Times are written in UTC (`...Z`), which every calendar app converts to the phone's zone; the UID
is stable per item, so importing an updated file replaces the entry instead of duplicating it
(`sequence` says which version is newer), and a cancellation file (METHOD:CANCEL, same UID)
removes it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.core.notices.shifts import ShiftSummary

_LINE_LIMIT = 75  # octets per line; longer lines are folded


@dataclass(frozen=True)
class CalendarItem:
    uid: str  # stable and unique, e.g. "shift-12@kringbot"
    title: str
    start_at: datetime
    end_at: datetime
    location: str = ""
    description: str = ""
    sequence: int = 0  # raise it for each new version of the item (a change, a cancellation)


def shift_item(shift: ShiftSummary, title: str) -> CalendarItem:
    """A shift's entry, built the same for the files the bot sends and for the live feed: one
    UID per shift and its hand-over version as SEQUENCE, so a phone holding both keeps a single
    entry, the newest one. `title`: "On-call shift <zone>" in the reader's language."""
    return CalendarItem(
        uid=f"shift-{shift.shift_id}@kringbot",
        title=title,
        start_at=shift.start,
        end_at=shift.end,
        location=f"{shift.zone} {shift.post}".strip(),
        sequence=shift.sequence,
    )


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> list[str]:
    """Split a content line into chunks of at most 75 octets without cutting a character."""
    chunks: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode())
        limit = _LINE_LIMIT if not chunks else _LINE_LIMIT - 1  # continuation lines start with " "
        if size + width > limit:
            chunks.append(current)
            current, size = "", 0
        current += char
        size += width
    chunks.append(current)
    return [chunks[0], *(" " + chunk for chunk in chunks[1:])]


def calendar_file(items: Iterable[CalendarItem], stamp: datetime, name: str = "kringbot") -> bytes:
    """One VCALENDAR with a VEVENT per item; `stamp` is the DTSTAMP (when the file was made)."""
    return _calendar(items, stamp, name, cancel=False)


def cancellation_file(
    items: Iterable[CalendarItem], stamp: datetime, name: str = "kringbot"
) -> bytes:
    """The items removed: opening the file takes the entries (same UIDs) out of the calendar.
    Give each item the sequence of its last version; the cancellation is the next one."""
    return _calendar(items, stamp, name, cancel=True)


def _calendar(items: Iterable[CalendarItem], stamp: datetime, name: str, cancel: bool) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//kringbot//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:CANCEL" if cancel else "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for item in items:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{item.uid}",
            f"SEQUENCE:{item.sequence + 1 if cancel else item.sequence}",
            f"DTSTAMP:{_utc(stamp)}",
            f"DTSTART:{_utc(item.start_at)}",
            f"DTEND:{_utc(item.end_at)}",
            f"SUMMARY:{_escape(item.title)}",
        ]
        if cancel:
            lines.append("STATUS:CANCELLED")
        if item.location:
            lines.append(f"LOCATION:{_escape(item.location)}")
        if item.description:
            lines.append(f"DESCRIPTION:{_escape(item.description)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n").encode()
