from datetime import timedelta

from bot.clock import SettableClock
from bot.core.models import Member, MemberStatus, OutboxMessage, OutboxState, Role
from bot.core.outbox import CLAIM_LEASE, MAX_ATTEMPTS, OutboxService
from tests.conftest import START
from tests.fakes import FakeArrivals, FakeDatabase, FakeUnitOfWork


async def _queue(fake_db: FakeDatabase, *, due_in: timedelta = timedelta(0)) -> OutboxMessage:
    async with FakeUnitOfWork(fake_db) as uow:
        member = await uow.members.add(
            Member(
                telegram_id=5,
                role=Role.GP,
                status=MemberStatus.ACTIVE,
                created_at=START,
                updated_at=START,
            )
        )
        message = await uow.outbox.add(
            OutboxMessage(
                chat_id=5, kind="join_approved", due_at=START + due_in, member_id=member.id
            )
        )
        await uow.commit()
    return message


async def test_a_row_is_claimed_once(outbox: OutboxService, fake_db: FakeDatabase) -> None:
    await _queue(fake_db)
    assert len(await outbox.claim_due()) == 1
    assert await outbox.claim_due() == []


async def test_rows_are_not_claimed_before_they_are_due(
    outbox: OutboxService, fake_db: FakeDatabase, clock: SettableClock
) -> None:
    await _queue(fake_db, due_in=timedelta(hours=1))
    assert await outbox.claim_due() == []
    clock.advance(timedelta(hours=1))
    assert len(await outbox.claim_due()) == 1


async def test_a_claim_abandoned_by_a_crash_is_taken_again_after_the_lease(
    outbox: OutboxService, fake_db: FakeDatabase, clock: SettableClock
) -> None:
    await _queue(fake_db)
    await outbox.claim_due()  # ... and the process dies before sending
    clock.advance(CLAIM_LEASE / 2)
    assert await outbox.claim_due() == []
    clock.advance(CLAIM_LEASE)
    assert len(await outbox.claim_due()) == 1


async def test_sent_rows_are_never_claimed_again(
    outbox: OutboxService, fake_db: FakeDatabase, clock: SettableClock
) -> None:
    await _queue(fake_db)
    [message] = await outbox.claim_due()
    outbox.sent(message, telegram_message_id=77)
    await outbox.record([message])
    clock.advance(CLAIM_LEASE * 10)
    assert await outbox.claim_due() == []
    [stored] = fake_db.outbox.values()
    assert (stored.state, stored.telegram_message_id) == (OutboxState.SENT, 77)


async def test_a_blocked_recipient_becomes_unreachable(
    outbox: OutboxService, fake_db: FakeDatabase
) -> None:
    await _queue(fake_db)
    [message] = await outbox.claim_due()
    outbox.unreachable(message, "Forbidden: bot was blocked by the user")
    await outbox.record([message])
    [member] = fake_db.members.values()
    assert member.reachable is False
    assert next(iter(fake_db.outbox.values())).state is OutboxState.UNREACHABLE


async def test_transient_errors_are_retried_with_back_off_then_given_up(
    outbox: OutboxService, fake_db: FakeDatabase, clock: SettableClock
) -> None:
    await _queue(fake_db)
    delays = []
    for _ in range(MAX_ATTEMPTS):
        [message] = await outbox.claim_due()
        outbox.retry(message, "timeout")
        await outbox.record([message])
        stored = next(iter(fake_db.outbox.values()))
        if stored.state is OutboxState.FAILED:
            break
        delays.append(stored.due_at - clock.now())
        clock.set(stored.due_at)
    assert next(iter(fake_db.outbox.values())).state is OutboxState.FAILED
    assert delays == sorted(delays) and len(delays) == MAX_ATTEMPTS - 1


async def test_a_member_who_writes_again_is_reachable_again(
    outbox: OutboxService, fake_db: FakeDatabase, clock: SettableClock
) -> None:
    from bot.core.updates import UpdateLog

    await _queue(fake_db)
    [message] = await outbox.claim_due()
    outbox.unreachable(message, "Forbidden: bot was blocked by the user")
    await outbox.record([message])
    log = UpdateLog(FakeArrivals(fake_db), lambda: FakeUnitOfWork(fake_db), clock)
    arrival = await log.receive(1, 5)
    assert arrival.first and arrival.member is not None and arrival.member.reachable
    assert next(iter(fake_db.members.values())).reachable is True
