"""A flow started on one replica continues on another (issue 19, item 5): the balancer is not
sticky, so each step of the coordinator's announcement reaches a different process."""

from tests.scale.cluster import Cluster


async def test_an_announcement_started_on_one_replica_is_finished_on_the_other(
    cluster: Cluster,
) -> None:
    cluster.balancer.pin(0)
    asked = await cluster.reply("coord", lambda: cluster.send("coord", "/broadcast"))
    cluster.balancer.pin(1)
    audience = await cluster.reply(
        "coord", lambda: cluster.send("coord", "Algemene vergadering op 12/12")
    )
    assert asked != audience and "Algemene vergadering op 12/12" in audience
    cluster.balancer.pin(0)
    await cluster.reply("coord", lambda: cluster.tap("coord", "Iedereen"))
    cluster.balancer.pin(1)
    await cluster.reply("coord", lambda: cluster.tap("coord", "Verzenden"))
    await cluster.until_received("ann", "Algemene vergadering op 12/12")
    assert {index for _, index in cluster.balancer.routed} == {0, 1}
