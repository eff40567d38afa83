"""/language and /settings: the member's own preferences."""

from telegram import Update

from bot.i18n import translator
from handlers import keyboards, menu, render
from handlers.context import KringContext


async def choose_language(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        render.choose_language(context.t), reply_markup=keyboards.languages()
    )


async def show_settings(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        render.settings(context.t, context.active_member),
        reply_markup=keyboards.settings(context.t, context.active_member),
    )


async def language_tapped(update: Update, context: KringContext) -> None:
    """`lang` alone opens the choice (from /settings); `lang:xx` sets the language."""
    query = update.callback_query
    assert query is not None
    args = keyboards.parse(query.data)
    if not args:
        await query.answer()
        await query.edit_message_text(
            render.choose_language(context.t), reply_markup=keyboards.languages()
        )
        return
    member = await context.services.membership.set_language(
        context.active_member.telegram_id or 0, args[0]
    )
    t = translator(member.language, context.services.kring.timezone)
    await query.answer()
    await query.edit_message_text(render.language_changed(t, member.language))
    await menu.publish_for_member(context.bot, member)
