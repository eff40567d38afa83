"""Live calendar feeds: a member's secret subscription address for the phone's calendar, shown,
renewed and revoked from `/settings` (the feed itself is served by bot.web)."""

from typing import Any

from telegram.ext import BaseHandler

from handlers.calendar import buttons, feeds
from handlers.context import KringContext
from handlers.feature import Feature, button


def handlers() -> list[BaseHandler[Any, KringContext, Any]]:
    return [
        button(buttons.FEED, feeds.show),
        button(buttons.FEED_RENEW, feeds.renew),
        button(buttons.FEED_REVOKE, feeds.revoke),
        button(buttons.ZONE_FEED, feeds.zone_feed),
    ]


FEATURE = Feature(name="calendar", handlers=handlers, declared_in=[buttons])
