"""Show, renew and revoke a member's calendar subscription address."""

from telegram import Message, Update

from bot.core.errors import BadButton
from bot.core.membership import is_manager
from bot.core.models import CalendarFeed
from bot.core.services import Kring
from handlers import keyboards
from handlers.calendar import buttons, texts
from handlers.context import KringContext


def address(context: KringContext, feed: CalendarFeed) -> str:
    return webcal_address(context.services.kring, feed)


def webcal_address(kring: Kring, feed: CalendarFeed) -> str:
    """webcal:// makes a phone offer to subscribe; the server itself speaks http(s)."""
    base = kring.web_address.rstrip("/")
    return "webcal://" + base.split("://", 1)[-1] + f"/feeds/{feed.token}.ics"


async def show(update: Update, context: KringContext) -> None:
    """From /settings: the address, as a new message (the settings stay above it)."""
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    member = context.active_member
    feed = await context.services.feeds.for_member(member)
    zones = await context.services.broadcasts.zones() if is_manager(member) else []
    await query.answer()
    await query.message.reply_text(
        texts.feed_address(context.t, address(context, feed)),
        reply_markup=buttons.feed(context.t, zones),
    )


async def zone_feed(update: Update, context: KringContext) -> None:
    """`zonefeed:<index>`: a zone's roster address, as a new message."""
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    (index,) = keyboards.args(query.data, int)
    zones = await context.services.broadcasts.zones()
    if not 0 <= index < len(zones):
        raise BadButton()
    feed = await context.services.feeds.for_zone(context.active_member, zones[index])
    await query.answer()
    await query.message.reply_text(
        texts.zone_feed_address(context.t, zones[index], address(context, feed))
    )


async def renew(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    feed = await context.services.feeds.renew(context.active_member)
    await query.answer(texts.feed_renewed(context.t), show_alert=True)
    await query.edit_message_text(
        texts.feed_address(context.t, address(context, feed)), reply_markup=buttons.feed(context.t)
    )


async def revoke(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    await context.services.feeds.revoke(context.active_member)
    await query.answer()
    await query.edit_message_text(
        texts.feed_revoked(context.t), reply_markup=buttons.start_feed(context.t)
    )
