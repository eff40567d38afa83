"""What the replicas' ticks do once, however many replicas tick: a swap's follow-up (issue 19,
item 4: it compared and set OPEN → OPEN, so every replica's update matched), a shift reminder,
the weekly digest. `Cluster.due_at_once` makes the replicas' ticks find the work together."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import text

from bot.core.digest import latest_moment
from bot.core.models import Broadcast, BroadcastState, DigestFrequency, Shift, SwapKind, SwapRequest
from bot.core.ports import UnitOfWork
from bot.demo import DEMO_PEOPLE
from tests.scale.cluster import Cluster, until

EVERYONE = [person.handle for person in DEMO_PEOPLE]


async def _shift(uow: UnitOfWork, handle: str, zone: str, start: datetime) -> Shift:
    [telegram_id] = [person.telegram_id for person in DEMO_PEOPLE if person.handle == handle]
    member = await uow.members.by_telegram_id(telegram_id)
    assert member is not None
    return await uow.shifts.add(
        Shift(zone, start, start + timedelta(hours=1), member.id, start, start)
    )


async def _counted(cluster: Cluster, expected: dict[str, int]) -> dict[str, int]:
    """How many messages each member got, once they got what was expected and nothing more
    came for a few ticks."""
    await until(
        lambda: all(len(cluster.received(h)) >= n for h, n in expected.items()),
        f"messages: {expected}",
    )
    await cluster.settled()
    return {handle: len(cluster.received(handle)) for handle in expected}


async def test_a_follow_up_and_a_reminder_are_sent_once(cluster: Cluster) -> None:
    now = datetime.now(UTC)
    async with cluster.due_at_once("swap_requests", "shifts") as uow:
        # ann's night tomorrow, asked away three days ago and still open: near the closing
        # time (12 hours before the start) nobody took it, so her Noord colleagues hear again.
        shift = await _shift(uow, "ann", "Noord", now + timedelta(hours=26))
        ann = shift.assignee_id or 0
        await uow.swaps.add(
            SwapRequest(
                shift.id or 0,
                ann,
                SwapKind.GIVEAWAY,
                created_by=ann,
                created_at=now - timedelta(days=3),
                expires_at=shift.start_at - timedelta(hours=12),
            )
        )
    # the follow-up to bart and lotte, and the warning to ann
    assert await _counted(cluster, {"bart": 1, "lotte": 1, "ann": 1}) == {
        "bart": 1,
        "lotte": 1,
        "ann": 1,
    }

    async with cluster.due_at_once("shifts") as uow:
        await _shift(uow, "elise", "Zuid", now + timedelta(hours=2))  # reminded 24 h before
    assert await _counted(cluster, {"elise": 1}) == {"elise": 1}


async def test_the_digest_is_sent_once(cluster: Cluster) -> None:
    now = datetime.now(UTC)
    week = latest_moment(DigestFrequency.WEEKLY, now, ZoneInfo("Europe/Brussels"), 0, 8)
    async with cluster.due_at_once("digest_runs") as uow:
        # The replicas ran this week's digest when they started, for a kring without history:
        # give the kring a history (members for a month, an announcement last week) and let
        # the week run again.
        await uow.session.execute(text("DELETE FROM digest_runs"))
        for member in await uow.members.list():
            member.created_at = now - timedelta(days=30)
            await uow.members.update(member)
        coordinator = (await uow.members.coordinators())[0]
        last_week = week - timedelta(days=1)
        await uow.broadcasts.add(
            Broadcast(
                coordinator.id or 0,
                "all",
                "Nieuwe wachtpost in Zuid",
                last_week,
                last_week,
                state=BroadcastState.DONE,
            )
        )
    assert await _counted(cluster, dict.fromkeys(EVERYONE, 1)) == dict.fromkeys(EVERYONE, 1)
    assert all("Nieuwe wachtpost in Zuid" in cluster.texts(handle)[0] for handle in EVERYONE)
