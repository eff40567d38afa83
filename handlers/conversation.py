"""What every short conversation (fee calculator, replacement, reply) shares: /cancel."""

from collections.abc import Callable

from telegram import Update
from telegram.ext import CommandHandler, ConversationHandler

from bot.i18n import Translator
from handlers import access
from handlers.context import KringContext


def cancel_command(
    state_key: str, message: Callable[[Translator], str]
) -> CommandHandler[KringContext, int]:
    """/cancel: forget the conversation's answers (kept under `state_key`) and say so."""

    async def cancel(update: Update, context: KringContext) -> int:
        assert update.effective_message is not None and context.user_data is not None
        context.user_data.pop(state_key, None)
        await update.effective_message.reply_text(message(context.t))
        return ConversationHandler.END

    return CommandHandler(access.names("cancel"), cancel)
