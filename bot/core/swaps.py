"""Wachtwissels: a GP asks to give away or swap a shift, eligible colleagues are told, exactly one
takes it, the coordinator approves (unless the kring switched approval off), and the roster
follows. The requester stays responsible for the shift until the swap is approved.

Every change of a request is a compare-and-set on its status (`SwapRepository.move`), so of
several colleagues tapping "Overnemen" at once exactly one wins, whatever the number of processes.
Every step is kept in the request's audit trail.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.core.errors import NotAllowed, SwapError, SwapReason
from bot.core.membership import is_manager, require_manager
from bot.core.models import (
    Member,
    OutboxMessage,
    Shift,
    SwapEvent,
    SwapKind,
    SwapRequest,
    SwapStatus,
)
from bot.core.notices import Envelope
from bot.core.notices import shifts as notices
from bot.core.ports import Clock, UnitOfWork, UnitOfWorkFactory
from bot.core.roster import busy_around
from bot.core.swap_cover import ShiftCovering
from bot.core.swap_queries import SwapQueries
from bot.core.swap_views import (
    Availability,
    SwapView,
    availability,
    calendar_versions,
    eligible,
    hand_over,
    load_view,
    member_of,
    outcome,
    summary,
)

NOTE_MAX = 200
REASON_MAX = 200


@dataclass(frozen=True)
class SwapRules:
    """What the kring decides (settings)."""

    min_notice: timedelta = timedelta(hours=12)  # requests close this long before the shift
    approval_required: bool = True
    follow_up_before: timedelta = timedelta(hours=48)  # follow-up and warning before closing
    recent: timedelta = timedelta(days=30)  # what the coordinator's overview calls recent


class SwapService(SwapQueries, ShiftCovering):
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, rules: SwapRules) -> None:
        self._uow = uow_factory
        self._clock = clock
        self.rules = rules
        self.recent = rules.recent

    # --- asking -------------------------------------------------------------------------------

    async def requestable(self, actor: Member, shift_id: int) -> Shift:
        """The shift, if the actor may ask to swap it now (theirs, or any for a manager)."""
        async with self._uow() as uow:
            return await self._requestable(uow, actor, shift_id)

    async def _requestable(self, uow: UnitOfWork, actor: Member, shift_id: int) -> Shift:
        shift = await uow.shifts.get(shift_id)
        if shift is None or (shift.assignee_id != actor.id and not is_manager(actor)):
            raise SwapError(SwapReason.NOT_YOUR_SHIFT)
        if self._clock.now() >= shift.start_at - self.rules.min_notice:
            raise SwapError(SwapReason.TOO_LATE)
        if await uow.swaps.pending_for_shift(shift_id) is not None:
            raise SwapError(SwapReason.ALREADY_REQUESTED)
        return shift

    async def candidates(self, actor: Member, shift_id: int) -> tuple[Shift, list[Member]]:
        """The shift, if it may be asked for now, and the colleagues who could take it over."""
        async with self._uow() as uow:
            shift = await self._requestable(uow, actor, shift_id)
            return shift, await eligible(uow, shift)

    async def request(
        self,
        actor: Member,
        shift_id: int,
        kind: SwapKind,
        target_id: int | None = None,
        note: str = "",
    ) -> tuple[SwapRequest, int]:
        """Ask for a swap; return the request and how many colleagues were told. A manager may
        ask on behalf of the shift's assignee."""
        if kind is SwapKind.ASSIGN:
            raise NotAllowed()
        now = self._clock.now()
        async with self._uow() as uow:
            shift = await self._requestable(uow, actor, shift_id)
            colleagues = await eligible(uow, shift)
            if target_id is not None:
                colleagues = [member for member in colleagues if member.id == target_id]
                if not colleagues:
                    raise SwapError(SwapReason.NO_COLLEAGUE)
            request = await uow.swaps.add(
                SwapRequest(
                    shift_id=shift_id,
                    requester_id=shift.assignee_id or 0,
                    kind=kind,
                    created_by=actor.id or 0,
                    created_at=now,
                    expires_at=shift.start_at - self.rules.min_notice,
                    target_id=target_id,
                    note=" ".join(note.split())[:NOTE_MAX],
                )
            )
            await self._record(uow, request, "requested", actor, kind.value)
            requester = await member_of(uow, request.requester_id)
            await self._offer(uow, notices.SwapOffer, request, shift, requester, colleagues)
            await uow.commit()
        return request, len(colleagues)

    async def _offer(
        self,
        uow: UnitOfWork,
        kind: type[notices.SwapOffer | notices.SwapFollowUp],
        request: SwapRequest,
        shift: Shift,
        requester: Member,
        colleagues: Sequence[Member],
    ) -> None:
        notice = kind(swap=summary(request, shift, requester))
        for colleague in colleagues:
            if colleague.telegram_id is not None:
                await uow.outbox.add(OutboxMessage.to(colleague, notice, self._clock.now()))

    # --- calling in sick ------------------------------------------------------------------------

    async def sick_shift(self, actor: Member, shift_id: int) -> Shift:
        """The shift, if its doctor (or a manager for them) may still call in sick for it: theirs,
        not started, no request pending. For shifts too close for an ordinary request."""
        async with self._uow() as uow:
            return await self._sick_shift(uow, actor, shift_id)

    async def _sick_shift(self, uow: UnitOfWork, actor: Member, shift_id: int) -> Shift:
        shift = await uow.shifts.get(shift_id)
        if shift is None or (shift.assignee_id != actor.id and not is_manager(actor)):
            raise SwapError(SwapReason.NOT_YOUR_SHIFT)
        if self._clock.now() >= shift.start_at:
            raise SwapError(SwapReason.STARTED)
        if await uow.swaps.pending_for_shift(shift_id) is not None:
            raise SwapError(SwapReason.ALREADY_REQUESTED)
        return shift

    async def call_in_sick(self, actor: Member, shift_id: int) -> tuple[SwapRequest, int]:
        """An urgent give-away, open until the shift starts: every colleague who could take it
        and the coordinators are told at once, through quiet hours. Return the request and how
        many colleagues were asked."""
        now = self._clock.now()
        async with self._uow() as uow:
            shift = await self._sick_shift(uow, actor, shift_id)
            colleagues = await eligible(uow, shift)
            request = await uow.swaps.add(
                SwapRequest(
                    shift_id=shift_id,
                    requester_id=shift.assignee_id or 0,
                    kind=SwapKind.GIVEAWAY,
                    created_by=actor.id or 0,
                    created_at=now,
                    expires_at=shift.start_at,
                )
            )
            await self._record(uow, request, "requested", actor, "sick")
            swap = summary(request, shift, await member_of(uow, request.requester_id))
            urgent = Envelope(urgent=True, not_after=shift.start_at)
            for colleague in colleagues:
                if colleague.telegram_id is not None:
                    notice = notices.SwapUrgent(swap=swap)
                    await uow.outbox.add(OutboxMessage.to(colleague, notice, now, urgent))
            report = notices.SickReport(swap=swap, asked=len(colleagues))
            for manager in await uow.members.list(active_only=True):
                if is_manager(manager) and manager.telegram_id is not None:
                    await uow.outbox.add(OutboxMessage.to(manager, report, now, urgent))
            await uow.commit()
        return request, len(colleagues)

    # --- taking -------------------------------------------------------------------------------

    async def open_for(self, member: Member) -> list[SwapView]:
        """Open requests this member could take (`/swaps`)."""
        async with self._uow() as uow:
            views = []
            for request in await uow.swaps.with_status(SwapStatus.OPEN):
                shift = await uow.shifts.get(request.shift_id)
                if shift is not None and await self._may_take(uow, member, request, shift):
                    views.append(await load_view(uow, request))
            return views

    async def _may_take(
        self, uow: UnitOfWork, member: Member, request: SwapRequest, shift: Shift
    ) -> bool:
        if request.target_id not in (None, member.id) or self._clock.now() >= request.expires_at:
            return False
        return member.id in {m.id for m in await eligible(uow, shift)}

    async def return_options(self, member: Member, request_id: int) -> tuple[SwapView, list[Shift]]:
        """For a swap: the member's shifts the requester could take in return."""
        async with self._uow() as uow:
            request, shift = await self._takeable(uow, member, request_id)
            options = [
                own
                for own in await uow.shifts.of_member(member.id or 0, self._clock.now())
                if await self._fits_in_return(uow, request, shift, own)
            ]
            return await load_view(uow, request), options

    async def _fits_in_return(
        self, uow: UnitOfWork, request: SwapRequest, shift: Shift, offered: Shift
    ) -> bool:
        """The requester can take `offered` (same zone, in time, with their rest kept around it
        apart from the shift they give away) and nobody is already swapping it."""
        if offered.zone != shift.zone or offered.id == shift.id:
            return False
        if self._clock.now() >= offered.start_at - self.rules.min_notice:
            return False
        if await uow.swaps.pending_for_shift(offered.id or 0) is not None:
            return False
        busy = await busy_around(uow, offered, {offered.id or 0, shift.id or 0})
        return request.requester_id not in busy

    async def _takeable(
        self, uow: UnitOfWork, member: Member, request_id: int
    ) -> tuple[SwapRequest, Shift]:
        request = await uow.swaps.get(request_id)
        if request is not None and request.taker_id is not None and request.taker_id == member.id:
            raise SwapError(SwapReason.YOURS)  # a double tap
        if request is None or request.status is not SwapStatus.OPEN:
            gone = request is not None and request.status in (SwapStatus.TAKEN, SwapStatus.APPROVED)
            raise SwapError(SwapReason.GONE if gone else SwapReason.CLOSED)
        shift = await uow.shifts.get(request.shift_id)
        if shift is None or self._clock.now() >= request.expires_at:
            raise SwapError(SwapReason.CLOSED)
        if not await self._may_take(uow, member, request, shift):
            raise SwapError(SwapReason.NOT_ELIGIBLE)
        return request, shift

    async def take(
        self, member: Member, request_id: int, return_shift_id: int | None = None
    ) -> SwapView:
        now = self._clock.now()
        async with self._uow() as uow:
            request, shift = await self._takeable(uow, member, request_id)
            if request.kind is SwapKind.SWAP:
                offered = None if return_shift_id is None else await uow.shifts.get(return_shift_id)
                if (
                    offered is None
                    or offered.assignee_id != member.id
                    or not await self._fits_in_return(uow, request, shift, offered)
                ):
                    raise SwapError(SwapReason.RETURN_SHIFT)
                request.return_shift_id = offered.id
            request.status, request.taker_id, request.taken_at = SwapStatus.TAKEN, member.id, now
            if not await uow.swaps.move(request, SwapStatus.OPEN):
                raise SwapError(SwapReason.GONE)
            await self._record(uow, request, "taken", member)
            if self.rules.approval_required:
                await self._ask_approval(uow, request)
            else:
                await self._apply(uow, request, None)
            view = await load_view(uow, request)
            await uow.commit()
        return view

    async def _ask_approval(self, uow: UnitOfWork, request: SwapRequest) -> None:
        view = await load_view(uow, request)
        await self._tell(uow, view.requester, outcome(notices.SwapTaken, view))
        for manager in await uow.members.list(active_only=True):
            if is_manager(manager):
                await self._tell(uow, manager, outcome(notices.SwapApproval, view))

    # --- deciding -----------------------------------------------------------------------------

    async def approve(self, manager: Member, request_id: int) -> SwapView:
        require_manager(manager)
        async with self._uow() as uow:
            request = await self._waiting_for_decision(uow, request_id)
            await self._apply(uow, request, manager)
            view = await load_view(uow, request)
            await uow.commit()
        return view

    async def reject(self, manager: Member, request_id: int, reason: str) -> SwapView:
        require_manager(manager)
        async with self._uow() as uow:
            request = await self._waiting_for_decision(uow, request_id)
            request.status, request.decided_at = SwapStatus.REJECTED, self._clock.now()
            request.decided_by, request.reason = manager.id, " ".join(reason.split())[:REASON_MAX]
            if not await uow.swaps.move(request, SwapStatus.TAKEN):
                raise SwapError(SwapReason.CLOSED)
            await self._record(uow, request, "rejected", manager, request.reason)
            view = await load_view(uow, request)
            for member in (view.requester, view.taker):
                await self._tell(uow, member, outcome(notices.SwapRejected, view))
            await uow.commit()
        return view

    async def _waiting_for_decision(self, uow: UnitOfWork, request_id: int) -> SwapRequest:
        request = await uow.swaps.get(request_id)
        if request is None or request.status is not SwapStatus.TAKEN:
            raise SwapError(SwapReason.CLOSED)
        return request

    async def _apply(self, uow: UnitOfWork, request: SwapRequest, manager: Member | None) -> None:
        """The roster follows an approved swap: the shift (and the one given back) change hands;
        reminders start again for the new assignee."""
        shift = await uow.shifts.get(request.shift_id)
        offered = (
            None
            if request.return_shift_id is None
            else await uow.shifts.get(request.return_shift_id)
        )
        if (
            shift is None
            or shift.assignee_id != request.requester_id
            or (
                request.kind is SwapKind.SWAP
                and (offered is None or offered.assignee_id != request.taker_id)
            )
        ):
            raise SwapError(SwapReason.CLOSED)  # the roster changed underneath the request
        now = self._clock.now()
        expected = request.status
        request.status, request.decided_at = SwapStatus.APPROVED, now
        request.decided_by = None if manager is None else manager.id
        if not await uow.swaps.move(request, expected):
            raise SwapError(SwapReason.CLOSED)
        hand_over(shift, request.taker_id, now)
        await uow.shifts.update(shift)
        if offered is not None:
            hand_over(offered, request.requester_id, now)
            await uow.shifts.update(offered)
        await self._record(uow, request, "approved", manager)
        view = await load_view(uow, request)
        versions = calendar_versions(await uow.swaps.with_status(SwapStatus.APPROVED))
        if request.kind is SwapKind.ASSIGN:  # nobody asked: both are told what the coordinator did
            await self._tell(uow, view.taker, outcome(notices.ShiftAssigned, view, versions))
            await self._tell(uow, view.requester, outcome(notices.ShiftReassigned, view, versions))
            return
        approved = outcome(notices.SwapApproved, view, versions)
        await self._tell(uow, view.requester, approved)
        await self._tell(uow, view.taker, replace(approved, holder=True))
        if offered is not None:  # its calendar file too: gained by the requester, lost by the taker
            returned = outcome(notices.ReturnShiftMoved, view, versions)
            await self._tell(uow, view.requester, replace(returned, holder=True))
            await self._tell(uow, view.taker, returned)

    async def _assignable(self, uow: UnitOfWork, manager: Member, shift_id: int) -> Shift:
        """A shift the coordinator may give to someone: not over yet (without a doctor, see
        bot.core.swap_cover)."""
        require_manager(manager)
        shift = await uow.shifts.get(shift_id)
        if shift is None or shift.end_at <= self._clock.now():
            raise SwapError(SwapReason.NOT_YOUR_SHIFT)
        return shift

    async def assign_candidates(self, manager: Member, shift_id: int) -> tuple[Shift, Availability]:
        """A shift the coordinator may give to someone else, and who could take it: the same
        rules as a swap request."""
        async with self._uow() as uow:
            shift = await self._assignable(uow, manager, shift_id)
            return shift, await availability(uow, shift)

    async def assign(self, manager: Member, shift_id: int, member_id: int) -> SwapView:
        """The coordinator moves a shift to another member directly (kept as an approved change,
        so it is in the export and the trail); a pending request for the shift is cancelled.
        The new holder must be free as for a swap (same zone, not exempt, rested)."""
        now = self._clock.now()
        async with self._uow() as uow:
            shift = await self._assignable(uow, manager, shift_id)
            if shift.assignee_id is None:
                raise SwapError(SwapReason.NOT_YOUR_SHIFT)
            new = next((m for m in await eligible(uow, shift) if m.id == member_id), None)
            if new is None:
                raise SwapError(SwapReason.NO_COLLEAGUE)
            pending = await uow.swaps.pending_for_shift(shift_id)
            if pending is not None:
                expected, pending.status = pending.status, SwapStatus.CANCELLED
                pending.decided_at, pending.decided_by = now, manager.id
                await uow.swaps.move(pending, expected)
                await self._record(uow, pending, "cancelled", manager)
            request = await uow.swaps.add(
                SwapRequest(
                    shift_id=shift_id,
                    requester_id=shift.assignee_id or 0,
                    kind=SwapKind.ASSIGN,
                    created_by=manager.id or 0,
                    created_at=now,
                    expires_at=shift.start_at,
                    status=SwapStatus.TAKEN,
                    taker_id=new.id,
                    taken_at=now,
                )
            )
            await self._record(uow, request, "assigned", manager)
            await self._apply(uow, request, manager)
            view = await load_view(uow, request)
            await uow.commit()
        return view

    # --- withdrawing and expiring -------------------------------------------------------------

    async def withdraw(self, actor: Member, request_id: int) -> SwapView:
        async with self._uow() as uow:
            request = await uow.swaps.get(request_id)
            if request is None or (request.requester_id != actor.id and not is_manager(actor)):
                raise SwapError(SwapReason.CLOSED)
            if not request.pending:
                raise SwapError(SwapReason.CLOSED)
            expected = request.status
            request.status, request.decided_at = SwapStatus.WITHDRAWN, self._clock.now()
            if not await uow.swaps.move(request, expected):
                raise SwapError(SwapReason.CLOSED)
            await self._record(uow, request, "withdrawn", actor)
            view = await load_view(uow, request)
            if view.taker is not None:
                await self._tell(uow, view.taker, outcome(notices.SwapWithdrawn, view))
            await uow.commit()
        return view

    async def run_due(self) -> None:
        """Expire what reached its closing time; follow up on what is still open near it."""
        now = self._clock.now()
        async with self._uow() as uow:
            for request in await uow.swaps.with_status(SwapStatus.OPEN, SwapStatus.TAKEN):
                if now >= request.expires_at:
                    await self._expire(uow, request)
                elif request.status is SwapStatus.OPEN and self._follow_up_due(request, now):
                    await self._follow_up(uow, request)
            await uow.commit()

    def _follow_up_due(self, request: SwapRequest, now: datetime) -> bool:
        moment = request.expires_at - self.rules.follow_up_before
        return request.followed_up_at is None and request.created_at < moment <= now

    async def _expire(self, uow: UnitOfWork, request: SwapRequest) -> None:
        expected, request.status = request.status, SwapStatus.EXPIRED
        request.decided_at = self._clock.now()
        if not await uow.swaps.move(request, expected):
            return  # another process got there first
        await self._record(uow, request, "expired", None)
        view = await load_view(uow, request)
        for member in (view.requester, view.taker):
            await self._tell(uow, member, outcome(notices.SwapExpired, view))

    async def _follow_up(self, uow: UnitOfWork, request: SwapRequest) -> None:
        if not await uow.swaps.claim_follow_up(request.id or 0, self._clock.now()):
            return  # taken, closed or followed up by another process meanwhile
        await self._record(uow, request, "followed_up", None)
        view = await load_view(uow, request)
        colleagues = await eligible(uow, view.shift)
        if request.target_id is not None:
            colleagues = [member for member in colleagues if member.id == request.target_id]
        await self._offer(
            uow, notices.SwapFollowUp, request, view.shift, view.requester, colleagues
        )
        await self._tell(uow, view.requester, outcome(notices.SwapWarning, view))

    # --- plumbing -----------------------------------------------------------------------------

    async def _record(
        self,
        uow: UnitOfWork,
        request: SwapRequest,
        action: str,
        actor: Member | None,
        detail: str = "",
    ) -> None:
        await uow.swaps.record(
            SwapEvent(
                request_id=request.id or 0,
                action=action,
                at=self._clock.now(),
                actor_id=None if actor is None else actor.id,
                detail=detail,
            )
        )

    async def _tell(
        self, uow: UnitOfWork, member: Member | None, notice: notices.SwapOutcome
    ) -> None:
        if member is not None and member.is_active and member.telegram_id is not None:
            await uow.outbox.add(OutboxMessage.to(member, notice, self._clock.now()))
