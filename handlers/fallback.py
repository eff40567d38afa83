"""What is left after every feature handler: questions, unknown commands, other messages."""

from telegram import Update

from bot.core.models import MemberStatus
from handlers import render
from handlers.context import KringContext
from handlers.knowledge import questions as knowledge_questions
from handlers.membership import onboarding as membership_onboarding
from handlers.shifts import coordinator as shifts_coordinator


async def text(update: Update, context: KringContext) -> None:
    """Plain text is the answer to an onboarding question from a pending member (the gate lets
    only those through), and a question for the knowledge base from everyone else."""
    if context.member is not None and context.member.status is MemberStatus.PENDING:
        await membership_onboarding.answer(update, context)
    else:
        assert update.effective_message is not None and update.effective_message.text
        await knowledge_questions.answer_question(update, context, update.effective_message.text)


async def unknown_command(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text(render.unknown_command(context.t))


async def nothing_to_cancel(update: Update, context: KringContext) -> None:
    """/cancel (/annuleren, /annuler) when no flow is waiting for an answer: a flow that waits
    takes it first."""
    assert update.effective_message is not None
    await update.effective_message.reply_text(render.nothing_to_cancel(context.t))


async def unsupported(update: Update, context: KringContext) -> None:
    """Other messages; but a CSV file from the coordinator outside any flow is a roster to
    import (the file they send most), as if /roster came first."""
    message = update.effective_message
    assert message is not None
    if shifts_coordinator.is_roster_candidate(message, context.member):
        await shifts_coordinator.import_file(update, context)
        return
    await message.reply_text(render.unsupported_message(context.t))


async def stale_button(update: Update, context: KringContext) -> None:
    """Every callback query is answered, even one no handler knows (an old button)."""
    assert update.callback_query is not None
    await update.callback_query.answer()
