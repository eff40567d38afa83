"""Retention: questions and finished delivery logs older than the period go; the rest stays."""

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import SettableClock
from bot.core.models import OutboxMessage, OutboxState, Question
from bot.core.privacy import PrivacyService
from tests.conftest import START
from tests.store.test_store import _uow_factory

RETENTION = timedelta(days=365)


async def test_old_logs_go_and_recent_or_pending_ones_stay(engine: AsyncEngine) -> None:
    uow = _uow_factory(engine)
    old, recent = START - RETENTION - timedelta(days=1), START - timedelta(days=1)
    async with uow() as tx:
        for at, text in ((old, "oud"), (recent, "recent")):
            await tx.questions.add(Question(None, text, "nl", "none", at))
        for at, state in (
            (old, OutboxState.SENT),
            (old, OutboxState.PENDING),
            (recent, OutboxState.SENT),
        ):
            await tx.outbox.add(OutboxMessage(1, "digest", at, state=state, params={"at": str(at)}))
        await tx.commit()
    clock = SettableClock(START)
    privacy = PrivacyService(uow, clock, RETENTION)

    assert await privacy.apply_retention() == 2  # the old question and the old sent message
    assert await privacy.apply_retention() == 0  # not again within the hour

    async with uow() as tx:
        kept_questions = [q.text for q in await tx.questions.needing_attention(10)]
        kept_outbox = [(m.state, m.due_at) for m in await tx.outbox.list()]
    assert kept_questions == ["recent"]
    assert sorted(kept_outbox, key=repr) == sorted(
        [(OutboxState.PENDING, old), (OutboxState.SENT, recent)], key=repr
    )
