"""The coordinator's /inbox: forwarded questions to answer, and questions the knowledge base
answered badly or not at all. Replying is a two-step conversation (tap, then type)."""

from telegram import Message, Update
from telegram.ext import (
    CallbackQueryHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from handlers import keyboards
from handlers.context import KringContext
from handlers.conversation import Flow
from handlers.knowledge import buttons, texts

TYPING_REPLY = 1
_KEY = "replying_to"


async def show_inbox(update: Update, context: KringContext) -> None:
    message = update.effective_message
    assert message is not None
    questions = await context.services.knowledge.inbox(context.active_member)
    await message.reply_text(
        texts.inbox(context.t, questions),
        reply_markup=buttons.inbox(context.t, [q.question for q in questions if q.question.open]),
    )


async def start_reply(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    (question_id,) = keyboards.args(query.data, int)
    question = await context.services.knowledge.question_for_reply(
        context.active_member, question_id
    )
    context.user_data[_KEY] = question_id
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_text(texts.type_your_reply(context.t, question))
    return TYPING_REPLY


async def send_reply(update: Update, context: KringContext) -> int:
    message = update.effective_message
    assert message is not None and message.text is not None and context.user_data is not None
    question_id = context.user_data.pop(_KEY)
    await context.services.knowledge.reply(context.active_member, question_id, message.text)
    await message.reply_text(
        texts.reply_sent(context.t), reply_markup=buttons.teach(context.t, question_id)
    )
    return ConversationHandler.END


def reply_conversation() -> Flow:
    return Flow(
        _KEY,
        entry_points=[CallbackQueryHandler(start_reply, pattern=rf"^{buttons.REPLY}:")],
        states={
            TYPING_REPLY: [MessageHandler(filters.TEXT & ~filters.COMMAND, send_reply)],
        },
        cancelled=texts.reply_cancelled,
    )
