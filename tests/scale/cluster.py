"""Several real bot processes on one PostgreSQL database, behind a loopback balancer.

What runs (see the `cluster` fixture in conftest.py)::

    Emulator (in the test process) --webhook--> Balancer (in the test process)
        --> replica 0: `kringbot run --webhook` on port A  \
        --> replica 1: `kringbot run --webhook` on port B   }-- one PostgreSQL database
        --> (replica 2 …)                                   /

- The emulator is the Telegram Bot API: every replica calls it with `--api-base`, each sets the
  same webhook (the balancer's URL), and it posts each update to the balancer, one at a time.
- The `Balancer` forwards an update round-robin (the default), to one pinned replica, or to all
  of them (Telegram's delivery twice, to several replicas); or it holds updates (answering 200,
  as a balancer with a queue would) until `release()` forwards them all at the same moment, each
  to the next replica: "two people tap at once on two replicas".
- The replicas are real processes with the system clock; their ticks (`OUTBOX_INTERVAL_SECONDS`,
  short here) do the due work, so a test makes work due by writing rows that are due now
  through `Cluster.services` (the test process's own services on the same database).

Members are driven in process, as the emulator's control API does over HTTP: `send` a text,
`tap` a button, and read what the bot sent a member with `received` / `texts`. The replicas are
other processes, so a test waits for an outcome with `until`, and before counting ("exactly
once") waits with `settled` until nothing new has been sent for a few ticks.
"""

import asyncio
import itertools
import os
import signal
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from bot.core.ports import UnitOfWorkFactory
from bot.core.services import Services
from bot.emulator import Emulator

ROOT = Path(__file__).resolve().parent.parent.parent
TOKEN = "987654:kringbot-scale-token"
SECRET = "scale-webhook-secret"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
TICK_SECONDS = 0.5  # the replicas' tick interval: due work is picked up quickly
QUIET_SECONDS = 2.0  # `settled`: several ticks of every replica without anything new sent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Replica:
    """One `kringbot run --webhook` process; its output goes to `log_path`; `environment`
    adds to or overrides the settings below."""

    index: int
    port: int
    log_path: Path
    environment: dict[str, str] = field(default_factory=dict)
    process: asyncio.subprocess.Process | None = None

    async def start(self, emulator: Emulator, database_url: str, balancer_url: str) -> None:
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
            **self.environment,
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


@dataclass
class Balancer:
    """A loopback load balancer in front of the replicas' webhook servers.

    `routed` lists (update_id, replica index) for every forward, so a test can check where an
    update went."""

    ports: list[int]
    routed: list[tuple[int, int]] = field(default_factory=list)
    _pinned: int | None = None
    _fan_out: bool = False
    _holding: bool = False
    _held: list[tuple[bytes, str]] = field(default_factory=list)
    _turns: "itertools.cycle[int] | None" = None
    _runner: web.AppRunner | None = None
    _session: aiohttp.ClientSession | None = None
    url: str = ""

    async def start(self) -> None:
        self._turns = itertools.cycle(range(len(self.ports)))
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        app = web.Application()
        app.router.add_post("/", self._receive)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        port = free_port()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()
        self.url = f"http://127.0.0.1:{port}/"

    async def stop(self) -> None:
        if self._session is not None:
            await self._session.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # How updates are routed

    def round_robin(self) -> None:
        """Each update to the next replica (the default)."""
        self._pinned, self._fan_out, self._holding = None, False, False

    def pin(self, index: int) -> None:
        """Every update to replica `index`."""
        self.round_robin()
        self._pinned = index

    def fan_out(self) -> None:
        """Every update to every replica at once: one update delivered several times."""
        self.round_robin()
        self._fan_out = True

    def hold(self) -> None:
        """Keep the updates that arrive (answering 200) until `release`."""
        self._holding = True

    async def holding(self, count: int, seconds: float = 10) -> None:
        """Wait until `count` updates are held (the emulator posts them one at a time)."""
        await until(lambda: len(self._held) >= count, f"{count} updates held", seconds)

    async def release(self) -> None:
        """Forward every held update at the same moment, each to the next replica; then route
        round-robin again."""
        held, self._held = self._held, []
        self.round_robin()
        await asyncio.gather(
            *(self._forward(next(self._next_turns()), body, secret) for body, secret in held)
        )

    # Forwarding

    def _next_turns(self) -> "itertools.cycle[int]":
        assert self._turns is not None, "start the balancer first"
        return self._turns

    def _targets(self) -> list[int]:
        if self._fan_out:
            return list(range(len(self.ports)))
        if self._pinned is not None:
            return [self._pinned]
        return [next(self._next_turns())]

    async def _receive(self, request: web.Request) -> web.Response:
        body, secret = await request.read(), request.headers.get(SECRET_HEADER, "")
        if self._holding:
            self._held.append((body, secret))
            return web.Response()
        statuses = await asyncio.gather(
            *(self._forward(index, body, secret) for index in self._targets())
        )
        # Like a balancer, a replica's failure reaches Telegram, which delivers again later.
        failed = [status for status in statuses if not 200 <= status < 300]
        return web.Response(status=failed[0] if failed else 200)

    async def _forward(self, index: int, body: bytes, secret: str) -> int:
        assert self._session is not None
        self.routed.append((_update_id(body), index))
        try:
            async with self._session.post(
                f"http://127.0.0.1:{self.ports[index]}/",
                data=body,
                headers={SECRET_HEADER: secret, "Content-Type": "application/json"},
            ) as response:
                return response.status
        except aiohttp.ClientError:
            return 502


def _update_id(body: bytes) -> int:
    import json

    return int(json.loads(body)["update_id"])


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
    unit_of_work: UnitOfWorkFactory  # to write rows that are due, and to read what happened

    async def start(self, database_url: str) -> None:
        for replica in self.replicas:
            await replica.start(self.emulator, database_url, self.balancer.url)
        await until(
            lambda: all(replica.running for replica in self.replicas),
            "every replica is running",
            seconds=90,
        )

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

    async def reply(self, handle: str, update: Callable[[], int], seconds: float = 30) -> str:
        """Do `update` (a `send` or `tap`) and return the text of the first action it caused
        for the member."""
        seen = len(self.received(handle))
        update()
        await until(lambda: len(self.received(handle)) > seen, f"an answer to {handle}", seconds)
        return self.texts(handle)[seen]

    async def until_received(self, handle: str, text: str, seconds: float = 30) -> None:
        """Wait until the bot has sent the member something containing `text`."""
        await until(lambda: any(text in t for t in self.texts(handle)), f"{text!r} to {handle}")

    async def settled(self, quiet: float = QUIET_SECONDS, seconds: float = 60) -> None:
        """Wait until nothing new has been sent for `quiet` seconds: every replica ticked
        several times, so whatever a replica would send twice has been sent."""
        async with asyncio.timeout(seconds):
            while True:
                count = len(self.emulator.outbox())
                await asyncio.sleep(quiet)
                if len(self.emulator.outbox()) == count:
                    return

    def logs(self) -> str:
        """The replicas' output, without the scheduler's line per tick."""
        return "\n".join(
            f"--- replica {replica.index}\n"
            + "\n".join(line for line in replica.log().splitlines() if "apscheduler" not in line)
            for replica in self.replicas
        )
