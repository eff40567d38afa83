"""CME events, the registrations for them, and the LOK groups."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.models import Event, ExternalCredit, LokGroup, Registration, RegistrationState
from store.repositories.base import Repository
from store.tables import (
    EventRow,
    ExternalCreditRow,
    LokGroupMemberRow,
    LokGroupRow,
    RegistrationRow,
)


class _SqlRegistrationRepository(Repository[RegistrationRow, Registration]):
    row_type, domain_type = RegistrationRow, Registration


class _SqlExternalCreditRepository(Repository[ExternalCreditRow, ExternalCredit]):
    row_type, domain_type = ExternalCreditRow, ExternalCredit


class SqlEventRepository(Repository[EventRow, Event]):
    row_type, domain_type = EventRow, Event

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session)
        self._registrations = _SqlRegistrationRepository(session)
        self._external = _SqlExternalCreditRepository(session)

    async def add_external_credit(self, credit: ExternalCredit) -> ExternalCredit:
        return await self._external.add(credit)

    async def external_credits_of(self, member_id: int) -> Sequence[ExternalCredit]:
        return await self._external._many(
            ExternalCreditRow.member_id == member_id, order_by=ExternalCreditRow.held_on
        )

    async def lock(self, event_id: int) -> Event | None:
        """A no-op UPDATE … RETURNING: on PostgreSQL it takes the row lock, on SQLite (as the
        transaction's first write) the database write lock; either way the next transaction for
        this event waits here until this one ends."""
        statement = (
            update(EventRow)
            .where(EventRow.id == event_id)
            .values(status=EventRow.status)
            .returning(EventRow)
            .execution_options(synchronize_session=False, populate_existing=True)
        )
        row = (await self.session.scalars(statement)).first()
        return None if row is None else self._to_domain(row)

    async def by_token(self, token: str) -> Event | None:
        return await self._one(EventRow.checkin_token == token)

    async def ending_after(self, moment: datetime) -> Sequence[Event]:
        return await self._many(EventRow.end_at > moment, order_by=EventRow.start_at)

    async def starting_between(self, start: datetime, end: datetime) -> Sequence[Event]:
        return await self._many(
            EventRow.start_at >= start, EventRow.start_at < end, order_by=EventRow.start_at
        )

    async def add_registration(self, registration: Registration) -> Registration:
        return await self._registrations.add(registration)

    async def update_registration(self, registration: Registration) -> None:
        await self._registrations.update(registration)

    async def get_registration(self, registration_id: int) -> Registration | None:
        """Read afresh: after the event lock, a registration may have changed meanwhile."""
        row = await self.session.get(RegistrationRow, registration_id, populate_existing=True)
        return None if row is None else self._registrations._to_domain(row)

    async def registrations(self, event_id: int) -> Sequence[Registration]:
        return await self._fresh_registrations(RegistrationRow.event_id == event_id)

    async def registrations_of(self, member_id: int) -> Sequence[Registration]:
        return await self._fresh_registrations(RegistrationRow.member_id == member_id)

    async def offers_expired(self, now: datetime) -> Sequence[Registration]:
        return await self._fresh_registrations(
            RegistrationRow.state == RegistrationState.OFFERED,
            RegistrationRow.offer_expires_at <= now,
        )

    async def _fresh_registrations(self, *conditions: Any) -> list[Registration]:
        query = (
            select(RegistrationRow)
            .where(*conditions)
            .order_by(RegistrationRow.id)
            .execution_options(populate_existing=True)
        )
        rows = await self.session.scalars(query)
        return [self._registrations._to_domain(row) for row in rows]

    async def lok_groups(self) -> Sequence[LokGroup]:
        groups = await self.session.scalars(select(LokGroupRow).order_by(LokGroupRow.name))
        members = await self.session.execute(
            select(LokGroupMemberRow.group_id, LokGroupMemberRow.member_id).order_by(
                LokGroupMemberRow.member_id
            )
        )
        by_group: dict[int, list[int]] = {}
        for group_id, member_id in members:
            by_group.setdefault(group_id, []).append(member_id)
        return [LokGroup(row.name, by_group.get(row.id, []), row.id) for row in groups]

    async def add_lok_group(self, group: LokGroup) -> LokGroup:
        row = LokGroupRow(name=group.name)
        self.session.add(row)
        await self.session.flush()
        group.id = row.id
        self.session.add_all(
            LokGroupMemberRow(group_id=row.id, member_id=member) for member in group.member_ids
        )
        await self.session.flush()
        return group
