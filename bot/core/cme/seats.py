"""Seats and the waiting list: a member registers (or waits), unregisters, answers an offered
seat, and asks for a second reminder; offers nobody answered in time move on."""

from bot.core.cme.common import (
    EventView,
    active_registration,
    in_audience,
    seats_left,
    view,
)
from bot.core.cme.steps import RegistrationSteps, locked, open_event
from bot.core.errors import (
    AlreadyRegistered,
    EventNotAvailable,
    NotRegistered,
    ShiftClash,
    UnavailableReason,
)
from bot.core.models import Event, Member, OutboxMessage, Registration, RegistrationState, Shift
from bot.core.notices.cme import (
    CmeOfferExpired,
    CmeRegistered,
    CmeUnregistered,
    EventSummary,
)
from bot.core.ports import Clock, UnitOfWork, UnitOfWorkFactory


async def on_duty_during(uow: UnitOfWork, member: Member, event: Event) -> list[Shift]:
    """The member's wachtdienst shifts that overlap the event."""
    shifts = await uow.shifts.of_member(member.id or 0, event.start_at)
    return [shift for shift in shifts if shift.start_at < event.end_at]


class SeatsService:
    def __init__(
        self, uow_factory: UnitOfWorkFactory, clock: Clock, steps: RegistrationSteps
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._steps = steps

    async def register(
        self,
        member: Member,
        event_id: int,
        *,
        despite_clash: bool = False,
        by_message: bool = False,
    ) -> EventView:
        """Take a seat, or a place on the waiting list. A member on duty during the event is
        warned first (ShiftClash) and registers only when they confirm (`despite_clash`).
        `by_message`: the confirmation /cme gives in the chat comes as a message (the member
        registered in the console)."""
        now = self._clock.now()
        async with self._uow() as uow:
            event = await open_event(uow, event_id)
            if now >= event.deadline_at:
                raise EventNotAvailable(UnavailableReason.CLOSED)
            if not in_audience(event, member, await uow.events.lok_groups()):
                raise EventNotAvailable(UnavailableReason.AUDIENCE)
            registrations = await uow.events.registrations(event_id)
            if active_registration(registrations, member) is not None:
                raise AlreadyRegistered()
            if not despite_clash and (clashes := await on_duty_during(uow, member, event)):
                raise ShiftClash(event.title, clashes)
            left = seats_left(event, registrations)
            state = RegistrationState.WAITING if left == 0 else RegistrationState.REGISTERED
            registration = await uow.events.add_registration(
                Registration(event_id, member.id or 0, state, now)
            )
            if state is RegistrationState.REGISTERED:
                await self._steps.plan_reminders(uow, event, member, registration)
            shown = view(event, [*registrations, registration], member)
            if by_message:
                notice = CmeRegistered.of(event, registration.id or 0, shown.position, now)
                await uow.outbox.add(OutboxMessage.to(member, notice, now))
            await uow.commit()
            return shown

    async def unregister(self, member: Member, event_id: int, *, by_message: bool = False) -> Event:
        """Leave the event or its waiting list; a freed seat is offered to the next in line.
        `by_message`: as `register`'s."""
        now = self._clock.now()
        async with self._uow() as uow:
            event = await open_event(uow, event_id)
            if event.start_at <= self._clock.now():
                raise EventNotAvailable(UnavailableReason.STARTED)
            mine = active_registration(await uow.events.registrations(event_id), member)
            if mine is None:
                raise NotRegistered()
            await self._steps.give_up(uow, event, mine)
            if by_message:
                notice = CmeUnregistered(event=EventSummary.of(event), end_at=event.end_at, at=now)
                await uow.outbox.add(OutboxMessage.to(member, notice, now))
            await uow.commit()
        return event

    async def confirm(self, member: Member, registration_id: int) -> Event:
        """Accept an offered seat within the response window."""
        async with self._uow() as uow:
            registration, event = await self._offer(uow, member, registration_id)
            registration.state, registration.offer_expires_at = RegistrationState.REGISTERED, None
            await self._steps.plan_reminders(uow, event, member, registration)
            await uow.commit()
        return event

    async def remind_hour_before(self, member: Member, registration_id: int) -> Event:
        """The member also wants a reminder an hour before the start."""
        async with self._uow() as uow:
            registration, event = await locked(uow, registration_id, member.id)
            if registration.state is not RegistrationState.REGISTERED:
                raise NotRegistered()
            registration.remind_hour_before = True
            await self._steps.drop_reminders(uow, registration)
            await self._steps.plan_reminders(uow, event, member, registration)
            await uow.commit()
        return event

    async def decline(self, member: Member, registration_id: int) -> Event:
        async with self._uow() as uow:
            registration, event = await self._offer(uow, member, registration_id)
            await self._steps.give_up(uow, event, registration)
            await uow.commit()
        return event

    async def expire_offers(self) -> int:
        """Due work: offers whose response window passed; the seat moves on. Returns how many."""
        now = self._clock.now()
        async with self._uow() as uow:
            candidates = await uow.events.offers_expired(now)
        expired = 0
        for candidate in candidates:
            async with self._uow() as uow:
                event = await uow.events.lock(candidate.event_id)
                registration = await uow.events.get_registration(candidate.id or 0)
                if (
                    event is None
                    or registration is None
                    or registration.state is not RegistrationState.OFFERED
                    or (registration.offer_expires_at or now) > now
                ):
                    continue  # confirmed or declined meanwhile
                member = await uow.members.get(registration.member_id)
                if member is not None and member.telegram_id is not None:
                    notice = CmeOfferExpired(event=EventSummary.of(event))
                    await uow.outbox.add(OutboxMessage.to(member, notice, now))
                await self._steps.give_up(uow, event, registration)
                await uow.commit()
                expired += 1
        return expired

    async def _offer(
        self, uow: UnitOfWork, member: Member, registration_id: int
    ) -> tuple[Registration, Event]:
        """The member's offered seat, with its event locked, if the offer still stands."""
        registration, event = await locked(uow, registration_id, member.id)
        now = self._clock.now()
        if (
            registration.state is not RegistrationState.OFFERED
            or (registration.offer_expires_at or now) <= now
        ):
            raise NotRegistered()
        return registration, event
