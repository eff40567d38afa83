"""`make run` without a token: besides the terminal chat, a console address per demo person."""

import asyncio
import os
import sys
from pathlib import Path
from urllib.parse import unquote

import httpx

ROOT = Path(__file__).resolve().parent.parent.parent


async def test_the_demo_prints_a_console_address_for_each_person() -> None:
    terminal, keyboard = os.openpty()  # the chat is interactive only on a terminal
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=ROOT,
        stdin=keyboard,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
        env={
            **os.environ,
            "TELEGRAM_BOT_TOKEN": "",
            "DATABASE_URL": "sqlite:///:memory:",
            "SEMANTIC_SEARCH": "false",
        },
    )
    try:
        assert process.stdout is not None
        addresses: dict[str, str] = {}
        while len(addresses) < 6:
            line = (await asyncio.wait_for(process.stdout.readline(), 60)).decode()
            assert line, "the demo stopped before printing the console's addresses"
            if "/app/#tgWebAppData=" in line:
                handle, address = line.split()
                addresses[handle] = address
        assert set(addresses) == {"coord", "ann", "bart", "elise", "lotte", "tom"}
        origin, init_data = addresses["coord"].split("/app/#tgWebAppData=")
        async with httpx.AsyncClient(base_url=origin) as web:
            opened = await web.post("/app/session", data={"init_data": unquote(init_data)})
            assert opened.status_code == 200
            roster = await web.get(opened.json()["url"] + "roster")
            assert roster.status_code == 200 and "Rooster" in roster.text
    finally:
        os.write(terminal, b"\x04")  # Ctrl-D ends the chat
        try:
            await asyncio.wait_for(process.wait(), 30)
        finally:
            if process.returncode is None:
                process.kill()
            os.close(terminal)
            os.close(keyboard)
