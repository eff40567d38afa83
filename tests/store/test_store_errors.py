"""Database errors as the core sees them: a race on a unique value is the member's clear answer,
and a refused value never carries the member's data into a message or a log."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DataError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import SettableClock
from bot.core.errors import InvalidRiziv, RizivReason, StoreRefused
from bot.core.membership import MembershipService, TelegramPerson
from bot.core.models import Role
from store import db
from store.db import create_engine, session_factory
from store.repositories.membership import SqlMemberRepository
from store.uow import SqlUnitOfWork, raise_as_domain_error

RIZIV = "1-48976-16-004"


async def test_two_members_typing_one_riziv_number_at_once(
    engine: AsyncEngine, clock: SettableClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions = session_factory(engine)
    membership = MembershipService(lambda: SqlUnitOfWork(sessions), clock)
    for telegram_id in (1, 2):
        invite = await membership.create_invite(None, Role.GP)
        await membership.redeem_invite(TelegramPerson(telegram_id, "nl"), invite.code)
        await membership.answer_onboarding(telegram_id, f"Arts {telegram_id}")
    await membership.answer_onboarding(1, RIZIV)

    async def not_yet_committed(self: SqlMemberRepository, riziv: str) -> None:
        return None  # the other replica read before the first one committed

    monkeypatch.setattr(SqlMemberRepository, "by_riziv", not_yet_committed)
    with pytest.raises(InvalidRiziv) as refused:
        await membership.answer_onboarding(2, RIZIV)
    assert refused.value.reason is RizivReason.TAKEN


def test_a_refused_value_is_named_by_its_statement_only() -> None:
    driver = Exception("value too long for type character varying(80): 'Ann Claes 14897616004'")
    error = DataError("UPDATE members SET name=$1, riziv=$2 WHERE members.id = $3", None, driver)
    with pytest.raises(StoreRefused) as refused:
        raise_as_domain_error(error)
    assert str(refused.value) == "Exception on UPDATE members SET name=$1, …"
    assert refused.value.__cause__ is None and refused.value.__suppress_context__


async def test_a_pooled_connection_the_database_closed_while_idle_is_replaced(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Connections are pinged only after being idle (store.db): one the database closed in the
    meantime (a restart, a firewall) is replaced before a member's update uses it."""
    if engine.dialect.name == "sqlite":
        pytest.skip("PostgreSQL closes connections; a SQLite file has none to close")
    async with engine.connect() as connection:
        pid = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one()
    other = create_engine(engine.url.render_as_string(hide_password=False))
    async with other.connect() as connection:
        await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    await other.dispose()
    monkeypatch.setattr(db, "PING_AFTER_IDLE", 0.0)  # every checked-in connection counts as idle
    async with engine.connect() as connection:
        new_pid = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one()
    assert new_pid != pid
