"""Two colleagues tap Overnemen on the same offer at the same moment, on two replicas: one of
them takes the shift over, the other is told it is gone."""

from bot.core.models import SwapStatus
from tests.scale.cluster import Cluster, until

COLLEAGUES = ("ann", "bart")  # lotte's Noord colleagues, both free around her night


async def test_two_colleagues_tap_overnemen_at_once_and_one_takes_the_shift(
    cluster: Cluster,
) -> None:
    for line in ("/shifts", "[Ruil 1]", "[Weggeven]", "[Iedereen]", "Trouwfeest", "[Verzenden]"):
        await cluster.step("lotte", line)  # round-robin: the flow goes from replica to replica
    for handle in COLLEAGUES:
        await cluster.until_received(handle, "Trouwfeest")

    cluster.balancer.hold()
    for handle in COLLEAGUES:
        cluster.tap(handle, "Overnemen")
    await cluster.balancer.holding(len(COLLEAGUES))
    await cluster.balancer.release()
    await until(lambda: all(len(cluster.received(h)) >= 2 for h in COLLEAGUES), "two answers")
    await cluster.settled()

    async with cluster.unit_of_work() as uow:
        [request] = await uow.swaps.with_status(*SwapStatus)
        takes = [
            event for event in await uow.swaps.trail(request.id or 0) if event.action == "taken"
        ]
    assert request.status is SwapStatus.TAKEN and len(takes) == 1
    gone = [h for h in COLLEAGUES if any("al overgenomen" in t for t in cluster.texts(h))]
    assert len(gone) == 1
