"""The sender's slots on buckets shared by replicas (on its own: tests/unit/test_broadcast.py)."""

from bot.core.buckets import FallbackBuckets, LocalBuckets
from bot.core.ratelimit import RateLimiter
from tests.unit.test_buckets import T0, Database


class Ticks:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


async def test_replicas_on_shared_buckets_interleave_their_slots() -> None:
    ticks, shared = Ticks(), Database()
    replicas = [RateLimiter(10, FallbackBuckets(shared), ticks) for _ in range(3)]
    slots = [await replicas[n % 3].reserve(100 + n) for n in range(6)]
    assert [round(slot - T0, 3) for slot in slots] == [0.0, 0.1, 0.2, 0.3, 0.4, 0.5]


async def test_a_slot_missed_is_given_up_only_on_shared_buckets() -> None:
    """Late on a shared slot, a send would bunch with other replicas' slots; on buckets of
    its own the process's sliding window (admit) keeps it from catching up in a burst."""
    ticks = Ticks()
    shared = RateLimiter(10, FallbackBuckets(Database()), ticks)
    alone = RateLimiter(10, LocalBuckets(), ticks)
    slot = await shared.reserve(1)
    ticks.now = slot + 0.05
    assert not shared.missed(slot)  # within two slots
    ticks.now = slot + 0.5
    assert shared.missed(slot)
    assert not alone.missed(await alone.reserve(1) - 0.5)
