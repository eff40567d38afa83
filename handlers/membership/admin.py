"""Coordinator tools for membership: invites, join requests, the member list."""

from telegram import Update

from bot.core.membership import parse_role
from bot.core.models import Role
from bot.core.roster import ON_CALL_ROLES
from handlers import keyboards, replies
from handlers.console import invite_link
from handlers.context import KringContext
from handlers.membership import buttons, menu, texts


async def invite(update: Update, context: KringContext) -> None:
    """`/invite` asks for the role (then the zone); `/invite ROLE [ZONE]` creates the invite at
    once. ROLE may be typed in English, Dutch or French (gp, huisarts, vervangarts …)."""
    message = update.effective_message
    assert message is not None
    if not context.args:
        await message.reply_text(
            texts.choose_invite_role(context.t),
            reply_markup=buttons.invite_roles(context.t, context.active_member),
        )
        return
    role, rest = _typed_role(context.args)
    if role is None:
        await message.reply_text(texts.invite_usage(context.t))
        return
    await message.reply_text(await _create_invite(context, role, " ".join(rest)[:40] or None))


def _typed_role(words: list[str]) -> tuple[Role | None, list[str]]:
    """The role named by the first word or two (médecin généraliste), and the words after it."""
    for length in (2, 1):
        role = parse_role(" ".join(words[:length]))
        if role is not None and len(words) >= length:
            return role, words[length:]
    return None, words


async def invite_role_tapped(update: Update, context: KringContext) -> None:
    """`invrole:ROLE` asks for the zone (for a GP or locum, when the kring has zones);
    `invrole:ROLE:ZONEKEY` (or `-` for none) creates the invite."""
    query = update.callback_query
    assert query is not None
    args = keyboards.parse(query.data)
    try:
        role = Role(args[0])
    except (IndexError, ValueError):
        await replies.answer(query, texts.invite_usage(context.t), alert=True)
        return
    zones = await context.services.membership.zones()
    if len(args) == 1 and role in ON_CALL_ROLES and zones:
        await query.answer()
        await query.edit_message_text(
            texts.choose_invite_zone(context.t, role),
            reply_markup=buttons.invite_zones(context.t, role, zones),
        )
        return
    zone = buttons.chosen_zone(args[1:], zones)
    await query.answer()
    await query.edit_message_text(await _create_invite(context, role, zone))


async def _create_invite(context: KringContext, role: Role, zone: str | None) -> str:
    created = await context.services.membership.create_invite(
        context.active_member.telegram_id, role, zone
    )
    link = invite_link(context.bot.username, created.code)
    return texts.invite_created(context.t, link, role, created.zone, created.expires_at)


async def join_decision_tapped(update: Update, context: KringContext) -> None:
    """`joindec:ID:reject`; `joindec:ID:approve:ROLE` asks for the zone (when the kring has
    zones), `joindec:ID:approve:ROLE:ZONEKEY` (or `-`) approves."""
    query = update.callback_query
    assert query is not None
    member_id, decision = keyboards.args(query.data, int, keyboards.one_of("approve", "reject"))
    approve = decision == "approve"
    role = keyboards.args(query.data, int, str, Role)[2] if approve else Role.GP
    zone_key = keyboards.parse(query.data)[3:]
    zones = await context.services.membership.zones() if approve else []
    if approve and not zone_key and zones:
        await replies.answer(query, texts.choose_join_zone(context.t, role))
        await query.edit_message_reply_markup(buttons.join_zones(context.t, member_id, role, zones))
        return
    member = await context.services.membership.decide_join_request(
        context.active_member.telegram_id or 0,
        member_id,
        approve=approve,
        role=role,
        zone=buttons.chosen_zone(zone_key, zones),
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
    # The coordinator manages members from here (handlers.membership.manage).
    markup = buttons.manage_members(context.t) if context.active_member.is_coordinator else None
    await message.reply_text(texts.members_list(context.t, members), reply_markup=markup)


async def stats(update: Update, context: KringContext) -> None:
    assert update.effective_message is not None
    figures = await context.services.stats.figures(context.active_member)
    await update.effective_message.reply_text(texts.stats(context.t, figures))
