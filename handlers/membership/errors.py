"""The translated replies to this feature's domain errors."""

from bot.core.errors import (
    AlreadyMember,
    DomainError,
    InvalidName,
    InvalidRiziv,
    InviteInvalid,
    JoinRequestNotFound,
    UnknownLanguage,
    UnknownZone,
)
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.feature import ErrorText
from handlers.membership import settings_texts, texts
from handlers.render import esc


def _invalid_riziv(t: Translator, error: InvalidRiziv, kring: Kring) -> str:
    return {
        "format": t.gettext(
            "A RIZIV number has 11 digits and starts with 1, for example 1-23456-25-001. "
            "Please try again."
        ),
        "check_digits": t.gettext(
            "The check digits of this RIZIV number are not correct. Please check the "
            "number and try again."
        ),
        "taken": t.gettext(
            "This RIZIV number is already registered. If it is yours, please contact "
            "the coordinator ({contact})."
        ).format(contact=esc(kring.contact)),
    }[error.reason]


def _invalid_name(t: Translator, error: InvalidName, kring: Kring) -> str:
    return t.gettext("That does not look like a name. Please send a first name and surname.")


def _invite_invalid(t: Translator, error: InviteInvalid, kring: Kring) -> str:
    return {
        "unknown": t.gettext("This invitation link is not valid."),
        "used": t.gettext("This invitation link has already been used."),
        "expired": t.gettext(
            "This invitation link has expired. Please ask the coordinator for a new one."
        ),
    }[error.reason]


def _already_member(t: Translator, error: AlreadyMember, kring: Kring) -> str:
    return t.gettext("You are already a member. Send /help to see what you can do.")


def _join_request_not_found(t: Translator, error: JoinRequestNotFound, kring: Kring) -> str:
    return t.gettext("This request has already been handled.")


def _unknown_zone(t: Translator, error: UnknownZone, kring: Kring) -> str:
    return texts.unknown_zone(t, error.zone, error.zones)


def _unknown_language(t: Translator, error: UnknownLanguage, kring: Kring) -> str:
    return settings_texts.choose_language(t)


ERRORS: dict[type[DomainError], ErrorText] = {
    InvalidRiziv: _invalid_riziv,
    InvalidName: _invalid_name,
    InviteInvalid: _invite_invalid,
    AlreadyMember: _already_member,
    JoinRequestNotFound: _join_request_not_found,
    UnknownLanguage: _unknown_language,
    UnknownZone: _unknown_zone,
}
