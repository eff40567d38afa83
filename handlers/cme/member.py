"""CME events for members: /cme lists what is coming (register, unregister, waiting list),
the buttons of a seat offer, check-in through the deep link, and /credits."""

from telegram import CallbackQuery, Message, Update

from bot.core.errors import ShiftClash
from bot.core.models import Event
from bot.core.notices.cme import EventSummary
from handlers import access, keyboards, replies
from handlers.audience import Audience
from handlers.cme import buttons, texts
from handlers.cme.files import event_calendar, event_removal
from handlers.context import KringContext

CHECKIN_PREFIX = "checkin_"  # /start checkin_<token>: the check-in deep link


def callback_id(query: CallbackQuery) -> int:
    """The id a button carries first; a payload without one is a BadButton."""
    first: int
    (first,) = keyboards.args(query.data, int)
    return first


async def show_events(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    views = await context.services.events.upcoming(context.active_member)
    await update.effective_message.reply_text(
        texts.cme_events(context.t, views), reply_markup=buttons.cme_events(context.t, views)
    )


async def _refresh_list(query: CallbackQuery, context: KringContext) -> None:
    """The /cme message shows the new seats and buttons (edited in place)."""
    views = await context.services.events.upcoming(context.active_member)
    await query.edit_message_text(
        texts.cme_events(context.t, views), reply_markup=buttons.cme_events(context.t, views)
    )


async def send_calendar(
    message: Message, context: KringContext, event: Event, registration_id: int, text: str
) -> None:
    """The calendar file, with the offer of a second reminder an hour before."""
    services = context.services
    await message.reply_document(
        event_calendar(event, services.clock.now(), services.kring.name),
        filename=f"event-{event.id}.ics",
        caption=text,
        reply_markup=buttons.hour_reminder(context.t, registration_id),
    )


async def show_list(update: Update, context: KringContext) -> None:
    """Back to the list (a warning or question on the /cme message was answered "no")."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    await _refresh_list(query, context)


async def register(update: Update, context: KringContext) -> None:
    """A member on duty during the event is warned first (in place), and registers only when
    they tap "register anyway"."""
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    anyway = keyboards.parse(query.data)[1:] == [buttons.REGISTER_ANYWAY]
    event_id = callback_id(query)
    try:
        view = await context.services.seats.register(
            context.active_member, event_id, despite_clash=anyway
        )
    except ShiftClash as clash:
        await query.answer()
        await query.edit_message_text(
            texts.shift_clash(context.t, clash),
            reply_markup=buttons.register_despite_clash(context.t, event_id),
        )
        return
    await query.answer()
    await _refresh_list(query, context)
    text = texts.cme_registered(context.t, view)
    if view.position is None and view.mine is not None:
        await send_calendar(query.message, context, view.event, view.mine.id or 0, text)
    else:
        await query.message.reply_text(text)


async def unregister(update: Update, context: KringContext) -> None:
    """The first tap asks (in place); "yes" unregisters and shows the list again."""
    query = update.callback_query
    assert query is not None
    event_id = callback_id(query)
    if keyboards.parse(query.data)[1:] != [buttons.UNREGISTER_YES]:
        event = await context.services.events.event(event_id)
        await query.answer()
        await query.edit_message_text(
            texts.cme_confirm_unregister(context.t, event),
            reply_markup=buttons.confirm_unregister(context.t, event_id),
        )
        return
    event = await context.services.seats.unregister(context.active_member, event_id)
    await query.answer()
    await _refresh_list(query, context)
    services = context.services
    filename, removal = event_removal(
        EventSummary.of(event), event.end_at, services.clock.now(), services.kring.name
    )
    assert isinstance(query.message, Message)
    await query.message.reply_document(
        removal,
        filename=filename,
        caption=texts.cme_unregistered(context.t, event) + " " + texts.calendar_removal(context.t),
    )


async def confirm(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    registration_id = callback_id(query)
    event = await context.services.seats.confirm(context.active_member, registration_id)
    await query.answer()
    await query.edit_message_text(texts.cme_confirmed(context.t, event))
    caption = texts.calendar_caption(context.t, event)
    await send_calendar(query.message, context, event, registration_id, caption)


async def remind_hour(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    await context.services.seats.remind_hour_before(context.active_member, callback_id(query))
    await replies.answer(query, texts.hour_reminder_set(context.t), alert=True)
    await query.edit_message_reply_markup(reply_markup=None)


async def decline(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    event = await context.services.seats.decline(context.active_member, callback_id(query))
    await query.answer()
    await query.edit_message_text(texts.cme_declined(context.t, event))


async def check_in(update: Update, context: KringContext, token: str) -> None:
    """`/start checkin_<token>`: the gate lets strangers through for /start, so refuse here."""
    assert update.effective_message is not None
    member = context.member
    if member is None or not member.is_active:
        await access.refuse(update, context, Audience.MEMBER)
        return
    event, registration = await context.services.attendance.check_in(member, token)
    await update.effective_message.reply_text(texts.checked_in(context.t, event, registration))


async def show_credits(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    summary = await context.services.credits.credits(context.active_member)
    await update.effective_message.reply_text(
        texts.credits(context.t, summary), reply_markup=buttons.credits(context.t)
    )
