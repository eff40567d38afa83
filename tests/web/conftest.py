from collections.abc import AsyncIterator

import httpx
import pytest

from bot.services import Wiring
from bot.web.health import Health
from bot.web.server import WebServer, WebSettings, build_web_app
from store.db import ping
from tests.handlers.conftest import bot, kring_size, wiring  # noqa: F401  (fixtures)
from tests.handlers.harness import Harness

WEBHOOK_SECRET = "web-test-secret"


@pytest.fixture
async def web(bot: Harness, wiring: Wiring) -> AsyncIterator[httpx.AsyncClient]:  # noqa: F811
    """The bot's web server (webhook at /telegram, feeds, /healthz), spoken to in-process."""
    health = Health(lambda: ping(wiring.engine), lambda: None, tick_interval=2.0)
    settings = WebSettings("127.0.0.1", 0, "/telegram", WEBHOOK_SECRET)
    asgi = build_web_app(bot.app, wiring.services, health, settings)
    transport = httpx.ASGITransport(app=asgi)
    async with httpx.AsyncClient(transport=transport, base_url="http://kring.test") as client:
        yield client


@pytest.fixture
async def console(bot: Harness, wiring: Wiring) -> AsyncIterator[str]:  # noqa: F811
    """The bot's web server on a free loopback port, for a browser (tests/web/browser.py)."""
    health = Health(lambda: ping(wiring.engine), lambda: None, tick_interval=2.0)
    settings = WebSettings("127.0.0.1", 0)
    server = WebServer(build_web_app(bot.app, wiring.services, health, settings), settings)
    await server.start()
    yield f"http://127.0.0.1:{server.port}"
    await server.stop()
