"""Round trip of a member's /help through the emulator, against a bare PTB echo bot.

Both bots get their updates from an emulator over loopback HTTP in the same run (each its own
emulator, both in this process, so each bot's share of the emulator's work is the same), in the
same way: by polling (getUpdates), or with `--webhook` through a webhook server the emulator
posts each update to (kringbot's own web server; for the echo bot a tiny Starlette app on the
same uvicorn that puts the update on its queue, as PTB's custom-webhook example does). Both run
side by side and take turns, `--rounds` times: on a machine shared with other work, a spell of
load falls on both alike rather than on whichever was being measured at the time. For each: the
median round trip of N messages sent one at a time (sent -> reply recorded by the emulator), and
messages per second for bursts of messages sent at once (N over all rounds). The ratios say
what kringbot's own work (flood limit, access gate, database, translation, its longer reply)
costs on top of PTB and HTTP. The echo bot sends its replies over the same HTTP client as
kringbot (bot.http's aiohttp request, not PTB's default httpx, which is slower with many replies
in flight), so a faster client does not count as kringbot's gain. kringbot runs with a flood
limit it never reaches, so the check is measured too.

    .venv/bin/python -m bench.roundtrip [--messages 200] [--rounds 5] [--database-url URL]
        [--webhook] [--profile PATH.prof] [--flame PATH.svg] [--count-calls]

`--database-url` (PostgreSQL) runs kringbot on that database, which is EMPTIED first (its public
schema dropped); the default is a fresh SQLite file. `--profile` runs cProfile over kringbot's
rounds, keeps the statistics in that file and prints the functions that took most time.
`--flame` draws a py-spy flame graph of all rounds (bench.profiling; another suffix than .svg
gives the collapsed stacks). `--count-calls` counts kringbot's database round trips per update,
by statement (bench.dbcalls).
"""

import argparse
import asyncio
import cProfile
import hmac
import statistics
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import (
    AbstractAsyncContextManager,
    AbstractContextManager,
    asynccontextmanager,
    contextmanager,
    nullcontext,
)
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import SecretStr
from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

from bench.dbcalls import counting_database_calls, report
from bench.profiling import flame_graph, report_profile
from bot.app import INTERACTIVE_CONNECTIONS, keep_startup_out_of_garbage_collection
from bot.chat import ChatSession
from bot.clock import SettableClock
from bot.config import Settings
from bot.emulator import Emulator
from bot.http import AiohttpRequest
from bot.serve import web_server
from bot.web.server import SECRET_HEADER, WebServer, WebSettings
from store.db import create_engine, is_sqlite

AnyApp = Application[Any, Any, Any, Any, Any, Any]
HOOK_PATH, SECRET = "/telegram", "bench-webhook-secret"
WARM_UP = 10  # messages before the clock starts
ROUNDS = 5
FLOOD_LIMIT = 10_000  # per minute: checked on every update, never reached by this bench


@dataclass
class Samples:
    """One bot's measurements, over all rounds."""

    round_trips: list[float] = field(default_factory=list)  # seconds, one message at a time
    burst_messages: int = 0
    burst_seconds: float = 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.round_trips) * 1000

    @property
    def per_second(self) -> float:
        return self.burst_messages / self.burst_seconds


async def settle(emulator: Emulator, app: AnyApp, update_id: int) -> None:
    await emulator.wait_acked(update_id)
    await app.update_queue.join()


async def warm_up(emulator: Emulator, app: AnyApp, handle: str) -> None:
    """Connections, caches, the database."""
    for _ in range(WARM_UP):
        await settle(emulator, app, emulator.send_message(handle, "/help"))


async def measure(emulator: Emulator, app: AnyApp, handle: str, n: int, into: Samples) -> None:
    """`n` messages one at a time, then `n` at once."""
    for _ in range(n):
        started = time.perf_counter()
        await settle(emulator, app, emulator.send_message(handle, "/help"))
        into.round_trips.append(time.perf_counter() - started)
    replies_before = len(emulator.outbox())
    started = time.perf_counter()
    last = [emulator.send_message(handle, "/help") for _ in range(n)][-1]
    await settle(emulator, app, last)
    into.burst_seconds += time.perf_counter() - started
    into.burst_messages += n
    assert len(emulator.outbox()) - replies_before >= n, "every message must get its reply"


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    await update.message.reply_text(update.message.text or "")


def echo_webhook(app: AnyApp) -> Starlette:
    """What kringbot's webhook route does (bot.web.server), for the echo bot."""

    async def webhook(request: Request) -> Response:
        if not hmac.compare_digest(request.headers.get(SECRET_HEADER, ""), SECRET):
            return PlainTextResponse("Forbidden", status_code=403)
        await app.update_queue.put(Update.de_json(await request.json(), app.bot))
        return PlainTextResponse("OK")

    return Starlette(routes=[Route(HOOK_PATH, webhook, methods=["POST"])])


@asynccontextmanager
async def webhook_to(app: AnyApp, server: WebServer) -> AsyncIterator[None]:
    """Deliver the app's updates through `server`'s webhook instead of getUpdates."""
    assert app.updater is not None
    if app.updater.running:
        await app.updater.stop()
    await server.start()
    url = f"http://127.0.0.1:{server.port}{HOOK_PATH}"
    await app.bot.set_webhook(url, secret_token=SECRET)
    try:
        yield
    finally:
        await app.bot.delete_webhook()
        await server.stop()


@asynccontextmanager
async def echo_bot(emulator: Emulator, webhook: bool) -> AsyncIterator[AnyApp]:
    bare = (
        ApplicationBuilder()
        .token(emulator.token)
        .base_url(emulator.base_url)
        .request(AiohttpRequest(INTERACTIVE_CONNECTIONS))
        .build()
    )
    bare.add_handler(MessageHandler(filters.ALL, echo))
    async with bare:
        assert bare.updater is not None
        receiving: AbstractAsyncContextManager[None]
        if webhook:
            receiving = webhook_to(bare, WebServer(echo_webhook(bare), WebSettings("127.0.0.1", 0)))
        else:
            await bare.updater.start_polling(poll_interval=0)
            receiving = nullcontext()
        async with receiving:
            await bare.start()
            yield bare
            await bare.stop()
        if bare.updater.running:
            await bare.updater.stop()


@asynccontextmanager
async def kringbot(
    emulator: Emulator, database_url: str | None, webhook: bool
) -> AsyncIterator[AnyApp]:
    settings = Settings(_env_file=None, semantic_search=False)  # type: ignore[call-arg]
    if database_url is not None:
        await empty(database_url)
    session = ChatSession(
        settings,
        SettableClock(datetime.now(UTC)),
        db_url=database_url,
        seed="demo",
        emulator=emulator,
        flood_limit_per_minute=FLOOD_LIMIT,
    )
    async with session:
        if not webhook:
            yield session.app
            return
        hooked = settings.model_copy(
            update={
                "webhook_url": f"http://127.0.0.1{HOOK_PATH}",
                "webhook_secret": SecretStr(SECRET),
                "webhook_listen": "127.0.0.1",
                "webhook_port": 0,  # the system picks; set_webhook is told which
            }
        )
        async with webhook_to(session.app, web_server(session.app, session.wiring, hooked, True)):
            yield session.app


async def empty(url: str) -> None:
    """A PostgreSQL database without tables, for the demo kring to be seeded into."""
    if is_sqlite(url):
        raise SystemExit("--database-url is for PostgreSQL; SQLite runs on a fresh file anyway")
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


class Watch:
    """The profiles and counts asked for, of kringbot's rounds only (the flame graph, which
    cannot pause, shows the echo bot's rounds beside them: its updates run under PTB's
    SimpleUpdateProcessor, kringbot's under bot.processing.OneChatInOrder)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.profile_path, self.flame_path = args.profile, args.flame
        self.profile = cProfile.Profile() if args.profile else None
        self.calls: Counter[str] | None = Counter() if args.count_calls else None

    def whole_run(self) -> AbstractContextManager[None]:
        return flame_graph(self.flame_path) if self.flame_path else nullcontext()

    @contextmanager
    def kringbot_round(self) -> Iterator[None]:
        counting = counting_database_calls() if self.calls is not None else nullcontext(None)
        if self.profile is not None:
            self.profile.enable()
        with counting as calls:
            yield
        if self.profile is not None:
            self.profile.disable()
        if self.calls is not None and calls is not None:
            self.calls.update(calls)

    def report(self, updates: int) -> None:
        if self.calls is not None:
            report(self.calls, updates)
        if self.profile is not None:
            report_profile(self.profile, self.profile_path)


async def run(args: argparse.Namespace) -> None:
    n, rounds, database_url, webhook = args.messages, args.rounds, args.database_url, args.webhook
    echo_emulator, kring_emulator = (Emulator(loopback_webhooks=webhook) for _ in range(2))
    for emulator in (echo_emulator, kring_emulator):
        await emulator.start()
        emulator.create_user("ann", "nl", user_id=7000002)
    baseline, result, watch = Samples(), Samples(), Watch(args)
    async with (
        echo_bot(echo_emulator, webhook) as bare,
        kringbot(kring_emulator, database_url, webhook) as app,
    ):
        await warm_up(echo_emulator, bare, "ann")
        await warm_up(kring_emulator, app, "ann")
        keep_startup_out_of_garbage_collection()  # as `kringbot run` does once it has started
        with watch.whole_run():
            for _ in range(rounds):
                await measure(echo_emulator, bare, "ann", n // rounds, baseline)
                with watch.kringbot_round():
                    await measure(kring_emulator, app, "ann", n // rounds, result)
    for emulator in (echo_emulator, kring_emulator):
        await emulator.stop()

    database = "SQLite" if database_url is None else "PostgreSQL"
    mode = "webhook" if webhook else "polling"
    print(f"/help round trip through the emulator ({database}, {mode}):")
    print(f"{rounds} rounds of {n // rounds} sequential messages, then {n // rounds} at once")
    print(f"{'':24}{'median round trip':>20}{'messages/s':>14}")
    for name, measured in (("bare PTB echo bot", baseline), ("kringbot /help (ann)", result)):
        print(f"{name:24}{measured.median_ms:>17.2f} ms{measured.per_second:>14.0f}")
    print(
        f"ratio kringbot / echo: round trip x{result.median_ms / baseline.median_ms:.2f}, "
        f"throughput x{result.per_second / baseline.per_second:.2f}"
    )
    watch.report(2 * (n // rounds) * rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="turns the bots take")
    parser.add_argument("--database-url", help="PostgreSQL database to use (emptied first)")
    parser.add_argument("--webhook", action="store_true", help="updates through a webhook")
    parser.add_argument("--profile", metavar="PATH", help="cProfile kringbot's part into PATH")
    parser.add_argument("--flame", metavar="PATH", help="py-spy flame graph (SVG) into PATH")
    parser.add_argument("--count-calls", action="store_true", help="database round trips")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
