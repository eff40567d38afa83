"""Membership: joining (invites, requests), /help, settings, the coordinator's member tools,
and privacy (/mydata, /forget)."""

from typing import Any

from telegram.ext import BaseHandler, CommandHandler, filters

from handlers.context import KringContext
from handlers.feature import Feature, button, command
from handlers.membership import (
    admin,
    buttons,
    errors,
    help,
    manage,
    notices,
    onboarding,
    oversight,
    privacy,
    settings,
)
from handlers.shifts import buttons as shifts_buttons


def handlers() -> list[BaseHandler[Any, KringContext, Any]]:
    """Built anew for each application: conversations keep per-application state."""
    return [
        # /start carries deep links (invites, check-in), so it has no aliases.
        CommandHandler(
            buttons.START_COMMAND.name, onboarding.start, filters=filters.ChatType.PRIVATE
        ),
        command(buttons.HELP_COMMAND, help.show_help),
        command(buttons.LANGUAGE_COMMAND, settings.choose_language),
        command(buttons.SETTINGS_COMMAND, settings.show_settings),
        command(buttons.INVITE_COMMAND, admin.invite),
        command(buttons.MEMBERS_COMMAND, admin.list_members),
        command(buttons.STATS_COMMAND, admin.stats),
        command(buttons.MYDATA_COMMAND, privacy.my_data),
        command(buttons.FORGET_COMMAND, privacy.ask_to_forget),
        button(buttons.JOIN, onboarding.request_to_join),
        button(buttons.LANGUAGE, settings.language_tapped),
        button(buttons.INVITE_ROLE, admin.invite_role_tapped),
        button(buttons.JOIN_DECISION, admin.join_decision_tapped),
        button(buttons.MEMBER_CARD, manage.show_card),
        button(buttons.MEMBER_ACT, manage.act),
        button(buttons.FORGET, privacy.forget),
        button(buttons.FORGET_NOT, privacy.keep),
        button(buttons.DIGEST, settings.digest_tapped),
        button(buttons.QUIET, settings.quiet_tapped),
        button(shifts_buttons.REMINDER, settings.reminder_tapped),
        button(shifts_buttons.EXPORT_AUDIT, oversight.export_audit),
        button(buttons.CME_NEWS, settings.cme_news_tapped),
    ]


FEATURE = Feature(
    name="membership",
    handlers=handlers,
    declared_in=[buttons],
    notices=notices.NOTICES,
    errors=errors.ERRORS,
    pickers=[manage.MANAGE],
)
