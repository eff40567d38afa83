"""Several real bot processes on one PostgreSQL database, behind a loopback balancer.

What runs (see the `cluster` fixture in conftest.py)::

    Emulator (in the test process) --webhook--> Balancer (in the test process)
        --> replica 0: `kringbot run --webhook` on port A  \
        --> replica 1: `kringbot run --webhook` on port B   }-- one PostgreSQL database
        --> (replica 2 …)                                   /

- The emulator is the Telegram Bot API: every replica calls it with `--api-base`, each sets the
  same webhook (the balancer's URL), and it posts the updates to the balancer as Telegram
  does: several at once (the webhook's max_connections), one chat's one at a time, in order.
- The `Balancer` forwards an update round-robin (the default), to one pinned replica, or to all
  of them (Telegram's delivery twice, to several replicas); or it holds updates (answering 200,
  as a balancer with a queue would) until `release()` forwards them all at the same moment, each
  to the next replica: "two people tap at once on two replicas".
- The replicas are real processes with the system clock (`kringbot run` has no simulated one);
  their ticks (`OUTBOX_INTERVAL_SECONDS`, short here) do the due work. A test makes work due by
  writing rows that are due now, with `Cluster.unit_of_work` or `Cluster.services` (the test
  process's own, on the same database); `due_at_once` makes every replica's tick find them at
  the same moment, so a once-only step that is not a compare-and-set shows.

Members are driven in process, as the emulator's control API does over HTTP: `send` a text,
`tap` a button, or `step` a chat script line (`/shifts`, `[Ruil 1]`) and get the answer; read
what the bot sent a member with `received` / `texts`. The replicas are other processes, so a
test waits for an outcome with `until` / `until_received`, and before counting ("exactly once")
waits with `settled` until nothing new has been sent for a few ticks. A failing test shows the
replicas' logs (printed at teardown).

Two replicas by default; `@pytest.mark.parametrize("cluster", [3], indirect=True)` asks for
three. PostgreSQL only: the directory is skipped on SQLite (conftest.py).
"""

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.services import Services
from bot.emulator import Emulator
from store.db import session_factory
from store.uow import SqlUnitOfWork
from tests.scale.balancer import Balancer

ROOT = Path(__file__).resolve().parent.parent.parent
TOKEN = "987654:kringbot-scale-token"
SECRET = "scale-webhook-secret"
TICK_SECONDS = 0.5  # the replicas' tick interval: due work is picked up quickly
QUIET_SECONDS = 2.0  # `settled`: several ticks of every replica without anything new sent
START_ATTEMPTS = 3  # a replica whose port was taken meanwhile starts again on another
STEP_QUIET_SECONDS = 0.5  # `step`: an answer is complete when nothing follows for this long


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Replica:
    """One `kringbot run --webhook` process; its output goes to `log_path`."""

    index: int
    port: int
    log_path: Path
    process: asyncio.subprocess.Process | None = None

    async def start(
        self, emulator: Emulator, database_url: str, balancer_url: str, env: dict[str, str]
    ) -> None:
        """Start the process; `env` adds or overrides settings (see .env.example)."""
        environment = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "DATABASE_URL": database_url,
            "WEBHOOK_URL": balancer_url,
            "WEBHOOK_SECRET": SECRET,
            "WEBHOOK_LISTEN": "127.0.0.1",
            "WEBHOOK_PORT": str(self.port),
            "OUTBOX_INTERVAL_SECONDS": str(TICK_SECONDS),
            "FLOOD_LIMIT_PER_MINUTE": "0",  # tests type faster than people
            "LOG_LEVEL": "INFO",
            "SEMANTIC_SEARCH": "false",  # embedding the knowledge base takes minutes
            **env,
        }
        with self.log_path.open("wb") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "run",
                "--webhook",
                "--api-base",
                emulator.base_url,
                cwd=ROOT,
                env=environment,
                stdout=log,
                stderr=asyncio.subprocess.STDOUT,
            )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    @property
    def running(self) -> bool:
        return "kringbot is running" in self.log()

    @property
    def exited(self) -> bool:
        return self.process is not None and self.process.returncode is not None

    @property
    def port_was_taken(self) -> bool:
        return self.exited and "address already in use" in self.log()

    async def stop(self) -> None:
        """SIGTERM as a service manager sends it; SIGKILL if it does not stop in time."""
        if self.process is None or self.process.returncode is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self.process.wait(), 30)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()


async def _quiet(count: Callable[[], int], seconds: float, limit: float = 60) -> None:
    """Wait until `count()` stays the same for `seconds` (at most `limit` seconds)."""
    async with asyncio.timeout(limit):
        while True:
            before = count()
            await asyncio.sleep(seconds)
            if count() == before:
                return


async def until(check: Callable[[], bool], what: str, seconds: float = 30) -> None:
    """Poll until `check()` holds: the bot is other processes, there is no event to wait on."""
    try:
        async with asyncio.timeout(seconds):
            while not check():  # noqa: ASYNC110
                await asyncio.sleep(0.05)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for: {what}") from None


@dataclass
class Cluster:
    emulator: Emulator
    balancer: Balancer
    replicas: list[Replica]
    services: Services  # the test process's services on the replicas' database
    engine: AsyncEngine

    def unit_of_work(self) -> SqlUnitOfWork:
        """To write rows that are due, and to read what happened."""
        return SqlUnitOfWork(session_factory(self.engine))

    @asynccontextmanager
    async def due_at_once(self, *tables: str) -> AsyncIterator[SqlUnitOfWork]:
        """Write due work that every replica's tick finds at the same moment: the unit of work
        locks `tables` (ACCESS EXCLUSIVE) first, so each replica's next tick waits at its first
        read of them; the rows are committed once every replica waits, and all read them at
        once. Without it, one replica's tick usually gets there alone, and a once-only step
        that is not a compare-and-set goes unnoticed."""
        async with self.unit_of_work() as uow:
            await uow.session.execute(
                text(f"LOCK TABLE {', '.join(tables)} IN ACCESS EXCLUSIVE MODE")
            )
            yield uow
            await asyncio.sleep(3 * TICK_SECONDS)
            await uow.commit()

    async def start(self, database_url: str, env: dict[str, str]) -> None:
        """Start every replica. A port found free (`free_port`) can be taken by someone else
        before the replica binds it; such a replica starts again on another port."""
        starting = list(self.replicas)
        for _ in range(START_ATTEMPTS):
            for replica in starting:
                await replica.start(self.emulator, database_url, self.balancer.url, env)
            await until(
                lambda starting=starting: all(r.running or r.exited for r in starting),
                "every replica is running or has stopped",
                seconds=90,
            )
            starting = [replica for replica in starting if replica.port_was_taken]
            for replica in starting:
                replica.port = free_port()
                self.balancer.ports[replica.index] = replica.port
        assert all(replica.running for replica in self.replicas), self.logs()

    async def stop(self) -> None:
        await asyncio.gather(*(replica.stop() for replica in self.replicas))

    # Members

    def send(self, handle: str, text: str) -> int:
        """The member sends `text` (a command or an answer); returns the update id."""
        return self.emulator.send_message(handle, text)

    def tap(self, handle: str, label: str) -> int:
        """The member taps the button whose label contains `label` on the newest bot message
        to them that has one; returns the update id."""
        return self.emulator.tap(handle, label)

    def received(self, handle: str) -> list[dict[str, Any]]:
        """Everything the bot sent to or edited for the member, in order (emulator actions)."""
        return [action for action in self.emulator.outbox() if action["to"] == handle]

    def texts(self, handle: str) -> list[str]:
        return [action["text"] or "" for action in self.received(handle)]

    async def step(self, handle: str, line: str) -> list[str]:
        """A chat script's line (DESIGN §4): `[label]` taps a button, anything else is sent.
        Returns the texts of what the member got for it: the actions until none came for a
        moment (a tap's answer may be followed by an edit)."""
        seen = len(self.received(handle))
        if line.startswith("[") and line.endswith("]"):
            self.tap(handle, line[1:-1])
        else:
            self.send(handle, line)
        await until(lambda: len(self.received(handle)) > seen, f"an answer to {handle}: {line}")
        await _quiet(lambda: len(self.received(handle)), STEP_QUIET_SECONDS)
        return self.texts(handle)[seen:]

    async def until_received(self, handle: str, text: str, seconds: float = 30) -> None:
        """Wait until the bot has sent the member something containing `text`."""
        await until(
            lambda: any(text in t for t in self.texts(handle)), f"{text!r} to {handle}", seconds
        )

    async def settled(self) -> None:
        """Wait until nothing new has been sent for a while: every replica ticked several
        times, so whatever a replica would send twice has been sent."""
        await _quiet(lambda: len(self.emulator.outbox()), QUIET_SECONDS)

    def logs(self) -> str:
        """The replicas' output, without the scheduler's line per tick."""
        return "\n".join(
            f"--- replica {replica.index}\n"
            + "\n".join(line for line in replica.log().splitlines() if "apscheduler" not in line)
            for replica in self.replicas
        )
