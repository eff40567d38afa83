"""The steps of the registration state machine, run inside the caller's unit of work: locking
the event, handing a freed seat on to the waiting list, and planning the reminders. Shared by
the services that change an event (EventsService) and its registrations (SeatsService,
AttendanceService)."""

from datetime import timedelta

from bot.core.cme.common import seats_left
from bot.core.errors import EventNotAvailable, NotRegistered, UnavailableReason
from bot.core.models import (
    Event,
    EventStatus,
    Member,
    OutboxMessage,
    OutboxState,
    Registration,
    RegistrationState,
)
from bot.core.notices import Envelope
from bot.core.notices.cme import CmeOffer, CmeReminder, EventSummary
from bot.core.ports import Clock, UnitOfWork

RESPONSE_WINDOW = timedelta(hours=24)  # to confirm an offered seat (kring setting)
DAY_BEFORE, HOUR_BEFORE = timedelta(days=1), timedelta(hours=1)


async def open_event(uow: UnitOfWork, event_id: int) -> Event:
    """The event, locked for a change; refused when it is unknown or cancelled."""
    event = await uow.events.lock(event_id)
    if event is None:
        raise EventNotAvailable(UnavailableReason.UNKNOWN)
    if event.status is EventStatus.CANCELLED:
        raise EventNotAvailable(UnavailableReason.CANCELLED)
    return event


async def locked(
    uow: UnitOfWork, registration_id: int, member_id: int | None = None
) -> tuple[Registration, Event]:
    """An active registration (of `member_id`, if given) with its event locked, read again
    under the lock: what it was before the lock may have changed meanwhile."""
    found = await uow.events.get_registration(registration_id)
    if found is None or (member_id is not None and found.member_id != member_id):
        raise NotRegistered()
    event = await open_event(uow, found.event_id)
    registration = await uow.events.get_registration(registration_id)
    if registration is None or not registration.active:
        raise NotRegistered()
    return registration, event


class RegistrationSteps:
    """What follows from a registration that changes: seats offered on, reminders planned or
    dropped. The caller holds the event's lock (`open_event` or `locked`) and commits."""

    def __init__(self, clock: Clock, response_window: timedelta = RESPONSE_WINDOW) -> None:
        self._clock = clock
        self.response_window = response_window

    async def give_up(self, uow: UnitOfWork, event: Event, registration: Registration) -> None:
        """The registration ends; if it held a seat, the seat goes to the next in line."""
        had_seat = registration.has_seat
        registration.state, registration.offer_expires_at = RegistrationState.CANCELLED, None
        await self.drop_reminders(uow, registration)
        await uow.events.update_registration(registration)
        if had_seat:
            await self.fill_free_seats(uow, event)

    async def fill_free_seats(self, uow: UnitOfWork, event: Event) -> None:
        """Offer free seats to the waiting list, first come first served (the event is locked)."""
        now = self._clock.now()
        if event.start_at <= now:
            return
        registrations = await uow.events.registrations(event.id or 0)
        waiting = [r for r in registrations if r.state is RegistrationState.WAITING]
        free = seats_left(event, registrations)
        for registration in waiting[: len(waiting) if free is None else free]:
            member = await uow.members.get(registration.member_id)
            if member is None or member.telegram_id is None:
                continue
            registration.state = RegistrationState.OFFERED
            registration.offer_expires_at = min(now + self.response_window, event.start_at)
            await uow.events.update_registration(registration)
            offer = CmeOffer(
                event=EventSummary.of(event),
                registration_id=registration.id or 0,
                expires_at=registration.offer_expires_at,
            )
            await uow.outbox.add(OutboxMessage.to(member, offer, now))

    async def plan_reminders(
        self, uow: UnitOfWork, event: Event, member: Member, registration: Registration
    ) -> None:
        """Durable reminders the day (and, if the member asked, the hour) before; none for a
        moment that has passed already. A reminder sent late (the bot was down) expires at the
        start."""
        now = self._clock.now()
        before = [DAY_BEFORE, HOUR_BEFORE] if registration.remind_hour_before else [DAY_BEFORE]
        for ahead in before:
            due_at = event.start_at - ahead
            if due_at <= now or member.telegram_id is None:
                continue
            reminder = CmeReminder(event=EventSummary.of(event))
            too_late = Envelope(not_after=event.start_at)
            row = await uow.outbox.add(OutboxMessage.to(member, reminder, due_at, too_late))
            registration.reminder_ids.append(row.id or 0)
        await uow.events.update_registration(registration)

    async def replan_reminders(self, uow: UnitOfWork, event: Event) -> None:
        """The event moved: the reminders of everyone with a seat move with it."""
        for registration in await uow.events.registrations(event.id or 0):
            member = await uow.members.get(registration.member_id)
            if registration.state is RegistrationState.REGISTERED and member is not None:
                await self.drop_reminders(uow, registration)
                await self.plan_reminders(uow, event, member, registration)

    @staticmethod
    async def drop_reminders(uow: UnitOfWork, registration: Registration) -> None:
        for outbox_id in registration.reminder_ids:
            reminder = await uow.outbox.get(outbox_id)
            if reminder is not None and reminder.state is OutboxState.PENDING:
                reminder.state = OutboxState.CANCELLED
                await uow.outbox.update(reminder)
        registration.reminder_ids = []
