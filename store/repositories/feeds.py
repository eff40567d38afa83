"""Calendar subscription addresses (bot.core.feeds)."""

from datetime import datetime

from sqlalchemy import update

from bot.core.models import CalendarFeed
from store.repositories.base import Repository
from store.tables import CalendarFeedRow

_LIVE = CalendarFeedRow.revoked_at.is_(None)


class SqlFeedRepository(Repository[CalendarFeedRow, CalendarFeed]):
    row_type = CalendarFeedRow
    domain_type = CalendarFeed

    async def live_for_member(self, member_id: int) -> CalendarFeed | None:
        newest = await self._many(CalendarFeedRow.member_id == member_id, _LIVE)
        return newest[-1] if newest else None

    async def live_for_zone(self, zone: str) -> CalendarFeed | None:
        newest = await self._many(
            CalendarFeedRow.zone == zone, CalendarFeedRow.member_id.is_(None), _LIVE
        )
        return newest[-1] if newest else None

    async def live_by_token(self, token: str) -> CalendarFeed | None:
        return await self._one(CalendarFeedRow.token == token, _LIVE)

    async def revoke(self, feed: CalendarFeed, at: datetime) -> None:
        await self.session.execute(
            update(CalendarFeedRow).where(CalendarFeedRow.id == feed.id).values(revoked_at=at)
        )
        feed.revoked_at = at
