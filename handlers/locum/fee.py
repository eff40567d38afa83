"""/fee: the fee-contribution calculator, as a short conversation (buttons, then numbers).

The figures typed so far are UI state (context.user_data); the rule lives in bot.core.fees.
"""

from collections.abc import Awaitable, Callable
from decimal import Decimal

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.ext import (
    CallbackQueryHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.core import fees
from bot.core.errors import BadButton
from bot.core.knowledge.model import Source
from bot.core.membership import clean_name
from bot.core.riziv import parse_riziv
from handlers import keyboards
from handlers.context import KringContext
from handlers.conversation import Flow, Handlers, message_text
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


NumberStep = Callable[[Update, KringContext, Decimal], Awaitable[int]]


def _number_step(state: int, step: NumberStep, hours: bool = False) -> dict[object, Handlers]:
    """A step that reads a number: typed, or one of the two readings of an ambiguous one."""
    return {state: [_typed(state, step, hours), _reading(step)]}


def _typed(state: int, step: NumberStep, hours: bool) -> MessageHandler[KringContext, int]:
    """A typed number; one that reads two ways ("3,000") is asked about, with both readings as
    buttons, and text that is no number is asked again."""

    async def handle(update: Update, context: KringContext) -> int:
        assert context.user_data is not None
        try:
            value = fees.parse_number(message_text(update))
        except fees.AmbiguousNumber as error:
            context.user_data[_KEY]["readings"] = list(error.readings)
            await _reply(
                update,
                fee_texts.fee_which_reading(context.t),
                buttons.fee_readings(context.t, error.readings, hours),
            )
            return state
        except fees.InvalidFeeInput:
            not_a_number = fee_texts.fee_hours_not_a_number if hours else fee_texts.fee_not_a_number
            await _reply(update, not_a_number(context.t))
            return state
        return await step(update, context, value)

    return MessageHandler(filters.TEXT & ~filters.COMMAND, handle)


def _reading(step: NumberStep) -> CallbackQueryHandler[KringContext, int]:
    """The member tapped one of the two readings of what they typed."""

    async def handle(update: Update, context: KringContext) -> int:
        query = update.callback_query
        assert query is not None and context.user_data is not None
        (index,) = keyboards.args(query.data, int)
        readings = context.user_data[_KEY].pop("readings", [])
        if index >= len(readings):
            raise BadButton()
        await query.answer()
        await query.edit_message_reply_markup(reply_markup=None)
        return await step(update, context, readings[index])

    return CallbackQueryHandler(handle, pattern=rf"^{buttons.FEE_READING}:")


async def _reply(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    assert update.effective_chat is not None
    await update.effective_chat.send_message(text, reply_markup=markup)


async def medium_income(update: Update, context: KringContext, income: Decimal) -> int:
    return await _finish(update, context, fees.negotiable(income))


async def long_hours(update: Update, context: KringContext, hours: Decimal) -> int:
    assert context.user_data is not None
    free = fees.free_booklets_for(hours)  # impossible hours: a domain error, asked again
    context.user_data[_KEY].update(hours=hours, free=free)
    await _reply(update, fee_texts.fee_ask_monthly_income(context.t))
    return LONG_INCOME


async def long_income(update: Update, context: KringContext, income: Decimal) -> int:
    assert context.user_data is not None
    figures = context.user_data[_KEY]
    figures["income"] = income
    await _reply(update, fee_texts.fee_ask_free_booklets_income(context.t, figures["free"]))
    return LONG_FREE_INCOME


async def long_free_income(update: Update, context: KringContext, free_income: Decimal) -> int:
    assert context.user_data is not None
    figures = context.user_data[_KEY]
    return await _finish(
        update, context, fees.booklets(figures["hours"], figures["income"], free_income)
    )


async def forfait_fee(update: Update, context: KringContext, fee: Decimal) -> int:
    return await _finish(update, context, fees.forfait_hourly_rate(fee))


async def _finish(update: Update, context: KringContext, result: fees.FeeResult) -> int:
    """Show the result; a result an expense note can follow is kept for it."""
    assert context.user_data is not None
    text = fee_texts.fee_result(context.t, result, _source(context))
    if result.rule not in WITH_NOTE:
        context.user_data.pop(_KEY, None)
        await _reply(update, text)
        return ConversationHandler.END
    context.user_data[_KEY] = {"result": result}
    await _reply(update, text, buttons.fee_note(context.t))
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


async def note_amount(update: Update, context: KringContext, amount: Decimal) -> int:
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
            **_number_step(MEDIUM_INCOME, medium_income),
            **_number_step(LONG_HOURS, long_hours, hours=True),
            **_number_step(LONG_INCOME, long_income),
            **_number_step(LONG_FREE_INCOME, long_free_income),
            **_number_step(FORFAIT_FEE, forfait_fee),
            NOTE_OFFERED: [CallbackQueryHandler(note_requested, pattern=rf"^{buttons.FEE_NOTE}")],
            NOTE_NAME: [MessageHandler(numbers, note_name)],
            NOTE_RIZIV: [MessageHandler(numbers, note_riziv)],
            NOTE_PERIOD: [MessageHandler(numbers, note_period)],
            **_number_step(NOTE_AMOUNT, note_amount),
        },
        cancelled=fee_texts.fee_cancelled,
    )
