"""The members table's selection: filters combine, the zone is matched as typed in any case or
without accents, a page out of range shows the last, and only finished join requests wait."""

from bot.core.member_table import (
    NO_ZONE,
    PAGE_SIZE,
    MemberFilter,
    grantable_roles,
    may_manage_members,
    member_table,
)
from bot.core.models import JoinPath, Member, MemberStatus, Role


def person(n: int, **fields: object) -> Member:
    values: dict[str, object] = {
        "telegram_id": n,
        "role": Role.GP,
        "status": MemberStatus.ACTIVE,
        "name": f"Dokter {n:03d}",
        "riziv": f"1{n:010d}",
        "zone": "Noord",
        "id": n,
    }
    values.update(fields)
    return Member(**values)  # type: ignore[arg-type]


KRING = [
    *(person(n) for n in range(1, 61)),
    person(61, name="Élise Dubois", role=Role.LOCUM, zone="Oost"),
    person(62, name="Jan De Vos", zone=None, status=MemberStatus.SUSPENDED),
    person(63, name="Wacht Nog", status=MemberStatus.PENDING, joined_via=JoinPath.REQUEST),
    person(64, name=None, status=MemberStatus.PENDING, joined_via=JoinPath.REQUEST),
    person(65, name="Weg", status=MemberStatus.FORGOTTEN),
]


def test_filters_combine_and_match_names_and_zones_loosely() -> None:
    [elise] = member_table(KRING, MemberFilter(text="elise", zone="oost")).rows
    assert elise.id == 61
    assert [m.id for m in member_table(KRING, MemberFilter(text="devos")).rows] == [62]
    assert [m.id for m in member_table(KRING, MemberFilter(zone=NO_ZONE)).rows] == [62]
    suspended = member_table(KRING, MemberFilter(status=MemberStatus.SUSPENDED))
    assert [m.id for m in suspended.rows] == [62]
    assert member_table(KRING, MemberFilter(role=Role.LOCUM, zone="Noord")).rows == []


def test_pages_of_the_listed_members_only() -> None:
    table = member_table(KRING, MemberFilter(page=99))
    assert table.total == 62  # not applicants, not erased members
    assert (table.page, table.pages) == (3, 3)
    assert len(table.rows) == 62 - 2 * PAGE_SIZE
    assert [m.id for m in table.requests] == [63]  # 64 has not answered the questions yet


def test_only_an_active_coordinator_manages_and_gives_managers_roles() -> None:
    coordinator, staff = person(1, role=Role.COORDINATOR), person(2, role=Role.STAFF)
    suspended = person(3, role=Role.COORDINATOR, status=MemberStatus.SUSPENDED)
    assert may_manage_members(coordinator) and not may_manage_members(staff)
    assert not may_manage_members(suspended)
    assert grantable_roles(staff) == [Role.GP, Role.LOCUM]
    assert grantable_roles(coordinator) == [Role.GP, Role.LOCUM, Role.STAFF, Role.COORDINATOR]
