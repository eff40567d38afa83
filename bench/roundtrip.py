"""Round trip of a member's /help through the emulator, against a bare PTB echo bot.

Both bots poll the same emulator over loopback HTTP in the same run, one after the other. For
each: the median round trip of N messages sent one at a time (sent -> reply recorded by the
emulator), and messages per second for a burst of N messages at once. The ratios say what
kringbot's own work (access gate, database, translation) costs on top of PTB and HTTP.

    .venv/bin/python -m bench.roundtrip [--messages 200]
"""

import argparse
import asyncio
import statistics
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

from bot.chat import ChatSession
from bot.clock import SettableClock
from bot.config import Settings
from bot.emulator import Emulator


@dataclass
class Result:
    median_ms: float
    per_second: float


async def measure(emulator: Emulator, app: Application, handle: str, n: int) -> Result:  # type: ignore[type-arg]
    async def settle(update_id: int) -> None:
        await emulator.wait_acked(update_id)
        await app.update_queue.join()

    for _ in range(10):  # warm up connections, caches, the database
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


async def run(n: int) -> None:
    emulator = Emulator()
    await emulator.start()
    emulator.create_user("ann", "nl", user_id=7000002)

    bare = ApplicationBuilder().token(emulator.token).base_url(emulator.base_url).build()
    bare.add_handler(MessageHandler(filters.ALL, echo))
    async with bare:
        assert bare.updater is not None
        await bare.updater.start_polling(poll_interval=0)
        await bare.start()
        baseline = await measure(emulator, bare, "ann", n)
        await bare.updater.stop()
        await bare.stop()

    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    clock = SettableClock(datetime.now(UTC))
    async with ChatSession(settings, clock, seed="demo", emulator=emulator) as session:
        kringbot = await measure(emulator, session.app, "ann", n)
    await emulator.stop()

    print(f"/help round trip through the emulator: {n} sequential messages, then {n} at once")
    print(f"{'':24}{'median round trip':>20}{'messages/s':>14}")
    for name, result in (("bare PTB echo bot", baseline), ("kringbot /help (ann)", kringbot)):
        print(f"{name:24}{result.median_ms:>17.2f} ms{result.per_second:>14.0f}")
    print(
        f"ratio kringbot / echo: round trip x{kringbot.median_ms / baseline.median_ms:.2f}, "
        f"throughput x{kringbot.per_second / baseline.per_second:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    asyncio.run(run(parser.parse_args().messages))


if __name__ == "__main__":
    main()
