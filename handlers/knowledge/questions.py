"""Questions for the knowledge base: free text and /ask, the answer with its source, "Bedoelt u
…?", 👍/👎, and forwarding to the coordinator."""

from typing import TYPE_CHECKING

from telegram import InlineKeyboardMarkup, Message, Update

from bot.core.knowledge.model import Entry
from bot.core.knowledge.search import Verdict
from handlers import keyboards, replies
from handlers.audience import ACCESS_KEY
from handlers.context import KringContext
from handlers.knowledge import buttons, texts

if TYPE_CHECKING:  # handlers.access imports the features' texts
    from handlers.access import Rules


async def ask_command(update: Update, context: KringContext) -> None:
    if not context.args:
        assert update.effective_message is not None
        await update.effective_message.reply_text(texts.ask_usage(context.t))
        return
    await answer_question(update, context, " ".join(context.args))


async def answer_question(update: Update, context: KringContext, text: str) -> None:
    message = update.effective_message
    assert message is not None
    knowledge, t = context.services.knowledge, context.t
    answer = await knowledge.ask(context.active_member, text)
    question_id, lookup = answer.question.id or 0, answer.lookup
    if lookup.verdict is Verdict.CONFIDENT and lookup.entry is not None:
        await message.reply_text(
            texts.knowledge_answer(t, lookup.entry, knowledge.kb.source_of(lookup.entry)),
            reply_markup=buttons.rate_answer(
                t, question_id, knowledge.related(lookup.entry), _action(context, lookup.entry)
            ),
        )
    elif lookup.verdict is Verdict.CLOSE:
        await message.reply_text(
            texts.did_you_mean(t),
            reply_markup=buttons.did_you_mean(t, question_id, lookup.candidates),
        )
    else:
        await message.reply_text(
            texts.no_answer(t), reply_markup=buttons.offer_forward(t, question_id)
        )


async def candidate_picked(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    question_id, choice = keyboards.args(query.data, int, int)
    knowledge = context.services.knowledge
    entry = await knowledge.pick(context.active_member, question_id, choice)
    await query.answer()
    await query.edit_message_text(
        texts.knowledge_answer(context.t, entry, knowledge.kb.source_of(entry)),
        reply_markup=buttons.rate_answer(
            context.t, question_id, knowledge.related(entry), _action(context, entry)
        ),
    )


async def related_opened(update: Update, context: KringContext) -> None:
    """A button under an answer that refers to another entry: that entry, as a new message."""
    query = update.callback_query
    assert query is not None
    (entry_id,) = keyboards.args(query.data, str)
    knowledge = context.services.knowledge
    entry = knowledge.open(context.active_member, entry_id)
    await query.answer()
    assert isinstance(query.message, Message)
    rows = [
        *buttons.action_rows(context.t, _action(context, entry)),
        *buttons.related_rows(knowledge.related(entry)),
    ]
    await query.message.reply_text(
        texts.knowledge_answer(context.t, entry, knowledge.kb.source_of(entry)),
        reply_markup=InlineKeyboardMarkup(rows) if rows else None,
    )


def _action(context: KringContext, entry: Entry) -> str | None:
    """The command that starts what the answer explains, if this member may run it (a locum
    reading how the coordinator plans an event gets no button to /events)."""
    access: Rules = context.application.bot_data[ACCESS_KEY]
    return entry.action if entry.action and access.allows(context.member, entry.action) else None


async def rated(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    question_id, verdict = keyboards.args(query.data, int, str)
    helpful = verdict == "up"
    await context.services.knowledge.rate(context.active_member, question_id, helpful)
    await replies.answer(query, texts.thanks_for_rating(context.t, helpful))
    markup = None if helpful else buttons.offer_forward(context.t, question_id)
    await query.edit_message_reply_markup(reply_markup=markup)


async def forward_tapped(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    (question_id,) = keyboards.args(query.data, int)
    await context.services.knowledge.forward(context.active_member, question_id)
    await query.answer()
    await query.edit_message_reply_markup(reply_markup=None)
    assert isinstance(query.message, Message)
    await query.message.reply_text(texts.forwarded(context.t))
