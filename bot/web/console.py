"""The console: a Telegram Mini App served by the bot's own web server.

Telegram opens `/app/` with signed initData in the page; the shell page posts it to
`/app/session`, which checks it (bot.web.initdata), finds the member and answers with the address
of this session's pages, `/app/s/<session>/…`. The session is in the path rather than a cookie:
Telegram's web and desktop clients show the app in a frame, where cookies are third-party. Each
page declares its audience (bot.core.audience), the same rules the bot's commands use.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from bot.core.audience import Audience, member_audience
from bot.core.console import Mark
from bot.core.membership import language_for
from bot.core.models import Member
from bot.core.services import Services
from bot.i18n import Translator, translator
from bot.web.initdata import InvalidInitData, Sessions, validate_init_data

TEMPLATES = Path(__file__).resolve().parent / "templates"
TELEGRAM_WEBAPP_JS = "https://telegram.org/js/telegram-web-app.js"  # as Telegram documents
MAX_FORM_BYTES = 16_384  # initData is a few hundred bytes


@dataclass(frozen=True)
class Viewer:
    member: Member
    t: Translator
    base: str  # this session's address prefix, /app/s/<session>


@dataclass(frozen=True)
class Page:
    path: str  # under the session's prefix
    audience: Audience
    render: Callable[[Request, Viewer], Awaitable[Response]]


@cache
def _environment(language: str, timezone: str) -> Environment:
    t = translator(language, timezone)
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
    )
    environment.install_gettext_callables(t.gettext, t.ngettext, newstyle=False)  # type: ignore[attr-defined]
    return environment


class Console:
    def __init__(self, services: Services, bot_token: str, webapp_js: str = TELEGRAM_WEBAPP_JS):
        self._services = services
        self._token = bot_token
        self._sessions = Sessions(bot_token)
        self._webapp_js = webapp_js
        self._pages = [
            Page("/", Audience.MEMBER, self._my_shifts),
            Page("/roster", Audience.MANAGER, self._roster),
        ]

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/app/", self._shell),
            Route("/app/session", self._open_session, methods=["POST"]),
            *(Route(f"/app/s/{{session}}{page.path}", self._guarded(page)) for page in self._pages),
        ]

    def _html(self, t: Translator, template: str, status: int = 200, **values: Any) -> Response:
        environment = _environment(t.language, self._services.kring.timezone)
        body = environment.get_template(template).render(t=t, webapp_js=self._webapp_js, **values)
        return HTMLResponse(body, status_code=status, headers={"Referrer-Policy": "no-referrer"})

    def _translator(self, request: Request, member: Member | None = None) -> Translator:
        kring = self._services.kring
        if member is not None:
            return translator(member.language, kring.timezone)
        wanted = request.headers.get("accept-language", "")[:2]
        return translator(language_for(wanted, kring.default_language), kring.timezone)

    async def _shell(self, request: Request) -> Response:
        t = self._translator(request)
        return self._html(
            t, "shell.html", title=self._services.kring.name, session_url="/app/session", next=""
        )

    async def _open_session(self, request: Request) -> Response:
        body = await request.body()
        form = parse_qs(body[:MAX_FORM_BYTES].decode(errors="replace"))
        t = self._translator(request)
        try:
            person = validate_init_data((form.get("init_data") or [""])[0], self._token)
        except InvalidInitData:
            return PlainTextResponse(t.gettext("This console could not check who you are."), 403)
        member = await self._services.console.person(person.telegram_id)
        if member_audience(member) is None:
            return PlainTextResponse(
                t.gettext("The console is for active members of the kring."), 403
            )
        session = self._sessions.issue(person.telegram_id)
        return JSONResponse({"url": f"/app/s/{quote(session)}/"})

    def _guarded(self, page: Page) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            session = request.path_params["session"]
            telegram_id = self._sessions.telegram_id(session)
            member = await self._services.console.person(telegram_id) if telegram_id else None
            have = member_audience(member)
            if member is None or have is None:
                t = self._translator(request)
                return PlainTextResponse(
                    t.gettext("Your session has ended: open the console again from the bot."), 403
                )
            t = self._translator(request, member)
            if have < page.audience:
                return PlainTextResponse(
                    t.gettext("Only the coordinator and staff see this page."), 403
                )
            return await page.render(request, Viewer(member, t, f"/app/s/{quote(session)}"))

        return endpoint

    def _page(self, viewer: Viewer, template: str, title: str, **values: Any) -> Response:
        manager = (member_audience(viewer.member) or Audience.MEMBER) >= Audience.MANAGER
        return self._html(
            viewer.t, template, title=title, base=viewer.base, manager=manager, **values
        )

    async def _my_shifts(self, request: Request, viewer: Viewer) -> Response:
        shifts = await self._services.console.my_shifts(viewer.member)
        return self._page(viewer, "shifts.html", viewer.t.gettext("My shifts"), shifts=shifts)

    async def _roster(self, request: Request, viewer: Viewer) -> Response:
        month = await self._services.console.roster_month(
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
        return self._page(
            viewer,
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
