"""Wachtdienst for the coordinator: /roster (import a CSV, fairness, exemptions, act for a
member), /approvals (approve, or reject with a reason), the swaps overview with each request's
history, and /export of the roster changes of a month as CSV."""

from datetime import datetime, timedelta
from typing import Any

from telegram import Message, Update
from telegram.ext import (
    CallbackQueryHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.core.csvfiles import MAX_FILE_BYTES, read_table, write_table
from bot.core.errors import BadButton, SwapError, TableReason, UnreadableTable
from bot.core.membership import is_manager
from bot.core.models import Member
from bot.core.roster import ROSTER_ALIASES, ROSTER_COLUMNS
from bot.i18n import Translator
from handlers import keyboards, picker
from handlers.context import KringContext
from handlers.conversation import Flow, message_text
from handlers.feature import command
from handlers.shifts import buttons, roster_texts, texts

WAITING_FOR_FILE, REASON = range(2)
_REASON_KEY = "reject_swap"
_ROSTER_KEY = "roster"


async def show_roster(update: Update, context: KringContext) -> int:
    """/roster: the tools, and the next document sent is the roster to import."""
    assert update.effective_message is not None
    members = await context.services.roster.on_call_members()
    exempt = sum(1 for member in members if member.on_call_exempt)
    without_doctor = await context.services.roster.uncovered()
    await update.effective_message.reply_text(
        roster_texts.roster_intro(context.t, len(members), exempt, without_doctor),
        reply_markup=keyboards.with_console(
            buttons.roster_tools(context.t),
            context.bot.console_url,
            context.t.gettext("Roster grid in the console"),
            "roster",
        ),
    )
    return WAITING_FOR_FILE


async def import_file(update: Update, context: KringContext) -> int:
    message = update.effective_message
    assert message is not None and message.document is not None
    if (message.document.file_size or 0) > MAX_FILE_BYTES:
        raise UnreadableTable(TableReason.TOO_LARGE)
    file = await message.document.get_file()
    content = bytes(await file.download_as_bytearray())
    rows = read_table(content, ROSTER_COLUMNS, ROSTER_ALIASES)
    report = await context.services.roster.import_rows(context.active_member, rows)
    await message.reply_text(roster_texts.roster_imported(context.t, report))
    return ConversationHandler.END


async def send_template(update: Update, context: KringContext) -> None:
    """An example roster file with the columns in the coordinator's language."""
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    zones = sorted({m.zone for m in await context.services.roster.on_call_members() if m.zone})
    start = context.services.clock.now().astimezone(context.services.kring.zone) + timedelta(days=1)
    await query.answer()
    await query.message.reply_document(
        roster_template(context.t, zones[0] if zones else "Noord", start),
        filename=context.t.gettext("roster-template.csv"),
        caption=roster_texts.template_caption(context.t),
    )


# The header of the template in each language: names the import reads (ROSTER_ALIASES).
_TEMPLATE_HEADERS = {
    "nl": ("begin", "einde", "zone", "wachtpost", "riziv", "naam"),
    "fr": ("début", "fin", "zone", "poste", "inami", "nom"),
}


def roster_template(t: Translator, zone: str, day: datetime) -> bytes:
    header = _TEMPLATE_HEADERS.get(t.language, ("start", "end", "zone", "post", "riziv", "name"))
    night = [
        (day + timedelta(days=n)).replace(hour=hour, minute=0)
        for n, hour in ((0, 19), (1, 8), (1, 19), (2, 8))
    ]
    example = "1-48976-16-004"  # the example RIZIV number of the locum FAQ
    return write_table(
        header,
        [
            [t.datetime(night[0], "short"), t.datetime(night[1], "short"), zone, "", example, ""],
            [t.datetime(night[2], "short"), t.datetime(night[3], "short"), zone, "", example, ""],
        ],
    )


def is_roster_candidate(message: Message, member: Member | None) -> bool:
    """A CSV file from a coordinator or staff member."""
    document = message.document
    return (
        document is not None
        and member is not None
        and is_manager(member)
        and (
            (document.file_name or "").lower().endswith(".csv")
            or document.mime_type in ("text/csv", "text/comma-separated-values")
        )
    )


async def not_a_file(update: Update, context: KringContext) -> int:
    assert update.effective_message is not None
    await update.effective_message.reply_text(roster_texts.roster_waiting_for_file(context.t))
    return WAITING_FOR_FILE


async def show_tally(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    year = context.services.clock.now().astimezone(context.services.kring.zone).year
    tallies = await context.services.roster.tally(year)
    zone = context.services.kring.zone
    without_doctor = [
        s
        for s in await context.services.roster.uncovered()
        if s.start_at.astimezone(zone).year == year
    ]
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_text(
        roster_texts.tally(context.t, year, tallies, len(without_doctor))
    )


# --- the lists of members (handlers.picker) ---------------------------------------------------


async def _exemption_listing(context: KringContext, _args: tuple[Any, ...]) -> picker.Listing:
    members = await context.services.roster.on_call_members()
    choices = [buttons.exemption_choice(context.t, member) for member in members]
    return picker.Listing(roster_texts.exemptions(context.t), choices)


async def _behalf_listing(context: KringContext, _args: tuple[Any, ...]) -> picker.Listing:
    members = await context.services.roster.on_call_members()
    choices = [picker.member_choice(member) for member in members]
    return picker.Listing(roster_texts.behalf_choose_member(context.t), choices)


async def _assign_listing(context: KringContext, args: tuple[Any, ...]) -> picker.Listing:
    """The colleagues who could take the shift, as for a swap; the others of its zone are named
    above the list with the reason."""
    shift, found = await context.services.swaps.assign_candidates(context.active_member, args[0])
    choices = [picker.member_choice(m) for m in found.free]
    return picker.Listing(roster_texts.assign_choose(context.t, shift, found), choices)


EXEMPTIONS = picker.Picker(
    buttons.ROSTER_EXEMPT,
    buttons.ROSTER_EXEMPT_PAGE,
    buttons.ROSTER_EXEMPT_SET,
    _exemption_listing,
    stays_open=True,
)
BEHALF = picker.Picker(
    buttons.ROSTER_BEHALF, buttons.ROSTER_BEHALF_PAGE, buttons.ROSTER_BEHALF_FOR, _behalf_listing
)
ASSIGN = picker.Picker(
    buttons.ROSTER_ASSIGN,
    buttons.ROSTER_ASSIGN_PAGE,
    buttons.ROSTER_ASSIGN_TO,
    _assign_listing,
    converters=(int,),
)


async def set_exemption(update: Update, context: KringContext) -> None:
    """Toggle one member's exemption; the list shows it on the same page."""
    query = update.callback_query
    assert query is not None
    member_id, searched = keyboards.args(query.data, int, int)
    roster = context.services.roster
    current = {m.id: m.on_call_exempt for m in await roster.on_call_members()}
    if member_id not in current:
        raise BadButton()
    await roster.set_exempt(context.active_member, member_id, not current[member_id])
    await picker.show(update, context, EXEMPTIONS, (), searched=bool(searched), focus=member_id)


async def act_for_member(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    (member_id,) = keyboards.args(query.data, int)
    members = {m.id: m for m in await context.services.roster.on_call_members()}
    member = members.get(member_id)
    if member is None:
        raise BadButton()
    shifts = await context.services.roster.upcoming(member)
    await query.answer()
    await query.edit_message_text(
        roster_texts.behalf_shifts(context.t, member, shifts),
        reply_markup=buttons.behalf_shifts(context.t, shifts) if shifts else None,
    )


async def assign(update: Update, context: KringContext) -> None:
    """Give a shift to the member chosen in the list."""
    query = update.callback_query
    assert query is not None
    shift_id, member_id = keyboards.args(query.data, int, int)
    await picker.choice(context, ASSIGN, (shift_id,), member_id)
    view = await context.services.swaps.assign(context.active_member, shift_id, member_id)
    await query.answer()
    await query.edit_message_text(roster_texts.assigned(context.t, view))


async def show_approvals(update: Update, context: KringContext) -> None:
    message = update.effective_message
    assert message is not None
    waiting = await context.services.swaps.waiting_for_approval(context.active_member)
    await message.reply_text(roster_texts.approvals(context.t, len(waiting)))
    for view in waiting:
        await message.reply_text(
            roster_texts.approval_line(context.t, view),
            reply_markup=buttons.decide_swap(context.t, view.request.id or 0),
        )


async def approve(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    view = await context.services.swaps.approve(
        context.active_member, *keyboards.args(query.data, int)
    )
    await query.answer()
    await query.edit_message_text(roster_texts.swap_decided(context.t, view))


async def ask_reason(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None and query.message is not None
    (context.user_data[_REASON_KEY],) = keyboards.args(query.data, int)
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_text(roster_texts.swap_ask_reason(context.t))
    return REASON


async def reject(update: Update, context: KringContext) -> int:
    assert context.user_data is not None and update.effective_message is not None
    request_id = context.user_data.pop(_REASON_KEY, 0)
    try:
        view = await context.services.swaps.reject(
            context.active_member, request_id, message_text(update)
        )
    except SwapError as error:  # decided meanwhile: the typed reason is not for anything now
        await update.effective_message.reply_text(texts.swap_error(context.t, error.reason))
        return ConversationHandler.END
    await update.effective_message.reply_text(roster_texts.swap_decided(context.t, view))
    return ConversationHandler.END


async def show_overview(update: Update, context: KringContext) -> None:
    """/swaps for managers: everything pending and recently decided, with their history."""
    message = update.effective_message
    assert message is not None
    pending, recent = await context.services.swaps.overview(context.active_member)
    await message.reply_text(roster_texts.swaps_overview(context.t, pending, recent))
    markup = buttons.swap_trails(context.t, [*pending, *recent][:20])
    if markup is not None:
        await message.reply_text(roster_texts.swap_history_choose(context.t), reply_markup=markup)


async def show_trail(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    view, events, actors = await context.services.swaps.trail(
        context.active_member, *keyboards.args(query.data, int)
    )
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_text(roster_texts.swap_trail(context.t, view, events, actors))


def conversations() -> list[Flow]:
    importing = Flow(
        _ROSTER_KEY,
        entry_points=[command(buttons.ROSTER_COMMAND, show_roster)],
        states={
            WAITING_FOR_FILE: [
                MessageHandler(filters.Document.ALL, import_file),
                MessageHandler(filters.TEXT & ~filters.COMMAND, not_a_file),
            ]
        },
        cancelled=roster_texts.roster_cancelled,
    )
    rejecting = Flow(
        _REASON_KEY,
        entry_points=[CallbackQueryHandler(ask_reason, pattern=rf"^{buttons.SWAP_REJECT}:")],
        states={REASON: [MessageHandler(filters.TEXT & ~filters.COMMAND, reject)]},
        cancelled=roster_texts.reject_cancelled,
    )
    return [importing, rejecting]
