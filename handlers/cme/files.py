"""The files of this feature: an event's calendar file and its check-in QR code.

Pillow and segno are imported by the poster alone (a coordinator asks one per event): at
start-up they cost about a tenth of the bot's imports (issue 15), for a file most runs never
draw."""

import io
from datetime import datetime
from typing import TYPE_CHECKING

from bot.core.ics import CalendarItem, calendar_file, cancellation_file
from bot.core.models import Event
from bot.core.notices.cme import EventSummary
from handlers.fonts import font_dir

if TYPE_CHECKING:
    from PIL import ImageFont

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
_SCALE, _MARGIN, _TITLE_SIZE, _TEXT_SIZE = 12, 40, 34, 24


def _item(
    event_id: int,
    title: str,
    start_at: datetime,
    end_at: datetime,
    location: str = "",
    description: str = "",
) -> CalendarItem:
    """An event's calendar entry: its UID is the event's, so a later file replaces it."""
    uid = f"event-{event_id}@kringbot"
    return CalendarItem(uid, title, start_at, end_at, location, description)


def event_calendar(event: Event, stamp: datetime, kring_name: str) -> bytes:
    summary = EventSummary.of(event)
    return summary_calendar(summary, event.end_at, event.description, stamp, kring_name)[1]


def summary_calendar(
    event: EventSummary, end_at: datetime, description: str, stamp: datetime, kring_name: str
) -> tuple[str, bytes]:
    """The calendar file of a registration (filename, content)."""
    item = _item(
        event.event_id,
        event.title,
        event.start_at,
        end_at,
        location=event.location,
        description=description,
    )
    return f"event-{event.event_id}.ics", calendar_file([item], stamp, kring_name)


def event_removal(
    event: EventSummary, end_at: datetime, stamp: datetime, kring_name: str
) -> tuple[str, bytes]:
    """The file that takes the event out of the member's calendar (unregistered, cancelled)."""
    item = _item(event.event_id, event.title, event.start_at, end_at, location=event.location)
    return f"event-{event.event_id}.ics", cancellation_file([item], stamp, kring_name)


def _font(name: str, size: int) -> "ImageFont.FreeTypeFont":
    from PIL import ImageFont

    return ImageFont.truetype(font_dir() / name, size)


def _wrapped(text: str, font: "ImageFont.FreeTypeFont", width: int) -> list[str]:
    """The text in lines that fit `width` pixels, broken between words."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def checkin_poster(link: str, title: str, instruction: str) -> bytes:
    """The check-in QR code as a PNG to show at the door: the event's title above, what to do
    below, and a full quiet zone so phones read it from a projector too."""
    import segno
    from PIL import Image, ImageDraw
    from PIL.PngImagePlugin import PngInfo

    output = io.BytesIO()
    segno.make(link, error="m").save(output, kind="png", scale=_SCALE, border=QUIET_ZONE)
    code = Image.open(io.BytesIO(output.getvalue())).convert("RGB")
    width = max(code.width, 640) + 2 * _MARGIN
    title_font = _font("DejaVuSans-Bold.ttf", _TITLE_SIZE)
    text_font = _font("DejaVuSans.ttf", _TEXT_SIZE)
    blocks = [
        (_wrapped(title, title_font, width - 2 * _MARGIN), title_font),
        (_wrapped(instruction, text_font, width - 2 * _MARGIN), text_font),
    ]
    heights = [int(len(lines) * font.size * 1.3) for lines, font in blocks]
    poster = Image.new("RGB", (width, code.height + sum(heights) + 2 * _MARGIN), "white")
    draw = ImageDraw.Draw(poster)
    top = _MARGIN
    for (lines, font), height in zip(blocks, heights, strict=True):
        if font is text_font:  # the code comes between the title and the instruction
            poster.paste(code, ((width - code.width) // 2, top))
            top += code.height
        for n, line in enumerate(lines):
            left = (width - font.getlength(line)) / 2
            draw.text((left, top + n * font.size * 1.3), line, fill="black", font=font)
        top += height
    described = PngInfo()  # for screen readers and file browsers
    described.add_itxt("Title", title)
    described.add_itxt("Description", instruction)
    png = io.BytesIO()
    poster.save(png, format="PNG", pnginfo=described)
    return png.getvalue()
