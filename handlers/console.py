"""What the console's pages (bot.web) share with the chat, so a change made in the browser reads
and acts exactly as one made in Telegram: the member's command menu follows at once (the same
calls as handlers.membership.menu), an invite, /settings, /credits and the calendar address read
as the chat's texts, and a refused change gets the chat's translated reply. The composition
root hands it to the web server (bot.web.chat.Chat); bot.web itself may not import handlers."""

from dataclasses import dataclass

from telegram import Bot

from bot.core.cme import Credits
from bot.core.errors import DomainError
from bot.core.models import (
    CalendarFeed,
    DigestFrequency,
    Invite,
    Member,
    MemberStatus,
    Role,
    Rubric,
)
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.calendar import feeds
from handlers.calendar import texts as calendar_texts
from handlers.cme import texts as cme_texts
from handlers.membership import buttons, menu, settings_texts, texts
from handlers.shifts import texts as shifts_texts


@dataclass(frozen=True)
class ChatSide:
    bot: Bot
    quiet_choices: tuple[tuple[int, int], ...] = buttons.QUIET_CHOICES

    async def menu_follows(self, member: Member) -> None:
        """After a change of role, status or language (as the chat's flows do)."""
        await menu.publish_for_member(self.bot, member)

    async def menu_withdrawn(self, telegram_id: int) -> None:
        """After a rejection or removal: back to the menu for everyone."""
        await menu.withdraw(self.bot, telegram_id)

    def invite_text(self, t: Translator, invite: Invite) -> str:
        link = invite_link(self.bot.username, invite.code)
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

    @staticmethod
    def settings_text(t: Translator, member: Member) -> str:
        return settings_texts.settings(t, member)

    @staticmethod
    def digest_name(t: Translator, frequency: DigestFrequency) -> str:
        return settings_texts.digest_frequency(t, frequency)

    @staticmethod
    def reminder_name(t: Translator, hours: int) -> str:
        return shifts_texts.reminder_setting(t, hours)

    @staticmethod
    def quiet_name(start: int, end: int) -> str:
        return settings_texts.quiet_hours_label(start, end)

    @staticmethod
    def feed_text(t: Translator, kring: Kring, feed: CalendarFeed) -> str:
        return calendar_texts.feed_address(t, feeds.webcal_address(kring, feed))

    @staticmethod
    def feed_renewed(t: Translator) -> str:
        return calendar_texts.feed_renewed(t)

    @staticmethod
    def feed_revoked(t: Translator) -> str:
        return calendar_texts.feed_revoked(t)

    @staticmethod
    def credits_text(t: Translator, credits: Credits) -> str:
        return cme_texts.credits(t, credits)

    @staticmethod
    def rubric_name(t: Translator, rubric: Rubric) -> str:
        return cme_texts.rubric_name(t, rubric)


def invite_link(bot_username: str, code: str) -> str:
    """The deep link /start <code> that redeems an invite."""
    return f"https://t.me/{bot_username}?start={code}"
