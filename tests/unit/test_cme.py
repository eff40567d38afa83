from datetime import timedelta

import pytest

from bot.clock import SettableClock
from bot.core.cme import (
    AttendanceService,
    CreditsService,
    EventsService,
    RegistrationSteps,
    SeatsService,
)
from bot.core.errors import (
    AlreadyRegistered,
    CheckInReason,
    EventNotAvailable,
    EventReason,
    InvalidCheckIn,
    InvalidEvent,
    InvalidImport,
    MemberNotFound,
    NotAllowed,
    NotRegistered,
    UnavailableReason,
)
from bot.core.models import (
    Event,
    EventAudience,
    EventKind,
    LokGroup,
    Member,
    MemberStatus,
    OutboxState,
    RegistrationState,
    Role,
    Rubric,
)
from bot.core.notices.cme import CmeOffer, CmeReminder, EventSummary
from bot.core.ports import UnitOfWorkFactory
from tests.conftest import START
from tests.fakes import FakeDatabase, FakeUnitOfWork

EVENING = START + timedelta(days=3, hours=10)  # 2026-12-04 19:00 UTC


ZONE = "Europe/Brussels"


@pytest.fixture
def unit_of_work(fake_db: FakeDatabase) -> UnitOfWorkFactory:
    return lambda: FakeUnitOfWork(fake_db)


@pytest.fixture
def steps(clock: SettableClock) -> RegistrationSteps:
    return RegistrationSteps(clock)


@pytest.fixture
def events(
    unit_of_work: UnitOfWorkFactory, clock: SettableClock, steps: RegistrationSteps
) -> EventsService:
    return EventsService(unit_of_work, clock, ZONE, steps)


@pytest.fixture
def seats(
    unit_of_work: UnitOfWorkFactory, clock: SettableClock, steps: RegistrationSteps
) -> SeatsService:
    return SeatsService(unit_of_work, clock, steps)


@pytest.fixture
def attendance(unit_of_work: UnitOfWorkFactory, clock: SettableClock) -> AttendanceService:
    return AttendanceService(unit_of_work, clock)


@pytest.fixture
def credits(unit_of_work: UnitOfWorkFactory, clock: SettableClock) -> CreditsService:
    return CreditsService(unit_of_work, clock, ZONE)


def _member(fake_db: FakeDatabase, n: int, role: Role = Role.GP) -> Member:
    member = Member(
        telegram_id=1000 + n,
        role=role,
        name=f"Member {n}",
        riziv=f"1{n:010d}",
        status=MemberStatus.ACTIVE,
        id=n,
    )
    fake_db.members[n] = member
    fake_db.next_id = max(fake_db.next_id, n + 1)
    return member


@pytest.fixture
def coord(fake_db: FakeDatabase) -> Member:
    return _member(fake_db, 900, Role.COORDINATOR)


async def _event(events: EventsService, coord: Member, **overrides: object) -> Event:
    event = events.draft("Antibiotica in de eerste lijn", EventKind.LECTURE, EVENING, EVENING)
    event.end_at = EVENING + timedelta(hours=2)
    event.deadline_at = EVENING - timedelta(hours=12)
    for name, value in overrides.items():
        setattr(event, name, value)
    return await events.create(coord, event)


def _kinds(fake_db: FakeDatabase, state: OutboxState = OutboxState.PENDING) -> list[str]:
    return [m.kind for m in fake_db.outbox.values() if m.state is state]


async def test_capacity_fills_then_the_waiting_list_in_order(
    events: EventsService, seats: SeatsService, coord: Member, fake_db: FakeDatabase
) -> None:
    event = await _event(events, coord, capacity=2)
    views = [await seats.register(_member(fake_db, n), event.id or 0) for n in range(1, 5)]
    assert [v.mine and v.mine.state for v in views] == [
        RegistrationState.REGISTERED,
        RegistrationState.REGISTERED,
        RegistrationState.WAITING,
        RegistrationState.WAITING,
    ]
    assert [v.position for v in views] == [None, None, 1, 2]
    assert views[1].seats_left == 0


async def test_registering_twice_changes_nothing(
    events: EventsService, seats: SeatsService, coord: Member, fake_db: FakeDatabase
) -> None:
    event = await _event(events, coord)
    ann = _member(fake_db, 1)
    await seats.register(ann, event.id or 0)
    with pytest.raises(AlreadyRegistered):
        await seats.register(ann, event.id or 0)
    assert len(fake_db.registrations) == 1 and _kinds(fake_db) == ["cme_reminder"]


async def test_registration_closes_at_the_deadline(
    events: EventsService,
    seats: SeatsService,
    coord: Member,
    fake_db: FakeDatabase,
    clock: SettableClock,
) -> None:
    event = await _event(events, coord)
    clock.set(event.deadline_at)
    with pytest.raises(EventNotAvailable) as refused:
        await seats.register(_member(fake_db, 1), event.id or 0)
    assert refused.value.reason is UnavailableReason.CLOSED and fake_db.registrations == {}


async def test_a_freed_seat_is_offered_and_confirmed(
    events: EventsService, seats: SeatsService, coord: Member, fake_db: FakeDatabase
) -> None:
    event = await _event(events, coord, capacity=1)
    ann, lotte = _member(fake_db, 1), _member(fake_db, 2, Role.LOCUM)
    await seats.register(ann, event.id or 0)
    waiting = await seats.register(lotte, event.id or 0)
    assert _kinds(fake_db) == ["cme_reminder"]  # only ann, who has a seat

    await seats.unregister(ann, event.id or 0)
    assert _kinds(fake_db, OutboxState.CANCELLED) == ["cme_reminder"]  # ann's reminder
    [offer] = [m.notice for m in fake_db.outbox.values() if m.member_id == lotte.id]
    assert isinstance(offer, CmeOffer) and waiting.mine is not None
    assert offer.registration_id == waiting.mine.id and offer.event.title == event.title

    await seats.confirm(lotte, offer.registration_id)
    [view] = await events.upcoming(lotte)
    assert view.mine is not None and view.mine.state is RegistrationState.REGISTERED
    reminders = [m for m in fake_db.outbox.values() if m.kind == "cme_reminder"]
    assert [(m.member_id, m.state) for m in reminders] == [
        (ann.id, OutboxState.CANCELLED),
        (lotte.id, OutboxState.PENDING),
    ]
    assert reminders[1].due_at == EVENING - timedelta(days=1)


async def _seat_offered_to_bart(
    events: EventsService, seats: SeatsService, coord: Member, fake_db: FakeDatabase
) -> tuple[Member, Member, CmeOffer]:
    """One seat: ann has it, bart and lotte wait; ann leaves, so bart is offered the seat."""
    event = await _event(events, coord, capacity=1)
    ann, bart, lotte = (_member(fake_db, n) for n in (1, 2, 3))
    for member in (ann, bart, lotte):
        await seats.register(member, event.id or 0)
    await seats.unregister(ann, event.id or 0)
    offer = next(m.notice for m in fake_db.outbox.values() if m.kind == "cme_offer")
    assert isinstance(offer, CmeOffer)
    return bart, lotte, offer


async def test_an_unanswered_offer_moves_on_after_the_response_window(
    events: EventsService,
    seats: SeatsService,
    steps: RegistrationSteps,
    coord: Member,
    fake_db: FakeDatabase,
    clock: SettableClock,
) -> None:
    bart, lotte, bart_offer = await _seat_offered_to_bart(events, seats, coord, fake_db)

    clock.advance(steps.response_window - timedelta(seconds=1))
    assert await seats.expire_offers() == 0
    clock.advance(timedelta(seconds=1))
    assert await seats.expire_offers() == 1
    with pytest.raises(NotRegistered):  # too late now
        await seats.confirm(bart, bart_offer.registration_id)
    offers = [(m.kind, m.member_id) for m in fake_db.outbox.values() if m.kind != "cme_reminder"]
    assert offers == [
        ("cme_offer", bart.id),
        ("cme_offer_expired", bart.id),
        ("cme_offer", lotte.id),
    ]


async def test_declining_an_offer_passes_the_seat_on(
    events: EventsService, seats: SeatsService, coord: Member, fake_db: FakeDatabase
) -> None:
    bart, lotte, offer = await _seat_offered_to_bart(events, seats, coord, fake_db)
    with pytest.raises(NotRegistered):  # someone else's offer
        await seats.decline(lotte, offer.registration_id)
    await seats.decline(bart, offer.registration_id)
    assert [m.member_id for m in fake_db.outbox.values() if m.kind == "cme_offer"] == [
        bart.id,
        lotte.id,
    ]


async def test_no_reminder_for_a_registration_after_that_moment(
    events: EventsService,
    seats: SeatsService,
    coord: Member,
    fake_db: FakeDatabase,
    clock: SettableClock,
) -> None:
    event = await _event(events, coord)
    clock.set(EVENING - timedelta(hours=20))  # less than a day before, before the deadline
    await seats.register(_member(fake_db, 1), event.id or 0)
    assert _kinds(fake_db) == []


async def test_an_hour_reminder_when_the_member_wants_it(
    events: EventsService, seats: SeatsService, coord: Member, fake_db: FakeDatabase
) -> None:
    event = await _event(events, coord, capacity=1)
    ann, bart = _member(fake_db, 1), _member(fake_db, 2)
    registered = await seats.register(ann, event.id or 0)
    waiting = await seats.register(bart, event.id or 0)
    assert registered.mine is not None and waiting.mine is not None
    with pytest.raises(NotRegistered):  # no seat, so no reminders
        await seats.remind_hour_before(bart, waiting.mine.id or 0)
    with pytest.raises(NotRegistered):  # someone else's registration
        await seats.remind_hour_before(bart, registered.mine.id or 0)
    await seats.remind_hour_before(ann, registered.mine.id or 0)
    pending = [m for m in fake_db.outbox.values() if m.state is OutboxState.PENDING]
    assert sorted(m.due_at for m in pending) == [
        EVENING - timedelta(days=1),
        EVENING - timedelta(hours=1),
    ]


async def test_cancelling_tells_everyone_and_drops_reminders(
    events: EventsService, seats: SeatsService, coord: Member, fake_db: FakeDatabase
) -> None:
    event = await _event(events, coord, capacity=1)
    ann, bart = _member(fake_db, 1), _member(fake_db, 2)
    await seats.register(ann, event.id or 0)
    await seats.register(bart, event.id or 0)
    assert await events.cancel(coord, event.id or 0) == 2
    assert _kinds(fake_db) == ["cme_cancelled", "cme_cancelled"]
    assert _kinds(fake_db, OutboxState.CANCELLED) == ["cme_reminder"]
    for attempt in (seats.register(_member(fake_db, 3), event.id or 0), events.cancel(coord, 1)):
        with pytest.raises(EventNotAvailable):
            await attempt
    assert await events.upcoming(ann) == []


async def test_only_managers_manage_events(events: EventsService, fake_db: FakeDatabase) -> None:
    with pytest.raises(NotAllowed):
        await _event(events, _member(fake_db, 1))


async def test_check_in_with_the_link_during_the_event(
    events: EventsService,
    seats: SeatsService,
    attendance: AttendanceService,
    coord: Member,
    fake_db: FakeDatabase,
    clock: SettableClock,
) -> None:
    event = await _event(events, coord)
    ann, bart = _member(fake_db, 1), _member(fake_db, 2)
    await seats.register(ann, event.id or 0)
    with pytest.raises(InvalidCheckIn) as early:
        await attendance.check_in(ann, event.checkin_token)
    assert early.value.reason is CheckInReason.NOT_OPEN
    clock.set(EVENING - timedelta(minutes=10))
    with pytest.raises(InvalidCheckIn) as forged:
        await attendance.check_in(ann, event.checkin_token[:-1] + "x")
    assert forged.value.reason is CheckInReason.UNKNOWN
    _, registration = await attendance.check_in(ann, event.checkin_token)
    assert registration.attended_at == clock.now() and not registration.walk_in
    _, walk_in = await attendance.check_in(bart, event.checkin_token)
    assert walk_in.walk_in and walk_in.attended_at is not None
    clock.set(event.end_at + timedelta(seconds=1))
    with pytest.raises(InvalidCheckIn):
        await attendance.check_in(bart, event.checkin_token)


async def test_credits_per_rubric_and_lok_sessions_against_the_minimum(
    events: EventsService,
    seats: SeatsService,
    attendance: AttendanceService,
    credits: CreditsService,
    coord: Member,
    fake_db: FakeDatabase,
    clock: SettableClock,
) -> None:
    lotte = _member(fake_db, 1, Role.LOCUM)
    lecture = await _event(events, coord, points=2)
    ethics = await _event(events, coord, points=1, rubric=Rubric.ETHICS)
    lok = await _event(events, coord, points=1, kind=EventKind.LOK)
    skipped = await _event(events, coord, points=5)
    for event in (lecture, ethics, lok, skipped):
        await seats.register(lotte, event.id or 0)
    _, attendees = await attendance.attendees(coord, lecture.id or 0)
    await attendance.set_attended(coord, attendees[0].registration.id or 0)
    clock.set(EVENING)
    for event in (ethics, lok):
        await attendance.check_in(lotte, event.checkin_token)
    summary = await credits.credits(lotte)
    assert summary.year == 2026
    assert summary.points == {Rubric.GENERAL: 3, Rubric.ETHICS: 1}
    assert (summary.lok_sessions, summary.lok_minimum) == (1, 2)
    gp = await credits.credits(_member(fake_db, 2))
    assert gp.points == {Rubric.GENERAL: 0, Rubric.ETHICS: 0} and gp.lok_minimum is None


async def test_a_lok_session_is_for_its_group_and_counts_as_a_meeting(
    events: EventsService,
    seats: SeatsService,
    credits: CreditsService,
    coord: Member,
    fake_db: FakeDatabase,
) -> None:
    ann, elise = _member(fake_db, 1), _member(fake_db, 2)
    async with FakeUnitOfWork(fake_db) as uow:
        group = await uow.events.add_lok_group(LokGroup("LOK Noord", [ann.id or 0]))
        await uow.commit()
    event = await _event(
        events,
        coord,
        kind=EventKind.LOK,
        audience=EventAudience.LOK_GROUP,
        lok_group_id=group.id,
        start_at=START - timedelta(days=10),
        end_at=START - timedelta(days=10) + timedelta(hours=2),
    )
    with pytest.raises(EventNotAvailable) as refused:
        await seats.register(elise, event.id or 0)
    assert refused.value.reason is UnavailableReason.AUDIENCE
    await _event(events, coord, kind=EventKind.LOK, lok_group_id=group.id)  # still to come
    [overview] = await credits.lok_overview(2026)
    assert (overview.held, overview.planned, overview.required) == (1, 1, 4)
    assert not overview.meets_requirement and not overview.on_track
    assert not overview.size_ok  # one member; a LOK has 8 to 25
    assert (await credits.credits(ann)).lok_minimum == 2  # a LOK member


GOOD_CSV = (
    b"title;kind;start;end;location;capacity;points;rubric;audience;lok_group\n"
    b"Diabetes update;navorming;10/12/2026 20:00;22:00;Zaal De Linde;30;2;;all;\n"
    b"Deontologie;webinar;2026-12-15 20:00;2026-12-15 21:30;online;;1;ethiek & economie;gps;\n"
)


async def test_importing_events_from_a_csv_file(
    events: EventsService, coord: Member, fake_db: FakeDatabase
) -> None:
    imported = await events.import_events(coord, GOOD_CSV)
    assert [(e.title, e.kind, e.capacity, e.rubric) for e in imported] == [
        ("Diabetes update", EventKind.LECTURE, 30, Rubric.GENERAL),
        ("Deontologie", EventKind.WEBINAR, None, Rubric.ETHICS),
    ]
    assert imported[0].end_at - imported[0].start_at == timedelta(hours=2)
    assert imported[1].audience is EventAudience.GPS
    assert len({e.checkin_token for e in fake_db.events.values()}) == 2


@pytest.mark.parametrize(
    ("bad_row", "reason"),
    [
        ("X;navorming;10/12/2026 20:00;22:00;;;;;;", EventReason.TITLE),
        ("Diabetes;cursus;10/12/2026 20:00;22:00;;;;;;", EventReason.KIND),
        ("Diabetes;webinar;10 december;22:00;;;;;;", EventReason.MOMENT),
        ("Diabetes;webinar;10/12/2026 20:00;19:00;;;;;;", EventReason.END_BEFORE_START),
        ("Diabetes;webinar;10/12/2026 20:00;22:00;;veel;;;;", EventReason.NUMBER),
        ("Diabetes;lok;10/12/2026 20:00;22:00;;;;;lok;LOK Nergens", EventReason.LOK_GROUP),
    ],
)
async def test_an_import_with_a_bad_row_imports_nothing(
    events: EventsService, coord: Member, fake_db: FakeDatabase, bad_row: str, reason: EventReason
) -> None:
    content = GOOD_CSV + (bad_row + "\n").encode()
    with pytest.raises(InvalidImport) as refused:
        await events.import_events(coord, content)
    [problem] = refused.value.problems
    assert problem.line == 4 and problem.reason is reason
    assert fake_db.events == {}


async def test_the_coordinator_adds_a_walk_in_chosen_from_the_members_not_yet_present(
    events: EventsService, attendance: AttendanceService, coord: Member, fake_db: FakeDatabase
) -> None:
    event = await _event(events, coord)
    ann = _member(fake_db, 1)
    assert ann.id in [m.id for m in await attendance.walk_in_candidates(coord, event.id or 0)]
    added = await attendance.add_walk_in(coord, event.id or 0, ann.id or 0)
    assert added.member.id == ann.id and added.registration.walk_in
    assert ann.id not in [m.id for m in await attendance.walk_in_candidates(coord, event.id or 0)]
    with pytest.raises(MemberNotFound):
        await attendance.add_walk_in(coord, event.id or 0, 9999)
    again = await attendance.add_walk_in(coord, event.id or 0, ann.id or 0)
    assert again.registration.id == added.registration.id  # not added twice


async def test_more_seats_go_to_the_waiting_list_and_bad_edits_change_nothing(
    events: EventsService, seats: SeatsService, coord: Member, fake_db: FakeDatabase
) -> None:
    event = await _event(events, coord, capacity=1)
    for n in (1, 2, 3):
        await seats.register(_member(fake_db, n), event.id or 0)
    for field_name, bad in (("capacity", "veel"), ("deadline", "25/12/2026 10:00"), ("x", "1")):
        with pytest.raises(InvalidEvent):
            await events.edit(coord, event.id or 0, field_name, bad)
    assert _kinds(fake_db) == ["cme_reminder"]
    edited = await events.edit(coord, event.id or 0, "capacity", "3")
    assert edited.capacity == 3
    offered = [m.member_id for m in fake_db.outbox.values() if m.kind == "cme_offer"]
    assert offered == [2, 3]


async def test_moving_an_event_moves_the_reminders(
    events: EventsService, seats: SeatsService, coord: Member, fake_db: FakeDatabase
) -> None:
    event = await _event(events, coord)
    await seats.register(_member(fake_db, 1), event.id or 0)
    moved = await events.edit(coord, event.id or 0, "start", "11/12/2026 20:00")
    assert moved.end_at - moved.start_at == timedelta(hours=2)
    assert moved.deadline_at < moved.start_at
    [reminder] = [m for m in fake_db.outbox.values() if m.state is OutboxState.PENDING]
    assert reminder.due_at == moved.start_at - timedelta(days=1)
    assert reminder.envelope.not_after == moved.start_at
    assert reminder.notice == CmeReminder(event=EventSummary.of(moved))
