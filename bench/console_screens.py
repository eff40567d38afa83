"""Screenshots of the console's members table for the README: the coordinator of the large demo
kring (about 200 members) on a phone (390×844) and a desktop (1280×800).

    PYTHONPATH=$PWD .venv/bin/python -m bench.console_screens [--out docs/screenshots]

Runs `kringbot web --seed demo --size large` on a fresh in-memory database and opens the
coordinator's address in headless Chromium (Telegram's script blocked, as offline). Other
screenshots (the roster grid, bench/console.py) can reuse `demo_console` and `shoot`.
"""

import argparse
import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}
STAND_IN = "https://telegram.org/js/telegram-web-app.js"


@asynccontextmanager
async def demo_console(size: str = "large") -> AsyncIterator[dict[str, str]]:
    """`kringbot web` running; yields each demo person's console address."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "web",
        "--seed",
        "demo",
        "--size",
        size,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        env={**os.environ, "TELEGRAM_BOT_TOKEN": "", "DATABASE_URL": "sqlite:///:memory:"},
    )
    try:
        assert process.stdout is not None
        lines = [await asyncio.wait_for(process.stdout.readline(), 300) for _ in range(6)]
        yield dict(line.decode().split() for line in lines)
    finally:
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 60)


async def shoot(address: str, page_link: str, viewport: dict[str, int], path: Path) -> None:
    """Open `address`, follow the navigation link named `page_link`, save a screenshot."""
    from playwright.async_api import async_playwright

    from tests.web.browser import chromium

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium())
        try:
            page: Any = await browser.new_page(viewport=viewport)
            await page.route(STAND_IN, lambda route: route.abort())
            await page.goto(address)
            await page.wait_for_url("**/app/s/**")
            await page.get_by_role("link", name=page_link).click()
            await page.wait_for_load_state()
            path.parent.mkdir(parents=True, exist_ok=True)
            await page.screenshot(path=str(path))
        finally:
            await browser.close()


async def members_screens(out: Path) -> list[Path]:
    shots = [(PHONE, out / "members-phone.png"), (DESKTOP, out / "members-desktop.png")]
    async with demo_console("large") as addresses:
        for viewport, path in shots:
            await shoot(addresses["coord"], "Leden", viewport, path)
    return [path for _, path in shots]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    for path in asyncio.run(members_screens(parser.parse_args().out)):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
