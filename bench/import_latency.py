"""A GP's /help while the coordinator imports a 5,000-row roster, against /help on an idle bot.

Both in the same run, through the emulator over loopback HTTP: first the median round trip of
/help on an idle bot (the baseline), then the round trips of /help sent one after the other for
as long as the import runs. The ratio says what a long import costs everyone else; handled one
update at a time, every /help would wait for the whole import.

    .venv/bin/python -m bench.import_latency [--rows 5000] [--db postgresql://…]

On SQLite every write waits for the import's transaction (one writer at a time), so a /help that
records anything waits for the whole import there; PostgreSQL is what real deployments use.
"""

import argparse
import asyncio
import statistics
import time
from datetime import UTC, datetime, timedelta

from bot.app import keep_startup_out_of_garbage_collection
from bot.chat import ChatSession
from bot.clock import SettableClock
from bot.config import Settings
from bot.demo import DEMO_PEOPLE
from bot.emulator import Emulator

DOCTORS = [person.riziv for person in DEMO_PEOPLE if person.zone == "Noord"]


def roster_file(rows: int, first_night: datetime) -> bytes:
    """`rows` consecutive nights in zone Noord, the demo's doctors in turns: a valid roster."""
    lines = ["Begin;Einde;Zone;Wachtpost;RIZIV"]
    for n in range(rows):
        start = first_night + timedelta(days=n)
        end = start + timedelta(hours=13)
        lines.append(f"{start:%Y-%m-%d %H:%M};{end:%Y-%m-%d %H:%M};Noord;;{DOCTORS[n % 3]}")
    return "\n".join(lines).encode()


async def round_trip(emulator: Emulator, handle: str) -> float:
    """Seconds from sending /help to the bot's reply being recorded by the emulator."""
    before = sum(1 for action in emulator.outbox() if action["to"] == handle)
    started = time.perf_counter()
    emulator.send_message(handle, "/help")
    while sum(1 for action in emulator.outbox() if action["to"] == handle) == before:  # noqa: ASYNC110
        await asyncio.sleep(0.002)
    return time.perf_counter() - started


async def run(rows: int, db_url: str | None) -> None:
    settings = Settings(_env_file=None, semantic_search=False)  # type: ignore[call-arg]
    clock = SettableClock(datetime(2026, 12, 1, 8, 0, tzinfo=UTC))
    async with ChatSession(settings, clock, db_url=db_url, seed="demo") as session:
        emulator = session.emulator
        assert emulator is not None
        keep_startup_out_of_garbage_collection()  # as `kringbot run` does once it has started
        for _ in range(10):  # warm up
            await round_trip(emulator, "ann")
        idle = [await round_trip(emulator, "ann") for _ in range(30)]

        await emulator.wait_acked(emulator.send_message("coord", "/roster"))
        await session.app.update_queue.join()
        content = roster_file(rows, datetime(2027, 1, 1, 19, 0))
        started = time.perf_counter()
        upload = emulator.send_document("coord", "rooster.csv", content, "text/csv")
        await emulator.wait_acked(upload)
        during = []
        importing = asyncio.create_task(session.app.update_queue.join())
        while not importing.done():
            during.append(await round_trip(emulator, "ann"))
        await importing
        took = time.perf_counter() - started
        report = [a for a in emulator.outbox() if a["to"] == "coord"][-1]["text"]

    print(f"/help round trip while the coordinator imports {rows} roster rows")
    print(f"  import took            {took:8.2f} s ({report.splitlines()[0][:60]})")
    print(f"  idle    median         {statistics.median(idle) * 1000:8.1f} ms")
    print(f"  during  median         {statistics.median(during) * 1000:8.1f} ms  (n={len(during)})")
    print(f"  during  max            {max(during) * 1000:8.1f} ms")
    print(f"  ratio max/idle median  {max(during) / statistics.median(idle):8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--db", help="an empty database (default: a fresh SQLite file)")
    args = parser.parse_args()
    asyncio.run(run(args.rows, args.db))


if __name__ == "__main__":
    main()
