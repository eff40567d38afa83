"""The console in headless Chromium as Telegram shows it: on a phone (390 px wide) and on a
desktop, opened with signed initData (Telegram's script replaced by a small stand-in that hands
the page its initData, as Telegram's does).

A browser test module starts with `playwright_api = require_chromium()`; then
`async with opened(console, PHONE, "coord") as page:` gives a page on the person's first console
page, and `await assert_usable(page)` checks what every page must pass: nothing sticks out
sideways, and axe-core (the accessibility engine; `make test` fetches it into var/) finds no
missing labels and no poor contrast.
"""

import json
import os
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.handlers.conftest import demo
from tests.web.test_console import init_data

ROOT = Path(__file__).resolve().parent.parent.parent
STAND_IN = "https://telegram.org/js/telegram-web-app.js"
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}
AXE = next(iter(sorted((ROOT / "var").glob("axe-core-*/axe.min.js"))), None)
AXE_RULES = ["label", "select-name", "button-name", "link-name", "color-contrast", "image-alt"]


def _missing(what: str) -> None:
    if os.environ.get("CI"):  # CI installs Chromium (.ci/run) and `make test` fetches axe-core
        raise RuntimeError(f"{what} is missing in CI")
    pytest.skip(f"{what} is missing (see the Makefile and .ci/run)", allow_module_level=True)


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        _missing("Chromium (Debian: apt install chromium)")
    return str(path)


def require_chromium() -> ModuleType:
    """Playwright's API, or the module is skipped (outside CI) when Chromium or axe is absent."""
    chromium()
    if AXE is None:
        _missing("axe-core (make var/axe-core-…/axe.min.js)")
    return pytest.importorskip("playwright.async_api")


@asynccontextmanager
async def browser_page(viewport: dict[str, int]) -> AsyncIterator[Any]:
    from playwright.async_api import async_playwright

    playwright = await async_playwright().start()
    browser = await playwright.chromium.launch(executable_path=chromium())
    try:
        yield await browser.new_page(viewport=viewport)
    finally:
        await browser.close()
        await playwright.stop()


@asynccontextmanager
async def opened(console: str, viewport: dict[str, int], person: str) -> AsyncIterator[Any]:
    """A browser page that opened the console as the demo `person`, on its first page."""
    init = json.dumps(init_data(demo(person)))
    script = "window.Telegram = {WebApp: {initData: " + init + ", ready() {}, expand() {}}};"
    async with browser_page(viewport) as page:
        await page.route(
            STAND_IN, lambda route: route.fulfill(body=script, content_type="text/javascript")
        )
        await page.goto(f"{console}/app/")
        await page.wait_for_url("**/app/s/**")
        yield page


async def assert_usable(page: Any) -> None:
    """No horizontal scrolling, and axe's label and contrast rules pass."""
    overflow = await page.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px"
    assert AXE is not None
    # Evaluated by the browser's debugging protocol, not as a <script>: our CSP stays in force.
    await page.evaluate(AXE.read_text())
    result = await page.evaluate(
        "rules => axe.run(document, {runOnly: {type: 'rule', values: rules}})", AXE_RULES
    )
    problems = [
        f"{violation['id']}: {node['html'][:120]}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]
    assert problems == [], f"{page.url}: " + "; ".join(problems)
