"""/help: what this person can do, by role (the commands their audience allows)."""

from telegram import Update

from bot.core.models import MemberStatus
from handlers.context import KringContext
from handlers.membership import buttons, commands, texts


async def show_help(update: Update, context: KringContext) -> None:
    message, member, kring, t = (
        update.effective_message,
        context.member,
        context.services.kring,
        context.t,
    )
    assert message is not None
    if member is None:
        await message.reply_text(texts.not_a_member(t, kring), reply_markup=buttons.join_request(t))
    elif member.status is MemberStatus.PENDING:
        await message.reply_text(texts.pending(t, member, kring))
    elif not member.is_active:
        await message.reply_text(texts.suspended(t, kring))
    else:
        listed = commands.listed(t, commands.audience_of(member))
        await message.reply_text(texts.help_text(t, listed))
