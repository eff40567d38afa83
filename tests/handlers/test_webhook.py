"""The webhook server lets in only requests with the secret, compared in constant time."""

import hmac
import socket

import httpx
import pytest
from pydantic import SecretStr

from bot import webhook
from bot.config import Settings
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness

SECRET = "s3cret-header-value"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_only_the_secret_lets_an_update_in_and_it_is_compared_in_constant_time(
    bot: Harness, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[bytes] = []
    constant_time = hmac.compare_digest

    def spy(given: bytes, expected: bytes) -> bool:
        compared.append(given)
        return constant_time(given, expected)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    port = _free_port()
    settings = settings.model_copy(
        update={
            "webhook_url": "https://kring.example/hook",
            "webhook_secret": SecretStr(SECRET),
            "webhook_listen": "127.0.0.1",
            "webhook_port": port,
        }
    )
    update = {
        "update_id": 7,
        "message": {
            "message_id": 1,
            "date": 1,
            "chat": {"id": demo("ann").id, "type": "private"},
            "text": "/help",
        },
    }
    async with webhook.serving(bot.app, settings), httpx.AsyncClient() as client:
        url = f"http://127.0.0.1:{port}/"
        header = webhook.SECRET_HEADER
        almost = await client.post(url, json=update, headers={header: SECRET[:-1] + "!"})
        missing = await client.post(url, json=update)
        garbage = await client.post(url, content=b"{not json", headers={header: SECRET})
        right = await client.post(url, json=update, headers={header: SECRET})

    assert [almost.status_code, missing.status_code] == [403, 403]
    assert [garbage.status_code, right.status_code] == [400, 200]
    assert compared == [(SECRET[:-1] + "!").encode(), b"", SECRET.encode(), SECRET.encode()]
    assert bot.app.update_queue.qsize() == 1  # only the update with the secret
    [registered] = [c for c in bot.request.calls if c.method == "setWebhook"]
    assert registered.params["secret_token"] == SECRET
