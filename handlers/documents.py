"""Files the bot sends: calendar files, the check-in QR code."""

import io
from datetime import datetime

import segno

from bot.core.ics import CalendarItem, calendar_file
from bot.core.models import Event


def event_calendar(event: Event, stamp: datetime, kring_name: str) -> bytes:
    item = CalendarItem(
        uid=f"event-{event.id}@kringbot",
        title=event.title,
        start_at=event.start_at,
        end_at=event.end_at,
        location=event.location,
        description=event.description,
    )
    return calendar_file([item], stamp, kring_name)


def qr_png(link: str) -> bytes:
    """A QR code of the link, large enough to scan from a projector or a phone held up."""
    output = io.BytesIO()
    segno.make(link, error="m").save(output, kind="png", scale=10, border=2)
    return output.getvalue()
