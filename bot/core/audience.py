"""Who may use what, for the bot and the console alike: the audiences, widest first, and the
widest one a person belongs to. Commands, buttons (handlers.audience) and console pages
(bot.web) declare theirs from this one list."""

from enum import IntEnum

from bot.core.membership import is_manager
from bot.core.models import Member, MemberStatus, Role


class Audience(IntEnum):
    """Ordered from widest to narrowest."""

    ANYONE = 0  # strangers included
    MEMBER = 1  # active members
    MANAGER = 2  # active coordinator and administrative staff
    COORDINATOR = 3


def member_audience(member: Member | None) -> Audience | None:
    """The widest audience this person belongs to, or None for strangers and pending members."""
    if member is None or member.status is not MemberStatus.ACTIVE:
        return None
    if member.role is Role.COORDINATOR:
        return Audience.COORDINATOR
    if is_manager(member):
        return Audience.MANAGER
    return Audience.MEMBER
