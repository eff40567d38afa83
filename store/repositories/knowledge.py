"""The questions members asked the knowledge base, and the entries the coordinator added."""

from collections.abc import Sequence

from sqlalchemy import and_, func, or_, select

from bot.core.models import Question, TaughtEntry
from store.repositories.base import Repository
from store.tables import QuestionRow, TaughtEntryRow


class SqlQuestionRepository(Repository[QuestionRow, Question]):
    row_type, domain_type = QuestionRow, Question

    async def needing_attention(self, limit: int) -> Sequence[Question]:
        waiting = and_(QuestionRow.forwarded_at.is_not(None), QuestionRow.replied_at.is_(None))
        weak = and_(
            QuestionRow.replied_at.is_(None),
            or_(QuestionRow.verdict == "none", QuestionRow.rating < 0),
        )
        query = (
            select(QuestionRow)
            .where(or_(waiting, weak))
            .order_by(QuestionRow.forwarded_at.is_(None), QuestionRow.created_at.desc())
            .limit(limit)
        )
        return [self._to_domain(row) for row in await self.session.scalars(query)]

    async def unanswered(self, limit: int) -> Sequence[Question]:
        query = (
            select(QuestionRow)
            .where(or_(QuestionRow.verdict == "none", QuestionRow.rating < 0))
            .order_by(QuestionRow.created_at.desc(), QuestionRow.id.desc())
            .limit(limit)
        )
        return [self._to_domain(row) for row in await self.session.scalars(query)]

    async def tally(self) -> dict[str, int]:
        query = select(
            func.count(),
            func.count().filter(QuestionRow.verdict != "none"),
            func.count(QuestionRow.forwarded_at),
            func.count(QuestionRow.replied_at),
        )
        counts = (await self.session.execute(query)).one()
        return dict(zip(("asked", "answered", "forwarded", "replied"), counts, strict=True))


class SqlTaughtEntryRepository(Repository[TaughtEntryRow, TaughtEntry]):
    row_type, domain_type = TaughtEntryRow, TaughtEntry

    async def after(self, entry_id: int) -> Sequence[TaughtEntry]:
        return await self._many(TaughtEntryRow.id > entry_id)

    async def for_question(self, question_id: int) -> TaughtEntry | None:
        return await self._one(TaughtEntryRow.question_id == question_id)
