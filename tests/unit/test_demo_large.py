"""The large demo kring's roster planner, on a zone with just enough doctors."""

from datetime import UTC, datetime
from itertools import pairwise
from random import Random
from zoneinfo import ZoneInfo

import pytest

from bot.core.models import Member, MemberStatus, Role
from bot.demo_large.roster import plan_roster

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
BRUSSELS = ZoneInfo("Europe/Brussels")


def _doctors(count: int) -> list[Member]:
    return [
        Member(7_900_000 + n, Role.GP, status=MemberStatus.ACTIVE, zone="Oost", id=n + 1)
        for n in range(count)
    ]


def test_three_doctors_cover_a_year_and_never_work_twice_within_a_day() -> None:
    shifts = plan_roster({"Oost": _doctors(3)}, [], NOW, BRUSSELS, Random(1))
    assert len(shifts) > 365 + 100
    for doctor in (1, 2, 3):
        mine = [s for s in shifts if s.assignee_id == doctor]
        assert 120 < len(mine) < 200  # shared fairly
        for earlier, later in pairwise(mine):
            assert (later.start_at - earlier.end_at).total_seconds() >= 24 * 3600


def test_a_zone_with_too_few_doctors_is_refused() -> None:
    with pytest.raises(RuntimeError, match="too few doctors"):
        plan_roster({"Oost": _doctors(2)}, [], NOW, BRUSSELS, Random(1))
