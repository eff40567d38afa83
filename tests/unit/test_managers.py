"""One rule for who manages (bot.core.membership.is_manager): an active coordinator or staff
member. The services that used to look at the role only now refuse a suspended coordinator."""

from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest

from bot.clock import SettableClock
from bot.core.audit import AuditService
from bot.core.errors import NotAllowed, NotAMember
from bot.core.membership import is_manager, require_manager
from bot.core.models import Member, MemberStatus, Role
from bot.core.privacy import PrivacyService
from bot.core.roster import RosterService
from bot.core.swaps import SwapRules, SwapService
from tests.fakes import FakeDatabase, FakeUnitOfWork

ZONE = "Europe/Brussels"
ANN_RIZIV = "14897616004"


@pytest.mark.parametrize(
    ("role", "status", "manages"),
    [
        (Role.COORDINATOR, MemberStatus.ACTIVE, True),
        (Role.STAFF, MemberStatus.ACTIVE, True),
        (Role.GP, MemberStatus.ACTIVE, False),
        (Role.LOCUM, MemberStatus.ACTIVE, False),
        (Role.COORDINATOR, MemberStatus.SUSPENDED, False),
        (Role.STAFF, MemberStatus.PENDING, False),
        (Role.COORDINATOR, MemberStatus.FORGOTTEN, False),
    ],
)
def test_a_manager_is_an_active_coordinator_or_staff_member(
    role: Role, status: MemberStatus, manages: bool
) -> None:
    member = Member(telegram_id=1, role=role, status=status)
    assert is_manager(member) is manages


def test_require_manager_refuses_no_member_and_everyone_who_does_not_manage() -> None:
    with pytest.raises(NotAMember):
        require_manager(None)
    with pytest.raises(NotAllowed):
        require_manager(Member(telegram_id=1, role=Role.COORDINATOR, status=MemberStatus.SUSPENDED))
    require_manager(Member(telegram_id=1, role=Role.STAFF, status=MemberStatus.ACTIVE))


@pytest.fixture
def kring(fake_db: FakeDatabase) -> FakeDatabase:
    """Ann, an active GP: someone to act on (exempt from on-call duty, look up by RIZIV)."""
    fake_db.members[1] = Member(
        telegram_id=1, role=Role.GP, status=MemberStatus.ACTIVE, riziv=ANN_RIZIV, id=1
    )
    return fake_db


Attempt = Callable[[FakeDatabase, SettableClock, Member], Awaitable[object]]


async def _exempt(db: FakeDatabase, clock: SettableClock, actor: Member) -> object:
    return await RosterService(lambda: FakeUnitOfWork(db), clock, ZONE).set_exempt(actor, 1, True)


async def _import_roster(db: FakeDatabase, clock: SettableClock, actor: Member) -> object:
    return await RosterService(lambda: FakeUnitOfWork(db), clock, ZONE).import_rows(actor, [])


async def _approvals(db: FakeDatabase, clock: SettableClock, actor: Member) -> object:
    swaps = SwapService(lambda: FakeUnitOfWork(db), clock, SwapRules())
    return await swaps.waiting_for_approval(actor)


async def _privacy_subject(db: FakeDatabase, clock: SettableClock, actor: Member) -> object:
    privacy = PrivacyService(lambda: FakeUnitOfWork(db), clock, timedelta(days=365))
    return await privacy.subject(actor, ANN_RIZIV)


async def _audit_log(db: FakeDatabase, clock: SettableClock, actor: Member) -> object:
    return await AuditService(lambda: FakeUnitOfWork(db), clock).since(actor, 7, {})


@pytest.mark.parametrize(
    "attempt",
    [_exempt, _import_roster, _approvals, _privacy_subject, _audit_log],
    ids=lambda attempt: attempt.__name__.lstrip("_"),
)
async def test_a_suspended_coordinator_is_refused(
    attempt: Attempt, kring: FakeDatabase, clock: SettableClock
) -> None:
    coordinator = Member(
        telegram_id=900, role=Role.COORDINATOR, status=MemberStatus.SUSPENDED, id=900
    )
    with pytest.raises(NotAllowed):
        await attempt(kring, clock, coordinator)


@pytest.mark.parametrize("attempt", [_exempt, _import_roster, _approvals, _privacy_subject])
async def test_the_same_coordinator_active_may(
    attempt: Attempt, kring: FakeDatabase, clock: SettableClock
) -> None:
    """The refusal above is for the status: active, the same member is let through."""
    coordinator = Member(telegram_id=900, role=Role.COORDINATOR, status=MemberStatus.ACTIVE, id=900)
    await attempt(kring, clock, coordinator)
