"""The members table of the console: the kring's members found by name and filtered by role,
zone and status, a page at a time (a kring has up to 300), and the join requests that wait for
a decision. Pure selection over MembershipService.members, which checks who may look."""

from dataclasses import dataclass, field

from bot.core.membership import (
    OnboardingStep,
    may_grant,
    name_matches,
    name_sort_key,
    onboarding_step,
)
from bot.core.models import JoinPath, Member, MemberStatus, Role

PAGE_SIZE = 25
LISTED = (MemberStatus.ACTIVE, MemberStatus.SUSPENDED)  # applicants wait apart; erased are gone
NO_ZONE = "-"  # the zone filter for members without a zone
INVITABLE_ROLES = (Role.GP, Role.LOCUM, Role.STAFF, Role.COORDINATOR)  # in the order offered


@dataclass(frozen=True)
class MemberFilter:
    text: str = ""  # part of a name (see name_matches)
    role: Role | None = None
    zone: str | None = None  # a zone of the kring, NO_ZONE, or None for any
    status: MemberStatus | None = None
    member_id: int | None = None  # one member: the one just changed
    page: int = 1

    def keeps(self, member: Member) -> bool:
        zone = member.zone or NO_ZONE
        return (
            member.status in LISTED
            and (not self.text or name_matches(self.text, member.name))
            and (self.role is None or member.role is self.role)
            and (self.zone is None or name_sort_key(zone) == name_sort_key(self.zone))
            and (self.status is None or member.status is self.status)
            and (self.member_id is None or member.id == self.member_id)
        )


@dataclass(frozen=True)
class MemberTable:
    rows: list[Member]
    total: int  # members the filter keeps, over all pages
    page: int
    pages: int
    requests: list[Member] = field(default_factory=list)  # join requests awaiting a decision


def member_table(members: list[Member], chosen: MemberFilter) -> MemberTable:
    """`members` sorted by name (MembershipService.members); a page out of range shows the last."""
    kept = [member for member in members if chosen.keeps(member)]
    pages = max(1, -(-len(kept) // PAGE_SIZE))
    page = min(max(chosen.page, 1), pages)
    start = (page - 1) * PAGE_SIZE
    return MemberTable(
        kept[start : start + PAGE_SIZE], len(kept), page, pages, join_requests(members)
    )


def join_requests(members: list[Member]) -> list[Member]:
    """People who asked to join (not invited), answered both questions and wait for approval."""
    return [
        member
        for member in members
        if member.joined_via is JoinPath.REQUEST
        and onboarding_step(member) is OnboardingStep.AWAITING_APPROVAL
    ]


def may_manage_members(manager: Member) -> bool:
    """Suspend, reactivate, change role or zone, remove: what MembershipService._manage allows,
    i.e. who may give the coordinator's role (only an active coordinator)."""
    return may_grant(manager, Role.COORDINATOR)


def grantable_roles(manager: Member) -> list[Role]:
    """The roles this manager may give in an invite or an approval (may_grant)."""
    return [role for role in INVITABLE_ROLES if may_grant(manager, role)]
