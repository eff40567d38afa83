"""The per-person flood limit, with a hand-moved clock."""

from bot.core.buckets import LocalBuckets
from bot.core.flood import FloodGuard, Flow


class Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_over_the_limit_one_warning_then_silence_until_the_window_has_room() -> None:
    ticks = Ticks()
    guard = FloodGuard(limit=3, buckets=LocalBuckets(), window_seconds=10, now=ticks)
    flows = [await guard.check(1) for _ in range(5)]
    assert flows == [Flow.OK] * 3 + [Flow.SLOW_DOWN, Flow.IGNORE]
    assert await guard.check(2) is Flow.OK  # others are not affected
    ticks.now = 10.5
    assert await guard.check(1) is Flow.OK
    assert [await guard.check(1) for _ in range(3)] == [Flow.OK, Flow.OK, Flow.SLOW_DOWN]


async def test_guards_sharing_their_buckets_share_the_limit() -> None:
    """Three replicas on one database: one person's updates spread over them count once."""
    ticks, shared = Ticks(), LocalBuckets()
    replicas = [FloodGuard(3, shared, 10, ticks) for _ in range(3)]
    flows = [await replicas[n % 3].check(1) for n in range(5)]
    assert flows == [Flow.OK] * 3 + [Flow.SLOW_DOWN, Flow.IGNORE]


async def test_a_limit_of_zero_switches_the_guard_off() -> None:
    guard = FloodGuard(limit=0, buckets=LocalBuckets())
    assert {await guard.check(1) for _ in range(1000)} == {Flow.OK}
