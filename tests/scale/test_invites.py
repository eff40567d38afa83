"""A single-use invite used by two people at the same moment on two replicas makes one member
(issue 19, item 3): the redemption is one conditional update, the other person is told the link
was used."""

from bot.core.models import JoinPath, Role
from tests.scale.cluster import Cluster, until

INVITES = 3  # pairs at once: each pair races on its own invite


async def test_an_invite_used_at_once_on_two_replicas_makes_one_member(cluster: Cluster) -> None:
    membership = cluster.services.membership
    codes = [(await membership.create_invite(None, Role.GP, "Noord")).code for _ in range(INVITES)]
    pairs = [(f"new{n}a", f"new{n}b") for n in range(INVITES)]
    cluster.balancer.hold()
    for code, pair in zip(codes, pairs, strict=True):
        for handle in pair:
            cluster.emulator.create_user(handle, "nl")
            cluster.send(handle, f"/start {code}")
    await cluster.balancer.holding(2 * INVITES)
    await cluster.balancer.release()  # a pair's two updates go to the two replicas
    everyone = [handle for pair in pairs for handle in pair]
    await until(lambda: all(cluster.received(h) for h in everyone), "an answer to everyone")

    async with cluster.unit_of_work() as uow:
        members = await uow.members.list()
    invited = {m.telegram_id for m in members if m.joined_via is JoinPath.INVITE}
    for pair in pairs:
        ids = {cluster.emulator.user_id(handle) for handle in pair}
        assert len(ids & invited) == 1
        answers = [cluster.texts(handle)[0] for handle in pair]
        assert sum("al gebruikt" in answer for answer in answers) == 1, answers
