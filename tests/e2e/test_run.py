"""`kringbot run` with a token, as a real process: polling and webhook, against the emulator."""

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest

from bot.emulator import Emulator

ROOT = Path(__file__).resolve().parent.parent.parent
TOKEN = "987654:kringbot-e2e-secret-token"


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    emulator = Emulator(token=TOKEN, loopback_webhooks=True)
    await emulator.start()
    yield emulator
    await emulator.stop()


async def eventually(check: Callable[[], bool], what: str, seconds: float = 60) -> None:
    """Poll: the bot is another process, so there is no event to wait on."""
    async with asyncio.timeout(seconds):
        while not check():  # noqa: ASYNC110
            await asyncio.sleep(0.05)
    assert check(), what


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def start_bot(tmp_path: Path, emulator: Emulator, *args: str, **env: str):  # type: ignore[no-untyped-def]
    environment = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "DATABASE_URL": f"sqlite:///{tmp_path}/bot.db",
        "LOG_LEVEL": "DEBUG",
        "WEB_PORT": str(free_port()),
        "SEMANTIC_SEARCH": "false",  # embedding the knowledge base takes minutes
        **env,
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        "--api-base",
        emulator.base_url,
        *args,
        cwd=ROOT,
        env=environment,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def healthz(port: int) -> object:
    """The health report, once the web server is up (it starts after the command menu)."""
    async with httpx.AsyncClient() as client, asyncio.timeout(30):
        while True:
            try:
                return (await client.get(f"http://127.0.0.1:{port}/healthz")).json()
            except httpx.ConnectError:
                await asyncio.sleep(0.05)


def replied_to(emulator: Emulator, handle: str) -> bool:
    return any(action["to"] == handle for action in emulator.outbox())


async def stop(process) -> str:  # type: ignore[no-untyped-def]
    """SIGTERM, as a service manager stops the bot: it exits cleanly, its connections closed."""
    process.send_signal(signal.SIGTERM)
    _, stderr = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, stderr.decode()
    assert "Unclosed" not in stderr.decode()  # aiohttp's complaint about an open session
    return str(stderr.decode())


async def test_polling_against_an_api_base(tmp_path: Path, emulator: Emulator) -> None:
    web_port = free_port()
    bot = await start_bot(tmp_path, emulator, WEB_PORT=str(web_port))
    await eventually(lambda: "nl" in emulator.commands, "the command menu is published")
    health = await healthz(web_port)  # the web server listens beside the polling
    assert health == {"database": "ok", "sender": "ok"}
    emulator.send_message("stranger", "/help")
    await eventually(lambda: replied_to(emulator, "stranger"), "the stranger gets an answer")
    [reply] = [a for a in emulator.outbox() if a["to"] == "stranger"]
    assert "geen lid" in reply["text"]
    logs = await stop(bot)
    assert "kringbot is running" in logs
    assert TOKEN.split(":")[1] not in logs  # the token never reaches the logs


async def test_webhook_mode_checks_the_secret(tmp_path: Path, emulator: Emulator) -> None:
    port = free_port()
    bot = await start_bot(
        tmp_path,
        emulator,
        "--webhook",
        WEBHOOK_URL=f"http://127.0.0.1:{port}/",
        WEBHOOK_SECRET="s3cret-header-value",
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
    )
    await eventually(lambda: "nl" in emulator.commands, "the command menu is published")
    emulator.send_message("stranger", "/help")
    await eventually(lambda: replied_to(emulator, "stranger"), "the webhook delivers updates")
    async with httpx.AsyncClient() as client:
        forged = await client.post(
            f"http://127.0.0.1:{port}/",
            json={"update_id": 99, "message": {}},
            headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"},
        )
    assert forged.status_code == 403
    assert await healthz(port) == {"database": "ok", "sender": "ok"}  # on the webhook's port
    await stop(bot)


async def test_webhook_mode_needs_its_settings(tmp_path: Path, emulator: Emulator) -> None:
    bot = await start_bot(tmp_path, emulator, "--webhook", WEBHOOK_URL="", WEBHOOK_SECRET="")
    _, stderr = await asyncio.wait_for(bot.communicate(), 60)
    assert bot.returncode != 0
    assert "WEBHOOK_URL and WEBHOOK_SECRET" in stderr.decode()


@pytest.mark.parametrize("webhook", [False, True], ids=["polling", "webhook"])
async def test_a_rejected_token_is_one_line_that_does_not_print_it(
    tmp_path: Path, emulator: Emulator, webhook: bool
) -> None:
    """PTB's InvalidToken quotes the token; neither stream shows it, whatever the mode."""
    wrong = "987654:this-token-was-revoked-by-botfather"
    port = free_port()
    mode = ["--webhook"] if webhook else []
    bot = await start_bot(
        tmp_path,
        emulator,
        *mode,
        TELEGRAM_BOT_TOKEN=wrong,
        WEBHOOK_URL=f"http://127.0.0.1:{port}/",
        WEBHOOK_SECRET="s3cret-header-value",
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
    )
    stdout, stderr = await asyncio.wait_for(bot.communicate(), 60)
    assert bot.returncode == 2
    output = stdout.decode() + stderr.decode()
    assert "Traceback" not in output and wrong.split(":")[1] not in output
    assert "kringbot: Telegram refused the bot token" in stderr.decode()


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://kring.example/hook", "must be an https:// URL"),
        ("https://kring.example:8080/hook", "must use port 443, 80, 88 or 8443"),
    ],
)
async def test_a_webhook_url_telegram_refuses_stops_the_start(
    tmp_path: Path, emulator: Emulator, url: str, problem: str
) -> None:
    bot = await start_bot(tmp_path, emulator, "--webhook", WEBHOOK_URL=url, WEBHOOK_SECRET="s")
    _, stderr = await asyncio.wait_for(bot.communicate(), 60)
    assert bot.returncode == 2
    [line] = [line for line in stderr.decode().splitlines() if line.startswith("kringbot:")]
    assert problem in line and url in line
