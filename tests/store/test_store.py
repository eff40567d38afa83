"""The store against a real database: SQLite by default, PostgreSQL in the second pass."""

import asyncio
from datetime import timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import SettableClock
from bot.core.errors import InviteInvalid, InviteReason
from bot.core.membership import MembershipService, TelegramPerson
from bot.core.models import Invite, Member, MemberStatus, OutboxMessage, OutboxState, Role
from bot.core.outbox import OutboxService
from store.arrivals import SqlArrivals
from store.db import is_sqlite, normalize_url, session_factory
from store.migrate import current_revision, downgrade, upgrade
from store.tables import Base
from store.uow import SqlUnitOfWork
from tests.conftest import START


def _uow_factory(engine: AsyncEngine):  # type: ignore[no-untyped-def]
    sessions = session_factory(engine)
    return lambda: SqlUnitOfWork(sessions)


async def test_migrations_match_the_models(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        differences = await connection.run_sync(
            lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
        )
    assert differences == []


async def test_migrations_go_down_and_up_again(engine: AsyncEngine) -> None:
    await downgrade(engine, "base")
    async with engine.connect() as connection:
        tables = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
    assert set(tables) <= {"alembic_version"}
    await upgrade(engine)
    assert await current_revision(engine) is not None


async def test_members_round_trip_with_aware_timestamps(engine: AsyncEngine) -> None:
    uow = _uow_factory(engine)
    async with uow() as tx:
        added = await tx.members.add(
            Member(
                telegram_id=10**12,
                role=Role.LOCUM,
                name="Élise Dubois",
                riziv="14897616004",
                status=MemberStatus.ACTIVE,
                created_at=START,
                updated_at=START,
            )
        )
        await tx.commit()
    async with uow() as tx:
        loaded = await tx.members.by_telegram_id(10**12)
    assert loaded == added
    assert loaded is not None and loaded.created_at == START and loaded.role is Role.LOCUM
    assert loaded.created_at.tzinfo is not None


async def test_leaving_without_commit_changes_nothing(engine: AsyncEngine) -> None:
    uow = _uow_factory(engine)
    async with uow() as tx:
        await tx.members.add(
            Member(telegram_id=1, role=Role.GP, created_at=START, updated_at=START)
        )
    async with uow() as tx:
        assert await tx.members.by_telegram_id(1) is None


async def test_the_membership_service_works_on_the_real_store(engine: AsyncEngine) -> None:
    uow = _uow_factory(engine)
    membership = MembershipService(uow, SettableClock(START))
    async with uow() as tx:
        await tx.members.add(
            Member(
                telegram_id=99,
                role=Role.COORDINATOR,
                name="Karin",
                status=MemberStatus.ACTIVE,
                created_at=START,
                updated_at=START,
            )
        )
        await tx.commit()
    invite = await membership.create_invite(99, Role.GP, "Noord")
    await membership.redeem_invite(TelegramPerson(5, "nl"), invite.code)
    await membership.answer_onboarding(5, "Ann Claes")
    await membership.answer_onboarding(5, "1-48976-16-004")
    async with uow() as tx:
        member = await tx.members.by_telegram_id(5)
        stored_invite = await tx.invites.by_code(invite.code)
        outbox = await tx.outbox.list()
    assert member is not None and member.is_active and member.zone == "Noord"
    assert isinstance(stored_invite, Invite) and stored_invite.used_by == member.id
    assert [m.kind for m in outbox] == ["member_joined"]


async def test_an_invite_used_by_several_people_at_once_makes_one_member(
    engine: AsyncEngine,
) -> None:
    """On PostgreSQL the redemptions run at once on 8 engines (as 8 processes would), each
    connected beforehand; SQLite serialises writers, so there the later ones must still lose."""
    from store.db import create_engine

    url = normalize_url(engine.url.render_as_string(hide_password=False))
    engines = [engine] if is_sqlite(url) else [create_engine(url) for _ in range(8)]
    for each in engines:
        async with each.connect():
            pass
    services = [MembershipService(_uow_factory(e), SettableClock(START)) for e in engines]
    invite = await services[0].create_invite(None, Role.GP, "Noord")

    async def redeem(telegram_id: int) -> int | None:
        try:
            await services[telegram_id % len(services)].redeem_invite(
                TelegramPerson(telegram_id, "nl"), invite.code
            )
        except InviteInvalid as error:
            assert error.reason is InviteReason.USED
            return None
        return telegram_id

    if is_sqlite(url):
        winners = [await redeem(telegram_id) for telegram_id in range(8)]
    else:
        winners = await asyncio.gather(*(redeem(telegram_id) for telegram_id in range(8)))
        for extra in engines:
            await extra.dispose()
    async with _uow_factory(engine)() as tx:
        members = await tx.members.list()
    assert [winner for winner in winners if winner is not None] == [
        member.telegram_id for member in members
    ]  # one winner, one member


async def _queue_messages(engine: AsyncEngine, count: int) -> None:
    async with _uow_factory(engine)() as tx:
        for n in range(count):
            await tx.outbox.add(
                OutboxMessage(chat_id=n, kind="join_approved", due_at=START, params={"n": n})
            )
        await tx.commit()


async def test_outbox_claims_are_leased(engine: AsyncEngine) -> None:
    clock = SettableClock(START)
    outbox = OutboxService(_uow_factory(engine), clock)
    await _queue_messages(engine, 3)
    claimed = await outbox.claim_due(limit=2)
    assert [m.params["n"] for m in claimed] == [0, 1]
    assert [m.params["n"] for m in await outbox.claim_due()] == [2]
    assert await outbox.claim_due() == []
    outbox.sent(claimed[0], 1)
    await outbox.record(claimed[:1])
    clock.advance(timedelta(hours=1))
    assert sorted(m.params["n"] for m in await outbox.claim_due()) == [1, 2]


async def test_a_sender_takes_back_only_its_own_unfinished_claims(engine: AsyncEngine) -> None:
    outbox = OutboxService(_uow_factory(engine), SettableClock(START))
    await _queue_messages(engine, 4)
    mine = await outbox.claim_due(limit=2, owner="host:8443")
    theirs = await outbox.claim_due(limit=1, owner="host:8444")
    outbox.sent(mine[0], 1)
    await outbox.record(mine[:1])
    assert await outbox.release_claims("host:8443") == 1  # the sent one stays sent
    assert [m.params["n"] for m in await outbox.claim_due(owner="host:8443")] == [1, 3]
    assert theirs[0].claimed_by == "host:8444"


async def test_concurrent_senders_never_claim_the_same_row(engine: AsyncEngine) -> None:
    """Several processes share one PostgreSQL database; SKIP LOCKED keeps their claims apart.
    (SQLite serialises writers, so there it only shows the claims stay disjoint.)"""
    from store.db import create_engine

    await _queue_messages(engine, 60)
    url = normalize_url(engine.url.render_as_string(hide_password=False))
    engines = [engine] if is_sqlite(url) else [create_engine(url) for _ in range(4)]
    senders = [OutboxService(_uow_factory(e), SettableClock(START)) for e in engines] * (
        4 // len(engines)
    )

    async def drain(sender: OutboxService) -> list[int]:
        mine: list[int] = []
        while batch := await sender.claim_due(limit=5):
            mine += [m.params["n"] for m in batch]
            await asyncio.sleep(0)
        return mine

    claims = await asyncio.gather(*(drain(sender) for sender in senders))
    everything = [n for claim in claims for n in claim]
    assert sorted(everything) == list(range(60))  # each row claimed exactly once
    if not is_sqlite(url):
        for extra in engines:
            await extra.dispose()
    async with _uow_factory(engine)() as tx:
        assert {m.state for m in await tx.outbox.list()} == {OutboxState.SENDING}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("sqlite:///var/x.db", "sqlite+aiosqlite:///var/x.db"),
        ("postgresql://u:p@h/db", "postgresql+asyncpg://u:p@h/db"),
        ("postgresql+asyncpg://u:p@h/db", "postgresql+asyncpg://u:p@h/db"),
    ],
)
def test_database_urls_get_the_async_driver(given: str, expected: str) -> None:
    assert normalize_url(given) == expected


def test_other_databases_are_refused() -> None:
    with pytest.raises(ValueError, match="unsupported"):
        normalize_url("mysql://u@h/db")


async def test_an_update_id_is_recorded_once_across_processes(engine: AsyncEngine) -> None:
    from bot.core.updates import UpdateLog
    from store.db import create_engine

    url = normalize_url(engine.url.render_as_string(hide_password=False))
    engines = [engine] if is_sqlite(url) else [engine, create_engine(url), create_engine(url)]
    logs = [UpdateLog(SqlArrivals(e), _uow_factory(e), SettableClock(START)) for e in engines]
    arrivals = await asyncio.gather(*(log.receive(77, None) for log in logs * 2))
    firsts = [arrival.first for arrival in arrivals]
    assert sorted(firsts) == [False] * (len(firsts) - 1) + [True]
    for extra in engines[1:]:
        await extra.dispose()


async def test_old_update_ids_are_forgotten(engine: AsyncEngine) -> None:
    from bot.core.updates import REMEMBER_FOR, UpdateLog

    clock = SettableClock(START)
    log = UpdateLog(SqlArrivals(engine), _uow_factory(engine), clock)
    assert (await log.receive(5, None)).first
    clock.advance(REMEMBER_FOR + timedelta(seconds=1))
    await log.forget_old()
    assert (await log.receive(5, None)).first


async def test_a_broadcast_is_started_and_a_digest_period_run_by_one_process_only(
    engine: AsyncEngine,
) -> None:
    from bot.core.models import Broadcast, BroadcastState
    from store.db import create_engine

    url = normalize_url(engine.url.render_as_string(hide_password=False))
    async with _uow_factory(engine)() as tx:
        author = await tx.members.add(
            Member(7, Role.COORDINATOR, created_at=START, updated_at=START)
        )
        await tx.broadcasts.add(
            Broadcast(author.id or 0, "all", "Hallo", START, START - timedelta(minutes=1))
        )
        await tx.commit()
    engines = [engine] if is_sqlite(url) else [create_engine(url) for _ in range(3)]

    async def attempt(e: AsyncEngine) -> tuple[int, bool]:
        async with _uow_factory(e)() as tx:
            started = await tx.broadcasts.start_due(START)
            ran = await tx.digest_runs.start("weekly:2026-12-07", START)
            await asyncio.sleep(0.05)  # hold the locks a moment
            await tx.commit()
            return len(started), ran

    outcomes = await asyncio.gather(*(attempt(e) for e in engines * (3 // len(engines))))
    assert sorted(outcomes) == [(0, False), (0, False), (1, True)]
    if not is_sqlite(url):
        for extra in engines:
            await extra.dispose()
    async with _uow_factory(engine)() as tx:
        [broadcast] = await tx.broadcasts.in_state(BroadcastState.SENDING)
        broadcast.state = BroadcastState.DONE
        assert await tx.broadcasts.transition(broadcast, BroadcastState.SENDING)
        assert not await tx.broadcasts.transition(broadcast, BroadcastState.SENDING)


async def test_statistics_count_members_deliveries_and_questions(engine: AsyncEngine) -> None:
    from bot.core.models import Question
    from bot.core.stats import StatsService

    uow = _uow_factory(engine)
    async with uow() as tx:
        active = MemberStatus.ACTIVE
        coordinator = await tx.members.add(
            Member(1, Role.COORDINATOR, status=active, created_at=START, updated_at=START)
        )
        await tx.members.add(Member(2, Role.GP, created_at=START, updated_at=START))
        for verdict, forwarded in (("confident", None), ("none", START), ("close", None)):
            question = Question(None, "?", "nl", verdict, START, forwarded_at=forwarded)
            await tx.questions.add(question)
        await tx.commit()
    figures = dict(await StatsService(uow).figures(coordinator))
    assert figures["members_active"] == figures["role_coordinator"] == 1
    assert figures["members_pending"] == 1
    assert (figures["questions_asked"], figures["questions_answered"]) == (3, 2)
    assert (figures["questions_forwarded"], figures["questions_replied"]) == (1, 0)
