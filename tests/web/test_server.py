"""The one web server: Telegram's webhook (its secret checked in constant time) and /healthz."""

import hmac

import httpx
import pytest

from bot.services import Wiring
from bot.web.health import Health
from bot.web.server import SECRET_HEADER, WebSettings, build_web_app
from tests.handlers.harness import Harness
from tests.web.conftest import WEBHOOK_SECRET

UPDATE = {
    "update_id": 77,
    "message": {
        "message_id": 1,
        "date": 1_700_000_000,
        "chat": {"id": 555, "type": "private"},
        "from": {"id": 555, "is_bot": False, "first_name": "Nobody"},
        "text": "/help",
    },
}


async def test_the_webhook_takes_updates_only_with_telegrams_secret(
    bot: Harness, web: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[bytes] = []
    constant_time = hmac.compare_digest

    def spy(given: bytes, expected: bytes) -> bool:  # PTB's own server compares with !=
        compared.append(given)
        return constant_time(given, expected)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    queue = bot.app.update_queue
    for secret in ("wrong", "", WEBHOOK_SECRET[:-1]):
        forged = await web.post("/telegram", json=UPDATE, headers={SECRET_HEADER: secret})
        assert forged.status_code == 403
    assert (await web.post("/telegram", json=UPDATE)).status_code == 403  # no header at all
    not_an_update = {SECRET_HEADER: WEBHOOK_SECRET}
    assert (
        await web.post("/telegram", content=b"{not json", headers=not_an_update)
    ).status_code == 400
    assert (await web.post("/telegram", json={"x": 1}, headers=not_an_update)).status_code == 400
    assert queue.empty()
    assert compared[:4] == [b"wrong", b"", WEBHOOK_SECRET[:-1].encode(), b""]
    genuine = await web.post("/telegram", json=UPDATE, headers={SECRET_HEADER: WEBHOOK_SECRET})
    assert genuine.status_code == 200
    assert (await queue.get()).update_id == 77


async def test_health_says_whether_the_database_answers(
    bot: Harness, wiring: Wiring, web: httpx.AsyncClient
) -> None:
    healthy = await web.get("/healthz")
    assert healthy.status_code == 200
    assert healthy.json() == {"database": "ok", "sender": "ok"}

    async def unreachable() -> None:
        raise ConnectionRefusedError("the database is down")

    down = build_web_app(
        bot.app, wiring.services, Health(unreachable, lambda: None, 2.0), WebSettings("", 0)
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=down), base_url="http://kring.test"
    ) as client:
        report = await client.get("/healthz")
    assert report.status_code == 503 and report.json()["database"] == "unreachable"


async def test_health_reports_a_stalled_sender(bot: Harness, wiring: Wiring) -> None:
    async def fine() -> None:
        return None

    long_ago = -1_000_000.0  # time.monotonic() of a tick that ran long ago
    stalled = build_web_app(
        bot.app, wiring.services, Health(fine, lambda: long_ago, 2.0), WebSettings("", 0)
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=stalled), base_url="http://kring.test"
    ) as client:
        report = await client.get("/healthz")
    assert report.status_code == 503 and report.json() == {"database": "ok", "sender": "stalled"}
