"""CME events for the coordinator and staff: /events, an event's registrations with
tick-attendance buttons, the check-in QR code, the attendance list as CSV, cancelling, and the
LOK groups' year. The multi-step dialogs (create, edit, import, walk-in) are in dialogs.py."""

from typing import Any

from telegram import Message, Update

from bot.cme_texts import attendance_csv
from bot.core.models import Event
from handlers import keyboards, picker
from handlers.cme import buttons, event_texts
from handlers.cme.files import checkin_poster
from handlers.cme.member import CHECKIN_PREFIX, callback_id
from handlers.context import KringContext
from handlers.replies import KringBot

# --- overview and one event -------------------------------------------------------------------


async def overview(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    events = await context.services.events.managed_events()
    console_url = context.bot.console_url if isinstance(context.bot, KringBot) else None
    await update.effective_message.reply_text(
        event_texts.events_overview(context.t, events),
        reply_markup=buttons.events_overview(context.t, events, console_url),
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


# --- the registration list with ticks, and walk-ins (handlers.picker) -------------------------


async def _attendance_listing(context: KringContext, args: tuple[Any, ...]) -> picker.Listing:
    (event_id,) = args
    event, found = await context.services.attendance.attendees(context.active_member, event_id)
    return picker.Listing(
        event_texts.attendance(context.t, event, found),
        buttons.attendance(context.t, found),
        [buttons.add_walk_in(context.t, event_id)],
    )


async def _walk_in_listing(context: KringContext, args: tuple[Any, ...]) -> picker.Listing:
    (event_id,) = args
    members = await context.services.attendance.walk_in_candidates(context.active_member, event_id)
    return picker.Listing(
        event_texts.walk_in_ask(context.t), [picker.member_choice(member) for member in members]
    )


ATTENDANCE = picker.Picker(
    buttons.EVENT_ATTENDEES,
    buttons.EVENT_ATTENDEES_PAGE,
    buttons.EVENT_TICK,
    _attendance_listing,
    converters=(int,),
    stays_open=True,
    opens_in_place=False,
)
# Choosing a walk-in shows the registration list with them ticked, which typing then searches.
WALK_INS = picker.Picker(
    buttons.EVENT_WALK_IN,
    buttons.EVENT_WALK_IN_PAGE,
    buttons.EVENT_WALK_IN_ADD,
    _walk_in_listing,
    converters=(int,),
    stays_open=True,
    opens_in_place=False,
)


async def tick(update: Update, context: KringContext) -> None:
    """Tick or untick one attendee; the list is edited in place, on the same page."""
    query = update.callback_query
    assert query is not None
    event_id, registration_id, searched = keyboards.args(query.data, int, int, int)
    await picker.choice(context, ATTENDANCE, (event_id,), registration_id)
    await context.services.attendance.set_attended(context.active_member, registration_id)
    await picker.show(
        update, context, ATTENDANCE, (event_id,), searched=bool(searched), focus=registration_id
    )


async def add_walk_in(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    event_id, member_id = keyboards.args(query.data, int, int)
    await picker.choice(context, WALK_INS, (event_id,), member_id)
    added = await context.services.attendance.add_walk_in(
        context.active_member, event_id, member_id
    )
    await picker.show(
        update,
        context,
        ATTENDANCE,
        (event_id,),
        focus=added.registration.id,
        note=event_texts.walk_in_added(context.t, added),
    )


async def checkin_code(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    event = await context.services.events.event(callback_id(query))
    link = f"https://t.me/{context.bot.username}?start={CHECKIN_PREFIX}{event.checkin_token}"
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_document(
        checkin_poster(
            link,
            event_texts.checkin_poster_title(context.t, event),
            event_texts.checkin_poster_instruction(context.t, event),
        ),
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
    filename, content, present = attendance_csv(t, event, found)
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_document(
        content, filename=filename, caption=event_texts.attendance_exported(t, event, present)
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
