"""Roster import (a whole file or nothing), re-import, fairness and exemptions."""

import asyncio
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.csvfiles import ROWS_PER_TURN, read_table
from bot.core.errors import NotAllowed
from bot.core.models import SwapKind, SwapStatus
from bot.core.roster import ROSTER_ALIASES, ROSTER_COLUMNS, RosterReason, RosterRejected
from tests.unit.test_swaps import Kring

BRUSSELS = ZoneInfo("Europe/Brussels")
ANN, BART = "14562371004", "15230186004"


def roster(*lines: str) -> bytes:
    return "\n".join(["Begin;Einde;Zone;Wachtpost;RIZIV", *lines]).encode("cp1252")


def kring_with_rizivs() -> Kring:
    kring = Kring()
    kring.db.members[kring.ann.id or 0].riziv = ANN
    kring.db.members[kring.bart.id or 0].riziv = BART
    return kring


async def test_import_then_reimport_updates_instead_of_duplicating() -> None:
    kring = kring_with_rizivs()
    first = roster(
        f"5/12/2026 19:00;6/12/2026 08:00;Noord;;{ANN}",
        "2026-12-06 19u00;2026-12-07 08:00;Noord;;1-52301-86-004",
    )
    report = await kring.roster.import_rows(
        kring.coord, read_table(first, ROSTER_COLUMNS, ROSTER_ALIASES)
    )
    assert (report.added, report.updated, report.unchanged) == (2, 0, 0)
    assert report.first == datetime(2026, 12, 5, 19, 0, tzinfo=BRUSSELS)

    again = roster(
        f"5/12/2026 19:00;6/12/2026 08:00;Noord;;{BART}",  # changed hands in the roster tool
        f"2026-12-06 19:00;2026-12-07 08:00;Noord;;{BART}",
    )
    report = await kring.roster.import_rows(None, read_table(again, ROSTER_COLUMNS, ROSTER_ALIASES))
    assert (report.added, report.updated, report.unchanged) == (0, 1, 1)
    assert sorted(s.assignee_id or 0 for s in kring.db.shifts.values()) == [kring.bart.id] * 2


async def test_a_changed_assignee_cancels_the_pending_swap_of_that_shift() -> None:
    kring = kring_with_rizivs()
    line = "5/12/2026 19:00;6/12/2026 08:00;Noord;;{}"
    await kring.roster.import_rows(
        None, read_table(roster(line.format(ANN)), ROSTER_COLUMNS, ROSTER_ALIASES)
    )
    [shift] = kring.db.shifts.values()
    request, _ = await kring.swaps.request(kring.ann, shift.id or 0, SwapKind.GIVEAWAY)
    await kring.roster.import_rows(
        None, read_table(roster(line.format(BART)), ROSTER_COLUMNS, ROSTER_ALIASES)
    )
    assert kring.db.swaps[request.id or 0].status is SwapStatus.CANCELLED


async def test_a_bad_file_is_rejected_as_a_whole_with_every_bad_line() -> None:
    kring = kring_with_rizivs()
    bad = roster(
        f"5/12/2026 19:00;6/12/2026 08:00;Noord;;{ANN}",
        f"31/11/2026 19:00;1/12/2026 08:00;Noord;;{ANN}",
        f"7/12/2026 19:00;7/12/2026 08:00;Noord;;{ANN}",
        f"8/12/2026 19:00;9/12/2026 08:00;;;{ANN}",
        "9/12/2026 19:00;10/12/2026 08:00;Noord;;12345678901",
        "10/12/2026 19:00;11/12/2026 08:00;Noord;;17123468003",  # valid, but not a member
        f"5/12/2026 19:00;6/12/2026 08:00;Noord;;{BART}",
    )
    with pytest.raises(RosterRejected) as rejected:
        await kring.roster.import_rows(kring.coord, read_table(bad, ROSTER_COLUMNS, ROSTER_ALIASES))
    assert [(line, reason) for line, reason, _ in rejected.value.problems] == [
        (3, RosterReason.START),
        (4, RosterReason.ORDER),
        (5, RosterReason.ZONE),
        (6, RosterReason.RIZIV),
        (7, RosterReason.DOCTOR),
        (8, RosterReason.DUPLICATE),
    ]
    assert kring.db.shifts == {}


async def test_only_managers_import_and_mark_exemptions() -> None:
    kring = kring_with_rizivs()
    with pytest.raises(NotAllowed):
        await kring.roster.import_rows(kring.ann, [])
    with pytest.raises(NotAllowed):
        await kring.roster.set_exempt(kring.ann, kring.bart.id or 0, True)
    await kring.roster.set_exempt(kring.coord, kring.bart.id or 0, True)
    assert kring.db.members[kring.bart.id or 0].on_call_exempt


async def test_tally_counts_done_and_planned_shifts_this_year() -> None:
    kring = Kring()
    kring.shift(kring.ann, days=-3)
    kring.shift(kring.ann, days=4)
    kring.shift(kring.bart, days=6)
    kring.shift(kring.bart, days=40)  # next year
    tally = {t.member.name: (t.done, t.planned) for t in await kring.roster.tally(2026)}
    assert tally == {
        "Ann": (1, 1),
        "Bart": (0, 1),
        "Lotte": (0, 0),
        "Élise": (0, 0),
        "Xavier": (0, 0),
    }


async def test_other_members_take_turns_while_a_long_roster_is_checked() -> None:
    """Checking a 5,000-row file is about a second of work: other members' updates (here a task
    counting its turns on the event loop) run in between, not only after it."""
    kring = kring_with_rizivs()
    nights = [datetime(2027, 1, 1, 19, 0) + timedelta(days=n) for n in range(2000)]
    lines = [
        f"{night:%d/%m/%Y %H:%M};{night + timedelta(hours=13):%d/%m/%Y %H:%M};Noord;;{ANN}"
        for night in nights
    ]
    rows = read_table(roster(*lines), ROSTER_COLUMNS, ROSTER_ALIASES)
    importing = asyncio.create_task(kring.roster.import_rows(kring.coord, rows))
    turns = 0
    while not importing.done():
        await asyncio.sleep(0)
        turns += 1
    assert (await importing).added == len(nights)
    assert turns >= len(nights) // ROWS_PER_TURN
