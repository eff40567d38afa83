"""The sender's slots on buckets shared by replicas (on its own: tests/unit/test_broadcast.py)."""

from itertools import pairwise

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


async def test_at_a_high_rate_replicas_take_blocks_of_slots_and_keep_to_the_rate() -> None:
    """One bucket request per block (a database round trip on PostgreSQL), not per message;
    the replicas' slots together are still one every interval, never two at once."""
    ticks, shared = Ticks(), Database()
    replicas = [RateLimiter(1000, FallbackBuckets(shared), ticks) for _ in range(3)]
    slots = [await replicas[n % 3].reserve(100 + n) for n in range(600)]
    assert shared.calls < 30
    gaps = [later - earlier for earlier, later in pairwise(sorted(slots))]
    assert min(gaps) > 0.001 - 1e-6  # (seconds since the epoch: float precision)


async def test_a_missed_slot_is_taken_again_without_waiting_for_its_own_chat() -> None:
    """The new slot of a message whose slot passed is not a chat spacing (a second) later:
    the message did not go, so its chat is free; else every message after it would wait."""
    ticks = Ticks()
    limiter = RateLimiter(100, FallbackBuckets(Database()), ticks)
    missed = await limiter.reserve(7)
    ticks.now = missed + 0.5
    assert limiter.missed(missed)
    assert await limiter.reserve(7, missed=missed) - ticks.now < 0.1
    assert await limiter.reserve(7) - ticks.now >= 1.0  # a second message to it still waits


async def test_a_replica_held_up_a_moment_catches_up_the_slots_it_just_missed() -> None:
    """Held up for a few hundredths of a second (a claim, a busy machine), a replica on shared
    buckets sends at once in the slots it is not too late for, instead of leaving them unused;
    held up longer, it gives the old ones up and takes slots from now on."""
    ticks = Ticks()
    limiter = RateLimiter(100, FallbackBuckets(Database()), ticks)
    first = await limiter.reserve(1)
    ticks.now = first + 0.045
    slots = [await limiter.reserve(2 + n) for n in range(6)]
    # the four slots it missed (0.01 … 0.04) go now; then one every hundredth again
    assert [round(slot - first, 3) for slot in slots] == [0.045] * 4 + [0.05, 0.06]
    assert not any(limiter.missed(slot) for slot in slots)
    ticks.now = first + 0.5
    assert await limiter.reserve(9) >= ticks.now
