"""broadcast: commands and buttons"""

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo

from bot.core.broadcast import BROADCASTERS, FIXED_AUDIENCES, audience_label
from bot.i18n import Translator
from handlers.audience import Command, Prefix
from handlers.keyboards import LIST_LIMIT, data, short, zone_key

# Commands

BROADCAST_COMMAND = Command("broadcast", BROADCASTERS, ("bericht", "annonce"))

# Buttons (callback-data prefixes)


BROADCAST_AUDIENCE = Prefix("bcaud", BROADCASTERS)
BROADCAST_URGENT = Prefix("bcurg", BROADCASTERS)
BROADCAST_SEND = Prefix("bcsend", BROADCASTERS)
BROADCAST_LATER = Prefix("bclater", BROADCASTERS)
BROADCAST_ABORT = Prefix("bcabort", BROADCASTERS)
BROADCAST_PROGRESS = Prefix("bcprog", BROADCASTERS)
BROADCAST_STOP = Prefix("bcstop", BROADCASTERS)
BROADCAST_CSV = Prefix("bccsv", BROADCASTERS)


CONSOLE_PAGE = "announcements"  # the console's page (bot/web/pages/announcements.py)


def console_button(t: Translator, console_url: str | None) -> InlineKeyboardMarkup | None:
    """Compose in the console instead: a Mini App button, when the console is reachable over
    https (as the menu button: handlers.membership.menu)."""
    if not console_url:
        return None
    address = f"{console_url}?page={CONSOLE_PAGE}"
    label = t.gettext("Compose in the console")
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, web_app=WebAppInfo(address))]])


def broadcast_preview(
    t: Translator,
    audience: str,
    zones: Sequence[str],
    urgent: bool,
    events: Sequence[tuple[int, str]] = (),
) -> InlineKeyboardMarkup:
    """Audience buttons (the chosen one ticked), urgent or not, send now or later, cancel."""

    def audience_button(
        key: str, label: str | None = None, data_key: str | None = None
    ) -> InlineKeyboardButton:
        label = label or audience_label(t, key)
        tick = "✓ " if key == audience else ""
        return InlineKeyboardButton(
            short(tick + label), callback_data=data(BROADCAST_AUDIENCE, data_key or key)
        )

    urgency = t.gettext("Urgent: yes") if urgent else t.gettext("Urgent: no")
    return InlineKeyboardMarkup(
        [
            [audience_button(key) for key in FIXED_AUDIENCES],
            [
                audience_button(f"zone:{zone}", data_key=f"zone:{zone_key(zone)}")
                for zone in zones[:LIST_LIMIT]
            ],
            *[
                [
                    audience_button(
                        f"event:{event_id}", audience_label(t, f"event:{event_id}", title)
                    )
                ]
                for event_id, title in events[:LIST_LIMIT]
            ],
            [InlineKeyboardButton(urgency, callback_data=data(BROADCAST_URGENT))],
            [
                InlineKeyboardButton(t.gettext("Send"), callback_data=data(BROADCAST_SEND)),
                InlineKeyboardButton(t.gettext("Schedule"), callback_data=data(BROADCAST_LATER)),
            ],
            [InlineKeyboardButton(t.gettext("Cancel"), callback_data=data(BROADCAST_ABORT))],
        ]
    )


def broadcast_progress(t: Translator, broadcast_id: int, open_: bool) -> InlineKeyboardMarkup:
    """Refresh and stop while it is open; the delivery report (CSV) always."""
    csv = data(BROADCAST_CSV, broadcast_id)
    rows = [[InlineKeyboardButton(t.gettext("Report (CSV)"), callback_data=csv)]]
    if open_:
        rows.insert(
            0,
            [
                InlineKeyboardButton(
                    t.gettext("Refresh"), callback_data=data(BROADCAST_PROGRESS, broadcast_id)
                ),
                InlineKeyboardButton(
                    t.gettext("Cancel sending"), callback_data=data(BROADCAST_STOP, broadcast_id)
                ),
            ],
        )
    return InlineKeyboardMarkup(rows)
