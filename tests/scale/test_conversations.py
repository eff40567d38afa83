"""A flow started on one replica continues on another (issue 19, item 5): the balancer is not
sticky, so each step of the coordinator's announcement reaches the other process. Its last tap
is delivered to both replicas (as Telegram may deliver an update twice): handled once."""

from tests.scale.cluster import Cluster

TEXT = "Algemene vergadering op 12/12"


async def test_an_announcement_started_on_one_replica_is_finished_on_the_other(
    cluster: Cluster,
) -> None:
    cluster.balancer.pin(0)
    await cluster.step("coord", "/broadcast")
    cluster.balancer.pin(1)
    preview = await cluster.step("coord", TEXT)
    assert any(TEXT in text for text in preview)  # the announcement, not a question to the KB
    cluster.balancer.pin(0)
    await cluster.step("coord", "[Iedereen]")
    cluster.balancer.fan_out()
    await cluster.step("coord", "[Verzenden]")
    await cluster.until_received("ann", TEXT)
    await cluster.settled()

    (first, to_first), (second, to_second) = cluster.balancer.routed[-2:]
    assert first == second and {to_first, to_second} == {0, 1}  # [Verzenden] reached both
    assert sum(TEXT in text for text in cluster.texts("ann")) == 1
