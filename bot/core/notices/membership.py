"""The notices of membership: newcomers for the coordinator, the decision for the newcomer, and
error reports for whoever runs the bot."""

from dataclasses import dataclass
from typing import Self

from bot.core.models import Member, Role
from bot.core.notices import Notice


@dataclass(frozen=True, kw_only=True)
class Newcomer(Notice):
    """Who just finished onboarding, for the coordinator."""

    member_id: int
    name: str | None
    riziv: str | None
    role: Role = Role.GP
    zone: str | None

    @classmethod
    def of(cls, member: Member) -> Self:
        return cls(
            member_id=member.id or 0,
            name=member.name,
            riziv=member.riziv,
            role=member.role,
            zone=member.zone,
        )


class JoinRequest(Newcomer, kind="join_request"):
    """Someone without an invite asks to join: with the buttons to decide."""


class MemberJoined(Newcomer, kind="member_joined"):
    """To the coordinator whose invite was used: the newcomer is in."""


@dataclass(frozen=True, kw_only=True)
class JoinApproved(Notice, kind="join_approved"):
    """To the newcomer: welcome, as `role`."""

    role: Role


@dataclass(frozen=True, kw_only=True)
class JoinRejected(Notice, kind="join_rejected"):
    """To the newcomer: not approved (their data is gone already)."""


@dataclass(frozen=True, kw_only=True)
class OpsError(Notice, kind="ops_error"):
    """An unexpected error, at most once an hour per signature: how often since the last."""

    signature: str
    reference: str
    count: int
