"""/credits: a member adds CME followed elsewhere (title, date, points, rubric), a short
conversation that /cancel stops."""

from telegram import Message, Update
from telegram.ext import CallbackQueryHandler, ConversationHandler, MessageHandler
from telegram.ext import filters as tg_filters

from bot.core.cme import clean_title, parse_count
from bot.core.models import Rubric
from handlers import keyboards
from handlers.cme import buttons, event_texts, texts
from handlers.context import KringContext
from handlers.conversation import Flow, keep_and_ask, message_text

TITLE, DAY, POINTS, RUBRIC = range(4)
_ADD = "credit_add"  # the flow, and where it keeps its answers


async def start(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    assert context.user_data is not None
    context.user_data[_ADD] = {}
    await query.answer()
    await query.message.reply_text(texts.elsewhere_ask_title(context.t))
    return TITLE


async def title(update: Update, context: KringContext) -> int:
    ask = texts.elsewhere_ask_day(context.t)
    await keep_and_ask(update, context, _ADD, "title", clean_title(message_text(update)), ask)
    return DAY


async def day(update: Update, context: KringContext) -> int:
    ask = texts.elsewhere_ask_points(context.t)
    held_on = context.services.credits.past_day(message_text(update))
    await keep_and_ask(update, context, _ADD, "day", held_on, ask)
    return POINTS


async def points(update: Update, context: KringContext) -> int:
    assert context.user_data is not None and update.effective_message is not None
    context.user_data[_ADD]["points"] = parse_count(message_text(update))
    await update.effective_message.reply_text(
        texts.elsewhere_ask_rubric(context.t),
        reply_markup=buttons.credit_rubrics(context.t),
    )
    return RUBRIC


async def rubric(update: Update, context: KringContext) -> int:
    """The last answer: saved, and /credits shows it in place of the question."""
    query = update.callback_query
    assert query is not None and context.user_data is not None
    (chosen,) = keyboards.args(query.data, Rubric)
    answers = context.user_data[_ADD]
    member, credits = context.active_member, context.services.credits
    await credits.add_elsewhere(
        member, answers["title"], answers["day"], answers["points"] or 0, chosen
    )
    context.user_data.pop(_ADD, None)
    await query.answer()
    summary = await credits.credits(member, answers["day"].year)
    await query.edit_message_text(
        texts.credits(context.t, summary), reply_markup=buttons.credits(context.t)
    )
    return ConversationHandler.END


def conversation() -> Flow:
    typed = tg_filters.TEXT & ~tg_filters.COMMAND
    return Flow(
        _ADD,
        entry_points=[CallbackQueryHandler(start, pattern=rf"^{buttons.CREDITS_ADD}$")],
        states={
            TITLE: [MessageHandler(typed, title)],
            DAY: [MessageHandler(typed, day)],
            POINTS: [MessageHandler(typed, points)],
            RUBRIC: [CallbackQueryHandler(rubric, pattern=rf"^{buttons.CREDITS_RUBRIC}:.+$")],
        },
        cancelled=event_texts.events_stopped,
    )
