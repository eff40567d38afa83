"""The per-person flood limit, with a hand-moved clock."""

from bot.core.flood import FloodGuard, Flow


class Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_over_the_limit_one_warning_then_silence_until_the_window_has_room() -> None:
    ticks = Ticks()
    guard = FloodGuard(limit=3, window_seconds=10, now=ticks)
    assert [guard.check(1) for _ in range(5)] == [Flow.OK] * 3 + [Flow.SLOW_DOWN, Flow.IGNORE]
    assert guard.check(2) is Flow.OK  # others are not affected
    ticks.now = 10.5
    assert guard.check(1) is Flow.OK
    assert [guard.check(1) for _ in range(3)] == [Flow.OK, Flow.OK, Flow.SLOW_DOWN]


def test_a_limit_of_zero_switches_the_guard_off() -> None:
    guard = FloodGuard(limit=0)
    assert {guard.check(1) for _ in range(1000)} == {Flow.OK}
