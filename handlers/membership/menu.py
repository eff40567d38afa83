"""The command menu (setMyCommands): per language for everyone, and per chat for each active
member (their bot language may differ from their Telegram language; managers have more), and
the short menu of an applicant who waits for approval.

The menu follows the member: whatever changes their role, status or language calls
`publish_for_member` with the changed member (a request or invite, join, approval, language, role
change or suspension), and a member who is neither active nor pending falls back to the menu for
everyone.
Publishing never fails the flow that asked for it: Telegram refusing a menu is logged.
"""

import logging
from collections.abc import Awaitable, Iterable

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    MenuButton,
    MenuButtonDefault,
    MenuButtonWebApp,
    WebAppInfo,
)
from telegram.error import TelegramError

from bot.core.models import DEFAULT_LANGUAGE, LANGUAGES, Member, MemberStatus
from bot.i18n import translator
from handlers.membership import commands
from handlers.replies import KringBot

log = logging.getLogger(__name__)


def _commands(language: str, member: Member | None) -> list[BotCommand]:
    listed = commands.listed(translator(language), commands.audience_of(member))
    return [BotCommand(command.name, description) for command, description in listed]


async def publish_defaults(bot: Bot) -> None:
    await _logged("the default menu", bot.set_my_commands(_commands(DEFAULT_LANGUAGE, None)))
    for language in LANGUAGES:
        commands = _commands(language, None)
        await _logged(f"the {language} menu", bot.set_my_commands(commands, language_code=language))


async def publish_for_member(bot: Bot, member: Member) -> None:
    if member.telegram_id is None:
        return
    scope = BotCommandScopeChat(member.telegram_id)
    if member.status in (MemberStatus.ACTIVE, MemberStatus.PENDING):
        call = bot.set_my_commands(_commands(member.language, member), scope=scope)
    else:
        call = bot.delete_my_commands(scope=scope)
    await _logged(f"the menu of member {member.id}", call)
    console_url = bot.console_url if isinstance(bot, KringBot) else None
    if console_url:
        await _logged(
            f"the menu button of member {member.id}", _menu_button(bot, member, console_url)
        )


def _menu_button(bot: Bot, member: Member, console_url: str) -> Awaitable[bool]:
    """Active members open the console from the button next to the message field; others get
    Telegram's default button back."""
    assert member.telegram_id is not None
    button: MenuButton = MenuButtonDefault()
    if member.is_active:
        text = translator(member.language).gettext("Console")
        button = MenuButtonWebApp(text, WebAppInfo(console_url))
    return bot.set_chat_menu_button(member.telegram_id, button)


async def withdraw(bot: Bot, telegram_id: int) -> None:
    """Back to the menu for everyone (a rejected applicant)."""
    scope = BotCommandScopeChat(telegram_id)
    await _logged(f"the menu of chat {telegram_id}", bot.delete_my_commands(scope=scope))


async def publish_for_members(bot: Bot, members: Iterable[Member]) -> None:
    for member in members:
        await publish_for_member(bot, member)


async def _logged(what: str, call: Awaitable[bool]) -> None:
    try:
        await call
    except TelegramError as error:
        log.warning("Telegram refused %s: %s", what, error)
