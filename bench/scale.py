"""Two webhook replicas on one PostgreSQL behind a loopback balancer, against one replica.

For each cluster size: the database is emptied and the large demo kring seeded (as `kringbot
chat --size large` does); the replicas (`kringbot run --webhook`, tests/scale/cluster.py) sit
behind the balancer, which the emulator posts every update to. Then `--members` members each
send /help, wait for the answer and send again, for `--seconds`, while a broadcast to every
member goes out through the replicas' senders. Printed per size: updates answered per second,
the p95 round trip (sent -> answer recorded by the emulator), updates answered other than once,
and members who got the broadcast other than once (both must be 0), and who used the cores
while the members asked (each replica, this process, PostgreSQL, the rest of the machine: a
replica that does not reach a core was held up elsewhere). The sizes take turns, `--rounds`
times (1 2 2 1 …); then the mean updates per second of each size and their ratio two/one.

    .venv/bin/python -m bench.scale --database-url postgresql://… [--members 40] [--seconds 20]
        [--rounds 2] [--flame DIR]

The database given is EMPTIED (its public schema dropped) before each size. The emulator, the
balancer and the members run in this process: on a small machine they share its cores with the
replicas and the database (at about 0.55 ms of CPU per update, against a replica's 0.95 ms on
the 2-core test machine), so two replicas there can at best do 2 × 0.95 / (0.95 + 0.55 + the
database's 0.15) ≈ 1.15 times what one does; compare the sizes of one run.
"""

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.cpu import CpuMeter, CpuShare, named
from bench.profiling import flame_graph
from bot.clock import SystemClock
from bot.config import Settings
from bot.core.broadcast import Progress
from bot.core.models import OutboxState
from bot.core.services import Services
from bot.demo_large import kring_people, seed_kring
from bot.emulator import Emulator
from bot.services import build_services
from store.db import create_engine
from store.migrate import upgrade
from tests.scale.balancer import Balancer
from tests.scale.cluster import TOKEN, Cluster, Replica, free_port

ANNOUNCEMENT = "Algemene vergadering: de schaaltest"
POLL = 0.002  # seconds between looks at what the bot sent
IDLE_SECONDS = 5.0  # measured before the members ask: what the replicas use doing nothing
TICK_SECONDS = 2.0  # the replicas' due-work tick: the default (the scale tests use a short one)


@dataclass
class Result:
    per_second: float
    p95_ms: float
    answered_twice: int  # updates answered more (or less) than once
    broadcast_twice: int  # members who got the broadcast twice, or whom it did not reach
    cpu: list[CpuShare]  # who used the cores while the members asked
    idle: list[CpuShare]  # and while nobody asked and nothing was due (the replicas' ticks)


class Answers:
    """Watches the emulator's outbox: each member waits for the answer to their update."""

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator
        self.seen = 0
        self.waiting: dict[str, asyncio.Future[float]] = {}
        self.asked: Counter[str] = Counter()  # handle -> updates sent
        self.answers: Counter[str] = Counter()  # handle -> messages other than the broadcast
        self.broadcast: Counter[str] = Counter()  # handle -> times the broadcast came

    async def watch(self) -> None:
        while True:
            for action in self.emulator.outbox(self.seen):
                self.seen, handle = action["seq"], action["to"]
                if ANNOUNCEMENT in (action["text"] or ""):
                    self.broadcast[handle] += 1
                    continue
                self.answers[handle] += 1
                answer = self.waiting.pop(handle, None)
                if answer is not None:
                    answer.set_result(time.perf_counter())
            await asyncio.sleep(POLL)

    async def ask(self, handle: str) -> float:
        """Send /help as `handle`; the seconds until the answer."""
        answer: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiting[handle] = answer
        started = time.perf_counter()
        self.emulator.send_message(handle, "/help")
        self.asked[handle] += 1
        return await asyncio.wait_for(answer, 30) - started


async def seeded(url: str) -> tuple[Emulator, Services, AsyncEngine]:
    """The emptied database with the large demo kring; the emulator with its people."""
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await upgrade(engine)
    settings = Settings(_env_file=None, database_url=url, semantic_search=False)  # type: ignore[call-arg]
    wiring = build_services(settings, SystemClock(), engine)
    await seed_kring(wiring.unit_of_work, datetime.now(UTC), "large")
    emulator = Emulator(token=TOKEN, loopback_webhooks=True)
    await emulator.start()
    for person in kring_people("large"):
        first_name = person.name.split()[0]
        emulator.create_user(person.handle, person.language, first_name, person.telegram_id, True)
    return emulator, wiring.services, engine


async def broadcast_to_all(cluster: Cluster) -> Callable[[], Awaitable[Progress]]:
    """The coordinator's urgent announcement (it does not wait for anyone's quiet hours) to
    every member: the replicas' ticks release and send it while the members ask. Returns how
    to follow its progress."""
    coord = next(p for p in kring_people("large") if p.handle == "coord")
    async with cluster.unit_of_work() as uow:
        coordinator = await uow.members.by_telegram_id(coord.telegram_id)
    assert coordinator is not None
    broadcasts = cluster.services.broadcasts
    created = await broadcasts.create(coordinator, ANNOUNCEMENT, "all", urgent=True)
    return lambda: broadcasts.progress(coordinator, created.id or 0)


def cpu_meter(replicas: list[Replica]) -> CpuMeter:
    """Who uses the cores: each replica, this process (emulator, balancer and members alike),
    PostgreSQL's processes; the meter adds the rest of the machine (other people's work)."""

    def this_process() -> list[int]:
        return [os.getpid()]

    def postgres() -> list[int]:
        return named("postgres")

    roles: dict[str, Callable[[], Iterable[int]]] = {
        f"replica {replica.index}": partial(_pid_of, replica) for replica in replicas
    }
    return CpuMeter(
        {**roles, "bench (emulator, balancer, members)": this_process, "postgres": postgres}
    )


def profiles(flame: Path | None, size: int, replicas: list[Replica]) -> ExitStack:
    """With `--flame DIR`: py-spy's collapsed stacks of this process and of each replica while
    the members ask, in DIR/scale-<size>-bench.txt and DIR/scale-<size>-replica-<n>.txt."""
    stack = ExitStack()
    if flame is not None:
        stack.enter_context(flame_graph(str(flame / f"scale-{size}-bench.txt")))
        for replica in replicas:
            path = flame / f"scale-{size}-replica-{replica.index}.txt"
            stack.enter_context(flame_graph(str(path), _pid_of(replica)[0]))
    return stack


def _pid_of(replica: Replica) -> list[int]:
    return [replica.process.pid] if replica.process else []


async def measure(
    url: str, size: int, members: int, seconds: float, logs: Path, flame: Path | None
) -> Result:
    emulator, services, engine = await seeded(url)
    replicas = [Replica(n, free_port(), logs / f"replica-{n}.log") for n in range(size)]
    balancer = Balancer([replica.port for replica in replicas])
    await balancer.start()
    cluster = Cluster(emulator, balancer, replicas, services, engine)
    answers = Answers(emulator)
    watching = asyncio.create_task(answers.watch())
    people = [p.handle for p in kring_people("large") if p.handle != "coord"][:members]
    round_trips: list[float] = []
    try:
        await cluster.start(url, {"OUTBOX_INTERVAL_SECONDS": str(TICK_SECONDS)})
        for handle in people:  # warm up: connections, caches
            await answers.ask(handle)
        meter = cpu_meter(replicas)
        meter.start()
        await asyncio.sleep(IDLE_SECONDS)
        idle = meter.stop()
        progress = await broadcast_to_all(cluster)
        deadline = time.perf_counter() + seconds

        async def member(handle: str) -> None:
            while time.perf_counter() < deadline:
                round_trips.append(await answers.ask(handle))

        meter = cpu_meter(replicas)
        with profiles(flame, size, replicas):
            meter.start()
            started = time.perf_counter()
            await asyncio.gather(*(member(handle) for handle in people))
            elapsed = time.perf_counter() - started
            cpu = meter.stop()
        # The replicas send it: other processes, no event to wait on.
        while not (done := await progress()).total or not done.finished:  # noqa: ASYNC110
            await asyncio.sleep(0.5)
        await cluster.settled()
        recipients = done.counts.get(OutboxState.SENT, 0)
    finally:
        watching.cancel()
        await cluster.stop()
        await balancer.stop()
        await emulator.stop()
        await engine.dispose()
    return Result(
        per_second=len(round_trips) / elapsed,
        p95_ms=statistics.quantiles(round_trips, n=20)[-1] * 1000,
        answered_twice=sum(answers.answers[h] != answers.asked[h] for h in people),
        broadcast_twice=sum(n > 1 for n in answers.broadcast.values())
        + recipients
        - len(answers.broadcast),
        cpu=cpu,
        idle=idle,
    )


def sizes(rounds: int) -> list[int]:
    """The cluster sizes in the order measured: one then two, then two then one, and so on
    (1 2 2 1 …), so load that other people put on the machine meanwhile, rising or falling,
    weighs on both sizes alike."""
    return [size for turn in range(rounds) for size in ((1, 2) if turn % 2 == 0 else (2, 1))]


async def run(url: str, members: int, seconds: float, rounds: int, flame: Path | None) -> None:
    print(
        f"/help by {members} members at once for {seconds:g} s through the balancer, with a "
        f"broadcast to every member of the large demo kring, on PostgreSQL; {rounds} rounds"
    )
    header = ("replicas", "updates/s", "p95 ms", "answered≠1", "broadcast≠1")
    print(" ".join(f"{title:>12}" for title in header))
    results: dict[int, list[Result]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory(prefix="kringbot-scale-") as folder:
        for replicas in sizes(rounds):
            result = await measure(url, replicas, members, seconds, Path(folder), flame)
            results[replicas].append(result)
            print(
                f"{replicas:>12} {result.per_second:>12.1f} {result.p95_ms:>12.1f} "
                f"{result.answered_twice:>12} {result.broadcast_twice:>12}"
            )
            for share, quiet in zip(result.cpu, result.idle, strict=True):
                print(
                    f"{'':>12}   cpu {share.role}: {share.cores:.2f} cores "
                    f"(idle before: {quiet.cores:.3f})"
                )
    mean = {size: statistics.mean(r.per_second for r in rs) for size, rs in results.items()}
    wrong = sum(r.answered_twice + r.broadcast_twice for rs in results.values() for r in rs)
    print(
        f"mean updates/s: one replica {mean[1]:.1f}, two {mean[2]:.1f}; "
        f"ratio two replicas / one: x{mean[2] / mean[1]:.2f}; duplicates or misses: {wrong}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="a PostgreSQL database to empty")
    parser.add_argument("--members", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--rounds", type=int, default=2, help="1 2, then 2 1, …")
    parser.add_argument(
        "--flame", type=Path, help="a folder for py-spy's stacks of the bench and each replica"
    )
    args = parser.parse_args()
    if make_url(args.database_url).get_backend_name() != "postgresql":
        parser.error("replicas share a PostgreSQL database: --database-url postgresql://…")
    asyncio.run(run(args.database_url, args.members, args.seconds, args.rounds, args.flame))


if __name__ == "__main__":
    main()
