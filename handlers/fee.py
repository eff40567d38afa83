"""/fee: the fee-contribution calculator, as a short conversation (buttons, then numbers).

The figures typed so far are UI state (context.user_data); the rule lives in bot.core.fees.
"""

from collections.abc import Callable
from decimal import Decimal

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.core import fees
from bot.core.knowledge.model import Source
from handlers import access, keyboards, render
from handlers.context import KringContext

CHOOSING, MEDIUM_INCOME, LONG_HOURS, LONG_INCOME, LONG_FREE_INCOME, FORFAIT_FEE = range(6)
TIMEOUT_SECONDS = 30 * 60
_KEY = "fee"


async def start(update: Update, context: KringContext) -> int:
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        render.fee_choose_kind(context.t), reply_markup=keyboards.fee_kinds(context.t)
    )
    return CHOOSING


async def kind_chosen(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    kind = keyboards.parse(query.data)[0]
    await query.answer()
    context.user_data[_KEY] = {}
    if kind in ("acute", "short"):
        result = fees.no_contribution(acute=kind == "acute")
        await query.edit_message_text(render.fee_result(context.t, result, _source(context)))
        return ConversationHandler.END
    question, state = {
        "medium": (render.fee_ask_monthly_income(context.t), MEDIUM_INCOME),
        "long": (render.fee_ask_hours(context.t), LONG_HOURS),
        "forfait": (render.fee_ask_consultation_fee(context.t), FORFAIT_FEE),
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
        await message.reply_text(render.fee_not_a_number(context.t))
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
        await update.effective_message.reply_text(render.fee_invalid(context.t, error))
        return LONG_HOURS
    context.user_data[_KEY].update(hours=hours, free=free)
    await update.effective_message.reply_text(render.fee_ask_monthly_income(context.t))
    return LONG_INCOME


async def long_income(update: Update, context: KringContext) -> int:
    income = await _number(update, context)
    assert update.effective_message is not None and context.user_data is not None
    if income is None:
        return LONG_INCOME
    context.user_data[_KEY]["income"] = income
    await update.effective_message.reply_text(
        render.fee_ask_free_booklets_income(context.t, context.user_data[_KEY]["free"])
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
        await message.reply_text(render.fee_invalid(context.t, error))
        return retry_state
    context.user_data.pop(_KEY, None)
    await message.reply_text(render.fee_result(context.t, result, _source(context)))
    return ConversationHandler.END


def _source(context: KringContext) -> Source | None:
    return context.services.knowledge.kb.sources.get(fees.SOURCE)


async def cancel(update: Update, context: KringContext) -> int:
    assert update.effective_message is not None and context.user_data is not None
    context.user_data.pop(_KEY, None)
    await update.effective_message.reply_text(render.fee_cancelled(context.t))
    return ConversationHandler.END


def conversation() -> ConversationHandler[KringContext]:
    numbers = filters.TEXT & ~filters.COMMAND
    return ConversationHandler(
        entry_points=[CommandHandler(access.names("fee"), start)],
        states={
            CHOOSING: [CallbackQueryHandler(kind_chosen, pattern=rf"^{keyboards.FEE}:")],
            MEDIUM_INCOME: [MessageHandler(numbers, medium_income)],
            LONG_HOURS: [MessageHandler(numbers, long_hours)],
            LONG_INCOME: [MessageHandler(numbers, long_income)],
            LONG_FREE_INCOME: [MessageHandler(numbers, long_free_income)],
            FORFAIT_FEE: [MessageHandler(numbers, forfait_fee)],
        },
        fallbacks=[CommandHandler(access.names("cancel"), cancel)],
        conversation_timeout=TIMEOUT_SECONDS,
    )
