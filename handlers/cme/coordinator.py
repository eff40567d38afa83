"""CME events for the coordinator and staff: /events, an event's registrations with
tick-attendance buttons, the check-in QR code, the attendance list as CSV, cancelling, and the
LOK groups' year. The multi-step dialogs (create, edit, import, walk-in) are in dialogs.py."""

from telegram import InlineKeyboardMarkup, Message, Update

from bot.core.csvfiles import write_table
from bot.core.models import Event
from handlers import keyboards
from handlers.cme import buttons, event_texts, texts
from handlers.cme.member import CHECKIN_PREFIX, callback_id
from handlers.context import KringContext
from handlers.documents import qr_png

# --- overview and one event -------------------------------------------------------------------


async def overview(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    events = await context.services.events.managed_events()
    await update.effective_message.reply_text(
        event_texts.events_overview(context.t, events),
        reply_markup=buttons.events_overview(context.t, events),
    )


async def details(context: KringContext, event_id: int) -> tuple[str, Event]:
    event, attendees = await context.services.attendance.attendees(context.active_member, event_id)
    return event_texts.event_details(context.t, event, attendees), event


async def show(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    text, event = await details(context, callback_id(query))
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_text(text, reply_markup=buttons.event_actions(context.t, event))


async def attendance_view(context: KringContext, event_id: int) -> tuple[str, InlineKeyboardMarkup]:
    """The registration list with a tick button per attendee."""
    event, found = await context.services.attendance.attendees(context.active_member, event_id)
    return event_texts.attendance(context.t, event, found), buttons.attendance(
        context.t, event_id, found
    )


async def attendees(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    text, markup = await attendance_view(context, callback_id(query))
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_text(text, reply_markup=markup)


async def tick(update: Update, context: KringContext) -> None:
    """Tick or untick one attendee; the list is edited in place."""
    query = update.callback_query
    assert query is not None
    attendance = context.services.attendance
    registration = await attendance.set_attended(context.active_member, callback_id(query))
    text, markup = await attendance_view(context, registration.event_id)
    await query.answer()
    await query.edit_message_text(text, reply_markup=markup)


async def checkin_code(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    event = await context.services.events.event(callback_id(query))
    link = f"https://t.me/{context.bot.username}?start={CHECKIN_PREFIX}{event.checkin_token}"
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_document(
        qr_png(link),
        filename=f"checkin-{event.id}.png",
        caption=event_texts.checkin_link(context.t, event, link),
    )


async def export(update: Update, context: KringContext) -> None:
    """The attendance list for the RIZIV: the members marked present, with their points."""
    query = update.callback_query
    assert query is not None and query.message is not None
    t = context.t
    event, found = await context.services.attendance.attendees(
        context.active_member, callback_id(query)
    )
    present = [a.member for a in found if a.registration.attended_at is not None]
    rows = [
        [
            member.name,
            member.riziv,
            event.points,
            texts.rubric_name(t, event.rubric),
            event.title,
            event.start_at.astimezone(t.tz).date().isoformat(),
        ]
        for member in sorted(present, key=lambda m: m.name or "")
    ]
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_document(
        write_table(event_texts.attendance_header(t), rows),
        filename=event_texts.attendance_filename(t, event),
        caption=event_texts.attendance_exported(t, event, len(rows)),
    )


async def cancel_event(update: Update, context: KringContext) -> None:
    """First tap asks to confirm (in place); the second cancels and tells the members."""
    query = update.callback_query
    assert query is not None
    event_id = callback_id(query)
    event = await context.services.events.event(event_id)
    await query.answer()
    if keyboards.parse(query.data)[1:] != ["yes"]:
        await query.edit_message_text(
            event_texts.event_confirm_cancel(context.t, event),
            reply_markup=buttons.confirm_cancel(context.t, event_id),
        )
        return
    told = await context.services.events.cancel(context.active_member, event_id)
    await query.edit_message_text(event_texts.event_cancelled(context.t, event, told))


async def lok_groups(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    credits = context.services.credits
    year = context.services.clock.now().astimezone(credits.zone).year
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_text(
        event_texts.lok_overview(context.t, await credits.lok_overview(year), year)
    )
