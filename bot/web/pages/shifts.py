"""The member's own shifts."""

from starlette.requests import Request
from starlette.responses import Response

from bot.core.audience import Audience
from bot.web.console import Page, Viewer


async def my_shifts(request: Request, viewer: Viewer) -> Response:
    shifts = await viewer.services.console.my_shifts(viewer.member)
    return viewer.page("shifts.html", viewer.t.gettext("My shifts"), shifts=shifts)


PAGES = [Page("/", Audience.MEMBER, my_shifts, nav=lambda t: t.gettext("My shifts"))]
