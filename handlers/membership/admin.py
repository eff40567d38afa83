"""Coordinator tools for membership: invites, join requests, the member list."""

from telegram import Update

from bot.core.models import Role
from handlers import keyboards, render, replies
from handlers.context import KringContext
from handlers.membership import buttons, menu, texts


async def invite(update: Update, context: KringContext) -> None:
    """`/invite` asks for the role; `/invite ROLE [ZONE]` creates the invite at once."""
    message = update.effective_message
    assert message is not None
    if not context.args:
        await message.reply_text(
            texts.choose_invite_role(context.t),
            reply_markup=buttons.invite_roles(context.t, context.active_member),
        )
        return
    try:
        role = Role(context.args[0].lower())
    except ValueError:
        await message.reply_text(texts.invite_usage(context.t))
        return
    zone = " ".join(context.args[1:])[:40] or None
    await message.reply_text(await _create_invite(context, role, zone))


async def invite_role_tapped(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    args = keyboards.parse(query.data)
    try:
        role = Role(args[0])
    except (IndexError, ValueError):
        await replies.answer(query, texts.invite_usage(context.t), alert=True)
        return
    await query.answer()
    await query.edit_message_text(await _create_invite(context, role, zone=None))


async def _create_invite(context: KringContext, role: Role, zone: str | None) -> str:
    created = await context.services.membership.create_invite(
        context.active_member.telegram_id, role, zone
    )
    link = f"https://t.me/{context.bot.username}?start={created.code}"
    return texts.invite_created(context.t, link, role, zone, created.expires_at)


async def join_decision_tapped(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    args = keyboards.parse(query.data)
    if len(args) < 2 or not args[0].isdigit():
        await query.answer()
        return
    approve = args[1] == "approve"
    role = Role.LOCUM if approve and args[2:] == [Role.LOCUM] else Role.GP
    member = await context.services.membership.decide_join_request(
        context.active_member.telegram_id or 0, int(args[0]), approve=approve, role=role
    )
    await query.answer()
    await query.edit_message_text(texts.join_decided(context.t, member, approve))
    if approve:
        await menu.publish_for_member(context.bot, member)
    elif member.telegram_id is not None:
        await menu.withdraw(context.bot, member.telegram_id)


async def list_members(update: Update, context: KringContext) -> None:
    message = update.effective_message
    assert message is not None
    members = await context.services.membership.members(context.active_member.telegram_id or 0)
    for chunk in render.split(texts.members_list(context.t, members)):
        await message.reply_text(chunk)


async def stats(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    figures = await context.services.stats.figures(context.active_member)
    await update.effective_message.reply_text(texts.stats(context.t, figures))
