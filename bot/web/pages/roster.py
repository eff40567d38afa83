"""The coordinator's roster: a zone's month as a grid, with what needs their eye marked; pending
swaps decided in place and a shift given to an eligible colleague, through the same SwapService
calls as /approvals and /roster in the chat (so both members get the same messages)."""

from datetime import date

from starlette.requests import Request
from starlette.responses import Response

from bot.core.audience import Audience
from bot.core.console import Mark
from bot.core.errors import DomainError
from bot.core.swap_views import Unavailable
from bot.web.console import Page, Viewer


async def roster(request: Request, viewer: Viewer, error: str = "", status: int = 200) -> Response:
    query = request.query_params if request.method == "GET" else viewer.form
    month = await viewer.services.console.roster_month(
        viewer.member, query.get("zone"), month_of(query.get("month"))
    )
    t = viewer.t
    labels = {
        Mark.UNCOVERED: t.gettext("no doctor"),
        Mark.DOUBLE_BOOKED: t.gettext("double booking"),
        Mark.BACK_TO_BACK: t.gettext("back-to-back"),
        Mark.EXEMPT: t.gettext("exempt"),
        Mark.SWAP: t.gettext("swap pending"),
    }
    return viewer.page(
        "roster.html",
        t.gettext("Roster {zone}").format(zone=month.zone),
        status,
        month=month,
        marks=list(Mark),
        labels=labels,
        now=viewer.services.clock.now(),
        notice=_notice(viewer, request.query_params.get("done")),
        error=error,
    )


async def decide(request: Request, viewer: Viewer) -> Response:
    """Approve or reject a swap a colleague took (POST from the grid)."""
    form, t = viewer.form, viewer.t
    request_id = number(form.get("request"))
    reason = " ".join(form.get("reason", "").split())
    if request_id is None or form.get("decision") not in ("approve", "reject"):
        return await roster(request, viewer, t.gettext("This swap request is unknown."), 400)
    if form["decision"] == "reject" and not reason:
        return await roster(request, viewer, t.gettext("Give a reason for the rejection."), 400)
    swaps = viewer.services.swaps
    try:
        if form["decision"] == "approve":
            await swaps.approve(viewer.member, request_id)
        else:
            await swaps.reject(viewer.member, request_id, reason)
    except DomainError as refused:
        return await roster(request, viewer, viewer.explain(refused), 409)
    done = "approved" if form["decision"] == "approve" else "rejected"
    return viewer.redirect("/roster", **_back(form), done=done)


async def assign(request: Request, viewer: Viewer) -> Response:
    """Give a shift to a colleague: the picker lists only who may take it (zone, exemption,
    rest), the others with the reason; a POST assigns as /roster's "give to" does."""
    form = viewer.form if request.method == "POST" else dict(request.query_params)
    t = viewer.t
    shift_id = number(form.get("shift"))
    if shift_id is None:
        return viewer.refuse(t.gettext("This shift is unknown."), 400)
    swaps = viewer.services.swaps
    try:
        shift, found = await swaps.assign_candidates(viewer.member, shift_id)
    except DomainError as refused:
        return viewer.refuse(viewer.explain(refused), 409)
    error = ""
    if request.method == "POST":
        member_id = number(form.get("member"))
        try:
            if member_id is None:
                error = t.gettext("Choose a colleague from the list.")
            else:  # a shift without a doctor gets one; an assigned one changes hands
                give = swaps.cover if shift.assignee_id is None else swaps.assign
                await give(viewer.member, shift_id, member_id)
                return viewer.redirect("/roster", **_back(form), done="assigned")
        except DomainError as refused:
            error = viewer.explain(refused)
    reasons = {
        Unavailable.EXEMPT: t.gettext("exempt"),
        Unavailable.ON_DUTY: t.gettext("on duty around this shift"),
    }
    return viewer.page(
        "roster_assign.html",
        t.gettext("Give a shift to a colleague"),
        400 if error else 200,
        shift=shift,
        free=sorted(found.free, key=lambda member: member.name or ""),
        unavailable=[(member, reasons[why]) for member, why in found.unavailable],
        back=_back(form),
        error=error,
    )


def _notice(viewer: Viewer, done: str | None) -> str:
    t = viewer.t
    return {
        "approved": t.gettext("The swap is approved; both colleagues have been told."),
        "rejected": t.gettext("The swap is rejected; both colleagues have been told."),
        "assigned": t.gettext("The shift is assigned; the colleagues have been told."),
    }.get(done or "", "")


def _back(form: dict[str, str]) -> dict[str, str]:
    """The zone and month to return to after a change."""
    return {name: form[name] for name in ("zone", "month") if form.get(name)}


def number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 12 else None


def month_of(value: str | None) -> date | None:
    """`2026-12` → 1 December 2026; anything else: this month."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return None


PAGES = [
    Page("/roster", Audience.MANAGER, roster, nav=lambda t: t.gettext("Roster")),
    Page("/roster/decide", Audience.MANAGER, decide, ("POST",)),
    Page("/roster/assign", Audience.MANAGER, assign, ("GET", "POST")),
]
