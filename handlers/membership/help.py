"""/help: what this person can do, by role."""

from telegram import Update

from handlers.context import KringContext
from handlers.membership import buttons, texts


async def show_help(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    markup = buttons.join_request(context.t) if context.member is None else None
    await update.effective_message.reply_text(
        texts.help_text(context.t, context.member, context.services.kring), reply_markup=markup
    )
