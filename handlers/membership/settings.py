"""/language and /settings: the member's own preferences."""

from datetime import time

from telegram import Update

from bot.core.models import DigestFrequency, Member
from bot.i18n import translator
from handlers import keyboards
from handlers.context import KringContext
from handlers.membership import buttons, menu, settings_texts
from handlers.shifts import buttons as shifts_buttons


async def choose_language(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        settings_texts.choose_language(context.t), reply_markup=buttons.languages()
    )


async def show_settings(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        settings_texts.settings(context.t, context.active_member),
        reply_markup=buttons.settings(context.t, context.active_member),
    )


async def digest_tapped(update: Update, context: KringContext) -> None:
    """`digest:weekly|daily|none`: how often the newsletter digest comes."""
    query = update.callback_query
    assert query is not None
    (frequency,) = keyboards.args(query.data, DigestFrequency)
    member = await context.services.membership.set_digest(_telegram_id(context), frequency)
    await _settings_changed(update, context, member)


async def quiet_tapped(update: Update, context: KringContext) -> None:
    """`quiet:22:7` sets quiet hours from 22:00 to 07:00; `quiet` alone removes them."""
    query = update.callback_query
    assert query is not None
    hours = [hour % 24 for hour in keyboards.numbers(query.data)[:2]]
    start, end = (time(hours[0]), time(hours[1])) if len(hours) == 2 else (None, None)
    member = await context.services.membership.set_quiet_hours(_telegram_id(context), start, end)
    await _settings_changed(update, context, member)


async def reminder_tapped(update: Update, context: KringContext) -> None:
    """`remind` shows the lead times to choose from; `remind:24` sets it (the shift reminder
    belongs to the wachtdienst, its place in the menu to the settings)."""
    query = update.callback_query
    assert query is not None
    hours = keyboards.numbers(query.data)
    if not hours:
        await query.answer()
        await query.edit_message_reply_markup(
            reply_markup=shifts_buttons.reminder_choices(context.t)
        )
        return
    member = await context.services.roster.set_reminder(context.active_member, hours[0])
    await _settings_changed(update, context, member)


async def cme_news_tapped(update: Update, context: KringContext) -> None:
    """`cmenews` switches the announcements of new CME events on or off."""
    wanted = not context.active_member.cme_announcements
    member = await context.services.membership.set_cme_announcements(_telegram_id(context), wanted)
    await _settings_changed(update, context, member)


def _telegram_id(context: KringContext) -> int:
    return context.active_member.telegram_id or 0


async def _settings_changed(update: Update, context: KringContext, member: Member) -> None:
    """Show the settings again, in place, with the new choice ticked."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_text(
        settings_texts.settings(context.t, member), reply_markup=buttons.settings(context.t, member)
    )


async def language_tapped(update: Update, context: KringContext) -> None:
    """`lang` alone opens the choice (from /settings); `lang:xx` sets the language."""
    query = update.callback_query
    assert query is not None
    args = keyboards.parse(query.data)
    if not args:
        await query.answer()
        await query.edit_message_text(
            settings_texts.choose_language(context.t), reply_markup=buttons.languages()
        )
        return
    member = await context.services.membership.set_language(
        context.active_member.telegram_id or 0, args[0]
    )
    t = translator(member.language, context.services.kring.timezone)
    await query.answer()
    await query.edit_message_text(settings_texts.language_changed(t, member.language))
    await menu.publish_for_member(context.bot, member)
