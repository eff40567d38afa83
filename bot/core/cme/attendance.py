"""Who attended: members check in with the event's link; the coordinator ticks attendance on the
registration list and adds walk-ins. The list is what the attendance export for the RIZIV
shows."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from bot.core.cme.common import active_registration
from bot.core.cme.steps import locked, open_event
from bot.core.errors import (
    CheckInReason,
    EventNotAvailable,
    InvalidCheckIn,
    MemberNotFound,
    UnavailableReason,
)
from bot.core.membership import require_manager
from bot.core.models import Event, EventStatus, Member, Registration, RegistrationState
from bot.core.ports import Clock, UnitOfWorkFactory

CHECKIN_OPENS = timedelta(minutes=30)  # before the start; the link works until the end


@dataclass(frozen=True)
class Attendee:
    member: Member
    registration: Registration


class AttendanceService:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow_factory
        self._clock = clock

    async def attendees(self, manager: Member, event_id: int) -> tuple[Event, list[Attendee]]:
        """The registration list (seats first, then the waiting list), with who attended."""
        require_manager(manager)
        async with self._uow() as uow:
            event = await uow.events.get(event_id)
            if event is None:
                raise EventNotAvailable(UnavailableReason.UNKNOWN)
            found: list[Attendee] = []
            for registration in await uow.events.registrations(event_id):
                member = await uow.members.get(registration.member_id)
                if registration.active and member is not None:
                    found.append(Attendee(member, registration))
        found.sort(key=lambda a: (not a.registration.has_seat, a.registration.id or 0))
        return event, found

    async def set_attended(self, manager: Member, registration_id: int) -> Registration:
        """Tick (or untick) attendance from the registration list."""
        require_manager(manager)
        async with self._uow() as uow:
            registration, _event = await locked(uow, registration_id)
            registration.attended_at = (
                None if registration.attended_at is not None else self._clock.now()
            )
            if registration.attended_at is not None:
                registration.state = RegistrationState.REGISTERED
            await uow.events.update_registration(registration)
            await uow.commit()
        return registration

    async def walk_in_candidates(self, manager: Member, event_id: int) -> list[Member]:
        """Who the coordinator may add as a walk-in: active members not yet marked present."""
        _event, found = await self.attendees(manager, event_id)
        present = {a.member.id for a in found if a.registration.attended_at is not None}
        async with self._uow() as uow:
            members = await uow.members.list(active_only=True)
        return [member for member in members if member.id not in present]

    async def add_walk_in(self, manager: Member, event_id: int, member_id: int) -> Attendee:
        """The coordinator adds a member who came without registering (chosen from the list)."""
        require_manager(manager)
        async with self._uow() as uow:
            member = await uow.members.get(member_id)
        if member is None or not member.is_active:
            raise MemberNotFound()
        return Attendee(member, await self._attend(event_id, member))

    async def check_in(self, member: Member, token: str) -> tuple[Event, Registration]:
        """Check in with the event's link; a member who did not register is added as walk-in."""
        async with self._uow() as uow:
            event = await uow.events.by_token(token) if token else None
        if event is None or not secrets.compare_digest(event.checkin_token, token):
            raise InvalidCheckIn(CheckInReason.UNKNOWN)
        now = self._clock.now()
        if (
            event.status is not EventStatus.OPEN
            or now < event.start_at - CHECKIN_OPENS
            or now > event.end_at
        ):
            raise InvalidCheckIn(CheckInReason.NOT_OPEN)
        return event, await self._attend(event.id or 0, member)

    async def _attend(self, event_id: int, member: Member) -> Registration:
        now = self._clock.now()
        async with self._uow() as uow:
            event = await open_event(uow, event_id)
            registration = active_registration(await uow.events.registrations(event_id), member)
            if registration is not None:
                if registration.state is not RegistrationState.REGISTERED:
                    registration.state, registration.offer_expires_at = (
                        RegistrationState.REGISTERED,
                        None,
                    )
                registration.attended_at = registration.attended_at or now
                await uow.events.update_registration(registration)
            else:
                registration = await uow.events.add_registration(
                    Registration(
                        event.id or 0,
                        member.id or 0,
                        RegistrationState.REGISTERED,
                        now,
                        attended_at=now,
                        walk_in=True,
                    )
                )
            await uow.commit()
        return registration
