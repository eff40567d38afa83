"""Inline keyboards and their callback-data prefixes (`prefix:arg:arg`, at most 64 bytes).

Button payloads carry server-side ids only; what they refer to is checked again when tapped.
"""

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.models import LANGUAGES, Role
from bot.i18n import LANGUAGE_NAMES, Translator
from handlers import render

JOIN = "join"
LANGUAGE = "lang"
INVITE_ROLE = "invrole"
JOIN_DECISION = "joindec"

INVITABLE_ROLES = (Role.GP, Role.LOCUM, Role.STAFF, Role.COORDINATOR)


def data(prefix: str, *args: object) -> str:
    payload = ":".join([prefix, *map(str, args)])
    if len(payload.encode()) > 64:
        raise ValueError(f"callback data too long: {payload!r}")
    return payload


def parse(payload: str | None) -> list[str]:
    """The arguments after the prefix."""
    return (payload or "").split(":")[1:]


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


def settings(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(t.gettext("Change language"), callback_data=data(LANGUAGE))]]
    )


def invite_roles(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(render.role_name(t, role), callback_data=data(INVITE_ROLE, role))]
            for role in INVITABLE_ROLES
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
