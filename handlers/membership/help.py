"""/help: what this person can do, by role."""

from telegram import Update

from bot.core.models import MemberStatus
from handlers.context import KringContext
from handlers.membership import buttons, texts


async def show_help(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    member, kring = context.member, context.services.kring
    if member is not None and member.status is MemberStatus.PENDING:
        await update.effective_message.reply_text(texts.pending(context.t, member, kring))
        return
    markup = buttons.join_request(context.t) if context.member is None else None
    await update.effective_message.reply_text(
        texts.help_text(context.t, context.member, context.services.kring), reply_markup=markup
    )
