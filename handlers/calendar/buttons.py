"""The calendar feed's buttons and who may tap them."""

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Translator
from handlers.audience import Audience, Prefix
from handlers.keyboards import data

FEED = Prefix("feed", Audience.MEMBER)
FEED_RENEW = Prefix("feedrenew", Audience.MEMBER)
FEED_REVOKE = Prefix("feedrevoke", Audience.MEMBER)
ZONE_FEED = Prefix("zonefeed", Audience.MANAGER)  # the index of the zone in sorted order


def open_feed(t: Translator) -> InlineKeyboardButton:
    """The row in /settings."""
    return InlineKeyboardButton(t.gettext("Calendar subscription"), callback_data=data(FEED))


def feed(t: Translator, zones: Sequence[str] = ()) -> InlineKeyboardMarkup:
    """Renew or stop; for the coordinator and staff also each zone's roster feed."""
    rows = [
        [
            InlineKeyboardButton(t.gettext("New address"), callback_data=data(FEED_RENEW)),
            InlineKeyboardButton(
                t.gettext("Stop the subscription"), callback_data=data(FEED_REVOKE)
            ),
        ]
    ]
    zone_buttons = [
        InlineKeyboardButton(
            t.gettext("Roster {zone}").format(zone=zone), callback_data=data(ZONE_FEED, index)
        )
        for index, zone in enumerate(zones)
    ]
    rows += [zone_buttons[i : i + 2] for i in range(0, len(zone_buttons), 2)]
    return InlineKeyboardMarkup(rows)


def start_feed(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[open_feed(t)]])
