"""The member's own shifts as a month calendar, with "swap this shift": the same swap request
as /shifts in the chat (SwapService.request to every eligible colleague), followed in the chat."""

from datetime import date, timedelta

from starlette.requests import Request
from starlette.responses import Response

from bot.core.audience import Audience
from bot.core.errors import DomainError
from bot.core.models import SwapKind
from bot.web.console import Page, Viewer
from bot.web.pages.roster import month_of, number

MONDAY = date(2024, 1, 1)  # any Monday: the calendar's first column


async def my_shifts(
    request: Request, viewer: Viewer, error: str = "", status: int = 200
) -> Response:
    query = request.query_params if request.method == "GET" else viewer.form
    month = await viewer.services.console.my_month(viewer.member, month_of(query.get("month")))
    t = viewer.t
    asked = request.query_params.get("done") == "asked"
    return viewer.page(
        "shifts.html",
        t.gettext("My shifts"),
        status,
        month=month,
        weekdays=[MONDAY + timedelta(days=n) for n in range(7)],
        now=viewer.services.clock.now(),
        notice=t.gettext(
            "Your swap request has gone to your colleagues; you remain responsible for the "
            "shift until the swap is approved."
        )
        if asked
        else "",
        error=error,
    )


async def ask_swap(request: Request, viewer: Viewer) -> Response:
    form = viewer.form
    shift_id = number(form.get("shift"))
    kind = {"giveaway": SwapKind.GIVEAWAY, "swap": SwapKind.SWAP}.get(form.get("kind", ""))
    if shift_id is None or kind is None:
        return await my_shifts(request, viewer, viewer.t.gettext("This shift is unknown."), 400)
    try:
        await viewer.services.swaps.request(viewer.member, shift_id, kind)
    except DomainError as refused:
        return await my_shifts(request, viewer, viewer.explain(refused), 409)
    back = {"month": form["month"]} if form.get("month") else {}
    return viewer.redirect("/", **back, done="asked")


PAGES = [
    Page("/", Audience.MEMBER, my_shifts, nav=lambda t: t.gettext("My shifts")),
    Page("/swap", Audience.MEMBER, ask_swap, ("POST",)),
]
