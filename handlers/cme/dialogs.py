"""The coordinator's multi-step CME dialogs: a new event, editing one field and importing events
from a CSV file, each a short conversation that /cancel stops."""

from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Message, Update
from telegram.ext import CallbackQueryHandler, ConversationHandler, MessageHandler
from telegram.ext import filters as tg_filters

from bot.core.cme import (
    clean_title,
    parse_count,
    parse_deadline,
    parse_end,
    parse_moment,
)
from bot.core.cme.values import TEXT_MAX
from bot.core.csvfiles import MAX_FILE_BYTES
from bot.core.errors import EventReason, InvalidEvent, TableReason, UnreadableTable
from bot.core.models import Event, EventAudience, EventKind, Rubric
from handlers import keyboards
from handlers.cme import buttons, coordinator, event_texts, texts
from handlers.cme.member import callback_id
from handlers.context import KringContext
from handlers.conversation import Flow, keep_and_ask, message_text

(
    NEW_KIND,
    NEW_TITLE,
    NEW_START,
    NEW_END,
    NEW_LOCATION,
    NEW_CAPACITY,
    NEW_POINTS,
    NEW_RUBRIC,
    NEW_SPEAKER,
    NEW_DESCRIPTION,
    NEW_DEADLINE,
    NEW_AUDIENCE,
    NEW_PREVIEW,
    EDIT_FIELD,
    EDIT_VALUE,
    IMPORT_FILE,
) = range(16)
# The flows, and where each keeps its answers
_NEW, _EDIT, _IMPORT = "event_new", "event_edit", "event_import"


# --- a new event, in a short conversation ----------------------------------------------------


async def new_event(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and query.message is not None and context.user_data is not None
    context.user_data[_NEW] = {}
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_text(
        event_texts.event_ask_kind(context.t), reply_markup=buttons.event_kinds(context.t)
    )
    return NEW_KIND


async def new_kind(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    (context.user_data[_NEW]["kind"],) = keyboards.args(query.data, EventKind)
    await query.answer()
    await query.edit_message_text(event_texts.event_ask_title(context.t))
    return NEW_TITLE


async def new_title(update: Update, context: KringContext) -> int:
    title = clean_title(message_text(update))
    await keep_and_ask(
        update, context, _NEW, "title", title, event_texts.event_ask_start(context.t)
    )
    return NEW_START


async def new_start(update: Update, context: KringContext) -> int:
    start_at = parse_moment(message_text(update), context.services.events.zone)
    await keep_and_ask(
        update, context, _NEW, "start", start_at, event_texts.event_ask_end(context.t)
    )
    return NEW_END


async def new_end(update: Update, context: KringContext) -> int:
    assert context.user_data is not None
    end_at = parse_end(message_text(update), context.user_data[_NEW]["start"])
    await keep_and_ask(
        update, context, _NEW, "end", end_at, event_texts.event_ask_location(context.t)
    )
    return NEW_LOCATION


async def new_location(update: Update, context: KringContext) -> int:
    location = " ".join(message_text(update).split())
    await keep_and_ask(
        update, context, _NEW, "location", location, event_texts.event_ask_capacity(context.t)
    )
    return NEW_CAPACITY


async def new_capacity(update: Update, context: KringContext) -> int:
    capacity = parse_count(message_text(update), optional=True)
    await keep_and_ask(
        update, context, _NEW, "capacity", capacity, event_texts.event_ask_points(context.t)
    )
    return NEW_POINTS


async def new_points(update: Update, context: KringContext) -> int:
    assert context.user_data is not None and update.effective_message is not None
    context.user_data[_NEW]["points"] = parse_count(message_text(update))
    await update.effective_message.reply_text(
        event_texts.event_ask_rubric(context.t), reply_markup=buttons.rubrics(context.t)
    )
    return NEW_RUBRIC


async def new_rubric(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    (context.user_data[_NEW]["rubric"],) = keyboards.args(query.data, Rubric)
    await query.answer()
    await query.edit_message_text(event_texts.event_ask_speaker(context.t))
    return NEW_SPEAKER


def _optional_text(update: Update) -> str:
    """A free text answer; '-' for none."""
    text = " ".join(message_text(update).split())[:TEXT_MAX]
    return "" if text == "-" else text


async def new_speaker(update: Update, context: KringContext) -> int:
    ask = event_texts.event_ask_description(context.t)
    await keep_and_ask(update, context, _NEW, "speaker", _optional_text(update), ask)
    return NEW_DESCRIPTION


async def new_description(update: Update, context: KringContext) -> int:
    ask = event_texts.event_ask_deadline(context.t)
    await keep_and_ask(update, context, _NEW, "description", _optional_text(update), ask)
    return NEW_DEADLINE


async def new_deadline(update: Update, context: KringContext) -> int:
    assert context.user_data is not None and update.effective_message is not None
    answers = context.user_data[_NEW]
    answers["deadline"] = parse_deadline(message_text(update), answers["start"])
    groups = await context.services.events.lok_groups()
    await update.effective_message.reply_text(
        event_texts.event_ask_audience(context.t),
        reply_markup=buttons.audiences(context.t, groups),
    )
    return NEW_AUDIENCE


async def _draft(context: KringContext) -> tuple[Event, str]:
    """The event the answers describe, and whom it is for (as the coordinator reads it)."""
    assert context.user_data is not None
    answers = context.user_data[_NEW]
    events = context.services.events
    event = events.draft(answers["title"], answers["kind"], answers["start"], answers["end"])
    event.location, event.capacity = answers["location"], answers["capacity"]
    event.points, event.rubric = answers["points"], answers["rubric"]
    event.speaker, event.description = answers["speaker"], answers["description"]
    event.deadline_at, event.audience = answers["deadline"], answers["audience"]
    group = next((g for g in await events.lok_groups() if g.id == answers["group"]), None)
    event.lok_group_id = group.id if group else None
    if event.audience is EventAudience.LOK_GROUP and group is None:
        raise InvalidEvent(EventReason.LOK_GROUP)  # the group is gone meanwhile
    return event, texts.audience_name(context.t, event.audience, group.name if group else "")


async def new_audience(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    (audience,) = keyboards.args(query.data, EventAudience)
    group_id = None
    if audience is EventAudience.LOK_GROUP:  # evaud:lok_group:<group id>
        _, group_id = keyboards.args(query.data, EventAudience, int)
    context.user_data[_NEW].update(audience=audience, group=group_id)
    event, audience_name = await _draft(context)
    await query.answer()
    await query.edit_message_text(
        event_texts.event_preview(context.t, event, audience_name),
        reply_markup=buttons.publish(context.t),
    )
    return NEW_PREVIEW


async def new_publish(update: Update, context: KringContext) -> int:
    """`evpub:yes` publishes (and announces) the event; `evpub:no` drops it."""
    query = update.callback_query
    assert query is not None and context.user_data is not None
    (publish,) = keyboards.args(query.data, keyboards.one_of("yes", "no"))
    if publish == "no":
        context.user_data.pop(_NEW, None)
        await query.answer()
        await query.edit_message_text(event_texts.events_stopped(context.t))
        return ConversationHandler.END
    event, _audience = await _draft(context)
    event = await context.services.events.create(context.active_member, event)
    context.user_data.pop(_NEW, None)
    await query.answer()
    await query.edit_message_text(
        event_texts.event_created(context.t, event),
        reply_markup=buttons.event_actions(context.t, event),
    )
    return ConversationHandler.END


# --- editing one field ------------------------------------------------------------------------


async def edit_event(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and query.message is not None
    event_id = callback_id(query)
    await context.services.events.event(event_id)  # say so now if it is gone
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_text(
        event_texts.event_edit_choose(context.t),
        reply_markup=buttons.edit_fields(context.t, event_id),
    )
    return EDIT_FIELD


async def edit_field(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    event_id, field_name = keyboards.args(query.data, int, str)
    if field_name not in buttons.EDITABLE_FIELDS:
        await query.answer()
        return EDIT_FIELD
    context.user_data[_EDIT] = {"event_id": event_id, "field": field_name}
    await query.answer()
    await query.edit_message_text(event_texts.event_ask_value(context.t, field_name))
    return EDIT_VALUE


async def edit_value(update: Update, context: KringContext) -> int:
    assert context.user_data is not None and update.effective_message is not None
    answers = context.user_data[_EDIT]
    event = await context.services.events.edit(
        context.active_member, answers["event_id"], answers["field"], message_text(update)
    )
    context.user_data.pop(_EDIT, None)
    text, event = await coordinator.details(context, event.id or 0)
    await update.effective_message.reply_text(
        text, reply_markup=buttons.event_actions(context.t, event)
    )
    return ConversationHandler.END


# --- importing a CSV file ---------------------------------------------------------------------


async def ask_import(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and query.message is not None
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_text(event_texts.event_ask_import(context.t))
    return IMPORT_FILE


async def import_file(update: Update, context: KringContext) -> int:
    """A bad file is refused with its problems and the conversation waits for a better one."""
    message = update.effective_message
    assert message is not None and message.document is not None
    if (message.document.file_size or 0) > MAX_FILE_BYTES:
        raise UnreadableTable(TableReason.TOO_LARGE)
    content = bytes(await (await message.document.get_file()).download_as_bytearray())
    events = await context.services.events.import_events(context.active_member, content)
    await message.reply_text(event_texts.events_imported(context.t, events))
    return ConversationHandler.END


def conversations() -> list[Flow]:
    text = tg_filters.TEXT & ~tg_filters.COMMAND
    stopped = event_texts.events_stopped

    def button(
        callback: Callable[[Update, KringContext], Coroutine[Any, Any, int]],
        prefix: str,
        rest: str = "",
    ) -> CallbackQueryHandler[KringContext, object]:
        return CallbackQueryHandler(callback, pattern=rf"^{prefix}{rest}$")

    creating = Flow(
        _NEW,
        entry_points=[button(new_event, buttons.EVENT_NEW)],
        states={
            NEW_KIND: [button(new_kind, buttons.EVENT_KIND, ":.+")],
            NEW_TITLE: [MessageHandler(text, new_title)],
            NEW_START: [MessageHandler(text, new_start)],
            NEW_END: [MessageHandler(text, new_end)],
            NEW_LOCATION: [MessageHandler(text, new_location)],
            NEW_CAPACITY: [MessageHandler(text, new_capacity)],
            NEW_POINTS: [MessageHandler(text, new_points)],
            NEW_RUBRIC: [button(new_rubric, buttons.EVENT_RUBRIC, ":.+")],
            NEW_SPEAKER: [MessageHandler(text, new_speaker)],
            NEW_DESCRIPTION: [MessageHandler(text, new_description)],
            NEW_DEADLINE: [MessageHandler(text, new_deadline)],
            NEW_AUDIENCE: [button(new_audience, buttons.EVENT_AUDIENCE, ":.+")],
            NEW_PREVIEW: [button(new_publish, buttons.EVENT_PUBLISH, ":.+")],
        },
        cancelled=stopped,
    )
    editing = Flow(
        _EDIT,
        entry_points=[button(edit_event, buttons.EVENT_EDIT, r":\d+")],
        states={
            EDIT_FIELD: [button(edit_field, buttons.EVENT_EDIT, r":\d+:\w+")],
            EDIT_VALUE: [MessageHandler(text, edit_value)],
        },
        cancelled=stopped,
    )
    importing = Flow(
        _IMPORT,
        entry_points=[button(ask_import, buttons.EVENT_IMPORT)],
        states={IMPORT_FILE: [MessageHandler(tg_filters.Document.ALL, import_file)]},
        cancelled=stopped,
    )
    return [creating, editing, importing]
