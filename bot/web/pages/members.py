"""The members table for the coordinator and staff: find, filter, invite, decide join requests,
and (the coordinator) change a role or zone, suspend, reactivate or remove. Every change goes
through the chat's own services and rules (MembershipService, PrivacyService), and the member's
command menu follows at once, as after the same change in Telegram (Viewer.chat)."""

from collections.abc import Awaitable, Callable, Mapping

from starlette.requests import Request
from starlette.responses import Response

from bot.core.audience import Audience
from bot.core.errors import DomainError, NotAllowed
from bot.core.member_table import (
    INVITABLE_ROLES,
    LISTED,
    NO_ZONE,
    MemberFilter,
    grantable_roles,
    may_manage_members,
    member_table,
)
from bot.core.models import Member, MemberStatus, Role
from bot.web.console import Page, Viewer
from bot.web.pages.forms import BadChoice, chat_of, enum_value, number, refusal_text, required


async def members(request: Request, viewer: Viewer) -> Response:
    """The search and its pages are posted too: a name typed to find someone stays out of the
    address. The address only names the member just changed (an id) and what was done."""
    if request.method == "POST" and viewer.form.get("action") == "search":
        return await _show(viewer, _filter(viewer.form))
    if request.method == "POST":
        return await _change(viewer)
    query = request.query_params
    chosen = MemberFilter(member_id=number(query.get("member")))
    return await _show(viewer, chosen, notice=_notice(viewer, query.get("done", "")))


def _filter(form: Mapping[str, str]) -> MemberFilter:
    return MemberFilter(
        text=form.get("q", "")[:80],
        role=enum_value(Role, form.get("role")),
        zone=form.get("zone") or None,
        status=enum_value(MemberStatus, form.get("status")),
        page=number(form.get("page")) or 1,
    )


async def _show(
    viewer: Viewer,
    chosen: MemberFilter,
    *,
    notice: str = "",
    error: str = "",
    invite: str = "",
) -> Response:
    t, chat, services = viewer.t, chat_of(viewer), viewer.services
    everyone = await services.membership.members(viewer.member.telegram_id or 0)
    return viewer.page(
        "members.html",
        t.gettext("Members"),
        status=400 if error else 200,
        table=member_table(everyone, chosen),
        chosen=chosen,
        zones=await services.membership.zones(),
        no_zone=NO_ZONE,
        may_manage=may_manage_members(viewer.member),
        viewer_id=viewer.member.telegram_id,
        grantable=grantable_roles(viewer.member),
        roles={role: chat.role_name(t, role) for role in INVITABLE_ROLES},
        states={status: chat.status_name(t, status) for status in MemberStatus},
        listed_states=LISTED,
        notice=notice,
        error=error,
        invite=invite,
    )


async def _change(viewer: Viewer) -> Response:
    """One change per form; a refusal shows the chat's reply and changes nothing."""
    action = viewer.form.get("action", "")
    try:
        if action == "invite":
            return await _show(viewer, MemberFilter(), invite=await _invite(viewer))
        if action not in CHANGES:
            raise BadChoice(action)
        done, member_id = await CHANGES[action](viewer, _member_id(viewer))
    except NotAllowed:  # a manager (the page's audience) refused: a coordinator's change
        error = viewer.t.gettext("Only the coordinator can do this.")
        return await _show(viewer, MemberFilter(), error=error)
    except (BadChoice, DomainError) as refused:
        return await _show(viewer, MemberFilter(), error=refusal_text(viewer, refused))
    shown = {"member": str(member_id)} if member_id is not None else {}
    return viewer.redirect("/members", done=done, **shown)


async def _invite(viewer: Viewer) -> str:
    """The same invite as /invite, shown with the chat's text and link."""
    invite = await viewer.services.membership.create_invite(
        viewer.member.telegram_id, _role(viewer), _zone(viewer)
    )
    return chat_of(viewer).invite_text(viewer.t, invite)


Change = Callable[[Viewer, int], Awaitable[tuple[str, int | None]]]


async def _edit(viewer: Viewer, member_id: int) -> tuple[str, int | None]:
    """Role and zone from one row's form: the zone first, so an unknown zone changes nothing."""
    service, me = viewer.services.membership, viewer.member.telegram_id or 0
    role = _role(viewer)
    member = await service.managed(me, member_id)
    changed = member
    if (member.zone or None) != _zone(viewer):
        changed = await service.set_zone(me, member_id, _zone(viewer))
    if changed.role is not role:
        changed = await service.set_role(me, member_id, role)
    if changed is not member:
        await chat_of(viewer).menu_follows(changed)
    return "changed", member_id


async def _suspend(viewer: Viewer, member_id: int) -> tuple[str, int | None]:
    return await _set_active(viewer, member_id, active=False)


async def _reactivate(viewer: Viewer, member_id: int) -> tuple[str, int | None]:
    return await _set_active(viewer, member_id, active=True)


async def _set_active(viewer: Viewer, member_id: int, *, active: bool) -> tuple[str, int | None]:
    me = viewer.member.telegram_id or 0
    member = await viewer.services.membership.set_active(me, member_id, active)
    await chat_of(viewer).menu_follows(member)
    return ("reactivated" if active else "suspended"), member_id


async def _remove(viewer: Viewer, member_id: int) -> tuple[str, int | None]:
    """As the chat's "Remove from the kring": the member's data erased as with /forget."""
    member = await viewer.services.membership.managed(viewer.member.telegram_id or 0, member_id)
    await viewer.services.privacy.forget(viewer.member, member_id)
    if member.telegram_id is not None:
        await chat_of(viewer).menu_withdrawn(member.telegram_id)
    return "removed", None


async def _approve(viewer: Viewer, member_id: int) -> tuple[str, int | None]:
    member = await _decide(viewer, member_id, approve=True)
    await chat_of(viewer).menu_follows(member)
    return "approved", member_id


async def _reject(viewer: Viewer, member_id: int) -> tuple[str, int | None]:
    member = await _decide(viewer, member_id, approve=False)
    if member.telegram_id is not None:
        await chat_of(viewer).menu_withdrawn(member.telegram_id)
    return "rejected", None


async def _decide(viewer: Viewer, member_id: int, *, approve: bool) -> Member:
    role, zone = (_role(viewer), _zone(viewer)) if approve else (Role.GP, None)
    return await viewer.services.membership.decide_join_request(
        viewer.member.telegram_id or 0, member_id, approve=approve, role=role, zone=zone
    )


CHANGES: dict[str, Change] = {
    "edit": _edit,
    "suspend": _suspend,
    "reactivate": _reactivate,
    "remove": _remove,
    "approve": _approve,
    "reject": _reject,
}


def _notice(viewer: Viewer, done: str) -> str:
    t = viewer.t
    notices = {
        "changed": t.gettext("The role and zone are saved."),
        "suspended": t.gettext("The member is suspended: the bot no longer serves them."),
        "reactivated": t.gettext("The member is active again."),
        "removed": t.gettext("The member is removed from the kring."),
        "approved": t.gettext("The request is approved; the member has been told."),
        "rejected": t.gettext("The request is rejected; the person has been told."),
    }
    return notices.get(done, "")


def _role(viewer: Viewer) -> Role:
    return required(Role, viewer.form.get("role"))


def _zone(viewer: Viewer) -> str | None:
    """A zone the service checks (match_zone); none for the "no zone" choice."""
    zone = viewer.form.get("zone", "").strip()[:40]
    return None if zone in ("", NO_ZONE) else zone


def _member_id(viewer: Viewer) -> int:
    member_id = number(viewer.form.get("member"))
    if member_id is None:
        raise BadChoice("member")
    return member_id


PAGES = [
    Page("/members", Audience.MANAGER, members, ("GET", "POST"), nav=lambda t: t.gettext("Members"))
]
