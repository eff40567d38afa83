"""The bot's one web server: Telegram's webhook, the calendar feeds and the health check.

Starlette on uvicorn, as in python-telegram-bot's own custom-webhook examples: an ASGI app in
the bot's event loop, so a webhook update goes straight onto the Application's update queue
and a page reads through the same services as the handlers. With a webhook it listens on
WEBHOOK_PORT; when polling, on WEB_PORT.
"""

import asyncio
import contextlib
import hmac
import logging
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

from bot.core.services import Services
from bot.web.console import CHAT_KEY, TELEGRAM_WEBAPP_JS, Console
from bot.web.feeds import feed_file
from bot.web.health import Health
from bot.web.pages import PAGES

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@dataclass(frozen=True)
class WebSettings:
    listen: str
    port: int
    webhook_path: str | None = None  # None: no webhook (polling)
    webhook_secret: str = ""
    webapp_js: str = TELEGRAM_WEBAPP_JS  # Telegram's script for Mini Apps (tests: a stand-in)


def build_web_app(
    app: Application[Any, Any, Any, Any, Any, Any],
    services: Services,
    health: Health,
    settings: WebSettings,
) -> Starlette:
    async def webhook(request: Request) -> Response:
        sent = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(sent.encode(), settings.webhook_secret.encode()):
            return PlainTextResponse("Forbidden", status_code=403)
        try:
            update = Update.de_json(await request.json(), app.bot)
        except Exception:  # not JSON, or not an update; its body is not logged (member text)
            log.warning("webhook: a request with the right secret was not an update")
            return PlainTextResponse("Bad Request", status_code=400)
        await app.update_queue.put(update)
        return PlainTextResponse("OK")

    async def feed(request: Request) -> Response:
        content = await services.feeds.content(request.path_params["token"])
        if content is None:
            return PlainTextResponse("Not Found", status_code=404)
        return Response(
            feed_file(content, services),
            media_type="text/calendar; charset=utf-8",
            headers={"Cache-Control": "no-store"},
        )

    async def healthz(request: Request) -> Response:
        report = await health.check()
        return JSONResponse(report.as_json(), status_code=200 if report.healthy else 503)

    # The webhook first: every update is matched against the routes before it, one by one.
    routes = (
        []
        if settings.webhook_path is None
        else [Route(settings.webhook_path, webhook, methods=["POST"])]
    )
    routes += [
        Route("/healthz", healthz),
        Route("/feeds/{token}.ics", feed),
        *Console(
            services, app.bot.token, PAGES, settings.webapp_js, app.bot_data.get(CHAT_KEY)
        ).routes(),
    ]
    return Starlette(routes=routes)


class _QuietServer(uvicorn.Server):
    """uvicorn without its own signal handlers: the bot's loop already stops on SIGINT and
    SIGTERM and stops this server in turn (uvicorn's would replace them)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None]:
        yield


class WebServer:
    """uvicorn in the running event loop, started and stopped with the bot."""

    def __init__(self, asgi: Starlette, settings: WebSettings) -> None:
        config = uvicorn.Config(
            asgi,
            host=settings.listen,
            port=settings.port,
            log_level="warning",
            access_log=False,
            lifespan="off",
        )
        self._server = _QuietServer(config)
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._server.serve())
        while not self._server.started:
            if self._task.done():
                await self._task  # raises why it could not start (e.g. the port is taken)
                raise OSError(
                    f"the web server stopped at start-up on port {self._server.config.port}"
                )
            await asyncio.sleep(0.01)

    @property
    def port(self) -> int:
        """The port it listens on (the one the system chose, when asked for port 0)."""
        [server] = self._server.servers
        return int(server.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        if self._task is None:
            return
        self._server.should_exit = True
        await self._task
        self._task = None
