"""What the console demands of every change (a POST): this session's CSRF token, our own
origin, and the bot's flood limit; and the security headers on every page. A small page that
records its changes stands in for the features' pages, which rely on this guard."""

import re
from collections.abc import AsyncIterator

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response

from bot.config import Settings
from bot.core.audience import Audience
from bot.services import Wiring
from bot.web.console import Console, Page, Viewer
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness
from tests.web.test_console import TOKEN, session

FLOOD_LIMIT = 5


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"flood_limit_per_minute": FLOOD_LIMIT})


@pytest.fixture
def changes() -> list[str]:
    return []


@pytest.fixture
async def web(bot: Harness, wiring: Wiring, changes: list[str]) -> AsyncIterator[httpx.AsyncClient]:
    async def note(request: Request, viewer: Viewer) -> Response:
        if request.method == "POST":
            changes.append(viewer.form.get("text", ""))
            return viewer.redirect("/note", done="noted")
        return viewer.page("page.html", "Note")

    console = Console(
        wiring.services, TOKEN, [Page("/note", Audience.MEMBER, note, ("GET", "POST"))]
    )
    transport = httpx.ASGITransport(app=Starlette(routes=console.routes()))
    async with httpx.AsyncClient(transport=transport, base_url="http://kring.test") as client:
        yield client


async def csrf_of(web: httpx.AsyncClient, base: str) -> str:
    page = await web.get(f"{base}/note")
    found = re.search(r'data-csrf="([0-9a-f]+)"', page.text)
    assert found is not None
    return found.group(1)


async def test_a_change_with_the_sessions_token_is_made(
    web: httpx.AsyncClient, changes: list[str]
) -> None:
    base = await session(web, demo("ann"))
    done = await web.post(f"{base}/note", data={"csrf": await csrf_of(web, base), "text": "hi"})
    assert done.status_code == 303 and done.headers["location"] == f"{base}/note?done=noted"
    assert changes == ["hi"]


async def test_a_change_without_the_token_or_from_elsewhere_is_refused(
    web: httpx.AsyncClient, changes: list[str]
) -> None:
    base = await session(web, demo("ann"))
    other = await session(web, demo("bart"))
    token = await csrf_of(web, base)
    attempts = [
        await web.post(f"{base}/note", data={"text": "no token"}),
        await web.post(f"{base}/note", data={"csrf": await csrf_of(web, other), "text": "x"}),
        await web.post(
            f"{base}/note",
            data={"csrf": token, "text": "cross-site"},
            headers={"Origin": "https://evil.example"},
        ),
    ]
    assert [attempt.status_code for attempt in attempts] == [403, 403, 403]
    assert "console" in attempts[0].text
    assert changes == []


async def test_changes_faster_than_the_flood_limit_are_refused(
    web: httpx.AsyncClient, changes: list[str]
) -> None:
    base = await session(web, demo("ann"))
    token = await csrf_of(web, base)
    statuses = [
        (await web.post(f"{base}/note", data={"csrf": token, "text": str(n)})).status_code
        for n in range(FLOOD_LIMIT + 2)
    ]
    assert statuses == [303] * FLOOD_LIMIT + [429, 429]
    assert len(changes) == FLOOD_LIMIT


async def test_pages_carry_the_security_headers(web: httpx.AsyncClient) -> None:
    base = await session(web, demo("ann"))
    page = await web.get(f"{base}/note")
    policy = page.headers["content-security-policy"]
    assert "frame-ancestors 'self' https://web.telegram.org" in policy
    assert "script-src 'self' https://telegram.org" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in page.text  # no inline script: the policy would block it
