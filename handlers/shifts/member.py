"""Wachtdienst for members: /shifts (with a calendar file), asking for a swap in a few taps,
/swaps to take one over, withdrawing, the reminder's handover button and the reminder setting.

The swap request is built in the buttons' data (shift, kind, colleague); only the optional note
is typed, which is why the last step is a short conversation."""

from typing import Any

from telegram import Message, Update
from telegram.ext import CallbackQueryHandler, ConversationHandler, MessageHandler, filters

from bot.core.errors import SwapError, SwapReason
from bot.core.membership import MANAGER_ROLES
from bot.core.models import Member, SwapKind
from handlers import keyboards, picker
from handlers.context import KringContext
from handlers.conversation import Flow, message_text
from handlers.shifts import buttons, calendar_files, coordinator, texts

NOTE = 0
_KEY = "swap_note"


async def show_shifts(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    member = context.active_member
    shifts = await context.services.roster.upcoming(member)
    pending = await _pending_shift_ids(context, member)
    await update.effective_message.reply_text(
        texts.shifts_list(context.t, shifts, pending),
        reply_markup=keyboards.with_console(
            buttons.shifts(context.t, shifts, pending) if shifts else None,
            context.bot.console_url,
            context.t.gettext("My shifts in the console"),
        ),
    )


async def _pending_shift_ids(context: KringContext, member: Member) -> list[int]:
    return [view.shift.id or 0 for view in await context.services.swaps.mine(member)]


async def send_calendar(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    shifts = await context.services.roster.upcoming(context.active_member)
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_document(
        calendar_files.shifts_calendar(
            context.t,
            shifts,
            await context.services.swaps.calendar_versions(),
            context.services.clock.now(),
            context.services.kring,
        ),
        filename=texts.shifts_calendar_filename(context.t),
        caption=texts.shifts_calendar_caption(context.t),
    )


async def choose_kind(update: Update, context: KringContext) -> None:
    """ "Ruil": give away or swap? Too close to the shift for that: call in sick."""
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    (shift_id,) = keyboards.args(query.data, int)
    swaps, t = context.services.swaps, context.t
    try:
        shift = await swaps.requestable(context.active_member, shift_id)
    except SwapError as error:
        if error.reason is not SwapReason.TOO_LATE:
            raise
        shift = await swaps.sick_shift(context.active_member, shift_id)
        await query.answer()
        await query.message.reply_text(
            texts.sick_offer(t, shift, context.services.kring),
            reply_markup=buttons.call_in_sick(t, shift_id),
        )
        return
    await query.answer()
    await query.message.reply_text(
        texts.swap_ask_kind(t, shift), reply_markup=buttons.swap_kinds(t, shift.id or 0)
    )


async def call_in_sick(update: Update, context: KringContext) -> None:
    """The urgent request: colleagues and the coordinator are told at once."""
    query = update.callback_query
    assert query is not None
    (shift_id,) = keyboards.args(query.data, int)
    request, asked = await context.services.swaps.call_in_sick(context.active_member, shift_id)
    await query.answer()
    await query.edit_message_text(
        texts.sick_reported(context.t, asked, context.services.kring),
        reply_markup=buttons.withdraw(context.t, request.id or 0),
    )


async def choose_audience(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    shift_id, kind = _shift_and_kind(query.data)
    shift = await context.services.swaps.requestable(context.active_member, shift_id)
    await query.answer()
    await query.edit_message_text(
        texts.swap_ask_audience(context.t, shift, kind),
        reply_markup=buttons.swap_audiences(context.t, shift_id, kind),
    )


async def _colleague_listing(context: KringContext, args: tuple[Any, ...]) -> picker.Listing:
    shift_id, _kind = args
    shift, colleagues = await context.services.swaps.candidates(context.active_member, shift_id)
    return picker.Listing(
        texts.swap_ask_colleague(context.t, shift, colleagues),
        [picker.member_choice(member) for member in colleagues],
        [buttons.cancel_swap(context.t)],
    )


# "One colleague": choosing one (SWAP_AUDIENCE) starts the request's conversation below.
COLLEAGUES = picker.Picker(
    buttons.SWAP_PICK,
    buttons.SWAP_PICK_PAGE,
    buttons.SWAP_AUDIENCE,
    _colleague_listing,
    converters=(int, SwapKind),
)


async def confirm(update: Update, context: KringContext) -> int:
    """The last step: a note may be typed; "Verzenden" sends the request."""
    query = update.callback_query
    assert query is not None and context.user_data is not None
    shift_id, kind = _shift_and_kind(query.data)
    target = keyboards.args(query.data, int, SwapKind, int)[2]
    shift, colleagues = await context.services.swaps.candidates(context.active_member, shift_id)
    names = {member.id: member.name for member in colleagues}
    draft = {
        "shift_id": shift_id,
        "kind": kind,
        "target": target,
        "name": names.get(target),
        "note": "",
    }
    context.user_data[_KEY] = draft
    await query.answer()
    await query.edit_message_text(
        texts.swap_confirm(context.t, shift, kind, draft["name"], ""),
        reply_markup=buttons.swap_confirm(context.t, shift_id, kind, target),
    )
    return NOTE


async def note_typed(update: Update, context: KringContext) -> int:
    assert context.user_data is not None and update.effective_message is not None
    draft = context.user_data[_KEY]
    draft["note"] = message_text(update)[:200]
    shift = await context.services.swaps.requestable(context.active_member, draft["shift_id"])
    await update.effective_message.reply_text(
        texts.swap_confirm(context.t, shift, draft["kind"], draft["name"], draft["note"]),
        reply_markup=buttons.swap_confirm(
            context.t, draft["shift_id"], draft["kind"], draft["target"]
        ),
    )
    return NOTE


async def send_request(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    shift_id, kind = _shift_and_kind(query.data)
    target = keyboards.args(query.data, int, SwapKind, int)[2]
    draft = context.user_data.pop(_KEY, None) or {}
    note = draft.get("note", "") if draft.get("shift_id") == shift_id else ""
    request, told = await context.services.swaps.request(
        context.active_member,
        shift_id,
        kind,
        target_id=None if target == buttons.EVERYONE else target,
        note=note,
    )
    await query.answer()
    await query.edit_message_text(
        texts.swap_requested(context.t, told),
        reply_markup=buttons.withdraw(context.t, request.id or 0),
    )
    return ConversationHandler.END


async def stop_draft(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    context.user_data.pop(_KEY, None)
    await query.answer()
    await query.edit_message_text(texts.swap_draft_cancelled(context.t))
    return ConversationHandler.END


def _shift_and_kind(payload: str | None) -> tuple[int, SwapKind]:
    shift_id, kind = keyboards.args(payload, int, SwapKind)
    return shift_id, kind


async def show_swaps(update: Update, context: KringContext) -> None:
    """/swaps: what the member can take, and their own pending requests."""
    message = update.effective_message
    assert message is not None
    member, t = context.active_member, context.t
    if member.role in MANAGER_ROLES:
        return await coordinator.show_overview(update, context)
    takeable = await context.services.swaps.open_for(member)
    mine = await context.services.swaps.mine(member)
    await message.reply_text(texts.swaps_for_member(t, len(takeable), len(mine)))
    for view in takeable:
        await message.reply_text(
            texts.swap_line(t, view), reply_markup=buttons.take_over(t, view.request.id or 0)
        )
    for view in mine:
        await message.reply_text(
            texts.my_swap(t, view), reply_markup=buttons.withdraw(t, view.request.id or 0)
        )


async def take(update: Update, context: KringContext) -> None:
    """ "Overnemen": a give-away is taken at once; a swap first asks which shift goes back."""
    query = update.callback_query
    assert query is not None
    (request_id,) = keyboards.args(query.data, int)
    swaps, member = context.services.swaps, context.active_member
    view, options = await swaps.return_options(member, request_id)
    if view.request.kind is SwapKind.SWAP:
        await query.answer()
        await query.edit_message_text(
            texts.swap_ask_return(context.t, view, options),
            reply_markup=buttons.return_shifts(context.t, request_id, options),
        )
        return
    taken = await swaps.take(member, request_id)
    await query.answer()
    await query.edit_message_text(texts.swap_taken(context.t, taken))


async def take_with_return(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    request_id, return_shift_id = keyboards.args(query.data, int, int)
    taken = await context.services.swaps.take(context.active_member, request_id, return_shift_id)
    await query.answer()
    await query.edit_message_text(texts.swap_taken(context.t, taken))


async def withdraw(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    await context.services.swaps.withdraw(context.active_member, *keyboards.args(query.data, int))
    await query.answer()
    await query.edit_message_text(texts.swap_withdrawn(context.t))


async def confirm_handover(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    shift = await context.services.roster.confirm_handover(
        context.active_member, *keyboards.args(query.data, int)
    )
    await query.answer()
    await query.edit_message_text(texts.handover_confirmed(context.t, shift))


def request_conversation() -> Flow:
    """From the chosen colleague (or everyone) to "Verzenden": the note may be typed."""
    return Flow(
        _KEY,
        entry_points=[CallbackQueryHandler(confirm, pattern=rf"^{buttons.SWAP_AUDIENCE}:")],
        states={
            NOTE: [
                MessageHandler(filters.TEXT & ~filters.COMMAND, note_typed),
                CallbackQueryHandler(send_request, pattern=rf"^{buttons.SWAP_SEND}:"),
                CallbackQueryHandler(stop_draft, pattern=rf"^{buttons.SWAP_STOP}$"),
            ]
        },
        cancelled=texts.swap_draft_cancelled,
    )
