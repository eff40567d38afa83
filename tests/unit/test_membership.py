from datetime import timedelta

import pytest

from bot.clock import SettableClock
from bot.core.errors import (
    AlreadyMember,
    InvalidName,
    InvalidRiziv,
    InviteInvalid,
    InviteReason,
    JoinRequestNotFound,
    NotAllowed,
    NotAMember,
    RizivReason,
)
from bot.core.membership import (
    INVITE_TTL,
    MembershipService,
    OnboardingStep,
    TelegramPerson,
    clean_name,
    language_for,
    name_matches,
    name_sort_key,
)
from bot.core.models import Member, MemberStatus, OutboxState, Role
from bot.core.notices.membership import JoinRequest
from tests.conftest import START
from tests.fakes import FakeDatabase, FakeUnitOfWork

COORD_TG = 900


@pytest.fixture
async def coordinator(membership: MembershipService, fake_db: FakeDatabase) -> Member:
    async with FakeUnitOfWork(fake_db) as uow:
        member = await uow.members.add(
            Member(
                telegram_id=COORD_TG,
                role=Role.COORDINATOR,
                name="Karin Peeters",
                status=MemberStatus.ACTIVE,
                created_at=START,
                updated_at=START,
            )
        )
        await uow.commit()
    return member


async def _stored(db: FakeDatabase, telegram_id: int) -> Member | None:
    async with FakeUnitOfWork(db) as uow:
        return await uow.members.by_telegram_id(telegram_id)


async def _onboard(membership: MembershipService, code: str, tg: int = 1) -> None:
    await membership.redeem_invite(TelegramPerson(tg, "nl"), code)
    await membership.answer_onboarding(tg, "Ann Claes")
    await membership.answer_onboarding(tg, "1-48976-16-004")


async def test_an_invite_leads_through_name_and_riziv_to_an_active_member(
    membership: MembershipService, coordinator: Member, fake_db: FakeDatabase
) -> None:
    invite = await membership.create_invite(COORD_TG, Role.LOCUM, "Noord")

    started = await membership.redeem_invite(TelegramPerson(42, "fr-BE"), invite.code)
    assert started.step is OnboardingStep.NAME
    assert started.member.language == "fr"
    named = await membership.answer_onboarding(42, "  Lotte   Maes ")
    assert named.step is OnboardingStep.RIZIV
    assert named.member.name == "Lotte Maes"
    done = await membership.answer_onboarding(42, "1-48976-16-004")

    assert done.step is OnboardingStep.DONE
    member = await _stored(fake_db, 42)
    assert member is not None and member.is_active
    assert (member.role, member.zone, member.riziv) == (Role.LOCUM, "Noord", "14897616004")
    [notice] = fake_db.outbox.values()
    assert (notice.kind, notice.chat_id) == ("member_joined", COORD_TG)


async def test_an_invite_works_once(
    membership: MembershipService, fake_db: FakeDatabase, coordinator: Member
) -> None:
    invite = await membership.create_invite(COORD_TG, Role.GP)
    await membership.redeem_invite(TelegramPerson(1), invite.code)
    with pytest.raises(InviteInvalid) as refused:
        await membership.redeem_invite(TelegramPerson(2), invite.code)
    assert refused.value.reason is InviteReason.USED
    assert await _stored(fake_db, 2) is None


async def test_an_invite_expires(
    membership: MembershipService, coordinator: Member, clock: SettableClock
) -> None:
    invite = await membership.create_invite(COORD_TG, Role.GP)
    clock.advance(INVITE_TTL + timedelta(seconds=1))
    with pytest.raises(InviteInvalid) as refused:
        await membership.redeem_invite(TelegramPerson(1), invite.code)
    assert refused.value.reason is InviteReason.EXPIRED


async def test_unknown_codes_are_refused(membership: MembershipService) -> None:
    with pytest.raises(InviteInvalid):
        await membership.redeem_invite(TelegramPerson(1), "made-up")


async def test_invite_codes_are_random(membership: MembershipService, coordinator: Member) -> None:
    codes = {(await membership.create_invite(COORD_TG, Role.GP)).code for _ in range(20)}
    assert len(codes) == 20
    assert all(len(code) >= 16 for code in codes)


async def test_active_members_cannot_redeem_another_invite(
    membership: MembershipService, coordinator: Member
) -> None:
    invite = await membership.create_invite(COORD_TG, Role.GP)
    with pytest.raises(AlreadyMember):
        await membership.redeem_invite(TelegramPerson(COORD_TG), invite.code)


async def test_only_managers_create_invites(
    membership: MembershipService, coordinator: Member
) -> None:
    await _onboard(membership, (await membership.create_invite(COORD_TG, Role.GP)).code)
    with pytest.raises(NotAllowed):
        await membership.create_invite(1, Role.GP)
    with pytest.raises(NotAMember):
        await membership.create_invite(12345, Role.GP)


async def test_only_a_coordinator_makes_someone_a_coordinator_or_staff(
    membership: MembershipService, fake_db: FakeDatabase, coordinator: Member
) -> None:
    staff_invite = await membership.create_invite(COORD_TG, Role.STAFF)
    await membership.redeem_invite(TelegramPerson(1, "nl"), staff_invite.code)
    await membership.answer_onboarding(1, "Sofie Staf")  # staff have no RIZIV number
    assert (await membership.create_invite(1, Role.GP)).role is Role.GP  # staff invite GPs
    for role in (Role.COORDINATOR, Role.STAFF):
        with pytest.raises(NotAllowed):
            await membership.create_invite(1, role)
    await membership.request_to_join(TelegramPerson(2, "nl"))
    await membership.answer_onboarding(2, "Eve Janssens")
    await membership.answer_onboarding(2, "1-48976-16-004")
    asking = await _stored(fake_db, 2)
    assert asking is not None and asking.id is not None
    with pytest.raises(NotAllowed):
        await membership.decide_join_request(1, asking.id, approve=True, role=Role.COORDINATOR)
    approved = await membership.decide_join_request(1, asking.id, approve=True, role=Role.GP)
    assert approved.role is Role.GP and approved.status is MemberStatus.ACTIVE


async def test_a_bad_riziv_number_changes_nothing_and_can_be_retried(
    membership: MembershipService, fake_db: FakeDatabase, coordinator: Member
) -> None:
    invite = await membership.create_invite(COORD_TG, Role.GP)
    await membership.redeem_invite(TelegramPerson(1), invite.code)
    await membership.answer_onboarding(1, "Ann Claes")
    with pytest.raises(InvalidRiziv):
        await membership.answer_onboarding(1, "1-48976-17-004")
    member = await _stored(fake_db, 1)
    assert member is not None and member.riziv is None and not member.is_active
    done = await membership.answer_onboarding(1, "14897616004")
    assert done.step is OnboardingStep.DONE


async def test_a_riziv_number_belongs_to_one_member(
    membership: MembershipService, coordinator: Member
) -> None:
    await _onboard(membership, (await membership.create_invite(COORD_TG, Role.GP)).code, tg=1)
    await membership.redeem_invite(
        TelegramPerson(2), (await membership.create_invite(COORD_TG, Role.GP)).code
    )
    await membership.answer_onboarding(2, "Someone Else")
    with pytest.raises(InvalidRiziv) as refused:
        await membership.answer_onboarding(2, "1-48976-16-004")
    assert refused.value.reason is RizivReason.TAKEN


async def test_staff_are_not_asked_for_a_riziv_number(
    membership: MembershipService, coordinator: Member
) -> None:
    invite = await membership.create_invite(COORD_TG, Role.STAFF)
    await membership.redeem_invite(TelegramPerson(5), invite.code)
    done = await membership.answer_onboarding(5, "Sofie Wouters")
    assert done.step is OnboardingStep.DONE


async def test_a_join_request_waits_for_the_coordinator(
    membership: MembershipService, coordinator: Member, fake_db: FakeDatabase
) -> None:
    await membership.request_to_join(TelegramPerson(7, "nl"))
    await membership.answer_onboarding(7, "Bart Janssens")
    waiting = await membership.answer_onboarding(7, "1-48976-16-004")
    assert waiting.step is OnboardingStep.AWAITING_APPROVAL
    [request] = fake_db.outbox.values()
    assert request.kind == "join_request" and request.chat_id == COORD_TG
    assert request.notice == JoinRequest.of(waiting.member)

    assert waiting.member.id is not None
    approved = await membership.decide_join_request(
        COORD_TG, waiting.member.id, approve=True, role=Role.LOCUM
    )
    assert approved.is_active and approved.role is Role.LOCUM
    assert [m.kind for m in fake_db.outbox.values()] == ["join_request", "join_approved"]
    with pytest.raises(JoinRequestNotFound):
        await membership.decide_join_request(COORD_TG, waiting.member.id, approve=False)


async def test_a_rejected_request_removes_the_person_and_tells_them(
    membership: MembershipService, coordinator: Member, fake_db: FakeDatabase
) -> None:
    await membership.request_to_join(TelegramPerson(7))
    await membership.answer_onboarding(7, "Bart Janssens")
    waiting = await membership.answer_onboarding(7, "1-48976-16-004")
    assert waiting.member.id is not None
    await membership.decide_join_request(COORD_TG, waiting.member.id, approve=False)
    assert await _stored(fake_db, 7) is None
    notice = list(fake_db.outbox.values())[-1]
    assert (notice.kind, notice.chat_id, notice.state) == ("join_rejected", 7, OutboxState.PENDING)


async def test_only_managers_decide_join_requests(
    membership: MembershipService, fake_db: FakeDatabase, coordinator: Member
) -> None:
    await membership.request_to_join(TelegramPerson(7))
    await membership.answer_onboarding(7, "Bart Janssens")
    waiting = await membership.answer_onboarding(7, "1-48976-16-004")
    assert waiting.member.id is not None
    with pytest.raises(NotAllowed):  # a pending member, so not a manager
        await membership.decide_join_request(7, waiting.member.id, approve=True)
    member = await _stored(fake_db, 7)
    assert member is not None and not member.is_active


@pytest.mark.parametrize("text", ["", " ", "x", "12345", "/help", "a" * 81, "Ann\x00Claes"])
def test_names_must_look_like_names(text: str) -> None:
    with pytest.raises(InvalidName):
        clean_name(text)


def test_names_keep_accents_and_lose_extra_spaces() -> None:
    assert clean_name("  Élise   Dubois-Van   Damme ") == "Élise Dubois-Van Damme"


@pytest.mark.parametrize(
    ("code", "language"),
    [("nl", "nl"), ("nl-BE", "nl"), ("fr", "fr"), ("en-GB", "en"), ("de", "nl"), (None, "nl")],
)
def test_the_telegram_language_picks_a_catalog(code: str | None, language: str) -> None:
    assert language_for(code) == language


async def test_members_choose_their_language(
    membership: MembershipService, fake_db: FakeDatabase, coordinator: Member
) -> None:
    assert (await membership.set_language(COORD_TG, "fr")).language == "fr"
    member = await _stored(fake_db, COORD_TG)
    assert member is not None and member.language == "fr"


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("jan", "Jan Peeters"),
        ("JANS", "Lies Janssens"),
        ("elise", "Élise Dubois"),
        ("muelen", "Tine De Mûelenaere"),
        ("dhondt", "Elke D'Hondt"),
        ("devos", "Stijn De Vos"),
        ("anne catherine", "Anne-Catherine Goffinet"),
        ("  van   hoof ", "Frederik Van Hoof"),
    ],
)
def test_typing_part_of_a_name_finds_it_whatever_the_accents_case_or_spaces(
    typed: str, name: str
) -> None:
    assert name_matches(typed, name)


@pytest.mark.parametrize("typed", ["", "   ", "janx", "peeters jan x"])
def test_a_search_finds_nothing_it_does_not_contain(typed: str) -> None:
    assert not name_matches(typed, "Jan Peeters")


def test_names_sort_as_people_expect_with_accents_and_case_aside() -> None:
    """The attendance CSV and the members' lists: Élise among the E's, not after Z."""
    names = ["Zoë Peeters", "karin Claes", "Élise Dubois", "Bart Janssens"]
    expected = ["Bart Janssens", "Élise Dubois", "karin Claes", "Zoë Peeters"]
    assert sorted(names, key=name_sort_key) == expected
