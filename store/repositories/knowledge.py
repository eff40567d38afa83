"""The questions members asked the knowledge base."""

from collections.abc import Sequence

from sqlalchemy import and_, func, or_, select

from bot.core.models import Question
from store.repositories.base import Repository
from store.tables import QuestionRow


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

    async def tally(self) -> dict[str, int]:
        query = select(
            func.count(),
            func.count().filter(QuestionRow.verdict != "none"),
            func.count(QuestionRow.forwarded_at),
            func.count(QuestionRow.replied_at),
        )
        counts = (await self.session.execute(query)).one()
        return dict(zip(("asked", "answered", "forwarded", "replied"), counts, strict=True))
