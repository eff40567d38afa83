"""The console: a Telegram Mini App served by the bot's own web server.

Telegram opens `/app/` with signed initData in the page; the shell page posts it to
`/app/session`, which checks it (bot.web.initdata), finds the member and answers with the address
of this session's pages, `/app/s/<session>/…`. The session is in the path rather than a cookie:
Telegram's web and desktop clients show the app in a frame, where cookies are third-party.

The pages themselves live per feature in bot.web.pages; each declares its audience
(bot.core.audience), the same rules the bot's commands use. This module guards them: a live
session of an active member with the page's audience; for a change (POST) also the session's
CSRF token, the page's own origin and the bot's flood limit.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from bot.core.audience import Audience, member_audience
from bot.core.flood import Flow
from bot.core.membership import language_for
from bot.core.models import Member
from bot.core.services import Services
from bot.i18n import Translator, translator
from bot.web.initdata import InvalidInitData, Sessions, validate_init_data

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"
TELEGRAM_WEBAPP_JS = "https://telegram.org/js/telegram-web-app.js"  # as Telegram documents
# Scripts from us and Telegram only; pages framed by Telegram's web clients (and opened on their
# own); forms post back to us. Styles may be inline (Telegram's theme sets them from its script).
SECURITY_HEADERS = {
    "Content-Security-Policy": "; ".join(
        [
            "default-src 'none'",
            "script-src 'self' https://telegram.org",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org",
        ]
    ),
    # The session is in the address: no other site gets it as a referrer. Not "no-referrer":
    # under it browsers send `Origin: null` with a form's POST, which the origin check refuses.
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
}
MAX_FORM_BYTES = 16_384  # initData is a few hundred bytes; the longest form an announcement


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


async def read_form(request: Request) -> dict[str, str]:
    """An url-encoded form (the console's forms post no files): the first value of each field."""
    body = (await request.body())[:MAX_FORM_BYTES]
    return {name: values[0] for name, values in parse_qs(body.decode(errors="replace")).items()}


@dataclass(frozen=True)
class Viewer:
    """Who is looking, in their language, and what a page needs to answer them."""

    member: Member
    t: Translator
    services: Services
    base: str  # this session's address prefix, /app/s/<session>
    csrf: str  # the token every form of this session carries (field `csrf`)
    html: Callable[..., Response]
    navigation: list[tuple[str, str]]  # (label, address) of the pages this viewer may open
    form: dict[str, str] = field(default_factory=dict)  # a POST's fields, already checked

    @property
    def audience(self) -> Audience:
        return member_audience(self.member) or Audience.MEMBER

    def page(self, template: str, title: str, status: int = 200, **values: Any) -> Response:
        """A console page (templates extend page.html: the header, the navigation)."""
        return self.html(
            self.t,
            template,
            status,
            title=title,
            base=self.base,
            csrf=self.csrf,
            navigation=self.navigation,
            **values,
        )

    def redirect(self, path: str, **query: str) -> Response:
        """After a change: back to a page (post/redirect/get), `query` saying what was done —
        codes, never personal data."""
        suffix = f"?{urlencode(query)}" if query else ""
        return RedirectResponse(f"{self.base}{path}{suffix}", status_code=303)

    def refuse(self, text: str, status: int = 400) -> Response:
        return PlainTextResponse(text, status)


@dataclass(frozen=True)
class Page:
    path: str  # under the session's prefix
    audience: Audience
    render: Callable[[Request, Viewer], Awaitable[Response]]
    methods: tuple[str, ...] = ("GET",)  # a POST is a change: CSRF-checked and flood-limited
    nav: Callable[[Translator], str] | None = None  # its link's label in the navigation, if any


class Console:
    def __init__(
        self,
        services: Services,
        bot_token: str,
        pages: list[Page],
        webapp_js: str = TELEGRAM_WEBAPP_JS,
    ):
        self._services = services
        self._token = bot_token
        self._sessions = Sessions(bot_token)
        self._webapp_js = webapp_js
        self._pages = pages

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/app/", self._shell),
            Route("/app/session", self._open_session, methods=["POST"]),
            Mount("/app/static", StaticFiles(directory=STATIC), name="static"),
            *(
                Route(f"/app/s/{{session}}{page.path}", self._guarded(page), methods=page.methods)
                for page in self._pages
            ),
        ]

    def _html(self, t: Translator, template: str, status: int = 200, **values: Any) -> Response:
        environment = _environment(t.language, self._services.kring.timezone)
        body = environment.get_template(template).render(t=t, webapp_js=self._webapp_js, **values)
        return HTMLResponse(body, status_code=status, headers=SECURITY_HEADERS)

    def _translator(self, request: Request, member: Member | None = None) -> Translator:
        kring = self._services.kring
        if member is not None:
            return translator(member.language, kring.timezone)
        wanted = request.headers.get("accept-language", "")[:2]
        return translator(language_for(wanted, kring.default_language), kring.timezone)

    async def _shell(self, request: Request) -> Response:
        t = self._translator(request)
        return self._html(
            t, "shell.html", title=self._services.kring.name, session_url="/app/session"
        )

    async def _open_session(self, request: Request) -> Response:
        form = await read_form(request)
        t = self._translator(request)
        try:
            person = validate_init_data(form.get("init_data", ""), self._token)
        except InvalidInitData:
            return PlainTextResponse(t.gettext("This console could not check who you are."), 403)
        member = await self._services.console.person(person.telegram_id)
        if member_audience(member) is None:
            return PlainTextResponse(
                t.gettext("The console is for active members of the kring."), 403
            )
        session = self._sessions.issue(person.telegram_id)
        return JSONResponse({"url": f"/app/s/{quote(session)}/{self._start(form.get('page'))}"})

    def _start(self, wanted: str | None) -> str:
        """The page a bot button opens (`/app/?page=announcements`), if there is such a page."""
        return wanted if wanted and any(p.path == f"/{wanted}" for p in self._pages) else ""

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
            form: dict[str, str] = {}
            if request.method == "POST":
                form = await read_form(request)
                refusal = await self._refuse_change(request, member.telegram_id, form, session, t)
                if refusal is not None:
                    return refusal
            base = f"/app/s/{quote(session)}"
            navigation = [
                (other.nav(t), f"{base}{other.path}")
                for other in self._pages
                if other.nav is not None and have >= other.audience
            ]
            viewer = Viewer(
                member,
                t,
                self._services,
                base,
                self._sessions.csrf(session),
                self._html,
                navigation,
                form,
            )
            return await page.render(request, viewer)

        return endpoint

    async def _refuse_change(
        self,
        request: Request,
        telegram_id: int | None,
        form: dict[str, str],
        session: str,
        t: Translator,
    ) -> Response | None:
        """A change is made only from this session's own pages (its CSRF token, our origin),
        and no faster than the bot lets a person type."""
        origin = request.headers.get("origin")
        if origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}":
            return PlainTextResponse(t.gettext("This change did not come from the console."), 403)
        if not self._sessions.csrf_matches(session, form.get("csrf", "")):
            return PlainTextResponse(t.gettext("This change did not come from the console."), 403)
        if telegram_id is None or await self._services.flood.check(telegram_id) is not Flow.OK:
            return PlainTextResponse(
                t.gettext("You are making changes faster than I can follow. Wait a minute."), 429
            )
        return None
