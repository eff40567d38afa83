"""The coordinator teaches the bot: after a reply in /inbox, "Add to the knowledge base" drafts
an entry (bot.core.knowledge.teaching) that is shown, edited in place of its draft if need be,
and confirmed; and the list of what members asked in vain, by frequency."""

from collections.abc import Callable

from telegram import Message, Update
from telegram.ext import CallbackQueryHandler, ConversationHandler, MessageHandler, filters

from bot.core.knowledge.teaching import SOURCE, Draft
from handlers import keyboards
from handlers.context import KringContext
from handlers.conversation import Flow, message_text
from handlers.knowledge import buttons, texts

CHECKING, TYPING_QUESTIONS, TYPING_ANSWER = range(3)
_DRAFT = "teaching"  # the flow, and where it keeps the draft


async def start(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    (question_id,) = keyboards.args(query.data, int)
    draft = await context.services.teaching.draft(context.active_member, question_id)
    await query.answer()
    await _show(query.message, context, draft)
    return CHECKING


async def edit(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    (part,) = keyboards.args(query.data, str)
    await query.answer()
    if part == buttons.EDIT_QUESTIONS:
        await query.message.reply_text(texts.type_questions(context.t))
        return TYPING_QUESTIONS
    await query.message.reply_text(texts.type_answer(context.t))
    return TYPING_ANSWER


async def questions_typed(update: Update, context: KringContext) -> int:
    return await _changed(update, context, context.services.teaching.rephrase)


async def answer_typed(update: Update, context: KringContext) -> int:
    return await _changed(update, context, context.services.teaching.reanswer)


async def _changed(
    update: Update, context: KringContext, change: Callable[[Draft, str], Draft]
) -> int:
    """The draft with the typed part changed (bad text raised before, the draft unchanged),
    shown again to confirm."""
    draft = change(_draft(context), message_text(update))
    assert isinstance(update.effective_message, Message)
    await _show(update.effective_message, context, draft)
    return CHECKING


async def confirm(update: Update, context: KringContext) -> int:
    """The entry is stored and searchable; the draft's message says so in place."""
    query = update.callback_query
    assert query is not None and context.user_data is not None
    _, added = await context.services.teaching.confirm(context.active_member, _draft(context))
    context.user_data.pop(_DRAFT, None)
    await query.answer()
    await query.edit_message_reply_markup(None)
    assert isinstance(query.message, Message)
    await query.message.reply_text(texts.entry_added(context.t, added))
    return ConversationHandler.END


async def drop(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    context.user_data.pop(_DRAFT, None)
    await query.answer()
    await query.edit_message_text(texts.teaching_cancelled(context.t))
    return ConversationHandler.END


async def show_frequent(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    frequent = await context.services.teaching.frequent(context.active_member)
    await query.answer()
    await query.message.reply_text(texts.frequent(context.t, frequent))


async def _show(message: Message, context: KringContext, draft: Draft) -> None:
    """Keep the draft and show it with its buttons."""
    assert context.user_data is not None
    context.user_data[_DRAFT] = draft
    source = context.services.knowledge.kb.sources.get(SOURCE)
    await message.reply_text(
        texts.draft_entry(context.t, draft, source), reply_markup=buttons.draft_entry(context.t)
    )


def _draft(context: KringContext) -> Draft:
    assert context.user_data is not None
    draft = context.user_data[_DRAFT]
    assert isinstance(draft, Draft)
    return draft


def conversation() -> Flow:
    typed = filters.TEXT & ~filters.COMMAND
    return Flow(
        _DRAFT,
        entry_points=[CallbackQueryHandler(start, pattern=buttons.TEACH.pattern())],
        states={
            CHECKING: [
                CallbackQueryHandler(confirm, pattern=buttons.TEACH_SAVE.pattern()),
                CallbackQueryHandler(edit, pattern=buttons.TEACH_EDIT.pattern()),
                CallbackQueryHandler(drop, pattern=buttons.TEACH_DROP.pattern()),
            ],
            TYPING_QUESTIONS: [MessageHandler(typed, questions_typed)],
            TYPING_ANSWER: [MessageHandler(typed, answer_typed)],
        },
        cancelled=texts.teaching_cancelled,
    )
