"""The coordinator manages members in the chat: from /members, a searchable list of everyone
(handlers.picker), then one member's card to suspend or reactivate them, change their role or
zone, or remove them from the kring. The member's command menu follows each change at once."""

from typing import Any

from telegram import InlineKeyboardMarkup, Update

from bot.core.models import Member, Role
from handlers import keyboards, picker
from handlers.context import KringContext
from handlers.membership import buttons, menu, texts

ACTIONS = ("suspend", "reactivate", "role", "zone", "remove")


async def _listing(context: KringContext, args: tuple[Any, ...]) -> picker.Listing:
    members = await context.services.membership.manageable(_telegram_id(context))
    choices = [picker.member_choice(m, texts.member_label(context.t, m)) for m in members]
    return picker.Listing(texts.choose_member_to_manage(context.t), choices)


MANAGE = picker.Picker(
    buttons.MEMBER_MANAGE, buttons.MEMBER_MANAGE_PAGE, buttons.MEMBER_CARD, _listing
)


def _telegram_id(context: KringContext) -> int:
    return context.active_member.telegram_id or 0


async def show_card(update: Update, context: KringContext) -> None:
    """`mbcard:ID`: the member chosen in the list (or back from a choice)."""
    assert update.callback_query is not None
    (member_id,) = keyboards.args(update.callback_query.data, int)
    member = await context.services.membership.managed(_telegram_id(context), member_id)
    await _show(update, context, member)


async def act(update: Update, context: KringContext) -> None:
    """`mbact:ID:ACTION[:CHOICE]`: an action on the card; role, zone and remove ask first."""
    query = update.callback_query
    assert query is not None
    member_id, action = keyboards.args(query.data, int, keyboards.one_of(*ACTIONS))
    choice = keyboards.parse(query.data)[2:]
    service, coordinator = context.services.membership, _telegram_id(context)
    t = context.t
    if action in ("suspend", "reactivate"):
        member = await service.set_active(coordinator, member_id, action == "reactivate")
    elif action == "role" and choice:
        role = keyboards.args(query.data, int, str, Role)[2]
        member = await service.set_role(coordinator, member_id, role)
    elif action == "role":
        member = await service.managed(coordinator, member_id)
        markup = buttons.member_roles(t, context.active_member, member)
        return await _edit(update, texts.choose_member_role(t, member), markup)
    elif action == "zone":
        zones = await service.zones()
        if not choice:
            member = await service.managed(coordinator, member_id)
            markup = buttons.member_zones(t, member, zones)
            return await _edit(update, texts.choose_member_zone(t, member), markup)
        member = await service.set_zone(coordinator, member_id, buttons.chosen_zone(choice, zones))
    else:
        return await _remove(update, context, member_id, confirmed=choice == ["yes"])
    await menu.publish_for_member(context.bot, member)
    await _show(update, context, member, texts.member_changed(t, member, action))


async def _remove(
    update: Update, context: KringContext, member_id: int, *, confirmed: bool
) -> None:
    """Removing erases the member's personal data as /forget does (what the kring must keep
    stays, without name), so it asks first."""
    t = context.t
    member = await context.services.membership.managed(_telegram_id(context), member_id)
    if not confirmed:
        return await _edit(
            update, texts.confirm_remove(t, member), buttons.member_remove(t, member)
        )
    await context.services.privacy.forget(context.active_member, member_id)
    if member.telegram_id is not None:
        await menu.withdraw(context.bot, member.telegram_id)
    await _edit(update, texts.member_removed(t, member), buttons.manage_members(t))


async def _show(update: Update, context: KringContext, member: Member, note: str = "") -> None:
    card = texts.member_card(context.t, member)
    await _edit(
        update, f"{note}\n\n{card}" if note else card, buttons.member_card(context.t, member)
    )


async def _edit(update: Update, text: str, markup: InlineKeyboardMarkup) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_text(text, reply_markup=markup)
