"""The roster grid of the large demo kring (~200 members) in headless Chromium: what a phone
downloads and how soon it shows something.

`kringbot web --seed demo --size large` runs in a process of its own; the coordinator's signed
address opens a session, then each of `--runs` fresh browser contexts (nothing cached) loads the
grid. Printed: the page weight (bytes of HTML, JavaScript and CSS transferred, from the browser's
Resource Timing; Telegram's own script is left out: a Mini App gets it from Telegram) and the
median time to first render (first contentful paint), with the console's shell page, the
smallest page we serve, measured the same way as the baseline. It also saves the screenshots of
the grid on a phone (390×844) and a desktop (1280×800) in docs/screenshots/.

    .venv/bin/python -m bench.console [--runs 10] [--screenshots docs/screenshots]
"""

import argparse
import asyncio
import os
import shutil
import signal
import statistics
import sys
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, async_playwright

ROOT = Path(__file__).resolve().parent.parent
TELEGRAM_JS = "https://telegram.org/js/telegram-web-app.js"
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}
# Bytes of every document, script and stylesheet the page loaded, and its first paint.
MEASURE = """() => {
  const [navigation] = performance.getEntriesByType("navigation");
  const resources = performance.getEntriesByType("resource")
    .filter((entry) => ["script", "link", "css"].includes(entry.initiatorType));
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return {
    bytes: [navigation, ...resources].reduce((sum, entry) => sum + entry.transferSize, 0),
    first_render_ms: paint ? paint.startTime : null,
  };
}"""


async def start_console() -> tuple[asyncio.subprocess.Process, dict[str, str]]:
    """`kringbot web` on the large kring: the process and each demo person's address."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *("-m", "bot", "web", "--seed", "demo", "--size", "large"),
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        env={**os.environ, "TELEGRAM_BOT_TOKEN": "", "DATABASE_URL": "sqlite:///:memory:"},
    )
    assert process.stdout is not None
    lines = [(await asyncio.wait_for(process.stdout.readline(), 300)).decode() for _ in range(6)]
    return process, dict(line.split() for line in lines)


async def new_page(browser: Browser, viewport: dict[str, int]) -> Any:
    """A page in a fresh context (an empty cache), with an empty stand-in for Telegram's script."""
    context = await browser.new_context(viewport=viewport)
    page = await context.new_page()
    await page.route(
        TELEGRAM_JS, lambda route: route.fulfill(body="", content_type="text/javascript")
    )
    return page


async def measure(browser: Browser, url: str, runs: int) -> tuple[int, float]:
    """The page weight (of the last run) and the median first render over `runs` loads."""
    renders, weight = [], 0
    for _ in range(runs):
        page = await new_page(browser, PHONE)
        await page.goto(url, wait_until="load")
        found = await page.evaluate(MEASURE)
        while found["first_render_ms"] is None:  # painted just after `load`: ask again
            await asyncio.sleep(0.02)
            found = await page.evaluate(MEASURE)
        renders.append(found["first_render_ms"])
        weight = found["bytes"]
        await page.context.close()
    return weight, statistics.median(renders)


async def screenshots(browser: Browser, url: str, folder: Path) -> list[Path]:
    saved = []
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = await new_page(browser, viewport)
        await page.goto(url, wait_until="load")
        path = folder / f"roster-{name}.png"
        await page.screenshot(path=str(path))
        saved.append(path)
        await page.context.close()
    return saved


async def main(runs: int, folder: Path) -> None:
    process, addresses = await start_console()
    try:
        async with async_playwright() as playwright:
            executable = shutil.which("chromium") or shutil.which("chromium-browser")
            browser = await playwright.chromium.launch(executable_path=executable)
            page = await new_page(browser, PHONE)
            await page.goto(addresses["coord"])
            await page.wait_for_url("**/app/s/**")
            base = page.url.rstrip("/")
            await page.context.close()
            roster = f"{base}/roster"
            shell = addresses["coord"].split("#")[0]
            shell_weight, shell_render = await measure(browser, shell, runs)
            weight, render = await measure(browser, roster, runs)
            saved = await screenshots(browser, roster, folder)
            await browser.close()
    finally:
        process.send_signal(signal.SIGINT)
        await process.wait()
    print(f"roster grid, large kring, phone 390x844, median of {runs} cold loads in Chromium:")
    print(f"  page weight (HTML+JS+CSS transferred): {weight:,} bytes")
    print(f"  time to first render (first contentful paint): {render:.0f} ms")
    print(f"  baseline, the shell page: {shell_weight:,} bytes, first render {shell_render:.0f} ms")
    ratios = f"weight x{weight / shell_weight:.1f}, render x{render / shell_render:.2f}"
    print(f"  ratio to the baseline: {ratios}")
    print("  screenshots: " + ", ".join(str(path.relative_to(ROOT)) for path in saved))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--screenshots", type=Path, default=ROOT / "docs" / "screenshots")
    arguments = parser.parse_args()
    arguments.screenshots.mkdir(parents=True, exist_ok=True)
    asyncio.run(main(arguments.runs, arguments.screenshots.resolve()))
