"""One outbox sender in a process of its own, for the crash test, the two-process test and the
broadcast benchmark: it sends every due row through a Bot API server (the emulator), then prints
one JSON line (rows it sent, 429 answers, seconds, peak memory) and exits when no row is waiting
or in flight.

    .venv/bin/python -m bench.sender_process --db URL --api http://127.0.0.1:PORT/bot \\
        [--rate 30] [--concurrency 16] [--lease 300]
"""

import argparse
import asyncio
import json
import resource
import time

from telegram import Bot

from bot.app import keep_startup_out_of_garbage_collection
from bot.clock import SystemClock
from bot.config import Settings
from bot.emulator.server import DEFAULT_TOKEN
from bot.http import AiohttpRequest
from bot.sender import Sender, SendLimits
from bot.services import kring_from, outbox_service, rate_buckets, unit_of_work_factory
from handlers import COMPOSER
from store.db import create_engine, ping

POLL = 0.1  # seconds between looks at rows another (dead) process still holds


async def run(args: argparse.Namespace) -> dict[str, object]:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        database_url=args.db,
        outbox_claim_lease_seconds=args.lease,
        semantic_search=False,
    )
    engine = create_engine(settings.database_url)
    outbox = outbox_service(settings, SystemClock(), unit_of_work_factory(engine))
    bot = Bot(DEFAULT_TOKEN, base_url=args.api, request=AiohttpRequest(args.concurrency, 10.0))
    await bot.initialize()  # the HTTP connection, and the database's, before the clock starts
    await ping(engine)
    keep_startup_out_of_garbage_collection()  # as `kringbot run` does once it has started
    sender = Sender(
        bot,
        outbox,
        kring_from(settings),
        COMPOSER.compose,
        SendLimits(args.rate, args.concurrency),
        buckets=rate_buckets(engine),  # shared with other processes on PostgreSQL, as a replica's
    )
    started, sent = time.perf_counter(), 0
    try:
        while True:
            sent += await sender.send_due()
            if not await outbox.unfinished():
                break
            await asyncio.sleep(POLL)
    finally:
        await bot.shutdown()
        await engine.dispose()
    return {
        "sent": sent,
        "too_many_requests": sender.too_many_requests,
        "seconds": time.perf_counter() - started,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--api", required=True, help="Bot API base URL, ending in /bot")
    parser.add_argument("--rate", type=float, default=30.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--lease", type=float, default=300.0)
    print(json.dumps(asyncio.run(run(parser.parse_args()))), flush=True)


if __name__ == "__main__":
    main()
