"""/help: what this person can do, by role."""

from telegram import Update

from handlers import keyboards, render
from handlers.context import KringContext


async def show_help(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    markup = keyboards.join_request(context.t) if context.member is None else None
    await update.effective_message.reply_text(
        render.help_text(context.t, context.member, context.services.kring), reply_markup=markup
    )
