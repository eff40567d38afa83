"""The members of the large demo kring beyond the six demo people: GPs and locums in four zones,
two staff members and two join requests, with the settings and circumstances a real kring has
(exemptions, suspensions, members who blocked the bot, digest and reminder choices)."""

import random
from dataclasses import dataclass
from datetime import datetime, time
from typing import TypeVar

from bot.core.models import DigestFrequency, JoinPath, Member, MemberStatus, Role
from bot.demo import DEMO_PEOPLE, DemoPerson
from bot.demo_large.names import Region, handle_for, person_name

ZONES = ("Noord", "Oost", "Zuid", "West")
DOCTORS_PER_ZONE = 49
STAFF = 2
JOIN_REQUESTS = 2
SUSPENDED = 2
EXEMPT = 8  # exempt from wachtdienst (age, pregnancy)
UNREACHABLE = 3  # blocked the bot
LOCUM_SHARE = 1 / 6
FIRST_TELEGRAM_ID = 7_200_001

T = TypeVar("T")

# Where the doctors of a zone come from (weights): a kring on the language border near Brussels.
ZONE_REGIONS: dict[str, dict[Region, int]] = {
    "Noord": {Region.FLANDERS: 17, Region.BRUSSELS: 3},
    "Oost": {Region.FLANDERS: 14, Region.BRUSSELS: 4, Region.WALLONIA: 2},
    "Zuid": {Region.WALLONIA: 9, Region.FLANDERS: 7, Region.BRUSSELS: 4},
    "West": {Region.BRUSSELS: 10, Region.FLANDERS: 6, Region.WALLONIA: 4},
}
# The language people of a region talk to the bot in (weights).
LANGUAGES: dict[Region, dict[str, int]] = {
    Region.FLANDERS: {"nl": 32, "en": 1},
    Region.WALLONIA: {"fr": 1},
    Region.BRUSSELS: {"fr": 6, "nl": 3, "en": 1},
}
# Reminder lead times stay within a day: the first shifts of the roster start the day after
# tomorrow, so no reminder falls due the moment a chat starts (bot/demo.py).
REMINDER_HOURS = {24: 12, 12: 4, 2: 2, 0: 2}
DIGESTS = {DigestFrequency.WEEKLY: 14, DigestFrequency.DAILY: 2, DigestFrequency.NONE: 4}
QUIET_SHARE = 0.15
QUIET_HOURS = (time(22, 0), time(7, 0))


@dataclass(frozen=True)
class Colleague:
    """A member of the large kring: who they are (handle, name, role, zone) and how they stand."""

    person: DemoPerson
    status: MemberStatus = MemberStatus.ACTIVE
    joined_via: JoinPath = JoinPath.INVITE
    on_call_exempt: bool = False
    reachable: bool = True
    digest: DigestFrequency = DigestFrequency.WEEKLY
    reminder_hours: int = 24
    quiet: tuple[time, time] | None = None

    def member(self, now: datetime) -> Member:
        person = self.person
        return Member(
            telegram_id=person.telegram_id,
            name=person.name,
            role=person.role,
            language=person.language,
            riziv=person.riziv,
            zone=person.zone,
            status=self.status,
            joined_via=self.joined_via,
            on_call_exempt=self.on_call_exempt,
            reachable=self.reachable,
            digest=self.digest,
            shift_reminder_hours=self.reminder_hours,
            quiet_from=None if self.quiet is None else self.quiet[0],
            quiet_until=None if self.quiet is None else self.quiet[1],
            created_at=now,  # as the demo people: no digest is due for a period before `now`
            updated_at=now,
        )


def _weighted(rng: random.Random, weights: dict[T, int]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class _People:
    """Draws people one after the other from one random generator: names, handles, Telegram ids
    and RIZIV numbers are unique, also against the demo people."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names = {person.name for person in DEMO_PEOPLE}
        self.handles = {person.handle for person in DEMO_PEOPLE}
        demo_sequences = {int(person.riziv[1:6]) for person in DEMO_PEOPLE if person.riziv}
        free = [n for n in range(10_000, 100_000) if n not in demo_sequences]
        self.sequences = iter(rng.sample(free, DOCTORS_PER_ZONE * len(ZONES) + JOIN_REQUESTS))
        self.telegram_ids = iter(range(FIRST_TELEGRAM_ID, FIRST_TELEGRAM_ID + 1_000))

    def draw(self, region: Region, role: Role, zone: str | None) -> DemoPerson:
        name = person_name(self.rng, region, self.names)
        return DemoPerson(
            handle=handle_for(name, self.handles),
            telegram_id=next(self.telegram_ids),
            name=name,
            role=role,
            language=_weighted(self.rng, LANGUAGES[region]),
            riziv=None if role is Role.STAFF else self._riziv(role),
            zone=zone,
        )

    def _riziv(self, role: Role) -> str:
        """A valid number (check digits modulo 97); recognised GPs 004, locums 003 or 004."""
        base = f"1{next(self.sequences):05d}"
        qualification = self.rng.choice(("003", "004")) if role is Role.LOCUM else "004"
        return f"{base}{97 - int(base) % 97:02d}{qualification}"


def part_rng(seed: int, part: str) -> random.Random:
    """The random generator of one part of the kring (people, roster …) for this seed."""
    return random.Random(f"kringbot-large-{seed}-{part}")


def colleagues(seed: int) -> list[Colleague]:
    """Everyone of the large kring but the six demo people, the same for the same seed."""
    rng = part_rng(seed, "people")
    people = _People(rng)
    doctors = [
        people.draw(
            _weighted(rng, ZONE_REGIONS[zone]),
            Role.LOCUM if rng.random() < LOCUM_SHARE else Role.GP,
            zone,
        )
        for zone in ZONES
        for _ in range(DOCTORS_PER_ZONE)
    ]
    suspended, exempt, unreachable = _split(rng, len(doctors), (SUSPENDED, EXEMPT, UNREACHABLE))
    found = [
        Colleague(
            person,
            status=MemberStatus.SUSPENDED if n in suspended else MemberStatus.ACTIVE,
            on_call_exempt=n in exempt,
            reachable=n not in unreachable,
            digest=_weighted(rng, DIGESTS),
            reminder_hours=_weighted(rng, REMINDER_HOURS),
            quiet=QUIET_HOURS if rng.random() < QUIET_SHARE else None,
        )
        for n, person in enumerate(doctors)
    ]
    found += [Colleague(people.draw(Region.FLANDERS, Role.STAFF, None)) for _ in range(STAFF)]
    found += [
        Colleague(
            people.draw(Region.BRUSSELS, Role.GP, None),
            status=MemberStatus.PENDING,
            joined_via=JoinPath.REQUEST,
        )
        for _ in range(JOIN_REQUESTS)
    ]
    return found


def _split(rng: random.Random, total: int, sizes: tuple[int, ...]) -> list[set[int]]:
    """Disjoint random sets of indices below `total`, of these sizes."""
    chosen = rng.sample(range(total), sum(sizes))
    sets, start = [], 0
    for size in sizes:
        sets.append(set(chosen[start : start + size]))
        start += size
    return sets
