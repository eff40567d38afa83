"""Small pure helpers the CME services share: who may attend, the seats left, and an event as a
member sees it."""

import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.membership import is_manager
from bot.core.models import (
    Event,
    EventAudience,
    LokGroup,
    Member,
    Registration,
    RegistrationState,
    Role,
)


@dataclass(frozen=True)
class EventView:
    """An event as a member sees it in /cme."""

    event: Event
    seats_left: int | None  # None: no limit
    mine: Registration | None
    position: int | None  # on the waiting list, from 1


def new_token() -> str:
    """A check-in token: the secret part of an event's check-in link."""
    return secrets.token_urlsafe(16)


def in_audience(event: Event, member: Member, groups: Sequence[LokGroup]) -> bool:
    if is_manager(member) or event.audience is EventAudience.ALL:
        return True
    if event.audience is EventAudience.GPS:
        return member.role is Role.GP
    if event.audience is EventAudience.LOCUMS:
        return member.role is Role.LOCUM
    return any(g.id == event.lok_group_id and member.id in g.member_ids for g in groups)


def seats_left(event: Event, registrations: Sequence[Registration]) -> int | None:
    if event.capacity is None:
        return None
    return max(event.capacity - sum(1 for r in registrations if r.has_seat), 0)


def active_registration(
    registrations: Sequence[Registration], member: Member
) -> Registration | None:
    """The member's registration among the event's, unless they cancelled it."""
    return next((r for r in registrations if r.member_id == member.id and r.active), None)


def view(event: Event, registrations: Sequence[Registration], member: Member) -> EventView:
    mine = active_registration(registrations, member)
    position = None
    if mine is not None and mine.state is RegistrationState.WAITING:
        waiting = [r.id for r in registrations if r.state is RegistrationState.WAITING]
        position = waiting.index(mine.id) + 1
    return EventView(event, seats_left(event, registrations), mine, position)
