"""The values of an event as the coordinator types them (in a conversation or a CSV file), read
into typed values. A value that cannot be used raises InvalidEvent with the reason."""

import re
from datetime import date, datetime, time
from typing import TypeVar
from zoneinfo import ZoneInfo

from bot.core.errors import EventReason, InvalidEvent
from bot.core.models import EventAudience, EventKind, Rubric

TITLE_MAX, TEXT_MAX = 120, 500
T = TypeVar("T")

KINDS = {
    "lok": EventKind.LOK,
    "lecture": EventKind.LECTURE,
    "navorming": EventKind.LECTURE,
    "lezing": EventKind.LECTURE,
    "formation": EventKind.LECTURE,
    "webinar": EventKind.WEBINAR,
}
RUBRICS = {
    "": Rubric.GENERAL,
    "general": Rubric.GENERAL,
    "algemeen": Rubric.GENERAL,
    "ethics": Rubric.ETHICS,
    "ethiek": Rubric.ETHICS,
    "ethiek & economie": Rubric.ETHICS,
    "ethiek en economie": Rubric.ETHICS,
    "éthique": Rubric.ETHICS,
}
AUDIENCES = {
    "": EventAudience.ALL,
    "all": EventAudience.ALL,
    "alle": EventAudience.ALL,
    "iedereen": EventAudience.ALL,
    "gps": EventAudience.GPS,
    "huisartsen": EventAudience.GPS,
    "locums": EventAudience.LOCUMS,
    "vervangartsen": EventAudience.LOCUMS,
    "lok": EventAudience.LOK_GROUP,
}
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")
# A time of day as Flemish, French and English people type it: 22:30, 22u30, 22h30, 22.30, 22u
_CLOCK_TIME = re.compile(
    r"(?P<hour>\d{1,2})\s*(?:[:.]\s*(?P<minute>\d{2})|[uUhH]\s*(?P<minute_after_u>\d{2})?)"
)


def key(value: str) -> str:
    """`value` as a lookup key: lower case, single spaces."""
    return " ".join(value.lower().split())


def _clock_time(text: str) -> time | None:
    """'22:30', '22u30', '22h30', '22.30' or '22u' as a time of day; None if it is none."""
    match = _CLOCK_TIME.fullmatch(text.strip())
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or match["minute_after_u"] or 0)
    return time(hour, minute) if hour < 24 and minute < 60 else None


def parse_moment(text: str, zone: ZoneInfo) -> datetime:
    """'12/12/2026 20:00' or '2026-12-12 20:00' (also 20u00, 20h00, 20.00), in the kring's time
    zone."""
    day, _, clock = " ".join(text.split()).partition(" ")
    at = _clock_time(clock)
    for fmt in _DATE_FORMATS:
        try:
            on = datetime.strptime(day, fmt).date()
        except ValueError:
            continue
        if at is not None:
            return datetime.combine(on, at, zone)
    raise InvalidEvent(EventReason.MOMENT)


def parse_end(text: str, start_at: datetime) -> datetime:
    """The end: a time on the day of the start ('22:00', '22u30') or a full moment."""
    zone = start_at.tzinfo
    assert isinstance(zone, ZoneInfo)
    clock_time = _clock_time(text)
    if clock_time is None:
        end_at = parse_moment(text, zone)
    else:
        end_at = datetime.combine(start_at.astimezone(zone).date(), clock_time, zone)
    if end_at <= start_at:
        raise InvalidEvent(EventReason.END_BEFORE_START)
    return end_at


def parse_deadline(text: str, start_at: datetime) -> datetime:
    """When registration closes: a moment at or before the start; '-' means at the start."""
    if text.strip() in ("", "-"):
        return start_at
    zone = start_at.tzinfo
    assert isinstance(zone, ZoneInfo)
    deadline = parse_moment(text, zone)
    if deadline > start_at:
        raise InvalidEvent(EventReason.DEADLINE)
    return deadline


def parse_day(text: str) -> date:
    """'12/11/2026' or '2026-11-12'."""
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise InvalidEvent(EventReason.DAY)


def parse_count(text: str, *, optional: bool = False) -> int | None:
    """A whole number 0..9999; '-' or empty means none when `optional`."""
    text = text.strip()
    if optional and text in ("", "-"):
        return None
    if not text.isdigit() or int(text) > 9999:
        raise InvalidEvent(EventReason.NUMBER)
    return int(text)


def clean_title(text: str) -> str:
    title = " ".join(text.split())
    if not 3 <= len(title) <= TITLE_MAX:
        raise InvalidEvent(EventReason.TITLE)
    return title


def choice(table: dict[str, T], text: str, reason: EventReason) -> T:
    """The value `text` names in `table` (KINDS, RUBRICS, AUDIENCES); `reason` if none."""
    try:
        return table[key(text)]
    except KeyError:
        raise InvalidEvent(reason) from None
