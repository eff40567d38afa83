"""The outbox notices of this feature: the text (and buttons) of each kind."""

from typing import Any

from bot.core.models import (
    Role,
)
from bot.core.riziv import RizivNumber
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.feature import Notice
from handlers.membership import buttons, texts
from handlers.render import esc


def _join_request(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    riziv = params.get("riziv")
    return t.gettext(
        "<b>Membership request</b>\n{name}\nRIZIV: {riziv}\n\nApprove this person?"
    ).format(name=esc(params.get("name")), riziv=RizivNumber(riziv) if riziv else "–")


def _member_joined(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    role = Role(params.get("role", Role.GP))
    return t.gettext("{name} has joined {kring} as {role} with your invitation.").format(
        name=esc(params.get("name")),
        kring=esc(kring.name),
        role=texts.role_name(t, role),
    )


def _join_approved(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    return t.gettext(
        "Your membership of {kring} has been approved: welcome! Send /help to see what you can do."
    ).format(kring=esc(kring.name))


def _join_rejected(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    return t.gettext(
        "Your membership request for {kring} was not approved. For questions, contact {contact}."
    ).format(kring=esc(kring.name), contact=esc(kring.contact))


def _ops_error(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    return t.gettext(
        "⚠️ <b>Error in the bot</b>: {signature} (reference {reference}), {count} time(s) "
        "since the last report. The log has the details."
    ).format(
        signature=esc(params["signature"]),
        reference=esc(params["reference"]),
        count=params["count"],
    )


NOTICES = {
    "join_request": Notice(
        _join_request, lambda t, params: buttons.join_decision(t, int(params["member_id"]))
    ),
    "member_joined": Notice(_member_joined),
    "join_approved": Notice(_join_approved),
    "join_rejected": Notice(_join_rejected),
    "ops_error": Notice(_ops_error),
}
