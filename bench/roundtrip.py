"""Round trip of a member's /help through the emulator, against a bare PTB echo bot.

Both bots get their updates from the same emulator over loopback HTTP in the same run, one after
the other, in the same way: by polling (getUpdates), or with `--webhook` through a webhook server
the emulator posts each update to (kringbot's own web server; for the echo bot a tiny Starlette
app on the same uvicorn that puts the update on its queue, as PTB's custom-webhook example does).
For each: the median round trip of N messages sent one at a time (sent -> reply recorded by the
emulator), and messages per second for a burst of N messages at once. The ratios say what
kringbot's own work (flood limit, access gate, database, translation) costs on top of PTB and
HTTP. kringbot runs with a flood limit it never reaches, so the check is measured too.

    .venv/bin/python -m bench.roundtrip [--messages 200] [--database-url URL] [--webhook]
        [--profile bench/profiles/NAME.prof] [--flame bench/profiles/NAME.svg] [--count-calls]

`--database-url` (PostgreSQL) runs kringbot on that database, which is EMPTIED first (its public
schema dropped); the default is a fresh SQLite file. `--profile` runs cProfile over kringbot's
part (the emulator runs in this process too), keeps the statistics in that file and prints the
functions that took most time. `--flame` draws a py-spy flame graph of the same stretch
(kringbot's measurement only; the emulator's share is in it too). `--count-calls` counts
kringbot's database round trips per update, by statement (bench.dbcalls).
"""

import argparse
import asyncio
import hmac
import statistics
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, ExitStack, asynccontextmanager, nullcontext
from dataclasses import dataclass
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
from bench.profiling import cprofiled, flame_graph
from bot.chat import ChatSession
from bot.clock import SettableClock
from bot.config import Settings
from bot.emulator import Emulator
from bot.serve import web_server
from bot.web.server import SECRET_HEADER, WebServer, WebSettings
from store.db import create_engine, is_sqlite

AnyApp = Application[Any, Any, Any, Any, Any, Any]
HOOK_PATH, SECRET = "/telegram", "bench-webhook-secret"
WARM_UP = 10  # messages before the clock starts
FLOOD_LIMIT = 10_000  # per minute: checked on every update, never reached by this bench


@dataclass
class Result:
    median_ms: float
    per_second: float


async def measure(emulator: Emulator, app: AnyApp, handle: str, n: int) -> Result:
    async def settle(update_id: int) -> None:
        await emulator.wait_acked(update_id)
        await app.update_queue.join()

    for _ in range(WARM_UP):  # warm up connections, caches, the database
        await settle(emulator.send_message(handle, "/help"))
    round_trips = []
    for _ in range(n):
        started = time.perf_counter()
        await settle(emulator.send_message(handle, "/help"))
        round_trips.append(time.perf_counter() - started)
    replies_before = len(emulator.outbox())
    started = time.perf_counter()
    last = [emulator.send_message(handle, "/help") for _ in range(n)][-1]
    await settle(last)
    elapsed = time.perf_counter() - started
    assert len(emulator.outbox()) - replies_before >= n, "every message must get its reply"
    return Result(statistics.median(round_trips) * 1000, n / elapsed)


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
    bare = ApplicationBuilder().token(emulator.token).base_url(emulator.base_url).build()
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
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
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


def watching(args: argparse.Namespace) -> tuple[ExitStack, Counter[str] | None]:
    """The profiles asked for, over kringbot's measurement; the round-trip counts, if asked."""
    watches = ExitStack()
    if args.profile:
        watches.enter_context(cprofiled(args.profile))
    if args.flame:
        watches.enter_context(flame_graph(args.flame))
    calls = watches.enter_context(counting_database_calls()) if args.count_calls else None
    return watches, calls


async def run(args: argparse.Namespace) -> None:
    n, database_url, webhook = args.messages, args.database_url, args.webhook
    emulator = Emulator(loopback_webhooks=webhook)
    await emulator.start()
    emulator.create_user("ann", "nl", user_id=7000002)
    async with echo_bot(emulator, webhook) as bare:
        baseline = await measure(emulator, bare, "ann", n)
    async with kringbot(emulator, database_url, webhook) as app:
        watches, calls = watching(args)
        with watches:
            result = await measure(emulator, app, "ann", n)
    await emulator.stop()

    database = "SQLite" if database_url is None else "PostgreSQL"
    mode = "webhook" if webhook else "polling"
    print(f"/help round trip through the emulator ({database}, {mode}):")
    print(f"{n} sequential messages, then {n} at once")
    print(f"{'':24}{'median round trip':>20}{'messages/s':>14}")
    for name, measured in (("bare PTB echo bot", baseline), ("kringbot /help (ann)", result)):
        print(f"{name:24}{measured.median_ms:>17.2f} ms{measured.per_second:>14.0f}")
    print(
        f"ratio kringbot / echo: round trip x{result.median_ms / baseline.median_ms:.2f}, "
        f"throughput x{result.per_second / baseline.per_second:.2f}"
    )
    if calls is not None:
        report(calls, WARM_UP + 2 * n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--database-url", help="PostgreSQL database to use (emptied first)")
    parser.add_argument("--webhook", action="store_true", help="updates through a webhook")
    parser.add_argument("--profile", metavar="PATH", help="cProfile kringbot's part into PATH")
    parser.add_argument("--flame", metavar="PATH", help="py-spy flame graph (SVG) into PATH")
    parser.add_argument("--count-calls", action="store_true", help="database round trips")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
