"""The coordinator's roster: a zone's month as a grid, with what needs their eye marked."""

from datetime import date

from starlette.requests import Request
from starlette.responses import Response

from bot.core.audience import Audience
from bot.core.console import Mark
from bot.web.console import Page, Viewer


async def roster(request: Request, viewer: Viewer) -> Response:
    month = await viewer.services.console.roster_month(
        viewer.member,
        request.query_params.get("zone"),
        _month(request.query_params.get("month")),
    )
    t = viewer.t
    labels = {
        Mark.UNCOVERED: t.gettext("no doctor"),
        Mark.DOUBLE_BOOKED: t.gettext("double booking"),
        Mark.BACK_TO_BACK: t.gettext("back-to-back"),
        Mark.EXEMPT: t.gettext("exempt"),
    }
    return viewer.page(
        "roster.html",
        t.gettext("Roster {zone}").format(zone=month.zone),
        month=month,
        marks=list(Mark),
        labels=labels,
    )


def _month(value: str | None) -> date | None:
    """`2026-12` → 1 December 2026; anything else: this month."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return None


PAGES = [Page("/roster", Audience.MANAGER, roster, nav=lambda t: t.gettext("Roster"))]
