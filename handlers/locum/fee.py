"""/fee: the fee-contribution calculator, as a short conversation (buttons, then numbers).

The figures typed so far are UI state (context.user_data); the rule lives in bot.core.fees.
"""

from collections.abc import Callable
from decimal import Decimal

from telegram import Message, Update
from telegram.ext import (
    CallbackQueryHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.core import fees
from bot.core.knowledge.model import Source
from bot.core.membership import clean_name
from bot.core.riziv import parse_riziv
from handlers import keyboards
from handlers.context import KringContext
from handlers.conversation import Flow
from handlers.documents import expense_note_pdf
from handlers.feature import command
from handlers.locum import buttons, fee_texts

(
    CHOOSING,
    MEDIUM_INCOME,
    LONG_HOURS,
    LONG_INCOME,
    LONG_FREE_INCOME,
    FORFAIT_FEE,
    NOTE_OFFERED,
    NOTE_NAME,
    NOTE_RIZIV,
    NOTE_PERIOD,
    NOTE_AMOUNT,
) = range(11)
WITH_NOTE = (fees.Rule.NEGOTIABLE, fees.Rule.BOOKLETS)
_KEY = "fee"


async def start(update: Update, context: KringContext) -> int:
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        fee_texts.fee_choose_kind(context.t), reply_markup=buttons.fee_kinds(context.t)
    )
    return CHOOSING


async def kind_chosen(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    (kind,) = keyboards.args(query.data, keyboards.one_of(*buttons.FEE_KINDS))
    await query.answer()
    context.user_data[_KEY] = {}
    if kind in ("acute", "short"):
        result = fees.no_contribution(acute=kind == "acute")
        await query.edit_message_text(fee_texts.fee_result(context.t, result, _source(context)))
        return ConversationHandler.END
    question, state = {
        "medium": (fee_texts.fee_ask_monthly_income(context.t), MEDIUM_INCOME),
        "long": (fee_texts.fee_ask_hours(context.t), LONG_HOURS),
        "forfait": (fee_texts.fee_ask_consultation_fee(context.t), FORFAIT_FEE),
    }[kind]
    await query.edit_message_text(question)
    return state


async def _number(update: Update, context: KringContext) -> Decimal | None:
    """The number in the member's message, or None after telling them what went wrong."""
    message = update.effective_message
    assert message is not None and message.text is not None
    try:
        return fees.parse_number(message.text)
    except fees.InvalidFeeInput:
        await message.reply_text(fee_texts.fee_not_a_number(context.t))
        return None


async def medium_income(update: Update, context: KringContext) -> int:
    income = await _number(update, context)
    if income is None:
        return MEDIUM_INCOME
    return await _finish(update, context, lambda: fees.negotiable(income), MEDIUM_INCOME)


async def long_hours(update: Update, context: KringContext) -> int:
    hours = await _number(update, context)
    assert update.effective_message is not None and context.user_data is not None
    if hours is None:
        return LONG_HOURS
    try:
        free = fees.free_booklets_for(hours)
    except fees.InvalidFeeInput as error:
        await update.effective_message.reply_text(fee_texts.fee_invalid(context.t, error))
        return LONG_HOURS
    context.user_data[_KEY].update(hours=hours, free=free)
    await update.effective_message.reply_text(fee_texts.fee_ask_monthly_income(context.t))
    return LONG_INCOME


async def long_income(update: Update, context: KringContext) -> int:
    income = await _number(update, context)
    assert update.effective_message is not None and context.user_data is not None
    if income is None:
        return LONG_INCOME
    context.user_data[_KEY]["income"] = income
    await update.effective_message.reply_text(
        fee_texts.fee_ask_free_booklets_income(context.t, context.user_data[_KEY]["free"])
    )
    return LONG_FREE_INCOME


async def long_free_income(update: Update, context: KringContext) -> int:
    free_income = await _number(update, context)
    assert context.user_data is not None
    if free_income is None:
        return LONG_FREE_INCOME
    figures = context.user_data[_KEY]
    return await _finish(
        update,
        context,
        lambda: fees.booklets(figures["hours"], figures["income"], free_income),
        LONG_FREE_INCOME,
    )


async def forfait_fee(update: Update, context: KringContext) -> int:
    fee = await _number(update, context)
    if fee is None:
        return FORFAIT_FEE
    return await _finish(update, context, lambda: fees.forfait_hourly_rate(fee), FORFAIT_FEE)


async def _finish(
    update: Update,
    context: KringContext,
    compute: Callable[[], fees.FeeResult],
    retry_state: int,
) -> int:
    message = update.effective_message
    assert message is not None and context.user_data is not None
    try:
        result = compute()
    except fees.InvalidFeeInput as error:
        await message.reply_text(fee_texts.fee_invalid(context.t, error))
        return retry_state
    text = fee_texts.fee_result(context.t, result, _source(context))
    if result.rule not in WITH_NOTE:
        context.user_data.pop(_KEY, None)
        await message.reply_text(text)
        return ConversationHandler.END
    context.user_data[_KEY] = {"result": result}
    await message.reply_text(text, reply_markup=buttons.fee_note(context.t))
    return NOTE_OFFERED


async def note_requested(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_reply_markup(reply_markup=None)
    assert isinstance(query.message, Message)
    await query.message.reply_text(fee_texts.note_ask_replaced_name(context.t))
    return NOTE_NAME


async def note_name(update: Update, context: KringContext) -> int:
    assert update.effective_message is not None and update.effective_message.text is not None
    assert context.user_data is not None
    context.user_data[_KEY]["name"] = clean_name(update.effective_message.text)
    await update.effective_message.reply_text(fee_texts.note_ask_replaced_riziv(context.t))
    return NOTE_RIZIV


async def note_riziv(update: Update, context: KringContext) -> int:
    assert update.effective_message is not None and update.effective_message.text is not None
    assert context.user_data is not None
    context.user_data[_KEY]["riziv"] = parse_riziv(update.effective_message.text).formatted
    await update.effective_message.reply_text(fee_texts.note_ask_period(context.t))
    return NOTE_PERIOD


async def note_period(update: Update, context: KringContext) -> int:
    assert update.effective_message is not None and update.effective_message.text is not None
    assert context.user_data is not None
    figures = context.user_data[_KEY]
    figures["period"] = update.effective_message.text
    if figures["result"].rule is fees.Rule.NEGOTIABLE:
        await update.effective_message.reply_text(fee_texts.note_ask_agreed_amount(context.t))
        return NOTE_AMOUNT
    return await _send_note(update, context, figures["result"].amount)


async def note_amount(update: Update, context: KringContext) -> int:
    amount = await _number(update, context)
    if amount is None:
        return NOTE_AMOUNT
    return await _send_note(update, context, amount)


async def _send_note(update: Update, context: KringContext, amount: Decimal) -> int:
    assert update.effective_message is not None and context.user_data is not None
    figures, member = context.user_data[_KEY], context.active_member
    try:
        note = fees.expense_note(
            member.name or "",
            member.riziv,
            figures["name"],
            figures["riziv"],
            figures["period"],
            amount,
            context.services.clock.now().date(),
        )
    except fees.InvalidFeeInput as error:
        await update.effective_message.reply_text(fee_texts.fee_invalid(context.t, error))
        return NOTE_PERIOD if error.reason == "period" else NOTE_AMOUNT
    context.user_data.pop(_KEY, None)
    await update.effective_message.reply_document(
        expense_note_pdf(context.t, note),
        filename=fee_texts.expense_note_filename(context.t),
        caption=fee_texts.note_ready(context.t),
    )
    return ConversationHandler.END


def _source(context: KringContext) -> Source | None:
    return context.services.knowledge.kb.sources.get(fees.SOURCE)


def conversation() -> Flow:
    numbers = filters.TEXT & ~filters.COMMAND
    return Flow(
        _KEY,
        entry_points=[command(buttons.FEE_COMMAND, start)],
        states={
            CHOOSING: [CallbackQueryHandler(kind_chosen, pattern=rf"^{buttons.FEE}:")],
            MEDIUM_INCOME: [MessageHandler(numbers, medium_income)],
            LONG_HOURS: [MessageHandler(numbers, long_hours)],
            LONG_INCOME: [MessageHandler(numbers, long_income)],
            LONG_FREE_INCOME: [MessageHandler(numbers, long_free_income)],
            FORFAIT_FEE: [MessageHandler(numbers, forfait_fee)],
            NOTE_OFFERED: [CallbackQueryHandler(note_requested, pattern=rf"^{buttons.FEE_NOTE}")],
            NOTE_NAME: [MessageHandler(numbers, note_name)],
            NOTE_RIZIV: [MessageHandler(numbers, note_riziv)],
            NOTE_PERIOD: [MessageHandler(numbers, note_period)],
            NOTE_AMOUNT: [MessageHandler(numbers, note_amount)],
        },
        cancelled=fee_texts.fee_cancelled,
    )
