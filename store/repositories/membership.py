"""Members and their invites."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update

from bot.core.models import Invite, Member, MemberStatus, Role
from store.repositories.base import Repository
from store.tables import InviteRow, MemberRow


class SqlMemberRepository(Repository[MemberRow, Member]):
    row_type, domain_type = MemberRow, Member

    async def by_telegram_id(self, telegram_id: int) -> Member | None:
        return await self._one(MemberRow.telegram_id == telegram_id)

    async def by_riziv(self, riziv: str) -> Member | None:
        return await self._one(MemberRow.riziv == riziv)

    async def delete(self, member_id: int) -> None:
        row = await self.session.get(MemberRow, member_id)
        if row is not None:
            await self.session.delete(row)
            await self.session.flush()

    async def list(self, *, active_only: bool = False) -> Sequence[Member]:
        conditions = [MemberRow.status == MemberStatus.ACTIVE] if active_only else []
        return await self._many(*conditions, order_by=MemberRow.name)

    async def active_after(self, after_id: int, limit: int) -> Sequence[Member]:
        query = (
            select(MemberRow)
            .where(MemberRow.status == MemberStatus.ACTIVE, MemberRow.id > after_id)
            .order_by(MemberRow.id)
            .limit(limit)
        )
        return [self._to_domain(row) for row in await self.session.scalars(query)]

    async def coordinators(self) -> Sequence[Member]:
        return await self._many(
            MemberRow.status == MemberStatus.ACTIVE, MemberRow.role == Role.COORDINATOR
        )

    async def mark_unreachable(self, member_ids: Sequence[int], at: datetime) -> None:
        await self.session.execute(
            update(MemberRow)
            .where(MemberRow.id.in_(member_ids), MemberRow.reachable.is_(True))
            .values(reachable=False, updated_at=at)
        )


class SqlInviteRepository(Repository[InviteRow, Invite]):
    row_type, domain_type = InviteRow, Invite

    async def by_code(self, code: str) -> Invite | None:
        return await self._one(InviteRow.code == code)

    async def redeem(self, invite_id: int, member_id: int, at: datetime) -> bool:
        """UPDATE … WHERE used_at IS NULL: on PostgreSQL a second transaction waits for the
        first and then finds the invite used."""
        result = await self.session.execute(
            update(InviteRow)
            .where(InviteRow.id == invite_id, InviteRow.used_at.is_(None))
            .values(used_at=at, used_by=member_id)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]
