"""/locum: a locum's replacements, the start and last-day checklists (seed 001), and the
checklist for choosing a practice. Registering a replacement is a four-step conversation."""

from telegram import Message, Update
from telegram.ext import (
    CallbackQueryHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.core.locum import END_ITEMS, START_ITEMS, clean_practice, parse_date
from bot.core.membership import clean_name
from handlers import keyboards
from handlers.context import KringContext
from handlers.conversation import Flow, keep_and_ask, message_text
from handlers.locum import buttons, texts

PRACTICE, DOCTOR, START, END = range(4)
_KEY = "replacement"
PRACTICE_CHOICE_ENTRIES = (
    "locum-checklist-location-patients",
    "locum-checklist-workload",
    "locum-checklist-support",
)


async def overview(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    replacements = await context.services.locum.mine(context.active_member)
    await update.effective_message.reply_text(
        texts.replacements(context.t, replacements),
        reply_markup=buttons.replacements(context.t, replacements, context.active_member.role),
    )


async def show_checklist(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    replacement_id, part = keyboards.args(query.data, int, str)
    replacement = await context.services.locum.get(context.active_member, replacement_id)
    items = START_ITEMS if part == "start" else END_ITEMS
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_text(
        texts.checklist(context.t, replacement, part),
        reply_markup=buttons.checklist(context.t, replacement, items),
    )


async def toggle(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    replacement_id, item = keyboards.args(query.data, int, str)
    replacement = await context.services.locum.toggle(context.active_member, replacement_id, item)
    part = "start" if item in START_ITEMS else "end"
    items = START_ITEMS if part == "start" else END_ITEMS
    await query.answer()
    await query.edit_message_text(
        texts.checklist(context.t, replacement, part),
        reply_markup=buttons.checklist(context.t, replacement, items),
    )


async def practice_choice(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    kb = context.services.knowledge.kb
    entries = [kb.entry(entry_id, context.t.language) for entry_id in PRACTICE_CHOICE_ENTRIES]
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_text(texts.practice_choice(context.t, [e for e in entries if e]))


async def new_replacement(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    context.user_data[_KEY] = {}
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_text(texts.replacement_ask_practice(context.t))
    return PRACTICE


async def got_practice(update: Update, context: KringContext) -> int:
    ask = texts.replacement_ask_doctor(context.t)
    await keep_and_ask(update, context, _KEY, "practice", clean_practice(message_text(update)), ask)
    return DOCTOR


async def got_doctor(update: Update, context: KringContext) -> int:
    ask = texts.replacement_ask_start(context.t)
    await keep_and_ask(update, context, _KEY, "doctor", clean_name(message_text(update)), ask)
    return START


async def got_start(update: Update, context: KringContext) -> int:
    ask = texts.replacement_ask_end(context.t)
    await keep_and_ask(update, context, _KEY, "start", parse_date(message_text(update)), ask)
    return END


async def got_end(update: Update, context: KringContext) -> int:
    assert context.user_data is not None and update.effective_message is not None
    answers = context.user_data[_KEY]
    replacement = await context.services.locum.register(
        context.active_member,
        answers["practice"],
        answers["doctor"],
        answers["start"],
        parse_date(message_text(update)),
    )
    context.user_data.pop(_KEY, None)
    await update.effective_message.reply_text(
        texts.replacement_saved(context.t, replacement)
        + "\n\n"
        + texts.checklist(context.t, replacement, "start"),
        reply_markup=buttons.checklist(context.t, replacement, START_ITEMS),
    )
    return ConversationHandler.END


def conversation() -> Flow:
    text = filters.TEXT & ~filters.COMMAND
    return Flow(
        _KEY,
        entry_points=[CallbackQueryHandler(new_replacement, pattern=rf"^{buttons.LOCUM_NEW}$")],
        states={
            PRACTICE: [MessageHandler(text, got_practice)],
            DOCTOR: [MessageHandler(text, got_doctor)],
            START: [MessageHandler(text, got_start)],
            END: [MessageHandler(text, got_end)],
        },
        cancelled=texts.replacement_cancelled,
    )
