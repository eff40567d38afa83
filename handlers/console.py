"""What the console's pages (bot.web) share with the chat, so a change made in the browser reads
and acts exactly as one made in Telegram: the member's command menu follows at once (the same
calls as handlers.membership.menu), an invite shows the chat's text and link, and a refused
change gets the chat's translated reply. The composition root hands it to the web server
(bot.web.console.Chat); bot.web itself may not import handlers."""

from dataclasses import dataclass

from telegram import Bot

from bot.core.errors import DomainError
from bot.core.models import Invite, Member, MemberStatus, Role
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.membership import menu, texts


@dataclass(frozen=True)
class ChatSide:
    bot: Bot

    async def menu_follows(self, member: Member) -> None:
        """After a change of role, status or language (as the chat's flows do)."""
        await menu.publish_for_member(self.bot, member)

    async def menu_withdrawn(self, telegram_id: int) -> None:
        """After a rejection or removal: back to the menu for everyone."""
        await menu.withdraw(self.bot, telegram_id)

    def invite_link(self, code: str) -> str:
        return invite_link(self.bot.username, code)

    def invite_text(self, t: Translator, invite: Invite) -> str:
        link = self.invite_link(invite.code)
        return texts.invite_created(t, link, invite.role, invite.zone, invite.expires_at)

    @staticmethod
    def error_text(t: Translator, error: DomainError, kring: Kring) -> str:
        from handlers import ERRORS  # the feature table, assembled once all features are loaded

        return ERRORS.text(t, error, kring)

    @staticmethod
    def role_name(t: Translator, role: Role) -> str:
        return texts.role_name(t, role)

    @staticmethod
    def status_name(t: Translator, status: MemberStatus) -> str:
        return texts.status_name(t, status)


def invite_link(bot_username: str, code: str) -> str:
    """The deep link /start <code> that redeems an invite."""
    return f"https://t.me/{bot_username}?start={code}"
