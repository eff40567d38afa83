"""The demo kring: the people every chat script and `make run` can count on (DESIGN.md §4)."""

from dataclasses import dataclass
from datetime import datetime

from bot.core.models import JoinPath, Member, MemberStatus, Role
from bot.core.ports import UnitOfWorkFactory


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
        await uow.commit()
        return True


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
