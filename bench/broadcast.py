"""An announcement to every member, through the emulator enforcing Telegram's rate limits.

For each rate limit: a fresh database with N members and one broadcast to all of them; the
emulator runs in a process of its own (`kringbot emulator`) and answers 429 above the limit; the
sender runs in a process of its own too (bench.sender_process), so each has a core and the bench
measures the sender. The sender is set to `--margin` times the limit (network jitter would
otherwise bunch a few sends into one window of the emulator's). Printed per limit: the achieved
rate as a ratio of the limit (goal >= 0.93), the 429 answers the sender provoked (goal 0) and the
sender process's peak memory.

    .venv/bin/python -m bench.broadcast [--rates 30,1000] [--members 10000] [--slow-members 1000]
        [--database-url postgresql://…]

Without --database-url each limit gets a new SQLite file. A PostgreSQL database given is EMPTIED
(its public schema dropped) before each limit; there the sender takes its slots from the rate
buckets in the database, as replicas do.

At 30/s, 10,000 messages take 333 s; the slow rates (< 100/s) use --slow-members instead.
"""

import argparse
import asyncio
import json
import socket
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import make_url, text

from bot.clock import SettableClock
from bot.config import Settings
from bot.core.models import Role
from bot.demo import seed_synthetic
from bot.services import build_services
from store.db import create_engine, is_sqlite
from store.migrate import upgrade

SLOW = 100  # rates below this use --slow-members


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def start_emulator(port: int) -> asyncio.subprocess.Process:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "emulator", "--port", str(port)
    )
    async with httpx.AsyncClient() as client:
        for _ in range(200):
            try:
                await client.get(f"http://127.0.0.1:{port}/_control/commands")
                return process
            except httpx.TransportError:
                await asyncio.sleep(0.1)
    raise RuntimeError("the emulator did not start")


async def prepare(db_url: str, members: int, control: str, limit: int) -> None:
    """A database with `members` members and one due broadcast to all; the same people in the
    emulator, which enforces `limit` messages a second."""
    engine = create_engine(db_url)
    if not is_sqlite(db_url):
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    await upgrade(engine)
    clock = SettableClock(datetime(2000, 1, 1, tzinfo=UTC))  # due long ago for the real clock
    settings = Settings(_env_file=None, database_url=db_url, semantic_search=False)  # type: ignore[call-arg]
    wiring = build_services(settings, clock, engine)
    people = await seed_synthetic(wiring.unit_of_work, members, clock.now())
    people[0].role = Role.COORDINATOR
    async with wiring.unit_of_work() as uow:
        await uow.members.update(people[0])
        await uow.commit()
    await wiring.services.broadcasts.create(people[0], "Algemene vergadering op 12/12", "all")
    await wiring.services.broadcasts.release_due()
    await engine.dispose()
    users = [{"handle": f"m{m.id}", "user_id": m.telegram_id, "started": True} for m in people]
    async with httpx.AsyncClient(timeout=60) as client:
        (await client.post(f"{control}/users", json={"users": users})).raise_for_status()
        faults = {"enforce_limits": True, "global_per_second": limit}
        (await client.post(f"{control}/faults", json=faults)).raise_for_status()


async def measure(
    limit: int, members: int, concurrency: int, margin: float, database_url: str | None
) -> dict[str, float]:
    port = free_port()
    emulator = await start_emulator(port)
    control = f"http://127.0.0.1:{port}/_control"
    try:
        with tempfile.TemporaryDirectory(prefix="kringbot-bench-") as folder:
            db_url = database_url or f"sqlite:///{Path(folder) / 'bench.db'}"
            await prepare(db_url, members, control, limit)
            sender = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bench.sender_process",
                "--db",
                db_url,
                "--api",
                f"http://127.0.0.1:{port}/bot",
                "--rate",
                str(limit * margin),
                "--concurrency",
                str(concurrency),
                stdout=asyncio.subprocess.PIPE,
            )
            out, _ = await sender.communicate()
        async with httpx.AsyncClient(timeout=60) as client:
            delivered = len((await client.get(f"{control}/outbox")).json()["result"])
    finally:
        emulator.terminate()
        await emulator.wait()
    result: dict[str, float] = json.loads(out)
    result["delivered"] = delivered
    return result


async def run(
    rates: list[int],
    members: int,
    slow_members: int,
    concurrency: int,
    margin: float,
    database_url: str | None,
) -> None:
    database = "SQLite" if database_url is None else make_url(database_url).get_backend_name()
    print(
        f"broadcast to every member through the emulator enforcing the limit, on {database} "
        f"(sender: {margin:g} x the limit, {concurrency} sends in flight)"
    )
    header = ("limit/s", "members", "delivered", "rate/s", "ratio", "429s", "peak MB")
    print(" ".join(f"{title:>9}" for title in header))
    for limit in rates:
        n = slow_members if limit < SLOW else members
        started = time.perf_counter()
        result = await measure(limit, n, concurrency, margin, database_url)
        rate = result["sent"] / result["seconds"]
        print(
            f"{limit:>9} {n:>9} {int(result['delivered']):>9} {rate:>9.1f} {rate / limit:>9.2f} "
            f"{int(result['too_many_requests']):>9} {result['peak_rss_mb']:>9.0f}"
            f"   ({time.perf_counter() - started:.0f} s with set-up)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rates", default="30,1000", help="rate limits to measure, per second")
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--slow-members", type=int, default=1_000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--margin", type=float, default=0.95)
    parser.add_argument("--database-url", help="a PostgreSQL database to empty and use")
    args = parser.parse_args()
    rates = [int(rate) for rate in args.rates.split(",")]
    asyncio.run(
        run(
            rates,
            args.members,
            args.slow_members,
            args.concurrency,
            args.margin,
            args.database_url,
        )
    )


if __name__ == "__main__":
    main()
