"""The large demo kring (`--size large`): the six demo people of bot/demo.py, unchanged, plus
about 200 colleagues in four zones, a year of wachtdienst, a dozen CME events with two LOK
groups, and some history (swaps in every state, attendance, delivered announcements).

Everything is drawn from `random.Random` seeded with the seed (one generator per part, so a
change in one part leaves the others as they were) and placed relative to the start moment:
the same seed and moment give the same database, row for row. It is stored through the
repositories in one transaction, like the small demo.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.core.membership import is_manager
from bot.core.ports import UnitOfWorkFactory
from bot.demo import DEMO_PEOPLE, DemoPerson, add_demo_people, demo_shifts, seed_demo
from bot.demo_large.announcements import add_announcements
from bot.demo_large.events import add_cme
from bot.demo_large.people import ZONES, colleagues, part_rng
from bot.demo_large.roster import doctors_by_zone, mark_the_past, plan_roster
from bot.demo_large.swaps import add_swaps, plan_swaps

SIZES = ("small", "large")
DEFAULT_SEED = 2026
TIMEZONE = "Europe/Brussels"

__all__ = ["DEFAULT_SEED", "SIZES", "kring_people", "seed_kring", "seed_large_demo"]


def kring_people(size: str, seed: int = DEFAULT_SEED) -> list[DemoPerson]:
    """Everyone a chat can talk as: the demo people, and for the large kring its colleagues
    (handles like `jeanpierre_dhondt`)."""
    if size == "small":
        return list(DEMO_PEOPLE)
    return [*DEMO_PEOPLE, *(colleague.person for colleague in colleagues(seed))]


async def seed_kring(
    uow_factory: UnitOfWorkFactory, now: datetime, size: str, seed: int = DEFAULT_SEED
) -> bool:
    """The demo kring of that size; False (and nothing changed) when there are members already."""
    if size == "small":
        return await seed_demo(uow_factory, now)
    return await seed_large_demo(uow_factory, now, seed)


async def seed_large_demo(
    uow_factory: UnitOfWorkFactory, now: datetime, seed: int = DEFAULT_SEED
) -> bool:
    """Add the large demo kring to an empty database; False (and nothing changed) otherwise."""
    zone = ZoneInfo(TIMEZONE)
    async with uow_factory() as uow:
        if await uow.members.list():
            return False
        demo_ids = await add_demo_people(uow, now)
        for colleague in colleagues(seed):
            await uow.members.add(colleague.member(now))
        members = {member.id or 0: member for member in await uow.members.list()}
        others = [m for m in members.values() if m.id not in demo_ids.values()]
        pools = doctors_by_zone(others, ZONES, on_call=True)
        shifts = plan_roster(pools, demo_shifts(demo_ids, now), now, zone, part_rng(seed, "roster"))
        managers = [member for member in members.values() if is_manager(member)]
        swaps = plan_swaps(shifts, members, pools, managers, now, part_rng(seed, "swaps"))
        mark_the_past(shifts, members, now, part_rng(seed, "handovers"))
        for shift in shifts:
            await uow.shifts.add(shift)
        await add_swaps(uow, swaps)
        await add_cme(
            uow, doctors_by_zone(others, ZONES, on_call=False), now, zone, part_rng(seed, "cme")
        )
        await add_announcements(uow, members[demo_ids["coord"]], now, zone)
        await uow.commit()
    return True
