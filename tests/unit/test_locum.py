from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.clock import SettableClock
from bot.core.locum import (
    InvalidReplacement,
    LocumService,
    ReplacementNotFound,
    ReplacementReason,
    parse_date,
)
from bot.core.models import Member, MemberStatus, Role
from bot.core.notices.locum import LocumEndReminder
from tests.conftest import START
from tests.fakes import FakeDatabase, FakeUnitOfWork

BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.fixture
def locum(fake_db: FakeDatabase, clock: SettableClock) -> LocumService:
    return LocumService(lambda: FakeUnitOfWork(fake_db), clock, "Europe/Brussels")


@pytest.fixture
async def lotte(fake_db: FakeDatabase) -> Member:
    async with FakeUnitOfWork(fake_db) as uow:
        member = await uow.members.add(
            Member(
                telegram_id=5,
                role=Role.LOCUM,
                name="Lotte Maes",
                language="nl",
                status=MemberStatus.ACTIVE,
                created_at=START,
                updated_at=START,
            )
        )
        await uow.commit()
    return member


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3/3/2026", date(2026, 3, 3)),
        ("03-03-2026", date(2026, 3, 3)),
        ("3.3.26", date(2026, 3, 3)),
        ("2026-03-31", date(2026, 3, 31)),
    ],
)
def test_dates_as_members_type_them(typed: str, expected: date) -> None:
    assert parse_date(typed) == expected


@pytest.mark.parametrize("typed", ["31/2/2026", "morgen", "3/3", "13/13/2026"])
def test_impossible_dates_are_refused(typed: str) -> None:
    with pytest.raises(InvalidReplacement):
        parse_date(typed)


async def test_a_replacement_gets_a_reminder_two_days_before_its_end(
    locum: LocumService, lotte: Member, fake_db: FakeDatabase
) -> None:
    replacement = await locum.register(
        lotte, "Praktijk De Linde", "Dr. Bart Janssens", date(2026, 12, 1), date(2026, 12, 31)
    )
    [reminder] = fake_db.outbox.values()
    assert reminder.kind == "locum_end_reminder" and reminder.chat_id == 5
    assert reminder.due_at == datetime(2026, 12, 29, 9, 0, tzinfo=BRUSSELS)
    assert reminder.notice == LocumEndReminder(
        replacement_id=replacement.id or 0, practice="Praktijk De Linde", end_on=date(2026, 12, 31)
    )


async def test_an_end_before_the_start_is_refused_and_nothing_is_kept(
    locum: LocumService, lotte: Member, fake_db: FakeDatabase
) -> None:
    with pytest.raises(InvalidReplacement) as refused:
        await locum.register(
            lotte, "X praktijk", "Dr. Bart Janssens", date(2026, 3, 2), date(2026, 3, 1)
        )
    assert refused.value.reason is ReplacementReason.END_BEFORE_START
    assert fake_db.replacements == {} and fake_db.outbox == {}


async def test_items_are_ticked_and_unticked_by_their_owner_only(
    locum: LocumService, lotte: Member
) -> None:
    replacement = await locum.register(
        lotte, "Praktijk De Linde", "Dr. Bart Janssens", date(2026, 12, 1), date(2026, 12, 31)
    )
    assert replacement.id is not None
    assert (await locum.toggle(lotte, replacement.id, "stamp")).done == ["stamp"]
    assert (await locum.toggle(lotte, replacement.id, "stamp")).done == []
    someone_else = Member(telegram_id=9, role=Role.LOCUM, id=999)
    with pytest.raises(ReplacementNotFound):
        await locum.toggle(someone_else, replacement.id, "stamp")
    with pytest.raises(ReplacementNotFound):
        await locum.toggle(lotte, replacement.id, "no-such-item")


async def test_old_replacements_drop_off_the_list(
    locum: LocumService, lotte: Member, clock: SettableClock
) -> None:
    await locum.register(lotte, "Praktijk A", "Dr. Ann Claes", date(2026, 12, 1), date(2026, 12, 5))
    assert len(await locum.mine(lotte)) == 1
    clock.advance(timedelta(days=40))
    assert await locum.mine(lotte) == []
