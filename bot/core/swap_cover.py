"""A shift without a doctor gets one: the coordinator gives it to a colleague who may take it,
by the same rules as a swap (bot.core.swap_views.availability: the zone, exemptions, rest)."""

from collections import Counter
from dataclasses import replace

from bot.core.errors import SwapError, SwapReason
from bot.core.membership import require_manager
from bot.core.models import Member, OutboxMessage, Shift, SwapStatus
from bot.core.notices.shifts import ShiftCovered, ShiftSummary
from bot.core.ports import Clock, UnitOfWorkFactory
from bot.core.swap_views import calendar_versions, eligible, hand_over


class ShiftCovering:
    _uow: UnitOfWorkFactory
    _clock: Clock

    async def cover(self, manager: Member, shift_id: int, member_id: int) -> Shift:
        """Give an uncovered shift that has not ended to an eligible colleague, who is told
        (with the calendar file). A shift that got a doctor meanwhile is refused."""
        require_manager(manager)
        now = self._clock.now()
        async with self._uow() as uow:
            shift = await uow.shifts.get(shift_id)
            if shift is None or shift.end_at <= now or shift.assignee_id is not None:
                raise SwapError(SwapReason.CLOSED)
            doctor = next((m for m in await eligible(uow, shift) if m.id == member_id), None)
            if doctor is None:
                raise SwapError(SwapReason.NO_COLLEAGUE)
            hand_over(shift, doctor.id, now)
            await uow.shifts.update(shift)
            versions: Counter[int] = calendar_versions(
                await uow.swaps.with_status(SwapStatus.APPROVED)
            )
            summary = replace(ShiftSummary.of(shift), sequence=versions[shift_id])
            if doctor.telegram_id is not None:
                await uow.outbox.add(OutboxMessage.to(doctor, ShiftCovered(shift=summary), now))
            await uow.commit()
        return shift
