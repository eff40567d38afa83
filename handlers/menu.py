"""The command menu (setMyCommands): per language for everyone, and per chat for members whose
bot language differs from their Telegram language or who have coordinator commands."""

from collections.abc import Iterable

from telegram import Bot, BotCommand, BotCommandScopeChat

from bot.core.models import DEFAULT_LANGUAGE, LANGUAGES, Member, Role
from bot.i18n import translator
from handlers import render

MANAGER_ROLES = (Role.COORDINATOR, Role.STAFF)


def _commands(language: str, manager: bool) -> list[BotCommand]:
    t = translator(language)
    pairs = render.member_commands(t) + (render.manager_commands(t) if manager else [])
    return [BotCommand(command, description) for command, description in pairs]


async def publish_defaults(bot: Bot) -> None:
    await bot.set_my_commands(_commands(DEFAULT_LANGUAGE, manager=False))
    for language in LANGUAGES:
        await bot.set_my_commands(_commands(language, manager=False), language_code=language)


async def publish_for_member(bot: Bot, member: Member) -> None:
    if member.telegram_id is None:
        return
    await bot.set_my_commands(
        _commands(member.language, manager=member.role in MANAGER_ROLES),
        scope=BotCommandScopeChat(member.telegram_id),
    )


async def publish_for_members(bot: Bot, members: Iterable[Member]) -> None:
    for member in members:
        await publish_for_member(bot, member)
