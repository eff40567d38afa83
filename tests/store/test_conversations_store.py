"""Where people are in multi-step flows, on the real database (SQLite and PostgreSQL)."""

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import SettableClock
from bot.core.conversations import ConversationStore, Step
from bot.core.models import Member, MemberStatus, Role
from bot.core.privacy import PrivacyService
from store.tables import ConversationRow
from tests.conftest import START
from tests.store.test_store import _uow_factory

ANN = 10**12  # a Telegram id beyond 32 bits


async def _rows(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(select(func.count(ConversationRow.name)))).scalar())


async def test_a_step_is_replaced_ended_and_forgotten_after_half_an_hour(
    engine: AsyncEngine,
) -> None:
    clock = SettableClock(START)
    store = ConversationStore(_uow_factory(engine), clock)
    await store.save(ANN, ANN, "fee", Step(1, {"income": Decimal("4000.50")}))
    await store.save(ANN, ANN, "fee", Step(2, {"income": Decimal("4000.50"), "hours": 16}))
    await store.save(ANN, ANN, "broadcast", Step(0))
    await store.save(ANN + 1, ANN + 1, "fee", Step(1))
    assert await store.load(ANN, ANN) == {
        "fee": Step(2, {"income": Decimal("4000.50"), "hours": 16}),
        "broadcast": Step(0),
    }
    await store.save(ANN, ANN, "broadcast", None)
    assert list(await store.load(ANN, ANN)) == ["fee"]

    clock.advance(timedelta(minutes=30))
    assert await store.load(ANN, ANN) == {}
    await store.forget_expired()
    assert await _rows(engine) == 0


async def test_forgetting_a_member_removes_their_drafts(engine: AsyncEngine) -> None:
    uow, clock = _uow_factory(engine), SettableClock(START)
    async with uow() as tx:
        member = await tx.members.add(
            Member(ANN, Role.GP, status=MemberStatus.ACTIVE, created_at=START, updated_at=START)
        )
        await tx.commit()
    store = ConversationStore(uow, clock)
    await store.save(ANN, ANN, "broadcast", Step(1, {"text": "Beste collega's"}))
    await PrivacyService(uow, clock, timedelta(days=365)).forget(member, member.id or 0)
    assert await store.load(ANN, ANN) == {}
