"""/mydata and /forget: a member's own data as a summary in words with a JSON file, and
erasing it after a confirmation. A coordinator adds the member's RIZIV number to act on their
request."""

import json

from telegram import Update

from bot.core.models import Member
from handlers import keyboards, render
from handlers.context import KringContext
from handlers.membership import buttons, settings_texts


async def _subject(context: KringContext) -> Member:
    riziv = " ".join(context.args or []) or None
    return await context.services.privacy.subject(context.active_member, riziv)


async def my_data(update: Update, context: KringContext) -> None:
    """A summary to read, then the same complete as data (JSON) to keep or pass on."""
    message = update.effective_message
    assert message is not None
    member = await _subject(context)
    data = await context.services.privacy.export(context.active_member, member.id or 0)
    for chunk in render.split(settings_texts.my_data_summary(context.t, data)):
        await message.reply_text(chunk)
    content = json.dumps(data.document, ensure_ascii=False, indent=2, default=str).encode()
    await message.reply_document(
        content,
        filename=f"kringbot-{member.id}.json",
        caption=settings_texts.my_data_caption(context.t),
    )


async def ask_to_forget(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    member = await _subject(context)
    own = member.id == context.active_member.id
    shifts = await context.services.privacy.future_shifts(context.active_member, member.id or 0)
    await update.effective_message.reply_text(
        settings_texts.forget_confirm(context.t, member, own, len(shifts)),
        reply_markup=buttons.forget(context.t, member.id or 0),
    )


async def forget(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    (member_id,) = keyboards.args(query.data, int)
    kept = await context.services.privacy.forget(context.active_member, member_id)
    await query.answer()
    await query.edit_message_text(settings_texts.forgotten(context.t, kept, context.services.kring))


async def keep(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_text(settings_texts.nothing_erased(context.t))
