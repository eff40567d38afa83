"""/help: what this person can do, by role (the commands their audience allows)."""

from functools import cache

from telegram import Update

from bot.core.models import MemberStatus
from bot.i18n import Translator
from handlers.audience import Audience
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
        await message.reply_text(_help_text(t, commands.audience_of(member)))


@cache
def _help_text(t: Translator, audience: Audience) -> str:
    """The same text for everyone with this language and audience: written once per process
    (some 250 catalog look-ups), not at every /help. Translators are made once per language
    (bot.i18n.translator), so the cache holds a few texts."""
    return texts.help_text(t, commands.listed(t, audience))
