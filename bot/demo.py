"""The demo kring: the people every chat script and `make run` can count on (DESIGN.md §4)."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.models import JoinPath, Member, MemberStatus, Role, Shift
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
ROSTER_TURNS = {"Noord": ("ann", "bart", "lotte"), "Zuid": ("elise", "tom")}
NIGHT_START, NIGHT_END = time(19, 0), time(8, 0)


async def seed_demo(uow_factory: UnitOfWorkFactory, now: datetime) -> bool:
    """Add the demo kring to an empty database; return False (and change nothing) otherwise."""
    async with uow_factory() as uow:
        if await uow.members.list():
            return False
        for person in DEMO_PEOPLE:
            await uow.members.add(
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
        await _seed_roster(uow, now)
        await uow.commit()
        return True


async def _seed_roster(uow: UnitOfWork, now: datetime, timezone: str = "Europe/Brussels") -> None:
    """The 8 weeks of nights after the start date; ann has the first night of Noord."""
    zone = ZoneInfo(timezone)
    first_day = now.astimezone(zone).date() + timedelta(days=1)
    ids = {p.handle: (await uow.members.by_telegram_id(p.telegram_id)) for p in DEMO_PEOPLE}
    for offset in range(ROSTER_WEEKS * 7):
        day = first_day + timedelta(days=offset)
        for area, turns in ROSTER_TURNS.items():
            assignee = ids[turns[offset % len(turns)]]
            await uow.shifts.add(
                Shift(
                    zone=area,
                    start_at=datetime.combine(day, NIGHT_START, zone),
                    end_at=datetime.combine(day + timedelta(days=1), NIGHT_END, zone),
                    assignee_id=None if assignee is None else assignee.id,
                    created_at=now,
                    updated_at=now,
                )
            )
