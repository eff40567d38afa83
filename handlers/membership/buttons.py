"""membership: commands and buttons"""

from collections.abc import Callable
from datetime import time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.errors import BadButton
from bot.core.member_table import INVITABLE_ROLES
from bot.core.membership import may_grant
from bot.core.models import (
    LANGUAGES,
    DigestFrequency,
    Member,
    Role,
)
from bot.core.roster import ON_CALL_ROLES
from bot.core.stats import STATS_READERS
from bot.i18n import LANGUAGE_NAMES, Translator
from handlers.audience import Audience, Command, Prefix
from handlers.calendar import buttons as calendar_buttons
from handlers.keyboards import LIST_LIMIT, data, short, zone_key
from handlers.membership import settings_texts, texts
from handlers.shifts import buttons as shifts_buttons

# Commands

START_COMMAND = Command("start", Audience.ANYONE)
HELP_COMMAND = Command("help", Audience.ANYONE, ("hulp", "aide"))
LANGUAGE_COMMAND = Command("language", Audience.MEMBER, ("taal", "langue"))
SETTINGS_COMMAND = Command("settings", Audience.MEMBER, ("instellingen", "parametres"))
INVITE_COMMAND = Command("invite", Audience.MANAGER, ("uitnodigen", "inviter"))
MEMBERS_COMMAND = Command("members", Audience.MANAGER, ("leden", "membres"))
STATS_COMMAND = Command("stats", STATS_READERS, ("statistieken", "statistiques"))
MYDATA_COMMAND = Command("mydata", Audience.MEMBER, ("mijngegevens", "mesdonnees"))
FORGET_COMMAND = Command("forget", Audience.MEMBER, ("vergeetmij", "oubliezmoi"))

# Buttons (callback-data prefixes)


JOIN = Prefix("join", Audience.ANYONE)
LANGUAGE = Prefix("lang", Audience.MEMBER)
INVITE_ROLE = Prefix("invrole", Audience.MANAGER)
JOIN_DECISION = Prefix("joindec", Audience.MANAGER)
FORGET = Prefix("forget", Audience.MEMBER)
FORGET_NOT = Prefix("keepdata", Audience.MEMBER)
MEMBER_MANAGE = Prefix("mbman", Audience.COORDINATOR)  # the list of members to manage
MEMBER_MANAGE_PAGE = Prefix("mbmanpg", Audience.COORDINATOR)
MEMBER_CARD = Prefix("mbcard", Audience.COORDINATOR)  # one member and what can be done
MEMBER_ACT = Prefix("mbact", Audience.COORDINATOR)  # mbact:ID:suspend|reactivate|role|zone|remove
DIGEST = Prefix("digest", Audience.MEMBER)
QUIET = Prefix("quiet", Audience.MEMBER)
CME_NEWS = Prefix("cmenews", Audience.MEMBER)


QUIET_CHOICES = ((22, 7), (21, 8), (20, 8))  # quiet hours a member can pick, local time


NO_ZONE = "-"  # the zone argument of the "no zone" button


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
    rows.append([calendar_buttons.open_feed(t)])
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


def invite_zones(t: Translator, role: Role, zones: list[str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(_zone_rows(t, zones, lambda key: data(INVITE_ROLE, role, key)))


def join_zones(t: Translator, member_id: int, role: Role, zones: list[str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        _zone_rows(t, zones, lambda key: data(JOIN_DECISION, member_id, "approve", role, key))
    )


def _zone_rows(
    t: Translator, zones: list[str], payload: Callable[[str], str]
) -> list[list[InlineKeyboardButton]]:
    """One button per zone of the kring, two a row, and one for no zone."""
    choices = [
        InlineKeyboardButton(short(zone), callback_data=payload(zone_key(zone)))
        for zone in zones[:LIST_LIMIT]
    ]
    return [
        *(choices[i : i + 2] for i in range(0, len(choices), 2)),
        [InlineKeyboardButton(t.gettext("No zone"), callback_data=payload(NO_ZONE))],
    ]


def chosen_zone(key: list[str], zones: list[str]) -> str | None:
    """The zone a button names by its key (`-` or nothing: no zone)."""
    if not key or key[0] == NO_ZONE:
        return None
    by_key = {zone_key(zone): zone for zone in zones}
    if key[0] not in by_key:
        raise BadButton()  # the zone is gone since the buttons were made
    return by_key[key[0]]


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


def manage_members(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(t.gettext("Manage a member"), callback_data=data(MEMBER_MANAGE))]]
    )


def member_card(t: Translator, member: Member) -> InlineKeyboardMarkup:
    member_id = member.id or 0

    def act(label: str, *args: object) -> list[InlineKeyboardButton]:
        return [InlineKeyboardButton(label, callback_data=data(MEMBER_ACT, member_id, *args))]

    status = (
        act(t.gettext("Suspend"), "suspend")
        if member.is_active
        else act(t.gettext("Reactivate"), "reactivate")
    )
    return InlineKeyboardMarkup(
        [
            status,
            act(t.gettext("Change role"), "role"),
            act(t.gettext("Change zone"), "zone"),
            act(t.gettext("Remove from the kring"), "remove"),
            [
                InlineKeyboardButton(
                    t.gettext("◀ Back to the list"), callback_data=data(MEMBER_MANAGE)
                )
            ],
        ]
    )


def member_roles(t: Translator, coordinator: Member, member: Member) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    texts.role_name(t, role),
                    callback_data=data(MEMBER_ACT, member.id, "role", role),
                )
            ]
            for role in INVITABLE_ROLES
            if role is not member.role and may_grant(coordinator, role)
        ]
        + [[_back_to(t, member)]]
    )


def member_zones(t: Translator, member: Member, zones: list[str]) -> InlineKeyboardMarkup:
    rows = _zone_rows(t, zones, lambda key: data(MEMBER_ACT, member.id, "zone", key))
    return InlineKeyboardMarkup([*rows, [_back_to(t, member)]])


def member_remove(t: Translator, member: Member) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.gettext("Yes, remove"),
                    callback_data=data(MEMBER_ACT, member.id, "remove", "yes"),
                )
            ],
            [_back_to(t, member, t.gettext("Cancel"))],
        ]
    )


def _back_to(t: Translator, member: Member, label: str | None = None) -> InlineKeyboardButton:
    return InlineKeyboardButton(
        label or t.gettext("◀ Back"), callback_data=data(MEMBER_CARD, member.id)
    )


def forget(t: Translator, member_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t.gettext("Yes, erase"), callback_data=data(FORGET, member_id))],
            [InlineKeyboardButton(t.gettext("Cancel"), callback_data=data(FORGET_NOT))],
        ]
    )
