"""The demo kring: the people every chat script and `make run` can count on (DESIGN.md §4)."""

import random
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.cme import new_token
from bot.core.models import (
    Event,
    EventAudience,
    EventKind,
    JoinPath,
    LokGroup,
    Member,
    MemberStatus,
    Role,
    Rubric,
    Shift,
)
from bot.core.ports import UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True)
class DemoPerson:
    handle: str
    telegram_id: int
    name: str
    role: Role
    language: str
    riziv: str | None
    zone: str | None


DEMO_PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson("coord", 7000001, "Karin Peeters", Role.COORDINATOR, "nl", "12345625004", None),
    DemoPerson("ann", 7000002, "Ann Claes", Role.GP, "nl", "14562371004", "Noord"),
    DemoPerson("bart", 7000003, "Bart Janssens", Role.GP, "nl", "15230186004", "Noord"),
    DemoPerson("elise", 7000004, "Élise Dubois", Role.GP, "fr", "16704586004", "Zuid"),
    DemoPerson("lotte", 7000005, "Lotte Maes", Role.LOCUM, "nl", "17123468003", "Noord"),
    DemoPerson("tom", 7000006, "Tom Wilson", Role.LOCUM, "en", "18007752003", "Zuid"),
)


# The wachtdienst roster: every night from 19:00 to 08:00, per zone, in turns.
ROSTER_WEEKS = 8
# Who is on duty each night, in turn; None: no shift that night. With the nights left free,
# colleagues can take each other's shifts within the rest rule (bot.core.roster.REST: no shift
# within 24 hours of one's own): ann's and bart's go to lotte, lotte's to either, elise's to tom
# and back; ann and bart, on duty on consecutive nights, cannot swap with each other.
ROSTER_TURNS: dict[str, tuple[str | None, ...]] = {
    "Noord": ("ann", "bart", None, "lotte", None, None),
    "Zuid": ("elise", None, "tom", None),
}
NIGHT_START, NIGHT_END = time(19, 0), time(8, 0)
DEMO_SEED = 2026  # the demo's check-in tokens: the same demo every time


async def seed_demo(uow_factory: UnitOfWorkFactory, now: datetime) -> bool:
    """Add the demo kring to an empty database; return False (and change nothing) otherwise."""
    async with uow_factory() as uow:
        if await uow.members.list():
            return False
        ids = await add_demo_people(uow, now)
        for shift in demo_shifts(ids, now):
            await uow.shifts.add(shift)
        await seed_cme(uow, now, checkin_token=checkin_tokens(random.Random(DEMO_SEED)))
        await uow.commit()
        return True


async def add_demo_people(uow: UnitOfWork, now: datetime) -> dict[str, int]:
    """The six demo people, active; their member ids by handle."""
    ids = {}
    for person in DEMO_PEOPLE:
        member = await uow.members.add(
            Member(
                telegram_id=person.telegram_id,
                name=person.name,
                role=person.role,
                language=person.language,
                riziv=person.riziv,
                zone=person.zone,
                status=MemberStatus.ACTIVE,
                joined_via=JoinPath.INVITE,
                created_at=now,
                updated_at=now,
            )
        )
        ids[person.handle] = member.id or 0
    return ids


def demo_shifts(
    ids: Mapping[str, int], now: datetime, timezone: str = "Europe/Brussels"
) -> list[Shift]:
    """8 weeks of nights, from the day after tomorrow (so no reminder is due the moment a chat
    starts, whatever its hour); ann has the first night of Noord."""
    zone = ZoneInfo(timezone)
    first_day = now.astimezone(zone).date() + timedelta(days=2)
    shifts = []
    for offset in range(ROSTER_WEEKS * 7):
        day = first_day + timedelta(days=offset)
        for area, turns in ROSTER_TURNS.items():
            doctor = turns[offset % len(turns)]
            if doctor is None:
                continue
            shifts.append(
                Shift(
                    zone=area,
                    start_at=datetime.combine(day, NIGHT_START, zone),
                    end_at=datetime.combine(day + timedelta(days=1), NIGHT_END, zone),
                    assignee_id=ids[doctor],
                    created_at=now,
                    updated_at=now,
                )
            )
    return shifts


def checkin_tokens(rng: random.Random) -> Callable[[], str]:
    """Check-in tokens from the seed (a demo kring is the same every time; a real kring's tokens
    come from `new_token`)."""
    alphabet = string.ascii_letters + string.digits + "-_"
    return lambda: "".join(rng.choices(alphabet, k=22))


async def seed_cme(
    uow: UnitOfWork,
    now: datetime,
    lok_noord_others: Sequence[int] = (),
    checkin_token: Callable[[], str] = new_token,
) -> None:
    """A LOK group (ann, bart, lotte, and `lok_noord_others` in a larger kring) and four events
    in the weeks after `now`; the first, with two seats, comes first in /cme so a script's
    `[Inschrijven]` picks it."""
    ids = {}
    for person in DEMO_PEOPLE:
        member = await uow.members.by_telegram_id(person.telegram_id)
        ids[person.handle] = member.id if member is not None and member.id else 0
    group = await uow.events.add_lok_group(
        LokGroup("LOK Noord", [ids["ann"], ids["bart"], ids["lotte"], *lok_noord_others])
    )
    evenings = [
        ("Antibiotica in de eerste lijn", EventKind.LECTURE, 3, 2, Rubric.GENERAL, 2),
        ("LOK Noord: casusbespreking", EventKind.LOK, 10, 2, Rubric.GENERAL, None),
        ("Webinar: diabetes type 2, wat is nieuw?", EventKind.WEBINAR, 14, 1, Rubric.GENERAL, None),
        ("Ethiek & economie: GMD en kost van zorg", EventKind.LECTURE, 21, 2, Rubric.ETHICS, 40),
    ]
    brussels = ZoneInfo("Europe/Brussels")
    for title, kind, days, points, rubric, capacity in evenings:
        day = now.astimezone(brussels).date() + timedelta(days=days)
        start_at = datetime.combine(day, time(20, 0), brussels)
        lok = kind is EventKind.LOK
        await uow.events.add(
            Event(
                title=title,
                kind=kind,
                start_at=start_at,
                end_at=start_at + timedelta(hours=2),
                deadline_at=start_at - timedelta(hours=2),
                created_at=now,
                checkin_token=checkin_token(),
                location="online" if kind is EventKind.WEBINAR else "Zaal De Linde, Noord",
                speaker="Dr. An Verhoeven",
                capacity=capacity,
                points=points,
                rubric=rubric,
                audience=EventAudience.LOK_GROUP if lok else EventAudience.ALL,
                lok_group_id=group.id if lok else None,
            )
        )


SYNTHETIC_FIRST_ID = 8_000_000


async def seed_synthetic(
    uow_factory: UnitOfWorkFactory, count: int, now: datetime, first: int = 1
) -> list[Member]:
    """`count` active GPs named "Member <first>" … with Telegram ids SYNTHETIC_FIRST_ID + n,
    for the broadcast benchmark and the sender's tests."""
    members = [
        Member(
            telegram_id=SYNTHETIC_FIRST_ID + n,
            name=f"Member {n}",
            role=Role.GP,
            status=MemberStatus.ACTIVE,
            zone=("Noord", "Zuid")[n % 2],
            created_at=now,
            updated_at=now,
        )
        for n in range(first, first + count)
    ]
    async with uow_factory() as uow:
        for member in members:
            await uow.members.add(member)
        await uow.commit()
    return members
