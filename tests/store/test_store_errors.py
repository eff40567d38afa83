"""Database errors as the core sees them: a race on a unique value is the member's clear answer,
and a refused value never carries the member's data into a message or a log."""

import pytest
from sqlalchemy.exc import DataError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import SettableClock
from bot.core.errors import InvalidRiziv, RizivReason, StoreRefused
from bot.core.membership import MembershipService, TelegramPerson
from bot.core.models import Role
from store.db import session_factory
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
