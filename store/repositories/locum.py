"""Locum replacements and the board where locums and practices find each other."""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.models import BoardPost, PostKind, PostStatus, Replacement, Subscription
from store.repositories.base import Repository
from store.tables import BoardPostRow, ReplacementRow, SubscriptionRow


class SqlReplacementRepository(Repository[ReplacementRow, Replacement]):
    row_type, domain_type = ReplacementRow, Replacement

    async def for_member(self, member_id: int) -> Sequence[Replacement]:
        return await self._many(
            ReplacementRow.member_id == member_id, order_by=ReplacementRow.start_on
        )


class _SqlPostRepository(Repository[BoardPostRow, BoardPost]):
    row_type, domain_type = BoardPostRow, BoardPost


class _SqlSubscriptionRepository(Repository[SubscriptionRow, Subscription]):
    row_type, domain_type = SubscriptionRow, Subscription


class SqlBoardRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._posts = _SqlPostRepository(session)
        self._subscriptions = _SqlSubscriptionRepository(session)

    async def add_post(self, post: BoardPost) -> BoardPost:
        return await self._posts.add(post)

    async def get_post(self, post_id: int) -> BoardPost | None:
        query = select(BoardPostRow).where(BoardPostRow.id == post_id).with_for_update()
        row = (await self.session.scalars(query)).first()
        return None if row is None else self._posts._to_domain(row)

    async def update_post(self, post: BoardPost) -> None:
        await self._posts.update(post)

    async def posts(self, kind: PostKind, status: PostStatus) -> Sequence[BoardPost]:
        return await self._posts._many(
            BoardPostRow.kind == kind,
            BoardPostRow.status == status,
            order_by=BoardPostRow.start_on,
        )

    async def subscriptions(self) -> Sequence[Subscription]:
        return await self._subscriptions._many()

    async def save_subscription(self, subscription: Subscription) -> Subscription:
        existing = await self._subscriptions._one(
            SubscriptionRow.member_id == subscription.member_id
        )
        if existing is None:
            return await self._subscriptions.add(subscription)
        subscription.id = existing.id
        await self._subscriptions.update(subscription)
        return subscription
