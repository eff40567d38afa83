"""The command menu (setMyCommands): per language for everyone, and per chat for members whose
bot language differs from their Telegram language or who have coordinator commands."""

from collections.abc import Iterable

from telegram import Bot, BotCommand, BotCommandScopeChat

from bot.core.models import DEFAULT_LANGUAGE, LANGUAGES, Member, Role
from bot.i18n import translator
from handlers.membership import texts

MANAGER_ROLES = (Role.COORDINATOR, Role.STAFF)


def _commands(language: str, role: Role | None) -> list[BotCommand]:
    t = translator(language)
    pairs = texts.member_commands(t)
    if role in MANAGER_ROLES:
        pairs += texts.manager_commands(t)
    if role is Role.COORDINATOR:
        pairs += texts.coordinator_commands(t)
    return [BotCommand(command, description) for command, description in pairs]


async def publish_defaults(bot: Bot) -> None:
    await bot.set_my_commands(_commands(DEFAULT_LANGUAGE, role=None))
    for language in LANGUAGES:
        await bot.set_my_commands(_commands(language, role=None), language_code=language)


async def publish_for_member(bot: Bot, member: Member) -> None:
    if member.telegram_id is None:
        return
    await bot.set_my_commands(
        _commands(member.language, member.role),
        scope=BotCommandScopeChat(member.telegram_id),
    )


async def publish_for_members(bot: Bot, members: Iterable[Member]) -> None:
    for member in members:
        await publish_for_member(bot, member)
