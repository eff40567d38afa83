"""The outbox notices of this feature: the text (and buttons) of each kind."""

from bot.core.notices.membership import (
    JoinApproved,
    JoinRejected,
    JoinRequest,
    MemberJoined,
    OpsError,
)
from bot.core.riziv import RizivNumber
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.feature import Renderer
from handlers.membership import buttons, texts
from handlers.render import esc


def _join_request(t: Translator, notice: JoinRequest, kring: Kring) -> str:
    return t.gettext(
        "<b>Membership request</b>\n{name}\nRIZIV: {riziv}\n\nApprove this person?"
    ).format(name=esc(notice.name), riziv=RizivNumber(notice.riziv) if notice.riziv else "–")


def _member_joined(t: Translator, notice: MemberJoined, kring: Kring) -> str:
    return t.gettext("{name} has joined {kring} as {role} with your invitation.").format(
        name=esc(notice.name),
        kring=esc(kring.name),
        role=texts.role_name(t, notice.role),
    )


def _join_approved(t: Translator, notice: JoinApproved, kring: Kring) -> str:
    return t.gettext(
        "Your membership of {kring} has been approved: welcome! Send /help to see what you can do."
    ).format(kring=esc(kring.name))


def _join_rejected(t: Translator, notice: JoinRejected, kring: Kring) -> str:
    return t.gettext(
        "Your membership request for {kring} was not approved. For questions, contact {contact}."
    ).format(kring=esc(kring.name), contact=esc(kring.contact))


def _ops_error(t: Translator, notice: OpsError, kring: Kring) -> str:
    return t.gettext(
        "⚠️ <b>Error in the bot</b>: {signature} (reference {reference}), {count} time(s) "
        "since the last report. The log has the details."
    ).format(
        signature=esc(notice.signature),
        reference=esc(notice.reference),
        count=notice.count,
    )


NOTICES = (
    Renderer(
        JoinRequest,
        _join_request,
        lambda t, notice: buttons.join_decision(t, notice.member_id),
    ),
    Renderer(MemberJoined, _member_joined),
    Renderer(JoinApproved, _join_approved),
    Renderer(JoinRejected, _join_rejected),
    Renderer(OpsError, _ops_error),
)
