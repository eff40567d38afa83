"""membership: commands and buttons"""

from datetime import time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.membership import may_grant
from bot.core.models import (
    LANGUAGES,
    DigestFrequency,
    Member,
    Role,
)
from bot.core.roster import ON_CALL_ROLES
from bot.i18n import LANGUAGE_NAMES, Translator
from handlers.audience import Audience, Command, Prefix
from handlers.keyboards import data
from handlers.membership import settings_texts, texts
from handlers.shifts import buttons as shifts_buttons

# Commands

START_COMMAND = Command("start", Audience.ANYONE)
HELP_COMMAND = Command("help", Audience.ANYONE, ("hulp", "aide"))
LANGUAGE_COMMAND = Command("language", Audience.MEMBER, ("taal", "langue"))
SETTINGS_COMMAND = Command("settings", Audience.MEMBER, ("instellingen", "parametres"))
INVITE_COMMAND = Command("invite", Audience.MANAGER, ("uitnodigen", "inviter"))
MEMBERS_COMMAND = Command("members", Audience.MANAGER, ("leden", "membres"))
STATS_COMMAND = Command("stats", Audience.COORDINATOR, ("statistieken", "statistiques"))
MYDATA_COMMAND = Command("mydata", Audience.MEMBER, ("mijngegevens", "mesdonnees"))
FORGET_COMMAND = Command("forget", Audience.MEMBER, ("vergeetmij", "oubliezmoi"))

# Buttons (callback-data prefixes)


JOIN = Prefix("join", Audience.ANYONE)
LANGUAGE = Prefix("lang", Audience.MEMBER)
INVITE_ROLE = Prefix("invrole", Audience.MANAGER)
JOIN_DECISION = Prefix("joindec", Audience.MANAGER)
FORGET = Prefix("forget", Audience.MEMBER)
FORGET_NOT = Prefix("keepdata", Audience.MEMBER)
DIGEST = Prefix("digest", Audience.MEMBER)
QUIET = Prefix("quiet", Audience.MEMBER)
CME_NEWS = Prefix("cmenews", Audience.MEMBER)


QUIET_CHOICES = ((22, 7), (21, 8), (20, 8))  # quiet hours a member can pick, local time


INVITABLE_ROLES = (Role.GP, Role.LOCUM, Role.STAFF, Role.COORDINATOR)


def join_request(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(t.gettext("Request membership"), callback_data=data(JOIN))]]
    )


def languages() -> InlineKeyboardMarkup:
    """Each language is named in itself, so anyone can find their own."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(LANGUAGE_NAMES[code], callback_data=data(LANGUAGE, code))
                for code in LANGUAGES
            ]
        ]
    )


def settings(t: Translator, member: Member) -> InlineKeyboardMarkup:
    """Language; digest frequency and quiet hours, the current choice ticked; the shift
    reminder for members on call."""

    def choice(label: str, chosen: bool, payload: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(("✓ " if chosen else "") + label, callback_data=payload)

    digest = [
        choice(
            settings_texts.digest_frequency(t, often), member.digest is often, data(DIGEST, often)
        )
        for often in DigestFrequency
    ]
    quiet = [
        choice(
            settings_texts.quiet_hours_label(start, end),
            (member.quiet_from, member.quiet_until) == (time(start), time(end)),
            data(QUIET, start, end),
        )
        for start, end in QUIET_CHOICES
    ]
    quiet.append(choice(t.gettext("No quiet hours"), member.quiet_from is None, data(QUIET)))
    rows = [
        [InlineKeyboardButton(t.gettext("Change language"), callback_data=data(LANGUAGE))],
        digest,
        quiet,
    ]
    news = t.gettext("Announce new CME events")
    rows.append([choice(news, member.cme_announcements, data(CME_NEWS))])  # a switch
    if member.role in ON_CALL_ROLES:
        rows.append(
            [
                InlineKeyboardButton(
                    t.gettext("Shift reminder"), callback_data=data(shifts_buttons.REMINDER)
                )
            ]
        )
    return InlineKeyboardMarkup(rows)


def invite_roles(t: Translator, manager: Member) -> InlineKeyboardMarkup:
    """The roles this manager may give (only a coordinator invites coordinators and staff)."""
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(texts.role_name(t, role), callback_data=data(INVITE_ROLE, role))]
            for role in INVITABLE_ROLES
            if may_grant(manager, role)
        ]
    )


def join_decision(t: Translator, member_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.gettext("Approve as GP"),
                    callback_data=data(JOIN_DECISION, member_id, "approve", Role.GP),
                )
            ],
            [
                InlineKeyboardButton(
                    t.gettext("Approve as locum"),
                    callback_data=data(JOIN_DECISION, member_id, "approve", Role.LOCUM),
                )
            ],
            [
                InlineKeyboardButton(
                    t.gettext("Reject"), callback_data=data(JOIN_DECISION, member_id, "reject")
                )
            ],
        ]
    )


def forget(t: Translator, member_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t.gettext("Yes, erase"), callback_data=data(FORGET, member_id))],
            [InlineKeyboardButton(t.gettext("Cancel"), callback_data=data(FORGET_NOT))],
        ]
    )
