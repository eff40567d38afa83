"""The wachtwissel state machine: every transition and every refusal, with fakes."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import SettableClock
from bot.core.errors import NotAllowed, SwapError, SwapReason
from bot.core.models import Member, MemberStatus, Role, Shift, SwapKind, SwapStatus
from bot.core.roster import RosterService
from bot.core.swaps import SwapRules, SwapService
from tests.fakes import FakeDatabase, FakeUnitOfWork

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


class Kring:
    """A small kring: three on-call members in Noord, one in Zuid, one exempt, a coordinator."""

    def __init__(self, approval_required: bool = True) -> None:
        self.db = FakeDatabase()
        self.clock = SettableClock(NOW)
        self.swaps = SwapService(
            lambda: FakeUnitOfWork(self.db),
            self.clock,
            SwapRules(approval_required=approval_required),
        )
        self.roster = RosterService(lambda: FakeUnitOfWork(self.db), self.clock, "Europe/Brussels")
        self.ann = self.member("Ann", Role.GP, "Noord")
        self.bart = self.member("Bart", Role.GP, "Noord")
        self.lotte = self.member("Lotte", Role.LOCUM, "Noord")
        self.elise = self.member("Élise", Role.GP, "Zuid")
        self.exempt = self.member("Xavier", Role.GP, "Noord", on_call_exempt=True)
        self.coord = self.member("Karin", Role.COORDINATOR, None)

    def member(self, name: str, role: Role, zone: str | None, **extra: object) -> Member:
        member = Member(
            telegram_id=1000 + self.db.next_id,
            role=role,
            name=name,
            zone=zone,
            status=MemberStatus.ACTIVE,
            id=self.db.next_id,
            **extra,  # type: ignore[arg-type]
        )
        self.db.members[member.id or 0] = member
        self.db.next_id += 1
        return member

    def shift(self, member: Member, days: float, hours: float = 13, zone: str = "Noord") -> Shift:
        start = NOW + timedelta(days=days)
        shift = Shift(
            zone, start, start + timedelta(hours=hours), member.id, NOW, NOW, id=self.db.next_id
        )
        self.db.shifts[shift.id or 0] = shift
        self.db.next_id += 1
        return shift

    def outbox(self, kind: str) -> list[int]:
        """Member ids that got a message of this kind."""
        return [m.member_id or 0 for m in self.db.outbox.values() if m.kind == kind]

    def trail(self, request_id: int) -> list[str]:
        return [e.action for e in self.db.swap_events.values() if e.request_id == request_id]


@pytest.fixture
def kring() -> Kring:
    return Kring()


async def test_giveaway_from_request_to_approved_moves_the_shift(kring: Kring) -> None:
    shift = kring.shift(kring.ann, days=2)
    request, told = await kring.swaps.request(
        kring.ann, shift.id or 0, SwapKind.GIVEAWAY, note="Trouw"
    )

    assert told == 2  # bart and lotte; not elise (Zuid), not the exempt one, not ann herself
    assert sorted(kring.outbox("swap_offer")) == sorted([kring.bart.id, kring.lotte.id])
    assert [v.request.id for v in await kring.swaps.open_for(kring.bart)] == [request.id]

    taken = await kring.swaps.take(kring.bart, request.id or 0)
    assert taken.request.status is SwapStatus.TAKEN
    assert kring.db.shifts[shift.id or 0].assignee_id == kring.ann.id  # ann stays responsible
    assert kring.outbox("swap_approval") == [kring.coord.id]
    assert kring.outbox("swap_taken") == [kring.ann.id]

    approved = await kring.swaps.approve(kring.coord, request.id or 0)
    assert approved.request.status is SwapStatus.APPROVED
    assert kring.db.shifts[shift.id or 0].assignee_id == kring.bart.id
    assert sorted(kring.outbox("swap_approved")) == sorted([kring.ann.id, kring.bart.id])
    assert kring.trail(request.id or 0) == ["requested", "taken", "approved"]
    assert [s.id for s in await kring.roster.upcoming(kring.ann)] == []
    assert [s.id for s in await kring.roster.upcoming(kring.bart)] == [shift.id]


async def test_swap_gives_the_takers_shift_back_to_the_requester(kring: Kring) -> None:
    given = kring.shift(kring.ann, days=2)
    back = kring.shift(kring.bart, days=5)
    request, _ = await kring.swaps.request(kring.ann, given.id or 0, SwapKind.SWAP)

    _, options = await kring.swaps.return_options(kring.bart, request.id or 0)
    assert [s.id for s in options] == [back.id]
    with pytest.raises(SwapError, match=SwapReason.RETURN_SHIFT):
        await kring.swaps.take(kring.bart, request.id or 0)  # a swap needs a shift in return
    await kring.swaps.take(kring.bart, request.id or 0, back.id)
    await kring.swaps.approve(kring.coord, request.id or 0)

    assert kring.db.shifts[given.id or 0].assignee_id == kring.bart.id
    assert kring.db.shifts[back.id or 0].assignee_id == kring.ann.id


async def test_without_approval_the_roster_changes_when_taken() -> None:
    kring = Kring(approval_required=False)
    shift = kring.shift(kring.ann, days=2)
    request, _ = await kring.swaps.request(kring.ann, shift.id or 0, SwapKind.GIVEAWAY)
    view = await kring.swaps.take(kring.lotte, request.id or 0)
    assert view.request.status is SwapStatus.APPROVED
    assert kring.db.shifts[shift.id or 0].assignee_id == kring.lotte.id
    assert kring.outbox("swap_approval") == []


async def test_a_second_taker_is_told_it_is_gone(kring: Kring) -> None:
    shift = kring.shift(kring.ann, days=2)
    request, _ = await kring.swaps.request(kring.ann, shift.id or 0, SwapKind.GIVEAWAY)
    await kring.swaps.take(kring.bart, request.id or 0)
    with pytest.raises(SwapError, match=SwapReason.GONE):
        await kring.swaps.take(kring.lotte, request.id or 0)
    assert kring.db.swaps[request.id or 0].taker_id == kring.bart.id


async def test_who_may_not_take(kring: Kring) -> None:
    shift = kring.shift(kring.ann, days=2)
    kring.shift(kring.lotte, days=2.5)  # lotte is on duty right after: adjacent-overlapping
    request, told = await kring.swaps.request(kring.ann, shift.id or 0, SwapKind.GIVEAWAY)
    assert told == 1
    for member in (kring.lotte, kring.elise, kring.exempt, kring.ann):
        with pytest.raises(SwapError, match=SwapReason.NOT_ELIGIBLE):
            await kring.swaps.take(member, request.id or 0)
    assert kring.db.swaps[request.id or 0].status is SwapStatus.OPEN


async def test_adjacent_shift_counts_as_busy(kring: Kring) -> None:
    shift = kring.shift(kring.ann, days=2, hours=12)
    kring.shift(kring.bart, days=2.5, hours=12)  # starts exactly when ann's ends
    _, told = await kring.swaps.request(kring.ann, shift.id or 0, SwapKind.GIVEAWAY)
    assert told == 1  # lotte only
    assert await kring.swaps.open_for(kring.bart) == []


async def test_named_colleague_only(kring: Kring) -> None:
    shift = kring.shift(kring.ann, days=2)
    _, candidates = await kring.swaps.candidates(kring.ann, shift.id or 0)
    assert {m.id for m in candidates} == {
        kring.bart.id,
        kring.lotte.id,
    }
    request, told = await kring.swaps.request(
        kring.ann, shift.id or 0, SwapKind.GIVEAWAY, target_id=kring.lotte.id
    )
    assert told == 1 and kring.outbox("swap_offer") == [kring.lotte.id]
    with pytest.raises(SwapError, match=SwapReason.NOT_ELIGIBLE):
        await kring.swaps.take(kring.bart, request.id or 0)
    with pytest.raises(SwapError, match=SwapReason.NO_COLLEAGUE):
        other = kring.shift(kring.ann, days=9)
        await kring.swaps.request(
            kring.ann, other.id or 0, SwapKind.GIVEAWAY, target_id=kring.elise.id
        )


async def test_requests_that_are_refused(kring: Kring) -> None:
    mine = kring.shift(kring.ann, days=2)
    soon = kring.shift(kring.ann, days=0.25)  # in 6 hours; requests close 12 hours before
    with pytest.raises(SwapError, match=SwapReason.NOT_YOUR_SHIFT):
        await kring.swaps.request(kring.bart, mine.id or 0, SwapKind.GIVEAWAY)
    with pytest.raises(SwapError, match=SwapReason.TOO_LATE):
        await kring.swaps.request(kring.ann, soon.id or 0, SwapKind.GIVEAWAY)
    await kring.swaps.request(kring.ann, mine.id or 0, SwapKind.GIVEAWAY)
    with pytest.raises(SwapError, match=SwapReason.ALREADY_REQUESTED):
        await kring.swaps.request(kring.ann, mine.id or 0, SwapKind.SWAP)
    with pytest.raises(NotAllowed):
        await kring.swaps.request(kring.ann, mine.id or 0, SwapKind.ASSIGN)
    assert len(kring.db.swaps) == 1


async def test_withdraw_until_approval_then_taps_change_nothing(kring: Kring) -> None:
    shift = kring.shift(kring.ann, days=2)
    request, _ = await kring.swaps.request(kring.ann, shift.id or 0, SwapKind.GIVEAWAY)
    await kring.swaps.take(kring.bart, request.id or 0)
    with pytest.raises(SwapError, match=SwapReason.CLOSED):
        await kring.swaps.withdraw(kring.bart, request.id or 0)  # not the requester
    await kring.swaps.withdraw(kring.ann, request.id or 0)
    assert kring.outbox("swap_withdrawn") == [kring.bart.id]
    for late_tap in (
        kring.swaps.approve(kring.coord, request.id or 0),
        kring.swaps.take(kring.lotte, request.id or 0),
        kring.swaps.withdraw(kring.ann, request.id or 0),
    ):
        with pytest.raises(SwapError, match=SwapReason.CLOSED):
            await late_tap
    assert kring.db.shifts[shift.id or 0].assignee_id == kring.ann.id


async def test_reject_with_a_reason_and_not_twice(kring: Kring) -> None:
    shift = kring.shift(kring.ann, days=2)
    request, _ = await kring.swaps.request(kring.ann, shift.id or 0, SwapKind.GIVEAWAY)
    with pytest.raises(SwapError, match=SwapReason.CLOSED):
        await kring.swaps.approve(kring.coord, request.id or 0)  # nobody took it yet
    await kring.swaps.take(kring.bart, request.id or 0)
    with pytest.raises(NotAllowed):
        await kring.swaps.approve(kring.bart, request.id or 0)
    view = await kring.swaps.reject(kring.coord, request.id or 0, "  Te laat  ")
    assert view.request.reason == "Te laat" and view.request.status is SwapStatus.REJECTED
    assert sorted(kring.outbox("swap_rejected")) == sorted([kring.ann.id, kring.bart.id])
    with pytest.raises(SwapError, match=SwapReason.CLOSED):
        await kring.swaps.approve(kring.coord, request.id or 0)
    assert kring.db.shifts[shift.id or 0].assignee_id == kring.ann.id


async def test_follow_up_then_expiry(kring: Kring) -> None:
    shift = kring.shift(kring.ann, days=5)
    request, _ = await kring.swaps.request(kring.ann, shift.id or 0, SwapKind.GIVEAWAY)
    await kring.swaps.run_due()
    assert kring.outbox("swap_follow_up") == []

    kring.clock.set(shift.start_at - timedelta(hours=12 + 47))  # 48 h before closing, and a bit
    await kring.swaps.run_due()
    await kring.swaps.run_due()  # once only
    assert sorted(kring.outbox("swap_follow_up")) == sorted([kring.bart.id, kring.lotte.id])
    assert kring.outbox("swap_warning") == [kring.ann.id]

    kring.clock.set(shift.start_at - timedelta(hours=12))
    with pytest.raises(SwapError, match=SwapReason.CLOSED):
        await kring.swaps.take(kring.bart, request.id or 0)  # closed even before the tick
    await kring.swaps.run_due()
    assert kring.db.swaps[request.id or 0].status is SwapStatus.EXPIRED
    assert kring.outbox("swap_expired") == [kring.ann.id]
    assert kring.trail(request.id or 0) == ["requested", "followed_up", "expired"]


async def test_coordinator_acts_on_behalf_and_assigns(kring: Kring) -> None:
    shift = kring.shift(kring.ann, days=2)
    request, _ = await kring.swaps.request(kring.coord, shift.id or 0, SwapKind.GIVEAWAY)
    assert request.requester_id == kring.ann.id and request.created_by == kring.coord.id

    view = await kring.swaps.assign(kring.coord, shift.id or 0, kring.lotte.id or 0)
    assert view.request.kind is SwapKind.ASSIGN and view.request.status is SwapStatus.APPROVED
    assert kring.db.swaps[request.id or 0].status is SwapStatus.CANCELLED
    assert kring.db.shifts[shift.id or 0].assignee_id == kring.lotte.id
    with pytest.raises(NotAllowed):
        await kring.swaps.assign(kring.bart, shift.id or 0, kring.bart.id or 0)

    changes = await kring.swaps.changes(kring.coord, NOW, NOW + timedelta(days=7))
    assert [(c.before.name, c.after.name) for c in changes] == [("Ann", "Lotte")]
    pending, recent = await kring.swaps.overview(kring.coord)
    assert pending == [] and {v.request.status for v in recent} == {
        SwapStatus.CANCELLED,
        SwapStatus.APPROVED,
    }


async def test_reminder_goes_to_whoever_has_the_shift_then(kring: Kring) -> None:
    shift = kring.shift(kring.ann, days=2)
    request, _ = await kring.swaps.request(kring.ann, shift.id or 0, SwapKind.GIVEAWAY)
    await kring.swaps.take(kring.bart, request.id or 0)
    await kring.swaps.approve(kring.coord, request.id or 0)

    assert await kring.roster.remind_due() == 0  # 48 h ahead; bart wants 24 h
    kring.clock.set(shift.start_at - timedelta(hours=24))
    assert await kring.roster.remind_due() == 1
    assert await kring.roster.remind_due() == 0
    assert kring.outbox("shift_reminder") == [kring.bart.id]
    await kring.roster.confirm_handover(kring.bart, shift.id or 0)
    assert kring.db.shifts[shift.id or 0].handover_confirmed_at == kring.clock.now()


async def test_nobody_gets_a_shift_back_to_back_with_their_own(kring: Kring) -> None:
    """Nights end at 08:00 and the next starts at 19:00: consecutive nights are back to back."""
    given = kring.shift(kring.ann, days=2)
    kring.shift(kring.ann, days=5)
    kring.shift(kring.lotte, days=3)  # lotte is on duty the night after the one ann gives
    next_to_hers = kring.shift(kring.bart, days=6)
    free = kring.shift(kring.bart, days=9)
    request, told = await kring.swaps.request(kring.ann, given.id or 0, SwapKind.SWAP)
    assert told == 1  # bart; not lotte

    _, options = await kring.swaps.return_options(kring.bart, request.id or 0)
    assert [s.id for s in options] == [free.id]
    with pytest.raises(SwapError, match=SwapReason.RETURN_SHIFT):
        await kring.swaps.take(kring.bart, request.id or 0, next_to_hers.id)
