"""/stats for the coordinator: a list of figures, each from a small counting function.

A new figure (registrations, swaps) is one more function in FIGURES; its label goes into
stat_label under the same key (the chat lists the figures, the console draws each group as a
chart).
"""

from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.core import audience as access
from bot.core.errors import NotAllowed
from bot.core.models import (
    BroadcastState,
    Member,
    MemberStatus,
    OutboxState,
    RegistrationState,
    Role,
    SwapStatus,
)
from bot.core.ports import Gettext, UnitOfWork, UnitOfWorkFactory

Figures = list[tuple[str, int]]  # (label key, value), in the order shown
STATS_READERS = access.Audience.COORDINATOR  # who sees them, in the chat and the console


async def members(uow: UnitOfWork) -> Figures:
    everyone = await uow.members.list()
    active = [m for m in everyone if m.status is MemberStatus.ACTIVE]
    return [
        ("members_active", len(active)),
        *((f"role_{role.value}", sum(m.role is role for m in active)) for role in Role),
        ("members_pending", sum(m.status is MemberStatus.PENDING for m in everyone)),
        ("members_suspended", sum(m.status is MemberStatus.SUSPENDED for m in everyone)),
        ("members_reachable", sum(m.reachable and m.telegram_id is not None for m in active)),
    ]


async def broadcasts(uow: UnitOfWork) -> Figures:
    sent = [
        *await uow.broadcasts.in_state(BroadcastState.SENDING),
        *await uow.broadcasts.in_state(BroadcastState.DONE),
    ]
    totals = await uow.outbox.broadcast_totals()
    return [
        ("broadcasts", len(sent)),
        *((f"delivery_{state.value}", totals.get(state, 0)) for state in _DELIVERY),
    ]


async def questions(uow: UnitOfWork) -> Figures:
    tally = await uow.questions.tally()
    return [(f"questions_{key}", tally.get(key, 0)) for key in _QUESTIONS]


async def registrations(uow: UnitOfWork) -> Figures:
    """Over every event on record: seats taken, waiting lists, attendance."""
    states = Counter[str]()
    for event in await uow.events.ending_after(datetime.min.replace(tzinfo=UTC)):
        for registration in await uow.events.registrations(event.id or 0):
            states[registration.state.value] += 1
            states["attended"] += registration.attended_at is not None
    return [
        ("registrations_registered", states[RegistrationState.REGISTERED.value]),
        ("registrations_waiting", states[RegistrationState.WAITING.value]),
        ("registrations_attended", states["attended"]),
    ]


async def swaps(uow: UnitOfWork) -> Figures:
    states = Counter(request.status for request in await uow.swaps.with_status(*SwapStatus))
    return [(f"swaps_{status.value}", states[status]) for status in _SWAPS]


_DELIVERY = (OutboxState.SENT, OutboxState.UNREACHABLE, OutboxState.FAILED)
_QUESTIONS = ("asked", "answered", "forwarded", "replied")
_SWAPS = (SwapStatus.OPEN, SwapStatus.TAKEN, SwapStatus.APPROVED, SwapStatus.REJECTED)
FIGURES: list[Callable[[UnitOfWork], Awaitable[Figures]]] = [
    members,
    broadcasts,
    registrations,
    swaps,
    questions,
]


def stat_label(t: Gettext, key: str) -> str:
    return {
        "members_active": t.gettext("Active members"),
        "role_gp": t.gettext("– GPs"),
        "role_locum": t.gettext("– locums"),
        "role_coordinator": t.gettext("– coordinators"),
        "role_staff": t.gettext("– staff"),
        "members_pending": t.gettext("Waiting for approval"),
        "members_suspended": t.gettext("Suspended"),
        "members_reachable": t.gettext("Reachable through the bot"),
        "broadcasts": t.gettext("Announcements sent"),
        "delivery_sent": t.gettext("– messages delivered"),
        "delivery_unreachable": t.gettext("– recipients unreachable"),
        "delivery_failed": t.gettext("– messages failed"),
        "registrations_registered": t.gettext("CME registrations with a seat"),
        "registrations_waiting": t.gettext("– on a waiting list"),
        "registrations_attended": t.gettext("– attended"),
        "swaps_open": t.gettext("Swap requests open"),
        "swaps_taken": t.gettext("– waiting for approval"),
        "swaps_approved": t.gettext("– approved"),
        "swaps_rejected": t.gettext("– rejected"),
        "questions_asked": t.gettext("Questions asked"),
        "questions_answered": t.gettext("– answered by the knowledge base"),
        "questions_forwarded": t.gettext("– forwarded to the coordinator"),
        "questions_replied": t.gettext("– answered by the coordinator"),
    }[key]


def group_label(t: Gettext, key: str) -> str:
    """The subject of a group of figures: the name of its counting function in FIGURES."""
    return {
        "members": t.gettext("Members"),
        "broadcasts": t.gettext("Announcements"),
        "registrations": t.gettext("CME registrations"),
        "swaps": t.gettext("Swap requests"),
        "questions": t.gettext("Questions"),
    }[key]


@dataclass
class StatsService:
    uow_factory: UnitOfWorkFactory

    async def figures(self, viewer: Member) -> Figures:
        return [figure for _, group in await self.groups(viewer) for figure in group]

    async def groups(self, viewer: Member) -> list[tuple[str, Figures]]:
        """The figures by subject (group_label's key, figures), each group one chart."""
        if not viewer.is_coordinator:
            raise NotAllowed()
        async with self.uow_factory() as uow:
            return [(count.__name__, await count(uow)) for count in FIGURES]
