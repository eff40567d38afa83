"""Rate limiter, quiet hours, broadcasts and the digest, on fakes with a settable clock."""

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Self
from zoneinfo import ZoneInfo

import pytest

from bot.clock import SettableClock
from bot.core.broadcast import RELEASE_PAGE, BroadcastService, announcement_parts, parse_moment
from bot.core.buckets import LocalBuckets
from bot.core.digest import Announcements, DigestService, KnowledgeUpdates, latest_moment
from bot.core.errors import BroadcastClosed, InvalidBroadcast, NotAllowed
from bot.core.knowledge.model import Entry, KnowledgeBase
from bot.core.message_parts import MESSAGE_LIMIT, plain
from bot.core.models import (
    BroadcastState,
    DigestFrequency,
    Member,
    MemberStatus,
    OutboxMessage,
    OutboxState,
    Role,
)
from bot.core.notices.broadcast import BroadcastReport, Digest, DigestSections, KnowledgeItem
from bot.core.quiet import deliver_at, silent
from bot.core.ratelimit import RateLimiter
from tests.fakes import FakeDatabase, FakeUnitOfWork

BRUSSELS = ZoneInfo("Europe/Brussels")
MONDAY_8 = datetime(2026, 12, 7, 8, 0, tzinfo=BRUSSELS)


# The rate limiter


def _limiter(per_second: float, now: list[float]) -> RateLimiter:
    return RateLimiter(per_second, LocalBuckets(), lambda: now[0])


async def _waits(limiter: RateLimiter, chats: list[int], now: list[float]) -> list[float]:
    return [await limiter.reserve(chat_id) - now[0] for chat_id in chats]


async def test_slots_are_spaced_by_the_overall_rate() -> None:
    now = [100.0]
    waits = await _waits(_limiter(10, now), [1, 2, 3, 4, 5], now)
    assert waits == pytest.approx([0.0, 0.1, 0.2, 0.3, 0.4])


async def test_one_private_chat_gets_one_message_a_second_and_a_group_twenty_a_minute() -> None:
    now = [100.0]
    assert await _waits(_limiter(1000, now), [7, 7, 7], now) == pytest.approx([0.0, 1.0, 2.0])
    assert await _waits(_limiter(1000, now), [-5, -5], now) == pytest.approx([0.0, 3.0])


async def test_a_pause_after_a_429_holds_every_slot() -> None:
    now = [100.0]
    limiter = _limiter(1000, now)
    limiter.pause(5)
    assert await _waits(limiter, [1], now) == pytest.approx([5.0])
    now[0] += 6
    assert await _waits(limiter, [2], now) == pytest.approx([0.0], abs=0.01)


async def test_after_a_stall_the_sender_catches_up_without_a_burst() -> None:
    now = [100.0]
    limiter = _limiter(3, now)
    waits = await _waits(limiter, [1, 2, 3, 4, 5], now)
    now[0] += max(waits) + 0.5  # every send woke late, all at once
    assert [limiter.admit() for _ in range(3)] == [0.0, 0.0, 0.0]
    for _ in range(3):
        limiter.answered()
    assert limiter.admit() == pytest.approx(1.0)
    now[0] += 1.0
    assert limiter.admit() == 0.0


async def test_a_send_counts_until_a_second_after_its_answer() -> None:
    """Telegram counts a message somewhere between its request and its answer: sends whose
    answers came late do not leave room for more in the same second at Telegram's end."""
    now = [100.0]
    limiter = _limiter(3, now)
    assert [limiter.admit() for _ in range(3)] == [0.0, 0.0, 0.0]
    now[0] += 1.5  # the answers are slow to come
    assert limiter.admit() > 0
    for _ in range(3):
        limiter.answered()
    now[0] += 0.9
    assert limiter.admit() == pytest.approx(0.1)
    now[0] += 0.1
    assert limiter.admit() == 0.0


# Quiet hours


def _member(**values: object) -> Member:
    member = Member(
        telegram_id=values.pop("telegram_id", 1),  # type: ignore[arg-type]
        role=values.pop("role", Role.GP),  # type: ignore[arg-type]
        status=MemberStatus.ACTIVE,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        updated_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    for name, value in values.items():
        setattr(member, name, value)
    return member


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        ("2026-12-01 21:59", "2026-12-01 21:59"),  # before quiet hours: at once
        ("2026-12-01 23:30", "2026-12-02 07:00"),  # in the evening part: next morning
        ("2026-12-02 03:00", "2026-12-02 07:00"),  # after midnight: the same morning
        ("2026-12-02 07:00", "2026-12-02 07:00"),  # over
    ],
)
def test_a_normal_message_waits_for_the_end_of_quiet_hours(sent: str, expected: str) -> None:
    member = _member(quiet_from=time(22), quiet_until=time(7))
    moment = parse_moment(sent.replace("-", "/"), BRUSSELS)
    assert deliver_at(member, moment, BRUSSELS, urgent=False) == parse_moment(
        expected.replace("-", "/"), BRUSSELS
    )
    assert deliver_at(member, moment, BRUSSELS, urgent=True) == moment


def test_normal_messages_are_silent_at_night_and_urgent_ones_never() -> None:
    night = datetime(2026, 12, 1, 23, 0, tzinfo=BRUSSELS)
    assert silent(night, BRUSSELS, urgent=False) and not silent(night, BRUSSELS, urgent=True)
    assert not silent(night.replace(hour=10), BRUSSELS, urgent=False)


# Broadcasts


@pytest.fixture
def db() -> FakeDatabase:
    return FakeDatabase()


async def _kring(db: FakeDatabase) -> list[Member]:
    people = [
        _member(telegram_id=1, role=Role.COORDINATOR, name="Karin"),
        _member(telegram_id=2, name="Ann", zone="Noord"),
        _member(telegram_id=3, name="Bart", zone="Zuid", quiet_from=time(22), quiet_until=time(7)),
        _member(telegram_id=4, role=Role.LOCUM, name="Lotte", zone="Noord"),
        _member(telegram_id=5, name="Pending", status=MemberStatus.PENDING),
    ]
    async with FakeUnitOfWork(db) as uow:
        for person in people:
            await uow.members.add(person)
        await uow.commit()
    return people


def _service(db: FakeDatabase, clock: SettableClock) -> BroadcastService:
    return BroadcastService(lambda: FakeUnitOfWork(db), clock, "Europe/Brussels")


@pytest.mark.parametrize(
    ("audience", "names"),
    [
        ("all", {"Karin", "Ann", "Bart", "Lotte"}),
        ("role:gp", {"Ann", "Bart"}),
        ("role:locum", {"Lotte"}),
        ("zone:Noord", {"Ann", "Lotte"}),
    ],
)
async def test_an_audience_reaches_the_active_members_it_names(
    db: FakeDatabase, audience: str, names: set[str]
) -> None:
    people = await _kring(db)
    clock = SettableClock(MONDAY_8)
    service = _service(db, clock)
    assert await service.count(audience) == len(names)
    await service.create(people[0], "Vergadering", audience)
    assert await service.release_due() == len(names)
    by_id = {p.id: p.name for p in people}
    assert {by_id[m.member_id] for m in db.outbox.values()} == names


async def test_a_broadcast_to_thousands_is_written_a_page_at_a_time(db: FakeDatabase) -> None:
    """Every member gets one row, and no more than a page of members and rows is in memory at
    once (the rows go to the database a page at a time, in the one transaction)."""
    people = await _kring(db)
    async with FakeUnitOfWork(db) as uow:
        for n in range(2 * RELEASE_PAGE + 1):
            await uow.members.add(_member(telegram_id=100 + n, name=f"M{n}"))
        await uow.commit()
    written: list[int] = []  # rows per add_many

    class Spying(FakeUnitOfWork):
        async def __aenter__(self) -> Self:
            await super().__aenter__()
            add_many = self.outbox.add_many

            async def add_and_count(messages: Sequence[OutboxMessage]) -> None:
                written.append(len(messages))
                await add_many(messages)

            self.outbox.add_many = add_and_count  # type: ignore[method-assign]
            return self

    service = BroadcastService(lambda: Spying(db), SettableClock(MONDAY_8), "Europe/Brussels")
    await service.create(people[0], "Vergadering", "all")
    assert await service.release_due() == 2 * RELEASE_PAGE + 5
    assert Counter(m.member_id for m in db.outbox.values()) == {m.id: 1 for m in await _active(db)}
    assert max(written) <= RELEASE_PAGE and len(written) == 3


async def _active(db: FakeDatabase) -> list[Member]:
    async with FakeUnitOfWork(db) as uow:
        return list(await uow.members.list(active_only=True))


async def test_only_the_coordinator_broadcasts_and_bad_input_changes_nothing(
    db: FakeDatabase,
) -> None:
    people = await _kring(db)
    service = _service(db, SettableClock(MONDAY_8))
    with pytest.raises(NotAllowed):
        await service.create(people[1], "Hallo", "all")
    for text, audience in (("  ", "all"), ("x" * 4001, "all"), ("Hallo", "zone"), ("Hallo", "x")):
        with pytest.raises(InvalidBroadcast):
            await service.create(people[0], text, audience)
    with pytest.raises(InvalidBroadcast):
        await service.create(people[0], "Hallo", "all", at=MONDAY_8 - timedelta(hours=1))
    assert db.broadcasts == {}


async def test_a_scheduled_broadcast_waits_for_its_moment_and_quiet_hours(
    db: FakeDatabase,
) -> None:
    people = await _kring(db)
    clock = SettableClock(MONDAY_8)
    service = _service(db, clock)
    later = MONDAY_8.replace(hour=23)
    await service.create(people[0], "Later", "all", at=later)
    assert await service.release_due() == 0
    clock.set(later)
    assert await service.release_due() == 4
    due = {m.member_id: m.due_at for m in db.outbox.values()}
    assert due[people[2].id] == datetime(2026, 12, 8, 7, 0, tzinfo=BRUSSELS)  # Bart sleeps
    assert due[people[1].id] == later
    assert await service.release_due() == 0  # released once


async def test_cancelling_mid_way_stops_what_was_not_sent_and_the_report_follows(
    db: FakeDatabase,
) -> None:
    people = await _kring(db)
    service = _service(db, SettableClock(MONDAY_8))
    broadcast = await service.create(people[0], "Vergadering", "all")
    await service.release_due()
    first = next(iter(db.outbox.values()))
    first.state = OutboxState.SENT
    progress = await service.cancel(people[0], broadcast.id or 0)
    assert progress.counts == {OutboxState.SENT: 1, OutboxState.CANCELLED: 3}
    assert db.broadcasts[broadcast.id or 0].state is BroadcastState.CANCELLED
    with pytest.raises(BroadcastClosed):
        await service.cancel(people[0], broadcast.id or 0)
    assert await service.finish_sent() == 0  # a cancelled broadcast gets no report


async def test_the_report_comes_once_when_every_row_is_done(db: FakeDatabase) -> None:
    people = await _kring(db)
    service = _service(db, SettableClock(MONDAY_8))
    broadcast = await service.create(people[0], "Vergadering", "all")
    await service.release_due()
    assert await service.finish_sent() == 0  # still waiting
    for row in db.outbox.values():
        row.state = OutboxState.UNREACHABLE if row.member_id == people[3].id else OutboxState.SENT
    assert await service.finish_sent() == 1
    assert await service.finish_sent() == 0
    [report] = [m for m in db.outbox.values() if m.kind == "broadcast_report"]
    assert report.chat_id == 1 and report.notice == BroadcastReport(
        broadcast_id=broadcast.id or 0,
        counts={OutboxState.SENT: 3, OutboxState.UNREACHABLE: 1},
        unreachable_names=("Lotte",),
    )
    with pytest.raises(NotAllowed):
        await service.deliveries(people[1], broadcast.id or 0)
    lines = await service.deliveries(people[0], broadcast.id or 0)
    assert [line.name for line in lines] == ["Ann", "Bart", "Karin", "Lotte"]


# The digest


def test_the_latest_digest_moment_is_the_last_monday_at_eight_before_now() -> None:
    weekly, daily = DigestFrequency.WEEKLY, DigestFrequency.DAILY
    assert latest_moment(weekly, MONDAY_8, BRUSSELS, 0, 8) == MONDAY_8
    just_before = MONDAY_8 - timedelta(minutes=1)
    assert latest_moment(weekly, just_before, BRUSSELS, 0, 8) == MONDAY_8 - timedelta(days=7)
    assert latest_moment(daily, just_before, BRUSSELS, 0, 8) == MONDAY_8 - timedelta(days=1)


def _kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    for entry_id, reviewed in (("new", date(2026, 12, 3)), ("old", date(2026, 1, 1))):
        for language in ("nl", "fr", "en"):
            question = f"{entry_id} {language}?"
            kb.add(Entry(entry_id, language, (question,), "…", "src", reviewed=reviewed))
    return kb


def _digest(db: FakeDatabase, clock: SettableClock) -> DigestService:
    sections = [Announcements(), KnowledgeUpdates(_kb())]
    return DigestService(lambda: FakeUnitOfWork(db), clock, "Europe/Brussels", sections)


async def test_a_digest_goes_once_per_period_with_what_the_member_may_see(
    db: FakeDatabase,
) -> None:
    people = await _kring(db)
    clock = SettableClock(MONDAY_8 - timedelta(days=5))
    await _service(db, clock).create(people[0], "Voor de locums", "role:locum")
    await _service(db, clock).release_due()
    clock.set(MONDAY_8 + timedelta(hours=30))  # the bot was down on Monday at 8: caught up
    digest = _digest(db, clock)
    assert await digest.run_due() == 4
    assert await digest.run_due() == 0  # once per period, however often the tick runs
    sections = {m.member_id: _sections(m) for m in db.outbox.values() if m.kind == "digest"}
    lotte, ann = people[3].id, people[1].id
    assert [item.text for item in sections[lotte].announcements] == ["Voor de locums"]
    assert sections[ann] == DigestSections(knowledge=(KnowledgeItem(id="new", title="new nl?"),))


def _sections(row: OutboxMessage) -> DigestSections:
    digest = row.notice
    assert isinstance(digest, Digest)
    return digest.sections


async def test_an_empty_digest_is_not_sent_and_none_means_none(db: FakeDatabase) -> None:
    people = await _kring(db)
    async with FakeUnitOfWork(db) as uow:
        people[1].digest = DigestFrequency.NONE
        await uow.members.update(people[1])
        await uow.commit()
    clock = SettableClock(MONDAY_8 + timedelta(days=14))  # nothing new in that week
    assert await _digest(db, clock).run_due() == 0
    clock.set(MONDAY_8)
    assert await _digest(db, clock).run_due() == 3  # the knowledge entry; not Ann


async def test_the_history_lists_the_newest_first_with_their_counts(db: FakeDatabase) -> None:
    people = await _kring(db)
    clock = SettableClock(MONDAY_8)
    service = _service(db, clock)
    await service.create(people[0], "Eerste", "zone:Noord")
    await service.release_due()
    clock.set(MONDAY_8 + timedelta(hours=1))
    await service.create(people[0], "Tweede", "all", at=MONDAY_8 + timedelta(days=1))
    history = await service.history(people[0])
    assert [item.broadcast.text for item in history] == ["Tweede", "Eerste"]
    assert [item.total for item in history] == [0, 2]  # the second is not released yet
    assert [key for key, _ in await service.audiences()][:5] == [
        "all",
        "role:gp",
        "role:locum",
        "zone:Noord",
        "zone:Zuid",
    ]
    with pytest.raises(NotAllowed):
        await service.history(people[1])


def test_an_announcement_is_escaped_and_cut_as_the_sender_cuts_it() -> None:
    [one] = announcement_parts("Kring <Noord>", "Koffie & <b>taart</b>")
    assert one == "<b>Kring &lt;Noord&gt;</b>\nKoffie &amp; &lt;b&gt;taart&lt;/b&gt;"
    long_name = "Huisartsenkring " * 10  # with a long name, a full text no longer fits one
    parts = announcement_parts(long_name, "woord " * 666 + "eind")
    assert len(parts) == 2 and parts[0].startswith("<b>Huisartsenkring")
    assert all(len(plain(part)) <= MESSAGE_LIMIT for part in parts)
