"""/broadcast: the coordinator writes an announcement, picks the audience on a preview, and sends
it now or later; then follows its progress, stops it, or downloads the delivery report."""

from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.ext import (
    CallbackQueryHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.core.broadcast import Progress, checked_text, parse_moment
from bot.core.csvfiles import write_table
from bot.core.models import BroadcastState
from handlers import keyboards
from handlers.broadcast import buttons, texts
from handlers.context import KringContext
from handlers.conversation import Flow, message_text
from handlers.feature import command
from handlers.replies import KringBot

WRITING, PREVIEW, WHEN = range(3)
_KEY = "broadcast"


async def start(update: Update, context: KringContext) -> int:
    assert update.effective_message is not None and context.user_data is not None
    context.user_data.pop(_KEY, None)
    console_url = context.bot.console_url if isinstance(context.bot, KringBot) else None
    await update.effective_message.reply_text(
        texts.broadcast_ask_text(context.t),
        reply_markup=buttons.console_button(context.t, console_url),
    )
    return WRITING


async def written(update: Update, context: KringContext) -> int:
    """The text, or a document with its caption: show the preview."""
    message = update.effective_message
    assert message is not None and context.user_data is not None
    document = message.document
    text = (message.caption or "") if document else (message.text or "")
    context.user_data[_KEY] = {
        "text": checked_text(text, has_file=document is not None),
        "file_id": document.file_id if document else None,
        "audience": "all",
        "urgent": False,
    }
    text, markup = await _preview(context)
    await message.reply_text(text, reply_markup=markup)
    return PREVIEW


async def _preview(context: KringContext) -> tuple[str, InlineKeyboardMarkup]:
    assert context.user_data is not None
    draft = context.user_data[_KEY]
    broadcasts = context.services.broadcasts
    recipients = await broadcasts.count(draft["audience"])
    text = texts.broadcast_preview(
        context.t,
        draft["text"],
        draft["file_id"] is not None,
        draft["audience"],
        recipients,
        draft["urgent"],
    )
    markup = buttons.broadcast_preview(
        context.t,
        draft["audience"],
        await broadcasts.zones(),
        draft["urgent"],
        await broadcasts.upcoming_events(),
    )
    return text, markup


async def audience_tapped(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    audience = keyboards.parse(query.data)
    if audience[0] == "zone":
        zones = {
            keyboards.zone_key(zone): zone for zone in await context.services.broadcasts.zones()
        }
        audience = list(keyboards.args(query.data, str, lambda key: zones[key]))
    context.user_data[_KEY]["audience"] = ":".join(audience)
    return await _show_preview(update, context)


async def urgent_tapped(update: Update, context: KringContext) -> int:
    assert context.user_data is not None
    draft = context.user_data[_KEY]
    draft["urgent"] = not draft["urgent"]
    return await _show_preview(update, context)


async def _show_preview(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None
    await query.answer()
    text, markup = await _preview(context)
    await query.edit_message_text(text, reply_markup=markup)
    return PREVIEW


async def send_tapped(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None
    text, markup = await _schedule(context, at=None)
    await query.answer()
    await query.edit_message_text(text, reply_markup=markup)
    return ConversationHandler.END


async def _schedule(context: KringContext, at: datetime | None) -> tuple[str, InlineKeyboardMarkup]:
    """Create the broadcast from the draft (which is forgotten only once that worked)."""
    assert context.user_data is not None
    draft, member = context.user_data[_KEY], context.active_member
    broadcasts = context.services.broadcasts
    broadcast = await broadcasts.create(
        member,
        draft["text"],
        draft["audience"],
        file_id=draft["file_id"],
        urgent=draft["urgent"],
        at=at,
    )
    context.user_data.pop(_KEY)
    return _progress(context, await broadcasts.progress(member, broadcast.id or 0))


async def later_tapped(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and query.message is not None
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_text(texts.broadcast_ask_when(context.t))
    return WHEN


async def when_typed(update: Update, context: KringContext) -> int:
    assert update.effective_message is not None and context.user_data is not None
    zone = ZoneInfo(context.services.kring.timezone)
    text, markup = await _schedule(context, parse_moment(message_text(update), zone))
    await update.effective_message.reply_text(text, reply_markup=markup)
    return ConversationHandler.END


async def abort_tapped(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    context.user_data.pop(_KEY, None)
    await query.answer()
    await query.edit_message_text(texts.broadcast_aborted(context.t))
    return ConversationHandler.END


def _progress(context: KringContext, progress: Progress) -> tuple[str, InlineKeyboardMarkup]:
    broadcast = progress.broadcast
    text = texts.broadcast_progress(context.t, broadcast, progress.counts)
    is_open = broadcast.state in (BroadcastState.SCHEDULED, BroadcastState.SENDING)
    return text, buttons.broadcast_progress(context.t, broadcast.id or 0, is_open)


async def progress_tapped(update: Update, context: KringContext) -> None:
    """`bcprog:<id>` shows the progress again; `bcstop:<id>` cancels what was not sent yet."""
    query = update.callback_query
    assert query is not None
    (broadcast_id,) = keyboards.args(query.data, int)
    broadcasts = context.services.broadcasts
    stopping = (query.data or "").startswith(buttons.BROADCAST_STOP)
    act = broadcasts.cancel if stopping else broadcasts.progress
    progress = await act(context.active_member, broadcast_id)
    await query.answer()
    text, markup = _progress(context, progress)
    await query.edit_message_text(text, reply_markup=markup)


async def report_csv(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    (broadcast_id,) = keyboards.args(query.data, int)
    lines = await context.services.broadcasts.deliveries(context.active_member, broadcast_id)
    t = context.t
    table = write_table(texts.delivery_header(t), (texts.delivery_row(t, line) for line in lines))
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_document(
        table,
        filename=texts.delivery_filename(t, broadcast_id),
        caption=texts.delivery_caption(t, len(lines)),
    )


def conversation() -> Flow:
    text = filters.TEXT & ~filters.COMMAND

    def button(
        callback: Callable[[Update, KringContext], Coroutine[Any, Any, int]], prefix: str
    ) -> CallbackQueryHandler[KringContext, object]:
        return CallbackQueryHandler(callback, pattern=rf"^{prefix}(:|$)")

    return Flow(
        _KEY,
        entry_points=[command(buttons.BROADCAST_COMMAND, start)],
        states={
            WRITING: [MessageHandler(text | filters.Document.ALL, written)],
            PREVIEW: [
                button(audience_tapped, buttons.BROADCAST_AUDIENCE),
                button(urgent_tapped, buttons.BROADCAST_URGENT),
                button(send_tapped, buttons.BROADCAST_SEND),
                button(later_tapped, buttons.BROADCAST_LATER),
                button(abort_tapped, buttons.BROADCAST_ABORT),
            ],
            WHEN: [MessageHandler(text, when_typed)],
        },
        cancelled=texts.broadcast_aborted,
    )
