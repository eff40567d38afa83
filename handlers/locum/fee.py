"""/fee: the fee-contribution calculator, as a short conversation (buttons, then numbers).

The figures typed so far are UI state (context.user_data); the rule lives in bot.core.fees.
"""

from collections.abc import Awaitable, Callable, Coroutine
from decimal import Decimal
from typing import Any

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.ext import (
    CallbackQueryHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.core import expense_notes, fees
from bot.core.errors import BadButton
from bot.core.knowledge.model import Source
from bot.core.membership import clean_name
from bot.core.riziv import parse_riziv
from bot.i18n import Translator
from handlers import keyboards
from handlers.context import KringContext
from handlers.conversation import Flow, Handlers, keep_and_ask, message_text
from handlers.feature import command
from handlers.locum import buttons, fee_texts
from handlers.locum.note_pdf import expense_note_pdf

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
    NOTE_PRACTICE_ADDRESS,
    NOTE_KBO,
    NOTE_MY_ADDRESS,
    NOTE_IBAN,
) = range(15)
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


def _note_step(
    key: str, read: Callable[[str], object], ask: Callable[[Translator], str], next_state: int
) -> Callable[[Update, KringContext], Coroutine[Any, Any, int]]:
    """A step of the expense note: check the answer (a bad one is a domain error, which the
    member is told, and the question stands), keep it, ask the next question."""

    async def step(update: Update, context: KringContext) -> int:
        value = read(message_text(update))
        await keep_and_ask(update, context, _KEY, key, value, ask(context.t))
        return next_state

    return step


note_name = _note_step(
    "name", clean_name, fee_texts.note_ask_practice_address, NOTE_PRACTICE_ADDRESS
)
note_practice_address = _note_step(
    "address", expense_notes.clean_address, fee_texts.note_ask_practice_kbo, NOTE_KBO
)
note_kbo = _note_step("kbo", expense_notes.parse_kbo, fee_texts.note_ask_replaced_riziv, NOTE_RIZIV)
note_riziv = _note_step(
    "riziv", lambda text: parse_riziv(text).formatted, fee_texts.note_ask_period, NOTE_PERIOD
)
note_my_address = _note_step(
    "my_address", expense_notes.clean_address, fee_texts.note_ask_iban, NOTE_IBAN
)


async def note_period(update: Update, context: KringContext) -> int:
    """The period; then the agreed amount, which only a negotiated contribution needs."""
    assert context.user_data is not None
    period = expense_notes.clean_period(message_text(update))
    if context.user_data[_KEY]["result"].rule is fees.Rule.NEGOTIABLE:
        ask, state = fee_texts.note_ask_agreed_amount(context.t), NOTE_AMOUNT
    else:
        ask, state = fee_texts.note_ask_my_address(context.t), NOTE_MY_ADDRESS
    await keep_and_ask(update, context, _KEY, "period", period, ask)
    return state


async def note_amount(update: Update, context: KringContext, amount: Decimal) -> int:
    assert context.user_data is not None
    context.user_data[_KEY]["amount"] = fees.money(amount)
    await _reply(update, fee_texts.note_ask_my_address(context.t))
    return NOTE_MY_ADDRESS


async def note_iban(update: Update, context: KringContext) -> int:
    """The last answer: the note, as a PDF."""
    assert update.effective_message is not None and context.user_data is not None
    figures, member = context.user_data[_KEY], context.active_member
    result: fees.FeeResult = figures["result"]
    note = expense_notes.expense_note(
        locum=expense_notes.Party(
            member.name or "", figures["my_address"], member.riziv, message_text(update)
        ),
        practice=expense_notes.Party(
            figures["name"], figures["address"], figures["riziv"], figures["kbo"]
        ),
        period=figures["period"],
        amount=figures.get("amount", result.amount),
        basis=result,
        issued_on=context.services.clock.now().date(),
    )
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
    text = filters.TEXT & ~filters.COMMAND
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
            NOTE_NAME: [MessageHandler(text, note_name)],
            NOTE_PRACTICE_ADDRESS: [MessageHandler(text, note_practice_address)],
            NOTE_KBO: [MessageHandler(text, note_kbo)],
            NOTE_RIZIV: [MessageHandler(text, note_riziv)],
            NOTE_PERIOD: [MessageHandler(text, note_period)],
            **_number_step(NOTE_AMOUNT, note_amount),
            NOTE_MY_ADDRESS: [MessageHandler(text, note_my_address)],
            NOTE_IBAN: [MessageHandler(text, note_iban)],
        },
        cancelled=fee_texts.fee_cancelled,
    )
