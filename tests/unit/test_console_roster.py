"""The console's roster month: what needs the coordinator's eye is marked."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.console import Mark, month_calendar, month_grid
from bot.core.models import Member, MemberStatus, Role, Shift, SwapKind, SwapRequest, SwapStatus

BRUSSELS = ZoneInfo("Europe/Brussels")
T0 = datetime(2026, 12, 1, tzinfo=UTC)


def _member(member_id: int, exempt: bool = False) -> Member:
    return Member(
        telegram_id=member_id,
        role=Role.GP,
        status=MemberStatus.ACTIVE,
        name=f"Dokter {member_id}",
        on_call_exempt=exempt,
        id=member_id,
    )


def _night(day: int, assignee: int | None, zone: str = "Noord", shift_id: int = 0) -> Shift:
    start = datetime(2026, 12, day, 18, tzinfo=UTC)
    return Shift(zone, start, start + timedelta(hours=14), assignee, T0, T0, id=shift_id or day)


def test_uncovered_double_back_to_back_and_exempt_are_marked() -> None:
    members = {1: _member(1), 2: _member(2), 3: _member(3, exempt=True)}
    shifts = [
        _night(3, None),  # nobody
        _night(5, 1),
        _night(6, 1),  # the night after: back to back
        _night(10, 2),
        _night(10, 2, zone="Oost", shift_id=99),  # the same night in another zone: double
        _night(12, 3),  # exempt
        _night(20, 1),  # nothing wrong
    ]
    month = month_grid("Noord", ["Noord", "Oost"], date(2026, 12, 1), shifts, members, BRUSSELS)
    marks = {day.day.day: set(day.shifts[0].marks) for day in month.days if day.shifts}
    assert marks == {
        3: {Mark.UNCOVERED},
        5: {Mark.BACK_TO_BACK},
        6: {Mark.BACK_TO_BACK},
        10: {Mark.DOUBLE_BOOKED},
        12: {Mark.EXEMPT},
        20: set(),
    }
    assert len(month.days) == 31 and month.counts[Mark.BACK_TO_BACK] == 2
    assert (month.previous, month.next) == (date(2026, 11, 1), date(2027, 1, 1))


def test_both_shifts_of_a_pending_swap_are_marked_and_a_taken_one_can_be_decided() -> None:
    members = {1: _member(1), 2: _member(2)}
    shifts = [_night(5, 1), _night(9, 2), _night(20, 1)]
    taken = SwapRequest(5, 1, SwapKind.SWAP, 1, T0, T0, status=SwapStatus.TAKEN, taker_id=2)
    taken.return_shift_id = 9
    month = month_grid("Noord", ["Noord"], date(2026, 12, 1), shifts, members, BRUSSELS, [taken])
    items = {day.day.day: day.shifts[0] for day in month.days if day.shifts}
    assert [n for n, item in items.items() if Mark.SWAP in item.marks] == [5, 9]
    assert items[5].decidable and items[5].taker == members[2] and not items[20].decidable


def test_my_month_is_weeks_from_monday_with_the_shifts_on_their_days() -> None:
    month = month_calendar(date(2026, 12, 1), [_night(1, 1), _night(31, 1)], frozenset(), BRUSSELS)
    assert [len(week) for week in month.weeks] == [7] * 5
    assert month.weeks[0][0].day is None and month.weeks[0][1].day == date(2026, 12, 1)  # a Tuesday
    assert [shift.id for shift in month.shifts] == [1, 31]
    assert (month.previous, month.next) == (date(2026, 11, 1), date(2027, 1, 1))
