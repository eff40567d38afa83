"""The outbox sender against the emulator's fault injection: 429 storms, blocked members,
timeouts; then real sender processes killed at random moments, and two of them side by side."""

import asyncio
import json
import random
import signal
import sys
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Bot
from telegram.request import HTTPXRequest

from bot.clock import SettableClock
from bot.config import Settings
from bot.core.errors import StoreUnavailable
from bot.core.models import Member, OutboxMessage, OutboxState, Role
from bot.core.notices.broadcast import BroadcastReport
from bot.core.outbox import OutboxService
from bot.core.ports import UnitOfWork, UnitOfWorkFactory
from bot.core.services import Services
from bot.demo import seed_synthetic
from bot.emulator import Emulator
from bot.sender import Sender, SendLimits
from bot.services import build_services
from handlers import COMPOSER

ROOT = Path(__file__).resolve().parent.parent.parent
KILLS = 3
FAST = SendLimits(1000, 8)


@dataclass
class Kring:
    emulator: Emulator
    services: Services
    members: list[Member]
    clock: SettableClock

    def sender(
        self,
        read_timeout: float = 5.0,
        name: str | None = None,
        outbox: OutboxService | None = None,
        limits: SendLimits = FAST,
    ) -> Sender:
        request = HTTPXRequest(connection_pool_size=8, read_timeout=read_timeout)
        bot = Bot(self.emulator.token, base_url=self.emulator.base_url, request=request)
        # The limiter follows the settable clock: a 429's pause ends when the test moves time.
        return Sender(
            bot,
            outbox or self.services.outbox,
            self.services.kring,
            COMPOSER.compose,
            limits,
            lambda: self.clock.now().timestamp(),
            name=name,
        )

    async def broadcast(self, urgent: bool = False) -> None:
        coordinator = self.members[0]
        await self.services.broadcasts.create(
            coordinator, "Algemene vergadering", "all", urgent=urgent
        )
        await self.services.broadcasts.release_due()

    async def rows(self) -> list[OutboxMessage]:
        async with self.services.outbox.uow_factory() as uow:
            return list(await uow.outbox.list())

    def received(self) -> Counter[int]:
        return Counter(action["chat_id"] for action in self.emulator.outbox())

    async def send_until_done(self, sender: Sender, step: timedelta) -> None:
        for _ in range(60):
            await sender.send_due()
            if not any(row.state is OutboxState.PENDING for row in await self.rows()):
                return
            self.clock.advance(step)
        pytest.fail("the outbox never emptied")


@pytest.fixture
async def kring(
    engine: AsyncEngine, settings: Settings, clock: SettableClock
) -> AsyncIterator[Kring]:
    emulator = Emulator()
    await emulator.start()
    wiring = build_services(settings, clock, engine)
    members = await seed_synthetic(wiring.unit_of_work, 30, clock.now())
    members[0].role = Role.COORDINATOR
    async with wiring.unit_of_work() as uow:
        await uow.members.update(members[0])
        await uow.commit()
    for member in members:
        emulator.create_user(f"m{member.id}", user_id=member.telegram_id, started=True)
    yield Kring(emulator, wiring.services, members, clock)
    await emulator.stop()


async def test_a_429_storm_delays_but_every_member_gets_the_message_once(kring: Kring) -> None:
    kring.emulator.set_faults(rate_429=0.3, retry_after=2, seed=7)
    await kring.broadcast()
    await kring.send_until_done(kring.sender(), timedelta(seconds=2))
    assert kring.received() == Counter({m.telegram_id: 1 for m in kring.members})
    rows = await kring.rows()
    assert {row.state for row in rows} == {OutboxState.SENT}
    assert all(row.attempts == 0 for row in rows)  # waiting for Telegram is not a failure
    assert any(row.last_error for row in rows)  # they did have to wait


async def test_members_who_blocked_the_bot_are_reported_and_skipped_next_time(
    kring: Kring,
) -> None:
    blocked = kring.members[1:4]
    for member in blocked:
        kring.emulator.block(f"m{member.id}")
    await kring.broadcast()
    await kring.send_until_done(kring.sender(), timedelta(seconds=1))
    await kring.services.broadcasts.finish_sent()
    rows = await kring.rows()
    report = next(row for row in rows if row.kind == "broadcast_report")
    assert isinstance(notice := report.notice, BroadcastReport)
    assert notice.counts == {OutboxState.SENT: 27, OutboxState.UNREACHABLE: 3}
    assert sorted(notice.unreachable_names) == sorted(m.name or "" for m in blocked)

    calls_before = len(kring.emulator.outbox())
    await kring.broadcast()  # the second time, nothing is even tried for them
    await kring.send_until_done(kring.sender(), timedelta(seconds=1))
    second = [row for row in await kring.rows() if row.broadcast_id == 2]
    skipped = [row for row in second if row.state is OutboxState.UNREACHABLE]
    assert {row.member_id for row in skipped} == {m.id for m in blocked}
    assert all(row.claimed_at is None for row in skipped)
    assert len(kring.emulator.outbox()) - calls_before == 27 + 1  # + the first report


async def test_a_row_this_version_cannot_read_waits_and_blocks_nobody(kring: Kring) -> None:
    """Rows written by a newer version (rolling deploy): an unknown kind, a known kind whose
    payload lacks what this version needs, one with a field of another type, and one whose
    envelope this version cannot read. They wait; the broadcast behind them goes."""
    member = kring.members[1]
    now = kring.clock.now()
    newer = [
        ("from_a_newer_version", {"x": 1}),
        ("question_reply", {"answer": "?"}),
        ("question_reply", {"question": "?", "reply": ["a", "list"]}),
        ("question_reply", {"question": "?", "reply": "!", "not_after": "soon"}),
    ]
    async with kring.services.outbox.uow_factory() as uow:
        for kind, params in newer:
            row = OutboxMessage(member.telegram_id or 0, kind, now, params=params)
            await uow.outbox.add(row)
        await uow.commit()
    await kring.broadcast()
    await kring.sender().send_due()

    assert kring.received() == Counter({m.telegram_id: 1 for m in kring.members})
    waiting = [row for row in await kring.rows() if row.kind != "broadcast"]
    assert [row.state for row in waiting] == [OutboxState.PENDING] * len(newer)
    assert all(row.due_at > now and row.attempts == 0 and row.last_error for row in waiting)


async def test_timeouts_are_retried_with_back_off(kring: Kring) -> None:
    kring.emulator.set_faults(rate_timeout=0.3, timeout_seconds=0.3, seed=3)
    await kring.broadcast()
    await kring.send_until_done(kring.sender(read_timeout=0.1), timedelta(minutes=5))
    rows = await kring.rows()
    assert kring.received() == Counter({m.telegram_id: 1 for m in kring.members})
    retried = [row for row in rows if row.attempts]
    assert retried and all(row.state is OutboxState.SENT for row in rows)


async def test_at_night_normal_messages_arrive_silently_and_urgent_ones_ring(
    kring: Kring,
) -> None:
    kring.clock.set(kring.clock.now().replace(hour=22, minute=30))  # 23:30 in Brussels
    sender = kring.sender()
    await kring.broadcast()
    await sender.send_due()
    await kring.broadcast(urgent=True)
    await sender.send_due()
    flags = [action["disable_notification"] for action in kring.emulator.outbox()]
    assert flags == [True] * 30 + [False] * 30


async def _delivered(kring: Kring, count: int) -> None:
    for _ in range(1000):
        if len(kring.emulator.outbox()) >= count:
            return
        await asyncio.sleep(0.01)
    pytest.fail(f"fewer than {count} messages delivered")


class Outage:
    """Units of work on a database that can be cut off: while it is, each one fails the way a
    database that cannot be reached does."""

    def __init__(self, real: UnitOfWorkFactory) -> None:
        self.real = real
        self.cut = False

    def __call__(self) -> UnitOfWork:
        return _Unreachable() if self.cut else self.real()  # type: ignore[return-value]


class _Unreachable:
    async def __aenter__(self) -> None:
        raise StoreUnavailable()

    async def __aexit__(self, *_: object) -> None: ...


async def test_sends_during_a_database_outage_are_recorded_when_it_is_back(kring: Kring) -> None:
    """The database goes away a few messages into a broadcast: the claimed rows are still
    sent, their outcomes kept, recorded when it is back, and nothing is sent again after the
    claim lease."""
    outage = Outage(kring.services.outbox.uow_factory)
    outbox = OutboxService(outage, kring.clock, kring.services.outbox.lease)
    sender = kring.sender(outbox=outbox, limits=SendLimits(30, 4))
    await kring.broadcast()
    sending = asyncio.create_task(sender.send_due())
    await _delivered(kring, 5)
    outage.cut = True
    with pytest.raises(StoreUnavailable):  # the batch went out; claiming more did not
        await sending
    assert await sender.send_due() == 0  # still away: nothing claimed, nothing lost
    outage.cut = False
    kring.clock.advance(outbox.lease * 2)  # rows left in `sending` would now be sent again
    await sender.send_due()
    assert kring.received() == Counter({m.telegram_id: 1 for m in kring.members})
    assert {row.state for row in await kring.rows()} == {OutboxState.SENT}


async def test_a_restarted_sender_sends_the_rows_it_had_claimed_at_once(kring: Kring) -> None:
    await kring.broadcast()
    claimed = await kring.services.outbox.claim_due(limit=100, owner="host:8443")
    assert len(claimed) == 30  # ... and the process died before sending them
    assert await kring.sender(name="host:8444").send_due() == 0  # another's: after the lease
    assert await kring.sender(name="host:8443").send_due() == 30  # its own: at once
    assert kring.received() == Counter({m.telegram_id: 1 for m in kring.members})


# Real processes: tests/… starts bench.sender_process against the test's database.


async def _sender_process(kring: Kring, url: str, lease: float) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.sender_process",
        "--db",
        url,
        "--api",
        kring.emulator.base_url,
        "--rate",
        "200",
        "--concurrency",
        "8",
        "--lease",
        str(lease),
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
    )


async def _sending(kring: Kring, process: asyncio.subprocess.Process) -> bool:
    """Wait until the process delivers its first message (starting Python takes a while);
    False if it finished without sending anything."""
    before = len(kring.emulator.outbox())
    while len(kring.emulator.outbox()) == before:
        if process.returncode is not None:
            return False
        await asyncio.sleep(0.02)
    return True


def _url(engine: AsyncEngine) -> str:
    return engine.url.render_as_string(hide_password=False)


async def test_killed_senders_lose_nothing_and_double_at_most_once_per_kill(
    kring: Kring, engine: AsyncEngine
) -> None:
    """kill -9 at random moments while a broadcast is being sent, restart, until all is sent."""
    uow_factory = kring.services.outbox.uow_factory
    more = await seed_synthetic(uow_factory, 270, kring.clock.now(), first=31)
    for member in more:
        kring.emulator.create_user(f"m{member.id}", user_id=member.telegram_id, started=True)
    everyone = kring.members + more
    kring.clock.set(kring.clock.now().replace(year=2000))  # the rows are due for the real clock
    await kring.broadcast()
    rng, kills = random.Random(2026), 0
    while True:
        process = await _sender_process(kring, _url(engine), lease=2.0)
        if kills == KILLS or not await _sending(kring, process):
            assert await process.wait() == 0
            break  # finished on its own: everything sent
        await asyncio.sleep(rng.uniform(0.0, 0.3))  # somewhere in the send/record cycle
        process.send_signal(signal.SIGKILL)
        await process.wait()
        kills += 1
    received = kring.received()
    lost = [m.telegram_id for m in everyone if received[m.telegram_id or 0] == 0]
    doubled = {chat: n - 1 for chat, n in received.items() if n > 1}
    print(
        f"kills={kills} recipients={len(everyone)} lost={len(lost)} "
        f"doubled_recipients={len(doubled)} extra_messages={sum(doubled.values())}"
    )
    assert kills >= 1 and lost == []
    assert all(extra <= kills for extra in doubled.values())


async def test_two_sender_processes_never_send_a_row_twice(
    kring: Kring, engine: AsyncEngine
) -> None:
    kring.clock.set(kring.clock.now().replace(year=2000))
    for _ in range(5):
        await kring.broadcast()
    processes = [await _sender_process(kring, _url(engine), lease=300) for _ in range(2)]
    outputs = [await process.communicate() for process in processes]
    sent = [json.loads(out)["sent"] for out, _ in outputs]
    assert kring.received() == Counter({m.telegram_id: 5 for m in kring.members})
    assert sum(sent) == 150


async def test_a_tick_during_a_long_send_leaves_the_sending_to_it(kring: Kring) -> None:
    from bot.scheduling import run_due_work

    await kring.broadcast()
    bot = Bot(kring.emulator.token, base_url=kring.emulator.base_url)
    sender = Sender(
        bot, kring.services.outbox, kring.services.kring, COMPOSER.compose, SendLimits(10, 4)
    )
    first = asyncio.create_task(sender.send_due())  # 30 messages at 10 a second
    await asyncio.sleep(0.2)
    assert sender.busy
    await run_due_work(sender, kring.services)  # returns at once instead of queueing
    assert not first.done()
    assert await first == 30
