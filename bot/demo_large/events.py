"""CME for the large demo kring: the demo's four events and LOK Noord (with more members), a
second LOK group, and eight more events: five past ones with their attendance (walk-ins too),
a coming LOK session, a full workshop with a waiting list, and a cancelled evening.

The demo people are left out of registrations and attendance, so their `/cme` and `/credits`
are those of the small demo; the coming events start after the demo's, so the demo's first
event stays first in `/cme`.
"""

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.models import (
    Event,
    EventAudience,
    EventKind,
    EventStatus,
    LokGroup,
    Member,
    Registration,
    RegistrationState,
    Rubric,
)
from bot.core.ports import UnitOfWork
from bot.demo import checkin_tokens, seed_cme

LOK_NOORD_OTHERS = 14  # LOK Noord: ann, bart, lotte and this many colleagues of Noord
LOK_ZUID_SIZE = 18
ATTENDED = 0.85  # share of the registered who came


@dataclass(frozen=True)
class PlannedEvent:
    title: str
    kind: EventKind
    days: int  # after the start moment; negative: in the past
    points: int
    rubric: Rubric = Rubric.GENERAL
    capacity: int | None = None
    lok: str | None = None  # the LOK group whose session it is
    registered: int = 0  # how many registered (a LOK session: every member of the group)
    waiting: int = 0
    walk_ins: int = 0
    cancelled: bool = False
    location: str = "Zaal De Linde, Noord"
    speaker: str = ""


EVENTS = (
    PlannedEvent(
        "LOK Noord: rationeel voorschrijven van benzodiazepines",
        EventKind.LOK,
        -49,
        2,
        lok="LOK Noord",
    ),
    PlannedEvent(
        "LOK Zuid: palliatieve zorg thuis",
        EventKind.LOK,
        -42,
        2,
        lok="LOK Zuid",
        location="Wachtpost Zuid, vergaderzaal",
    ),
    PlannedEvent(
        "Spoedeisende zorg op de wachtpost",
        EventKind.LECTURE,
        -28,
        2,
        capacity=60,
        registered=48,
        walk_ins=2,
        speaker="Dr. Hilde Verbrugge, urgentiearts",
    ),
    PlannedEvent(
        "Webinar: het GMD en het eHealth-platform",
        EventKind.WEBINAR,
        -14,
        1,
        Rubric.ETHICS,
        registered=110,
        location="online",
        speaker="Dr. Joris Vandamme",
    ),
    PlannedEvent(
        "Dermatologie en pratique générale / dermatologie in de praktijk",
        EventKind.LECTURE,
        -7,
        2,
        capacity=80,
        registered=55,
        walk_ins=1,
        location="Centre culturel, Zuid",
        speaker="Dr. Anne-Catherine Goffinet",
    ),
    PlannedEvent(
        "LOK Zuid: antibioticabeleid in de wachtpost",
        EventKind.LOK,
        24,
        2,
        lok="LOK Zuid",
        registered=10,
        location="Wachtpost Zuid, vergaderzaal",
    ),
    PlannedEvent(
        "Workshop hechttechnieken",
        EventKind.LECTURE,
        30,
        2,
        capacity=12,
        registered=12,
        waiting=3,
        speaker="Dr. Pieter Claerhout, chirurg",
    ),
    PlannedEvent(
        "Infoavond: samenwerking met de huisartsenwachtpost",
        EventKind.LECTURE,
        38,
        1,
        Rubric.ETHICS,
        registered=6,
        cancelled=True,
    ),
)


async def add_cme(
    uow: UnitOfWork,
    doctors: Mapping[str, Sequence[Member]],
    now: datetime,
    zone: ZoneInfo,
    rng: random.Random,
) -> None:
    """`doctors`: the active GPs and locums of each zone, the demo people not among them."""
    token = checkin_tokens(rng)
    noord = rng.sample(list(doctors["Noord"]), LOK_NOORD_OTHERS)
    await seed_cme(uow, now, [m.id or 0 for m in noord], token)
    zuid = rng.sample(list(doctors["Zuid"]), LOK_ZUID_SIZE)
    await uow.events.add_lok_group(LokGroup("LOK Zuid", [m.id or 0 for m in zuid]))
    members = {"LOK Noord": noord, "LOK Zuid": zuid}
    groups = {group.name: group for group in await uow.events.lok_groups()}
    everyone = [member for pool in doctors.values() for member in pool]
    for planned in EVENTS:
        group = groups[planned.lok] if planned.lok else None
        event = await uow.events.add(_event(planned, now, zone, token(), group))
        audience = members[planned.lok] if planned.lok else everyone
        await _register(uow, event, planned, audience, now, rng)


def _event(
    planned: PlannedEvent, now: datetime, zone: ZoneInfo, token: str, group: LokGroup | None
) -> Event:
    day = now.astimezone(zone).date() + timedelta(days=planned.days)
    start_at = datetime.combine(day, time(20, 0), zone)
    return Event(
        title=planned.title,
        kind=planned.kind,
        start_at=start_at,
        end_at=start_at + timedelta(hours=2),
        deadline_at=start_at - timedelta(hours=2),
        created_at=min(now, start_at - timedelta(weeks=6)),
        checkin_token=token,
        location=planned.location,
        speaker=planned.speaker,
        capacity=planned.capacity,
        points=planned.points,
        rubric=planned.rubric,
        audience=EventAudience.LOK_GROUP if group else EventAudience.ALL,
        lok_group_id=group.id if group else None,
        status=EventStatus.CANCELLED if planned.cancelled else EventStatus.OPEN,
    )


async def _register(
    uow: UnitOfWork,
    event: Event,
    planned: PlannedEvent,
    audience: Sequence[Member],
    now: datetime,
    rng: random.Random,
) -> None:
    """Registrations in order of arrival (the waiting list last); for a past event, who came."""
    count = planned.registered or len(audience)
    people = rng.sample(list(audience), count + planned.waiting + planned.walk_ins)
    past = event.end_at <= now
    opened = min(now, event.created_at)
    arrivals = sorted(
        opened + (min(now, event.deadline_at) - opened) * rng.random() for _ in people
    )
    for n, (member, at) in enumerate(zip(people, arrivals, strict=True)):
        if n >= count + planned.waiting:  # walk-ins: checked in at the door
            at = event.start_at + timedelta(minutes=rng.randint(0, 20))
            registration = Registration(
                event.id or 0,
                member.id or 0,
                RegistrationState.REGISTERED,
                at,
                attended_at=at,
                walk_in=True,
            )
        else:
            state = RegistrationState.REGISTERED if n < count else RegistrationState.WAITING
            registration = Registration(event.id or 0, member.id or 0, state, at)
            if past and rng.random() < ATTENDED:
                registration.attended_at = event.start_at + timedelta(minutes=rng.randint(-10, 15))
        await uow.events.add_registration(registration)
